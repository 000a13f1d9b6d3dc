namespace Upon.Core.Cohorts;

/// <summary>
/// A two-level split: participants into cohorts, then each cohort into sets (for example cohorts of at most
/// 50, each in action-learning sets of 5 to 8).
/// </summary>
/// <remarks>
/// <para>The method: the fewest cohorts whose sizes lie within the cohort bounds, differ by at most one, and
/// can each be split into sets (see <see cref="GroupSplit"/>); then each cohort gets its own fewest sets.
/// Cohort counts are tried from <c>⌈n/b⌉</c> upwards until one works or the cohorts could no longer be
/// filled to their minimum. When none works, <see cref="Reason"/> says why, and the nearest numbers of
/// participants that can be split are searched for: a cohort size that can be split into sets, repeated,
/// always gives one above; none exists when no cohort size within the cohort bounds can be split into sets.</para>
/// <para>Infeasibility is an outcome, not an error. Equality is by reference. Instances are immutable and
/// safe to share between threads.</para>
/// </remarks>
public sealed class CohortSplit
{
    /// <summary>The largest number of participants accepted: 100,000 (England has about 151 authorities).</summary>
    public const int MaxParticipants = 100_000;

    private CohortSplit(int participants, GroupSizeBounds cohortBounds, GroupSizeBounds setBounds, ImmutableArray<GroupSplit> cohorts, string? reason, int? nearestBelow, int? nearestAbove)
    {
        Participants = participants;
        CohortBounds = cohortBounds;
        SetBounds = setBounds;
        Cohorts = cohorts;
        Reason = reason;
        NearestFeasibleBelow = nearestBelow;
        NearestFeasibleAbove = nearestAbove;
    }

    /// <summary>Gets the number of participants split (1 to <see cref="MaxParticipants"/>).</summary>
    public int Participants { get; }

    /// <summary>Gets the bounds every cohort size respects.</summary>
    public GroupSizeBounds CohortBounds { get; }

    /// <summary>Gets the bounds every set size respects.</summary>
    public GroupSizeBounds SetBounds { get; }

    /// <summary>Gets whether a split exists.</summary>
    public bool IsFeasible => Reason is null;

    /// <summary>
    /// Gets the cohorts, larger first, each with its split into sets: the fewest cohorts possible, their sizes
    /// within <see cref="CohortBounds"/> and differing by at most one, summing to <see cref="Participants"/>.
    /// Empty when no split exists.
    /// </summary>
    public ImmutableArray<GroupSplit> Cohorts { get; }

    /// <summary>Gets the number of sets over all cohorts; zero when no split exists.</summary>
    public int SetCount
    {
        get
        {
            int count = 0;
            foreach (GroupSplit cohort in Cohorts)
            {
                count += cohort.GroupCount;
            }

            return count;
        }
    }

    /// <summary>Gets why no split exists, in words; null when one does.</summary>
    public string? Reason { get; }

    /// <summary>Gets, when no split exists, the largest smaller number of participants (at least 1) that can be split; null when a split exists or none can.</summary>
    public int? NearestFeasibleBelow { get; }

    /// <summary>Gets, when no split exists, the smallest larger number of participants that can be split; null when a split exists or no number can.</summary>
    public int? NearestFeasibleAbove { get; }

