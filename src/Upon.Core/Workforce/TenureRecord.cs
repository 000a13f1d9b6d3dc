namespace Upon.Core.Workforce;

/// <summary>
/// One subject's time under observation for a survival estimate: observed from <see cref="Entry"/>
/// (exclusive) to <see cref="Exit"/> (inclusive), ending in the event (a tenure that ended) or in
/// censoring (still in post when observation stopped). This is R's <c>Surv(entry, exit, event)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Times are plain numbers in one unit of the caller's choosing; the estimators never convert them.
/// The workforce measures built on appointments (<see cref="KaplanMeier"/> over tenures) use days in
/// post, where a tenure from its first to its last day, both included, lasts last − first + 1 days.
/// </para>
/// <para>
/// A record with a positive <see cref="Entry"/> is left-truncated (delayed entry): it joins the risk
/// set only after <see cref="Entry"/>, as for an appointment that began before the observation window
/// opened. A subject is at risk at time t when <see cref="Entry"/> &lt; t ≤ <see cref="Exit"/>.
/// </para>
/// <para>
/// Equality is by value over the three members. <c>default</c> is not a valid record (its exit is not
/// after its entry); the estimators refuse it.
/// </para>
/// </remarks>
public readonly record struct TenureRecord
{
    /// <summary>Initializes a record observed from time 0: right-censored data, R's <c>Surv(exit, event)</c>.</summary>
    /// <param name="exit">The time the observation ended, finite and above 0.</param>
    /// <param name="isEvent">True when the observation ended with the event; false when it was censored.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exit"/> is not finite or not above 0.</exception>
    public TenureRecord(double exit, bool isEvent)
        : this(0, exit, isEvent)
    {
    }

    /// <summary>Initializes a record with delayed entry: R's <c>Surv(entry, exit, event)</c>.</summary>
    /// <param name="entry">The time the subject joined the risk set, finite and at least 0.</param>
    /// <param name="exit">The time the observation ended, finite and above <paramref name="entry"/>.</param>
    /// <param name="isEvent">True when the observation ended with the event; false when it was censored.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entry"/> is negative or not finite, or <paramref name="exit"/> is not finite or not above <paramref name="entry"/>.</exception>
    public TenureRecord(double entry, double exit, bool isEvent)
    {
        Guard.Against.OutOfRange(!double.IsFinite(entry) || entry < 0, "The entry time must be finite and at least 0.", nameof(entry));
        Guard.Against.OutOfRange(!double.IsFinite(exit) || exit <= entry, "The exit time must be finite and after the entry time.", nameof(exit));

        Entry = entry;
        Exit = exit;
        IsEvent = isEvent;
    }

    /// <summary>Gets the time the subject joined the risk set (excluded from it): 0 unless entry was delayed.</summary>
    public double Entry { get; }

    /// <summary>Gets the time the observation ended (included in it): the event time or the censoring time.</summary>
    public double Exit { get; }

    /// <summary>Gets a value indicating whether the observation ended with the event (true) or was censored (false).</summary>
    public bool IsEvent { get; }

    /// <summary>Gets a value indicating whether the record is valid: false only for <c>default</c>.</summary>
    internal bool IsValid => Exit > Entry;
}
