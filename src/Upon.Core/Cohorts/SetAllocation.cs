namespace Upon.Core.Cohorts;

/// <summary>
/// Selected participants spread over action-learning sets so that no set holds two people from the same authority
/// where that can be avoided and professional backgrounds are mixed, with measures of how well that was achieved.
/// </summary>
/// <remarks>
/// <para>The method. The set sizes are those of a <see cref="GroupSplit"/>: <c>k</c> sets whose sizes differ by at
/// most one, larger first. <b>Dealing</b>: participants are grouped by authority, the largest authority first
/// (equal sizes in the order of a seeded 64-bit hash of the authority code, then the code), each authority's
/// participants in the order of a seeded hash of their id (then the id), and dealt in that sequence to sets
/// 1, 2, …, <c>k</c>, 1, 2, … in turn. That fills the sets to exactly the split's sizes, and an authority's
/// <c>m</c> participants land in <c>m</c> consecutive turns: in different sets when <c>m ≤ k</c>, and otherwise
/// <c>⌊m/k⌋</c> or <c>⌈m/k⌉</c> to a set. <b>Swapping</b>: then, for each pair of sets in turn, two participants
/// with different backgrounds are exchanged whenever that lowers <c>Σ c²</c> over every set and background
/// (<c>c</c> the number in the set with the background, which is smallest when each background is spread as
/// evenly as possible) without adding a pair of colleagues to any set; the passes repeat until no exchange helps.
/// The result is a local optimum for background mix: no single exchange improves it, though a better allocation
/// may exist.</para>
/// <para>What holds: every participant is in exactly one set; the sets have the split's sizes; the authority
/// clashes always equal <see cref="MinimumAuthorityClashes"/>, which no allocation can go below (an authority with
/// <c>m</c> participants can occupy at most <c>k</c> sets), so nobody shares a set with a colleague unless some
/// authority has more participants than there are sets. The allocation depends only on the participants and the
/// seed, never on the order they are given in.</para>
/// <para>The swap phase's first pass compares every pair of participants in different sets, so its time grows with
/// the square of the number of participants (later passes look only at pairs of sets that changed); 1,000 take a
/// few milliseconds. Infeasibility is an outcome, not an error: <see cref="IsFeasible"/> is false and
/// <see cref="Reason"/> is the split's. Equality is by reference. Instances are immutable and safe to share between
/// threads.</para>
/// </remarks>
public sealed class SetAllocation
{
    private SetAllocation(
        GroupSplit split,
        long seed,
        ImmutableArray<AllocatedSet> sets,
        int minimumAuthorityClashes,
        int backgroundCount,
        int evenlySpreadBackgrounds,
        decimal mixScore)
    {
        Split = split;
        Seed = seed;
        Sets = sets;
        MinimumAuthorityClashes = minimumAuthorityClashes;
        BackgroundCount = backgroundCount;
        EvenlySpreadBackgrounds = evenlySpreadBackgrounds;
        MixScore = mixScore;
        int clashes = 0;
        foreach (AllocatedSet set in sets)
        {
            clashes += set.AuthorityClashes;
        }

        AuthorityClashes = clashes;
    }

    /// <summary>Gets the split that gives the number and sizes of the sets.</summary>
    public GroupSplit Split { get; }

    /// <summary>Gets whether the participants could be split into sets; when not, <see cref="Sets"/> is empty.</summary>
    public bool IsFeasible => Split.IsFeasible;

    /// <summary>Gets why the participants cannot be split into sets (the split's reason); null when they can.</summary>
    public string? Reason => Split.Reason;

    /// <summary>Gets the seed of the hashes that order authorities of equal size and the participants within an authority.</summary>
    public long Seed { get; }

    /// <summary>Gets the sets, numbered from 1, with the split's sizes in the split's order; empty when no split exists.</summary>
    public ImmutableArray<AllocatedSet> Sets { get; }

