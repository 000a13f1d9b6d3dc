using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>What the workforce types print: what they are and their figures, not their type names.</summary>
public sealed class WorkforceToStringTests
{
    // The maintained group of R's aml data: survfit gives n 11, events 7, median 31, 0.95LCL 18, 0.95UCL NA.
    private static readonly TenureRecord[] Maintained =
        [new(9, true), new(13, true), new(13, false), new(18, true), new(23, true), new(28, false), new(31, true), new(34, true), new(45, false), new(48, true), new(161, false)];

    [Fact]
    public void KaplanMeierCurve_SaysNEventsAndTheMedianWithItsLimits_AsRPrintsASurvfit()
    {
        Assert.Equal("Kaplan–Meier curve: n = 11, events = 7, median = 31 (95% CI 18 to NA, log)", KaplanMeier.Fit(Maintained).ToString());
        Assert.Equal("Kaplan–Meier curve: n = 0, events = 0, median = NA (90% CI NA to NA, log-log)", KaplanMeier.Fit([], ConfidenceIntervalType.LogLog, 0.9).ToString());
    }

    [Fact]
    public void LogRankTest_AndStratifiedCurves_SayTheTestsFigures()
    {
        (string, TenureRecord)[] records = [.. Maintained.Select(r => ("a", r)), .. Maintained.Select(r => ("b", new TenureRecord(r.Exit * 2, r.IsEvent)))];
        LogRankTest<string> test = LogRank.Compare(records);
        StratifiedKaplanMeier<string> strata = KaplanMeier.FitBy(records);

        Assert.Equal(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Log-rank test of 2 groups: chi-square = {test.ChiSquare:G3} on 1 degrees of freedom, p = {test.PValue:G3}"),
            test.ToString());
        Assert.Equal($"Kaplan–Meier curves of 2 groups: n = 22; {test}", strata.ToString());
    }

    [Fact]
    public void Turnover_SaysThePeriodChangesAndRates()
    {
        SyntheticWorkforce workforce = SyntheticWorkforce.Default;
        Turnover turnover = Turnover.Measure(workforce.Appointments, workforce.Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(
            "2020-04-01 to 2021-03-31: 39 changes in 34 of 151 authorities; change rate 25.8%, authority change rate 22.5%, "
                + $"stability {(turnover.Stability.Value!.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%",
            turnover.ToString());
        Assert.EndsWith(
            "0 changes in 0 of 0 authorities; change rate -, authority change rate -, stability -",
            Turnover.Measure([], new AuthorityRegister([]), TurnoverPeriods.CalendarYear(2020)).ToString(),
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void TurnoverSeries_SaysItsYearsAndTheMissingOnes()
    {
        Assert.Equal(
            "Turnover series by financial year, 2013/14 to 2023/24: 11 years, 2 without a value (2014/15, 2021/22)",
            PublishedTurnoverFigures.Series(TurnoverMeasure.Changes).ToString());
        Assert.Equal("Turnover series by calendar year: empty", TurnoverSeries.FromValues(YearBasis.Calendar, []).ToString());
        Assert.Equal("Turnover series by calendar year, 2020 to 2020: 1 year", TurnoverSeries.FromValues(YearBasis.Calendar, [new(2020, 0.5)]).ToString());
    }
}
