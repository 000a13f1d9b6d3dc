using System;
using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;
using Xunit.Abstractions;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// Compares the Aalen–Johansen cumulative incidence, its infinitesimal-jackknife standard errors and confidence limits
/// with R's <c>survfit</c> for a factor status (golden files from Golden/survival/make-cif-golden.R), to 1e-9.
/// </summary>
public sealed class CumulativeIncidenceGoldenTests(ITestOutputHelper output)
{
    /// <summary>The times make-cif-golden.R asks <c>summary(fit, times = ...)</c> about; R leaves out those after a curve's end.</summary>
    private static readonly Dictionary<string, double[]> SummaryTimes = new(StringComparer.Ordinal)
    {
        ["mgus2"] = [1, 12, 60, 61.5, 120, 240, 424, 500],
        ["ties"] = [3, 10, 12, 36, 71, 72, 80],
        ["delayed"] = [2, 5, 9.5, 15, 16],
        ["gap"] = [2, 3.5, 6, 9, 10],
        ["emptied"] = [2, 5, 8],
        ["strata"] = [1, 4, 11.5, 12],
        ["single"] = [4.5, 5],
    };

    public static TheoryData<string, string, string> Fits()
    {
        TheoryData<string, string, string> data = [];
        foreach ((string, string, string) fit in SurvivalGolden.Rows("cif-curves.csv").Select(r => (r["dataset"], r["conf.type"], r["conf.int"])).Distinct())
        {
            data.Add(fit.Item1, fit.Item2, fit.Item3);
        }

        return data;
    }

    public static TheoryData<string> StratifiedSets() => [.. SurvivalGolden.Rows("cif-strata.csv").Select(r => r["dataset"]).Distinct()];

    public static TheoryData<string> SummarySets() => [.. SummaryTimes.Keys];

    [Fact]
    public void GoldenFiles_CoverMgus2AndTheEdgeCases()
    {
        string[] expected = ["mgus2", "ties", "delayed", "gap", "emptied", "strata", "allcensored", "single"];
        Assert.Equal(expected, SurvivalGolden.Rows("cif-curves.csv").Select(r => r["dataset"]).Distinct());
        Assert.Equal(48, Fits().Count);
        string[] mgusReasons = ["pcm", "death"];
        Assert.Equal(mgusReasons, CompetingRiskGolden.Reasons("mgus2"));
        Assert.Equal(1384, CompetingRiskGolden.Records("mgus2").Count);

        // The edge cases are in the data: a reason no record has, delayed entry, a stratum without exits, one record.
        Assert.Contains("restructure", CompetingRiskGolden.Reasons("ties"));
        Assert.DoesNotContain(CompetingRiskGolden.Records("ties"), r => r.Reason == "restructure");
        Assert.Contains(CompetingRiskGolden.Records("delayed"), r => r.Entry > 0);
        Assert.All(CompetingRiskGolden.Data("strata").Where(r => r.Group == "c"), r => Assert.True(r.Record.IsCensored));
        Assert.Single(CompetingRiskGolden.Records("single"));
        string[] mgusStates = ["(s0)", "pcm", "death"];
        Assert.Equal(mgusStates, SurvivalGolden.Rows("cif-strata.csv").Where(r => r["dataset"] == "mgus2").Select(r => r["state"]).Distinct());

        // summary(fit, times = ...) leaves out the times after a curve's end: some are asked about.
        Assert.Contains(SummaryTimes, s => s.Value.Length > SurvivalGolden.Rows("cif-times.csv").Where(r => r["dataset"] == s.Key).Select(r => r["time"]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void Curve_MatchesSurvfit(string dataset, string type, string level)
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(
            CompetingRiskGolden.Records(dataset), CompetingRiskGolden.Reasons(dataset), SurvivalGolden.Type(type), SurvivalGolden.Number(level));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("cif-curves.csv").Where(r => r["dataset"] == dataset && r["conf.type"] == type && r["conf.int"] == level)];

        double largest = CompetingRiskGolden.AssertPoints(rows, curve, $"{dataset} {type} {level}");

        Assert.Equal(CompetingRiskGolden.Records(dataset).Count, curve.RecordCount);
        Assert.Equal(curve.Points.Sum(p => p.EventCount), curve.EventCounts.Sum());
        output.WriteLine($"{dataset} {type} {level}: largest difference from R {largest:E2}");
    }

    [Theory]
    [MemberData(nameof(StratifiedSets))]
    public void Strata_MatchSurvfitByGroup(string dataset)
    {
        StratifiedCumulativeIncidence<string> strata = CumulativeIncidence.EstimateBy(CompetingRiskGolden.Data(dataset), CompetingRiskGolden.Reasons(dataset));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("cif-strata.csv").Where(r => r["dataset"] == dataset)];

        Assert.Equal(rows.Select(r => r["stratum"]).Distinct(), strata.Strata.Select(s => s.Key));
        double largest = 0;
        foreach (CumulativeIncidenceStratum<string> stratum in strata.Strata)
        {
            Assert.Equal(CompetingRiskGolden.Reasons(dataset), stratum.Curve.Reasons.ToArray());
            largest = Math.Max(largest, CompetingRiskGolden.AssertPoints([.. rows.Where(r => r["stratum"] == stratum.Key)], stratum.Curve, $"{dataset} {stratum.Key}"));
        }

        output.WriteLine($"{dataset} by group: largest difference from R {largest:E2}");
    }

    [Theory]
    [MemberData(nameof(SummarySets))]
    public void EstimatesAtChosenTimes_MatchSummaryTimes(string dataset)
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(CompetingRiskGolden.Records(dataset), CompetingRiskGolden.Reasons(dataset));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("cif-times.csv").Where(r => r["dataset"] == dataset)];
        HashSet<double> reported = [.. rows.Select(r => SurvivalGolden.Number(r["time"]))];

        foreach (double time in SummaryTimes[dataset])
        {
            if (!reported.Contains(time))
            {
                Assert.Null(curve.InPostAt(time));
                Assert.All(curve.Reasons, reason => Assert.Null(curve.IncidenceAt(reason, time)));
                continue;
            }

            foreach (Dictionary<string, string> row in rows.Where(r => SurvivalGolden.Number(r["time"]) == time))
            {
                string at = $"{dataset} t={row["time"]} {row["state"]}";
                StateProbability? estimate = row["state"] == CompetingRiskGolden.InPost ? curve.InPostAt(time) : curve.IncidenceAt(row["state"], time);
                Assert.NotNull(estimate);
                CompetingRiskGolden.Close(row, estimate.Value, at);
            }
        }
    }
}