    /// <summary>Gets the authority clashes over all sets: the sum of each set's <see cref="AllocatedSet.AuthorityClashes"/>.</summary>
    public int AuthorityClashes { get; }

    /// <summary>
    /// Gets the fewest authority clashes any allocation into these sets can have: <c>Σ max(0, m − k)</c> over the
    /// authorities, <c>m</c> the authority's participants and <c>k</c> the number of sets. Zero when no split exists.
    /// </summary>
    public int MinimumAuthorityClashes { get; }

    /// <summary>Gets whether <see cref="AuthorityClashes"/> equals <see cref="MinimumAuthorityClashes"/> (it always does when a split exists; stated so that a report can show it).</summary>
    public bool ReachesMinimumAuthorityClashes => AuthorityClashes == MinimumAuthorityClashes;

    /// <summary>Gets the number of distinct professional backgrounds among the participants.</summary>
    public int BackgroundCount { get; }

    /// <summary>
    /// Gets the number of backgrounds spread as evenly as possible: the numbers with the background in each set
    /// differ by at most one (<c>⌊m_b/k⌋</c> or <c>⌈m_b/k⌉</c> in every set). Zero when no split exists.
    /// </summary>
    public int EvenlySpreadBackgrounds { get; }

    /// <summary>
    /// Gets the mix score over all sets, from 0 to 1: the mean of the sets' <see cref="AllocatedSet.MixScore"/>
    /// weighted by their sizes, <c>1 − Σ_sets Σ_b |n·c_b − s·m_b| ÷ (2·n²)</c>. Zero when no split exists.
    /// </summary>
    public decimal MixScore { get; }

    /// <summary>Allocates <paramref name="participants"/> to the fewest sets within <paramref name="bounds"/> (the sizes of <see cref="GroupSplit.Of"/>).</summary>
    /// <param name="participants">The participants: at least one, none null, participant ids unique (ordinal).</param>
    /// <param name="bounds">The sizes a set may have, for example 5 to 8.</param>
    /// <param name="seed">The seed of the hashes that order authorities of equal size and participants within an authority: any value; the same seed gives the same allocation.</param>
    /// <returns>The allocation, or, when the participants cannot be split within the bounds, an infeasible one saying why.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participants"/> or <paramref name="bounds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="participants"/> is empty, holds a null, or holds two participants with the same id (the message gives their positions, never the id).</exception>
    public static SetAllocation Of(IReadOnlyList<SetParticipant> participants, GroupSizeBounds bounds, long seed)
    {
        Guard.Against.Null(participants);
        Guard.Against.Null(bounds);
        Guard.Against.Empty(participants, "participant");

        return Of(participants, GroupSplit.Of(participants.Count, bounds), seed);
    }

