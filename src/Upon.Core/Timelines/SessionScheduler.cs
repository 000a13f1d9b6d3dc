using Upon.Core.Calendars;

namespace Upon.Core.Timelines;

/// <summary>Generates the dates of a series of one-day sessions: deterministic, spread as evenly as the rules allow.</summary>
/// <remarks>
/// <para>
/// A day is available when it lies in <see cref="ScheduleRequest.Between"/>, is a working day of the calendar
/// (not a weekend, not a bank holiday), falls on a preferred day of the week, and lies in no blackout.
/// Consecutive sessions are at least <see cref="ScheduleRequest.MinimumGapDays"/> days apart.
/// </para>
/// <para>
/// Spreading: the period is cut into <c>count</c> equal slices and session <c>i</c> aims at the middle of
/// slice <c>i</c> (day <c>floor((2i + 1) × length / (2 × count))</c> of the period, counting from 0). Each
/// session takes the available day nearest its aim (the earlier on a tie) among the days that still
/// leave room, with the gap, for the sessions before and after it. When the request cannot be met, the
/// result says why; it never throws for that.
/// </para>
/// </remarks>
public static class SessionScheduler
{
    /// <summary>Generates a schedule.</summary>
    /// <param name="request">What is wanted.</param>
    /// <param name="calendar">The working-day calendar, for example <see cref="WorkingDayCalendar.EnglandAndWales"/>.</param>
    /// <returns>The dates chosen, or the reason there are none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request's dates are not wholly within the calendar's coverage.</exception>
    public static ScheduleResult Generate(ScheduleRequest request, WorkingDayCalendar calendar)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(calendar);
        Guard.Against.OutsideCoverage(request.Between, calendar.Coverage, nameof(request));

        List<LocalDate> available = AvailableDays(request, calendar);
        int count = request.Count;
        int gap = request.MinimumGapDays;
        if (available.Count == 0)
        {
            return new ScheduleResult(request, [], 0, 0, Problem("$.between", ScheduleFailureCodes.NoAvailableDays,
                $"No day from {Format(request.Between.Start)} to {Format(request.Between.End)} is a working day{DescribePreferred(request)} outside the blackouts."));
        }

        // Earliest index each session could take, greedily from the left: also the most that fit.
        int[] earliest = new int[count];
        int fitted = 0;
        for (int index = 0; index < available.Count && fitted < count; index++)
        {
            if (fitted == 0 || Period.DaysBetween(available[earliest[fitted - 1]], available[index]) >= gap)
            {
                earliest[fitted++] = index;
            }
        }

        if (fitted < count)
        {
            return new ScheduleResult(request, [], available.Count, fitted, Problem("$.count", ScheduleFailureCodes.DoesNotFit,
                $"Only {fitted} of the {count} sessions fit: {available.Count} {(available.Count == 1 ? "day" : "days")} from {Format(request.Between.Start)} to {Format(request.Between.End)} {(available.Count == 1 ? "is a working day" : "are working days")}{DescribePreferred(request)} outside the blackouts, and sessions must be at least {gap} {(gap == 1 ? "day" : "days")} apart."));
        }

        // Latest index each session could take, greedily from the right.
        int[] latest = new int[count];
        latest[count - 1] = available.Count - 1;
        for (int i = count - 2; i >= 0; i--)
        {
            int index = latest[i + 1] - 1;
            while (Period.DaysBetween(available[index], available[latest[i + 1]]) < gap)
            {
                index--;
            }

            latest[i] = index;
        }

        int length = request.Between.Length;
        ImmutableArray<LocalDate>.Builder dates = ImmutableArray.CreateBuilder<LocalDate>(count);
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            long offset = ((2L * i) + 1) * length / (2L * count);
            LocalDate target = request.Between.Start.PlusDays((int)offset);
            int low = earliest[i];
            if (previous >= 0)
            {
                low = Math.Max(low, FirstOnOrAfter(available, available[previous].PlusDays(gap)));
            }

            int chosen = Nearest(available, target, low, latest[i]);
            dates.Add(available[chosen]);
            previous = chosen;
        }

        return new ScheduleResult(request, dates.MoveToImmutable(), available.Count, count, []);
    }

    private static List<LocalDate> AvailableDays(ScheduleRequest request, WorkingDayCalendar calendar)
    {
        int preferredMask = 0;
        foreach (IsoDayOfWeek day in request.PreferredDays)
        {
            preferredMask |= 1 << (int)day;
        }

        List<LocalDate> available = [];
        foreach (LocalDate date in request.Between)
        {
            if ((preferredMask == 0 || (preferredMask & (1 << (int)date.DayOfWeek)) != 0)
                && calendar.IsWorkingDay(date)
                && !InBlackout(request.Blackouts, date))
            {
                available.Add(date);
            }
        }

        return available;
    }

    private static bool InBlackout(ImmutableArray<DateInterval> blackouts, LocalDate date)
    {
        foreach (DateInterval blackout in blackouts)
        {
            if (blackout.Contains(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the first available day on or after <paramref name="date"/> (the count when there is none).</summary>
    private static int FirstOnOrAfter(List<LocalDate> available, LocalDate date)
    {
        int index = available.BinarySearch(date);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The index in [<paramref name="low"/>, <paramref name="high"/>] whose day is nearest <paramref name="target"/>, the earlier on a tie.</summary>
    private static int Nearest(List<LocalDate> available, LocalDate target, int low, int high)
    {
        int after = Math.Clamp(FirstOnOrAfter(available, target), low, high);
        int before = Math.Clamp(after - 1, low, high);
        int distanceAfter = Math.Abs(Period.DaysBetween(target, available[after]));
        int distanceBefore = Math.Abs(Period.DaysBetween(target, available[before]));
        return distanceBefore <= distanceAfter ? before : after;
    }

    private static string DescribePreferred(ScheduleRequest request) =>
        request.PreferredDays.IsEmpty
            ? string.Empty
            : " on a " + string.Join(" or ", request.PreferredDays.Distinct().Order().Select(day => day.ToString()));

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static ImmutableArray<DocumentProblem> Problem(string path, string code, string message) => [new DocumentProblem(path, code, message)];
}
