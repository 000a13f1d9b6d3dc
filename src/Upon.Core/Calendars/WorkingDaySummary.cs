namespace Upon.Core.Calendars;

/// <summary>
/// How the days of an interval divide into weekend days, holidays and working days
/// (<see cref="WorkingDayCalendar.Summarize"/>).
/// </summary>
/// <remarks>
/// <see cref="WeekendDays"/> + <see cref="HolidaysOnWeekdays"/> + <see cref="WorkingDays"/> =
/// <see cref="CalendarDays"/>. A holiday at the weekend is counted once, as a weekend day.
/// Equality is by value, with <see cref="Holidays"/> compared by reference (as for any record holding an array).
/// </remarks>
/// <param name="Interval">The dates summarized, both ends included.</param>
/// <param name="CalendarDays">The number of dates in the interval.</param>
/// <param name="WeekendDays">The number of weekend days in the interval.</param>
/// <param name="HolidaysOnWeekdays">The number of dates that are holidays but not weekend days.</param>
/// <param name="WorkingDays">The number of working days.</param>
/// <param name="Holidays">Every holiday in the interval, including those at a weekend, in date order.</param>
public sealed record WorkingDaySummary(
    DateInterval Interval,
    int CalendarDays,
    int WeekendDays,
    int HolidaysOnWeekdays,
    int WorkingDays,
    ImmutableArray<Holiday> Holidays);
