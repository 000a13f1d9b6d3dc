namespace Upon.Core.Calendars;

/// <summary>Queries that every <see cref="IHolidayCalendar"/> answers through its two core members.</summary>
public static class HolidayCalendarExtensions
{
    /// <summary>Gets the holidays in the calendar year <paramref name="year"/>, 1 January to 31 December.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="year">The year; the whole year must lie within the calendar's coverage.</param>
    /// <returns>The holidays of the year, in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is not wholly within the calendar's coverage.</exception>
    public static IReadOnlyList<Holiday> GetHolidays(this IHolidayCalendar calendar, int year)
    {
        Guard.Against.Null(calendar);
        Guard.Against.LessThan(year, calendar.Coverage.Start.Year);
        Guard.Against.GreaterThan(year, calendar.Coverage.End.Year);
        return calendar.GetHolidays(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
    }

    /// <summary>Gets the years that lie wholly within the calendar's coverage.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The first and last whole years covered, or null when no whole year is covered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static (int First, int Last)? GetWholeYears(this IHolidayCalendar calendar)
    {
        Guard.Against.Null(calendar);
        DateInterval coverage = calendar.Coverage;
        int first = coverage.Start is { Month: 1, Day: 1 } ? coverage.Start.Year : coverage.Start.Year + 1;
        int last = coverage.End is { Month: 12, Day: 31 } ? coverage.End.Year : coverage.End.Year - 1;
        return first <= last ? (first, last) : null;
    }
}
