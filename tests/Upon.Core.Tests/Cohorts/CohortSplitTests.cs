using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Two-level splits, cohorts then sets: examples, bad input and the laws against brute force.</summary>
public sealed class CohortSplitTests
{
    private static readonly GroupSizeBounds Sets = new(5, 8);

    [Fact]
    public void Of_TwoCohortsOfAroundFifty_SplitsEachIntoSevenSets()
    {
        CohortSplit split = CohortSplit.Of(100, GroupSizeBounds.AtMost(50), Sets);

        Assert.True(split.IsFeasible);
        Assert.Equal([50, 50], split.Cohorts.Select(c => c.Participants));
        Assert.All(split.Cohorts, c => Assert.Equal([8, 7, 7, 7, 7, 7, 7], c.Sizes.ToArray()));
        Assert.Equal(14, split.SetCount);
    }

    [Fact]
    public void Of_Year2ThirtyFivePlaces_IsOneCohortOfFiveSets()
    {
        CohortSplit split = CohortSplit.Of(35, GroupSizeBounds.AtMost(50), Sets);

        GroupSplit cohort = Assert.Single(split.Cohorts);
        Assert.Equal([7, 7, 7, 7, 7], cohort.Sizes.ToArray());
        Assert.Equal(5, split.SetCount);
    }

    [Fact]
    public void Of_CohortSizeThatCannotBeSplitIntoSets_TakesOneMoreCohort()
    {
        // Two cohorts of 9 cannot be split into sets of 5 to 8; three cohorts of 6 can.
        CohortSplit split = CohortSplit.Of(18, GroupSizeBounds.AtMost(9), Sets);

        Assert.Equal([6, 6, 6], split.Cohorts.Select(c => c.Participants));
        Assert.Equal(3, split.SetCount);
    }

    [Fact]
    public void Of_NineInOneCohortOfSetsOfFiveToEight_IsInfeasibleWithNearestSizes()
    {
        CohortSplit split = CohortSplit.Of(9, GroupSizeBounds.AtMost(50), Sets);

        Assert.False(split.IsFeasible);
        Assert.Empty(split.Cohorts);
        Assert.Equal(0, split.SetCount);
        Assert.Equal("9 participants cannot be split into cohorts of at most 50 that each split into sets of 5 to 8.", split.Reason);
        Assert.Equal(8, split.NearestFeasibleBelow);
        Assert.Equal(10, split.NearestFeasibleAbove);
    }

    [Fact]
    public void Of_CohortsTooSmallForAnySet_IsNeverFeasible()
    {
        CohortSplit split = CohortSplit.Of(40, GroupSizeBounds.AtMost(4), Sets);

        Assert.Equal("No cohort of at most 4 can be split into sets of 5 to 8, whatever the number of participants.", split.Reason);
        Assert.Null(split.NearestFeasibleBelow);
        Assert.Null(split.NearestFeasibleAbove);
    }

    [Fact]
    public void Of_BadArguments_AreRefused()
    {
        GroupSizeBounds cohorts = GroupSizeBounds.AtMost(50);
        Assert.Equal("participants", Assert.Throws<ArgumentOutOfRangeException>(() => CohortSplit.Of(0, cohorts, Sets)).ParamName);
        Assert.Equal("participants", Assert.Throws<ArgumentOutOfRangeException>(() => CohortSplit.Of(CohortSplit.MaxParticipants + 1, cohorts, Sets)).ParamName);
        Assert.Equal("cohortBounds", Assert.Throws<ArgumentNullException>(() => CohortSplit.Of(10, null!, Sets)).ParamName);
        Assert.Equal("setBounds", Assert.Throws<ArgumentNullException>(() => CohortSplit.Of(10, cohorts, null!)).ParamName);
    }

    [Fact]
    public void Of_TheLargestNumberAccepted_Splits() =>
        Assert.Equal(2_000, CohortSplit.Of(CohortSplit.MaxParticipants, GroupSizeBounds.AtMost(50), Sets).Cohorts.Length);

    [Property]
    public Property TwoLevelSplit_SumsRespectsBoundsAndIsBalancedAtEachLevel() =>
        Prop.ForAll(CohortGenerators.TwoLevelCases(), c =>
        {
            CohortSplit split = CohortSplit.Of(c.Participants, c.Cohorts, c.Sets);
            if (!split.IsFeasible)
            {
                return;
            }

            int[] cohortSizes = [.. split.Cohorts.Select(s => s.Participants)];
            Assert.Equal(c.Participants, cohortSizes.Sum());
            Assert.All(cohortSizes, size => Assert.True(c.Cohorts.Contains(size)));
            Assert.False(CohortGenerators.Unbalanced(cohortSizes));
            Assert.All(split.Cohorts, cohort =>
            {
                Assert.True(cohort.IsFeasible);
                Assert.Equal(cohort.Participants, cohort.Sizes.Sum());
                Assert.All(cohort.Sizes, size => Assert.True(c.Sets.Contains(size)));
            });
        });

    [Property]
    public Property TwoLevelSplit_HasTheFewestCohorts_AndIsInfeasibleExactlyWhenBruteForceFindsNone() =>
        Prop.ForAll(CohortGenerators.TwoLevelCases(), c =>
        {
            CohortSplit split = CohortSplit.Of(c.Participants, c.Cohorts, c.Sets);
            int? fewest = FewestCohortsByBruteForce(c.Participants, c.Cohorts, c.Sets);

            Assert.Equal(fewest is not null, split.IsFeasible);
            Assert.Equal(fewest ?? 0, split.Cohorts.Length);
        });

    [Property]
    public Property TwoLevelSplit_WhenInfeasible_NamesTheNearestNumbersThatCanBeSplit() =>
        Prop.ForAll(CohortGenerators.TwoLevelCases(), c =>
        {
            CohortSplit split = CohortSplit.Of(c.Participants, c.Cohorts, c.Sets);
            if (split.IsFeasible)
            {
                return;
            }

            int? below = Enumerable.Range(1, c.Participants - 1).Reverse().Select(n => (int?)n)
                .FirstOrDefault(n => FewestCohortsByBruteForce(n!.Value, c.Cohorts, c.Sets) is not null);
            int? above = Enumerable.Range(c.Participants + 1, 200).Select(n => (int?)n)
                .FirstOrDefault(n => FewestCohortsByBruteForce(n!.Value, c.Cohorts, c.Sets) is not null);

            Assert.Equal(below, split.NearestFeasibleBelow);
            Assert.Equal(above, split.NearestFeasibleAbove);
        });

    /// <summary>
    /// Tries every number of cohorts: the cohort sizes (as even as possible) must lie within the bounds and each
    /// must have some partition into sets, found by brute force.
    /// </summary>
    private static int? FewestCohortsByBruteForce(int participants, GroupSizeBounds cohorts, GroupSizeBounds sets)
    {
        int?[] setCounts = CohortGenerators.FewestGroupsByBruteForce(participants, sets);
        for (int k = 1; k <= participants; k++)
        {
            int[] sizes = [.. Enumerable.Range(0, k).Select(i => (participants / k) + (i < participants % k ? 1 : 0))];
            if (sizes.All(cohorts.Contains) && sizes.All(s => setCounts[s] is not null))
            {
                return k;
            }
        }

        return null;
    }
}
