namespace Upon.Core.Workforce;

/// <summary>
/// One subject's time under observation for a competing-risks estimate: observed from <see cref="Entry"/>
/// (exclusive) to <see cref="Exit"/> (inclusive), ending in an exit for a <see cref="Reason"/> (a tenure
/// that ended, and why) or in censoring (still in post when observation stopped). This is R's
/// <c>Surv(entry, exit, reason)</c> with <c>reason</c> a factor whose first level is censoring.
/// </summary>
/// <remarks>
/// <para>
/// Times are plain numbers in one unit of the caller's choosing, as for <see cref="TenureRecord"/>: the
/// estimator never converts them. A subject is at risk at time t when <see cref="Entry"/> &lt; t ≤
/// <see cref="Exit"/>; a positive <see cref="Entry"/> is delayed entry (left truncation).
/// </para>
/// <para>
/// A reason is a code chosen by the caller ("moved", "retired", "left", "unknown"…), compared ordinally
/// (case matters). An unknown reason is a reason like any other: record it as such (for example
/// "unknown") rather than as censoring, which would say the DCS was still in post.
/// </para>
/// <para>
/// Equality is by value over the three members (reasons compared ordinally). <c>default</c> is not a
/// valid record (its exit is not after its entry); the estimator refuses it.
/// </para>
/// </remarks>
public readonly record struct CompetingRiskRecord
{
    /// <summary>Initializes a record observed from time 0: right-censored data, R's <c>Surv(exit, reason)</c>.</summary>
    /// <param name="exit">The time the observation ended, finite and above 0.</param>
    /// <param name="reason">The reason the tenure ended, or null when it was censored (still in post at <paramref name="exit"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exit"/> is not finite or not above 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or white space.</exception>
    public CompetingRiskRecord(double exit, string? reason)
        : this(0, exit, reason)
    {
    }

    /// <summary>Initializes a record with delayed entry: R's <c>Surv(entry, exit, reason)</c>.</summary>
    /// <param name="entry">The time the subject joined the risk set, finite and at least 0.</param>
    /// <param name="exit">The time the observation ended, finite and above <paramref name="entry"/>.</param>
    /// <param name="reason">The reason the tenure ended, or null when it was censored (still in post at <paramref name="exit"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entry"/> is negative or not finite, or <paramref name="exit"/> is not finite or not above <paramref name="entry"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or white space.</exception>
    public CompetingRiskRecord(double entry, double exit, string? reason)
    {
        Guard.Against.OutOfRange(!double.IsFinite(entry) || entry < 0, "The entry time must be finite and at least 0.", nameof(entry));
        Guard.Against.OutOfRange(!double.IsFinite(exit) || exit <= entry, "The exit time must be finite and after the entry time.", nameof(exit));
        Guard.Against.Invalid(reason is not null && string.IsNullOrWhiteSpace(reason), "An exit reason must not be empty or white space; null marks a censored record.", nameof(reason));

        Entry = entry;
        Exit = exit;
        Reason = reason;
    }

    /// <summary>Gets the time the subject joined the risk set (excluded from it): 0 unless entry was delayed.</summary>
    public double Entry { get; }

    /// <summary>Gets the time the observation ended (included in it): the exit time or the censoring time.</summary>
    public double Exit { get; }

    /// <summary>Gets the reason the tenure ended, or null when the record is censored.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the record is censored: the subject was still in post at <see cref="Exit"/>.</summary>
    public bool IsCensored => Reason is null;

    /// <summary>Gets a value indicating whether the record is valid: false only for <c>default</c>.</summary>
    internal bool IsValid => Exit > Entry;
}
