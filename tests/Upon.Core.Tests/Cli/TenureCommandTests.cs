using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon tenure</c>, run in process on small appointment files written here.</summary>
public sealed class TenureCommandTests : IDisposable
{
    private static readonly Appointment[] Appointments =
        [.. AppointmentDocument.ReadCsv(new StringReader(TurnoverCommandTests.Csv)).Select(r => r.Value!)];

    private readonly string folder = Directory.CreateTempSubdirectory("upon-tenure-").FullName;
    private readonly string file;

    public TenureCommandTests()
    {
        file = Path.Combine(folder, "a.csv");
        File.WriteAllText(file, TurnoverCommandTests.Csv);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void KaplanMeier_IsTheDefault_AndWritesTheTable()
    {
        (int exitCode, string output, string error) = Run("tenure", file, "--as-of", "2022-03-31", "--include-interim");

        // Six spells (a2's interim and permanent appointments are one): c2 leaves after 61 days, then 5 of 6 remain;
        // c1 leaves after 1,735 days (57.0 months) with b1 gone from the risk set, so the curve falls to 5/12, the median.
        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            """
            DCS tenure, Kaplan–Meier over 2015-01-01 to 2022-03-31, counting interim and acting holders, as of 2022-03-31
            Register: from the appointments; records: 7 in = 7 used + 0 reported

            6 spells, 3 ended, 3 still in post at the window's end
            Measure                                Estimate  Std. error  95% CI           At risk  Ended  Censored
            -------------------------------------  --------  ----------  ---------------  -------  -----  --------
            In post after 12 months                   83.3%       15.2%  58.3% to 100.0%        5      1         0
            In post after 24 months                   83.3%       15.2%  58.3% to 100.0%        3      0         2
            In post after 36 months                   83.3%       15.2%  58.3% to 100.0%        3      0         0
            Median tenure (months)                     57.0           -  57.0 to -              -      -         -
            Restricted mean to 60 months (months)      49.1         8.6  -                      -      -         -

            Limits: R's conf.type "log", 95%. "-": not estimated (R's NA), for example a median not reached while more than half are in post.
            At risk, ended, censored: R's n.risk at the month, and n.event and n.censor since the month before (from the start, for the first).

            """,
            output);
    }

