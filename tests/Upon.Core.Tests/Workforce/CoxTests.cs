using System;
using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Cox regression on cases small enough to work out by hand, its edge cases and its guards.</summary>
public sealed class CoxTests
{
    private const double Exact = 1e-12;

    [Fact]
    public void OneCovariateTwoEvents_MatchesThePartialLikelihoodByHand()
    {
        // A leaves at 1 (x = 1), B at 2 (x = 0), C is censored at 3 (x = 1). With u = exp(β):
        //   at 1 all three are at risk and A leaves:  u / (2u + 1);  at 2, B and C are at risk and B leaves:  1 / (1 + u).
        //   ℓ(β) = β − log(2u + 1) − log(1 + u), so ℓ(0) = −log 6, the score at 0 is 1 − 2/3 − 1/2 = −1/6 and the information
        //   2/9 + 1/4 = 17/36, hence the score test (1/6)² / (17/36) = 1/17.
        //   ℓ'(β) = 0 ⇔ (2u + 1)(1 + u) = 2u(1 + u) + u(2u + 1) ⇔ 2u² = 1: β̂ = −log(2)/2, ℓ(β̂) = −2·log(1 + √2),
        //   and the information there is 2·√2/(1 + √2)² (each term p(1 − p) = √2/(1 + √2)²).
        CoxRecord[] records = [new(1, true, [1.0]), new(2, true, [0.0]), new(3, false, [1.0])];

        foreach (CoxTies ties in Enum.GetValues<CoxTies>())
        {
            CoxFit fit = ProportionalHazards.Fit(records, CoxOptions.Default with { Ties = ties });
            CoxCoefficient c = Assert.Single(fit.Coefficients);
            double root2 = Math.Sqrt(2);
            Close(-Math.Log(2) / 2, c.Estimate);
            Close(1 / root2, c.HazardRatio);
            Close((1 + root2) / Math.Sqrt(2 * root2), c.StandardError);
            Close(-Math.Log(6), fit.LogLikelihoodNull);
            Close(-2 * Math.Log(1 + root2), fit.LogLikelihood);
            Close((2 * Math.Log(6)) - (4 * Math.Log(1 + root2)), fit.LikelihoodRatioTest.ChiSquare);
            Close(1.0 / 17, fit.ScoreTest.ChiSquare);
            Close(c.Estimate * c.Estimate / (c.StandardError * c.StandardError), fit.WaldTest.ChiSquare);
            Close(Math.Exp(c.Estimate - (1.959963984540054 * c.StandardError)), c.Lower);
            Close(Math.Exp(c.Estimate + (1.959963984540054 * c.StandardError)), c.Upper);
            Assert.Equal(1, fit.LikelihoodRatioTest.DegreesOfFreedom);
            Assert.Null(c.RobustStandardError);
            Assert.Null(fit.RobustScoreTest);
            Assert.Empty(fit.Warnings);
            Assert.True(fit.Converged);

            // The pairs: A (x = 1) left while B and C were at risk: A above B is concordant, A and C tie on risk; B (x = 0) left
            // while C (x = 1) was at risk: discordant. (1 + 1/2) / 3.
            Assert.Equal(new[] { 1L, 1L, 1L }, new[] { fit.Concordance.Concordant, fit.Concordance.Discordant, fit.Concordance.TiedOnRisk });
            Close(0.5, fit.Concordance.Value);
        }
    }

    [Fact]
    public void DelayedEntry_LeavesOutThoseNotYetInPost()
    {
        // A (0, 2] leaves, x = 1; B (1, 3] leaves, x = 0; C (2.5, 4] censored, x = 1; D (0, 5] censored, x = 0.
        //   At 2, C has not yet entered: A, B and D are at risk and A leaves: u / (u + 2).
        //   At 3, A has gone and C has entered: B, C and D are at risk and B leaves: 1 / (u + 2).
        //   ℓ(β) = β − 2·log(u + 2): ℓ(0) = −2·log 3, β̂ = log 2 (u = 2), ℓ(β̂) = −3·log 2, and at β̂ each term has p = 1/2, so the
        //   information is 1/4 + 1/4 and the standard error √2.
        CoxRecord[] records = [new(0, 2, true, [1.0]), new(1, 3, true, [0.0]), new(2.5, 4, false, [1.0]), new(0, 5, false, [0.0])];

        CoxFit fit = ProportionalHazards.Fit(records);

        Close(Math.Log(2), fit.Coefficients[0].Estimate);
        Close(Math.Sqrt(2), fit.Coefficients[0].StandardError);
        Close(-2 * Math.Log(3), fit.LogLikelihoodNull);
        Close(-3 * Math.Log(2), fit.LogLikelihood);
        Close((4 * Math.Log(3)) - (6 * Math.Log(2)), fit.LikelihoodRatioTest.ChiSquare);
    }

