using Upon.Core.Eligibility;

namespace Upon.Core.Cohorts;

/// <summary>
/// Places filled from assessed candidates by score, with an optional per-authority cap, a deterministic
/// tie-break and a ranked waiting list; every candidate gets exactly one outcome with its reason.
/// </summary>
/// <remarks>
/// <para>The method: eligible candidates are put in order of merit, score descending. Exact ties (equal
/// decimal scores) are broken first, when <see cref="PositiveActionTieBreak"/> is on, by putting
/// under-represented candidates first (the positive action that the Equality Act 2010 s.159 permits only
/// between candidates as qualified as each other, so it never touches candidates whose scores differ);
/// then by a seeded lottery: ascending order of a 64-bit hash of the seed and the applicant id; then, should
/// two hashes collide, by applicant id (ordinal). The order therefore depends only on the candidates and the
/// seed, never on the order they are given in.</para>
/// <para>The candidates are then taken in that order. One whose authority already has <see cref="AuthorityCap"/>
/// candidates selected is not selected, with reason <see cref="NotSelectedReason.AuthorityCap"/>, and is
/// <em>not</em> put on the waiting list: the cap would still stop an offer unless a selected candidate from the
/// same authority withdrew, which is a new selection. Otherwise a candidate is selected while places remain,
/// then put on the waiting list while it has room (<see cref="WaitingListLength"/>), and after that not selected
/// with reason <see cref="NotSelectedReason.Score"/>. Ineligible and incomplete candidates are not selected, with
/// reason <see cref="NotSelectedReason.NotEligible"/>. The waiting list may hold several candidates from one
/// authority: offer its places in position order, skipping a candidate whose authority has reached the cap by
/// then.</para>
/// <para>What holds: at most <see cref="Capacity"/> are selected and at most the cap from any authority; no
/// ineligible candidate is selected; a candidate with a higher score is never passed over for one with a lower
/// score except through the cap; the tie-breaks change the order only within exact ties; the same candidates
/// and seed give the same outcome in any order. Equality is by reference. Instances are immutable and safe to
/// share between threads.</para>
/// </remarks>
public sealed class Selection
{
    private Selection(
        int capacity,
        int? authorityCap,
        bool positiveActionTieBreak,
        int? waitingListLength,
        long seed,
        ImmutableArray<SelectionOutcome> outcomes,
        ImmutableArray<SelectionOutcome> selected,
        ImmutableArray<SelectionOutcome> waitingList)
    {
        Capacity = capacity;
        AuthorityCap = authorityCap;
        PositiveActionTieBreak = positiveActionTieBreak;
        WaitingListLength = waitingListLength;
        Seed = seed;
        Outcomes = outcomes;
        Selected = selected;
        WaitingList = waitingList;
    }

    /// <summary>Gets the number of places (at least 1).</summary>
    public int Capacity { get; }

    /// <summary>Gets the most candidates selected from any one authority (at least 1); null for no cap.</summary>
    public int? AuthorityCap { get; }

    /// <summary>Gets whether exact ties were broken first in favour of under-represented candidates.</summary>
    public bool PositiveActionTieBreak { get; }

    /// <summary>Gets the most candidates on the waiting list (zero or more); null for no limit.</summary>
    public int? WaitingListLength { get; }

    /// <summary>Gets the seed of the lottery that breaks the remaining exact ties.</summary>
    public long Seed { get; }

    /// <summary>Gets one outcome for every candidate, in the order the candidates were given.</summary>
    public ImmutableArray<SelectionOutcome> Outcomes { get; }

    /// <summary>Gets the outcomes of the selected candidates, by rank: at most <see cref="Capacity"/>.</summary>
    public ImmutableArray<SelectionOutcome> Selected { get; }

    /// <summary>Gets the outcomes of the candidates on the waiting list, by position: at most <see cref="WaitingListLength"/> when it is set.</summary>
    public ImmutableArray<SelectionOutcome> WaitingList { get; }

