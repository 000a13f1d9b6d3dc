using Upon.Core.Calendars;
using Upon.Core;

namespace Upon.Cli.Commands;

/// <summary><c>upon holidays YEAR</c>: the bank holidays of a year.</summary>
internal static class HolidaysCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Argument<int> year = new("year")
        {
            Description = "The calendar year, 1 January to 31 December.",
            HelpName = "YEAR",
        };
        Option<string> format = CommonOptions.Format();
        Option<string?> calendarFile = CommonOptions.CalendarFile();
        Option<string> division = CommonOptions.Division();

        Command command = new("holidays", "List the bank holidays of a year (England and Wales unless --calendar says otherwise).")
        {
            year, format, calendarFile, division,
        };
        command.SetAction(parseResult => ShowHolidays(parseResult, year, format, calendarFile, division));
        return command;
    }

    /// <summary>Runs <c>upon holidays</c>.</summary>
    private static int ShowHolidays(
        ParseResult parseResult,
        Argument<int> year,
        Option<string> format,
        Option<string?> calendarFile,
        Option<string> division)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        HolidayCalendar? calendar = CommonOptions.LoadCalendar(parseResult.GetValue(calendarFile), parseResult.GetValue(division)!, error);
        if (calendar is null)
        {
            return ExitCodes.InvalidInput;
        }

        int value = parseResult.GetValue(year);
        if (calendar.GetWholeYears() is not (int first, int last) || value < first || value > last)
        {
            error.WriteLine($"upon: the {calendar.Id} calendar covers {Describe(calendar.Coverage)}; {value} is not a whole year within it.");
            return ExitCodes.Usage;
        }

        HolidayList list = HolidayList.For(calendar, new DateInterval(new LocalDate(value, 1, 1), new LocalDate(value, 12, 31)));
        if (parseResult.GetValue(format) == CommonOptions.Json)
        {
            output.WriteLine(UponJson.Serialize(list, writeIndented: true));
        }
        else
        {
            WriteTable(output, list, value);
        }

        return ExitCodes.Success;
    }

    internal static string Describe(DateInterval coverage) =>
        $"{CliText.Iso(coverage.Start)} to {CliText.Iso(coverage.End)}";

    private static void WriteTable(TextWriter output, HolidayList list, int year)
    {
        output.WriteLine($"Bank holidays, {CliText.Escape(list.Calendar)}, {year}");
        output.WriteLine();
        TextTable table = new("Date", "Day", "Holiday");
        foreach (Holiday holiday in list.Holidays)
        {
            table.AddRow(
                CliText.Iso(holiday.Date),
                holiday.Date.ToString("ddd", CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(holiday.Notes) ? holiday.Name : $"{holiday.Name} ({holiday.Notes.ToLowerInvariant()})");
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine(list.Holidays.Length == 1 ? "1 holiday" : $"{list.Holidays.Length} holidays");
    }
}
