using System;
using System.Linq;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Laws of the Kaplan–Meier estimate and the log-rank test over generated records.</summary>
public sealed class KaplanMeierPropertyTests
{
    [Fact]
    public void Survival_IsNonIncreasing_WithinZeroAndOne_AndBetweenItsLimits() =>
        Property.ForAll(WorkforceGenerators.RecordLists(), records =>
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

    [Fact]
    public void WithoutCensoring_SurvivalIsTheEmpiricalSurvivalFunction() =>
        Property.ForAll(WorkforceGenerators.UncensoredRecordLists(), records =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            foreach (KaplanMeierPoint point in curve.Points)
            {
                double empirical = records.Count(r => r.Exit > point.Time) / (double)records.Length;
                Assert.Equal(empirical, point.Survival, 12);
            }
        });

    [Fact]
    public void RecordOrder_NeverChangesTheCurve() =>
        Property.ForAll(WorkforceGenerators.ShuffledRecordLists(), pair =>
        {
            Assert.Equal(pair.Records.OrderBy(r => (r.Entry, r.Exit, r.IsEvent)), pair.Shuffled.OrderBy(r => (r.Entry, r.Exit, r.IsEvent)));
            KaplanMeierCurve original = KaplanMeier.Fit(pair.Records);
            KaplanMeierCurve shuffled = KaplanMeier.Fit(pair.Shuffled);
            Assert.Equal<KaplanMeierPoint>([.. original.Points], [.. shuffled.Points]);

            Assert.Equal(original.Median, shuffled.Median);
        });

    [Fact]
    public void RecordOrder_NeverChangesTheLogRankTest() =>
        Property.ForAll(WorkforceGenerators.ShuffledGroupedRecords(), pair =>
        {
            LogRankTest<string> original = LogRank.Compare(pair.Records);
            LogRankTest<string> shuffled = LogRank.Compare(pair.Shuffled);
            Assert.Equal(original.DegreesOfFreedom, shuffled.DegreesOfFreedom);
            Assert.Equal(original.ChiSquare, shuffled.ChiSquare, 9);
            Assert.InRange(original.PValue, 0.0, 1.0);
            Assert.Equal(
                original.Groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => (g.Group, g.Count, g.Observed, Math.Round(g.Expected, 9))),
                shuffled.Groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => (g.Group, g.Count, g.Observed, Math.Round(g.Expected, 9))));
            Assert.Equal(original.Groups.Sum(g => g.Observed), original.Groups.Sum(g => g.Expected), 9);
        });

    [Fact]
    public void RestrictedMean_LiesBetweenZeroAndTheHorizon() =>
        Property.ForAll(WorkforceGenerators.RecordLists(), records =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(records);
            foreach (double horizon in new[] { 0.5, 3, 10, 25 })
            {
                RestrictedMean mean = curve.RestrictedMeanTo(horizon);
                Assert.InRange(mean.Mean, 0.0, horizon);
                Assert.True(mean.StandardError >= 0);
            }
        });
}
