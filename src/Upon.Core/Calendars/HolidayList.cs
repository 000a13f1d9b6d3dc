namespace Upon.Core.Calendars;

/// <summary>
/// The holidays of one calendar over an interval, as a document: what <c>upon holidays YEAR --format json</c> writes.
/// </summary>
/// <remarks>Equality is by value, with <see cref="Holidays"/> compared by reference.</remarks>
/// <param name="Calendar">The calendar's identifier.</param>
/// <param name="Interval">The dates listed, both ends included.</param>
/// <param name="Holidays">The holidays in the interval, in date order.</param>
public sealed record HolidayList(string Calendar, DateInterval Interval, ImmutableArray<Holiday> Holidays)
{
    /// <summary>Lists the holidays of <paramref name="calendar"/> in <paramref name="interval"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="interval">The dates to list, wholly within the calendar's coverage.</param>
    /// <returns>The list.</returns>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="interval"/> is not wholly within the calendar's coverage.</exception>
    public static HolidayList For(IHolidayCalendar calendar, DateInterval interval)
    {
        Guard.Against.Null(calendar);
        return new HolidayList(calendar.Id, interval, [.. calendar.GetHolidays(interval)]);
    }
}
