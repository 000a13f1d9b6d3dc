using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Allocation of participants to action-learning sets: examples, bad input and the laws that hold.</summary>
public sealed class SetAllocationTests
{
    private static readonly GroupSizeBounds Sets = new(5, 8);

    /// <summary>Year 2: 35 places from 30 authorities (five send two), with a realistic mix of backgrounds.</summary>
    private static SetParticipant[] Year2()
    {
        string[] backgrounds =
        [
            .. Enumerable.Repeat("children's social care", 22),
            .. Enumerable.Repeat("education", 7),
            .. Enumerable.Repeat("health", 2),
            .. Enumerable.Repeat("adult social care", 2),
            "commissioning",
            "inclusion",
        ];
        return [.. backgrounds.Select((b, i) => new SetParticipant($"Y2-{i:D2}", $"LA{(i < 10 ? i / 2 : i - 5):D2}", b))];
    }

    [Fact]
    public void Of_Year2_FiveSetsOfSevenWithoutColleaguesAndBackgroundsSpreadEvenly()
    {
        SetAllocation allocation = SetAllocation.Of(Year2(), Sets, seed: 2022);

        Assert.True(allocation.IsFeasible);
        Assert.Null(allocation.Reason);
        Assert.Equal([7, 7, 7, 7, 7], allocation.Sets.Select(s => s.Size).ToArray());
        Assert.Equal([1, 2, 3, 4, 5], allocation.Sets.Select(s => s.Number).ToArray());
        Assert.Equal(0, allocation.AuthorityClashes);
        Assert.Equal(0, allocation.MinimumAuthorityClashes);
        Assert.True(allocation.ReachesMinimumAuthorityClashes);
        Assert.All(allocation.Sets, s => Assert.Equal(0, s.AuthorityClashes));
        Assert.Equal(6, allocation.BackgroundCount);
        Assert.Equal(6, allocation.EvenlySpreadBackgrounds);
        Assert.All(allocation.Sets, s => Assert.InRange(s.Participants.Count(p => p.Background == "children's social care"), 4, 5));
        Assert.All(allocation.Sets, s => Assert.Equal(6, s.BestPossibleBackgrounds));
        Assert.All(allocation.Sets, s => Assert.InRange(s.DistinctBackgrounds, 3, 4));
        Assert.Equal(2022, allocation.Seed);
    }

    [Fact]
    public void Of_AnAuthorityWithMorePeopleThanSets_ClashesOnlyAsMuchAsItMust()
    {
        // Seven from LA1 and eight others in three sets of five: LA1 must have at least 7 − 3 = 4 extra people.
        SetParticipant[] participants =
        [
            .. Enumerable.Range(0, 7).Select(i => new SetParticipant($"a{i}", "LA1", i % 2 == 0 ? "education" : "social care")),
            .. Enumerable.Range(0, 8).Select(i => new SetParticipant($"b{i}", $"LB{i}", "social care")),
        ];

        SetAllocation allocation = SetAllocation.Of(participants, new GroupSizeBounds(5, 5), seed: 7);

        Assert.Equal([5, 5, 5], allocation.Sets.Select(s => s.Size).ToArray());
        Assert.Equal(4, allocation.MinimumAuthorityClashes);
        Assert.Equal(4, allocation.AuthorityClashes);
        Assert.Equal([2, 1, 1], allocation.Sets.Select(s => s.AuthorityClashes).OrderDescending().ToArray());
    }

    [Fact]
    public void Of_Infeasible_GivesTheSplitsReasonAndNoSets()
    {
        SetParticipant[] nine = [.. Enumerable.Range(0, 9).Select(i => new SetParticipant($"p{i}", "LA", "b"))];

        SetAllocation allocation = SetAllocation.Of(nine, Sets, seed: 0);

        Assert.False(allocation.IsFeasible);
        Assert.Equal(GroupSplit.Of(9, Sets).Reason, allocation.Reason);
        Assert.Empty(allocation.Sets);
        Assert.Equal(0, allocation.AuthorityClashes);
        Assert.Equal(0, allocation.MinimumAuthorityClashes);
        Assert.Equal(1, allocation.BackgroundCount);
        Assert.Equal(0, allocation.EvenlySpreadBackgrounds);
        Assert.Equal(0m, allocation.MixScore);
    }

    [Fact]
    public void Of_OneBackground_MixesPerfectly()
    {
        SetParticipant[] participants = [.. Enumerable.Range(0, 12).Select(i => new SetParticipant($"p{i}", $"LA{i}", "social care"))];

        SetAllocation allocation = SetAllocation.Of(participants, Sets, seed: 0);

        Assert.All(allocation.Sets, s => Assert.Equal(1m, s.MixScore));
        Assert.All(allocation.Sets, s => Assert.Equal(1, s.BestPossibleBackgrounds));
        Assert.Equal(1m, allocation.MixScore);
    }

