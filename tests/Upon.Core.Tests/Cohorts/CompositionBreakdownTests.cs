using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Composition breakdowns: the Year 1 figures, reference populations, bad input and the suppression laws.</summary>
public sealed class CompositionBreakdownTests
{
    private static CompositionBreakdown Year1Backgrounds() => ProgrammeFixtures.Year1ByProfessionalBackground;

    [Fact]
    public void Year1Backgrounds_SumTo20_AndTheCheckReportsTheStated19()
    {
        CompositionBreakdown breakdown = Year1Backgrounds();

        Assert.Equal(20, breakdown.Total);
        Assert.Equal(19, breakdown.StatedTotal);
        Assert.False(breakdown.MatchesStatedTotal);
        Assert.Equal("The professional background counts sum to 20, not to the stated total of 19: a difference of +1.", breakdown.TotalMismatch);
        Assert.Equal(0.7m, breakdown.Cells[0].Share);
        Assert.Equal(0.05m, breakdown.Cells[4].Share);
    }

    [Fact]
    public void Year1Backgrounds_Suppressed_PublishOnlyChildrensSocialCareAndTheTotal()
    {
        PublishedBreakdown published = Year1Backgrounds().Suppress();

        Assert.Equal(5, published.Threshold);
        Assert.Equal(20, published.Total);
        Assert.Equal([14, null, null, null, null], published.Cells.Select(c => c.Count).ToArray());
        Assert.Equal(0.7m, published.Cells[0].Share);
        Assert.All(published.Cells.Skip(1), c => Assert.Equal(SuppressionReason.Primary, c.Reason));
    }

    [Fact]
    public void Year1Ethnicity_MatchesNineteen_AndComparesWithServingDcss()
    {
        CompositionBreakdown breakdown = CompositionBreakdown.Create(
            "ethnicity",
            [new("British", 14), new("Irish", 3), new("African", 2)],
            statedTotal: 19,
            referenceShares: new Dictionary<string, decimal> { ["British"] = 0.8m });

        Assert.True(breakdown.MatchesStatedTotal);
        Assert.Null(breakdown.TotalMismatch);
        CompositionCell british = breakdown.Cells[0];
        Assert.Equal(14m / 19m, british.Share);
        Assert.Equal((14m / 19m) - 0.8m, british.Difference);
        Assert.Equal(14m / 19m / 0.8m, british.RepresentationRatio);
        Assert.Null(breakdown.Cells[1].ReferenceShare);
        Assert.Null(breakdown.Cells[1].Difference);
        Assert.Null(breakdown.Cells[1].RepresentationRatio);
    }

    [Fact]
    public void Disability_NoneDisabled_IsPublishedWithItsZero()
    {
        CompositionBreakdown breakdown = CompositionBreakdown.Create(
            "disability",
            [new("disabled", 0), new("not disabled", 19)],
            referenceShares: new Dictionary<string, decimal> { ["disabled"] = 0m });

        PublishedBreakdown published = breakdown.Suppress();

        Assert.Equal([0, 19], published.Cells.Select(c => c.Count).ToArray());
        Assert.Null(breakdown.Cells[0].RepresentationRatio);
        Assert.Equal(0m, breakdown.Cells[0].Difference);
        Assert.True(breakdown.MatchesStatedTotal);
    }

    [Fact]
    public void Suppress_OneSmallCell_SuppressesTheNextSmallestToo()
    {
        PublishedBreakdown published = CompositionBreakdown.Create("region", [new("north", 12), new("south", 3), new("east", 7), new("west", 0)]).Suppress();

        Assert.Equal([12, null, null, 0], published.Cells.Select(c => c.Count).ToArray());
        Assert.Equal(
            [SuppressionReason.None, SuppressionReason.Primary, SuppressionReason.Secondary, SuppressionReason.None],
            published.Cells.Select(c => c.Reason).ToArray());
        Assert.Equal(22, published.Total);
    }

    [Fact]
    public void Suppress_TwoOnes_SuppressesAThirdCell_BecauseTwoSuppressedCellsSummingToTwoMustBothBeOne() =>
        Assert.Equal(
            [null, null, 9, null],
            CompositionBreakdown.Create("region", [new("a", 1), new("b", 1), new("c", 9), new("d", 6)]).Suppress().Cells.Select(c => c.Count).ToArray());

    [Fact]
    public void Suppress_OneSmallCellAndNothingElseToSuppress_WithholdsTheBreakdown()
    {
        PublishedBreakdown published = CompositionBreakdown.Create("disability", [new("disabled", 0), new("not disabled", 3)]).Suppress();

        Assert.True(published.IsWithheld);
        Assert.Null(published.Total);
        Assert.All(published.Cells, c => Assert.Equal(SuppressionReason.Withheld, c.Reason));
        Assert.All(published.Cells, c => Assert.True(c.IsSuppressed));
    }

    // The documented limit of the rule: subtraction gives only the sum, 9, but a reader who knows the rule can tell 4 and 5.
    [Fact]
    public void Suppress_FourFiveFive_HidesTheFirstTwo_AsTheDocumentedLimitSays()
    {
        PublishedBreakdown published = CompositionBreakdown.Create("region", [new("a", 4), new("b", 5), new("c", 5)]).Suppress();

        Assert.Equal([null, null, 5], published.Cells.Select(c => c.Count).ToArray());
        Assert.Equal(14, published.Total);
    }

    [Fact]
    public void Suppress_ThresholdOne_PublishesEverything() =>
        Assert.Equal([14, 3, 1, 1, 1], Year1Backgrounds().Suppress(1).Cells.Select(c => c.Count).ToArray());

