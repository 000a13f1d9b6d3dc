using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// Compares Kaplan–Meier curves, medians, restricted means, survival at chosen times and log-rank
/// tests with R's survival package (golden files from Golden/survival/make-golden.R), to 1e-9.
/// </summary>
public sealed class KaplanMeierGoldenTests
{
    public static TheoryData<string, string, string> Fits()
    {
        TheoryData<string, string, string> data = [];
        foreach (Dictionary<string, string> row in SurvivalGolden.Rows("summary.csv"))
        {
            data.Add(row["dataset"], row["conf.type"], row["conf.int"]);
        }

        return data;
    }

    public static TheoryData<string> LogRankSets() => [.. SurvivalGolden.Rows("logrank.csv").Select(r => r["dataset"]).Distinct()];

    [Fact]
    public void GoldenFiles_CoverTheClassicAndEdgeCaseDataSets()
    {
        string[] expected = ["aml", "ovarian", "lung", "ties", "allcensored", "nocensoring", "halfway", "delayed", "single", "three"];
        Assert.Equal(expected, SurvivalGolden.Rows("summary.csv").Select(r => r["dataset"]).Distinct());
        Assert.Equal(60, Fits().Count);
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void Curve_MatchesSurvfit(string dataset, string type, string level)
    {
        KaplanMeierCurve curve = Fit(dataset, type, level);
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("curves.csv").Where(r => Matches(r, dataset, type, level))];

        Assert.Equal(rows.Count, curve.Points.Length);
        for (int i = 0; i < rows.Count; i++)
        {
            Dictionary<string, string> row = rows[i];
            KaplanMeierPoint point = curve.Points[i];
            string at = $"{dataset} {type} {level} row {i}";
            SurvivalGolden.Close(row["time"], point.Time, at + " time");
            Assert.Equal(long.Parse(row["n.risk"], System.Globalization.CultureInfo.InvariantCulture), point.AtRisk);
            Assert.Equal(long.Parse(row["n.event"], System.Globalization.CultureInfo.InvariantCulture), point.Events);
            Assert.Equal(long.Parse(row["n.censor"], System.Globalization.CultureInfo.InvariantCulture), point.Censored);
            SurvivalGolden.Close(row["surv"], point.Survival, at + " surv");
            SurvivalGolden.Close(row["std.err"], point.StandardError, at + " std.err");
            SurvivalGolden.Close(row["lower"], point.Lower, at + " lower");
            SurvivalGolden.Close(row["upper"], point.Upper, at + " upper");
            SurvivalGolden.Close(row["cumhaz"], point.CumulativeHazard, at + " cumhaz");
            SurvivalGolden.Close(row["std.chaz"], point.CumulativeHazardStandardError, at + " std.chaz");
        }
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void MedianAndRestrictedMean_MatchPrintSurvfit(string dataset, string type, string level)
    {
        KaplanMeierCurve curve = Fit(dataset, type, level);
        Dictionary<string, string> row = SurvivalGolden.Rows("summary.csv").Single(r => Matches(r, dataset, type, level));
        string at = $"{dataset} {type} {level}";

        Assert.Equal(long.Parse(row["records"], System.Globalization.CultureInfo.InvariantCulture), curve.RecordCount);
        Assert.Equal(long.Parse(row["events"], System.Globalization.CultureInfo.InvariantCulture), curve.EventCount);
        SurvivalGolden.Close(row["median"], curve.Median.Estimate, at + " median");
        SurvivalGolden.Close(row["lcl"], curve.Median.Lower, at + " median LCL");
        SurvivalGolden.Close(row["ucl"], curve.Median.Upper, at + " median UCL");

        RestrictedMean mean = curve.RestrictedMeanTo(SurvivalGolden.Number(row["horizon"]));
        SurvivalGolden.Close(row["rmean"], mean.Mean, at + " rmean");
        SurvivalGolden.Close(row["se.rmean"], mean.StandardError, at + " se(rmean)");
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void SurvivalAt_MatchesSummaryTimes(string dataset, string type, string level)
    {
        KaplanMeierCurve curve = Fit(dataset, type, level);
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("times.csv").Where(r => Matches(r, dataset, type, level))];
        Assert.NotEmpty(rows);
        foreach (Dictionary<string, string> row in rows)
        {
            double time = SurvivalGolden.Number(row["time"]);
            string at = $"{dataset} {type} {level} t={row["time"]}";
            SurvivalEstimate estimate = curve.SurvivalAt(time) ?? throw new Xunit.Sdk.XunitException(at + ": no estimate");
            Assert.Equal(long.Parse(row["n.risk"], System.Globalization.CultureInfo.InvariantCulture), estimate.AtRisk);
            SurvivalGolden.Close(row["surv"], estimate.Survival, at + " surv");
            SurvivalGolden.Close(row["std.err"], estimate.Survival * estimate.StandardError, at + " std.err of S");
            SurvivalGolden.Close(row["lower"], estimate.Lower, at + " lower");
            SurvivalGolden.Close(row["upper"], estimate.Upper, at + " upper");
        }
    }

    /// <summary>The times make-golden.R asks <c>summary(fit, times = ...)</c> about, some after a curve's end (R leaves those out).</summary>
    private static readonly Dictionary<string, double[]> SummaryTimes = new(StringComparer.Ordinal)
    {
        ["aml"] = [0, 5, 12, 24, 36],
        ["ovarian"] = [100, 365, 730],
        ["lung"] = [30, 180, 365, 730],
        ["ties"] = [1, 2, 4, 8.5, 12],
        ["allcensored"] = [2, 7],
        ["nocensoring"] = [0.5, 2, 4],
        ["halfway"] = [0.5, 3, 5.5],
        ["delayed"] = [1, 4, 8, 11.5],
        ["single"] = [1, 4.5],
        ["three"] = [2, 5, 9, 14],
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void Summary_MatchesSummaryTimes_WithTheEventsAndCensoringsBetweenTimes(string dataset, string type, string level)
    {
        KaplanMeierCurve curve = Fit(dataset, type, level);
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("times.csv").Where(r => Matches(r, dataset, type, level))];

        // Asked in reverse order: the summary sorts them, as R does.
        ImmutableArray<SurvivalSummaryRow> summary = curve.Summary(SummaryTimes[dataset].Reverse());

        Assert.Equal(rows.Count, summary.Length);
        for (int i = 0; i < rows.Count; i++)
        {
            Dictionary<string, string> row = rows[i];
            string at = $"{dataset} {type} {level} t={row["time"]}";
            Assert.Equal(SurvivalGolden.Number(row["time"]), summary[i].Time);
            Assert.Equal(long.Parse(row["n.risk"], CultureInfo.InvariantCulture), summary[i].AtRisk);
            Assert.Equal(long.Parse(row["n.event"], CultureInfo.InvariantCulture), summary[i].Events);
            Assert.Equal(long.Parse(row["n.censor"], CultureInfo.InvariantCulture), summary[i].Censored);
            SurvivalGolden.Close(row["surv"], summary[i].Survival, at + " surv");
            SurvivalGolden.Close(row["std.err"], summary[i].SurvivalStandardError, at + " std.err of S");
            SurvivalGolden.Close(row["lower"], summary[i].Estimate.Lower, at + " lower");
            SurvivalGolden.Close(row["upper"], summary[i].Estimate.Upper, at + " upper");
        }
    }

    [Theory]
    [MemberData(nameof(LogRankSets))]
    public void LogRank_MatchesSurvdiff(string dataset)
    {
        LogRankTest<string> test = LogRank.Compare(SurvivalGolden.Data(dataset));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("logrank.csv").Where(r => r["dataset"] == dataset)];

        Assert.Equal(rows.Select(r => r["group"]).Order(System.StringComparer.Ordinal), test.Groups.Select(g => g.Group).Order(System.StringComparer.Ordinal));
        Assert.Equal(int.Parse(rows[0]["df"], System.Globalization.CultureInfo.InvariantCulture), test.DegreesOfFreedom);
        SurvivalGolden.Close(rows[0]["chisq"], test.ChiSquare, dataset + " chisq");
        SurvivalGolden.Close(rows[0]["p"], test.PValue, dataset + " p");
        foreach (Dictionary<string, string> row in rows)
        {
            LogRankGroup<string> group = test.Groups.Single(g => g.Group == row["group"]);
            Assert.Equal(long.Parse(row["n"], System.Globalization.CultureInfo.InvariantCulture), group.Count);
            SurvivalGolden.Close(row["observed"], group.Observed, dataset + " observed " + group.Group);
            SurvivalGolden.Close(row["expected"], group.Expected, dataset + " expected " + group.Group);
        }
    }

    private static KaplanMeierCurve Fit(string dataset, string type, string level) =>
        KaplanMeier.Fit(SurvivalGolden.Records(dataset), SurvivalGolden.Type(type), SurvivalGolden.Number(level));

    private static bool Matches(Dictionary<string, string> row, string dataset, string type, string level) =>
        row["dataset"] == dataset && row["conf.type"] == type && row["conf.int"] == level;
}
