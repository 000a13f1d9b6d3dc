namespace Upon.Core.Cohorts;

/// <summary>
/// A split of a number of participants into groups whose sizes lie within bounds: the partition with the
/// fewest groups whose sizes differ by at most one, or, when there is none, why not and the nearest numbers
/// of participants that can be split.
/// </summary>
/// <remarks>
/// <para>The method: with bounds <c>a</c> to <c>b</c>, <c>k</c> groups can hold <c>n</c> people exactly when
/// <c>k·a ≤ n ≤ k·b</c>, and then they can be balanced, <c>n mod k</c> groups of <c>⌈n/k⌉</c> and the rest of
/// <c>⌊n/k⌋</c>. The fewest groups is therefore <c>k = ⌈n/b⌉</c>, and no partition of any shape with fewer
/// groups exists. When <c>k·a &gt; n</c> no number of groups works (fewer groups cannot hold everyone, more
/// groups cannot all be filled): then <c>(k − 1)·b</c> is the largest smaller number that can be split and
/// <c>k·a</c> the smallest larger one.</para>
/// <para>Infeasibility is an outcome, not an error: <see cref="IsFeasible"/> is false and <see cref="Reason"/>
/// says why. Equality is by reference. Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class GroupSplit
{
    private GroupSplit(int participants, GroupSizeBounds bounds, ImmutableArray<int> sizes, string? reason, int? nearestBelow, int? nearestAbove)
    {
        Participants = participants;
        Bounds = bounds;
        Sizes = sizes;
        Reason = reason;
        NearestFeasibleBelow = nearestBelow;
        NearestFeasibleAbove = nearestAbove;
    }

    /// <summary>Gets the number of participants split (at least 1).</summary>
    public int Participants { get; }

    /// <summary>Gets the bounds every group size respects.</summary>
    public GroupSizeBounds Bounds { get; }

    /// <summary>Gets whether a split exists.</summary>
    public bool IsFeasible => Reason is null;

    /// <summary>
    /// Gets the group sizes, larger groups first: they sum to <see cref="Participants"/>, each lies within
    /// <see cref="Bounds"/>, and they differ by at most one. Empty when no split exists.
    /// </summary>
    public ImmutableArray<int> Sizes { get; }

    /// <summary>Gets the number of groups: the fewest possible; zero when no split exists.</summary>
    public int GroupCount => Sizes.Length;

    /// <summary>Gets why no split exists, in words; null when one does.</summary>
    public string? Reason { get; }

    /// <summary>
    /// Gets, when no split exists, the largest number of participants below <see cref="Participants"/> that can
    /// be split (at least 1); null when a split exists or when no smaller positive number can be split.
    /// </summary>
    public int? NearestFeasibleBelow { get; }

    /// <summary>Gets, when no split exists, the smallest number of participants above <see cref="Participants"/> that can be split; null when a split exists.</summary>
    public int? NearestFeasibleAbove { get; }

    /// <summary>Splits <paramref name="participants"/> people into the fewest groups within <paramref name="bounds"/> whose sizes differ by at most one.</summary>
    /// <param name="participants">The number of people: at least 1.</param>
    /// <param name="bounds">The sizes a group may have.</param>
    /// <returns>The split, or an infeasible split saying why and the nearest numbers that can be split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participants"/> is below 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="bounds"/> is null.</exception>
    public static GroupSplit Of(int participants, GroupSizeBounds bounds)
    {
        Guard.Against.LessThan(participants, 1);
        Guard.Against.Null(bounds);
        int groups = FewestGroups(participants, bounds.Maximum);
        if ((long)groups * bounds.Minimum <= participants)
        {
            return new GroupSplit(participants, bounds, Balanced(participants, groups), null, null, null);
        }

        int below = checked((groups - 1) * bounds.Maximum);
        int above = checked(groups * bounds.Minimum);
        string fewer = groups == 1
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{Groups(groups - 1)} {(groups == 2 ? "holds" : "hold")} at most {below}, ");
        string reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{participants} participants cannot be split into groups of {bounds}: {fewer}{Groups(groups)} {(groups == 1 ? "needs" : "need")} at least {above}.");
        return new GroupSplit(participants, bounds, [], reason, below == 0 ? null : below, above);
    }

    /// <summary>Determines whether <paramref name="participants"/> people can be split into groups within <paramref name="bounds"/>.</summary>
    internal static bool CanSplit(int participants, GroupSizeBounds bounds) =>
        (long)FewestGroups(participants, bounds.Maximum) * bounds.Minimum <= participants;

    /// <summary>The sizes of <paramref name="groups"/> groups holding <paramref name="participants"/> people and differing by at most one, larger first.</summary>
    internal static ImmutableArray<int> Balanced(int participants, int groups)
    {
        int quotient = participants / groups;
        int larger = participants % groups;
        ImmutableArray<int>.Builder sizes = ImmutableArray.CreateBuilder<int>(groups);
        for (int i = 0; i < groups; i++)
        {
            sizes.Add(i < larger ? quotient + 1 : quotient);
        }

        return sizes.MoveToImmutable();
    }

    private static int FewestGroups(int participants, int maximum) => (participants / maximum) + (participants % maximum == 0 ? 0 : 1);

    private static string Groups(int count) => count == 1
        ? "1 group"
        : string.Create(CultureInfo.InvariantCulture, $"{count} groups");
}
