namespace Upon.Core.Calendars;

/// <summary>
/// A set of holidays known over a range of dates (its coverage). Implement it to supply another
/// calendar (Scotland, a council's closure days); <see cref="HolidayCalendar"/> is the ready-made one.
/// </summary>
/// <remarks>
/// Implementations must be immutable and safe to call from many threads. Dates are in the ISO
/// calendar. Outside <see cref="Coverage"/> a calendar does not know which days are holidays, so
/// queries there throw <see cref="System.ArgumentOutOfRangeException"/> rather than guess.
/// </remarks>
public interface IHolidayCalendar
{
    /// <summary>Gets the calendar's identifier, for example <c>england-and-wales</c>.</summary>
    string Id { get; }

    /// <summary>Gets the dates the calendar knows about; both ends are included.</summary>
    DateInterval Coverage { get; }

    /// <summary>Determines whether <paramref name="date"/> is a holiday.</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>True when at least one holiday falls on <paramref name="date"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>.</exception>
    bool IsHoliday(LocalDate date);

    /// <summary>Gets the holidays that fall within <paramref name="interval"/>, in date order.</summary>
    /// <param name="interval">The dates to look at, both ends included, within <see cref="Coverage"/>.</param>
    /// <returns>The holidays in the interval, ordered by <see cref="Holiday.CompareTo"/>.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="interval"/> is not wholly within <see cref="Coverage"/>.</exception>
    IReadOnlyList<Holiday> GetHolidays(DateInterval interval);
}
