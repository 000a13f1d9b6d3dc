using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Laws of the Kaplan–Meier estimate and the log-rank test over generated records.</summary>
public sealed class KaplanMeierPropertyTests
{
    [Property]
    public Property Survival_IsNonIncreasing_WithinZeroAndOne_AndBetweenItsLimits() =>
        Prop.ForAll(WorkforceGenerators.RecordLists(), records =>
        {
            foreach (ConfidenceIntervalType type in Enum.GetValues<ConfidenceIntervalType>())
            {
                KaplanMeierCurve curve = KaplanMeier.Fit(records, type);
                double previous = 1.0;
                double previousTime = double.NegativeInfinity;
                foreach (KaplanMeierPoint point in curve.Points)
                {
                    Assert.True(point.Time > previousTime);
                    Assert.InRange(point.Survival, 0.0, previous);
                    Assert.True(double.IsNaN(point.Lower) || (point.Lower >= 0 && point.Lower <= point.Survival), $"lower {point.Lower} for S {point.Survival}");
                    Assert.True(double.IsNaN(point.Upper) || (point.Upper <= 1 && point.Upper >= point.Survival), $"upper {point.Upper} for S {point.Survival}");
                    previous = point.Survival;
                    previousTime = point.Time;
                }

                Assert.Equal(records.Length, curve.RecordCount);
                Assert.Equal(records.Count(r => r.IsEvent), curve.EventCount);
                Assert.Equal(records.Length, curve.Points.Sum(p => p.Events + p.Censored));
            }
        });

    [Property]
    public Property Summary_RowsAreTheEstimatesAtTheirTimes_AndTheirCountsAddUpToTheCurves() =>
        Prop.ForAll(WorkforceGenerators.RecordLists(), Arb.From(Gen.Choose(0, 400).Select(i => i / 4.0).ArrayOf()), (records, times) =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            if (curve.Points.IsEmpty)
            {
                Assert.Empty(curve.Summary(times));
                return;
            }

            // With the curve's last time among them, the rows' intervals cover every point of the curve once.
            double last = curve.Points[^1].Time;
            System.Collections.Immutable.ImmutableArray<SurvivalSummaryRow> rows = curve.Summary([.. times, last]);

            Assert.Equal(times.Count(t => t <= last) + 1, rows.Length);
            Assert.Equal(curve.EventCount, rows.Sum(r => r.Events));
            Assert.Equal(curve.Points.Sum(p => p.Censored), rows.Sum(r => r.Censored));
            Assert.True(rows.Select(r => r.Time).SequenceEqual(rows.Select(r => r.Time).Order()));
            Assert.All(rows, row => Assert.Equal(curve.SurvivalAt(row.Time), row.Estimate));
        });

    [Property]
    public Property WithoutCensoring_SurvivalIsTheEmpiricalSurvivalFunction() =>
        Prop.ForAll(WorkforceGenerators.UncensoredRecordLists(), records =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            foreach (KaplanMeierPoint point in curve.Points)
            {
                double empirical = records.Count(r => r.Exit > point.Time) / (double)records.Length;
                Close(empirical, point.Survival);
            }
        });

    [Property]
    public Property RecordOrder_NeverChangesTheCurve() =>
        Prop.ForAll(WorkforceGenerators.ShuffledRecordLists(), pair =>
        {
            Assert.Equal(pair.Records.OrderBy(r => (r.Entry, r.Exit, r.IsEvent)), pair.Shuffled.OrderBy(r => (r.Entry, r.Exit, r.IsEvent)));
            KaplanMeierCurve original = KaplanMeier.Fit(pair.Records);
            KaplanMeierCurve shuffled = KaplanMeier.Fit(pair.Shuffled);
            Assert.Equal<KaplanMeierPoint>([.. original.Points], [.. shuffled.Points]);

            Assert.Equal(original.Median, shuffled.Median);
        });

    [Property]
    public Property RecordOrder_NeverChangesTheLogRankTest() =>
        Prop.ForAll(WorkforceGenerators.ShuffledGroupedRecords(), pair =>
        {
            LogRankTest<string> original = LogRank.Compare(pair.Records);
            LogRankTest<string> shuffled = LogRank.Compare(pair.Shuffled);
            Assert.Equal(original.DegreesOfFreedom, shuffled.DegreesOfFreedom);
            Close(original.ChiSquare, shuffled.ChiSquare);
            Assert.InRange(original.PValue, 0.0, 1.0);
            LogRankGroup<string>[] a = [.. original.Groups.OrderBy(g => g.Group, StringComparer.Ordinal)];
            LogRankGroup<string>[] b = [.. shuffled.Groups.OrderBy(g => g.Group, StringComparer.Ordinal)];
            Assert.Equal(a.Select(g => (g.Group, g.Count, g.Observed)), b.Select(g => (g.Group, g.Count, g.Observed)));
            for (int i = 0; i < a.Length; i++)
            {
                Close(a[i].Expected, b[i].Expected);
            }

            Close(original.Groups.Sum(g => g.Observed), original.Groups.Sum(g => g.Expected));
        });

    [Property]
    public Property RestrictedMean_LiesBetweenZeroAndTheHorizon() =>
        Prop.ForAll(WorkforceGenerators.RecordLists(), records =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            foreach (double horizon in new[] { 0.5, 3, 10, 25 })
            {
                RestrictedMean mean = curve.RestrictedMeanTo(horizon);
                Assert.InRange(mean.Mean, 0.0, horizon);
                Assert.True(mean.StandardError >= 0);
            }
        });

    [Property]
    public Property Curve_MatchesTheRiskSetDefinition_WithDelayedEntry() =>
        Prop.ForAll(WorkforceGenerators.RecordLists(), records =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            double[] times = [.. records.Select(r => r.Exit).Distinct().Order()];
            Assert.Equal(times, curve.Points.Select(p => p.Time));
            double survival = 1;
            double hazard = 0;
            foreach (KaplanMeierPoint point in curve.Points)
            {
                double t = point.Time;
                int atRisk = records.Count(r => r.Entry < t && t <= r.Exit);
                int events = records.Count(r => r.Exit == t && r.IsEvent);
                survival *= 1 - ((double)events / atRisk);
                hazard += (double)events / atRisk;
                Assert.Equal(atRisk, point.AtRisk);
                Assert.Equal(events, point.Events);
                Assert.Equal(records.Count(r => r.Exit == t && !r.IsEvent), point.Censored);
                Close(survival, point.Survival);
                Close(hazard, point.CumulativeHazard);
            }
        });

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-10 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
