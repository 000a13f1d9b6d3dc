using Upon.Core.Calendars;
using Upon.Core;

namespace Upon.Cli.Commands;

/// <summary><c>upon workdays FROM TO</c>: the working days between two dates, both included.</summary>
internal static class WorkdaysCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Argument<LocalDate> from = CommonOptions.Date("from", "The first date, included, as yyyy-MM-dd.");
        Argument<LocalDate> to = CommonOptions.Date("to", "The last date, included, as yyyy-MM-dd; not before FROM.");
        Option<string> format = CommonOptions.Format();
        Option<string?> calendarFile = CommonOptions.CalendarFile();
        Option<string> division = CommonOptions.Division();

        Command command = new("workdays", "Count the working days from FROM to TO, both dates included: weekdays that are not bank holidays.")
        {
            from, to, format, calendarFile, division,
        };
        command.SetAction(parseResult => CountWorkdays(parseResult, from, to, format, calendarFile, division));
        return command;
    }

    /// <summary>Runs <c>upon workdays</c>.</summary>
    private static int CountWorkdays(
        ParseResult parseResult,
        Argument<LocalDate> from,
        Argument<LocalDate> to,
        Option<string> format,
        Option<string?> calendarFile,
        Option<string> division)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        LocalDate start = parseResult.GetValue(from);
        LocalDate end = parseResult.GetValue(to);
        if (end < start)
        {
            error.WriteLine($"upon: TO ({Iso(end)}) is before FROM ({Iso(start)}).");
            return ExitCodes.Usage;
        }

        HolidayCalendar? calendar = CommonOptions.LoadCalendar(parseResult.GetValue(calendarFile), parseResult.GetValue(division)!, error);
        if (calendar is null)
        {
            return ExitCodes.InvalidInput;
        }

        DateInterval interval = new(start, end);
        if (!calendar.Coverage.Contains(interval))
        {
            error.WriteLine($"upon: the {calendar.Id} calendar covers {HolidaysCommand.Describe(calendar.Coverage)}; {Iso(start)} to {Iso(end)} is not wholly within it.");
            return ExitCodes.Usage;
        }

        WorkingDaySummary summary = new WorkingDayCalendar(calendar).Summarize(interval);
        if (parseResult.GetValue(format) == CommonOptions.Json)
        {
            output.WriteLine(UponJson.Serialize(summary, writeIndented: true));
        }
        else
        {
            WriteTable(output, calendar.Id, summary);
        }

        return ExitCodes.Success;
    }

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
        counts.Write(output, rightAlignLastColumn: true);

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
}
