using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Workforce;
using Xunit.Abstractions;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// Compares Cox models and their tests of proportional hazards with R's <c>coxph</c> and <c>cox.zph</c> (golden files from
/// Golden/survival/make-cox-golden.R): coefficients, standard errors (model-based and robust), variance matrices, hazard ratios and
/// their limits, log-likelihoods, the likelihood-ratio, Wald, score and robust score tests, the concordance and its standard error,
/// and cox.zph's chi-squares, to 1e-6 (absolute for values up to 1 in size, relative above; p-values relative to their size).
/// </summary>
public sealed partial class CoxGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<string> FitNames() => [.. CoxGolden.Fits.Select(r => r["fit"])];

    public static TheoryData<string, string> CoefficientTables()
    {
        TheoryData<string, string> data = [];
        foreach ((string fit, string level) in SurvivalGolden.Rows("cox-coefficients.csv").Select(r => (r["fit"], r["level"])).Distinct())
        {
            data.Add(fit, level);
        }

        return data;
    }

    public static TheoryData<string, string> ZphTables()
    {
        TheoryData<string, string> data = [];
        foreach ((string fit, string transform) in SurvivalGolden.Rows("cox-zph.csv").Select(r => (r["fit"], r["transform"])).Distinct())
        {
            data.Add(fit, transform);
        }

        return data;
    }

    [Fact]
    public void GoldenFiles_CoverTheClassicDataSetsAndTheDcsEdgeCases()
    {
        string[] fits =
        [
            "veteran-efron", "veteran-breslow", "veteran-robust", "veteran-strata", "lung-efron", "lung-breslow", "heart-efron", "heart-breslow",
            "heart-cluster", "dcs-efron", "dcs-breslow", "dcs-nostrata", "dcs-constant", "dcs-constant-robust", "separation", "separation-right",
            "rare", "rare-right", "rare-right-breslow", "heart-iter2", "rare-iter2", "rare-iter3", "lung-collinear", "heart-collinear",
            "rare-iter1", "rare-iter4", "rare-iter5", "rare-right-iter1", "rare-right-iter2", "rare-right-iter3", "rare-right-iter4",
            "rare-right-iter5", "rare-right-iter6",
        ];
        Assert.Equal(fits, CoxGolden.Fits.Select(r => r["fit"]));
        Assert.Equal(34, CoefficientTables().Count);
        Assert.Equal(41, ZphTables().Count);

        // heart is in counting-process form with a time-varying covariate (transplant switches on in a patient's second record).
        List<CoxRecord> heart = CoxGolden.Records("heart", ["transplant"], string.Empty, "id");
        Assert.Contains(heart, r => r.Start > 0);
        Assert.Contains(heart.GroupBy(r => r.Cluster), g => g.Select(r => r.Covariates[0]).Distinct().Count() == 2);

        // The DCS tenures: delayed entry, tied exits, a split tenure, a region with no exits, a covariate that never varies.
        List<CoxRecord> dcs = CoxGolden.Records("dcs", CoxGolden.Covariates(CoxGolden.FitRow("dcs-constant")), "region", "id");
        Assert.Contains(dcs, r => r.Start > 0 && r.Start == dcs.Where(o => o.Cluster == r.Cluster).Min(o => o.Start));
        Assert.Contains(dcs.Where(r => r.IsEvent).GroupBy(r => (r.Stratum, r.Stop)), g => g.Count() > 1);
        Assert.Contains(dcs.GroupBy(r => r.Cluster), g => g.Count() == 2);
        Assert.All(dcs.Where(r => r.Stratum == "east"), r => Assert.False(r.IsEvent));
        Assert.Contains(dcs, r => r.Stratum == "east");
        Assert.Single(dcs.Select(r => r.Covariates[3]).Distinct());

        // Separation: every exit is of an acting DCS.
        Assert.All(CoxGolden.Records(CoxGolden.FitRow("separation")).Where(r => r.IsEvent), r => Assert.Equal(1.0, r.Covariates[0]));

        // Collinear covariates: agesex is age + 10·sex in every record of lung, and ageyear is age − 2·year in every record of heart.
        Assert.All(CoxGolden.Records(CoxGolden.FitRow("lung-collinear")), r => Assert.Equal(r.Covariates[0] + (10 * r.Covariates[2]), r.Covariates[1]));
        Assert.All(CoxGolden.Records(CoxGolden.FitRow("heart-collinear")), r => Assert.Equal(r.Covariates[0] - (2 * r.Covariates[1]), r.Covariates[2]));
    }

    [Theory]
    [MemberData(nameof(FitNames))]
    public void Fit_MatchesCoxph(string name)
    {
        Dictionary<string, string> row = CoxGolden.FitRow(name);
        CoxFit fit = CoxGolden.Fit(row);
        List<double> differences = [];

        Assert.Equal(int.Parse(row["n"], CultureInfo.InvariantCulture), fit.RecordCount);
        Assert.Equal(int.Parse(row["nevent"], CultureInfo.InvariantCulture), fit.EventCount);
        Assert.Equal(int.Parse(row["iter"], CultureInfo.InvariantCulture), fit.Iterations);
        // R warns that the iterations ran out only when iter.max is above 1; the fits with a limit of 1 have not converged either.
        bool ranOut = row["warnings"].Contains("Ran out of iterations", StringComparison.Ordinal);
        Assert.Equal(!ranOut && row["iter.max"] != "1", fit.Converged);
        Assert.Equal(ranOut, fit.Warnings.Contains("Ran out of iterations and did not converge."));
        Assert.Equal(row["robust"] == "TRUE", fit.IsRobust);
        differences.Add(CoxGolden.Close(row["loglik0"], fit.LogLikelihoodNull, name + " loglik0"));
        differences.Add(CoxGolden.Close(row["loglik"], fit.LogLikelihood, name + " loglik"));
        differences.AddRange(Test(row, "lr", fit.LikelihoodRatioTest, name));
        differences.AddRange(Test(row, "wald", fit.WaldTest, name));
        differences.AddRange(Test(row, "score", fit.ScoreTest, name));
        if (row["rscore"] == "NA")
        {
            Assert.Null(fit.RobustScoreTest);
        }
        else
        {
            Assert.NotNull(fit.RobustScoreTest);
            differences.AddRange(Test(row, "rscore", fit.RobustScoreTest.Value, name));
        }

        CoxConcordance concordance = fit.Concordance;
        Assert.Equal(long.Parse(row["concordant"], CultureInfo.InvariantCulture), concordance.Concordant);
        Assert.Equal(long.Parse(row["discordant"], CultureInfo.InvariantCulture), concordance.Discordant);
        Assert.Equal(long.Parse(row["tied.x"], CultureInfo.InvariantCulture), concordance.TiedOnRisk);
        Assert.Equal(long.Parse(row["tied.y"], CultureInfo.InvariantCulture), concordance.TiedOnTime);
        Assert.Equal(long.Parse(row["tied.xy"], CultureInfo.InvariantCulture), concordance.TiedOnBoth);
        differences.Add(CoxGolden.Close(row["concordance"], concordance.Value, name + " concordance"));
        differences.Add(CoxGolden.Close(row["concordance.se"], concordance.StandardError, name + " concordance se"));

        // R's warnings name the coefficients that may be infinite; the fit flags the same ones and warns of them in R's words.
        int[] flagged = [.. VariableList().Matches(row["warnings"]).SelectMany(m => m.Groups[1].Value.Split(',')).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
        Assert.Equal(flagged, fit.Coefficients.Select((c, i) => (c, i)).Where(p => p.c.MayBeInfinite).Select(p => p.i + 1));
        Assert.Equal(flagged.Length > 0, fit.Warnings.Any(w => w.StartsWith("Loglik converged before variable " + string.Join(",", flagged), StringComparison.Ordinal)));
        Assert.Equal(fit.Coefficients.Any(c => c.IsAliased), fit.Warnings.Any(w => w.StartsWith("X matrix deemed to be singular", StringComparison.Ordinal)));
        Assert.Equal(fit.Warnings.Length, (flagged.Length > 0 ? 1 : 0) + (fit.Coefficients.Any(c => c.IsAliased) ? 1 : 0) + (ranOut ? 1 : 0));

        output.WriteLine($"{name}: largest difference from R {differences.Max():E2}");
    }

    [Theory]
    [MemberData(nameof(CoefficientTables))]
    public void Coefficients_MatchSummary(string name, string level)
    {
        Dictionary<string, string> row = CoxGolden.FitRow(name);
        CoxFit fit = CoxGolden.Fit(row, SurvivalGolden.Number(level));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("cox-coefficients.csv").Where(r => r["fit"] == name && r["level"] == level)];
        List<double> differences = [];

        Assert.Equal(rows.Select(r => r["term"]), fit.Coefficients.Select(c => c.Name));
        for (int i = 0; i < rows.Count; i++)
        {
            Dictionary<string, string> r = rows[i];
            CoxCoefficient c = fit.Coefficients[i];
            string at = $"{name} {c.Name}";
            if (r["coef"] == "NA")
            {
                // R's NA coefficient prints a standard error of 0; here everything about it is NaN.
                Assert.True(c.IsAliased, at);
                Assert.Equal("0", r["se"]);
                Assert.True(double.IsNaN(c.Estimate) && double.IsNaN(c.StandardError) && double.IsNaN(c.HazardRatio) && double.IsNaN(c.Lower) && double.IsNaN(c.Upper), at);
                continue;
            }

            Assert.False(c.IsAliased, at);
            differences.Add(CoxGolden.Close(r["coef"], c.Estimate, at + " coef"));
            differences.Add(CoxGolden.Close(r["hr"], c.HazardRatio, at + " exp(coef)"));
            differences.Add(CoxGolden.Close(r["se"], c.StandardError, at + " se"));
            if (r["robust.se"] == "NA")
            {
                Assert.Null(c.RobustStandardError);
            }
            else
            {
                Assert.NotNull(c.RobustStandardError);
                differences.Add(CoxGolden.Close(r["robust.se"], c.RobustStandardError.Value, at + " robust se"));
            }

            differences.Add(CoxGolden.Close(r["z"], c.Z, at + " z"));
            differences.Add(CoxGolden.ClosePValue(r["p"], c.PValue, at + " p"));
            differences.Add(CoxGolden.Close(r["lower"], c.Lower, at + " lower"));
            differences.Add(CoxGolden.Close(r["upper"], c.Upper, at + " upper"));
        }

        output.WriteLine($"{name} {level}: largest difference from R {differences.Max():E2}");
    }

    [Theory]
    [MemberData(nameof(FitNames))]
    public void Variance_MatchesCoxphVar(string name)
    {
        CoxFit fit = CoxGolden.Fit(CoxGolden.FitRow(name));
        List<double> differences = [];
        foreach (Dictionary<string, string> r in SurvivalGolden.Rows("cox-variance.csv").Where(r => r["fit"] == name))
        {
            int i = int.Parse(r["row"], CultureInfo.InvariantCulture) - 1;
            int j = int.Parse(r["column"], CultureInfo.InvariantCulture) - 1;
            differences.Add(CoxGolden.Close(r["var"], fit.Variance[i][j], $"{name} var[{i},{j}]"));
            differences.Add(CoxGolden.Close(r["naive.var"] == "NA" ? r["var"] : r["naive.var"], fit.NaiveVariance[i][j], $"{name} naive var[{i},{j}]"));
        }

        Assert.Equal(fit.Coefficients.Length * fit.Coefficients.Length * 2, differences.Count);
        output.WriteLine($"{name}: largest difference from R {differences.Max():E2}");
    }

    [Theory]
    [MemberData(nameof(ZphTables))]
    public void ProportionalHazardsTest_MatchesCoxZph(string name, string transform)
    {
        CoxFit fit = CoxGolden.Fit(CoxGolden.FitRow(name));
        ProportionalHazardsTest test = fit.TestProportionalHazards(transform switch
        {
            "km" => CoxTimeTransform.KaplanMeier,
            "identity" => CoxTimeTransform.Identity,
            "rank" => CoxTimeTransform.Rank,
            "log" => CoxTimeTransform.Log,
            _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "Unknown transform."),
        });
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("cox-zph.csv").Where(r => r["fit"] == name && r["transform"] == transform)];
        ProportionalHazardsTerm[] terms = [.. test.Terms, test.Global];
        List<double> differences = [];

        Assert.Equal(rows.Select(r => r["term"]), terms.Select(t => t.Name));
        for (int i = 0; i < rows.Count; i++)
        {
            string at = $"{name} {transform} {terms[i].Name}";
            differences.Add(CoxGolden.Close(rows[i]["chisq"], terms[i].ChiSquare, at + " chisq"));
            Assert.Equal(int.Parse(rows[i]["df"], CultureInfo.InvariantCulture), terms[i].DegreesOfFreedom);
            differences.Add(CoxGolden.ClosePValue(rows[i]["p"], terms[i].PValue, at + " p"));
        }

        output.WriteLine($"{name} {transform}: largest difference from R {differences.Max():E2}");
    }

    private static IEnumerable<double> Test(Dictionary<string, string> row, string test, CoxTest actual, string name)
    {
        Assert.Equal(int.Parse(row[test + ".df"], CultureInfo.InvariantCulture), actual.DegreesOfFreedom);
        yield return CoxGolden.Close(row[test], actual.ChiSquare, $"{name} {test}");
        yield return CoxGolden.ClosePValue(row[test + ".p"], actual.PValue, $"{name} {test} p");
    }

    [GeneratedRegex(@"variable\s+([0-9,]+)")]
    private static partial Regex VariableList();
}
