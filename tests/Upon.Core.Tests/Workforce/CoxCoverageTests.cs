using System;
using System.Collections.Generic;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The confidence interval of a hazard ratio has the coverage it claims: with a covariate independent of the exit times,
/// the 95% interval covers 1 in about 95% of simulated data sets. Checked over a fixed set of 1,000 seeds, so the result
/// never changes from run to run; the bounds are the binomial's 95 ± 3 standard deviations.
/// </summary>
public sealed class CoxCoverageTests
{
    private const int Seeds = 1000;

    [Theory]
    [InlineData(CoxTies.Efron, false)]
    [InlineData(CoxTies.Breslow, false)]
    [InlineData(CoxTies.Efron, true)]
    public void AnIndependentCovariate_HasAHazardRatioWhoseIntervalCoversOne_AboutNineteenTimesInTwenty(CoxTies ties, bool robust)
    {
        int covered = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            CoxCoefficient coefficient = ProportionalHazards.Fit(Simulate(seed, robust), CoxOptions.Default with { Ties = ties }).Coefficients[0];
            covered += coefficient.Lower <= 1 && 1 <= coefficient.Upper ? 1 : 0;
        }

        // 950 expected; the binomial's standard deviation is 6.9.
        Assert.InRange(covered, 929, 971);
    }

    [Fact]
    public void ACovariateThatDoublesTheHazard_IsFoundMostOfTheTime()
    {
        // The same simulation with a real effect: the interval leaves out 1 in most data sets (the test has power),
        // and covers the true ratio in about 95%.
        int excludesOne = 0;
        int coversTwo = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            CoxCoefficient coefficient = ProportionalHazards.Fit(Simulate(seed, robust: false, hazardRatio: 2)).Coefficients[0];
            excludesOne += coefficient.Lower > 1 ? 1 : 0;
            coversTwo += coefficient.Lower <= 2 && 2 <= coefficient.Upper ? 1 : 0;
        }

        Assert.True(excludesOne > 900, $"Only {excludesOne} of {Seeds} intervals left out 1.");
        Assert.InRange(coversTwo, 929, 971);
    }

    /// <summary>
    /// 300 tenures in whole months (so that exits tie), exponential with a mean of 30 months, a binary covariate drawn
    /// independently, censoring at a uniform time up to 60 months, a third of them entering late; with
    /// <paramref name="robust"/> the DCSs come in pairs sharing a cluster.
    /// </summary>
    private static List<CoxRecord> Simulate(int seed, bool robust, double hazardRatio = 1)
    {
        Random random = new(seed);
        List<CoxRecord> records = [];
        for (int i = 0; i < 300; i++)
        {
            double x = random.Next(2);
            double rate = Math.Pow(hazardRatio, x) / 30;
            double exit = Math.Ceiling(-Math.Log(1 - random.NextDouble()) / rate);
            double censor = Math.Ceiling(random.NextDouble() * 60);
            double entry = random.Next(3) == 0 ? random.Next(0, 12) : 0;
            double stop = Math.Min(exit, censor);
            if (stop <= entry)
            {
                continue;
            }

            records.Add(new CoxRecord(entry, stop, exit <= censor, [x], cluster: robust ? (i / 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        }

        return records;
    }
}
