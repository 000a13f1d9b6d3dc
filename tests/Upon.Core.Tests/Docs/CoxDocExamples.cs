using System.Collections.Generic;
using System.Linq;
using NodaTime;
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

    [Fact]
    public void CoxWithJudgementsExample()
    {
        // begin-snippet: workforce-cox-judgements
        // The synthetic sector of Upon.Core.Testing, 2008/09 to 2023/24, with its Ofsted judgements. It is SYNTHETIC, and
        // plants one effect: the hazard of leaving within 12 months of an inadequate judgement is twice the hazard otherwise.
        SyntheticWorkforce sector = SyntheticWorkforce.Default;
        OfstedJudgements judgements = new(sector.Judgements);
        DateInterval coverage = new(new LocalDate(2008, 4, 1), new LocalDate(2024, 3, 31));

        // "An inadequate judgement of the authority in the last 12 months": on from the day a judgement is published, off
        // a year later, so it switches on and off during a tenure. CoxRecords cuts each tenure where it changes (R's tmerge).
        TenureCovariate recent = TenureCovariate.RecentJudgement("inadequate-12m", judgements, OfstedGrade.Inadequate, Period.FromMonths(12));
        TenureCovariate moved = TenureCovariate.Fixed("moved", spell => spell.HeldPostElsewhereBefore ? 1 : 0);
        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(sector.Appointments, coverage, [recent, moved], lookThroughInterim: true);
        Assert.Equal(800, records.Count);                 // 686 tenures, 114 of them cut where the covariate changes
        Assert.Equal(555, records.Count(r => r.IsEvent)); // each tenure that ended, on its last record

        // Every record of a tenure carries its holder as the cluster: the robust variance treats each person as one subject.
        CoxFit fit = ProportionalHazards.Fit(records, CoxOptions.Default with { CovariateNames = ["inadequate-12m", "moved"] });
        CoxCoefficient inadequate = fit.Coefficients[0];
        Assert.Equal(1.841, inadequate.HazardRatio, 3);   // the planted 2, within the interval
        Assert.Equal(1.278, inadequate.Lower, 3);
        Assert.Equal(2.653, inadequate.Upper, 3);
        Assert.Equal(1.043, fit.Coefficients[1].HazardRatio, 3); // having moved from another authority: no effect planted, none found
        Assert.True(fit.TestProportionalHazards().Global.PValue > 0.05); // no sign that the ratios drift with time in post
        // end-snippet
    }
}
