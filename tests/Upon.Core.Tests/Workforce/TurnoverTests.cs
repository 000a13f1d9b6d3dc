using System;
using System.Linq;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>A worked example of turnover, stability and tenure, and argument checks.</summary>
public sealed class TurnoverTests
{
    private static readonly AuthorityRegister Register = new(
    [
        new Authority("A", "Northshire", "North East", new LocalDate(2000, 1, 1)),
        new Authority("B", "Southshire", "South East", new LocalDate(2000, 1, 1)),
        new Authority("C", "Eastshire", "East of England", new LocalDate(2000, 1, 1), new LocalDate(2022, 3, 31)),
        new Authority("D", "Newshire", "East of England", new LocalDate(2021, 1, 1)),
        new Authority("X", "Oldshire", "North West", new LocalDate(2000, 1, 1), new LocalDate(2019, 3, 31)),
    ]);

    private static readonly Appointment[] Appointments =
    [
        new("A", "a1", new LocalDate(2015, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Permanent),
        new("A", "a2", new LocalDate(2020, 7, 1), new LocalDate(2020, 12, 31), AppointmentKind.Interim),
        new("A", "a2", new LocalDate(2021, 1, 1), null, AppointmentKind.Permanent),
        new("B", "b1", new LocalDate(2018, 5, 1), null, AppointmentKind.Permanent),
        new("C", "c1", new LocalDate(2016, 1, 1), new LocalDate(2020, 9, 30), AppointmentKind.Permanent),
        new("C", "c2", new LocalDate(2020, 10, 1), new LocalDate(2020, 11, 30), AppointmentKind.Acting),
        new("C", "c3", new LocalDate(2020, 12, 1), null, AppointmentKind.Permanent),
        new("X", "x1", new LocalDate(2020, 5, 1), null, AppointmentKind.Permanent),
    ];

    [Fact]
    public void FinancialYear2020_CountsEveryChangeOfHolder()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(new DateInterval(new LocalDate(2020, 4, 1), new LocalDate(2021, 3, 31)), turnover.Period);
        Assert.Equal(4, turnover.AuthorityCount); // A, B, C and D (from 1 January 2021); X left before
        Assert.Equal(3, turnover.Changes); // a2 (interim, then confirmed: one spell), c2, c3
        Assert.Equal(2, turnover.AuthoritiesWithChange);
        Assert.Equal(1, turnover.ChangesOutsideRegister); // x1: X is not in force
        Assert.Equal(0.75, turnover.ChangeRate);
        Assert.Equal(0.5, turnover.AuthorityChangeRate);
        Assert.Equal(new StabilityIndex(new LocalDate(2020, 3, 31), new LocalDate(2021, 3, 31), 3, 1), turnover.Stability);
        Assert.Equal(1.0 / 3, turnover.Stability.Value);
    }

