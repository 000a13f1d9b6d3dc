using Upon.Core.Calendars;
using Upon.Core;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline validate</c>: the findings on a timeline file.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateValidate()
    {
        Argument<string> file = new("file") { Description = "A programme-year JSON file (docs/schemas/programme-year.schema.json); '-' reads standard input.", HelpName = "FILE|-" };
        Option<string> format = CommonOptions.Format();
        Command command = new("validate", "Validate a programme-year file: its shape, then the timeline rules against the England and Wales working-day calendar. Exit 1 when there is an error; warnings alone exit 0.") { file, format };
        command.SetAction(parseResult => ValidateFile(parseResult, file, format));
        return command;
    }

    /// <summary>Runs <c>upon timeline validate</c>.</summary>
    private static int ValidateFile(ParseResult parseResult, Argument<string> file, Option<string> format)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        (ProgrammeYear? programme, int exitCode) = ReadFile(parseResult.GetValue(file)!, error);
        if (programme is null)
        {
            return exitCode;
        }

        TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
        if (parseResult.GetValue(format) == CommonOptions.Json)
        {
            output.WriteLine(UponJson.Serialize(report, writeIndented: true));
        }
        else
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

        return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
