using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The words a Cox fit gives people, in full: the warning for a covariate left out as singular, naming its number and
/// name (R's words, then why), and the one-line summary of <see cref="CoxFit.ToString"/> (as R's <c>print(fit)</c> ends).
/// The golden tests check which warnings a fit gives; these check what they say.
/// </summary>
public sealed class CoxMessageTests
{
    /// <summary>Six tenures, some ending in a change; <c>age</c> varies, <c>copy</c> is <c>age</c> again.</summary>
    private static readonly CoxRecord[] Records =
    [
        new(2, true, [1.0, 1.0]),
        new(3, true, [0.0, 0.0]),
        new(4, false, [1.0, 1.0]),
        new(5, true, [1.0, 1.0]),
        new(6, false, [0.0, 0.0]),
        new(7, true, [0.0, 0.0]),
    ];

    [Fact]
    public void ACovariateThatIsAnotherOneAgain_IsLeftOut_WithRsWarningNamingIt()
    {
        CoxFit fit = ProportionalHazards.Fit(Records, new CoxOptions { CovariateNames = ImmutableArray.Create("age", "copy") });

        Assert.Equal(
            "X matrix deemed to be singular; variable 2 (copy): the covariate does not vary within the risk sets, or is a linear combination of others; it has no coefficient (R's NA) and is left out of the tests.",
            Assert.Single(fit.Warnings));
        Assert.Equal([false, true], fit.Coefficients.Select(c => c.IsAliased));
    }

    [Fact]
    public void TheSummary_IsRsLastLine_InTheInvariantCulture()
    {
        CoxFit fit = ProportionalHazards.Fit(Records.Select(r => new CoxRecord(r.Stop, r.IsEvent, [r.Covariates[0]])), new CoxOptions { CovariateNames = ["age"] });

        string expected = string.Create(
            CultureInfo.InvariantCulture,
            $"Cox model, 6 records, 4 events: likelihood ratio test = {fit.LikelihoodRatioTest.ChiSquare:F2} on 1 df, p = {fit.LikelihoodRatioTest.PValue:0.00e+00}; concordance {fit.Concordance.Value:F3} (se {fit.Concordance.StandardError:F3})");
        Assert.Equal(expected, fit.ToString());
        Assert.Matches(@"^Cox model, 6 records, 4 events: likelihood ratio test = \d+\.\d\d on 1 df, p = \d\.\d\de[+-]\d\d; concordance 0\.\d{3} \(se 0\.\d{3}\)$", fit.ToString());
    }
}
