using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Splitting participants into groups within bounds: examples, bad input and the laws against brute force.</summary>
public sealed class GroupSplitTests
{
    private static readonly GroupSizeBounds Sets = new(5, 8);

    [Fact]
    public void Of_Year2ThirtyFivePlaces_IsFiveSetsOfSeven()
    {
        GroupSplit split = GroupSplit.Of(35, Sets);

        Assert.True(split.IsFeasible);
        Assert.Equal([7, 7, 7, 7, 7], split.Sizes.ToArray());
        Assert.Null(split.Reason);
        Assert.Null(split.NearestFeasibleBelow);
        Assert.Null(split.NearestFeasibleAbove);
    }

    [Fact]
    public void Of_TwentyInSetsOfFiveToEight_IsThreeSetsLargerFirst() =>
        Assert.Equal([7, 7, 6], GroupSplit.Of(20, Sets).Sizes.ToArray());

    [Fact]
    public void Of_NineInSetsOfFiveToEight_IsInfeasibleWithReasonAndNearestSizes()
    {
        GroupSplit split = GroupSplit.Of(9, Sets);

        Assert.False(split.IsFeasible);
        Assert.Empty(split.Sizes);
        Assert.Equal(0, split.GroupCount);
        Assert.Equal("9 participants cannot be split into groups of 5 to 8: 1 group holds at most 8, 2 groups need at least 10.", split.Reason);
        Assert.Equal(8, split.NearestFeasibleBelow);
        Assert.Equal(10, split.NearestFeasibleAbove);
    }

    [Fact]
    public void Of_FewerThanTheMinimum_HasNoSmallerFeasibleNumber()
    {
        GroupSplit split = GroupSplit.Of(3, Sets);

        Assert.Equal("3 participants cannot be split into groups of 5 to 8: 1 group needs at least 5.", split.Reason);
        Assert.Null(split.NearestFeasibleBelow);
        Assert.Equal(5, split.NearestFeasibleAbove);
    }

    [Fact]
    public void Of_SeventeenInSetsOfFiveToFive_SaysBothNeighbours() =>
        Assert.Equal(
            "17 participants cannot be split into groups of exactly 5: 3 groups hold at most 15, 4 groups need at least 20.",
            GroupSplit.Of(17, new GroupSizeBounds(5, 5)).Reason);

    [Fact]
    public void Of_ParticipantsBelowOne_IsRefused()
    {
        Assert.Equal("participants", Assert.Throws<ArgumentOutOfRangeException>(() => GroupSplit.Of(0, Sets)).ParamName);
        Assert.Equal("participants", Assert.Throws<ArgumentOutOfRangeException>(() => GroupSplit.Of(-1, Sets)).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentNullException>(() => GroupSplit.Of(1, null!)).ParamName);
    }

    [Fact]
    public void Bounds_MinimumAboveMaximumOrBelowOne_AreRefused()
    {
        ArgumentOutOfRangeException above = Assert.Throws<ArgumentOutOfRangeException>(() => new GroupSizeBounds(8, 5));
        Assert.Equal("maximum", above.ParamName);
        Assert.StartsWith("maximum must be at least 8.", above.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5", above.Message, StringComparison.Ordinal);
        Assert.Equal("minimum", Assert.Throws<ArgumentOutOfRangeException>(() => new GroupSizeBounds(0, 5)).ParamName);
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => GroupSizeBounds.AtMost(0)).ParamName);
    }

    [Fact]
    public void Bounds_ContainAndDescribeTheirSizes()
    {
        Assert.True(Sets.Contains(5));
        Assert.True(Sets.Contains(8));
        Assert.False(Sets.Contains(4));
        Assert.False(Sets.Contains(9));
        Assert.Equal("5 to 8", Sets.ToString());
        Assert.Equal("at most 50", GroupSizeBounds.AtMost(50).ToString());
        Assert.Equal(new GroupSizeBounds(1, 50), GroupSizeBounds.AtMost(50));
    }

    [Property]
    public Property Split_WhenFeasible_SumsToParticipantsWithinBoundsAndBalanced() =>
        Prop.ForAll(CohortGenerators.SplitCases(), c =>
        {
            GroupSplit split = GroupSplit.Of(c.Participants, c.Bounds);
            if (!split.IsFeasible)
            {
                return;
            }

            Assert.Equal(c.Participants, split.Sizes.Sum());
            Assert.All(split.Sizes, size => Assert.True(c.Bounds.Contains(size)));
            Assert.InRange(split.Sizes.Max() - split.Sizes.Min(), 0, 1);
            Assert.Equal(split.Sizes.OrderByDescending(s => s), split.Sizes);
        });

    [Property]
    public Property Split_HasTheFewestGroupsOfAnyPartition_AndIsInfeasibleExactlyWhenBruteForceFindsNone() =>
        Prop.ForAll(CohortGenerators.SplitCases(), c =>
        {
            int?[] fewest = CohortGenerators.FewestGroupsByBruteForce(c.Participants, c.Bounds);
            GroupSplit split = GroupSplit.Of(c.Participants, c.Bounds);

            Assert.Equal(fewest[c.Participants] is not null, split.IsFeasible);
            Assert.Equal(fewest[c.Participants] ?? 0, split.GroupCount);
            Assert.Equal(split.IsFeasible, split.Reason is null);
        });

    [Property]
    public Property Split_OfSmallNumbers_AgreesWithEveryPartitionEnumerated() =>
        Prop.ForAll(
            Arb.From(
                from participants in Gen.Choose(1, 24)
                from bounds in CohortGenerators.Bounds(10)
                select (participants, bounds)),
            c =>
            {
                int[][] all = [.. CohortGenerators.Partitions(c.participants, c.bounds)];
                GroupSplit split = GroupSplit.Of(c.participants, c.bounds);

                Assert.Equal(all.Length > 0, split.IsFeasible);
                if (split.IsFeasible)
                {
                    Assert.Equal(all.Min(p => p.Length), split.GroupCount);
                    Assert.Contains(all, p => p.SequenceEqual(split.Sizes));
                }
            });

    [Property]
    public Property Split_WhenInfeasible_NamesTheNearestNumbersThatCanBeSplit() =>
        Prop.ForAll(CohortGenerators.SplitCases(), c =>
        {
            GroupSplit split = GroupSplit.Of(c.Participants, c.Bounds);
            if (split.IsFeasible)
            {
                return;
            }

            int?[] fewest = CohortGenerators.FewestGroupsByBruteForce(c.Participants + c.Bounds.Maximum, c.Bounds);
            int? below = Enumerable.Range(1, c.Participants - 1).Reverse().Select(n => (int?)n).FirstOrDefault(n => fewest[n!.Value] is not null);
            int? above = Enumerable.Range(c.Participants + 1, c.Bounds.Maximum).Select(n => (int?)n).FirstOrDefault(n => fewest[n!.Value] is not null);

            Assert.Equal(below, split.NearestFeasibleBelow);
            Assert.Equal(above, split.NearestFeasibleAbove);
            Assert.NotNull(split.NearestFeasibleAbove);
        });
}
