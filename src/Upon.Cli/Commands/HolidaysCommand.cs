using Upon.Core.Calendars;
using Upon.Core;

namespace Upon.Cli.Commands;

/// <summary><c>upon holidays YEAR</c>: the bank holidays of a year.</summary>
internal static class HolidaysCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create() =>
        new Options().CreateCommand("holidays", "List the bank holidays of a year (England and Wales unless --calendar says otherwise).", ShowHolidays);

    /// <summary>Runs <c>upon holidays</c>.</summary>
    private static int ShowHolidays(CommandRun run, Options options)
    {
        if (options.LoadCalendar(run, out int exitCode) is not HolidayCalendar calendar)
        {
            return exitCode;
        }

        int value = run.GetValue(options.Year);
        if (calendar.GetWholeYears() is not (int first, int last) || value < first || value > last)
        {
            return run.Usage($"the {calendar.Id} calendar covers {Describe(calendar.Coverage)}; {value} is not a whole year within it.");
        }

        HolidayList list = HolidayList.For(calendar, new DateInterval(new LocalDate(value, 1, 1), new LocalDate(value, 12, 31)));
        run.WriteResult(options.Format, () => UponJson.Serialize(list, writeIndented: true), output => WriteTable(output, list, value), Csv);
        return ExitCodes.Success;
    }

    /// <summary>The CSV of <c>upon holidays</c>: a row per holiday.</summary>
    internal static readonly CsvTable Csv = new("holidays", "holidays", "date", "name", "notes");

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

    /// <summary>The arguments and options of <c>upon holidays</c>.</summary>
    private sealed class Options : CalendarOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Year, Format, CalendarFile, Division];

        /// <summary>Gets the <c>YEAR</c> argument.</summary>
        public Argument<int> Year { get; } = new("year")
        {
            Description = "The calendar year, 1 January to 31 December.",
            HelpName = "YEAR",
        };
    }
}
