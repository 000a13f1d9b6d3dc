using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Cohorts;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cohorts;

/// <summary>One allocation to run: participants, a shuffled copy, set bounds and a seed.</summary>
public sealed record SetAllocationCase(SetParticipant[] Participants, SetParticipant[] Shuffled, GroupSizeBounds Bounds, long Seed)
{
    /// <summary>Runs the allocation over <see cref="Participants"/>.</summary>
    public SetAllocation Run() => SetAllocation.Of(Participants, Bounds, Seed);

    /// <summary>A short description for counter-examples.</summary>
    public override string ToString() =>
        $"sets {Bounds}, seed {Seed}: " + string.Join("; ", Participants.Select(p => $"{p.ParticipantId} {p.AuthorityCode} {p.Background}"));
}

/// <summary>
/// FsCheck generators for set allocation: 1 to 60 participants over 1 to 12 authorities of uneven sizes (so that
/// some authorities have more participants than there are sets) and 1 to 5 backgrounds, one of them usually
/// dominant; set bounds within 1 to 9, so that infeasible splits occur too.
/// </summary>
public static class SetAllocationGenerators
{
    /// <summary>Participants with distinct ids (an index and a random suffix).</summary>
    public static Gen<SetParticipant[]> Participants() =>
        from count in Gen.Choose(1, 60)
        from authorities in Gen.Choose(1, 12)
        from backgrounds in Gen.Choose(1, 5)
        from items in (
            from suffix in Gen.Choose(0, 999)
            from authority in Gen.Frequency((2, Gen.Choose(0, System.Math.Min(1, authorities - 1))), (3, Gen.Choose(0, authorities - 1)))
            from background in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, backgrounds - 1)))
            select (suffix, authority, background)).ArrayOf(count)
        select items
            .Select((p, i) => new SetParticipant($"p{i}-{p.suffix}", "LA" + p.authority, "bg" + p.background))
            .ToArray();

    /// <summary>Allocation cases.</summary>
    public static Arbitrary<SetAllocationCase> Cases() =>
        Arb.From(
            from participants in Participants()
            from shuffled in Gen.Shuffle(participants)
            from bounds in CohortGenerators.Bounds(9)
            from seed in SelectionGenerators.Seeds()
            select new SetAllocationCase(participants, [.. shuffled], bounds, seed));

    /// <summary>Cases whose participants can be split within the bounds.</summary>
    public static Arbitrary<SetAllocationCase> FeasibleCases() =>
        Arb.From(Cases().Generator.Where(c => GroupSplit.Of(c.Participants.Length, c.Bounds).IsFeasible));

    /// <summary>The number of pairs of participants in one set that share <paramref name="key"/>, over all sets.</summary>
    public static int SharedPairs(IEnumerable<IEnumerable<SetParticipant>> sets, System.Func<SetParticipant, string> key) =>
        sets.Sum(set => set.GroupBy(key).Sum(g => g.Count() * (g.Count() - 1) / 2));
}
