using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>
/// The one link the synthetic sector plants between Ofsted judgements and tenure: the hazard of leaving within 12 months
/// of an inadequate judgement is <see cref="SyntheticWorkforce.InadequateJudgementHazardRatio"/> times the hazard
/// otherwise, and a Cox model recovers it within its confidence interval, for the default seed and for a fixed set of
/// others.
/// </summary>
public sealed class SyntheticPlantedEffectTests
{
    private static readonly DateInterval Coverage = new(SyntheticWorkforce.CoverageStart, SyntheticWorkforce.CoverageEnd);

    [Fact]
    public void TheDefaultSector_GivesAHazardRatioWhoseIntervalHoldsTheRatioPlanted_AndNotOne()
    {
        CoxCoefficient effect = Fit(SyntheticWorkforce.Default);

        Assert.InRange(SyntheticWorkforce.InadequateJudgementHazardRatio, effect.Lower, effect.Upper);
        Assert.True(effect.Lower > 1, $"The interval {effect.Lower:0.00} to {effect.Upper:0.00} holds 1.");
    }

    [Fact]
    public void TwentyNineOtherSeeds_EachHoldTheRatioInTheirInterval_AndAverageNearIt()
    {
        List<CoxCoefficient> effects = [.. Enumerable.Range(1, 29).Select(seed => Fit(SyntheticWorkforce.Generate(seed)))];

        Assert.All(effects, e => Assert.InRange(SyntheticWorkforce.InadequateJudgementHazardRatio, e.Lower, e.Upper));
        double geometricMean = Math.Exp(effects.Average(e => e.Estimate));
        Assert.InRange(geometricMean, 1.8, 2.2);
    }

    [Fact]
    public void InadequateJudgements_KeepTheirShare_AndOnlyDcssWhoLeftWithinAYearOfOneAreSaidToHaveLeftAfterIt()
    {
        SyntheticWorkforce sector = SyntheticWorkforce.Default;
        double share = sector.Judgements.Count(j => j.Grade == OfstedGrade.Inadequate) / (double)sector.Judgements.Length;
        Assert.InRange(share, 0.13, 0.17);

        OfstedJudgements judgements = new(sector.Judgements);
        HolderSpell[] after = [.. HolderSpells.Of(sector.Appointments).Where(s => s.ExitReason == ExitReason.LeftAfterInadequateJudgement)];
        Assert.NotEmpty(after);
        Assert.All(after, s => Assert.Contains(
            judgements.For(s.AuthorityCode),
            j => j.Grade == OfstedGrade.Inadequate && j.Date <= s.End && s.End < j.Date.PlusMonths(SyntheticWorkforce.InadequateJudgementWindowMonths)));
    }

    private static CoxCoefficient Fit(SyntheticWorkforce sector)
    {
        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(
            sector.Appointments,
            Coverage,
            [TenureCovariate.RecentJudgement("inadequate-12m", new OfstedJudgements(sector.Judgements), OfstedGrade.Inadequate, Period.FromMonths(SyntheticWorkforce.InadequateJudgementWindowMonths))],
            lookThroughInterim: true);
        return ProportionalHazards.Fit(records, CoxOptions.Default with { Robust = true }).Coefficients[0];
    }
}
