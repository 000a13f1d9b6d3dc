namespace Upon.Core.Timelines;

/// <summary>
/// What <see cref="SessionScheduler"/> is asked for: a number of one-day sessions of a kind between two
/// dates, on preferred days of the week, outside blackout periods, at least a number of days apart.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ScheduleRequest
{
    /// <summary>Initializes a request.</summary>
    /// <param name="kind">The kind of the sessions.</param>
    /// <param name="count">How many sessions; at least 1.</param>
    /// <param name="between">The dates the sessions may fall on, both ends included.</param>
    /// <param name="preferredDays">The days of the week sessions may fall on; a default or empty array allows every day (weekends and holidays are still avoided).</param>
    /// <param name="blackouts">Periods no session may fall in (a school summer holiday, Christmas), both ends included; a default array means none.</param>
    /// <param name="minimumGapDays">The least number of days from one session to the next (1 means consecutive days are allowed, 7 a week apart); at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="between"/> or a blackout is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="minimumGapDays"/> is less than 1, or a preferred day is not Monday to Sunday.</exception>
    public ScheduleRequest(
        SessionKind kind,
        int count,
        DateInterval between,
        ImmutableArray<IsoDayOfWeek> preferredDays = default,
        ImmutableArray<DateInterval> blackouts = default,
        int minimumGapDays = 1)
    {
        Guard.Against.LessThan(count, 1);
        Guard.Against.Null(between);
        Guard.Against.LessThan(minimumGapDays, 1);
        preferredDays = preferredDays.IsDefault ? [] : preferredDays;
        foreach (IsoDayOfWeek day in preferredDays)
        {
            Guard.Against.OutOfRange(day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday, "A preferred day must be Monday to Sunday.", nameof(preferredDays));
        }

        blackouts = blackouts.IsDefault ? [] : blackouts;
        Guard.Against.NullItem(blackouts, nameof(blackouts));

        Kind = kind;
        Count = count;
        Between = between;
        PreferredDays = preferredDays;
        Blackouts = blackouts;
        MinimumGapDays = minimumGapDays;
    }

    /// <summary>Gets the kind of the sessions.</summary>
    public SessionKind Kind { get; }

    /// <summary>Gets how many sessions are wanted.</summary>
    public int Count { get; }

    /// <summary>Gets the dates the sessions may fall on; both ends are included.</summary>
    public DateInterval Between { get; }

    /// <summary>Gets the days of the week sessions may fall on; empty means every day.</summary>
    public ImmutableArray<IsoDayOfWeek> PreferredDays { get; }

    /// <summary>Gets the periods no session may fall in; both ends of each are included.</summary>
    public ImmutableArray<DateInterval> Blackouts { get; }

    /// <summary>Gets the least number of days from one session's date to the next's.</summary>
    public int MinimumGapDays { get; }
}
