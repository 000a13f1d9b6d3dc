using Upon.Core.Calendars;
using Upon.Core;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline validate</c>: the findings on a timeline file.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateValidate() =>
        new ValidateOptions().CreateCommand("validate", "Validate a programme-year file: its shape, then the timeline rules against the England and Wales working-day calendar. Exit 1 when there is an error; warnings alone exit 0.", WithYear<ValidateOptions>(ValidateFile));

    /// <summary>Runs <c>upon timeline validate</c>.</summary>
    private static int ValidateFile(CommandRun run, ValidateOptions options, ProgrammeYear programme)
    {
        TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
        run.WriteResult(options.Format, () => UponJson.Serialize(report, writeIndented: true), output => WriteFindings(output, programme, report), ValidateCsv);
        return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>
    /// The CSV of <c>upon timeline validate</c>: a row per finding (its severity empty for an error, as in the JSON,
    /// and <c>warning</c> for a warning).
    /// </summary>
    internal static readonly CsvTable ValidateCsv = new("finding", "problems", "path", "code", "message", "severity");

    private static void WriteFindings(TextWriter output, ProgrammeYear programme, TimelineReport report)
    {
        output.WriteLine($"{CliText.Escape(programme.Id)}: {(report.IsValid ? "valid" : "not valid")}, {Count(report.Errors.Length, "error")}, {Count(report.Warnings.Length, "warning")}");
        if (!report.Problems.IsEmpty)
        {
            output.WriteLine();
            TextTable table = new("Severity", "Code", "Path", "Message");
            foreach (DocumentProblem finding in report.Problems)
            {
                table.AddRow(finding.IsError ? "error" : "warning", finding.Code, finding.Path, finding.Message);
            }

            table.Write(output);
        }
    }

    /// <summary>The arguments and options of <c>upon timeline validate</c>.</summary>
    private sealed class ValidateOptions() : YearOptions(new("file") { Description = "A programme-year JSON file (docs/schemas/programme-year.schema.json); '-' reads standard input.", HelpName = "FILE|-" }, builtIn: false)
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Year, Format];

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
