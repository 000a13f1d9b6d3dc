using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Upon.Core.Charts;
using Upon.Core.Tests.Support;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked examples of docs/workforce.md: each snippet is compiled and run here.</summary>
public sealed class WorkforceDocExamples
{
    private static readonly AuthorityRegister Register = new(
    [
        new Authority("A", "Northshire", "North East", new LocalDate(2000, 1, 1)),
        new Authority("B", "Southshire", "South East", new LocalDate(2000, 1, 1)),
        new Authority("C", "Eastshire", "East of England", new LocalDate(2000, 1, 1)),
        new Authority("D", "Newshire", "East of England", new LocalDate(2021, 1, 1)),
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
    ];

    [Fact]
    public void Turnover()
    {
        // begin-snippet: workforce-turnover
        DateInterval year = TurnoverPeriods.FinancialYear(2020);         // 1 April 2020 to 31 March 2021
        Turnover turnover = Upon.Core.Workforce.Turnover.Measure(Appointments, Register, year);

        Assert.Equal(4, turnover.AuthorityCount);        // D joined the register on 1 January 2021
        Assert.Equal(3, turnover.Changes);               // a2 (interim, then confirmed), c2 (acting), c3
        Assert.Equal(2, turnover.AuthoritiesWithChange);
        Assert.Equal(0.75, turnover.ChangeRate);
        Assert.Equal(0.5, turnover.AuthorityChangeRate);
        Assert.Equal(1.0 / 3, turnover.Stability.Value); // of A, B and C's DCSs on 31 March 2020, only b1 remains

        Turnover permanent = Upon.Core.Workforce.Turnover.Measure(Appointments, Register, year, lookThroughInterim: true);
        Assert.Equal(2, permanent.Changes);              // c2's acting spell is looked through
        // end-snippet
    }

    [Fact]
    public void Tenure()
    {
        // begin-snippet: workforce-tenure
        DateInterval year = TurnoverPeriods.FinancialYear(2020);

        // Tenures that ended in 2020/21: a1 (2,008 days), c1 (1,735) and c2 (61).
        TenureSummary completed = TenureMeasures.CompletedTenures(Appointments, year);
        Assert.Equal(1268, completed.MeanDays);
        Assert.Equal(1735, completed.MedianDays);

        // ADCS's "average tenure": time in post on 31 March of those then in post: a2 (274), b1 (1,066), c3 (121).
        TenureSummary inPost = TenureMeasures.TimeInPost(Appointments, year.End);
        Assert.Equal(487, inPost.MeanDays);
        Assert.Equal(16.0, inPost.MeanMonths!.Value, 1);

        // Kaplan–Meier over the year: b1 enters late (701 days served on 1 April 2020) and is censored at 1,066.
        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(Appointments, year);
        Assert.Equal(6, curve.RecordCount);
        Assert.Equal(3, curve.EventCount);
        // end-snippet
    }

    [Fact]
    public void KaplanMeierCurve()
    {
        // begin-snippet: workforce-kaplan-meier
        // Ten tenures in months; false marks a DCS still in post (censored).
        List<TenureRecord> tenures =
        [
            new(8, true), new(14, true), new(14, false), new(20, true), new(27, true),
            new(30, false), new(36, true), new(41, true), new(50, false), new(60, false),
        ];
        KaplanMeierCurve curve = KaplanMeier.Fit(tenures);             // conf.type "log", 95%, as R

        Assert.Equal(36, curve.Median.Estimate);                       // R: median 36
        Assert.Equal(20, curve.Median.Lower);                          //    0.95LCL 20
        Assert.Null(curve.Median.Upper);                               //    0.95UCL NA

        SurvivalEstimate at24 = curve.SurvivalAt(24)!.Value;           // summary(fit, times = 24)
        Assert.Equal(0.685714285714286, at24.Survival, 12);
        Assert.Equal(0.444721660685212, at24.Lower, 12);

        RestrictedMean mean = curve.RestrictedMeanTo(60);              // print(fit, rmean = 60)
        Assert.Equal(35.71428571, mean.Mean, 8);
        Assert.Equal(1.10396825396825, curve.Points[^1].CumulativeHazard, 12); // Nelson–Aalen
        // end-snippet
    }

    [Fact]
    public void CompetingRisksExample()
    {
        // begin-snippet: workforce-competing-risks
        // Ten tenures in months, each ended for a reason; null marks a DCS still in post (censored).
        List<CompetingRiskRecord> tenures =
        [
            new(8, "moved"), new(14, "retired"), new(14, null), new(20, "moved"), new(27, "left"),
            new(30, null), new(36, "moved"), new(41, "retired"), new(50, null), new(60, null),
        ];
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(tenures);   // conf.type "log", 95%, as R
        Assert.Equal("left, moved, retired", string.Join(", ", curve.Reasons));  // found in the records, ordinal order

        StateProbability moved = curve.IncidenceAt("moved", 48)!.Value;          // summary(fit, times = 48)
        Assert.Equal(0.357142857142857, moved.Probability, 12);
        Assert.Equal(0.168858282395409, moved.StandardError, 12);                // infinitesimal jackknife, as R
        Assert.Equal(0.141381037096305, moved.Lower, 12);
        Assert.Equal(0.902179125488228, moved.Upper, 12);

        // At every time, in post and the reasons' incidences add up to 1.
        CumulativeIncidencePoint last = curve.Points[^1];
        Assert.Equal(1, last.InPost.Probability + last.Incidence.Sum(i => i.Probability), 12);

        // Moving analysed alone, the other reasons as if censored: 1 − Kaplan–Meier overstates it (0.421 against 0.357).
        KaplanMeierCurve movedAlone = KaplanMeier.Fit(tenures.Select(t => new TenureRecord(t.Exit, t.Reason == "moved")));
        Assert.Equal(0.421428571428571, 1 - movedAlone.SurvivalAt(48)!.Value.Survival, 12);

        // By stratum: every stratum has every reason; no permanent DCS here retired.
        StratifiedCumulativeIncidence<string> byKind = CumulativeIncidence.EstimateBy(tenures.Select((t, i) => (i % 2 == 0 ? "permanent" : "interim", t)));
        Assert.Equal(0, byKind.Find("permanent")!.IncidenceAt("retired", 48)!.Value.Probability);
        Assert.Equal(0.5, byKind.Find("interim")!.IncidenceAt("retired", 48)!.Value.Probability, 12);
        // end-snippet
    }

    [Fact]
    public void ExitReasonsExample()
    {
        // begin-snippet: workforce-exit-reasons
        const string Csv =
            "authority,holder,start,end,kind,shared,reason\n" +
            "A,a1,2015-01-01,2020-06-30,permanent,,moved\n" +             // a well-known code
            "A,a2,2020-07-01,2020-12-31,interim,,\n" +                    // confirmed in post: no reason, the spell goes on
            "A,a2,2021-01-01,,permanent,,\n" +
            "B,b1,2016-05-01,2019-04-30,permanent,,\n" +                  // ended with no reason given: "unknown"
            "B,b2,2019-05-01,2021-08-31,permanent,,x-secondment\n" +      // a code of the user's own
            "C,c1,2016-01-01,2020-09-30,permanent,,retired\n" +
            "C,c2,2020-10-01,2020-11-30,acting,,spell-ended\n" +
            "C,c3,2020-12-01,2023-03-31,permanent,,inadequate-judgement\n";

        AppointmentRecords read = AppointmentDocument.ReadCsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));
        Assert.Equal(ExitReason.Retired, read.Appointments[5].ExitReason);