    /// <summary>Selects up to <paramref name="capacity"/> candidates by score.</summary>
    /// <param name="candidates">The candidates: none null, applicant ids unique (ordinal). May be empty.</param>
    /// <param name="capacity">The number of places: at least 1.</param>
    /// <param name="seed">The seed of the lottery that breaks exact ties: any value; the same seed gives the same outcome.</param>
    /// <param name="authorityCap">The most candidates selected from any one authority: at least 1, or null for no cap.</param>
    /// <param name="positiveActionTieBreak">Whether to break exact ties first in favour of under-represented candidates (Equality Act 2010 s.159).</param>
    /// <param name="waitingListLength">The most candidates on the waiting list: zero or more, or null for no limit.</param>
    /// <returns>The outcome of every candidate, the selected and the waiting list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candidates"/> is null.</exception>
    /// <exception cref="ArgumentException">A candidate is null, or two share an applicant id (the message gives their positions, never the id).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="authorityCap"/> is below 1, or <paramref name="waitingListLength"/> is negative.</exception>
    public static Selection Of(
        IReadOnlyList<SelectionCandidate> candidates,
        int capacity,
        long seed,
        int? authorityCap = null,
        bool positiveActionTieBreak = false,
        int? waitingListLength = null)
    {
        Guard.Against.Null(candidates);
        Guard.Against.LessThan(capacity, 1);
        if (authorityCap is int cap)
        {
            Guard.Against.LessThan(cap, 1, nameof(authorityCap));
        }

        if (waitingListLength is int length)
        {
            Guard.Against.LessThan(length, 0, nameof(waitingListLength));
        }

        int count = candidates.Count;
        Dictionary<string, int> seen = new(count, StringComparer.Ordinal);
        List<int> eligible = new(count);
        for (int i = 0; i < count; i++)
        {
            SelectionCandidate candidate = Guard.Against.NullAt(candidates[i], i, "Candidate", nameof(candidates));
            Guard.Against.Duplicate(seen, candidate.ApplicantId, i, static (earlier, again) => $"Applicant ids must be unique: candidate {again} has the same applicant id as candidate {earlier}.", nameof(candidates));

            if (candidate.Eligibility == EligibilityOutcome.Eligible)
            {
                eligible.Add(i);
            }
        }

        int[] order = MeritOrder(candidates, eligible, seed, positiveActionTieBreak);

        SelectionOutcome[] outcomes = new SelectionOutcome[count];
        ImmutableArray<SelectionOutcome>.Builder selected = ImmutableArray.CreateBuilder<SelectionOutcome>();
        ImmutableArray<SelectionOutcome>.Builder waiting = ImmutableArray.CreateBuilder<SelectionOutcome>();
        Dictionary<string, int> perAuthority = new(StringComparer.Ordinal);
        foreach (int i in order)
        {
            SelectionCandidate candidate = candidates[i];
            int taken = perAuthority.GetValueOrDefault(candidate.AuthorityCode);
            SelectionOutcome outcome;
            if (authorityCap is int limit && taken >= limit)
            {
                outcome = new SelectionOutcome(candidate, SelectionStatus.NotSelected, null, null, NotSelectedReason.AuthorityCap);
            }
            else if (selected.Count < capacity)
            {
                outcome = new SelectionOutcome(candidate, SelectionStatus.Selected, selected.Count + 1, null, NotSelectedReason.None);
                selected.Add(outcome);
                perAuthority[candidate.AuthorityCode] = taken + 1;
            }
            else if (waitingListLength is not int room || waiting.Count < room)
            {
                outcome = new SelectionOutcome(candidate, SelectionStatus.WaitingList, null, waiting.Count + 1, NotSelectedReason.None);
                waiting.Add(outcome);
            }
            else
            {
                outcome = new SelectionOutcome(candidate, SelectionStatus.NotSelected, null, null, NotSelectedReason.Score);
            }

            outcomes[i] = outcome;
        }

        for (int i = 0; i < count; i++)
        {
            outcomes[i] ??= new SelectionOutcome(candidates[i], SelectionStatus.NotSelected, null, null, NotSelectedReason.NotEligible);
        }

        return new Selection(capacity, authorityCap, positiveActionTieBreak, waitingListLength, seed, [.. outcomes], selected.ToImmutable(), waiting.ToImmutable());
    }

