namespace Upon.Core.Calendars;

/// <summary>
/// Working days: the days that are neither at the weekend nor holidays in a holiday calendar. Answers
/// whether a date is a working day, counts working days, and adds or subtracts them.
/// </summary>
/// <remarks>
/// <para>
/// The calendar works over its holiday calendar's <see cref="IHolidayCalendar.Coverage"/>: every query
/// about a date outside it, or whose answer would lie outside it, throws
/// <see cref="ArgumentOutOfRangeException"/> rather than guess. Dates must be in the ISO calendar.
/// </para>
/// <para>
/// Construction precomputes the answer for every covered date (about 300 KB for the 122 years of
/// <see cref="EnglandAndWales"/>), so every query afterwards takes constant time and allocates nothing
/// (except those that return lists). Instances are immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly int firstDayNumber;
    private readonly int length;
    private readonly ulong[] nonWorking;    // bit i set: the (first + i)th day is not a working day
    private readonly int[] workingBefore;   // workingBefore[i]: working days among the first i days
    private readonly int[] workingOffsets;  // workingOffsets[k]: the offset of the kth working day
    private readonly byte weekendMask;      // bit (int)IsoDayOfWeek set: that weekday is weekend

    /// <summary>Initializes a calendar whose weekend is Saturday and Sunday.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    public WorkingDayCalendar(IHolidayCalendar holidays)
        : this(holidays, [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday])
    {
    }

    /// <summary>Initializes a calendar with the given weekend days.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <param name="weekend">The days of the week that are never working days; may be empty, not all seven.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekend"/> holds <see cref="IsoDayOfWeek.None"/> or an undefined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="weekend"/> holds all seven days, so there would be no working days.</exception>
    public WorkingDayCalendar(IHolidayCalendar holidays, IEnumerable<IsoDayOfWeek> weekend)
    {
        Guard.Against.Null(holidays);
        Guard.Against.Null(weekend);

        byte mask = 0;
        foreach (IsoDayOfWeek day in weekend)
        {
            Guard.Against.NoDayOfWeek(day, nameof(weekend));
            mask |= (byte)(1 << (int)day);
        }

        Guard.Against.Invalid(mask == 0b1111_1110, "At least one day of the week must be a working day.", nameof(weekend));

        Holidays = holidays;
        weekendMask = mask;
        Weekend = [.. Enumerable.Range(1, 7).Where(d => (mask & (1 << d)) != 0).Select(d => (IsoDayOfWeek)d)];

        DateInterval coverage = holidays.Coverage;
        firstDayNumber = DayNumber(coverage.Start);
        length = coverage.Length;
        nonWorking = new ulong[(length + 63) / 64];
        foreach (Holiday holiday in holidays.GetHolidays(coverage))
        {
            int offset = DayNumber(holiday.Date) - firstDayNumber;
            nonWorking[offset >> 6] |= 1UL << offset;
        }

        IsoDayOfWeek dayOfWeek = coverage.Start.DayOfWeek;
        workingBefore = new int[length + 1];
        List<int> offsets = new(length);
        for (int offset = 0; offset < length; offset++)
        {
            if ((mask & (1 << (int)dayOfWeek)) != 0)
            {
                nonWorking[offset >> 6] |= 1UL << offset;
            }

            bool working = (nonWorking[offset >> 6] & (1UL << offset)) == 0;
            if (working)
            {
                offsets.Add(offset);
            }

            workingBefore[offset + 1] = workingBefore[offset] + (working ? 1 : 0);
            dayOfWeek = dayOfWeek == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : dayOfWeek + 1;
        }

        workingOffsets = [.. offsets];
    }

    /// <summary>
    /// Gets the working-day calendar of England and Wales: weekends are Saturday and Sunday, holidays
    /// are <see cref="EnglandAndWalesBankHolidays.Calendar"/> (1978 to 2099).
    /// </summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new(EnglandAndWalesBankHolidays.Calendar);

    /// <summary>Gets the holiday calendar this calendar was built from.</summary>
    public IHolidayCalendar Holidays { get; }

    /// <summary>Gets the days of the week that are never working days, Monday first.</summary>
    public ImmutableArray<IsoDayOfWeek> Weekend { get; }

    /// <summary>Gets the dates this calendar answers for (the holiday calendar's coverage); both ends included.</summary>
    public DateInterval Coverage => Holidays.Coverage;

    /// <summary>Determines whether <paramref name="date"/> is a working day: not a weekend day and not a holiday.</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>True for a working day.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        int offset = Offset(date);
        return (nonWorking[offset >> 6] & (1UL << offset)) == 0;
    }

    /// <summary>Determines whether <paramref name="date"/> falls on a weekend day of this calendar (whether or not it is also a holiday).</summary>
    /// <param name="date">Any ISO date.</param>
    /// <returns>True when the date's day of the week is in <see cref="Weekend"/>.</returns>
    public bool IsWeekend(LocalDate date) => (weekendMask & (1 << (int)date.DayOfWeek)) != 0;

    /// <summary>
    /// Returns the date <paramref name="days"/> working days after <paramref name="date"/>: for a
    /// positive count, the <paramref name="days"/>th working day strictly after it; for a negative count,
    /// the |<paramref name="days"/>|th working day strictly before it; for zero, <paramref name="date"/>
    /// itself, working day or not.
    /// </summary>
    /// <param name="date">The date to start from; it need not be a working day.</param>
    /// <param name="days">The number of working days to move; negative moves back.</param>
    /// <returns>A working day (or <paramref name="date"/> when <paramref name="days"/> is zero).</returns>
    /// <remarks>
    /// From a working day, adding then subtracting the same count returns to it. From a non-working
    /// day, adding one gives the next working day: so Friday plus one is Monday, and Saturday plus one
    /// is also Monday.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>, or the result would be.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        int offset = Offset(date);
        if (days == 0)
        {
            return date;
        }

        long index = days > 0
            ? (long)workingBefore[offset + 1] + days - 1
            : (long)workingBefore[offset] + days;
        Guard.Against.OutOfRange(
            index < 0 || index >= workingOffsets.Length,
            $"Moving {days} working days from {DateText.Format(date)} leaves the calendar's coverage, {DateText.Format(Coverage.Start)} to {DateText.Format(Coverage.End)}.",
            nameof(days));

        return date.PlusDays(workingOffsets[index] - offset);
    }

    /// <summary>Returns the first working day strictly after <paramref name="date"/>.</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>The next working day.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>, or no working day follows it within it.</exception>
    public LocalDate NextWorkingDay(LocalDate date) => AddWorkingDays(date, 1);

    /// <summary>Returns the last working day strictly before <paramref name="date"/>.</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>The previous working day.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>, or no working day precedes it within it.</exception>
    public LocalDate PreviousWorkingDay(LocalDate date) => AddWorkingDays(date, -1);

    /// <summary>Returns <paramref name="date"/> if it is a working day, otherwise the next working day after it (rolls forward).</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>The first working day on or after <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>, or no working day follows it within it.</exception>
    public LocalDate WorkingDayOnOrAfter(LocalDate date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>Returns <paramref name="date"/> if it is a working day, otherwise the working day before it (rolls back).</summary>
    /// <param name="date">An ISO date within <see cref="Coverage"/>.</param>
    /// <returns>The last working day on or before <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside <see cref="Coverage"/>, or no working day precedes it within it.</exception>
    public LocalDate WorkingDayOnOrBefore(LocalDate date) => IsWorkingDay(date) ? date : AddWorkingDays(date, -1);

    /// <summary>Counts the working days in <paramref name="interval"/>, both ends included.</summary>
    /// <param name="interval">The dates to count over, wholly within <see cref="Coverage"/>.</param>
    /// <returns>The number of dates in the interval for which <see cref="IsWorkingDay"/> is true.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">The interval is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not wholly within <see cref="Coverage"/>.</exception>
    public int CountWorkingDays(DateInterval interval)
    {
        Guard.Against.Null(interval);
        int start = Offset(interval.Start);
        int end = Offset(interval.End);
        return workingBefore[end + 1] - workingBefore[start];
    }

    /// <summary>Lists the working days in <paramref name="interval"/>, both ends included, in order.</summary>
    /// <param name="interval">The dates to list, wholly within <see cref="Coverage"/>.</param>
    /// <returns>The working days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">The interval is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not wholly within <see cref="Coverage"/>.</exception>
    public ImmutableArray<LocalDate> GetWorkingDays(DateInterval interval)
    {
        Guard.Against.Null(interval);
        int start = Offset(interval.Start);
        int end = Offset(interval.End);
        ImmutableArray<LocalDate>.Builder result = ImmutableArray.CreateBuilder<LocalDate>(workingBefore[end + 1] - workingBefore[start]);
        for (int k = workingBefore[start]; k < workingBefore[end + 1]; k++)
        {
            result.Add(interval.Start.PlusDays(workingOffsets[k] - start));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// Breaks <paramref name="interval"/> down into calendar days, weekend days, holidays on other days and
    /// working days, with the holidays named.
    /// </summary>
    /// <param name="interval">The dates to look at, both ends included, wholly within <see cref="Coverage"/>.</param>
    /// <returns>The breakdown; its parts add up to the interval's length.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interval"/> is null.</exception>
    /// <exception cref="ArgumentException">The interval is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not wholly within <see cref="Coverage"/>.</exception>
    public WorkingDaySummary Summarize(DateInterval interval)
    {
        int working = CountWorkingDays(interval);
        int weekendDays = 0;
        foreach (LocalDate date in interval)
        {
            if (IsWeekend(date))
            {
                weekendDays++;
            }
        }

        ImmutableArray<Holiday> holidays = [.. Holidays.GetHolidays(interval)];
        return new WorkingDaySummary(
            interval,
            interval.Length,
            weekendDays,
            interval.Length - weekendDays - working,
            working,
            holidays);
    }

    private int Offset(LocalDate date)
    {
        Guard.Against.NonIsoCalendar(date);
        int offset = DayNumber(date) - firstDayNumber;
        if (offset < 0 || offset >= length)
        {
            // The offset is the cheap test on this hot path; the guard then says what is wrong.
            Guard.Against.OutsideCoverage(date, Coverage);
        }

        return offset;
    }

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;
}
