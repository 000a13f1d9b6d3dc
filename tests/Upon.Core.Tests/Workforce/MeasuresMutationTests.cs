using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The turnover and tenure measures' edges that mutation testing found untested: the argument checks (their order,
/// parameter names and messages), the stability index on the period's last day, the running latest end, the years a
/// series takes, the notes of a run of exactly three years, the months of a tenure report, and the small helpers
/// (published rates without authorities, recent exit reason codes, white space beyond ASCII, a JSON read that stops).
/// </summary>
public sealed class MeasuresMutationTests
{
    /// <summary>Authority A, in force from 2000 on.</summary>
    private static readonly AuthorityRegister Register = new([new Authority("A", "Northshire", "North East", new LocalDate(2000, 1, 1))]);

    private static readonly DateInterval Window = new(new LocalDate(2015, 4, 1), new LocalDate(2023, 3, 31));

    /// <summary>Two holders of A, the first leaving (retired) in the window, the second still in post.</summary>
    private static readonly Appointment[] Appointments =
    [
        new("A", "a1", new LocalDate(2010, 1, 1), new LocalDate(2018, 6, 30), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired },
        new("A", "a2", new LocalDate(2018, 7, 1), null, AppointmentKind.Permanent),
    ];

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Appointment A(string holder, LocalDate start, LocalDate? end) => new("A", holder, start, end, AppointmentKind.Permanent);

