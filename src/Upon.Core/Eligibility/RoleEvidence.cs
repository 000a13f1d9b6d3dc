using NodaTime;

namespace Upon.Core.Eligibility;

/// <summary>How one role was treated when measuring experience: whether it qualified, why, and what part of it counted.</summary>
/// <remarks>
/// Roles are named by their index in <see cref="Application.Roles"/> rather than by title, so that
/// evidence holds no personal detail. Equality is by value.
/// </remarks>
/// <param name="RoleIndex">The role's zero-based index in the application.</param>
/// <param name="Reason">A stable code from <see cref="ReasonCodes"/>: <c>role.counted</c>, or why the role did not count.</param>
/// <param name="Counted">The dates in post that counted (start to the earlier of the role's end and the day before the as-of date), or null when none did.</param>
/// <param name="Days">The full-time-equivalent days the role contributed on its own (before removing overlaps with other roles).</param>
public sealed record RoleEvidence(int RoleIndex, string Reason, DateInterval? Counted, decimal Days)
{
    /// <summary>Gets a value indicating whether the role counted towards experience.</summary>
    public bool IsCounted => Reason == ReasonCodes.RoleCounted;
}
