using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline ics</c>: a programme year as an iCalendar file.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateIcs()
    {
        Argument<string> year = YearArgument(fileToo: true);
        Option<string> outputFile = new("--output", "-o") { Description = "The .ics file to write: written whole to a temporary file beside it, then moved into place.", HelpName = "OUT.ics", Required = true };
        Option<Instant?> stamp = new("--stamp")
        {
            Description = "The DTSTAMP of every event, as an ISO 8601 UTC instant such as 2026-11-22T09:00:00Z. Default: now.",
            HelpName = "INSTANT",
            CustomParser = ParseInstantOption,
        };
        Command command = new("ics", "Export a programme year's sessions to an iCalendar (RFC 5545) file that calendar clients import.") { year, outputFile, stamp };
        command.SetAction(parseResult => ExportIcs(parseResult, year, outputFile, stamp));
        return command;
    }

    /// <summary>Runs <c>upon timeline ics</c>.</summary>
    private static int ExportIcs(ParseResult parseResult, Argument<string> year, Option<string> outputFile, Option<Instant?> stamp)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        (ProgrammeYear? programme, int exitCode) = LoadYear(parseResult.GetValue(year)!, error);
        if (programme is null)
        {
            return exitCode;
        }

        TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
        DocumentProblem[] timeErrors = [.. report.Problems.Where(f => f.Code == TimelineFindingCodes.SessionEndBeforeStart)];
        if (timeErrors.Length > 0)
        {
            error.WriteLine($"upon: {CliText.Escape(programme.Id)} cannot be exported:");
            foreach (DocumentProblem finding in timeErrors)
            {
                error.WriteLine($"  {CliText.Escape(finding.ToString())}");
            }

            return ExitCodes.InvalidInput;
        }

        Instant when = parseResult.GetValue(stamp) ?? SystemClock.Instance.GetCurrentInstant();
        string file = parseResult.GetValue(outputFile)!;
        if (!OutputFile.Write(file, stream => IcsExport.Write(programme, stream, when), error))
        {
            return ExitCodes.Failure;
        }

        output.WriteLine($"Wrote {Count(programme.Sessions.Length, "event")} to {CliText.FileName(file)}.");
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
}