    [Fact]
    public void Of_BadInput_NamesTheParameter()
    {
        SetParticipant[] participants = [new("secret-1", "LA1", "education"), new("p2", "LA2", "health")];
        GroupSplit split = GroupSplit.Of(2, GroupSizeBounds.AtMost(8));

        Assert.Equal("participants", Assert.Throws<ArgumentNullException>(() => SetAllocation.Of(null!, Sets, 0)).ParamName);
        Assert.Equal("participants", Assert.Throws<ArgumentNullException>(() => SetAllocation.Of(null!, split, 0)).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentNullException>(() => SetAllocation.Of(participants, (GroupSizeBounds)null!, 0)).ParamName);
        Assert.Equal("split", Assert.Throws<ArgumentNullException>(() => SetAllocation.Of(participants, (GroupSplit)null!, 0)).ParamName);
        ArgumentException empty = Assert.Throws<ArgumentException>(() => SetAllocation.Of([], Sets, 0));
        Assert.Equal("participants", empty.ParamName);
        Assert.StartsWith("At least one participant is needed.", empty.Message, StringComparison.Ordinal);
        ArgumentException mismatch = Assert.Throws<ArgumentException>(() => SetAllocation.Of(participants, GroupSplit.Of(3, Sets), 0));
        Assert.Equal("split", mismatch.ParamName);
        Assert.StartsWith("The split is for 3 participants, not the 2 given.", mismatch.Message, StringComparison.Ordinal);
        ArgumentException hole = Assert.Throws<ArgumentException>(() => SetAllocation.Of([participants[0], null!], split, 0));
        Assert.Equal("participants", hole.ParamName);
        Assert.StartsWith("Participant 1 is null.", hole.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_DuplicateIds_AreRejectedWithoutNamingThem()
    {
        SetParticipant[] participants = [new("secret-1", "LA1", "education"), new("p2", "LA2", "health"), new("secret-1", "LA3", "health")];

        ArgumentException error = Assert.Throws<ArgumentException>(() => SetAllocation.Of(participants, Sets, 0));

        Assert.Equal("participants", error.ParamName);
        Assert.StartsWith("Participant ids must be unique: participant 2 has the same participant id as participant 0.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participant_BadInput_NamesTheParameter()
    {
        Assert.Equal("participantId", Assert.ThrowsAny<ArgumentException>(() => new SetParticipant("", "LA", "b")).ParamName);
        Assert.Equal("participantId", Assert.ThrowsAny<ArgumentException>(() => new SetParticipant(null!, "LA", "b")).ParamName);
        Assert.Equal("authorityCode", Assert.ThrowsAny<ArgumentException>(() => new SetParticipant("p", " ", "b")).ParamName);
        Assert.Equal("background", Assert.ThrowsAny<ArgumentException>(() => new SetParticipant("p", "LA", null!)).ParamName);
    }

    [Property]
    public Property Law_EveryParticipantIsPlacedExactlyOnceInTheSplitsSizes() => Prop.ForAll(SetAllocationGenerators.Cases(), c =>
    {
        SetAllocation allocation = c.Run();
        GroupSplit split = GroupSplit.Of(c.Participants.Length, c.Bounds);
        Assert.Equal(split.IsFeasible, allocation.IsFeasible);
        Assert.Equal(split.Reason, allocation.Reason);
        if (!split.IsFeasible)
        {
            Assert.Empty(allocation.Sets);
            return;
        }

        Assert.Equal(split.Sizes, allocation.Sets.Select(s => s.Size));
        Assert.Equal(Enumerable.Range(1, split.GroupCount), allocation.Sets.Select(s => s.Number));
        List<SetParticipant> placed = [.. allocation.Sets.SelectMany(s => s.Participants)];
        Assert.Equal(c.Participants.Length, placed.Count);
        Assert.Equal(c.Participants.ToHashSet(ReferenceEqualityComparer.Instance), placed.ToHashSet(ReferenceEqualityComparer.Instance));
        Assert.All(allocation.Sets, s => Assert.Equal(s.Participants.OrderBy(p => p.ParticipantId, StringComparer.Ordinal), s.Participants));
    });

    [Property]
    public Property Law_AuthorityClashesAreTheFewestPossible() => Prop.ForAll(SetAllocationGenerators.FeasibleCases(), c =>
    {
        SetAllocation allocation = c.Run();
        int k = allocation.Sets.Length;
        Dictionary<string, int> sizes = c.Participants.GroupBy(p => p.AuthorityCode).ToDictionary(g => g.Key, g => g.Count());
        int bound = sizes.Values.Sum(m => Math.Max(0, m - k));
        Assert.Equal(bound, allocation.MinimumAuthorityClashes);
        Assert.Equal(bound, allocation.AuthorityClashes);
        Assert.True(allocation.ReachesMinimumAuthorityClashes);
        Assert.All(allocation.Sets, s => Assert.Equal(s.Size - s.Participants.Select(p => p.AuthorityCode).Distinct().Count(), s.AuthorityClashes));

        // More strongly: every authority is spread as evenly as it can be, ⌊m/k⌋ or ⌈m/k⌉ in every set; so when
        // no authority has more people than sets, nobody shares a set with a colleague.
        foreach ((string code, int m) in sizes)
        {
            Assert.All(allocation.Sets, s => Assert.InRange(s.Participants.Count(p => p.AuthorityCode == code), m / k, (m + k - 1) / k));
        }

        if (sizes.Values.Max() <= k)
        {
            Assert.Equal(0, SetAllocationGenerators.SharedPairs(allocation.Sets.Select(s => s.Participants.AsEnumerable()), p => p.AuthorityCode));
        }
    });

    [Property]
    public Property Law_NoSingleExchangeMixesBackgroundsBetterWithoutAddingColleagues() => Prop.ForAll(SetAllocationGenerators.FeasibleCases(), c =>
    {
        List<SetParticipant>[] sets = [.. c.Run().Sets.Select(s => s.Participants.ToList())];
        int spread = SquaredCounts(sets);
        int colleagues = SetAllocationGenerators.SharedPairs(sets, p => p.AuthorityCode);
        for (int j = 0; j < sets.Length; j++)
        {
            for (int k = j + 1; k < sets.Length; k++)
            {
                for (int x = 0; x < sets[j].Count; x++)
                {
                    for (int y = 0; y < sets[k].Count; y++)
                    {
                        (sets[j][x], sets[k][y]) = (sets[k][y], sets[j][x]);
                        bool better = SquaredCounts(sets) < spread && SetAllocationGenerators.SharedPairs(sets, p => p.AuthorityCode) <= colleagues;
                        (sets[j][x], sets[k][y]) = (sets[k][y], sets[j][x]);
                        Assert.False(better, $"exchanging participants {x} of set {j + 1} and {y} of set {k + 1} would mix backgrounds better");
                    }
                }
            }
        }
    });

    [Property]
    public Property Law_MeasuresFollowTheirFormulas() => Prop.ForAll(SetAllocationGenerators.Cases(), c =>
    {
        SetAllocation allocation = c.Run();
        int n = c.Participants.Length;
        Dictionary<string, int> backgrounds = c.Participants.GroupBy(p => p.Background).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(backgrounds.Count, allocation.BackgroundCount);
        if (!allocation.IsFeasible)
        {
            return;
        }

        decimal weighted = 0m;
        foreach (AllocatedSet set in allocation.Sets)
        {
            int s = set.Size;
            Assert.Equal(set.Participants.Select(p => p.Background).Distinct().Count(), set.DistinctBackgrounds);
            Assert.Equal(Math.Min(s, backgrounds.Count), set.BestPossibleBackgrounds);
            Assert.InRange(set.DistinctBackgrounds, 1, set.BestPossibleBackgrounds);
            decimal distance = backgrounds.Sum(b => Math.Abs(((decimal)set.Participants.Count(p => p.Background == b.Key) / s) - ((decimal)b.Value / n))) / 2;
            Assert.InRange(set.MixScore, 1m - distance - 0.000000000000000001m, 1m - distance + 0.000000000000000001m);
            Assert.InRange(set.MixScore, 0.0000000001m, 1m);
            weighted += set.MixScore * s / n;
        }

        Assert.InRange(allocation.MixScore, weighted - 0.000000000000000001m, weighted + 0.000000000000000001m);
        int even = backgrounds.Keys.Count(b =>
        {
            int[] counts = [.. allocation.Sets.Select(s => s.Participants.Count(p => p.Background == b))];
            return counts.Max() - counts.Min() <= 1;
        });
        Assert.Equal(even, allocation.EvenlySpreadBackgrounds);
    });

    [Property]
    public Property Law_SameParticipantsAndSeedGiveTheSameAllocationInAnyOrder() => Prop.ForAll(SetAllocationGenerators.FeasibleCases(), c =>
    {
        SetAllocation first = c.Run();
        SetAllocation again = c.Run();
        SetAllocation shuffled = SetAllocation.Of(c.Shuffled, c.Bounds, c.Seed);
        foreach (SetAllocation other in new[] { again, shuffled })
        {
            Assert.Equal(Ids(first), Ids(other));
            Assert.Equal(first.Sets.Select(s => s.MixScore), other.Sets.Select(s => s.MixScore));
            Assert.Equal(first.MixScore, other.MixScore);
            Assert.Equal(first.EvenlySpreadBackgrounds, other.EvenlySpreadBackgrounds);
        }

        Assert.Equal(Ids(first), Ids(SetAllocation.Of(c.Participants, GroupSplit.Of(c.Participants.Length, c.Bounds), c.Seed)));
    });

    [Fact]
    public void Seed_ChangesWhoMeetsWhom()
    {
        SetParticipant[] participants = Year2();

        HashSet<string> firstSets = [.. Enumerable.Range(0, 20).Select(seed => string.Join(",", SetAllocation.Of(participants, Sets, seed).Sets[0].Participants.Select(p => p.ParticipantId)))];

        Assert.True(firstSets.Count > 1);
    }

    private static string[][] Ids(SetAllocation allocation) => [.. allocation.Sets.Select(s => s.Participants.Select(p => p.ParticipantId).ToArray())];

    private static int SquaredCounts(IEnumerable<IEnumerable<SetParticipant>> sets) =>
        sets.Sum(set => set.GroupBy(p => p.Background).Sum(g => g.Count() * g.Count()));
}