    /// <summary>
    /// The eligible candidates' indices in order of merit: score descending, then (when switched on) under-represented
    /// first, then lottery key, then applicant id (ordinal).
    /// </summary>
    /// <remarks>
    /// For speed the candidates are first sorted on a primitive key, the score converted to <see cref="double"/>.
    /// That conversion never reverses the order of two decimals, so only runs of equal doubles can be out of exact
    /// order (different decimals that round to the same double, or colliding lottery keys); each such run is
    /// checked and, if need be, sorted again by the exact comparison.
    /// </remarks>
    private static int[] MeritOrder(IReadOnlyList<SelectionCandidate> candidates, List<int> eligible, long seed, bool positiveActionTieBreak)
    {
        MeritKey[] keys = new MeritKey[eligible.Count];
        for (int e = 0; e < keys.Length; e++)
        {
            int i = eligible[e];
            SelectionCandidate candidate = candidates[i];
            keys[e] = new MeritKey(
                -(double)candidate.Score,
                positiveActionTieBreak && candidate.UnderRepresented ? 0 : 1,
                LotteryKey(seed, candidate.ApplicantId),
                i);
        }

        Array.Sort(keys);
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            bool sorted = true;
            while (end < keys.Length && keys[end].NegatedScore == keys[start].NegatedScore)
            {
                sorted = sorted && CompareExactly(candidates, keys[end - 1], keys[end], positiveActionTieBreak) <= 0;
                end++;
            }

            if (!sorted)
            {
                Array.Sort(keys, start, end - start, Comparer<MeritKey>.Create((left, right) => CompareExactly(candidates, left, right, positiveActionTieBreak)));
            }

            start = end;
        }

        int[] order = new int[keys.Length];
        for (int e = 0; e < keys.Length; e++)
        {
            order[e] = keys[e].Index;
        }

        return order;
    }

    /// <summary>The exact order of merit of two candidates, using their stored lottery keys.</summary>
    private static int CompareExactly(IReadOnlyList<SelectionCandidate> candidates, MeritKey left, MeritKey right, bool positiveActionTieBreak)
    {
        SelectionCandidate x = candidates[left.Index];
        SelectionCandidate y = candidates[right.Index];
        int byScore = y.Score.CompareTo(x.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        if (positiveActionTieBreak && x.UnderRepresented != y.UnderRepresented)
        {
            return x.UnderRepresented ? -1 : 1;
        }

        int byLottery = left.Lottery.CompareTo(right.Lottery);
        return byLottery != 0 ? byLottery : string.CompareOrdinal(x.ApplicantId, y.ApplicantId);
    }

    /// <summary>
    /// The lottery key of an applicant: FNV-1a over the seed's eight bytes and the id's UTF-16 code units,
    /// finished with the SplitMix64 mixer. Fixed here so that a seed gives the same draw on every platform and version.
    /// </summary>
    internal static ulong LotteryKey(long seed, string applicantId)
    {
        unchecked
        {
            const ulong prime = 1099511628211UL;
            ulong hash = 14695981039346656037UL;
            ulong s = (ulong)seed;
            for (int b = 0; b < 8; b++)
            {
                hash = (hash ^ ((s >> (8 * b)) & 0xFF)) * prime;
            }

            foreach (char c in applicantId)
            {
                hash = (hash ^ (c & 0xFFu)) * prime;
                hash = (hash ^ ((uint)c >> 8)) * prime;
            }

            hash += 0x9E3779B97F4A7C15UL;
            hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
            hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
            return hash ^ (hash >> 31);
        }
    }

    /// <summary>A candidate's place in the fast sort: negated score as a double, tie-break flag, lottery key, position.</summary>
    private readonly record struct MeritKey(double NegatedScore, int Flag, ulong Lottery, int Index) : IComparable<MeritKey>
    {
        public int CompareTo(MeritKey other)
        {
            int byScore = NegatedScore.CompareTo(other.NegatedScore);
            if (byScore != 0)
            {
                return byScore;
            }

            int byFlag = Flag.CompareTo(other.Flag);
            return byFlag != 0 ? byFlag : Lottery.CompareTo(other.Lottery);
        }
    }

    /// <summary>
    /// Says what the selection decided: for example <c>60 candidates for 35 places: 35 selected, 10 on the waiting
    /// list, 15 not selected</c>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Outcomes.Length} candidates for {Capacity} places: {Selected.Length} selected, {WaitingList.Length} on the waiting list, {Outcomes.Length - Selected.Length - WaitingList.Length} not selected");
}