    /// <summary>Allocates <paramref name="participants"/> to the sets of <paramref name="split"/>.</summary>
    /// <param name="participants">The participants: as many as <paramref name="split"/> splits, none null, participant ids unique (ordinal).</param>
    /// <param name="split">The split giving the number and sizes of the sets; when it is infeasible, so is the allocation.</param>
    /// <param name="seed">The seed of the hashes that order authorities of equal size and participants within an authority: any value; the same seed gives the same allocation.</param>
    /// <returns>The allocation, or an infeasible one with the split's reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participants"/> or <paramref name="split"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="split"/> is for a different number of participants, or <paramref name="participants"/> holds a
    /// null or two participants with the same id (the message gives their positions, never the id).
    /// </exception>
    public static SetAllocation Of(IReadOnlyList<SetParticipant> participants, GroupSplit split, long seed)
    {
        Guard.Against.Null(participants);
        Guard.Against.Null(split);
        Guard.Against.Invalid(split.Participants != participants.Count, $"The split is for {split.Participants} participants, not the {participants.Count} given.", nameof(split));

        Dictionary<string, int> seen = new(participants.Count, StringComparer.Ordinal);
        SortedSet<string> backgroundNames = new(StringComparer.Ordinal);
        for (int i = 0; i < participants.Count; i++)
        {
            SetParticipant participant = Guard.Against.NullAt(participants[i], i, "Participant", nameof(participants));
            Guard.Against.Duplicate(seen, participant.ParticipantId, i, static (earlier, again) => $"Participant ids must be unique: participant {again} has the same participant id as participant {earlier}.", nameof(participants));

            backgroundNames.Add(participant.Background);
        }

        if (!split.IsFeasible)
        {
            return new SetAllocation(split, seed, [], 0, backgroundNames.Count, 0, 0m);
        }

        SetParticipant[] sequence = DealingOrder(participants, seed, out int[] authorityOf, out int[] authoritySizes);
        Dictionary<string, int> backgroundIds = new(backgroundNames.Count, StringComparer.Ordinal);
        foreach (string name in backgroundNames)
        {
            backgroundIds.Add(name, backgroundIds.Count);
        }

        int[] backgroundOf = new int[sequence.Length];
        int[] backgroundSizes = new int[backgroundIds.Count];
        for (int p = 0; p < sequence.Length; p++)
        {
            backgroundOf[p] = backgroundIds[sequence[p].Background];
            backgroundSizes[backgroundOf[p]]++;
        }

        int setCount = split.GroupCount;
        int[][] members = new int[setCount][];
        for (int j = 0; j < setCount; j++)
        {
            members[j] = new int[split.Sizes[j]];
        }

        for (int p = 0; p < sequence.Length; p++)
        {
            members[p % setCount][p / setCount] = p;
        }

        Improve(members, backgroundOf, backgroundSizes.Length, authorityOf, authoritySizes.Length);

        int minimum = 0;
        foreach (int size in authoritySizes)
        {
            minimum += Math.Max(0, size - setCount);
        }

        return Measure(split, seed, sequence, members, backgroundOf, backgroundSizes, authorityOf, authoritySizes.Length, minimum);
    }

