using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline ics</c>: a programme year as an iCalendar file.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateIcs() =>
        new IcsOptions().CreateCommand("ics", "Export a programme year's sessions to an iCalendar (RFC 5545) file that calendar clients import.", WithYear<IcsOptions>(ExportIcs));

    /// <summary>Runs <c>upon timeline ics</c>.</summary>
    private static int ExportIcs(CommandRun run, IcsOptions options, ProgrammeYear programme)
    {
        TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
        DocumentProblem[] timeErrors = [.. report.Problems.Where(f => f.Code == TimelineFindingCodes.SessionEndBeforeStart)];
        if (timeErrors.Length > 0)
        {
            run.Error.WriteLine($"upon: {CliText.Escape(programme.Id)} cannot be exported:");
            foreach (DocumentProblem finding in timeErrors)
            {
                run.Error.WriteLine($"  {CliText.Escape(finding.ToString())}");
            }

            return ExitCodes.InvalidInput;
        }

        // Never the system clock: the same year exported twice gives the same file unless --stamp says otherwise.
        Instant when = run.GetValue(options.Stamp) ?? programme.Window.Start.AtStartOfDayInZone(ProgrammeYear.TimeZone).ToInstant();
        string file = run.GetValue(options.OutputFile)!;
        if (!OutputFile.Write(file, stream => IcsExport.Write(programme, stream, when), run.Error))
        {
            return ExitCodes.Failure;
        }

        // The path as given, so that a file written into another folder is found where it was put.
        run.Output.WriteLine($"Wrote {Count(programme.Sessions.Length, "event")} to {CliText.Escape(file)}.");
        return ExitCodes.Success;
    }

    private static Instant? ParseInstantOption(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            result.AddError($"'{text}' is not a UTC instant in the form yyyy-MM-ddTHH:mm:ssZ.");
            return null;
        }

        return parsed.Value;
    }

    /// <summary>The arguments and options of <c>upon timeline ics</c>.</summary>
    private sealed class IcsOptions() : YearOptions(YearArgument(fileToo: true), builtIn: true)
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Year, OutputFile, Stamp];

        /// <summary>Gets <c>--output</c>.</summary>
        public Option<string> OutputFile { get; } = new("--output", "-o") { Description = "The .ics file to write: written whole to a temporary file beside it, then moved into place.", HelpName = "OUT.ics", Required = true };

        /// <summary>Gets <c>--stamp</c>.</summary>
        public Option<Instant?> Stamp { get; } = new("--stamp")
        {
            Description = "The DTSTAMP of every event, as an ISO 8601 UTC instant such as 2026-11-22T09:00:00Z. Default: the start of the programme year's first day (its window's start, midnight in Europe/London), so that exports of the same year are byte for byte the same.",
            HelpName = "INSTANT",
            CustomParser = ParseInstantOption,
        };
    }
}