    [Fact]
    public void FinancialYear2020_LookingThroughInterims_CountsPermanentHoldersOnly()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, TurnoverPeriods.FinancialYear(2020), lookThroughInterim: true);

        Assert.Equal(2, turnover.Changes); // a2's spell includes a permanent appointment; c2 was acting only
        Assert.Equal(2, turnover.AuthoritiesWithChange);
        Assert.True(turnover.LookThroughInterim);
    }

    [Fact]
    public void ByFinancialYear_IsTheSeriesOfSingleYears()
    {
        var series = Turnover.ByFinancialYear(Appointments, Register, 2019, 2021);

        Assert.Equal(3, series.Length);
        Assert.Equal([0, 3, 0], [series[0].Changes, series[1].Changes, series[2].Changes]);
        Assert.Equal(TurnoverPeriods.FinancialYear(2021), series[2].Period);
    }

    [Fact]
    public void TenureMeasures_OfTheExample()
    {
        Assert.Equal(new TenureSummary(3, 3804 / 3.0, 1735), TenureMeasures.CompletedTenures(Appointments, TurnoverPeriods.FinancialYear(2020)));
        TenureSummary inPost = TenureMeasures.TimeInPost(Appointments, new LocalDate(2021, 3, 31));
        Assert.Equal(new TenureSummary(4, (274 + 1066 + 121 + 335) / 4.0, (274 + 335) / 2.0), inPost); // a2, b1, c3 and x1
        Assert.Equal(449 / TenureMeasures.DaysPerMonth, inPost.MeanMonths);

        var records = TenureMeasures.TenureRecords(Appointments, TurnoverPeriods.FinancialYear(2020));
        Assert.Contains(new TenureRecord(1917, 2008, true), records); // a1: served 1,917 days before the window, left on day 2,008
        Assert.Contains(new TenureRecord(701, 1066, false), records); // b1: still in post on 31 March 2021
        Assert.Equal(7, records.Count);
        Assert.Equal(7, TenureMeasures.KaplanMeierTenure(Appointments, TurnoverPeriods.FinancialYear(2020)).RecordCount);
    }

    [Fact]
    public void SteadyState_ThirtyMonthsIsFourChangesInTenAuthoritiesAYear()
    {
        Assert.Equal(0.4, TenureMeasures.SteadyStateYearlyChangeRate(30 * TenureMeasures.DaysPerMonth), 12);
        Assert.Equal(30 * TenureMeasures.DaysPerMonth, TenureMeasures.SteadyStateMeanTenureDays(0.4), 9);
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => TenureMeasures.SteadyStateYearlyChangeRate(0));
        Assert.Equal("meanTenureDays", error.ParamName);
        Assert.StartsWith("The value must be finite and above 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_HaveTheirDocumentedBounds()
    {
        Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2020, 12, 31)), TurnoverPeriods.CalendarYear(2020));
        Assert.Equal(new DateInterval(new LocalDate(2020, 7, 1), new LocalDate(2021, 6, 30)), TurnoverPeriods.Rolling12Months(new LocalDate(2021, 6, 30)));
        Assert.Equal(new DateInterval(new LocalDate(2020, 2, 29), new LocalDate(2021, 2, 28)), TurnoverPeriods.Rolling12Months(new LocalDate(2021, 2, 28)));
        Assert.Equal(TurnoverPeriods.FinancialYear(2020), TurnoverPeriods.FinancialYearContaining(new LocalDate(2021, 3, 31)));
        Assert.Equal(TurnoverPeriods.FinancialYear(2021), TurnoverPeriods.FinancialYearContaining(new LocalDate(2021, 4, 1)));
        Assert.Equal("startYear", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.FinancialYear(9999)).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.CalendarYear(0)).ParamName);
    }

    [Fact]
    public void Register_FindsAndFiltersByPeriod_AndRefusesDuplicates()
    {
        Assert.Equal("Newshire", Register.Find("D")!.Name);
        Assert.Null(Register.Find("Q"));
        Assert.Equal(["A", "B", "C", "X"], Register.InForceDuring(TurnoverPeriods.FinancialYear(2018)).Select(a => a.Code));
        Assert.Equal(["A", "B", "C", "D"], Register.InForceDuring(TurnoverPeriods.FinancialYear(2020)).Select(a => a.Code));
        ArgumentException duplicate = Assert.Throws<ArgumentException>(() => new AuthorityRegister([Register.Authorities[0], Register.Authorities[0]]));
        Assert.Equal("authorities", duplicate.ParamName);
        Assert.Equal("Authorities 0 and 1 have the same code. (Parameter 'authorities')", duplicate.Message);
    }

    [Fact]
    public void Appointment_BadArguments_AreRefused()
    {
        LocalDate start = new(2020, 1, 2);
        ArgumentOutOfRangeException end = Assert.Throws<ArgumentOutOfRangeException>(() => new Appointment("A", "h", start, start.PlusDays(-1), AppointmentKind.Permanent));
        Assert.Equal("end", end.ParamName);
        Assert.StartsWith("An appointment's last day cannot be before its first day.", end.Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException kind = Assert.Throws<ArgumentOutOfRangeException>(() => new Appointment("A", "h", start, null, (AppointmentKind)0));
        Assert.Equal("kind", kind.ParamName);
        Assert.StartsWith("The appointment kind must be Permanent, Interim or Acting.", kind.Message, StringComparison.Ordinal);
        Assert.Equal("authorityCode", Assert.Throws<ArgumentException>(() => new Appointment("", "h", start, null, AppointmentKind.Permanent)).ParamName);
        Assert.Equal("holderId", Assert.Throws<ArgumentNullException>(() => new Appointment("A", null!, start, null, AppointmentKind.Permanent)).ParamName);
        ArgumentOutOfRangeException to = Assert.Throws<ArgumentOutOfRangeException>(() => new Authority("A", "N", "R", start, start.PlusDays(-1)));
        Assert.Equal("effectiveTo", to.ParamName);
        Assert.StartsWith("An authority cannot leave the register before it joins it.", to.Message, StringComparison.Ordinal);
        Assert.True(new Appointment("A", "h", start, start, AppointmentKind.Acting).IsInPostOn(start));
    }
}