    [Fact]
    public void BadInput_IsRefusedNamingTheField()
    {
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => Year1Backgrounds().Suppress(0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new CategoryCount("a", -1)).ParamName);
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => new CategoryCount(" ", 1)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentException>(() => CompositionBreakdown.Create("", [new("a", 1)])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => CompositionBreakdown.Create("d", [])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => CompositionBreakdown.Create("d", [null!])).ParamName);
        Assert.Equal("statedTotal", Assert.Throws<ArgumentOutOfRangeException>(() => CompositionBreakdown.Create("d", [new("a", 1)], -1)).ParamName);

        ArgumentException twice = Assert.Throws<ArgumentException>(() => CompositionBreakdown.Create("d", [new("a", 1), new("a", 2)]));
        Assert.Equal("counts", twice.ParamName);
        Assert.Equal("Category 1 appears more than once. (Parameter 'counts')", twice.Message);
        Assert.StartsWith("At least one count must be above zero.", Assert.Throws<ArgumentException>(() => CompositionBreakdown.Create("d", [new("a", 0)])).Message, StringComparison.Ordinal);

        ArgumentException unknown = Assert.Throws<ArgumentException>(() => CompositionBreakdown.Create("d", [new("a", 1)], referenceShares: new Dictionary<string, decimal> { ["b"] = 0.5m }));
        Assert.Equal("referenceShares", unknown.ParamName);
        Assert.Equal("A reference share names no counted category. (Parameter 'referenceShares')", unknown.Message);
        ArgumentOutOfRangeException range = Assert.Throws<ArgumentOutOfRangeException>(() => CompositionBreakdown.Create("d", [new("a", 1)], referenceShares: new Dictionary<string, decimal> { ["a"] = 1.01m }));
        Assert.Equal("referenceShares", range.ParamName);
        Assert.Equal("A reference share must be from 0 to 1. (Parameter 'referenceShares')", range.Message);
    }

    [Property]
    public Property Published_NeverShowsACountBelowTheThresholdOtherThanZero() =>
        Prop.ForAll(CohortGenerators.SuppressionCases(), c =>
        {
            PublishedBreakdown published = c.Breakdown.Suppress(c.Threshold);
            Assert.All(published.Cells, cell => Assert.False(cell.Count > 0 && cell.Count < c.Threshold, $"{cell.Category}: {cell.Count} published"));
        });

    [Property]
    public Property Published_NoSuppressedCountCanBeRecoveredFromTheTotal() =>
        Prop.ForAll(CohortGenerators.SuppressionCases(), c =>
        {
            PublishedBreakdown published = c.Breakdown.Suppress(c.Threshold);
            if (published.Total is not int total)
            {
                return;
            }

            int[] hidden = [.. published.Cells.Select((cell, i) => (cell, i)).Where(x => x.cell.IsSuppressed).Select(x => x.i)];
            int rest = total - published.Cells.Sum(cell => cell.Count ?? 0);

            // A reader knows only that the hidden counts sum to the rest and, zeros being published, that each is at least 1.
            // A hidden cell can then be anything from 1 (the others taking the rest) to rest − (k − 1) (the others 1 each):
            // it is recovered exactly when those coincide. Small cases are also enumerated.
            foreach (int i in hidden)
            {
                int smallest = 1;
                int largest = rest - (hidden.Length - 1);
                Assert.True(largest > smallest, $"cell {i} can only be {smallest} (hidden {hidden.Length}, rest {rest})");
                if (rest <= 12)
                {
                    HashSet<int> possible = [.. Assignments(hidden.Length, rest).Select(a => a[Array.IndexOf(hidden, i)])];
                    Assert.Equal(Enumerable.Range(smallest, largest - smallest + 1), possible.Order());
                }
            }
        });

    [Property]
    public Property Published_CountsAndSharesOfPublishedCellsAreUnchanged_AndTheTotalIsTheSum() =>
        Prop.ForAll(CohortGenerators.SuppressionCases(), c =>
        {
            PublishedBreakdown published = c.Breakdown.Suppress(c.Threshold);

            Assert.Equal(c.Breakdown.Cells.Length, published.Cells.Length);
            Assert.True(published.IsWithheld || published.Total == c.Breakdown.Total);
            for (int i = 0; i < published.Cells.Length; i++)
            {
                Assert.Equal(c.Breakdown.Cells[i].Category, published.Cells[i].Category);
                if (!published.Cells[i].IsSuppressed)
                {
                    Assert.Equal(c.Breakdown.Cells[i].Count, published.Cells[i].Count);
                    Assert.Equal(c.Breakdown.Cells[i].Share, published.Cells[i].Share);
                }
                else
                {
                    Assert.Null(published.Cells[i].Share);
                }
            }
        });

    [Property]
    public Property Published_SuppressesNothing_WhenNoCountIsBelowTheThreshold() =>
        Prop.ForAll(CohortGenerators.SuppressionCases(), c =>
        {
            PublishedBreakdown published = c.Breakdown.Suppress(c.Threshold);
            bool anySmall = c.Breakdown.Cells.Any(cell => cell.Count > 0 && cell.Count < c.Threshold);

            Assert.Equal(anySmall, published.Cells.Any(cell => cell.IsSuppressed));
        });

    /// <summary>Every way to write <paramref name="sum"/> as <paramref name="cells"/> counts of at least 1, in order.</summary>
    private static IEnumerable<int[]> Assignments(int cells, int sum)
    {
        if (cells == 0)
        {
            if (sum == 0)
            {
                yield return [];
            }

            yield break;
        }

        for (int first = 1; first <= sum - (cells - 1); first++)
        {
            foreach (int[] rest in Assignments(cells - 1, sum - first))
            {
                yield return [first, .. rest];
            }
        }
    }
}
