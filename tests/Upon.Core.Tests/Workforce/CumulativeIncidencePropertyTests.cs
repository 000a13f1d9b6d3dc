using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Tests.Workforce.Oracle;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Laws of the Aalen–Johansen cumulative incidence over generated records.</summary>
public sealed class CumulativeIncidencePropertyTests
{
    [Property]
    public Property Incidences_AreNonDecreasing_WithinZeroAndOne_AndAddUpWithInPostToOne() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), records =>
        {
            foreach (ConfidenceIntervalType type in Enum.GetValues<ConfidenceIntervalType>())
            {
                CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records, confidenceType: type);
                double[] previous = new double[curve.Reasons.Length];
                double previousInPost = 1;
                double previousTime = double.NegativeInfinity;
                foreach (CumulativeIncidencePoint point in curve.Points)
                {
                    Assert.True(point.Time > previousTime);
                    Assert.InRange(point.InPost.Probability, 0.0, previousInPost);
                    AssertState(point.InPost);
                    for (int r = 0; r < curve.Reasons.Length; r++)
                    {
                        StateProbability incidence = point.Incidence[r];
                        Assert.InRange(incidence.Probability, previous[r], 1.0);
                        AssertState(incidence);
                        previous[r] = incidence.Probability;
                    }

                    Close(1, point.InPost.Probability + point.Incidence.Sum(i => i.Probability));
                    previousInPost = point.InPost.Probability;
                    previousTime = point.Time;
                }

                Assert.Equal(records.Length, curve.RecordCount);
                Assert.Equal(records.Length, curve.Points.Sum(p => p.EventCount + p.Censored));
                Assert.Equal(curve.Reasons.Select(reason => (long)records.Count(r => r.Reason == reason)), curve.EventCounts.ToArray());
                Assert.Equal(records.Count(r => r.IsCensored), curve.CensoredCount);
            }
        });

    [Property]
    public Property WithOneReason_IncidenceIsOneMinusKaplanMeier() =>
        Prop.ForAll(CompetingRiskGenerators.OneReasonRecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            KaplanMeierCurve kaplanMeier = KaplanMeier.Fit(records.Select(r => new TenureRecord(r.Entry, r.Exit, !r.IsCensored)));

            Assert.Equal(records.Any(r => !r.IsCensored) ? 1 : 0, curve.Reasons.Length);
            Assert.Equal(kaplanMeier.Points.Select(p => (p.Time, p.AtRisk, p.Censored)), curve.Points.Select(p => (p.Time, p.AtRisk, p.Censored)));
            for (int i = 0; i < curve.Points.Length; i++)
            {
                double survival = kaplanMeier.Points[i].Survival;
                Close(survival, curve.Points[i].InPost.Probability);
                if (curve.Reasons.Length == 1)
                {
                    Close(1 - survival, curve.Points[i].Incidence[0].Probability);
                    Assert.Equal(kaplanMeier.Points[i].Events, curve.Points[i].Events[0]);
                }
            }
        });

    [Property]
    public Property InPost_IsTheKaplanMeierOfAllReasonsTogether() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            KaplanMeierCurve kaplanMeier = KaplanMeier.Fit(records.Select(r => new TenureRecord(r.Entry, r.Exit, !r.IsCensored)));
            Assert.Equal(kaplanMeier.Points.Select(p => (p.Time, p.AtRisk, p.Events)), curve.Points.Select(p => (p.Time, p.AtRisk, p.EventCount)));
            for (int i = 0; i < curve.Points.Length; i++)
            {
                Close(kaplanMeier.Points[i].Survival, curve.Points[i].InPost.Probability);
            }
        });

    [Property]
    public Property WithoutDelayedEntry_InPostHasGreenwoodsStandardError() =>
        Prop.ForAll(CompetingRiskGenerators.RightCensoredRecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            KaplanMeierCurve kaplanMeier = KaplanMeier.Fit(records.Select(r => new TenureRecord(r.Exit, !r.IsCensored)));
            for (int i = 0; i < curve.Points.Length; i++)
            {
                // The infinitesimal jackknife comes to Greenwood's standard error of S; where S is 0, it is 0, Greenwood's infinite.
                KaplanMeierPoint point = kaplanMeier.Points[i];
                Close(point.Survival == 0 ? 0 : point.Survival * point.StandardError, curve.Points[i].InPost.StandardError, 1e-12);
            }
        });

    [Property]
    public Property RecordOrder_NeverMatters() =>
        Prop.ForAll(CompetingRiskGenerators.ShuffledRecordLists(), pair =>
        {
            CumulativeIncidenceCurve original = CumulativeIncidence.Estimate(pair.Records);
            CumulativeIncidenceCurve shuffled = CumulativeIncidence.Estimate(pair.Shuffled);

            Assert.Equal(original.Reasons.ToArray(), shuffled.Reasons.ToArray());
            Assert.Equal(original.EventCounts.ToArray(), shuffled.EventCounts.ToArray());
            Assert.Equal(original.Points.Length, shuffled.Points.Length);
            for (int i = 0; i < original.Points.Length; i++)
            {
                CumulativeIncidencePoint a = original.Points[i];
                CumulativeIncidencePoint b = shuffled.Points[i];
                Assert.Equal((a.Time, a.AtRisk, a.Censored), (b.Time, b.AtRisk, b.Censored));
                Assert.Equal(a.Events.ToArray(), b.Events.ToArray());

                // The probabilities come from the counts alone; the standard errors add the records in another order.
                Assert.Equal(a.InPost.Probability, b.InPost.Probability);
                CloseState(a.InPost, b.InPost);
                for (int r = 0; r < original.Reasons.Length; r++)
                {
                    Assert.Equal(a.Incidence[r].Probability, b.Incidence[r].Probability);
                    CloseState(a.Incidence[r], b.Incidence[r]);
                }
            }
        });

    [Property]
    public Property Stratified_EqualsEachStratumEstimatedAlone() =>
        Prop.ForAll(CompetingRiskGenerators.KeyedRecordLists(), records =>
        {
            StratifiedCumulativeIncidence<string> strata = CumulativeIncidence.EstimateBy(records);

            Assert.Equal(records.Where(r => !r.Record.IsCensored).Select(r => r.Record.Reason!).Distinct().Order(StringComparer.Ordinal), strata.Reasons.ToArray());
            Assert.Equal(records.Select(r => r.Key).Distinct().Order(StringComparer.Ordinal), strata.Strata.Select(s => s.Key));
            Assert.Equal(records.Length, strata.RecordCount);
            foreach (CumulativeIncidenceStratum<string> stratum in strata.Strata)
            {
                CumulativeIncidenceCurve alone = CumulativeIncidence.Estimate(records.Where(r => r.Key == stratum.Key).Select(r => r.Record), strata.Reasons);
                Assert.Equal(alone.Reasons.ToArray(), stratum.Curve.Reasons.ToArray());
                Assert.Equal(alone.RecordCount, stratum.Curve.RecordCount);
                Assert.Equal(alone.EventCounts.ToArray(), stratum.Curve.EventCounts.ToArray());
                Assert.Equal<CumulativeIncidencePoint>([.. alone.Points], [.. stratum.Curve.Points]);
                Assert.Same(stratum.Curve, strata.Find(stratum.Key));
            }
        });

    [Property]
    public Property WithoutCensoringOrDelayedEntry_TheFinalIncidenceIsEachReasonsShare() =>
        Prop.ForAll(CompetingRiskGenerators.UncensoredRecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            CumulativeIncidencePoint last = curve.Points[^1];
            Assert.Equal(0, last.InPost.Probability);
            for (int r = 0; r < curve.Reasons.Length; r++)
            {
                Close(records.Count(x => x.Reason == curve.Reasons[r]) / (double)records.Length, last.Incidence[r].Probability);
            }
        });

    [Property]
    public Property StandardErrors_AreRsInfluenceSums_ComputedRecordByRecord() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            List<(double Time, double[] Probability, double[] StandardError)> direct = DirectAalenJohansen.Estimate(records, curve.Reasons);

            Assert.Equal(direct.Select(d => d.Time), curve.Points.Select(p => p.Time));
            for (int i = 0; i < direct.Count; i++)
            {
                CumulativeIncidencePoint point = curve.Points[i];
                Assert.Equal(direct[i].Probability[0], point.InPost.Probability);
                Close(direct[i].StandardError[0], point.InPost.StandardError, 1e-12);
                for (int r = 0; r < curve.Reasons.Length; r++)
                {
                    Assert.Equal(Math.Min(direct[i].Probability[r + 1], 1), point.Incidence[r].Probability);  // a sum that rounds above 1 is reported as 1
                    Close(direct[i].StandardError[r + 1], point.Incidence[r].StandardError, 1e-12);
                }
            }
        });

    [Property]
    public Property Counts_MatchTheRiskSetDefinition_WithDelayedEntry() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), records =>
        {
            CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
            Assert.Equal(records.Select(r => r.Exit).Distinct().Order(), curve.Points.Select(p => p.Time));
            foreach (CumulativeIncidencePoint point in curve.Points)
            {
                double t = point.Time;
                Assert.Equal(records.Count(r => r.Entry < t && t <= r.Exit), point.AtRisk);
                Assert.Equal(records.Count(r => r.Exit == t && r.IsCensored), point.Censored);
                Assert.Equal(curve.Reasons.Select(reason => (long)records.Count(r => r.Exit == t && r.Reason == reason)), point.Events.ToArray());
            }
        });

    /// <summary>A standard error at least 0, limits in [0, 1] around the probability where defined.</summary>
    private static void AssertState(StateProbability state)
    {
        Assert.True(state.StandardError >= 0, $"standard error {state.StandardError}");
        Assert.True(double.IsNaN(state.Lower) || (state.Lower >= 0 && state.Lower <= state.Probability + 1e-12), $"lower {state.Lower} for {state.Probability}");
        Assert.True(double.IsNaN(state.Upper) || (state.Upper <= 1 && state.Upper >= state.Probability - 1e-12), $"upper {state.Upper} for {state.Probability}");
    }

    private static void CloseState(StateProbability expected, StateProbability actual)
    {
        Close(expected.StandardError, actual.StandardError);
        Assert.Equal(double.IsNaN(expected.Lower), double.IsNaN(actual.Lower));
        Assert.Equal(double.IsNaN(expected.Upper), double.IsNaN(actual.Upper));
        if (!double.IsNaN(expected.Lower))
        {
            Close(expected.Lower, actual.Lower);
        }

        if (!double.IsNaN(expected.Upper))
        {
            Close(expected.Upper, actual.Upper);
        }
    }

    private static void Close(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