    // Turnover.cs:116 (the appointments are checked first, before the register)
    [Fact]
    public void Measure_WithEveryArgumentNull_NamesTheAppointmentsFirst()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Turnover.Measure(null!, null!, null!));

        Assert.Equal("appointments", thrown.ParamName);
    }

    // Turnover.cs:117
    [Fact]
    public void Measure_WithoutARegister_NamesTheRegister()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Turnover.Measure(Appointments, null!, TurnoverPeriods.FinancialYear(2020)));

        Assert.Equal("register", thrown.ParamName);
    }

    // Turnover.cs:118 (without appointments, the period's start would be the history's first day)
    [Fact]
    public void Measure_WithoutAPeriod_NamesThePeriod()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Turnover.Measure([], Register, null!));

        Assert.Equal("period", thrown.ParamName);
    }

    // Turnover.cs:135
    [Fact]
    public void ByFinancialYear_WithEveryArgumentNull_NamesTheAppointmentsFirst()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Turnover.ByFinancialYear(null!, null!, 2020, 2020));

        Assert.Equal("appointments", thrown.ParamName);
    }

    // Turnover.cs:136
    [Fact]
    public void ByFinancialYear_WithoutARegister_NamesTheRegister()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Turnover.ByFinancialYear([], null!, 2020, 2020));

        Assert.Equal("register", thrown.ParamName);
    }

    // Turnover.cs:137, 138
    [Theory]
    [InlineData(0, 2020, "firstStartYear")]
    [InlineData(2020, 9999, "lastStartYear")]
    public void ByFinancialYear_AYearOutOfRange_NamesItsOwnParameter(int first, int last, string parameter)
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Turnover.ByFinancialYear([], Register, first, last));

        Assert.Equal(parameter, thrown.ParamName);
    }

    // Turnover.cs:139
    [Fact]
    public void ByFinancialYear_LastYearBeforeTheFirst_IsRefused()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Turnover.ByFinancialYear([], Register, 2021, 2020));

        Assert.Equal("lastStartYear", thrown.ParamName);
    }

    // Turnover.cs:195
    [Fact]
    public void Stability_OfAHolderLeavingOnThePeriodsLastDay_CountsThePostAsStable()
    {
        Turnover turnover = Turnover.Measure([A("a1", D(2015, 1, 1), D(2021, 3, 31))], Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(new StabilityIndex(D(2020, 3, 31), D(2021, 3, 31), 1, 1), turnover.Stability);
    }

    // Turnover.cs:234 (the latest end is a running maximum: a shorter spell starting later does not lower it)
    [Fact]
    public void Stability_WithAShortSpellInsideALongOne_KeepsTheLongOnesEnd()
    {
        Appointment[] appointments = [A("long", D(2010, 1, 1), D(2025, 12, 31)), A("short", D(2012, 1, 1), D(2013, 12, 31))];

        Turnover turnover = Turnover.Measure(appointments, Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(new StabilityIndex(D(2020, 3, 31), D(2021, 3, 31), 1, 1), turnover.Stability);
    }

    // ChangeOrigins.cs:14 (pins the overflow; the mutant itself is equivalent, as the project checks arithmetic everywhere: CheckForOverflowUnderflow)
    [Fact]
    public void OriginsTotal_BeyondTheLargestInt_Overflows()
    {
        ChangeOrigins origins = new(int.MaxValue, 1, 0, 0);

        Assert.Throws<OverflowException>(() => origins.Total);
    }

    // ChangeOrigins.cs:20
    [Fact]
    public void OriginsIndexer_OfAnUndefinedOrigin_NamesTheFourOrigins()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new ChangeOrigins(1, 2, 3, 4)[(ChangeOrigin)0]);

        Assert.Equal("origin", thrown.ParamName);
        Assert.StartsWith("The origin must be FirstTime, Move, Return or Unknown.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverPeriods.cs:32 (the library's message, not NodaTime's)
    [Fact]
    public void CalendarYear_After9999_IsRefusedByItsOwnCheck()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.CalendarYear(10000));

        Assert.Equal("year", thrown.ParamName);
        Assert.StartsWith("year must be at most 9999.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverPeriods.cs:46
    [Fact]
    public void Rolling12Months_EndingInYear1_IsRefused()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.Rolling12Months(D(1, 6, 30)));

        Assert.Equal("end", thrown.ParamName);
    }

    // TurnoverPeriods.cs:91
    [Fact]
    public void Year_OfAnUndefinedBasis_SaysFinancialOrCalendar()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.Year((YearBasis)0, 2020));

        Assert.Equal("basis", thrown.ParamName);
        Assert.StartsWith("The year basis must be Financial or Calendar.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:62
    [Fact]
    public void FromValues_WithoutPoints_NamesThePoints()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TurnoverSeries.FromValues(YearBasis.Financial, null!));

        Assert.Equal("points", thrown.ParamName);
    }

    // TurnoverSeries.cs:69
    [Fact]
    public void FromValues_AYearAfter9998_IsRefused()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues(YearBasis.Calendar, [new TurnoverPoint(9999, 1)]));

        Assert.Equal("points", thrown.ParamName);
    }

    // TurnoverSeries.cs:70
    [Fact]
    public void FromValues_ANonFiniteValue_SaysValuesMustBeFinite()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues(YearBasis.Financial, [new TurnoverPoint(2020, double.NaN)]));

        Assert.Equal("points", thrown.ParamName);
        Assert.StartsWith("A series value must be finite.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:71
    [Fact]
    public void FromValues_AYearTwice_SaysAYearAppearsOnce()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => TurnoverSeries.FromValues(YearBasis.Financial, [new TurnoverPoint(2020, 1), new TurnoverPoint(2020, 2)]));

        Assert.Equal("points", thrown.ParamName);
        Assert.StartsWith("A year appears more than once in the series.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:214
    [Fact]
    public void FromValues_AnUndefinedBasis_SaysFinancialOrCalendar()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues((YearBasis)3, []));

        Assert.Equal("basis", thrown.ParamName);
        Assert.StartsWith("The year basis must be Financial or Calendar.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:102
    [Fact]
    public void Of_WithoutTurnovers_NamesTheTurnovers()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TurnoverSeries.Of(null!, t => t.Changes));

        Assert.Equal("turnovers", thrown.ParamName);
    }

    // TurnoverSeries.cs:103
    [Fact]
    public void Of_WithoutAMeasure_NamesTheMeasure()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, TurnoverPeriods.FinancialYear(2020));

        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TurnoverSeries.Of([turnover], (Func<Turnover, double?>)null!));

        Assert.Equal("measure", thrown.ParamName);
    }

    // TurnoverSeries.cs:108
    [Fact]
    public void Of_ANullTurnover_NamesTheTurnovers()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TurnoverSeries.Of([null!], t => t.Changes));

        Assert.Equal("turnovers", thrown.ParamName);
    }

    // TurnoverSeries.cs:110, 221 (both mutants: a period ending on 31 March but starting on 2 April is not a financial year)
    [Fact]
    public void Of_APeriodOneDayShortOfAFinancialYear_IsNotAYear()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, new DateInterval(D(2020, 4, 2), D(2021, 3, 31)));

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([turnover], TurnoverMeasure.Changes));

        Assert.Equal("turnovers", thrown.ParamName);
        Assert.StartsWith("A series takes turnovers over whole financial or calendar years.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:226 (the two logical mutants: a period ending on 31 December but starting on 2 January is not a calendar year)
    [Fact]
    public void Of_APeriodOneDayShortOfACalendarYear_IsNotAYear()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, new DateInterval(D(2020, 1, 2), D(2020, 12, 31)));

        Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([turnover], TurnoverMeasure.Changes));
    }

    // TurnoverSeries.cs:226 (start.Year <= 9998: the last calendar year a series holds)
    [Fact]
    public void Of_CalendarYear9998_IsTheSeriesLastPossibleYear()
    {
        Turnover turnover = Turnover.Measure([], Register, TurnoverPeriods.CalendarYear(9998));

        TurnoverSeries series = TurnoverSeries.Of([turnover], TurnoverMeasure.AuthorityCount);

        Assert.Equal(YearBasis.Calendar, series.Basis);
        Assert.Equal<TurnoverPoint>([new TurnoverPoint(9998, 1)], series.Points);
    }

    // TurnoverSeries.cs:112
    [Fact]
    public void Of_FinancialAndCalendarYears_SaysTheyAreMixed()
    {
        Turnover financial = Turnover.Measure(Appointments, Register, TurnoverPeriods.FinancialYear(2019));
        Turnover calendar = Turnover.Measure(Appointments, Register, TurnoverPeriods.CalendarYear(2021));

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([financial, calendar], TurnoverMeasure.Changes));

        Assert.Equal("turnovers", thrown.ParamName);
        Assert.StartsWith("The turnovers mix financial and calendar years.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:194
    [Fact]
    public void Of_AnUndefinedMeasure_SaysItIsNotAMeasure()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.Of([], (TurnoverMeasure)0));

        Assert.Equal("measure", thrown.ParamName);
        Assert.StartsWith("The measure is not a defined TurnoverMeasure.", thrown.Message, StringComparison.Ordinal);
    }

    // TurnoverSeries.cs:184
    [Fact]
    public void Label_OfAnUndefinedBasis_IsRefused()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.Label((YearBasis)0, 2020));

        Assert.Equal("basis", thrown.ParamName);
    }

    // TurnoverSeries.cs:185, 186
    [Theory]
    [InlineData(0)]
    [InlineData(9999)]
    public void Label_OfAYearOutside1To9998_IsRefused(int year)
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.Label(YearBasis.Financial, year));

        Assert.Equal("year", thrown.ParamName);
    }

    // TurnoverSeries.Text.cs:45 (three turnovers are enough for notes) and :50 (each measure's name in its note)
    [Fact]
    public void Notes_OfExactlyThreeYears_NameEachMeasure()
    {
        Appointment[] appointments = [A("a1", D(2010, 1, 1), D(2018, 6, 30)), A("a2", D(2018, 7, 1), D(2019, 8, 31)), A("a3", D(2019, 9, 1), null)];
        ImmutableArray<Turnover> turnovers = Turnover.ByFinancialYear(appointments, Register, 2018, 2020);

        ImmutableArray<string> notes = TurnoverSeries.Notes(turnovers);

        Assert.Equal<string>(
            [
                "2020/21: the change rate, 0.0%, is the lowest since the series began in 2018/19.",
                "2020/21: the authority change rate, 0.0%, is the lowest since the series began in 2018/19.",
                "2020/21: the stability index, 100.0%, is the highest since the series began in 2018/19.",
            ],
            notes);
    }

    // PublishedTurnoverFigures.cs:77 (InterimAppointments is the last measure published)
    [Fact]
    public void PublishedSeries_OfInterimAppointments_IsPublished()
    {
        TurnoverSeries series = PublishedTurnoverFigures.Series(TurnoverMeasure.InterimAppointments);

        Assert.Equal(20, series.ValueIn(2018));
    }

    // PublishedTurnoverFigures.cs:77 (the message)
    [Fact]
    public void PublishedSeries_OfAMeasureADCSDoesNotPublish_SaysSo()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => PublishedTurnoverFigures.Series(TurnoverMeasure.FirstTime));

        Assert.Equal("measure", thrown.ParamName);
        Assert.StartsWith("ADCS does not publish this measure.", thrown.Message, StringComparison.Ordinal);
    }

    // PublishedTurnoverYear.cs:32, 35
    [Fact]
    public void PublishedRates_OutOfNoAuthorities_AreNull()
    {
        PublishedTurnoverYear year = new(2020, 5, 3, 0, null, null, null, null, null);

        Assert.Null(year.ChangeRate);
        Assert.Null(year.AuthorityChangeRate);
    }

    // TenureMeasures.cs:38
    [Fact]
    public void CompletedTenures_WithoutAWindow_NamesTheWindow()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TenureMeasures.CompletedTenures(Appointments, null!));

        Assert.Equal("window", thrown.ParamName);
    }

    // TenureMeasures.cs:94, 116, 184, 206
    [Fact]
    public void Records_WithoutAnObservationWindow_NameTheWindow()
    {
        Assert.Equal("observation", Assert.Throws<ArgumentNullException>(() => TenureMeasures.TenureRecords(Appointments, null!)).ParamName);
        Assert.Equal("observation", Assert.Throws<ArgumentNullException>(() => TenureMeasures.TenureRecordsBy(Appointments, null!, s => s.StartKind)).ParamName);
        Assert.Equal("observation", Assert.Throws<ArgumentNullException>(() => TenureMeasures.CompetingRiskRecords(Appointments, null!)).ParamName);
        Assert.Equal("observation", Assert.Throws<ArgumentNullException>(() => TenureMeasures.CompetingRiskRecordsBy(Appointments, null!, s => s.StartKind)).ParamName);
    }

    // TenureMeasures.cs:207
    [Fact]
    public void CompetingRiskRecordsBy_WithoutAKey_NamesTheKey()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TenureMeasures.CompetingRiskRecordsBy<string>(Appointments, Window, null!));

        Assert.Equal("key", thrown.ParamName);
    }

    // TenureMeasures.cs:332
    [Fact]
    public void RecordsBy_AKeyThatIsNull_SaysTheKeyIsNull()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TenureMeasures.TenureRecordsBy(Appointments, Window, s => (string)null!));

        Assert.Equal("key", thrown.ParamName);
        Assert.StartsWith("The key of a spell is null.", thrown.Message, StringComparison.Ordinal);
    }

    // TenureMeasures.cs:238
    [Fact]
    public void CumulativeIncidenceTenure_WithReasonsGiven_KeepsTheirOrder()
    {
        string[] reasons = [.. ExitReason.WellKnown.Select(r => r.Code).Reverse()];

        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(Appointments, Window, reasons);

        Assert.Equal(reasons, curve.Reasons);
    }

    // TenureMeasures.cs:271
    [Fact]
    public void CumulativeIncidenceTenureBy_WithReasonsGiven_KeepsTheirOrder()
    {
        string[] reasons = [.. ExitReason.WellKnown.Select(r => r.Code).Reverse()];

        StratifiedCumulativeIncidence<AppointmentKind> curves = TenureMeasures.CumulativeIncidenceTenureBy(Appointments, Window, s => s.StartKind, reasons);

        Assert.Equal(reasons, curves.Reasons);
    }

    // TenureMeasures.cs:295
    [Fact]
    public void SteadyStateMeanTenureDays_OfNoChanges_IsRefused()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TenureMeasures.SteadyStateMeanTenureDays(0));

        Assert.Equal("yearlyChangeRate", thrown.ParamName);
    }

    // TenureSummary.cs:17
    [Fact]
    public void MedianMonths_IsTheMedianInDaysOverTheDaysOfAMonth()
    {
        TenureSummary summary = new(1, 0, 2 * TenureMeasures.DaysPerMonth);

        Assert.Equal(2, summary.MedianMonths);
    }

    // TenureReportGroup.cs:41
    [Fact]
    public void FromSummary_WithoutAName_NamesTheName()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TenureReportGroup.FromSummary(null!, new TenureSummary(0, null, null)));

        Assert.Equal("name", thrown.ParamName);
    }

    // TenureReportGroup.cs:73, 74, 75
    [Fact]
    public void FromCurve_WithANullArgument_NamesIt()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(100, true)]);

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => TenureReportGroup.FromCurve(null!, curve, 12, [12])).ParamName);
        Assert.Equal("curve", Assert.Throws<ArgumentNullException>(() => TenureReportGroup.FromCurve("all", null!, 12, [12])).ParamName);
        Assert.Equal("months", Assert.Throws<ArgumentNullException>(() => TenureReportGroup.FromCurve("all", curve, 12, null!)).ParamName);
    }

    // TenureReportGroup.cs:78 (m <= 0: month 0 is the curve's start)
    [Fact]
    public void FromCurve_AtMonth0_GivesTheCurvesStart()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(100, true), new TenureRecord(400, false)]);

        TenureReportGroup group = TenureReportGroup.FromCurve("all", curve, 12, [0]);

        TenureReportSurvival at = Assert.Single(group.Survival!);
        Assert.Equal(0, at.Months);
        Assert.Equal(1, at.Survival);
    }

    // TenureReportGroup.cs:78 (-1 to +1: a negative month is refused, not read as a day)
    [Fact]
    public void FromCurve_ANegativeMonth_IsRefused()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(100, true), new TenureRecord(400, false)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => TenureReportGroup.FromCurve("all", curve, 12, [-1]));
    }

    // TenureReportGroup.cs:95
    [Fact]
    public void FromCurve_RestrictedMean_HasItsStandardErrorInMonths()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(100, true), new TenureRecord(200, true), new TenureRecord(400, false)]);
        RestrictedMean mean = curve.RestrictedMeanTo(12 * TenureMeasures.DaysPerMonth);

        TenureReportGroup group = TenureReportGroup.FromCurve("all", curve, 12);

        Assert.True(mean.StandardError > 0);
        Assert.Equal(mean.StandardError / TenureMeasures.DaysPerMonth, group.RestrictedMean!.StandardError);
    }

    // TenureReportGroup.cs:101 (both mutants: a finite standard error is kept, an infinite one, where every holder has left, is null)
    [Fact]
    public void FromCurve_AStandardErrorThatIsNotFinite_IsNull()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(100, true), new TenureRecord(12 * TenureMeasures.DaysPerMonth, true)]);

        TenureReportGroup group = TenureReportGroup.FromCurve("all", curve, 12, [6, 12]);

        Assert.Equal([0.5, 0], group.Survival!.Select(s => s.Survival));
        Assert.NotNull(group.Survival![0].StandardError);
        Assert.NotNull(group.Survival![0].Lower);
        Assert.NotNull(group.Survival![0].Upper);
        Assert.Null(group.Survival![1].StandardError);
        Assert.Null(group.Survival![1].Lower);
        Assert.Null(group.Survival![1].Upper);
    }

    // TenureReportLogRank.cs:18
    [Fact]
    public void LogRankOf_NoTest_NamesTheTest()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => TenureReportLogRank.Of<string>(null!));

        Assert.Equal("test", thrown.ParamName);
    }

    // RecentAsciiCodes.cs:24, 37, 39
    [Fact]
    public void RecentAsciiCodes_KeepTheFirstCodesOnly()
    {
        RecentAsciiCodes<int> codes = new(1);
        codes.Add("retired"u8, 7);
        codes.Add("moved"u8, 8);

        Assert.True(codes.TryGet("retired"u8, out int kept));
        Assert.Equal(7, kept);
        Assert.False(codes.TryGet("moved"u8, out _));
    }

    // CsvFields.cs:47 (white space beyond ASCII, a no-break space, is still white space)
    [Fact]
    public void ReadCsv_AFieldOfANoBreakSpace_IsEmpty()
    {
        byte[] csv = Encoding.UTF8.GetBytes("authority,date,grade\n\u00A0,2019-04-01,good\n");

        RecordResult<OfstedJudgement> record = Assert.Single(OfstedJudgementDocument.ReadCsv(new MemoryStream(csv)));

        DocumentProblem problem = Assert.Single(record.Problems);
        Assert.Equal("authority", problem.Path);
        Assert.Equal(DocumentProblemCodes.Empty, problem.Code);
    }

    // RecordStreams.cs:162
    [Fact]
    public async Task ReadAsync_StoppingAtProblems_EndsAfterTheFirstRecordWithOne()
    {
        byte[] json = Encoding.UTF8.GetBytes("[{\"authorityCode\":\"A\"},{\"authorityCode\":\"B\"}]");
        List<RecordResult<OfstedJudgement>> records = [];

        await foreach (RecordResult<OfstedJudgement> record in OfstedJudgementDocument.ReadAsync(new MemoryStream(json), handling: ProblemHandling.Stop))
        {
            records.Add(record);
        }

        RecordResult<OfstedJudgement> only = Assert.Single(records);
        Assert.False(only.IsValid);
    }
}