    [Fact]
    public void RiskSetThatEmpties_StartsAgainFromNothing()
    {
        // A (0, 5] leaves, x = 1; B (0, 6] censored, x = 0; C (10, 20] leaves, x = 0; D (10, 25] censored, x = 1. No one is at risk
        // between 6 and 10. At 5: u / (u + 1); at 20: 1 / (1 + u). ℓ(β) = β − 2·log(1 + u): β̂ = 0, ℓ(0) = −2·log 2, and the
        // information is 1/4 + 1/4, so the standard error is √2.
        CoxRecord[] records = [new(0, 5, true, [1.0]), new(0, 6, false, [0.0]), new(10, 20, true, [0.0]), new(10, 25, false, [1.0])];

        CoxFit fit = ProportionalHazards.Fit(records);

        Assert.Equal(0.0, fit.Coefficients[0].Estimate, 12);
        Close(Math.Sqrt(2), fit.Coefficients[0].StandardError);
        Close(-2 * Math.Log(2), fit.LogLikelihoodNull);
        Assert.Equal(0.0, fit.ScoreTest.ChiSquare, 12);
    }

    [Fact]
    public void HugeLinearPredictors_AreRecentredBeforeExponentiating()
    {
        // exp(1000 + η) overflows unless the walk over the risk sets recentres, as R's agfit4 does once the mean η at risk moves
        // by more than 200: here when the records that stop at 3 and earlier join those that stop later, whose η is near 0.
        CoxRecord[] records = [new(0, 1, true, [1.0]), new(0, 2, true, [0.0]), new(0.5, 3, false, [1.0]), new(0, 4, true, [0.3]), new(1, 5, false, [0.7])];
        CoxData data = CoxData.From(records, "records");
        double[] eta = [.. Enumerable.Range(0, data.Count).Select(k => (data.Stop[k] <= 3 ? 1000 : 0) + (0.1 * k))];

        MeansVisitor walked = new([]);
        new CoxRiskSets(data, 1).Walk(data.X, eta, squares: true, ref walked);

        // The same by brute force, at each event time from the last: over those at risk without the event, x̄ and Σr·x²/Σr, and
        // the events' share of the risk, with every η less the largest at risk.
        List<double> expected = [];
        foreach (double t in new[] { 4.0, 2.0, 1.0 })
        {
            int[] atRisk = [.. Enumerable.Range(0, data.Count).Where(k => data.Start[k] < t && t <= data.Stop[k])];
            double top = atRisk.Max(k => eta[k]);
            double all = atRisk.Sum(k => Math.Exp(eta[k] - top));
            int[] survivors = [.. atRisk.Where(k => !(data.IsEvent[k] && data.Stop[k] == t))];
            double denominator = survivors.Sum(k => Math.Exp(eta[k] - top));
            expected.Add(survivors.Sum(k => Math.Exp(eta[k] - top) * data.X[k]) / denominator);
            expected.Add(survivors.Sum(k => Math.Exp(eta[k] - top) * data.X[k] * data.X[k]) / denominator);
            expected.Add((all - denominator) / all);
        }

        Assert.Equal(expected.Count, walked.Values.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], walked.Values[i], 1e-9);
        }

        // Score residuals do not change when every linear predictor moves by one constant, however large.
        double[] lp = [0.3, -0.2, 0.5, 0.1, -0.4];
        double[] before = CoxResiduals.Score(data, lp, efron: true);
        double[] after = CoxResiduals.Score(data, [.. lp.Select(v => v + 1000)], efron: true);
        for (int i = 0; i < before.Length; i++)
        {
            Close(before[i], after[i], 1e-9);
        }
    }

    [Fact]
    public void TiedEvents_BreslowSeesTheWholeRiskSetAndEfronSplitsIt()
    {
        // A (x = 1) and B (x = 0) leave together at 1; C (x = 0) is censored at 2. At β = 0 every risk score is 1:
        //   Breslow: 1 / 3², ℓ(0) = −2·log 3;  Efron: 1 / (3 · (3 − 2/2)), ℓ(0) = −log 3 − log 2.
        CoxRecord[] records = [new(1, true, [1.0]), new(1, true, [0.0]), new(2, false, [0.0])];

        CoxFit breslow = ProportionalHazards.Fit(records, CoxOptions.Default with { Ties = CoxTies.Breslow });
        CoxFit efron = ProportionalHazards.Fit(records);

        Close(-2 * Math.Log(3), breslow.LogLikelihoodNull);
        Close(-Math.Log(6), efron.LogLikelihoodNull);
        Assert.Equal(CoxTies.Breslow, breslow.Ties);
        Assert.Equal(CoxTies.Efron, efron.Ties);

        // Breslow: ℓ(β) = β − 2·log(u + 2), maximal at u = 2.  Efron: ℓ(β) = β − log(u + 2) − log((u + 3)/2): 1 = u/(u + 2) + u/(u + 3),
        //   u² = 6, so β̂ = log(6)/2. The two events at one time are one pair tied on time.
        Close(Math.Log(2), breslow.Coefficients[0].Estimate);
        Close(Math.Log(6) / 2, efron.Coefficients[0].Estimate);
        Assert.Equal(1, efron.Concordance.TiedOnTime);
    }

    [Fact]
    public void StratumWithoutEvents_AddsNothing()
    {
        CoxRecord[] fitted = [new(1, true, [1.0], "a"), new(2, true, [0.0], "a"), new(3, false, [1.0], "a"), new(2.5, true, [0.5], "a")];
        CoxRecord[] withIdle = [.. fitted, new(1.5, false, [3.0], "b"), new(4, false, [-1.0], "b")];

        CoxFit without = ProportionalHazards.Fit(fitted);
        CoxFit with = ProportionalHazards.Fit(withIdle);

        Assert.Equal(2, with.StratumCount);
        Assert.Equal(6, with.RecordCount);
        Close(without.Coefficients[0].Estimate, with.Coefficients[0].Estimate);
        Close(without.Coefficients[0].StandardError, with.Coefficients[0].StandardError);
        Close(without.LogLikelihood, with.LogLikelihood);
        Assert.Equal(without.Concordance, with.Concordance);
    }

    [Fact]
    public void ConstantCovariate_IsAliasedWithAWarning()
    {
        CoxRecord[] records = [new(1, true, [1.0, 7]), new(2, true, [0.0, 7]), new(3, false, [1.0, 7]), new(4, true, [0.0, 7])];

        CoxFit fit = ProportionalHazards.Fit(records, CoxOptions.Default with { CovariateNames = ["interim", "england"] });
        CoxFit alone = ProportionalHazards.Fit(records.Select(r => new CoxRecord(r.Stop, r.IsEvent, [r.Covariates[0]])));

        CoxCoefficient england = fit.Coefficients[1];
        Assert.True(england.IsAliased);
        Assert.False(england.MayBeInfinite);
        Assert.True(double.IsNaN(england.Estimate) && double.IsNaN(england.StandardError) && double.IsNaN(england.Z) && double.IsNaN(england.PValue));
        Assert.False(fit.Coefficients[0].IsAliased);
        Close(alone.Coefficients[0].Estimate, fit.Coefficients[0].Estimate);
        Assert.Equal(1, fit.LikelihoodRatioTest.DegreesOfFreedom);
        Assert.Equal(1, fit.WaldTest.DegreesOfFreedom);
        Assert.Equal(1, fit.ScoreTest.DegreesOfFreedom);
        Close(alone.WaldTest.ChiSquare, fit.WaldTest.ChiSquare);
        Assert.Equal(0.0, fit.Variance[1][1]);
        Assert.Equal(0.0, fit.Variance[0][1]);
        string warning = Assert.Single(fit.Warnings);
        Assert.StartsWith("X matrix deemed to be singular; variable 2 (england)", warning, StringComparison.Ordinal);
        Assert.Equal(["interim"], fit.TestProportionalHazards().Terms.Select(t => t.Name));
    }

    [Fact]
    public void Separation_WarnsThatTheCoefficientMayBeInfinite()
    {
        // Every leaver is acting (x = 1), and someone not acting is at risk at each exit: the likelihood rises for ever with β.
        // R (coxph(Surv(t, e) ~ x)) stops after 20 iterations at β = 21.64619 and warns "Loglik converged before variable 1".
        double[] times = [1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10];
        bool[] acting = [true, false, true, true, false, true, true, false, false, true, false, false];
        CoxRecord[] records = [.. times.Select((t, i) => new CoxRecord(t, acting[i], [acting[i] ? 1.0 : 0.0]))];

        CoxFit fit = ProportionalHazards.Fit(records);

        CoxCoefficient c = Assert.Single(fit.Coefficients);
        Assert.True(c.MayBeInfinite);
        Close(21.64619, c.Estimate, 1e-6);
        Assert.Equal(20, fit.Iterations);
        Assert.True(fit.Converged);
        Assert.Equal("Loglik converged before variable 1 (x1); coefficient may be infinite.", Assert.Single(fit.Warnings));
    }

    [Fact]
    public void TooFewIterations_SayTheFitDidNotConverge()
    {
        // R warns that the iterations ran out only when iter.max is above 1: one iteration is a one-step estimate asked for on
        // purpose. Converged says what happened either way. (The golden fits rare-iter2 and rare-right-iter2 to 6 warn.)
        CoxRecord[] records = [new(0, 1, true, [1.0]), new(0, 2, true, [0.0]), new(0.5, 3, false, [1.0]), new(0, 4, true, [0.3])];
        CoxRecord[] right = [.. records.Select(r => new CoxRecord(r.Stop, r.IsEvent, r.Covariates))];

        foreach (CoxRecord[] data in new[] { records, right })
        {
            CoxFit once = ProportionalHazards.Fit(data, CoxOptions.Default with { MaxIterations = 1 });
            Assert.False(once.Converged);
            Assert.Equal(data == records ? 1 : 2, once.Iterations);
            Assert.Empty(once.Warnings);
        }
    }

    [Fact]
    public void RightCensoredIterationsRunningOut_InvertTheInformationProperly()
    {
        // R 3.5-3, coxph(Surv(stop, event) ~ acting + age, rareright, iter.max = 2): both steps fail, so β stays 0, iter is 3 and
        // loglik is ℓ(0); its fit$var is 1 over the information's diagonal, (12.438902116852466, 0, 0, 0.0091779242427912754),
        // because coxfit6 inverts it without factoring it. The variance here is the inverse information at 0, R's fit$var with
        // iter.max = 0.
        List<CoxRecord> records = CoxGolden.Records("rareright", ["acting", "age"], string.Empty, string.Empty);

        CoxFit fit = ProportionalHazards.Fit(records, CoxOptions.Default with { MaxIterations = 2 });

        Assert.False(fit.Converged);
        Assert.Equal(3, fit.Iterations);
        Assert.Equal([0.0, 0.0], fit.Coefficients.Select(c => c.Estimate));
        Close(-16.409890255346223, fit.LogLikelihood);
        Close(fit.LogLikelihoodNull, fit.LogLikelihood);
        Close(12.439046193606968, fit.Variance[0][0]);
        Close(-0.001149930804069235, fit.Variance[0][1]);
        Close(0.0091780305484383158, fit.Variance[1][1]);
        Assert.Equal(["Ran out of iterations and did not converge."], fit.Warnings.ToArray());
    }

    [Fact]
    public void Clusters_MakeTheFitRobust_AndARecordOfItsOwnIsItsOwnCluster()
    {
        CoxRecord[] records = [new(1, true, [1.0]), new(2, true, [0.0]), new(3, false, [1.0]), new(4, true, [0.4]), new(5, false, [0.2])];
        CoxRecord[] named = [.. records.Select((r, i) => new CoxRecord(r.Start, r.Stop, r.IsEvent, r.Covariates, cluster: $"p{i}"))];
        CoxRecord[] paired = [.. records.Select((r, i) => new CoxRecord(r.Start, r.Stop, r.IsEvent, r.Covariates, cluster: $"p{i / 2}"))];

        CoxFit plain = ProportionalHazards.Fit(records);
        CoxFit robust = ProportionalHazards.Fit(records, CoxOptions.Default with { Robust = true });
        CoxFit clustered = ProportionalHazards.Fit(named);
        CoxFit pairs = ProportionalHazards.Fit(paired);

        Assert.False(plain.IsRobust);
        Assert.True(robust.IsRobust && clustered.IsRobust && pairs.IsRobust);
        Assert.Equal(5, robust.ClusterCount);
        Assert.Equal(3, pairs.ClusterCount);
        Assert.Equal(robust.Coefficients.ToArray(), clustered.Coefficients.ToArray());
        Assert.Equal(robust.WaldTest, clustered.WaldTest);
        Assert.Equal(plain.Coefficients[0].StandardError, robust.Coefficients[0].StandardError);
        Assert.NotEqual(pairs.Coefficients[0].RobustStandardError, robust.Coefficients[0].RobustStandardError);
        Assert.NotNull(robust.RobustScoreTest);

        // The Wald statistic and the limits use the robust standard error.
        CoxCoefficient c = robust.Coefficients[0];
        Close(c.Estimate / c.RobustStandardError!.Value, c.Z);
        Close(c.Z * c.Z, robust.WaldTest.ChiSquare);
        Assert.Equal(plain.NaiveVariance.SelectMany(r => r), plain.Variance.SelectMany(r => r));
    }

    [Fact]
    public void ProportionalHazardsTest_HasOneTermPerCovariateAndAGlobalTest()
    {
        CoxRecord[] records =
        [
            new(0, 3, true, [1.0, 50]), new(0, 5, false, [0.0, 45]), new(1, 6, true, [0.0, 60]), new(0, 7, true, [1.0, 52]),
            new(2, 9, false, [1.0, 48]), new(0, 10, true, [0.0, 55]), new(0, 12, true, [1.0, 41]), new(3, 14, false, [0.0, 58]),
        ];

        CoxFit fit = ProportionalHazards.Fit(records, CoxOptions.Default with { CovariateNames = ["interim", "age"] });
        foreach (CoxTimeTransform transform in Enum.GetValues<CoxTimeTransform>())
        {
            ProportionalHazardsTest test = fit.TestProportionalHazards(transform);
            Assert.Equal(transform, test.Transform);
            Assert.Equal(["interim", "age"], test.Terms.Select(t => t.Name));
            Assert.All(test.Terms, t => Assert.Equal(1, t.DegreesOfFreedom));
            Assert.Equal(("GLOBAL", 2), (test.Global.Name, test.Global.DegreesOfFreedom));
            Assert.All(test.Terms.Append(test.Global), t => Assert.InRange(t.PValue, 0.0, 1.0));
            Assert.Equal(3, test.ToString().Split(Environment.NewLine).Length);
        }
    }

    [Fact]
    public void LogTransform_NeedsPositiveStopTimes()
    {
        CoxRecord[] records = [new(-3, -1, true, [1.0]), new(-3, 2, true, [0.0]), new(-2, 3, false, [1.0]), new(-1, 4, true, [0.5])];
        CoxFit fit = ProportionalHazards.Fit(records);

        Assert.Throws<ArgumentException>(() => fit.TestProportionalHazards(CoxTimeTransform.Log));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.TestProportionalHazards((CoxTimeTransform)9));
        Assert.Equal(CoxTimeTransform.Identity, fit.TestProportionalHazards(CoxTimeTransform.Identity).Transform);
    }

    [Fact]
    public void Records_CompareByValue_AndCheckTheirArguments()
    {
        CoxRecord a = new(1, 2, true, [1.0, 2.0], "s", "c");
        CoxRecord b = new(1, 2, true, [1.0, 2.0], "s", "c");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new CoxRecord(1, 2, true, [1.0, 2.5], "s", "c"));
        Assert.NotEqual(a, new CoxRecord(1, 2, true, [1.0, 2.0], "t", "c"));
        Assert.NotEqual(a, new CoxRecord(1, 2, true, [1.0, 2.0], "s", null));
        Assert.NotEqual(a, new CoxRecord(1, 2, false, [1.0, 2.0], "s", "c"));
        Assert.NotEqual(a, new CoxRecord(0, 2, true, [1.0, 2.0], "s", "c"));
        Assert.NotEqual(a, new CoxRecord(1, 3, true, [1.0, 2.0], "s", "c"));
        Assert.Equal(0, new CoxRecord(5, false, [1.0]).Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => new CoxRecord(double.NaN, 2, true, [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoxRecord(2, 2, true, [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoxRecord(0, double.PositiveInfinity, true, [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoxRecord(-1, true, [1.0]));
        Assert.Throws<ArgumentException>(() => new CoxRecord(1, true, []));
        Assert.Throws<ArgumentException>(() => new CoxRecord(1, true, default));
        Assert.Throws<ArgumentException>(() => new CoxRecord(1, true, [1.0, double.NaN]));
    }

    [Fact]
    public void Fit_RefusesWhatCannotBeFitted()
    {
        CoxRecord[] good = [new(1, true, [1.0]), new(2, true, [0.0]), new(3, false, [1.0])];

        Assert.Throws<ArgumentNullException>(() => ProportionalHazards.Fit(null!));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit([]));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit([new(1, false, [1.0]), new(2, false, [0.0])]));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit([.. good, default]));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit([.. good, new(4, true, [1.0, 2.0])]));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { CovariateNames = ["a", "b"] }));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { CovariateNames = [" "] }));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { CovariateNames = [null!] }));
        Assert.Throws<ArgumentException>(() => ProportionalHazards.Fit([new(1, true, [1.0, 2.0]), new(2, true, [0.0, 1.0])], CoxOptions.Default with { CovariateNames = ["a", "a"] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { Ties = (CoxTies)7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { ConfidenceLevel = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { MaxIterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { Tolerance = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { Tolerance = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { SingularityTolerance = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { InfiniteCoefficientTolerance = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionalHazards.Fit(good, CoxOptions.Default with { InfiniteCoefficientTolerance = double.PositiveInfinity }));
    }

    [Fact]
    public void Defaults_AreRs()
    {
        Assert.Equal(CoxTies.Efron, CoxOptions.Default.Ties);
        Assert.Equal(20, CoxOptions.Default.MaxIterations);
        Assert.Equal(1e-9, CoxOptions.Default.Tolerance);
        Assert.Equal(Math.Pow(2, -52 * 0.75), CoxOptions.Default.SingularityTolerance);
        Assert.Null(CoxOptions.Default.InfiniteCoefficientTolerance);
        Assert.Equal(0.95, CoxOptions.Default.ConfidenceLevel);
        Assert.False(CoxOptions.Default.Robust);
        Assert.Empty(CoxOptions.Default.CovariateNames);

        CoxFit fit = ProportionalHazards.Fit([new(1, true, [1.0, 0]), new(2, true, [0.0, 1]), new(3, false, [1.0, 1]), new(4, true, [0.0, 0])]);
        Assert.Equal(["x1", "x2"], fit.CovariateNames.ToArray());
        Assert.Equal(0.95, fit.ConfidenceLevel);
        Assert.StartsWith("Cox model, 4 records, 3 events: likelihood ratio test = ", fit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfidenceLevel_SetsTheLimits()
    {
        CoxRecord[] records = [new(1, true, [1.0]), new(2, true, [0.0]), new(3, false, [1.0]), new(4, true, [0.5])];
        CoxCoefficient c = ProportionalHazards.Fit(records, CoxOptions.Default with { ConfidenceLevel = 0.9 }).Coefficients[0];

        Close(Math.Exp(c.Estimate - (1.6448536269514722 * c.StandardError)), c.Lower);
        Close(Math.Exp(c.Estimate + (1.6448536269514722 * c.StandardError)), c.Upper);
    }

    /// <summary>Collects, at each event time, x̄ over those at risk without the event, their Σx²·r/Σr, and the deaths' share of the risk.</summary>
    private readonly struct MeansVisitor(List<double> values) : CoxRiskSets.IVisitor
    {
        public List<double> Values { get; } = values;

        public void Event(CoxRiskSets sets, double time)
        {
            Values.Add(sets.Sum[0] / sets.Denominator);
            Values.Add(sets.Squares[0] / sets.Denominator);
            Values.Add(sets.DeathDenominator / (sets.Denominator + sets.DeathDenominator));
            sets.Denominator += sets.DeathDenominator;
            sets.Sum[0] += sets.DeathSum[0];
            sets.Squares[0] += sets.DeathSquares[0];
        }
    }

    private static void Close(double expected, double actual, double tolerance = Exact) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
