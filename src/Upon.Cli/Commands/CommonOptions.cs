using Upon.Core.Calendars;

namespace Upon.Cli.Commands;

/// <summary>Options and argument parsers shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The output formats every command offers.</summary>
    public const string Table = "table";

    /// <summary>JSON output, in the library's document conventions.</summary>
    public const string Json = "json";

    /// <summary>Creates the <c>--format table|json</c> option.</summary>
    public static Option<string> Format()
    {
        Option<string> option = new("--format", "-f")
        {
            Description = "Output format: table for people, json for programs.",
            DefaultValueFactory = _ => Table,
            HelpName = "table|json",
        };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }

    /// <summary>Creates the <c>--calendar FILE</c> option: a bank-holiday document in the UK government's shape.</summary>
    public static Option<string?> CalendarFile() => new("--calendar")
    {
        Description = "A bank-holiday document in the shape the UK government publishes (bank-holidays.json); '-' reads standard input. Default: the built-in England and Wales calendar, 1978 to 2099.",
        HelpName = "FILE",
    };

    /// <summary>Creates the <c>--division NAME</c> option that picks a division of <c>--calendar</c>.</summary>
    public static Option<string> Division() => new("--division")
    {
        Description = "The division of the --calendar document to use: england-and-wales, scotland or northern-ireland.",
        DefaultValueFactory = _ => EnglandAndWalesBankHolidays.Id,
        HelpName = "NAME",
    };

    /// <summary>Creates an argument holding an ISO 8601 date.</summary>
    /// <param name="name">The argument's name.</param>
    /// <param name="description">Its description.</param>
    public static Argument<LocalDate> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = name.ToUpperInvariant(),
        CustomParser = ParseDate,
    };

    /// <summary>
    /// Loads the holiday calendar the options ask for (<paramref name="path"/> <c>-</c> is standard input). Returns
    /// null after writing why to <paramref name="error"/> when the file cannot be read or is invalid.
    /// </summary>
    public static HolidayCalendar? LoadCalendar(string? path, string division, TextWriter error)
    {
        if (path is null)
        {
            return EnglandAndWalesBankHolidays.Calendar;
        }

        DocumentResult<HolidayCalendar> result;
        using (Stream? stream = InputFile.Open(path, "calendar file", error))
        {
            if (stream is null)
            {
                return null;
            }

            result = BankHolidayDocument.ReadDivision(stream, division);
        }

        if (result.IsValid)
        {
            return result.Value;
        }

        error.WriteLine($"upon: the calendar file '{CliText.FileName(path)}' is not valid:");
        foreach (DocumentProblem problem in result.Problems)
        {
            error.WriteLine($"  {CliText.Describe(problem)}");
        }

        return null;
    }

    private static LocalDate ParseDate(ArgumentResult result) =>
        CliText.TryParseDate(result, $" (for example 2026-11-22) for <{result.Argument.Name}>", out LocalDate date) ? date : default;
}
