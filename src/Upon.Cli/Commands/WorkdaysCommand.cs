using Upon.Core.Calendars;
using Upon.Core;

namespace Upon.Cli.Commands;

/// <summary><c>upon workdays FROM TO</c>: the working days between two dates, both included.</summary>
internal static class WorkdaysCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create() =>
        new Options().CreateCommand("workdays", "Count the working days from FROM to TO, both dates included: weekdays that are not bank holidays.", CountWorkdays);

    /// <summary>Runs <c>upon workdays</c>.</summary>
    private static int CountWorkdays(CommandRun run, Options options)
    {
        LocalDate start = run.GetValue(options.From);
        LocalDate end = run.GetValue(options.To);
        if (end < start)
        {
            return run.Usage($"TO ({Iso(end)}) is before FROM ({Iso(start)}).");
        }

        if (options.LoadCalendar(run, out int exitCode) is not HolidayCalendar calendar)
        {
            return exitCode;
        }

        DateInterval interval = new(start, end);
        if (!calendar.Coverage.Contains(interval))
        {
            return run.Usage($"the {calendar.Id} calendar covers {HolidaysCommand.Describe(calendar.Coverage)}; {Iso(start)} to {Iso(end)} is not wholly within it.");
        }

        WorkingDaySummary summary = new WorkingDayCalendar(calendar).Summarize(interval);
        run.WriteResult(options.Format, () => UponJson.Serialize(summary, writeIndented: true), output => WriteTable(output, calendar.Id, summary), Csv);
        return ExitCodes.Success;
    }

    /// <summary>The CSV of <c>upon workdays</c>: one row, the counts and the holidays on weekdays and weekends.</summary>
    internal static readonly CsvTable Csv = new(
        "workdays",
        string.Empty,
        "interval.start",
        "interval.end",
        "calendarDays",
        "weekendDays",
        "holidaysOnWeekdays",
        "workingDays",
        "holidays.date",
        "holidays.name",
        "holidays.notes");

    private static string Iso(LocalDate date) => CliText.Iso(date);

    private static void WriteTable(TextWriter output, string calendarId, WorkingDaySummary summary)
    {
        output.WriteLine($"Working days, {calendarId}, {Iso(summary.Interval.Start)} to {Iso(summary.Interval.End)} (both included)");
        output.WriteLine();
        TextTable counts = new("Days", "Count");
        counts.AddRow("Calendar days", summary.CalendarDays.ToString(CultureInfo.InvariantCulture));
        counts.AddRow("Weekend days", summary.WeekendDays.ToString(CultureInfo.InvariantCulture));
        counts.AddRow("Holidays on weekdays", summary.HolidaysOnWeekdays.ToString(CultureInfo.InvariantCulture));
        counts.AddRow("Working days", summary.WorkingDays.ToString(CultureInfo.InvariantCulture));
        counts.Write(output);

        if (summary.Holidays.Length > 0)
        {
            output.WriteLine();
            TextTable holidays = new("Date", "Day", "Holiday");
            foreach (Holiday holiday in summary.Holidays)
            {
                holidays.AddRow(
                    Iso(holiday.Date),
                    holiday.Date.ToString("ddd", CultureInfo.InvariantCulture),
                    string.IsNullOrEmpty(holiday.Notes) ? holiday.Name : $"{holiday.Name} ({holiday.Notes.ToLowerInvariant()})");
            }

            holidays.Write(output);
        }
    }

    /// <summary>The arguments and options of <c>upon workdays</c>.</summary>
    private sealed class Options : CalendarOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [From, To, Format, CalendarFile, Division];

        /// <summary>Gets the <c>FROM</c> argument.</summary>
        public Argument<LocalDate> From { get; } = CommonOptions.Date("from", "The first date, included, as yyyy-MM-dd.");

        /// <summary>Gets the <c>TO</c> argument.</summary>
        public Argument<LocalDate> To { get; } = CommonOptions.Date("to", "The last date, included, as yyyy-MM-dd; not before FROM.");
    }
}