    /// <summary>Splits <paramref name="participants"/> people into the fewest cohorts within <paramref name="cohortBounds"/>, then each cohort into the fewest sets within <paramref name="setBounds"/>.</summary>
    /// <param name="participants">The number of people: 1 to <see cref="MaxParticipants"/>.</param>
    /// <param name="cohortBounds">The sizes a cohort may have.</param>
    /// <param name="setBounds">The sizes a set may have.</param>
    /// <returns>The split, or an infeasible split saying why and the nearest numbers that can be split.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participants"/> is below 1 or above <see cref="MaxParticipants"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cohortBounds"/> or <paramref name="setBounds"/> is null.</exception>
    public static CohortSplit Of(int participants, GroupSizeBounds cohortBounds, GroupSizeBounds setBounds)
    {
        Guard.Against.LessThan(participants, 1);
        Guard.Against.GreaterThan(participants, MaxParticipants);
        Guard.Against.Null(cohortBounds);
        Guard.Against.Null(setBounds);

        if (FewestCohorts(participants, cohortBounds, setBounds) is int cohorts)
        {
            ImmutableArray<int> sizes = GroupSplit.Balanced(participants, cohorts);
            ImmutableArray<GroupSplit>.Builder splits = ImmutableArray.CreateBuilder<GroupSplit>(cohorts);
            foreach (int size in sizes)
            {
                splits.Add(GroupSplit.Of(size, setBounds));
            }

            return new CohortSplit(participants, cohortBounds, setBounds, splits.MoveToImmutable(), null, null, null);
        }

        int? smallestCohort = null;
        for (int size = cohortBounds.Minimum; size <= Math.Min(cohortBounds.Maximum, MaxParticipants); size++)
        {
            if (GroupSplit.CanSplit(size, setBounds))
            {
                smallestCohort = size;
                break;
            }
        }

        if (smallestCohort is not int step)
        {
            string never = string.Create(
                CultureInfo.InvariantCulture,
                $"No cohort of {cohortBounds} can be split into sets of {setBounds}, whatever the number of participants.");
            return new CohortSplit(participants, cohortBounds, setBounds, [], never, null, null);
        }

        // A multiple of a cohort size that splits into sets can always be split, so each search ends within one step's length.
        int? below = null;
        for (int candidate = participants - 1; candidate >= Math.Max(1, participants - step); candidate--)
        {
            if (FewestCohorts(candidate, cohortBounds, setBounds) is not null)
            {
                below = candidate;
                break;
            }
        }

        int? above = null;
        for (int candidate = participants + 1; candidate <= participants + step; candidate++)
        {
            if (FewestCohorts(candidate, cohortBounds, setBounds) is not null)
            {
                above = candidate;
                break;
            }
        }

        string reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{participants} participants cannot be split into cohorts of {cohortBounds} that each split into sets of {setBounds}.");
        return new CohortSplit(participants, cohortBounds, setBounds, [], reason, below, above);
    }

    /// <summary>The fewest balanced cohorts within the bounds whose sizes each split into sets, or null when there is none.</summary>
    private static int? FewestCohorts(int participants, GroupSizeBounds cohortBounds, GroupSizeBounds setBounds)
    {
        int first = (participants / cohortBounds.Maximum) + (participants % cohortBounds.Maximum == 0 ? 0 : 1);
        int last = participants / cohortBounds.Minimum;
        for (int cohorts = first; cohorts <= last; cohorts++)
        {
            int smaller = participants / cohorts;
            if (smaller < setBounds.Minimum)
            {
                // More cohorts only make them smaller: none can be split into sets any more.
                return null;
            }

            bool anyLarger = participants % cohorts != 0;
            if (GroupSplit.CanSplit(smaller, setBounds) && (!anyLarger || GroupSplit.CanSplit(smaller + 1, setBounds)))
            {
                return cohorts;
            }
        }

        return null;
    }

    /// <summary>
    /// Says what the split is: for example <c>60 participants in 2 cohorts (30, 30) and 8 sets</c>, or, when there is
    /// none, <c>No split of 7 participants: </c> followed by <see cref="Reason"/>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => IsFeasible
        ? string.Create(CultureInfo.InvariantCulture, $"{Participants} participants in {Cohorts.Length} {(Cohorts.Length == 1 ? "cohort" : "cohorts")} ({string.Join(", ", Cohorts.Select(c => c.Participants))}) and {SetCount} {(SetCount == 1 ? "set" : "sets")}")
        : string.Create(CultureInfo.InvariantCulture, $"No split of {Participants} participants: {Reason}");
}