    /// <summary>
    /// The participants in dealing order: authorities by size descending, then seeded hash of the code, then the
    /// code; within an authority by seeded hash of the id, then the id. Also the dense authority index of each
    /// participant in that order and the sizes of the authorities.
    /// </summary>
    private static SetParticipant[] DealingOrder(IReadOnlyList<SetParticipant> participants, long seed, out int[] authorityOf, out int[] authoritySizes)
    {
        Dictionary<string, List<SetParticipant>> byAuthority = new(StringComparer.Ordinal);
        foreach (SetParticipant participant in participants)
        {
            if (!byAuthority.TryGetValue(participant.AuthorityCode, out List<SetParticipant>? members))
            {
                members = [];
                byAuthority.Add(participant.AuthorityCode, members);
            }

            members.Add(participant);
        }

        (string Code, ulong Key, List<SetParticipant> Members)[] authorities = new (string, ulong, List<SetParticipant>)[byAuthority.Count];
        int a = 0;
        foreach (KeyValuePair<string, List<SetParticipant>> entry in byAuthority)
        {
            authorities[a++] = (entry.Key, Selection.LotteryKey(seed, entry.Key), entry.Value);
        }

        Array.Sort(authorities, (x, y) =>
        {
            int bySize = y.Members.Count.CompareTo(x.Members.Count);
            if (bySize != 0)
            {
                return bySize;
            }

            int byKey = x.Key.CompareTo(y.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(x.Code, y.Code);
        });

        SetParticipant[] sequence = new SetParticipant[participants.Count];
        authorityOf = new int[participants.Count];
        authoritySizes = new int[authorities.Length];
        int p = 0;
        for (a = 0; a < authorities.Length; a++)
        {
            List<SetParticipant> members = authorities[a].Members;
            authoritySizes[a] = members.Count;
            (ulong Key, SetParticipant Participant)[] ordered = new (ulong, SetParticipant)[members.Count];
            for (int i = 0; i < ordered.Length; i++)
            {
                ordered[i] = (Selection.LotteryKey(seed, members[i].ParticipantId), members[i]);
            }

            Array.Sort(ordered, static (x, y) =>
            {
                int byKey = x.Key.CompareTo(y.Key);
                return byKey != 0 ? byKey : string.CompareOrdinal(x.Participant.ParticipantId, y.Participant.ParticipantId);
            });
            foreach ((ulong _, SetParticipant participant) in ordered)
            {
                sequence[p] = participant;
                authorityOf[p] = a;
                p++;
            }
        }

        return sequence;
    }

    /// <summary>
    /// The swap phase: for each pair of sets in turn, exchanges two participants with different backgrounds while
    /// that lowers Σ c² over sets and backgrounds without raising the number of pairs of colleagues in any set,
    /// repeating the passes until none helps. Each exchange lowers Σ c², a non-negative integer, so it ends.
    /// </summary>
    private static void Improve(int[][] members, int[] backgroundOf, int backgroundCount, int[] authorityOf, int authorityCount)
    {
        // Counts for the two sets being compared, indexed densely and cleared after each pair.
        int[] backgroundsLeft = new int[backgroundCount];
        int[] backgroundsRight = new int[backgroundCount];
        int[] authoritiesLeft = new int[authorityCount];
        int[] authoritiesRight = new int[authorityCount];
        // An exchange's effect depends only on the two sets, so a pair checked without success needs checking again
        // only once one of its sets has changed: in the previous pass (perhaps after the check) or in this one.
        int[] changedInPass = new int[members.Length];
        bool improved = true;
        for (int pass = 1; improved; pass++)
        {
            improved = false;
            for (int j = 0; j < members.Length; j++)
            {
                int[] left = members[j];
                for (int k = j + 1; k < members.Length; k++)
                {
                    if (pass > 1 && changedInPass[j] < pass - 1 && changedInPass[k] < pass - 1)
                    {
                        continue;
                    }

                    int[] right = members[k];
                    Count(left, backgroundOf, authorityOf, backgroundsLeft, authoritiesLeft, 1);
                    Count(right, backgroundOf, authorityOf, backgroundsRight, authoritiesRight, 1);
                    for (int x = 0; x < left.Length; x++)
                    {
                        for (int y = 0; y < right.Length; y++)
                        {
                            int l = left[x];
                            int r = right[y];
                            int a = backgroundOf[l];
                            int b = backgroundOf[r];
                            if (a == b)
                            {
                                continue;
                            }

                            // Half the change in Σ c² when l (background a) and r (background b) change sets, less 2: negative when it falls.
                            int change = backgroundsLeft[b] - backgroundsLeft[a] + backgroundsRight[a] - backgroundsRight[b] + 2;
                            if (change >= 0)
                            {
                                continue;
                            }

                            int p = authorityOf[l];
                            int q = authorityOf[r];
                            if (p != q && authoritiesLeft[q] - authoritiesLeft[p] + authoritiesRight[p] - authoritiesRight[q] + 2 > 0)
                            {
                                continue;   // the exchange would add a pair of colleagues
                            }

                            left[x] = r;
                            right[y] = l;
                            backgroundsLeft[a]--;
                            backgroundsLeft[b]++;
                            backgroundsRight[b]--;
                            backgroundsRight[a]++;
                            authoritiesLeft[p]--;
                            authoritiesLeft[q]++;
                            authoritiesRight[q]--;
                            authoritiesRight[p]++;
                            changedInPass[j] = pass;
                            changedInPass[k] = pass;
                            improved = true;
                        }
                    }

                    Count(left, backgroundOf, authorityOf, backgroundsLeft, authoritiesLeft, -1);
                    Count(right, backgroundOf, authorityOf, backgroundsRight, authoritiesRight, -1);
                }
            }
        }
    }

    private static void Count(int[] set, int[] backgroundOf, int[] authorityOf, int[] backgrounds, int[] authorities, int step)
    {
        foreach (int p in set)
        {
            backgrounds[backgroundOf[p]] += step;
            authorities[authorityOf[p]] += step;
        }
    }

    private static SetAllocation Measure(
        GroupSplit split,
        long seed,
        SetParticipant[] sequence,
        int[][] members,
        int[] backgroundOf,
        int[] backgroundSizes,
        int[] authorityOf,
        int authorityCount,
        int minimumClashes)
    {
        long n = sequence.Length;
        int backgroundCount = backgroundSizes.Length;
        int[] backgrounds = new int[backgroundCount];
        int[] authorities = new int[authorityCount];
        int[] most = new int[backgroundCount];
        int[] fewest = new int[backgroundCount];
        Array.Fill(fewest, int.MaxValue);
        int[] setsHolding = new int[backgroundCount];
        long totalDistance = 0;
        ImmutableArray<AllocatedSet>.Builder sets = ImmutableArray.CreateBuilder<AllocatedSet>(members.Length);
        for (int j = 0; j < members.Length; j++)
        {
            int[] set = members[j];
            long s = set.Length;
            int distinctAuthorities = 0;
            int distinctBackgrounds = 0;
            long coveredShare = 0;
            long distance = 0;
            foreach (int p in set)
            {
                if (authorities[authorityOf[p]]++ == 0)
                {
                    distinctAuthorities++;
                }

                if (backgrounds[backgroundOf[p]]++ == 0)
                {
                    distinctBackgrounds++;
                }
            }

            foreach (int p in set)
            {
                int b = backgroundOf[p];
                int c = backgrounds[b];
                if (c > 0)
                {
                    // Σ_b |n·c_b − s·m_b| over the set's backgrounds; the others add s·m_b each, below.
                    distance += Math.Abs((n * c) - (s * backgroundSizes[b]));
                    coveredShare += backgroundSizes[b];
                    most[b] = Math.Max(most[b], c);
                    fewest[b] = Math.Min(fewest[b], c);
                    setsHolding[b]++;
                    backgrounds[b] = 0;
                }

                authorities[authorityOf[p]] = 0;
            }

            distance += s * (n - coveredShare);
            totalDistance += distance;
            SetParticipant[] chosen = new SetParticipant[set.Length];
            for (int i = 0; i < set.Length; i++)
            {
                chosen[i] = sequence[set[i]];
            }

            Array.Sort(chosen, static (x, y) => string.CompareOrdinal(x.ParticipantId, y.ParticipantId));
            sets.Add(new AllocatedSet(
                j + 1,
                [.. chosen],
                set.Length - distinctAuthorities,
                distinctBackgrounds,
                Math.Min(set.Length, backgroundCount),
                1m - (distance / (2m * n * s))));
        }

        int evenlySpread = 0;
        for (int b = 0; b < backgroundCount; b++)
        {
            int low = setsHolding[b] < members.Length ? 0 : fewest[b];
            evenlySpread += most[b] - low <= 1 ? 1 : 0;
        }

        return new SetAllocation(split, seed, sets.MoveToImmutable(), minimumClashes, backgroundCount, evenlySpread, 1m - (totalDistance / (2m * n * n)));
    }

    /// <summary>
    /// Says what the allocation is: for example <c>4 sets (8, 8, 7, 7), 0 authority clashes (the fewest possible: 0)</c>,
    /// or, when there is none, <c>No allocation: </c> followed by <see cref="Reason"/>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => IsFeasible
        ? string.Create(CultureInfo.InvariantCulture, $"{Sets.Length} sets ({string.Join(", ", Split.Sizes)}), {AuthorityClashes} authority clashes (the fewest possible: {MinimumAuthorityClashes})")
        : $"No allocation: {Reason}";
}
