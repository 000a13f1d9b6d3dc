using System;
using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The Cox diagnostics (score residuals and the robust variance, the test of proportional hazards, the walk over the risk
/// sets) where the mutation run found them untested: covariates far from their means, linear predictors large enough that
/// exp overflows unless the walk recentres them, and the log transform's guard.
/// </summary>
public sealed class CoxDiagnosticsMutationTests
{
    /// <summary>2⁴⁰: a whole number so large that a covariate near it keeps only 12 bits after the binary point.</summary>
    private const double Huge = 1099511627776;

    /// <summary>2²⁶: a covariate near it squares to about 2⁵², where the gaps between doubles are 1.</summary>
    private const double Large = 67108864;

    [Fact]
    public void RobustScoreTest_ACovariateMovedByAHugeConstant_IsUnchanged()
    {
        // The score residuals are sums of r·(x − x̄(t)), so moving x by a constant changes none of them; the residuals are
        // worked out on the covariates less their means, which, for these 16 values in eighths, are exact both before and
        // after the move, so the residuals at β = 0, and the robust score test made of them, are the same to the last bit.
        // Left near 2⁴⁰, x·Λ and Σx̄·dΛ would cancel to 12 bits after the point, and the test would be off in its fourth digit.
        CoxRecord[] records = Sixteen(0);
        CoxOptions robust = CoxOptions.Default with { Robust = true };

        CoxTest? expected = ProportionalHazards.Fit(records, robust).RobustScoreTest;
        CoxTest? actual = ProportionalHazards.Fit(Sixteen(Huge), robust).RobustScoreTest;

        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.True(expected.Value.ChiSquare > 0.1, "The data should have a score test worth the name.");
        Close(expected.Value.ChiSquare, actual.Value.ChiSquare, 1e-12);
        Close(expected.Value.PValue, actual.Value.PValue, 1e-12);
    }

    [Theory]
    [InlineData(CoxTimeTransform.KaplanMeier)]
    [InlineData(CoxTimeTransform.Identity)]
    [InlineData(CoxTimeTransform.Rank)]
    [InlineData(CoxTimeTransform.Log)]
    public void TestProportionalHazards_ACovariateMovedByALargeConstant_IsUnchanged(CoxTimeTransform transform)
    {
        // The test's score Σg·(x − x̄(t)) and its information (sums of r·x·xᵀ/Σr − x̄·x̄ᵀ) do not move with x. It works on the
        // covariates less their means: left near 2²⁶, x·xᵀ would lose every bit of the spread, and the information with it.
        ProportionalHazardsTest expected = ProportionalHazards.Fit(Sixteen(0)).TestProportionalHazards(transform);
        ProportionalHazardsTest actual = ProportionalHazards.Fit(Sixteen(Large)).TestProportionalHazards(transform);

        SameTest(expected, actual, 1e-6);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Fit_ACovariateMovedByAConstantInEachStratum_IsUnchanged(CoxTies ties)
    {
        // Each stratum has a baseline hazard of its own, so adding a constant to a covariate within a stratum changes no ratio
        // r/Σr of a risk set: the fit, its robust variance, its concordance and its test of proportional hazards stay the same.
        // Moved by +700 in stratum a and −700 in b, with β₁ about 0.6, the strata's linear predictors lie about 840 apart and
        // each is hundreds from 0, so every walk over the risk sets (the fit's, the residuals', the test's) must recentre
        // them, scale its running sums with them, and take the hazard increments back to the scale of exp(xβ) for the
        // residuals; otherwise exp overflows to infinity or underflows to 0.
        SameFit(Groups(0, islands: false), Groups(700, islands: false), ties);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void Fit_ACovariateMovedByAConstantInATimeIslandOfItsOwn_IsUnchanged(CoxTies ties)
    {
        // The same within one stratum: the second group is never at risk with the first, so their risk sets never meet and a
        // constant added to the covariate in one group and taken from the other changes nothing. Walking from the last time,
        // the second group's records all leave before the first group's join: the walk must start again from nothing, and from
        // the first group's own mean linear predictor (about 840 below in the fit's iterations), not from what is left of
        // subtracting them, or exp of the first group's linear predictors underflows to 0.
        SameFit(Groups(0, islands: true), Groups(700, islands: true), ties);
    }

    [Fact]
    public void Walk_ARecentringAmongTheRecordsOfOneEventTime_ScalesTheEventsSumsToo()
    {
        // Five records stop at time 1: the event and a censored record at η 0 join first, then three censored records at
        // η −600 drag the mean η below −200 and the walk recentres. The event's risk, already added, must be rescaled with the
        // rest: its share is about 1/2, not e^−300 of it (a defect found by a mutation-testing helper, 2026-12-07).
        CoxRecord[] records =
        [
            new(0, 1, true, [1.0, 2]), new(0, 1, false, [0.5, -1]), new(0, 1, false, [0.2, 0.4]), new(0, 1, false, [0.7, -2]),
            new(0, 1, false, [0.3, 1]),
        ];
        CoxData data = CoxData.From(records, "records");
        double[] eta = [.. Enumerable.Range(0, data.Count).Select(k => data.IsEvent[k] || data.X[2 * k] == 0.5 ? 0.0 : -600)];

        SumsVisitor walked = new([]);
        new CoxRiskSets(data, 2).Walk(data.X, eta, squares: true, ref walked);

        List<double> expected = BruteForceSums(data, eta, [1.0]);
        Assert.Equal(expected.Count, walked.Values.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], walked.Values[i], 1e-9);
        }

        Close(0.5, walked.Values[^1], 1e-9);
    }

    [Fact]
    public void Walk_LinearPredictorsThatJumpWithTwoCovariates_KeepEverySumOnOneScale()
    {
        // As CoxTests.HugeLinearPredictors_AreRecentredBeforeExponentiating, with two covariates, so that the recentring must
        // scale every entry of Σr·x·xᵀ, and with a record near 1000 leaving after the walk has recentred hundreds above 0 (it
        // must leave with the risk it joined with).
        CoxRecord[] records =
        [
            new(0, 1, true, [1.0, 2]), new(0, 2, true, [0.0, -1]), new(0.5, 3, false, [1.0, 0.5]), new(0, 4, true, [0.3, 1]),
            new(1, 5, false, [0.7, -2]), new(1.5, 3, false, [0.2, 0.4]),
        ];
        CoxData data = CoxData.From(records, "records");
        double[] eta = [.. Enumerable.Range(0, data.Count).Select(k => (data.Stop[k] <= 3 ? 1000 : 0) + (0.1 * k))];

        SumsVisitor walked = new([]);
        new CoxRiskSets(data, 2).Walk(data.X, eta, squares: true, ref walked);

        List<double> expected = BruteForceSums(data, eta, [4.0, 2.0, 1.0]);

        Assert.Equal(expected.Count, walked.Values.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], walked.Values[i], 1e-9);
        }
    }

    [Fact]
    public void TestProportionalHazards_LogTransformWithAStopAtZero_Throws()
    {
        // A stop time of exactly 0 (after a start below it) has no logarithm either.
        CoxRecord[] records = [new(-3, 0, true, [1.0]), new(-3, 2, true, [0.0]), new(-2, 3, false, [1.0]), new(-1, 4, true, [0.5])];
        CoxFit fit = ProportionalHazards.Fit(records);

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => fit.TestProportionalHazards(CoxTimeTransform.Log));

        Assert.Equal("transform", thrown.ParamName);
        Assert.StartsWith("The log transform needs every stop time above 0.", thrown.Message, StringComparison.Ordinal);
    }

    /// <summary>16 right-censored records, tied exits, with two covariates in eighths, the first moved by <paramref name="shift"/>.</summary>
    private static CoxRecord[] Sixteen(double shift)
    {
        double[] stops = [1, 2, 2, 3, 4, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12];
        bool[] events = [true, true, true, false, true, true, true, false, true, true, false, true, true, true, false, true];
        double[] x0 = [1.5, 1.25, 0.75, -0.5, 1, 0.25, 0.5, -1, 0.125, -0.25, 0.375, -0.75, -1.5, -0.625, 1.75, -1.25];
        double[] x1 = [0.5, -1, 2, 0.25, -0.5, 1.5, 0, -2, 1, 0.75, -0.25, 0.5, 1.25, -1.5, 0.375, 2.5];
        return [.. stops.Select((t, k) => new CoxRecord(t, events[k], [x0[k] + shift, x1[k]]))];
    }

    /// <summary>
    /// 28 records in two groups of 14, a third entering late, exits in whole months (so some tie) that come sooner the larger
    /// the first covariate (in eighths from −2 to 2), a quarter censored; the first covariate moved by +<paramref name="shift"/>
    /// in the first group and −<paramref name="shift"/> in the second. The groups are strata a and b, or, with
    /// <paramref name="islands"/>, one stratum with the second group 40 months later, so that no one of it is at risk with
    /// anyone of the first (the first group's times end by 19).
    /// </summary>
    private static CoxRecord[] Groups(double shift, bool islands)
    {
        Random random = new(7);
        List<CoxRecord> records = [];
        for (int group = 0; group < 2; group++)
        {
            double later = islands && group == 1 ? 40 : 0;
            string? stratum = islands ? null : group == 0 ? "a" : "b";
            for (int i = 0; i < 14; i++)
            {
                double start = random.Next(3) == 0 ? random.Next(1, 8) : 0;
                double x0 = random.Next(-16, 17) / 8.0;
                double stop = start + Math.Min(12, 1 + Math.Floor(-Math.Log(1 - random.NextDouble()) * 5 * Math.Exp(-x0)));
                bool isEvent = random.Next(4) != 0;
                double x1 = random.Next(-8, 9) / 4.0;
                records.Add(new CoxRecord(later + start, later + stop, isEvent, [x0 + (group == 0 ? shift : -shift), x1], stratum));
            }
        }

        return [.. records];
    }

    /// <summary>Fits both lists and asserts that every number of the fit and its diagnostics agrees to 1e-8.</summary>
    private static void SameFit(CoxRecord[] records, CoxRecord[] moved, CoxTies ties)
    {
        CoxOptions options = CoxOptions.Default with { Ties = ties, Robust = true };
        Assert.Contains(records.Where(r => r.IsEvent).GroupBy(r => (r.Stratum, r.Stop)), g => g.Count() > 1);
        Assert.Contains(records, r => r.Start > 0);

        CoxFit expected = ProportionalHazards.Fit(records, options);
        CoxFit actual = ProportionalHazards.Fit(moved, options);

        Assert.InRange(expected.Coefficients[0].Estimate, 0.4, 0.8);
        Assert.True(expected.Converged && actual.Converged);
        Assert.Equal(expected.Iterations, actual.Iterations);
        for (int i = 0; i < 2; i++)
        {
            CoxCoefficient e = expected.Coefficients[i];
            CoxCoefficient a = actual.Coefficients[i];
            Close(e.Estimate, a.Estimate, 1e-8);
            Close(e.StandardError, a.StandardError, 1e-8);
            Close(e.RobustStandardError!.Value, a.RobustStandardError!.Value, 1e-8);
        }

        Close(expected.LogLikelihoodNull, actual.LogLikelihoodNull, 1e-8);
        Close(expected.LogLikelihood, actual.LogLikelihood, 1e-8);
        Close(expected.LikelihoodRatioTest.ChiSquare, actual.LikelihoodRatioTest.ChiSquare, 1e-8);
        Close(expected.WaldTest.ChiSquare, actual.WaldTest.ChiSquare, 1e-8);
        Close(expected.ScoreTest.ChiSquare, actual.ScoreTest.ChiSquare, 1e-8);
        Close(expected.RobustScoreTest!.Value.ChiSquare, actual.RobustScoreTest!.Value.ChiSquare, 1e-8);
        Assert.Equal(expected.Concordance, actual.Concordance);
        foreach (CoxTimeTransform transform in Enum.GetValues<CoxTimeTransform>())
        {
            SameTest(expected.TestProportionalHazards(transform), actual.TestProportionalHazards(transform), 1e-8);
        }
    }

    private static void SameTest(ProportionalHazardsTest expected, ProportionalHazardsTest actual, double tolerance)
    {
        Assert.Equal(expected.Terms.Length, actual.Terms.Length);
        foreach ((ProportionalHazardsTerm e, ProportionalHazardsTerm a) in expected.Terms.Append(expected.Global).Zip(actual.Terms.Append(actual.Global)))
        {
            Assert.Equal((e.Name, e.DegreesOfFreedom), (a.Name, a.DegreesOfFreedom));
            Close(e.ChiSquare, a.ChiSquare, tolerance);
            Close(e.PValue, a.PValue, tolerance);
        }
    }

    /// <summary>
    /// By brute force, at each event time from the last: over those at risk without the event, x̄ (two), Σr·xᵢ·xⱼ/Σr for
    /// j ≤ i (three), and the events' share of the risk, every η less the largest at risk.
    /// </summary>
    private static List<double> BruteForceSums(CoxData data, double[] eta, double[] times)
    {
        List<double> expected = [];
        foreach (double t in times)
        {
            int[] atRisk = [.. Enumerable.Range(0, data.Count).Where(k => data.Start[k] < t && t <= data.Stop[k])];
            double top = atRisk.Max(k => eta[k]);
            double all = atRisk.Sum(k => Math.Exp(eta[k] - top));
            int[] survivors = [.. atRisk.Where(k => !(data.IsEvent[k] && data.Stop[k] == t))];
            double denominator = survivors.Sum(k => Math.Exp(eta[k] - top));
            for (int i = 0; i < 2; i++)
            {
                expected.Add(survivors.Sum(k => Math.Exp(eta[k] - top) * data.X[(2 * k) + i]) / denominator);
            }

            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    expected.Add(survivors.Sum(k => Math.Exp(eta[k] - top) * data.X[(2 * k) + i] * data.X[(2 * k) + j]) / denominator);
                }
            }

            expected.Add((all - denominator) / all);
        }

        return expected;
    }

    private static void Close(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    /// <summary>Collects, at each event time, x̄ and Σr·xᵢ·xⱼ/Σr (j ≤ i) over those at risk without the event, and the deaths' share of the risk.</summary>
    private readonly struct SumsVisitor(List<double> values) : CoxRiskSets.IVisitor
    {
        public List<double> Values { get; } = values;

        public void Event(CoxRiskSets sets, double time)
        {
            for (int i = 0; i < 2; i++)
            {
                Values.Add(sets.Sum[i] / sets.Denominator);
            }

            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    Values.Add(sets.Squares[(i * 2) + j] / sets.Denominator);
                }
            }

            Values.Add(sets.DeathDenominator / (sets.Denominator + sets.DeathDenominator));
            sets.Denominator += sets.DeathDenominator;
            for (int i = 0; i < 2; i++)
            {
                sets.Sum[i] += sets.DeathSum[i];
                for (int j = 0; j <= i; j++)
                {
                    sets.Squares[(i * 2) + j] += sets.DeathSquares[(i * 2) + j];
                }
            }
        }
    }
}
