using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Upon.Cli.Commands;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>The report types of <c>upon turnover</c> and <c>upon tenure</c>: made from the measures, serialised as the tool writes them.</summary>
public sealed class WorkforceReportTests
{
    private static readonly SyntheticWorkforce Workforce = SyntheticWorkforce.Default;

    [Fact]
    public void TurnoverReportPeriod_Of_CopiesEveryFigure()
    {
        Turnover turnover = Turnover.Measure(Workforce.Appointments, Workforce.Register, TurnoverPeriods.FinancialYear(2019));

        TurnoverReportPeriod period = TurnoverReportPeriod.Of("2019/20", turnover);

        Assert.Equal(
            new TurnoverReportPeriod(
                "2019/20",
                turnover.Period,
                turnover.AuthorityCount,
                turnover.Changes,
                turnover.AuthoritiesWithChange,
                turnover.ChangesOutsideRegister,
                turnover.ChangeRate,
                turnover.AuthorityChangeRate,
                new TurnoverReportStability(turnover.Stability.From, turnover.Stability.To, turnover.Stability.Eligible, turnover.Stability.Stable, turnover.Stability.Value),
                new TurnoverReportOrigins(turnover.HistoryFrom, turnover.Origins.FirstTime, turnover.Origins.Moves, turnover.Origins.Returns, turnover.Origins.Unknown),
                turnover.NewPermanent,
                turnover.InterimAppointments),
            period);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => TurnoverReportPeriod.Of(null!, turnover)).ParamName);
        Assert.Equal("turnover", Assert.Throws<ArgumentNullException>(() => TurnoverReportPeriod.Of("x", null!)).ParamName);
    }

    [Fact]
    public void TenureReportGroup_FromCurve_GivesMonths_AndOnlyTheTimesTheCurveReaches()
    {
        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(Workforce.Appointments, new DateInterval(new LocalDate(2010, 4, 1), new LocalDate(2023, 3, 31)));

        TenureReportGroup group = TenureReportGroup.FromCurve("all", curve, 60);

        Assert.Equal(curve.RecordCount, group.Records);
        Assert.Equal(curve.EventCount, group.Events);
        Assert.Equal([12.0, 24, 36], group.Survival!.Select(s => s.Months));
        Assert.Equal(curve.SurvivalAt(24 * TenureMeasures.DaysPerMonth)!.Value.Survival, group.Survival![1].Survival);
        Assert.Equal(curve.Median.Estimate / TenureMeasures.DaysPerMonth, group.Median!.Months);
        Assert.Equal(curve.RestrictedMeanTo(60 * TenureMeasures.DaysPerMonth).Mean / TenureMeasures.DaysPerMonth, group.RestrictedMean!.Months);
        Assert.Null(group.Count);
        Assert.Equal("horizonMonths", Assert.Throws<ArgumentOutOfRangeException>(() => TenureReportGroup.FromCurve("all", curve, 0)).ParamName);
    }

    [Fact]
    public void TenureReportGroup_FromAnEmptyCurve_HasNoRestrictedMean_AndFromASummaryOnlyItsCounts()
    {
        KaplanMeierCurve empty = TenureMeasures.KaplanMeierTenure([], new DateInterval(new LocalDate(2010, 4, 1), new LocalDate(2011, 3, 31)));
        TenureSummary summary = TenureMeasures.TimeInPost(Workforce.Appointments, new LocalDate(2020, 3, 31));

        Assert.Null(TenureReportGroup.FromCurve("none", empty, 60).RestrictedMean);
        Assert.Equal(new TenureReportGroup("all", summary.Count, summary.MeanMonths, summary.MedianMonths, null, null, null, null, null), TenureReportGroup.FromSummary("all", summary));
    }

    [Fact]
    public void Reports_SerialisedWithTheLibrarysContext_AreTheToolsJson()
    {
        ImmutableArray<Turnover> turnovers = Turnover.ByFinancialYear(Workforce.Appointments, Workforce.Register, 2017, 2020);
        WorkforceInputSummary input = new("register.csv", new WorkforceRecordCounts(10, 8, 2, 0), [new WorkforceProblemRecord(3, [new DocumentProblem("$.start", "value.format", "Not a date.")])]);
        TurnoverReport turnover = new("financial-year", new LocalDate(2023, 3, 31), true, input, [.. turnovers.Select(t => TurnoverReportPeriod.Of(TurnoverSeries.Label(YearBasis.Financial, t.Period.Start.Year), t))], TurnoverSeries.Notes(turnovers));
        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(Workforce.Appointments, new DateInterval(new LocalDate(2010, 4, 1), new LocalDate(2023, 3, 31)));
        TenureReport tenure = new("km", new LocalDate(2023, 3, 31), null, curve.RecordCount > 0 ? new DateInterval(new LocalDate(2010, 4, 1), new LocalDate(2023, 3, 31)) : null, true, null, 60, input, [TenureReportGroup.FromCurve("all", curve, 60)], new TenureReportLogRank(1.5, 1, 0.22));
        JsonSerializerOptions library = UponJson.CreateOptions(writeIndented: true);
        library.TypeInfoResolverChain.Add(UponJsonContext.Default);

        string turnoverJson = JsonSerializer.Serialize(turnover, library);
        string tenureJson = JsonSerializer.Serialize(tenure, library);

        Assert.Equal(JsonSerializer.Serialize(turnover, WorkforceReportJsonContext.Indented.TurnoverReport), turnoverJson);
        Assert.Equal(JsonSerializer.Serialize(tenure, WorkforceReportJsonContext.Indented.TenureReport), tenureJson);
        Assert.Contains("\"changesOutsideRegister\": ", turnoverJson, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"2017-04-01\"", turnoverJson, StringComparison.Ordinal);
        Assert.Contains("\"problems\": [", turnoverJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"on\":", tenureJson, StringComparison.Ordinal);
        Assert.Contains("\"restrictedMean\": {", tenureJson, StringComparison.Ordinal);
    }
}