    [Fact]
    public void KaplanMeier_Times_AreRsSummaryRows_InMonths()
    {
        // The spells of TurnoverCommandTests.Csv, as R would be asked: summary(fit, times = c(0, 3, 60, 600) * 30.436875).
        // c2 leaves after 61 days (2.004 months); c1 after 57.0 months; a1 after 66 months, past the last time asked.
        (int exitCode, string output, _) = Run("tenure", file, "--as-of", "2022-03-31", "--include-interim", "--times", "600,3,60,0,3");
        JsonElement json = Json("tenure", file, "--as-of", "2022-03-31", "--include-interim", "--times", "600,3,60,0,3", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("In post after 0 months                   100.0%        0.0%  100.0% to 100.0%        6      0         0", output, StringComparison.Ordinal);
        Assert.Contains("In post after 3 months                    83.3%       15.2%  58.3% to 100.0%         5      1         0", output, StringComparison.Ordinal);
        Assert.Contains("In post after 60 months                   41.7%       30.4%  10.0% to 100.0%         1      1         3", output, StringComparison.Ordinal);
        Assert.Contains("In post after 600 months                      -           -  -                       -      -         -", output, StringComparison.Ordinal);
        JsonElement rows = json.GetProperty("groups")[0].GetProperty("survival");
        Assert.Equal("0,3,60", string.Join(",", rows.EnumerateArray().Select(r => r.GetProperty("months").GetDouble())));
        Assert.Equal(2, rows.EnumerateArray().Sum(r => r.GetProperty("events").GetInt64()));
        Assert.Equal(5, rows.EnumerateArray().Sum(r => r.GetProperty("events").GetInt64() + r.GetProperty("censored").GetInt64()));
    }

    [Fact]
    public void KaplanMeier_Curve_IsEveryStepOfTheLibrarysCurve_InMonths()
    {
        JsonElement json = Json("tenure", file, "--as-of", "2022-03-31", "--include-interim", "--curve", "--format", "json");
        (int exitCode, string table, _) = Run("tenure", file, "--as-of", "2022-03-31", "--include-interim", "--curve");

        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(
            [.. AppointmentDocument.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TurnoverCommandTests.Csv))).Select(r => r.Value!)], new NodaTime.DateInterval(new NodaTime.LocalDate(2015, 1, 1), new NodaTime.LocalDate(2022, 3, 31)), lookThroughInterim: false);
        JsonElement points = json.GetProperty("curves").EnumerateArray().Single().GetProperty("points");
        Assert.Equal(curve.Points.Length, points.GetArrayLength());
        foreach ((KaplanMeierPoint point, JsonElement row) in curve.Points.Zip(points.EnumerateArray()))
        {
            Assert.Equal(point.Time / TenureMeasures.DaysPerMonth, row.GetProperty("months").GetDouble(), 12);
            Assert.Equal((point.AtRisk, point.Events, point.Censored), (row.GetProperty("atRisk").GetInt64(), row.GetProperty("events").GetInt64(), row.GetProperty("censored").GetInt64()));
            Assert.Equal(point.Survival, row.GetProperty("survival").GetDouble(), 12);
        }

        Assert.Equal(0, exitCode);
        Assert.Equal(curve.Points.Length, table.Split('\n').Count(line => line.TrimStart().Length > 0 && char.IsAsciiDigit(line.TrimStart()[0])));
    }

    [Theory]
    [InlineData("--times", "12,x")]
    [InlineData("--times", "1201")]
    [InlineData("--times", "-1")]
    [InlineData("--times", "12", "--method", "completed")]
    [InlineData("--curve", "--method", "in-post")]
    [InlineData("--curve", "--times", "12")]
    public void KaplanMeier_BadTimes_AreUsageErrors(params string[] options)
    {
        (int exitCode, string output, _) = Run(["tenure", file, "--as-of", "2022-03-31", .. options]);

        Assert.Equal((2, string.Empty), (exitCode, output));
    }

    [Fact]
    public void KaplanMeier_Json_IsTheLibrarysCurveInMonths()
    {
        JsonElement root = Json("tenure", file, "--as-of", "2022-03-31", "--window", "2019-04-01..2022-03-31", "--horizon", "48", "--include-interim", "--format", "json");

        DateInterval window = new(new LocalDate(2019, 4, 1), new LocalDate(2022, 3, 31));
        KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(Appointments, window);
        Assert.Equal("km", root.GetProperty("method").GetString());
        Assert.Equal("2019-04-01", root.GetProperty("window").GetProperty("start").GetString());
        Assert.False(root.GetProperty("lookThroughInterim").GetBoolean());
        JsonElement group = Assert.Single(root.GetProperty("groups").EnumerateArray());
        Assert.Equal("all", group.GetProperty("group").GetString());
        Assert.Equal(curve.RecordCount, group.GetProperty("records").GetInt64());
        Assert.Equal(curve.EventCount, group.GetProperty("events").GetInt64());
        Assert.Equal(curve.Median.Estimate!.Value / TenureMeasures.DaysPerMonth, group.GetProperty("median").GetProperty("months").GetDouble(), 12);
        RestrictedMean mean = curve.RestrictedMeanTo(48 * TenureMeasures.DaysPerMonth);
        Assert.Equal(48, group.GetProperty("restrictedMean").GetProperty("horizonMonths").GetDouble());
        Assert.Equal(mean.Mean / TenureMeasures.DaysPerMonth, group.GetProperty("restrictedMean").GetProperty("months").GetDouble(), 12);
        Assert.Equal(mean.StandardError / TenureMeasures.DaysPerMonth, group.GetProperty("restrictedMean").GetProperty("standardError").GetDouble(), 12);
        foreach (JsonElement row in group.GetProperty("survival").EnumerateArray())
        {
            SurvivalEstimate at = curve.SurvivalAt(row.GetProperty("months").GetDouble() * TenureMeasures.DaysPerMonth)!.Value;
            Assert.Equal(at.Survival, row.GetProperty("survival").GetDouble(), 12);
            Assert.Equal(at.AtRisk, row.GetProperty("atRisk").GetInt64());
        }

        Assert.Equal([12.0, 24.0, 36.0], group.GetProperty("survival").EnumerateArray().Select(r => r.GetProperty("months").GetDouble()));
    }

    [Fact]
    public void FromAndTo_AreTheSameAsWindow()
    {
        (_, string window, _) = Run("tenure", file, "--as-of", "2022-03-31", "--window", "2019-04-01..2021-12-31", "--format", "json");
        (_, string fromTo, _) = Run("tenure", file, "--as-of", "2022-03-31", "--from", "2019-04-01", "--to", "2021-12-31", "--format", "json");

        Assert.Equal(window, fromTo);
        Assert.Contains("\"end\": \"2021-12-31\"", window, StringComparison.Ordinal);
    }

    [Fact]
    public void Completed_IsTheMeanAndMedianOfTenuresEndingInTheWindow()
    {
        (int exitCode, string output, _) = Run("tenure", file, "--as-of", "2021-03-31", "--method", "completed", "--window", "2020-04-01..2021-03-31", "--include-interim");

        // a1 (2,008 days), c1 (1,735) and c2 (61), as docs/workforce.md: mean 1,268 days, median 1,735.
        Assert.Equal(0, exitCode);
        Assert.Equal(
            """
            DCS tenure, completed tenures ending 2020-04-01 to 2021-03-31, counting interim and acting holders, as of 2021-03-31
            Register: from the appointments; records: 7 in = 7 used + 0 reported

            Tenures ended  Mean, months  Median, months
            -------------  ------------  --------------
                        3          41.7            57.0

            """,
            output);
        JsonElement group = Json("tenure", file, "--as-of", "2021-03-31", "--method", "completed", "--window", "2020-04-01..2021-03-31", "--include-interim", "--format", "json").GetProperty("groups")[0];
        Assert.Equal(3, group.GetProperty("count").GetInt32());
        Assert.Equal(1268 / TenureMeasures.DaysPerMonth, group.GetProperty("meanMonths").GetDouble(), 12);
        Assert.Equal(1735 / TenureMeasures.DaysPerMonth, group.GetProperty("medianMonths").GetDouble(), 12);
    }

    [Fact]
    public void InPost_IsTheAdcsAverageTenureOnTheAsOfDate()
    {
        JsonElement counted = Json("tenure", file, "--as-of", "2021-03-31", "--method", "in-post", "--include-interim", "--format", "json");
        JsonElement lookThrough = Json("tenure", file, "--as-of", "2021-03-31", "--method", "in-post", "--format", "json");

        // a2 (274 days), b1 (1,066) and c3 (121): mean 487 days, 16.0 months.
        Assert.False(counted.TryGetProperty("window", out _));
        Assert.Equal(3, counted.GetProperty("groups")[0].GetProperty("count").GetInt32());
        Assert.Equal(487 / TenureMeasures.DaysPerMonth, counted.GetProperty("groups")[0].GetProperty("meanMonths").GetDouble(), 12);
        Assert.Equal(TenureMeasures.TimeInPost(Appointments, new LocalDate(2021, 3, 31), lookThroughInterim: true).MeanMonths!.Value, lookThrough.GetProperty("groups")[0].GetProperty("meanMonths").GetDouble(), 12);
    }

    [Fact]
    public void InPost_On_MeasuresOnAnEarlierDayOfRecordsKnownToALaterOne()
    {
        JsonElement report = Json("tenure", file, "--as-of", "2022-03-31", "--method", "in-post", "--on", "2021-03-31", "--include-interim", "--format", "json");

        Assert.Equal("2021-03-31", report.GetProperty("on").GetString());
        Assert.Equal("2022-03-31", report.GetProperty("asOf").GetString());
        Assert.Equal(TenureMeasures.TimeInPost(Appointments, new LocalDate(2021, 3, 31)).MeanMonths!.Value, report.GetProperty("groups")[0].GetProperty("meanMonths").GetDouble(), 12);
    }

    [Theory]
    [InlineData("in-post", "2022-04-01", "--on (2022-04-01) is after the as-of date (2022-03-31).")]
    [InlineData("km", "2021-03-31", "--on is the day of --method in-post; the other methods take --window.")]
    public void On_OutsideInPostOrAfterTheAsOfDate_IsAUsageError(string method, string on, string message)
    {
        (int exitCode, _, string error) = Run("tenure", file, "--as-of", "2022-03-31", "--method", method, "--on", on);

        Assert.Equal(2, exitCode);
        Assert.Equal($"upon: {message}\nRun 'upon tenure --help' for usage.\n", error);
    }

    [Fact]
    public void BadRecords_ExitOne_OrAreReportedAndLeftOutWhenContinuing()
    {
        string bad = Path.Combine(folder, "bad.csv");
        File.WriteAllText(bad, TurnoverCommandTests.BadCsv);

        (int stopped, string nothing, string problems) = Run("tenure", bad, "--as-of", "2022-03-31");
        (int continued, string output, _) = Run("tenure", bad, "--as-of", "2022-03-31", "--method", "in-post", "--on-error", "continue", "--format", "json");

        Assert.Equal(1, stopped);
        Assert.Equal(string.Empty, nothing);
        Assert.Contains("record 3: end: The last day in post is before the first. (date.end-before-start)", problems, StringComparison.Ordinal);
        Assert.Contains("record 6: $.start: The first day in post is after the as-of date. (appointment.after-as-of)", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problems, StringComparison.Ordinal);
        Assert.Equal(0, continued);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal(1, document.RootElement.GetProperty("input").GetProperty("records").GetProperty("used").GetInt32());
        Assert.Equal(0, document.RootElement.GetProperty("groups")[0].GetProperty("count").GetInt32()); // a1, the one valid record, left in 2020
    }

    [Fact]
    public void ByKind_IsOneCurvePerKindWithTheLibrarysLogRankTest()
    {
        JsonElement root = Json("tenure", file, "--as-of", "2022-03-31", "--by", "kind", "--include-interim", "--format", "json");

        DateInterval window = new(new LocalDate(2015, 1, 1), new LocalDate(2022, 3, 31));
        StratifiedKaplanMeier<AppointmentKind> strata = TenureMeasures.KaplanMeierTenureBy(Appointments, window, s => s.StartKind);
        Assert.Equal("kind", root.GetProperty("by").GetString());
        Assert.Equal(["acting", "interim", "permanent"], root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal([1L, 1L, 4L], root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("records").GetInt64()));
        Assert.Equal(strata.LogRank!.ChiSquare, root.GetProperty("logRank").GetProperty("chiSquare").GetDouble(), 12);
        Assert.Equal(2, root.GetProperty("logRank").GetProperty("degreesOfFreedom").GetInt32());
    }

    [Fact]
    public void ByStartYear_WithDelayedEntry_HasNoLogRankTest_AndSaysWhy()
    {
        (int exitCode, string output, _) = Run("tenure", file, "--as-of", "2022-03-31", "--window", "2019-04-01..2022-03-31", "--by", "start-financial-year");

        Assert.Equal(0, exitCode);
        Assert.Contains("2014/15: 1 spell, 1 ended, 0 still in post at the window's end\n", output, StringComparison.Ordinal);
        Assert.Contains("2020/21: ", output, StringComparison.Ordinal);
        Assert.Contains("No log-rank test: some spells began before the window", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_DrawsTheKaplanMeierCurveInMonths()
    {
        string svg = Path.Combine(folder, "tenure.svg");

        (int exitCode, string output, _) = Run("tenure", file, "--as-of", "2022-03-31", "--svg", svg);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("DCS tenure, Kaplan–Meier", output, StringComparison.Ordinal);
        System.Xml.Linq.XDocument chart = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        Assert.Contains("Months in post", File.ReadAllText(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void AWindowWithoutSpells_EstimatesNothing_AndDrawsNothing()
    {
        string svg = Path.Combine(folder, "empty.svg");

        (int exitCode, string output, string error) = Run("tenure", file, "--as-of", "2022-03-31", "--window", "2010-01-01..2010-12-31", "--svg", svg, "--format", "json");
        (int byExit, string byOutput, _) = Run("tenure", file, "--as-of", "2022-03-31", "--window", "2010-01-01..2010-12-31", "--by", "kind");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement group = document.RootElement.GetProperty("groups")[0];
        Assert.Equal(0, group.GetProperty("records").GetInt64());
        Assert.False(group.TryGetProperty("restrictedMean", out _));
        Assert.Equal(0, group.GetProperty("survival").GetArrayLength());
        Assert.False(File.Exists(svg));
        Assert.Equal("upon: nothing to draw, so 'empty.svg' was not written.\n", error);
        Assert.Equal(0, byExit);
        Assert.Contains("No spells in the window.", byOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Log-rank", byOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method", "in-post", "--window", "2020-01-01..2020-12-31")]
    [InlineData("--window", "2020-01-01..2020-12-31", "--from", "2020-01-01")]
    [InlineData("--window", "2020-01-01..2023-12-31")]
    [InlineData("--window", "2020-12-31..2020-01-01")]
    [InlineData("--window", "2020-01-01")]
    [InlineData("--from", "2021-01-01", "--to", "2020-01-01")]
    [InlineData("--to", "2022-04-01")]
    [InlineData("--from", "2022-04-01")]
    [InlineData("--horizon", "0")]
    [InlineData("--method", "mean")]
    [InlineData("--method", "completed", "--svg", "t.svg")]
    [InlineData("--svg", "no/such/folder/t.svg")]
    [InlineData("--method", "in-post", "--by", "kind")]
    [InlineData("--by", "authority")]
    public void BadOptions_AreUsageErrors(params string[] options)
    {
        (int exitCode, string output, string error) = Run(["tenure", file, "--as-of", "2022-03-31", .. options]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAsOf_MeasuresAsOfTheLastDateInTheRecords_AndSaysSo()
    {
        // The records' last date is the latest first or last day in post of a valid record: never the day the test runs.
        string last = LastDate(File.ReadAllText(file));
        (int exitCode, string output, string error) = Run("tenure", file);
        (int givenExit, string given, string givenError) = Run("tenure", file, "--as-of", last);

        Assert.Equal((0, 0, string.Empty), (exitCode, givenExit, givenError));
        Assert.Equal($"upon: as of {last}, the last date in the records (give --as-of for another date).\n", error);
        Assert.Equal(given, output);
        Assert.Contains($"as of {last}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAsOf_FromStandardInput_IsAUsageError()
    {
        (int exitCode, string output, string error) = Run("tenure", "-");

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains("give --as-of when the records come from standard input", error, StringComparison.Ordinal);
    }

    /// <summary>The latest start or end date in a CSV of appointments, the oracle for the default as-of date.</summary>
    internal static string LastDate(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .SelectMany(line => line.Split(',')[2..4])
            .Where(field => field.Length == 10)
            .Max(StringComparer.Ordinal)!;

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => TurnoverCommandTests.Run(args);

    private static JsonElement Json(params string[] args) => TurnoverCommandTests.Json(args);
}
