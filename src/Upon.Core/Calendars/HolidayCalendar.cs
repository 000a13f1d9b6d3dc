namespace Upon.Core.Calendars;

/// <summary>
/// A holiday calendar given as a list of holidays over a stated coverage: built in code, read from the
/// UK government's bank-holiday document (<see cref="BankHolidayDocument"/>), or combined from other calendars.
/// </summary>
/// <remarks>
/// Instances are immutable and safe to share between threads. Two calendars are never compared for
/// equality; compare their <see cref="Holidays"/> and <see cref="Coverage"/> instead.
/// </remarks>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private readonly LocalDate[] dates;

    /// <summary>Initializes a calendar.</summary>
    /// <param name="id">The calendar's identifier, for example <c>scotland</c> or <c>leeds-closure-days</c>.</param>
    /// <param name="coverage">The dates the calendar knows about; both ends included. Days in it that are not in <paramref name="holidays"/> are not holidays.</param>
    /// <param name="holidays">The holidays, in any order; several may share a date.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, a date is not in the ISO calendar, a holiday has no name, or a holiday lies outside <paramref name="coverage"/>.</exception>
    public HolidayCalendar(string id, DateInterval coverage, IEnumerable<Holiday> holidays)
    {
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(coverage);
        Guard.Against.Null(holidays);
        Guard.Against.NonIsoCalendar(coverage.Start, nameof(coverage));

        ImmutableArray<Holiday> sorted = [.. holidays.Order()];
        foreach (Holiday holiday in sorted)
        {
            Guard.Against.Invalid(string.IsNullOrWhiteSpace(holiday.Name) || holiday.Notes is null, "Every holiday needs a name and non-null notes.", nameof(holidays));
            Guard.Against.Invalid(
                !coverage.Contains(holiday.Date),
                $"The holiday on {DateText.Format(holiday.Date)} lies outside the coverage {DateText.Format(coverage.Start)} to {DateText.Format(coverage.End)}.",
                nameof(holidays));
        }

        Id = id;
        Coverage = coverage;
        Holidays = sorted;
        dates = [.. sorted.Select(h => h.Date)];
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public DateInterval Coverage { get; }

    /// <summary>Gets every holiday in the calendar, ordered by <see cref="Holiday.CompareTo"/>.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <inheritdoc />
    public bool IsHoliday(LocalDate date)
    {
        Guard.Against.NonIsoCalendar(date);
        Guard.Against.OutsideCoverage(date, Coverage);
        return Array.BinarySearch(dates, date) >= 0;
    }

    /// <inheritdoc />
    public IReadOnlyList<Holiday> GetHolidays(DateInterval interval)
    {
        Guard.Against.Null(interval);
        Guard.Against.OutsideCoverage(interval, Coverage);
        int first = LowerBound(interval.Start);
        int last = UpperBound(interval.End);
        return Holidays.AsSpan()[first..last].ToArray();
    }

    /// <summary>
    /// Returns a calendar with the same coverage and holidays plus <paramref name="extra"/>: for example a
    /// council's closure days on top of the bank holidays.
    /// </summary>
    /// <param name="id">The new calendar's identifier.</param>
    /// <param name="extra">The holidays to add; each must lie within <see cref="Coverage"/>.</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A holiday lies outside <see cref="Coverage"/> or has no name.</exception>
    public HolidayCalendar WithHolidays(string id, IEnumerable<Holiday> extra)
    {
        Guard.Against.Null(extra);
        return new HolidayCalendar(id, Coverage, Holidays.Concat(extra));
    }

    /// <summary>
    /// Combines calendars: a day is a holiday when it is one in any of them. The coverage is the dates
    /// that every calendar covers, since only there is every calendar's answer known.
    /// </summary>
    /// <param name="id">The combined calendar's identifier.</param>
    /// <param name="calendars">The calendars to combine; at least one.</param>
    /// <returns>The combined calendar, holding each calendar's holidays within the common coverage.</returns>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="calendars"/> is empty or the coverages have no date in common.</exception>
    public static HolidayCalendar Combine(string id, params IReadOnlyList<IHolidayCalendar> calendars)
    {
        Guard.Against.Null(calendars);
        Guard.Against.Empty(calendars, "calendar");

        LocalDate start = LocalDate.MinIsoValue;
        LocalDate end = LocalDate.MaxIsoValue;
        foreach (IHolidayCalendar calendar in calendars)
        {
            Guard.Against.Null(calendar, nameof(calendars));
            start = LocalDate.Max(start, calendar.Coverage.Start);
            end = LocalDate.Min(end, calendar.Coverage.End);
        }

        Guard.Against.Invalid(end < start, "The calendars' coverages have no date in common.", nameof(calendars));

        DateInterval coverage = new(start, end);
        return new HolidayCalendar(id, coverage, calendars.SelectMany(c => c.GetHolidays(coverage)).Distinct());
    }

    /// <summary>The index after the last holiday on or before <paramref name="date"/> (no date arithmetic, so 9999-12-31 is fine).</summary>
    private int UpperBound(LocalDate date)
    {
        int index = Array.BinarySearch(dates, date);
        if (index < 0)
        {
            return ~index;
        }

        // Several holidays may share a date: step past the last of them.
        while (index < dates.Length - 1 && dates[index + 1] == date)
        {
            index++;
        }

        return index + 1;
    }

    private int LowerBound(LocalDate date)
    {
        int index = Array.BinarySearch(dates, date);
        if (index < 0)
        {
            return ~index;
        }

        // Several holidays may share a date: step back to the first of them.
        while (index > 0 && dates[index - 1] == date)
        {
            index--;
        }

        return index;
    }
}
