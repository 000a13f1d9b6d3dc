using Upon.Core.Calendars;

namespace Upon.Cli.Commands;

/// <summary>
/// The options of a command that works on a holiday calendar and reports as a table or JSON: <c>--format</c>,
/// <c>--calendar FILE</c> (a bank-holiday document in the UK government's shape) and <c>--division NAME</c>.
/// A command's own options derive from this.
/// </summary>
internal abstract class CalendarOptions : CommandOptions
{
    /// <summary>Gets <c>--format table|json</c>.</summary>
    public Option<string> Format { get; } = CommonOptions.Format();

    /// <summary>Gets <c>--calendar FILE</c>.</summary>
    public Option<string?> CalendarFile { get; } = new("--calendar")
    {
        Description = "A bank-holiday document in the shape the UK government publishes (bank-holidays.json); '-' reads standard input. Default: the built-in England and Wales calendar, 1978 to 2099.",
        HelpName = "FILE",
    };

    /// <summary>Gets <c>--division NAME</c>, which picks a division of <c>--calendar</c>.</summary>
    public Option<string> Division { get; } = new("--division")
    {
        Description = "The division of the --calendar document to use: england-and-wales, scotland or northern-ireland.",
        DefaultValueFactory = _ => EnglandAndWalesBankHolidays.Id,
        HelpName = "NAME",
    };

    /// <summary>
    /// Loads the holiday calendar the options ask for (<c>--calendar -</c> is standard input). Returns null after
    /// writing why on the run's error writer when the file cannot be read or is invalid, or when <c>--division</c> names
    /// another division than the built-in calendar's without <c>--calendar</c> (then <paramref name="exitCode"/> is a
    /// usage error, rather than the built-in holidays given under another name).
    /// </summary>
    public HolidayCalendar? LoadCalendar(CommandRun run, out int exitCode)
    {
        exitCode = ExitCodes.InvalidInput;
        if (run.GetValue(CalendarFile) is not string path)
        {
            string division = run.GetValue(Division)!;
            if (run.IsGiven(Division) && division != EnglandAndWalesBankHolidays.Id)
            {
                exitCode = run.Usage($"--division {CliText.Escape(division)} needs --calendar FILE (the UK government's bank-holidays.json): the built-in calendar is {EnglandAndWalesBankHolidays.Id} only.");
                return null;
            }

            return EnglandAndWalesBankHolidays.Calendar;
        }

        DocumentResult<HolidayCalendar> result;
        using (Stream? stream = InputFile.Open(path, "calendar file", run.Error))
        {
            if (stream is null)
            {
                return null;
            }

            result = BankHolidayDocument.ReadDivision(stream, run.GetValue(Division)!);
        }

        if (result.IsValid)
        {
            return result.Value;
        }

        run.Error.WriteLine($"upon: the calendar file '{CliText.FileName(path)}' is not valid:");
        foreach (DocumentProblem problem in result.Problems)
        {
            run.Error.WriteLine($"  {CliText.Describe(problem)}");
        }

        return null;
    }
}
