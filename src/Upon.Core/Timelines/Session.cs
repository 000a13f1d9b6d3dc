using NodaTime.TimeZones;

namespace Upon.Core.Timelines;

/// <summary>
/// One session of a programme year: a taught day, a workshop, a residential of one or more days, and
/// so on, on local dates with optional start and end times of day in Europe/London.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Dates"/> includes both ends. A session with times starts on the first date at
/// <see cref="StartTime"/> and ends on the last date at <see cref="EndTime"/>; a session without
/// times lasts whole days, from the start of its first date to the start of the day after its last.
/// </para>
/// <para>
/// Local times are turned into instants with NodaTime's lenient resolver, which is also what RFC 5545
/// prescribes for calendar clients: a time in the spring-forward gap is shifted forward by the length
/// of the gap (01:30 on 27 March 2022 becomes 02:30 BST), and a time that occurs twice in the autumn
/// fall-back uses the earlier offset (01:30 on 30 October 2022 is 01:30 BST, 00:30 UTC).
/// <see cref="TimelineValidator"/> reports both cases as warnings.
/// </para>
/// <para>
/// A session may be built with its end before its start, so that validation can report it; such a
/// session has no interval (<see cref="GetInterval"/> throws). Equality is by value over every member.
/// Instances are immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed record Session
{
    /// <summary>Initializes a session.</summary>
    /// <param name="id">The session's identifier, unique within its programme year, for example <c>workshop-1</c>; not empty.</param>
    /// <param name="title">The title people see; not empty.</param>
    /// <param name="kind">The kind of session.</param>
    /// <param name="mode">How it is delivered.</param>
    /// <param name="dates">The local dates it runs on, both ends included.</param>
    /// <param name="startTime">The local time it starts on its first date, or null for a whole-day session.</param>
    /// <param name="endTime">The local time it ends on its last date, or null for a whole-day session.</param>
    /// <param name="group">The group it is for (a cohort, an action-learning set), or null when it is for everyone.</param>
    /// <param name="allowNonWorkingDay">Whether it may fall on a weekend or bank holiday.</param>
    /// <param name="isAssumed">Whether its dates are an assumption of this library rather than published.</param>
    /// <param name="note">Why the dates were assumed, or any other remark; null when there is none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="title"/> is null or empty, or only one of the two times is given.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    public Session(
        string id,
        string title,
        SessionKind kind,
        DeliveryMode mode,
        DateInterval dates,
        LocalTime? startTime = null,
        LocalTime? endTime = null,
        string? group = null,
        bool allowNonWorkingDay = false,
        bool isAssumed = false,
        string? note = null)
    {
        Guard.Against.NullOrEmpty(id);
        Guard.Against.NullOrEmpty(title);
        Guard.Against.Null(dates);
        Guard.Against.Invalid(startTime.HasValue != endTime.HasValue, "A session has both a start and an end time, or neither.", startTime.HasValue ? nameof(endTime) : nameof(startTime));

        Guard.Against.NonIsoCalendar(dates.Start, nameof(dates));
        Id = id;
        Title = title;
        Kind = kind;
        Mode = mode;
        Dates = dates;
        StartTime = startTime;
        EndTime = endTime;
        Group = group;
        AllowNonWorkingDay = allowNonWorkingDay;
        IsAssumed = isAssumed;
        Note = note;
    }

    /// <summary>Gets the session's identifier, unique within its programme year.</summary>
    public string Id { get; }

    /// <summary>Gets the title people see.</summary>
    public string Title { get; }

    /// <summary>Gets the kind of session.</summary>
    public SessionKind Kind { get; }

    /// <summary>Gets how the session is delivered.</summary>
    public DeliveryMode Mode { get; }

    /// <summary>Gets the local dates the session runs on; both ends are included.</summary>
    public DateInterval Dates { get; }

    /// <summary>Gets the local time the session starts on its first date, or null for a whole-day session.</summary>
    public LocalTime? StartTime { get; }

    /// <summary>Gets the local time the session ends on its last date, or null for a whole-day session.</summary>
    public LocalTime? EndTime { get; }

    /// <summary>Gets the group the session is for, or null when it is for everyone (and so overlaps every group's sessions).</summary>
    public string? Group { get; }

    /// <summary>Gets a value indicating whether the session may fall on a weekend or bank holiday.</summary>
    public bool AllowNonWorkingDay { get; }

    /// <summary>Gets a value indicating whether the session's dates are an assumption rather than published.</summary>
    public bool IsAssumed { get; }

    /// <summary>Gets why the dates were assumed, or any other remark; null when there is none.</summary>
    public string? Note { get; }

    /// <summary>Gets a value indicating whether the session has start and end times (otherwise it lasts whole days).</summary>
    public bool HasTimes => StartTime.HasValue;

    /// <summary>Gets the session's local start: its first date at its start time, or at midnight when it has no times.</summary>
    public LocalDateTime LocalStart => Dates.Start + (StartTime ?? LocalTime.Midnight);

    /// <summary>
    /// Gets the session's local end: its last date at its end time, or midnight at the start of the day
    /// after its last date when it has no times (the end is exclusive).
    /// </summary>
    public LocalDateTime LocalEnd => EndTime is LocalTime end ? Dates.End + end : Dates.End.PlusDays(1).AtMidnight();

    /// <summary>
    /// Gets the instants the session occupies in <paramref name="zone"/> (normally
    /// <see cref="ProgrammeYear.TimeZone"/>): the start is included and the end is not.
    /// </summary>
    /// <param name="zone">The time zone the local dates and times are in.</param>
    /// <returns>The interval, resolved leniently (see the remarks on the type).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The session does not end after it starts; validation reports this as <see cref="TimelineFindingCodes.SessionEndBeforeStart"/>.</exception>
    public Interval GetInterval(DateTimeZone zone)
    {
        Guard.Against.Null(zone);
        if (!TryGetInterval(zone, out Interval interval))
        {
            throw new InvalidOperationException("The session does not end after it starts, so it has no interval.");
        }

        return interval;
    }

    /// <summary>Gets how long the session lasts in <paramref name="zone"/>: across a clock change, an hour more or less than the wall clock says.</summary>
    /// <param name="zone">The time zone the local dates and times are in.</param>
    /// <returns>The elapsed time from start to end.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The session does not end after it starts.</exception>
    public Duration GetDuration(DateTimeZone zone) => GetInterval(zone).Duration;

    /// <summary>Gets the interval, or false when the session does not end after it starts.</summary>
    internal bool TryGetInterval(DateTimeZone zone, out Interval interval)
    {
        Instant start = zone.ResolveLocal(LocalStart, Resolvers.LenientResolver).ToInstant();
        Instant end = zone.ResolveLocal(LocalEnd, Resolvers.LenientResolver).ToInstant();
        if (end <= start)
        {
            interval = default;
            return false;
        }

        interval = new Interval(start, end);
        return true;
    }

    /// <summary>Gets the instant the session ends, or the start of the day after its last date when its times are out of order.</summary>
    internal Instant GetEndOrDayEnd(DateTimeZone zone) =>
        TryGetInterval(zone, out Interval interval)
            ? interval.End
            : zone.AtStartOfDay(Dates.End.PlusDays(1)).ToInstant();
}
