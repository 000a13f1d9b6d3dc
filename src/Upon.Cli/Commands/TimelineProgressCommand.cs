using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline progress</c>: where a programme year stands on a date.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateProgress() =>
        new ProgressOptions().CreateCommand("progress", "Where a programme year stands on a date: stage, next milestone and session, sessions done and left, days to go.", WithYear<ProgressOptions>(ShowProgress));

    /// <summary>Runs <c>upon timeline progress</c>.</summary>
    private static int ShowProgress(CommandRun run, ProgressOptions options, ProgrammeYear programme)
    {
        ProgrammeProgress progress = ProgrammeProgress.Of(programme, run.GetValue(options.AsOf));
        run.WriteResult(options.Format, () => ProgressJson(programme, progress), output => WriteProgress(output, programme, progress), ProgressCsv);
        return ExitCodes.Success;
    }

    /// <summary>The CSV of <c>upon timeline progress</c>: one row, the sessions done and left as lists of identifiers.</summary>
    internal static readonly CsvTable ProgressCsv = new("progress", string.Empty, "programme", "asOf", "stage", "nextMilestone.kind", "nextMilestone.date", "nextSession", "done", "left", "daysToGo");

    /// <summary>Where a programme year stands on a date, as JSON.</summary>
    private static string ProgressJson(ProgrammeYear programme, ProgrammeProgress progress) =>
        CliJson.Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("programme", programme.Id);
            writer.WriteString("asOf", Iso(progress.Date));
            writer.WriteString("stage", JsonNamingPolicy.CamelCase.ConvertName(progress.Stage.ToString()));
            if (progress.NextMilestone is Milestone milestone)
            {
                writer.WriteStartObject("nextMilestone");
                writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(milestone.Kind.ToString()));
                writer.WriteString("date", Iso(milestone.Date));
                writer.WriteEndObject();
            }

            if (progress.NextSession is Session next)
            {
                writer.WriteString("nextSession", next.Id);
            }

            writer.WriteStartArray("done");
            progress.Done.ToList().ForEach(s => writer.WriteStringValue(s.Id));
            writer.WriteEndArray();
            writer.WriteStartArray("left");
            progress.Left.ToList().ForEach(s => writer.WriteStringValue(s.Id));
            writer.WriteEndArray();
            writer.WriteNumber("daysToGo", progress.DaysToGo);
            writer.WriteEndObject();
        });

    /// <summary>Writes where a programme year stands on a date, as a table.</summary>
    private static void WriteProgress(TextWriter output, ProgrammeYear programme, ProgrammeProgress progress)
    {
        output.WriteLine($"{programme.Id} as of {Iso(progress.Date)}");
        output.WriteLine();
        TextTable table = new("Item", "Value");
        table.AddRow("Stage", Words(progress.Stage.ToString()));
        table.AddRow("Next milestone", progress.NextMilestone is Milestone m ? $"{Words(m.Kind.ToString())}, {Iso(m.Date)}{(m.IsAssumed ? " (assumed)" : string.Empty)}" : "none");
        table.AddRow("Next session", progress.NextSession is Session s ? $"{s.Title}, {DescribeDates(s)}" : "none");
        table.AddRow("Sessions done", progress.Done.Length.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Sessions left", progress.Left.Length.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Days to go", progress.DaysToGo.ToString(CultureInfo.InvariantCulture));
        table.Write(output);
    }

    /// <summary>The arguments and options of <c>upon timeline progress</c>.</summary>
    private sealed class ProgressOptions() : YearOptions(YearArgument(fileToo: true), builtIn: true)
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Year, AsOf, Format];

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate> AsOf { get; } = new("--as-of")
        {
            Description = "The date to measure at, as yyyy-MM-dd: progress at the start of that day in Europe/London.",
            HelpName = "DATE",
            Required = true,
            CustomParser = ParseDateOption,
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
