namespace Upon.Core.Timelines;

/// <summary>
/// Whether a participant completed a programme year: the days attended of the sessions of one kind
/// (taught days unless asked otherwise) against a threshold share of those days.
/// </summary>
/// <remarks>
/// Days are counted, not sessions: a two-day session attended counts 2. The days needed are the
/// threshold times the days held, rounded up (75% of 8 taught days is 6; 75% of 7 is 6). A year that
/// holds no day of the kind needs none, so any participant completes it. Instances are immutable and
/// safe to share between threads.
/// </remarks>
public sealed class ParticipantCompletion
{
    private ParticipantCompletion(SessionKind kind, decimal threshold, int daysHeld, int daysAttended, int daysNeeded, ImmutableArray<string> unknownSessionIds)
    {
        Kind = kind;
        Threshold = threshold;
        DaysHeld = daysHeld;
        DaysAttended = daysAttended;
        DaysNeeded = daysNeeded;
        UnknownSessionIds = unknownSessionIds;
    }

    /// <summary>Gets the kind of session counted.</summary>
    public SessionKind Kind { get; }

    /// <summary>Gets the share of days that must be attended, greater than 0 and at most 1.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets the days the year holds of sessions of <see cref="Kind"/>.</summary>
    public int DaysHeld { get; }

    /// <summary>Gets the days attended of sessions of <see cref="Kind"/>.</summary>
    public int DaysAttended { get; }

    /// <summary>Gets the days that must be attended: <see cref="Threshold"/> × <see cref="DaysHeld"/>, rounded up.</summary>
    public int DaysNeeded { get; }

    /// <summary>Gets a value indicating whether the participant attended at least <see cref="DaysNeeded"/> days.</summary>
    public bool IsComplete => DaysAttended >= DaysNeeded;

    /// <summary>Gets the attended identifiers that name no session of the year, in ordinal order (they count for nothing).</summary>
    public ImmutableArray<string> UnknownSessionIds { get; }

    /// <summary>Assesses completion from the sessions a participant attended.</summary>
    /// <param name="programme">The programme year.</param>
    /// <param name="attendedSessionIds">The identifiers of the sessions attended; repeats count once.</param>
    /// <param name="threshold">The share of days that must be attended, for example 0.75; greater than 0 and at most 1.</param>
    /// <param name="kind">The kind of session counted.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> or <paramref name="attendedSessionIds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not greater than 0 and at most 1.</exception>
    public static ParticipantCompletion Assess(ProgrammeYear programme, IEnumerable<string> attendedSessionIds, decimal threshold = 0.75m, SessionKind kind = SessionKind.TaughtDay)
    {
        Guard.Against.Null(programme);
        Guard.Against.Null(attendedSessionIds);
        Guard.Against.NotPositive(threshold);
        Guard.Against.GreaterThan(threshold, 1m);

        HashSet<string> attended = new(attendedSessionIds, StringComparer.Ordinal);
        HashSet<string> known = new(programme.Sessions.Select(s => s.Id), StringComparer.Ordinal);
        int held = 0;
        int present = 0;
        foreach (Session session in programme.Sessions)
        {
            if (session.Kind != kind)
            {
                continue;
            }

            held = checked(held + session.Dates.Length);
            if (attended.Contains(session.Id))
            {
                present = checked(present + session.Dates.Length);
            }
        }

        int needed = (int)decimal.Ceiling(threshold * held);
        ImmutableArray<string> unknown = [.. attended.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal)];
        return new ParticipantCompletion(kind, threshold, held, present, needed, unknown);
    }
}