        DateInterval window = new(new LocalDate(2015, 1, 1), new LocalDate(2024, 3, 31));
        IReadOnlyList<CompetingRiskRecord> spells = TenureMeasures.CompetingRiskRecords(read.Appointments, window);
        Assert.Equal(
            ["moved", null, "unknown", "x-secondment", "retired", "spell-ended", "inadequate-judgement"],
            spells.Select(s => s.Reason));                                  // a2's spell is still running: censored

        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(read.Appointments, window);
        Assert.Equal("moved, retired, left-local-government, inadequate-judgement, spell-ended, restructure, unknown, x-secondment", string.Join(", ", curve.Reasons));
        const double ThreeYears = 3 * TenureMeasures.DaysPerYear;
        // Within three years four of the seven spells ended, for four reasons, before anyone was censored.
        Assert.Equal(3.0 / 7, curve.InPostAt(ThreeYears)!.Value.Probability, 12);
        Assert.Equal(1.0 / 7, curve.IncidenceAt("inadequate-judgement", ThreeYears)!.Value.Probability, 12);
        Assert.Equal(0, curve.IncidenceAt("retired", ThreeYears)!.Value.Probability);
        // end-snippet
    }

    [Fact]
    public void LogRankExample()
    {
        // begin-snippet: workforce-log-rank
        double[] months = [8, 14, 14, 20, 27, 30, 36, 41, 50, 60];
        bool[] ended = [true, true, false, true, true, false, true, true, false, false];
        List<(string, TenureRecord)> records = [];
        for (int i = 0; i < months.Length; i++)
        {
            records.Add((i % 2 == 0 ? "alumni" : "other", new TenureRecord(months[i], ended[i])));
        }

        LogRankTest<string> test = LogRank.Compare(records);             // survdiff(Surv(t, e) ~ group)
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.058899453598933, test.ChiSquare, 12);
        Assert.Equal(0.808243930689564, test.PValue, 12);
        // end-snippet
    }

    [Fact]
    public void SteadyState()
    {
        // begin-snippet: workforce-steady-state
        double thirtyMonths = 30 * TenureMeasures.DaysPerMonth;
        Assert.Equal(0.4, TenureMeasures.SteadyStateYearlyChangeRate(thirtyMonths), 12);  // 4 changes per 10 authorities a year
        Assert.Equal(thirtyMonths, TenureMeasures.SteadyStateMeanTenureDays(0.4), 9);
        // end-snippet
    }

    [Fact]
    public void Reading()
    {
        // begin-snippet: workforce-reading
        const string Csv =
            "authority,holder,start,end,kind,shared\n" +
            "A,a1,2015-01-01,2020-06-30,permanent,\n" +
            "A,a2,2020-07-01,,\"permanent\",\n" +       // quoted fields may hold commas, quotes and line breaks
            "B,b1,2018-05-01,2018-04-30,permanent,\n" +   // row 3: the end is before the start
            "X,x1,2019-01-01,,interim,\n" +               // row 4: X is not in the register
            "C,c1,2016-01-01,,permanent,\n" +
            "C,c2,2020-01-01,,permanent,\n";             // rows 5 and 6: two permanent DCSs at once in C

        IEnumerable<RecordResult<Appointment>> records = AppointmentDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));
        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, asOf: new LocalDate(2021, 3, 31));

        Assert.Equal("6 records: 2 used, 4 reported, 0 skipped", result.Summary.ToString());
        Assert.Equal(
            ["3 date.end-before-start", "4 appointment.authority-unknown", "5 appointment.permanent-overlap", "6 appointment.permanent-overlap"],
            result.Reported.Select(r => $"{r.RecordNumber} {r.Problems[0].Code}"));
        Turnover turnover = Upon.Core.Workforce.Turnover.Measure(result.Appointments, Register, TurnoverPeriods.FinancialYear(2020));
        Assert.Equal(1, turnover.Changes);               // a2, the only appointment used that starts in 2020/21
        // end-snippet
    }

    [Fact]
    public void ReadingIntoATable()
    {
        // begin-snippet: workforce-reading-table
        const string Csv =
            "authority,holder,start,end,kind\n" +
            "A,a1,2015-01-01,2020-06-30,permanent\n" +
            "A,a2,2020-07-01,,permanent\n" +
            "B,b1,2018-05-01,,boss\n";                   // row 3: not a kind

        AppointmentRecords records = AppointmentDocument.ReadCsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));
        Assert.Equal(3, records.Count);                  // every row: two read whole, one with problems
        Assert.Equal(["a1", "a2"], records.Appointments.Select(a => a.HolderId));
        Assert.Equal("kind value.unknown", $"{records.Failures[0].Problems[0].Path} {records.Failures[0].Problems[0].Code}");

        // Validation reads the table's rows; nothing is made per record.
        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, asOf: new LocalDate(2021, 3, 31));
        Assert.Equal("3 records: 2 used, 1 reported, 0 skipped", result.Summary.ToString());
        // end-snippet
    }

    [Fact]
    public async Task ReadingAsync()
    {
        // begin-snippet: workforce-reading-async
        // In an ASP.NET Core endpoint: ReadUploadAsync(request.BodyReader, request.HttpContext.RequestAborted).
        // The body is read as it arrives, never synchronously, and each record is used or reported as it is read.
        static async Task<(List<Appointment> Used, List<string> Reported)> ReadUploadAsync(PipeReader body, CancellationToken cancellationToken)
        {
            List<Appointment> used = [];
            List<string> reported = [];
            await foreach (RecordResult<Appointment> record in AppointmentDocument.ReadCsvAsync(body, cancellationToken: cancellationToken))
            {
                if (record.Value is Appointment appointment)
                {
                    used.Add(appointment);
                }
                else
                {
                    reported.AddRange(record.Problems.Select(p => $"{record.RecordNumber} {p.Path} {p.Code}"));
                }
            }

            return (used, reported);
        }

        Pipe upload = new();                             // stands in for the request body
        await upload.Writer.WriteAsync(Encoding.UTF8.GetBytes("authority,holder,start,kind\nA,a1,2015-01-01,permanent\nB,b1,2018-05-01,boss\n"));
        await upload.Writer.CompleteAsync();

        (List<Appointment> used, List<string> reported) = await ReadUploadAsync(upload.Reader, CancellationToken.None);
        Assert.Equal(["a1"], used.Select(a => a.HolderId));
        Assert.Equal(["2 kind value.unknown"], reported);
        // end-snippet
    }

    [Fact]
    public async Task ReadingInPlace()
    {
        // begin-snippet: workforce-reading-in-place
        // Interim appointments of an upload, in the service's own type; nothing is made for the other records.
        static async Task<(List<(string Authority, LocalDate Start)> Interims, List<string> Reported)> InterimsAsync(PipeReader body, CancellationToken cancellationToken)
        {
            List<(string Authority, LocalDate Start)> interims = [];
            List<string> reported = [];
            using AppointmentCsvReader reader = new(body);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsValid)
                {
                    reported.AddRange(reader.Problems.Select(p => $"{reader.RecordNumber} {p.Path} {p.Code}"));
                }
                else if (reader.Kind == AppointmentKind.Interim)
                {
                    interims.Add((reader.AuthorityCode.ToString(), reader.Start));
                }
            }

            return (interims, reported);
        }

        Pipe upload = new();                             // stands in for the request body
        await upload.Writer.WriteAsync(Encoding.UTF8.GetBytes(
            "authority,holder,start,end,kind\nA,a1,2015-01-01,2016-03-31,permanent\nA,a2,2016-04-01,,interim\nB,b1,2018-05-01,,boss\n"));
        await upload.Writer.CompleteAsync();

        (List<(string Authority, LocalDate Start)> interims, List<string> reported) = await InterimsAsync(upload.Reader, CancellationToken.None);
        Assert.Equal([("A", new LocalDate(2016, 4, 1))], interims);
        Assert.Equal(["3 kind value.unknown"], reported);
        // end-snippet
    }

    [Fact]
    public void RegisterDocument()
    {
        // begin-snippet: workforce-register
        const string Csv =
            "code,name,region,effectiveFrom,effectiveTo\n" +
            "E06900008,Eastmere Borough Council,East of England,2009-04-01,2023-03-31\n" +
            "E06900009,Westmere Borough Council,East of England,2009-04-01,2023-03-31\n" +
            "E06900013,Mereshire Council,East of England,2023-04-01,\n" +    // the two merge into Mereshire
            "E09900010,London Borough of Kingsgate,London,2009-04-01,\n" +
            "E09900010,Kingsgate,London,2009-04-01,\n" +                     // rows 4 and 5: one code twice
            "E10900012,Downshire County Council,South East,2023-04-01,2023-03-31\n"; // row 6: leaves before it joins

        AuthorityRegisterReadResult read = AuthorityRegisterDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));

        Assert.Equal(
            ["4 code register.code-duplicate", "5 code register.code-duplicate", "6 effectiveTo date.end-before-start"],
            read.Reported.Select(r => $"{r.RecordNumber} {r.Problems[0].Path} {r.Problems[0].Code}"));
        Assert.Equal(6, read.Records);                   // 3 authorities + 3 records reported
        AuthorityRegister register = read.Register;
        Assert.Equal(2, register.CountInForceDuring(TurnoverPeriods.FinancialYear(2022)));  // Eastmere and Westmere
        Assert.Equal(1, register.CountInForceDuring(TurnoverPeriods.FinancialYear(2023)));  // Mereshire
        // end-snippet
    }

    [Fact]
    public void Origins()
    {
        // begin-snippet: workforce-origins
        // The records begin on 1 April 2015 with a1 in post in A and b1 joining B in 2017.
        Appointment[] history =
        [
            new("A", "a1", new LocalDate(2015, 4, 1), new LocalDate(2020, 5, 31), AppointmentKind.Permanent),
            new("A", "i1", new LocalDate(2020, 6, 1), new LocalDate(2020, 8, 31), AppointmentKind.Interim),
            new("A", "a1", new LocalDate(2020, 9, 1), new LocalDate(2020, 12, 31), AppointmentKind.Permanent),
            new("B", "b1", new LocalDate(2017, 3, 1), new LocalDate(2020, 12, 31), AppointmentKind.Permanent),
            new("A", "b1", new LocalDate(2021, 1, 1), null, AppointmentKind.Permanent),
            new("B", "n1", new LocalDate(2021, 1, 4), null, AppointmentKind.Permanent),
        ];
        Turnover turnover = Upon.Core.Workforce.Turnover.Measure(history, Register, TurnoverPeriods.FinancialYear(2020), historyFrom: new LocalDate(2015, 4, 1));

        Assert.Equal(4, turnover.Changes);               // i1, a1 back, b1 to A, n1
        Assert.Equal(new ChangeOrigins(FirstTime: 2, Moves: 1, Returns: 1, Unknown: 0), turnover.Origins);
        Assert.Equal(1, turnover.NewPermanent);          // n1: a first DCS post, permanent (a1 returns and b1 moves)
        Assert.Equal(1, turnover.InterimAppointments);   // i1

        Turnover permanent = Upon.Core.Workforce.Turnover.Measure(history, Register, TurnoverPeriods.FinancialYear(2020), lookThroughInterim: true);
        Assert.Equal(new ChangeOrigins(FirstTime: 1, Moves: 1, Returns: 0, Unknown: 0), permanent.Origins); // a1's spells join across i1

        HolderSpell first = HolderSpells.Of(history)[0];  // a1 in A from 1 April 2015: in post when the records began
        Assert.Equal(ChangeOrigin.Unknown, first.OriginGiven(new LocalDate(2015, 4, 1)));
        // end-snippet
    }

    [Fact]
    public void Charts()
    {
        // begin-snippet: workforce-charts
        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(Appointments, TurnoverPeriods.FinancialYear(2020));
        string survival = SvgChart.KaplanMeier(curve, new ChartOptions
        {
            Title = "DCS tenure, 2020/21",
            XAxisLabel = "Months in post",
            YAxisLabel = "Share still in post",
            TimeUnitDivisor = TenureMeasures.DaysPerMonth,  // the curve is in days, the axis in months
        });
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", survival);

        ImmutableArray<Turnover> years = Upon.Core.Workforce.Turnover.ByFinancialYear(Appointments, Register, 2018, 2020);
        ChartSeries measured = ChartSeries.ChangeRates("Changes per authority", years);
        ChartSeries reference = new("Reference (illustrative)", [new("2018/19", 0.25), new("2019/20", 0.3), new("2020/21", 0.4)]);
        string turnover = SvgChart.Series(measured, [reference], new ChartOptions { Title = "Changes of DCS per authority" });

        Assert.Equal(["2018/19", "2019/20", "2020/21"], measured.Points.Select(p => p.Category));
        Assert.Equal([1.0 / 3, 0, 0.75], measured.Points.Select(p => p.Value));  // b1 of 3 authorities; none; a2, c2 and c3 of 4
        // end-snippet
        Assert.Contains("Reference (illustrative)</text>", turnover, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Series()
    {
        // begin-snippet: workforce-series
        TurnoverSeries published = PublishedTurnoverFigures.Series(TurnoverMeasure.Changes);
        Assert.Null(published.LowestSince(2020));           // 39 in 2020/21: lower than every earlier year here...
        Assert.Equal(2013, published.Points[0].Year);        // ...but the series starts in 2013/14, so "fewest since 2011/12" is beyond it
        Assert.Equal<int>([2014, 2021], published.MissingYears);
        Assert.Equal(2020, published.LowestSince(2022));     // 50 in 2022/23: the lowest since 2020/21
        Assert.Equal(2017, published.HighestSince(2023));    // 62 in 2023/24: the highest since 2017/18's record 65
        Assert.Equal(-18, published.ChangeOnPreviousYear(2020));
        Assert.Equal(53, published.Mean(2017, 2020));
        Assert.Equal("2020/21", published.YearLabel(2020));

        ImmutableArray<Turnover> years = Upon.Core.Workforce.Turnover.ByFinancialYear(Appointments, Register, 2018, 2020);
        TurnoverSeries measured = TurnoverSeries.Of(years, TurnoverMeasure.Changes);
        Assert.Equal([1.0, 0.0, 3.0], measured.Points.Select(p => p.Value!.Value));  // b1; none; a2, c2, c3
        Assert.Null(measured.HighestSince(2020));                                    // the most changes of these years
        // end-snippet
    }

    [Fact]
    public void PublishedTable()
    {
        // begin-snippet: workforce-published-table
        static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

        StringBuilder table = new();
        table.Append("| year | changes | authorities with a change | new permanent DCSs | interim appointments | average tenure (months) |\n");
        table.Append("|---|---|---|---|---|---|\n");
        foreach (PublishedTurnoverYear year in PublishedTurnoverFigures.Years)
        {
            string withChange = year.AuthorityCount is int count ? $"{Show(year.AuthoritiesWithChange)} of {count}" : Show(year.AuthoritiesWithChange);
            table.Append(CultureInfo.InvariantCulture, $"| {year.Label} | {year.Changes} | {withChange} | {Show(year.NewPermanent)} | {Show(year.InterimAppointments)} | {Show(year.AverageTenureMonths)} |\n");
        }

        Assert.Equal(TableInDocs("published-figures"), table.ToString());
        // end-snippet
    }

    [Fact]
    public void Strata()
    {
        // begin-snippet: workforce-strata
        DateInterval window = new(new LocalDate(2015, 1, 1), new LocalDate(2021, 3, 31));   // every spell starts inside it

        StratifiedKaplanMeier<AppointmentKind> byKind = TenureMeasures.KaplanMeierTenureBy(Appointments, window, s => s.StartKind);
        Assert.Equal([AppointmentKind.Permanent, AppointmentKind.Interim, AppointmentKind.Acting], byKind.Strata.Select(s => s.Key));
        Assert.Equal([4L, 1L, 1L], byKind.Strata.Select(s => s.Curve.RecordCount));   // a2's interim-then-permanent spell started as interim
        Assert.Equal(2, byKind.LogRank!.DegreesOfFreedom);                             // three strata: survdiff's k − 1

        HashSet<string> alumni = ["a2", "b1", "c3"];
        StratifiedKaplanMeier<bool> byProgramme = TenureMeasures.KaplanMeierTenureBy(Appointments, window, s => alumni.Contains(s.HolderId));
        Assert.Equal([false, true], byProgramme.Strata.Select(s => s.Key));
        Assert.Equal(0, byProgramme.Find(true)!.EventCount);                          // every alumnus is still in post
        Assert.Equal(1, byProgramme.LogRank!.DegreesOfFreedom);

        StratifiedKaplanMeier<int> byYear = TenureMeasures.KaplanMeierTenureBy(Appointments, TurnoverPeriods.FinancialYear(2020), s => s.StartFinancialYear);
        Assert.Null(byYear.LogRank);                                                   // spells begun before the window enter late: no log-rank
        // end-snippet
    }

    /// <summary>The lines between <c>&lt;!-- begin NAME --&gt;</c> and <c>&lt;!-- end NAME --&gt;</c> in docs/workforce.md, each ending in a line feed.</summary>
    private static string TableInDocs(string name)
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "workforce.md"));
        int start = Array.IndexOf(lines, $"<!-- begin {name} -->");
        int end = Array.IndexOf(lines, $"<!-- end {name} -->");
        Assert.True(start >= 0 && end > start, $"docs/workforce.md has no {name} table");
        return string.Concat(lines[(start + 1)..end].Select(l => l + "\n"));
    }

    [Fact]
    public void Ofsted()
    {
        // begin-snippet: workforce-ofsted
        const string Csv =
            "authority,date,grade\n" +
            "A,2016-03-18,requires-improvement\n" +
            "A,2019-05-24,Inadequate\n" +              // any case
            "A,2021-07-09,3\n" +                       // Ofsted's numeric grade: 3 is requires improvement
            "B,2018-10-12,good\n" +
            "B,2018-10-12,outstanding\n" +             // rows 4 and 5: two judgements of B on one day
            "C,2019-02-30,good\n" +                    // row 6: no such date
            "C,2020-01-31,adequate\n" +                // row 7: not a grade since 2013
            "X,2019-06-21,good\n" +                    // row 8: X is not in the register
            "D,2020-11-20,good\n";                     // row 9: D joined the register on 1 January 2021

        IEnumerable<RecordResult<OfstedJudgement>> records = OfstedJudgementDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv)));
        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(records, Register, asOf: new LocalDate(2024, 3, 31));

        Assert.Equal("9 in = 3 used + 6 reported + 0 skipped", result.Summary.ToString());
        Assert.Equal(
            ["4 judgement.duplicate", "5 judgement.duplicate", "6 date.invalid", "7 value.unknown", "8 judgement.authority-unknown", "9 judgement.outside-register"],
            result.Reported.Select(r => $"{r.RecordNumber} {r.Problems[0].Code}"));

        // Lookups for a model of tenure: the judgement in force on a day, and "an inadequate judgement in the last 12 months".
        OfstedJudgements judgements = result.Judgements;
        LocalDate day = new(2020, 5, 1);
        Assert.Equal(OfstedGrade.Inadequate, judgements.LatestOn("A", day)!.Grade);
        Assert.True(judgements.Between("A", new DateInterval(day.PlusYears(-1).PlusDays(1), day)).Any(j => j.Grade == OfstedGrade.Inadequate));
        Assert.Equal(OfstedGrade.RequiresImprovement, judgements.LatestOn("A", new LocalDate(2024, 3, 31))!.Grade);
        Assert.Null(judgements.LatestOn("C", day));    // C's rows were reported, so C has no judgement to use
        // end-snippet
    }
}
