using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked example of docs/workforce.md's section on Cox proportional hazards: compiled and run here.</summary>
public sealed class CoxDocExamples
{
    [Fact]
    public void CoxExample()
    {
        // begin-snippet: workforce-cox
        // Tenures in months (start, stop], whether the DCS left at the stop, and the covariates [interim, age at appointment].
        // d was already in post when observation began, six months in (delayed entry); l was interim for 20 months, then
        // confirmed: one DCS, two records with different covariates, one cluster.
        List<CoxRecord> tenures =
        [
            new(0, 8, true, [1, 52], cluster: "a"), new(0, 14, true, [0, 58], cluster: "b"), new(0, 14, false, [0, 47], cluster: "c"),
            new(6, 20, true, [1, 50], cluster: "d"), new(0, 27, true, [1, 61], cluster: "e"), new(0, 30, false, [0, 45], cluster: "f"),
            new(12, 36, true, [0, 55], cluster: "g"), new(0, 41, true, [0, 63], cluster: "h"), new(0, 50, false, [1, 49], cluster: "i"),
            new(0, 60, false, [0, 51], cluster: "j"), new(3, 24, true, [1, 57], cluster: "k"), new(0, 20, false, [1, 54], cluster: "l"),
            new(0, 32, true, [0, 44], cluster: "m"), new(20, 45, true, [0, 54], cluster: "l"),
        ];
        CoxFit fit = ProportionalHazards.Fit(tenures, CoxOptions.Default with { CovariateNames = ["interim", "age"] });

        // Efron's ties, as R; the clusters make the variance robust (R's cluster = id).
        CoxCoefficient interim = fit.Coefficients[0];
        Assert.Equal(0.613101199020051, interim.Estimate, 12);            // coef
        Assert.Equal(1.84614780210277, interim.HazardRatio, 12);          // exp(coef): 85% more likely to leave at any time
        Assert.Equal(0.725505187548085, interim.StandardError, 12);       // se(coef)
        Assert.Equal(0.638890486376605, interim.RobustStandardError!.Value, 12);
        Assert.Equal(0.527766596895647, interim.Lower, 12);               // lower .95, from the robust standard error
        Assert.Equal(6.45789583360615, interim.Upper, 12);                // the interval covers 1: no evidence of a difference

        Assert.Equal(1.73, fit.LikelihoodRatioTest.ChiSquare, 2);         // Likelihood ratio test = 1.73 on 2 df
        Assert.Equal(0.122771198370, fit.WaldTest.PValue, 10);            // Wald test = 4.19 (robust), p = 0.123
        Assert.Equal(0.15000357461, fit.RobustScoreTest!.Value.PValue, 10);
        Assert.Equal(0.616666666666667, fit.Concordance.Value, 12);       // Concordance = 0.617
        Assert.Equal(0.0698543458177774, fit.Concordance.StandardError, 12);  // the clusters count here too

        // cox.zph(fit): no sign that either hazard ratio drifts with time.
        ProportionalHazardsTest zph = fit.TestProportionalHazards();
        Assert.Equal(["interim", "age"], zph.Terms.Select(t => t.Name));
        Assert.Equal(0.262034972393248, zph.Terms[0].PValue, 12);
        Assert.Equal(0.279242444840088, zph.Terms[1].PValue, 12);
        Assert.Equal(0.403648726945710, zph.Global.PValue, 12);
        // end-snippet
    }
}
