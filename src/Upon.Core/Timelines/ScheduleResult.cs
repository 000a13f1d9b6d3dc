namespace Upon.Core.Timelines;

/// <summary>
/// The outcome of <see cref="SessionScheduler.Generate"/>: the dates chosen, or why the request cannot be met.
/// </summary>
/// <remarks>
/// A valid result has exactly <see cref="ScheduleRequest.Count"/> dates, strictly increasing, and no problem.
/// A result that is not valid has no dates and one problem, in the one problem type every reader and review of the
/// library reports with: a code from <see cref="ScheduleFailureCodes"/>, a message, and the path of the request
/// member that cannot be met (<c>$.between</c> when no day qualifies, <c>$.count</c> when not all sessions fit).
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class ScheduleResult
{
    internal ScheduleResult(ScheduleRequest request, ImmutableArray<LocalDate> dates, int availableDays, int mostThatFit, ImmutableArray<DocumentProblem> problems)
    {
        Request = request;
        Dates = dates;
        AvailableDays = availableDays;
        MostThatFit = mostThatFit;
        Problems = problems;
    }

    /// <summary>Gets the request this result answers.</summary>
    public ScheduleRequest Request { get; }

    /// <summary>Gets a value indicating whether the request was met: there is no problem.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary>Gets the dates chosen, strictly increasing; empty when the request could not be met.</summary>
    public ImmutableArray<LocalDate> Dates { get; }

    /// <summary>Gets how many days qualified: working days on a preferred day of the week outside every blackout.</summary>
    public int AvailableDays { get; }

    /// <summary>Gets the most sessions that fit on the qualifying days with the minimum gap.</summary>
    public int MostThatFit { get; }

    /// <summary>Gets why the request could not be met (one error), or nothing when it was.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; }

    /// <summary>
    /// Turns the dates into whole-day or timed sessions with identifiers <c>{idPrefix}-1</c>, <c>{idPrefix}-2</c>, …
    /// and titles <c>{title} 1</c>, <c>{title} 2</c>, ….
    /// </summary>
    /// <param name="idPrefix">The start of each identifier; not empty.</param>
    /// <param name="title">The start of each title; not empty.</param>
    /// <param name="mode">How the sessions are delivered.</param>
    /// <param name="startTime">The start time of each session, or null for whole-day sessions.</param>
    /// <param name="endTime">The end time of each session, or null for whole-day sessions.</param>
    /// <param name="group">The group the sessions are for, or null for everyone.</param>
    /// <returns>One session per date, in date order; empty when the request could not be met.</returns>
    /// <exception cref="ArgumentException"><paramref name="idPrefix"/> or <paramref name="title"/> is null or empty, or only one time is given.</exception>
    public ImmutableArray<Session> ToSessions(string idPrefix, string title, DeliveryMode mode, LocalTime? startTime = null, LocalTime? endTime = null, string? group = null)
    {
        Guard.Against.NullOrEmpty(idPrefix);
        Guard.Against.NullOrEmpty(title);
        ImmutableArray<Session>.Builder sessions = ImmutableArray.CreateBuilder<Session>(Dates.Length);
        for (int i = 0; i < Dates.Length; i++)
        {
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            sessions.Add(new Session(idPrefix + "-" + number, title + " " + number, Request.Kind, mode, new DateInterval(Dates[i], Dates[i]), startTime, endTime, group));
        }

        return sessions.MoveToImmutable();
    }

    /// <summary>
    /// Says what the scheduler found: for example <c>6 dates from 2021-09-01 to 2022-03-01</c>, or, when it found no
    /// schedule, <c>No schedule (</c>the problem's code<c>): at most N fit</c>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => IsValid
        ? string.Create(CultureInfo.InvariantCulture, $"{Dates.Length} dates from {NodaTime.Text.LocalDatePattern.Iso.Format(Dates[0])} to {NodaTime.Text.LocalDatePattern.Iso.Format(Dates[^1])}")
        : string.Create(CultureInfo.InvariantCulture, $"No schedule ({Problems[0].Code}): at most {MostThatFit} fit");
}

/// <summary>The stable codes of the reasons a <see cref="ScheduleRequest"/> cannot be met. A code never changes meaning once published.</summary>
public static class ScheduleFailureCodes
{
    /// <summary>No day between the dates is a working day on a preferred day of the week outside the blackouts.</summary>
    public const string NoAvailableDays = "schedule.no-available-days";

    /// <summary>Some days qualify, but fewer sessions than asked fit on them with the minimum gap.</summary>
    public const string DoesNotFit = "schedule.does-not-fit";
}
