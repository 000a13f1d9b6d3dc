namespace Upon.Core.Eligibility;

/// <summary>How one role was treated when measuring experience: whether it qualified, why, and what part of it counted.</summary>
/// <remarks>
/// <para>
/// Roles are named by their index in <see cref="Application.Roles"/> rather than by title, so that
/// evidence holds no personal detail. <see cref="Days"/> is what the role would give on its own, before
/// overlaps with other roles are removed, so the figures of several roles can add up to more than the total.
/// </para>
/// <para>
/// A small value: equality is by value over every member. <c>default</c> has a null <see cref="Reason"/>
/// and is not meaningful evidence.
/// </para>
/// </remarks>
public readonly struct RoleEvidence : IEquatable<RoleEvidence>
{
    private readonly LocalDate countedStart;
    private readonly LocalDate countedEnd;
    private readonly bool hasCounted;

    /// <summary>Initializes evidence for one role.</summary>
    /// <param name="roleIndex">The role's zero-based index in the application.</param>
    /// <param name="reason">A stable code from <see cref="ReasonCodes"/>: <c>role.counted</c>, or why the role did not count.</param>
    /// <param name="counted">The dates in post that counted (both ends included), or null when none did.</param>
    /// <param name="days">The full-time-equivalent days the role contributed on its own.</param>
    public RoleEvidence(int roleIndex, string reason, DateInterval? counted, decimal days)
        : this(roleIndex, reason, counted?.Start ?? default, counted?.End ?? default, counted is not null, days)
    {
    }

    private RoleEvidence(int roleIndex, string reason, LocalDate start, LocalDate end, bool hasCounted, decimal days)
    {
        RoleIndex = roleIndex;
        Reason = reason;
        countedStart = start;
        countedEnd = end;
        this.hasCounted = hasCounted;
        Days = days;
    }

    /// <summary>Gets the role's zero-based index in the application.</summary>
    public int RoleIndex { get; }

    /// <summary>Gets the stable reason code: <see cref="ReasonCodes.RoleCounted"/>, or why the role did not count.</summary>
    public string Reason { get; }

    /// <summary>
    /// Gets the dates in post that counted (from the role's start to the earlier of its end and the day
    /// before the as-of date, both included), or null when none did. Each access creates the interval.
    /// </summary>
    public DateInterval? Counted => hasCounted ? new DateInterval(countedStart, countedEnd) : null;

    /// <summary>Gets the full-time-equivalent days the role contributed on its own (before removing overlaps with other roles).</summary>
    public decimal Days { get; }

    /// <summary>Gets a value indicating whether the role counted towards experience.</summary>
    public bool IsCounted => Reason == ReasonCodes.RoleCounted;

    /// <summary>Determines whether two pieces of evidence are equal.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when every member is equal.</returns>
    public static bool operator ==(RoleEvidence left, RoleEvidence right) => left.Equals(right);

    /// <summary>Determines whether two pieces of evidence differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when any member differs.</returns>
    public static bool operator !=(RoleEvidence left, RoleEvidence right) => !left.Equals(right);

    /// <summary>Creates counted evidence without allocating an interval.</summary>
    internal static RoleEvidence CountedRole(int roleIndex, LocalDate start, LocalDate end, decimal days) =>
        new(roleIndex, ReasonCodes.RoleCounted, start, end, hasCounted: true, days);

    /// <inheritdoc />
    public bool Equals(RoleEvidence other) =>
        RoleIndex == other.RoleIndex && Reason == other.Reason && hasCounted == other.hasCounted
        && countedStart == other.countedStart && countedEnd == other.countedEnd && Days == other.Days;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RoleEvidence other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RoleIndex, Reason, countedStart, countedEnd, Days);

    /// <summary>Returns <c>role N: reason</c> with the counted dates.</summary>
    /// <returns>A description without personal data.</returns>
    public override string ToString() =>
        hasCounted
            ? string.Create(CultureInfo.InvariantCulture, $"role {RoleIndex}: {Reason}, {DateText.Format(countedStart)} to {DateText.Format(countedEnd)}, {Days} {(Days == 1 ? "day" : "days")}")
            : string.Create(CultureInfo.InvariantCulture, $"role {RoleIndex}: {Reason}");
}
