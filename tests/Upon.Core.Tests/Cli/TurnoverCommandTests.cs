using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Tests.Support;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon turnover</c>, run in process on small appointment files written here.</summary>
public sealed class TurnoverCommandTests : IDisposable
{
    /// <summary>The appointments of docs/workforce.md's examples: A's interim is confirmed, C has an acting DCS between two permanent ones.</summary>
    internal const string Csv =
        "authority,holder,start,end,kind,shared\n" +
        "A,a1,2015-01-01,2020-06-30,permanent,\n" +
        "A,a2,2020-07-01,2020-12-31,interim,\n" +
        "A,a2,2021-01-01,,permanent,\n" +
        "B,b1,2018-05-01,,permanent,\n" +
        "C,c1,2016-01-01,2020-09-30,permanent,\n" +
        "C,c2,2020-10-01,2020-11-30,acting,\n" +
        "C,c3,2020-12-01,,permanent,\n";

    /// <summary>One defect per record from record 2 on; holder ids are secrets that must never reach the output.</summary>
    internal const string BadCsv =
        "authority,holder,start,end,kind,shared\n" +
        "A,secret-a1,2015-01-01,2020-06-30,permanent,\n" +
        "A,secret-a2,2020-07-01,,permanent\n" +             // 2: five fields
        "B,secret-b1,2018-05-01,2018-04-30,permanent,\n" +   // 3: end before start
        "C,secret-c1,2016-01-01,,permanent,\n" +             // 4 and 5: two permanent DCSs at once
        "C,secret-c2,2020-01-01,,permanent,\n" +
        "D,secret-d1,2023-01-01,,interim,\n";                // 6: after the as-of date

    /// <summary>The register of docs/workforce.md's examples: D joins on 1 January 2021.</summary>
    internal const string Register =
        "code,name,region,effectiveFrom,effectiveTo\n" +
        "A,Northshire,North East,2000-01-01,\n" +
        "B,Southshire,South East,2000-01-01,\n" +
        "C,Eastshire,East of England,2000-01-01,\n" +
        "D,Newshire,East of England,2021-01-01,\n";

    private readonly string folder = Directory.CreateTempSubdirectory("upon-turnover-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FinancialYears_LookThroughInterimByDefault_WritesTheTable()
    {
        (int exitCode, string output, string error) = Run("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--from", "2019");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            """
            DCS turnover by financial year, looking through interim and acting holders, as of 2022-03-31
            Register: from the appointments; records: 7 in = 7 used + 0 reported

            Period   Authorities  Changes  With a change  Change rate  Authority change rate  Stability
            -------  -----------  -------  -------------  -----------  ---------------------  ---------------
            2019/20            3        0              0         0.0%                   0.0%  100.0% (3 of 3)
            2020/21            3        2              2        66.7%                  66.7%  33.3% (1 of 3)
            2021/22            3        0              0         0.0%                   0.0%  100.0% (3 of 3)

            Period   First-time DCSs  Moves  Returns  Unknown  New permanent  Interim appointments
            -------  ---------------  -----  -------  -------  -------------  --------------------
            2019/20                0      0        0        0              0                     0
            2020/21                2      0        0        0              1                     1
            2021/22                0      0        0        0              0                     0

            2021/22: the change rate, 0.0%, is the lowest since 2019/20.
            2021/22: the authority change rate, 0.0%, is the lowest since 2019/20.
            2021/22: the stability index, 100.0%, is the highest since 2019/20.

            Origins: a first DCS post, a move from another authority, a return to the same post, or unknown (in post when the records begin, 2015-01-01).
            Change rate: changes / authorities. Authority change rate: authorities with a change / authorities.
            Stability: authorities whose DCS a year before the period's end is still in post at its end.

            """,
            output);
    }

    [Fact]
    public void IncludeInterim_CountsTheActingDcsAsADsChange_AsAdcsDoes()
    {
        JsonElement lookThrough = Json("turnover", Write("a.csv", Csv), "--as-of", "2021-03-31", "--from", "2020", "--format", "json");
        JsonElement counted = Json("turnover", Write("a.csv", Csv), "--as-of", "2021-03-31", "--from", "2020", "--include-interim", "--format", "json");

        Assert.True(lookThrough.GetProperty("lookThroughInterim").GetBoolean());
        Assert.False(counted.GetProperty("lookThroughInterim").GetBoolean());
        Assert.Equal(2, lookThrough.GetProperty("periods")[0].GetProperty("changes").GetInt32());
        Assert.Equal(3, counted.GetProperty("periods")[0].GetProperty("changes").GetInt32());
        Assert.Equal(2, counted.GetProperty("periods")[0].GetProperty("authoritiesWithChange").GetInt32());
    }

    [Fact]
    public void FormatJson_IsOneDocumentWithEveryFigure()
    {
        JsonElement root = Json("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--from", "2020", "--to", "2020", "--include-interim", "--format", "json");

        Assert.Equal("financial-year", root.GetProperty("by").GetString());
        Assert.Equal("2022-03-31", root.GetProperty("asOf").GetString());
        Assert.Equal("from the appointments", root.GetProperty("input").GetProperty("register").GetString());
        Assert.Equal(7, root.GetProperty("input").GetProperty("records").GetProperty("records").GetInt32());
        Assert.Equal(7, root.GetProperty("input").GetProperty("records").GetProperty("used").GetInt32());
        Assert.Equal(0, root.GetProperty("input").GetProperty("reported").GetArrayLength());
        JsonElement period = Assert.Single(root.GetProperty("periods").EnumerateArray());
        Assert.Equal("2020/21", period.GetProperty("label").GetString());
        Assert.Equal("2020-04-01", period.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2021-03-31", period.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(3, period.GetProperty("authorities").GetInt32());
        Assert.Equal(1.0, period.GetProperty("changeRate").GetDouble());
        Assert.Equal(2.0 / 3, period.GetProperty("authorityChangeRate").GetDouble(), 12);
        Assert.Equal(0, period.GetProperty("changesOutsideRegister").GetInt32());
        JsonElement stability = period.GetProperty("stability");
        Assert.Equal("2020-03-31", stability.GetProperty("from").GetString());
        Assert.Equal(3, stability.GetProperty("eligible").GetInt32());
        Assert.Equal(1, stability.GetProperty("stable").GetInt32());
        Assert.Equal(1.0 / 3, stability.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void CalendarYears_AndRolling12Months_UseThoseBounds()
    {
        JsonElement calendar = Json("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--by", "calendar-year", "--include-interim", "--format", "json");
        JsonElement rolling = Json("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--by", "rolling", "--end", "2021-03-31", "--format", "json");
        JsonElement rollingToAsOf = Json("turnover", Write("a.csv", Csv), "--as-of", "2021-03-31", "--by", "rolling", "--format", "json");

        // From 2015 (the earliest start) to 2021, the last calendar year that ends by 31 March 2022.
        Assert.Equal(["2015", "2016", "2017", "2018", "2019", "2020", "2021"], calendar.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
        Assert.Equal(3, calendar.GetProperty("periods")[5].GetProperty("changes").GetInt32());
        foreach (JsonElement root in new[] { rolling, rollingToAsOf })
        {
            JsonElement period = Assert.Single(root.GetProperty("periods").EnumerateArray());
            Assert.Equal("2020-04-01 to 2021-03-31", period.GetProperty("label").GetString());
            Assert.Equal(2, period.GetProperty("changes").GetInt32());
        }
    }

    [Fact]
    public void DefaultYears_RunFromTheEarliestAppointmentToTheLastWholeYearByTheAsOfDate()
    {
        JsonElement root = Json("turnover", Write("a.csv", Csv), "--as-of", "2022-03-30", "--format", "json");

        Assert.Equal(
            ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"],
            root.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
    }

    [Fact]
    public void JsonFiles_AreReadByExtensionOrContent()
    {
        const string Array = """
            [
              { "authorityCode": "A", "holderId": "a1", "start": "2015-01-01", "end": "2020-06-30", "kind": "permanent" },
              { "authorityCode": "A", "holderId": "a2", "start": "2020-07-01", "kind": "interim" }
            ]
            """;
        const string Lines = """
            {"authorityCode": "A", "holderId": "a1", "start": "2015-01-01", "end": "2020-06-30", "kind": "permanent"}
            {"authorityCode": "A", "holderId": "a2", "start": "2020-07-01", "kind": "interim"}
            """;

        foreach (string file in new[] { Write("a.json", Array), Write("a.jsonl", Lines), Write("appointments", Array), Write("appointments.txt", Lines) })
        {
            JsonElement root = Json("turnover", file, "--as-of", "2021-03-31", "--from", "2020", "--include-interim", "--format", "json");
            Assert.Equal(2, root.GetProperty("input").GetProperty("records").GetProperty("used").GetInt32());
            Assert.Equal(1, root.GetProperty("periods")[0].GetProperty("changes").GetInt32());
        }
    }

    [Fact]
    public void BadRecords_AreEachListedWithNumberAndCode_WithoutValues_AndExitOne()
    {
        (int exitCode, string output, string error) = Run("turnover", Write("bad.csv", BadCsv), "--as-of", "2022-03-31");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            """
            upon: 5 records of 'bad.csv' have problems:
              record 2: row: The row has 5 fields where the header has 6. (csv.row-malformed)
              record 3: end: The last day in post is before the first. (date.end-before-start)
              record 4: $.start: Another permanent appointment of the same authority shares at least one day with this one. (appointment.permanent-overlap)
              record 5: $.start: Another permanent appointment of the same authority shares at least one day with this one. (appointment.permanent-overlap)
              record 6: $.start: The first day in post is after the as-of date. (appointment.after-as-of)
            upon: 6 records: 1 used, 5 reported, 0 skipped; nothing measured (use --on-error continue to measure the valid records).

            """,
            error);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OnErrorContinue_MeasuresTheValidRecords_AndTheSummaryAddsUp()
    {
        (int exitCode, string output, string error) = Run("turnover", Write("bad.csv", BadCsv), "--as-of", "2022-03-31", "--on-error", "continue", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.EndsWith("upon: 6 records: 1 used, 5 reported, 0 skipped; measuring the 1 valid record.\n", error, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal(6, root.GetProperty("input").GetProperty("records").GetProperty("records").GetInt32());
        Assert.Equal(1, root.GetProperty("input").GetProperty("records").GetProperty("used").GetInt32());
        Assert.Equal(5, root.GetProperty("input").GetProperty("records").GetProperty("reported").GetInt32());
        Assert.Equal([2, 3, 4, 5, 6], root.GetProperty("input").GetProperty("reported").EnumerateArray().Select(r => r.GetProperty("record").GetInt32()));
        Assert.Equal("appointment.after-as-of", root.GetProperty("input").GetProperty("reported")[4].GetProperty("problems")[0].GetProperty("code").GetString());
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHeader_ExitsOneEvenWhenContinuing()
    {
        (int exitCode, string output, string error) = Run("turnover", Write("h.csv", "authority,person,start\nA,a1,2020-01-01\n"), "--as-of", "2022-03-31", "--on-error", "continue");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("record 0: ", error, StringComparison.Ordinal);
        Assert.Contains("(csv.header-invalid)", error, StringComparison.Ordinal);
        Assert.Contains("the file cannot be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHeader_CountsEveryDataRow()
    {
        (int exitCode, _, string error) = Run("turnover", Write("foo.csv", "foo,bar\nE1,H1\nE2,H2\n"), "--as-of", "2022-03-31", "--on-error", "continue");

        Assert.Equal(1, exitCode);
        Assert.Contains("  record 2: row: The row cannot be read: the header row is not valid (see the problems of record 0). (csv.header-invalid)\n", error, StringComparison.Ordinal);
        Assert.EndsWith("upon: 2 records: 0 used, 2 reported, 0 skipped; the file cannot be read.\n", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n")]
    [InlineData("\uFEFF")]
    public void EmptyFile_IsZeroRecords_AsAHeaderWithoutRows(string content)
    {
        (int exitCode, string output, string error) = Run("turnover", Write("empty.csv", content), "--as-of", "2022-03-31", "--format", "json");
        (int headerExitCode, string headerOutput, string headerError) = Run("turnover", Write("header.csv", "authority,holder,start,end,kind,shared\n"), "--as-of", "2022-03-31", "--format", "json");

        Assert.Equal((headerExitCode, headerOutput, headerError), (exitCode, output, error));
        Assert.Contains("\"records\": 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ExitsOne()
    {
        (int exitCode, _, string error) = Run("turnover", Path.Combine(folder, "none.csv"), "--as-of", "2022-03-31");

        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "2019", "--from", "2020")]
    [InlineData("--to", "2021", "--as-of", "2022-01-01")]
    [InlineData("--from", "0")]
    [InlineData("--end", "2021-03-31")]
    [InlineData("--by", "rolling", "--from", "2020")]
    [InlineData("--by", "rolling", "--end", "2023-01-01", "--as-of", "2022-03-31")]
    [InlineData("--by", "weekly")]
    [InlineData("--as-of", "2022-02-30")]
    [InlineData("--on-error", "ignore")]
    [InlineData("--format", "xml")]
    public void BadOptions_AreUsageErrors(params string[] options)
    {
        (int exitCode, string output, string error) = Run(["turnover", Write("a.csv", Csv), .. options]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "financial-year")]
    [InlineData("--by", "calendar-year")]
    [InlineData("--by", "rolling")]
    public void WithoutAsOf_MeasuresAsOfTheLastDateInTheRecords_NeverPastThem(params string[] options)
    {
        // A's permanent appointment from 2021-01-01 is the last date: no period may end after it, whatever the clock says.
        string file = Write("a.csv", Csv);
        (int exitCode, string output, string error) = Run(["turnover", file, .. options]);
        (int givenExit, string given, _) = Run(["turnover", file, "--as-of", "2021-01-01", .. options]);

        Assert.Equal((0, 0), (exitCode, givenExit));
        Assert.Equal("upon: as of 2021-01-01, the last date in the records (give --as-of for another date).\n", error);
        Assert.Equal(given, output);
        Assert.Equal("2021-01-01", TenureCommandTests.LastDate(Csv));
        Assert.DoesNotContain("2021/22", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2020/21", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAsOf_AFileWithNoValidRecord_SaysToGiveIt()
    {
        (int exitCode, string output, string error) = Run("turnover", Write("a.csv", "authority,holder,start,end,kind,shared\nA,a1,2015-13-01,,permanent,\n"));

        Assert.Equal((1, string.Empty), (exitCode, output));
        Assert.Contains("has no valid record to take the as-of date from; give --as-of.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAsOf_FromStandardInput_IsAUsageError()
    {
        (int exitCode, string output, string error) = Run("turnover", "-");

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains("give --as-of when the records come from standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWholeYearByTheAsOfDate_IsAUsageError()
    {
        (int exitCode, _, string error) = Run("turnover", Write("a.csv", Csv), "--as-of", "2015-03-30", "--from", "2014");

        Assert.Equal(2, exitCode);
        Assert.Contains("no whole financial year from 2014 ends by the as-of date 2015-03-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_GivesTheDenominator_AndUnknownOrOutOfPeriodAuthoritiesAreReported()
    {
        string register = Write("register.csv", Register);
        string appointments = Write("a.csv", Csv + "X,x1,2019-01-01,,interim,\n" + "D,d0,2020-06-01,2020-12-31,interim,\n");

        (int stopped, string nothing, string error) = Run("turnover", appointments, "--register", register, "--as-of", "2022-03-31");
        JsonElement root = Json("turnover", appointments, "--register", register, "--as-of", "2021-03-31", "--from", "2020", "--on-error", "continue", "--format", "json");

        Assert.Equal(1, stopped);
        Assert.Equal(string.Empty, nothing);
        Assert.Contains("record 8: $.authorityCode: The authority code is not in the register. (appointment.authority-unknown)", error, StringComparison.Ordinal);
        Assert.Contains("record 9: $.start: The appointment falls outside its authority's period in the register. (appointment.outside-register)", error, StringComparison.Ordinal);
        Assert.Equal("register.csv", root.GetProperty("input").GetProperty("register").GetString());
        Assert.Equal(4, root.GetProperty("periods")[0].GetProperty("authorities").GetInt32()); // D joined on 1 January 2021
        Assert.Equal(0.5, root.GetProperty("periods")[0].GetProperty("changeRate").GetDouble());
    }

    [Fact]
    public void BadOrMissingRegister_ExitsOneListingEveryProblem()
    {
        string appointments = Write("a.csv", Csv);
        string bad = Write("bad-register.csv", "code,name,region,effectiveFrom,effectiveTo\nA,Northshire,North East,2000-01-01,\nA,Again,North East,2000-01-01,\nB,Southshire,South East,2000-13-01,\n");

        (int exitCode, string output, string error) = Run("turnover", appointments, "--register", bad, "--as-of", "2022-03-31", "--on-error", "continue");
        (int missing, _, string why) = Run("tenure", appointments, "--register", Path.Combine(folder, "none.csv"), "--as-of", "2022-03-31");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: the register file 'bad-register.csv' is not valid:\n", error, StringComparison.Ordinal);
        Assert.Contains("  record 1: ", error, StringComparison.Ordinal);
        Assert.Contains("(register.code-duplicate)", error, StringComparison.Ordinal);
        Assert.Contains("  record 3: ", error, StringComparison.Ordinal);
        Assert.Contains("(date.invalid)", error, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Contains("does not exist", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_DrawsTheChangeRatesOfThePeriods()
    {
        string svg = Path.Combine(folder, "turnover.svg");

        (int exitCode, _, _) = Run("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--from", "2019", "--svg", svg);

        Assert.Equal(0, exitCode);
        System.Xml.Linq.XDocument chart = System.Xml.Linq.XDocument.Load(svg);
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        string text = File.ReadAllText(svg);
        Assert.Contains("DCS changes per authority by financial year", text, StringComparison.Ordinal);
        Assert.Contains("2020/21", text, StringComparison.Ordinal);
        Assert.Equal(2, Run("turnover", Write("a.csv", Csv), "--as-of", "2022-03-31", "--svg", Path.Combine(folder, "no", "such", "t.svg")).ExitCode);
    }

    [Fact]
    public void Origins_AddUpToTheChanges_AndCountTheMoveBetweenAuthorities()
    {
        JsonElement root = Json("turnover", Example("appointments.csv"), "--register", Example("register.csv"), "--as-of", "2025-03-31", "--include-interim", "--format", "json");

        foreach (JsonElement period in root.GetProperty("periods").EnumerateArray())
        {
            JsonElement origins = period.GetProperty("origins");
            Assert.Equal(
                period.GetProperty("changes").GetInt32(),
                origins.GetProperty("firstTime").GetInt32() + origins.GetProperty("moves").GetInt32() + origins.GetProperty("returns").GetInt32() + origins.GetProperty("unknown").GetInt32());
        }

        JsonElement year = root.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "2020/21");
        Assert.Equal(1, year.GetProperty("origins").GetProperty("moves").GetInt32()); // H002, interim in Northshire in 2017/18, then in Downshire
        Assert.Equal("2010-03-01", year.GetProperty("origins").GetProperty("historyFrom").GetString());
    }

    [Fact]
    public void HistoryFrom_DecidesWhoIsFirstTimeAndWhoIsUnknown()
    {
        string[] common = ["turnover", Example("appointments.csv"), "--register", Example("register.csv"), "--as-of", "2025-03-31", "--include-interim", "--from", "2012", "--to", "2012", "--format", "json"];
        JsonElement byDefault = Json(common).GetProperty("periods")[0].GetProperty("origins");
        JsonElement later = Json([.. common, "--history-from", "2013-03-31"]).GetProperty("periods")[0].GetProperty("origins");
        Turnover expected = Turnover.Measure(ReadExample(), ReadRegister(), TurnoverPeriods.FinancialYear(2012), historyFrom: new LocalDate(2013, 3, 31));

        Assert.Equal("2013-03-31", later.GetProperty("historyFrom").GetString());
        Assert.Equal(expected.Origins.FirstTime, later.GetProperty("firstTime").GetInt32());
        Assert.Equal(expected.Origins.Unknown, later.GetProperty("unknown").GetInt32());
        Assert.Equal(0, later.GetProperty("firstTime").GetInt32());   // every change of 2012/13 starts by the history's first day
        Assert.Equal(byDefault.GetProperty("firstTime").GetInt32() + byDefault.GetProperty("unknown").GetInt32(), later.GetProperty("unknown").GetInt32());
    }

    [Fact]
    public void Notes_SayWhenTheLastYearIsTheLowestOrHighestSince()
    {
        JsonElement root = Json("turnover", Example("appointments.csv"), "--register", Example("register.csv"), "--as-of", "2025-03-31", "--from", "2015", "--include-interim", "--format", "json");
        JsonElement rolling = Json("turnover", Example("appointments.csv"), "--register", Example("register.csv"), "--as-of", "2025-03-31", "--by", "rolling", "--format", "json");

        Assert.Equal(
            ["2024/25: the change rate, 18.2%, is the lowest since 2022/23.", "2024/25: the authority change rate, 18.2%, is the lowest since 2022/23.", "2024/25: the stability index, 81.8%, is the highest since 2022/23."],
            root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(0, rolling.GetProperty("notes").GetArrayLength());
    }

    [Theory]
    [InlineData("turnover docs/examples/appointments.csv --register docs/examples/register.csv --as-of 2025-03-31 --from 2018 --include-interim")]
    [InlineData("tenure docs/examples/appointments.csv --register docs/examples/register.csv --as-of 2025-03-31")]
    [InlineData("tenure docs/examples/appointments.csv --register docs/examples/register.csv --as-of 2025-03-31 --method in-post --include-interim")]
    [InlineData("tenure docs/examples/appointments.csv --register docs/examples/register.csv --as-of 2025-03-31 --method completed --window 2020-04-01..2025-03-31")]
    public void WorkforceDoc_ShowsTheRealOutputOfTheExampleFiles(string commandLine)
    {
        string[] args = [.. commandLine.Split(' ').Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Repository.PathOf(a.Split('/')) : a)];

        (int exitCode, string output, string error) = Run(args);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        string page = File.ReadAllText(Repository.PathOf("docs", "workforce.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains($"$ upon {commandLine}\n{output}", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("turnover")]
    [InlineData("tenure")]
    public void Help_DescribesEveryOption(string command)
    {
        (int exitCode, string output, _) = Run(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--include-interim", output, StringComparison.Ordinal);
        Assert.Contains("--on-error <stop|continue>", output, StringComparison.Ordinal);
        Assert.Contains("--register <FILE>", output, StringComparison.Ordinal);
    }

    [Property]
    public Property Property_TheCommandsFiguresAreTheLibrarys()
    {
        LocalDate asOf = new(2025, 3, 31);
        return Prop.ForAll(
            WorkforceGenerators.AppointmentsWithPeriod(),
            ((Appointment[] Appointments, DateInterval Period) t) =>
            {
                string file = Write("p.csv", ToCsv(t.Appointments));
                int year = t.Period.Start.Year;
                bool include = t.Period.Start.Day % 2 == 0;
                string[] options = include ? ["--include-interim"] : [];
                JsonElement root = Json(["turnover", file, "--as-of", "2025-03-31", "--on-error", "continue", "--from", $"{year}", "--to", $"{year}", "--format", "json", .. options]);

                // Without --register, the authorities are those the file names, in force throughout.
                AuthorityRegister named = new(t.Appointments.Select(a => a.AuthorityCode).Distinct().Select(c => new Authority(c, c, "unknown", LocalDate.MinIsoValue)));
                AppointmentValidationResult valid = AppointmentValidation.Validate(t.Appointments.Select((a, i) => RecordResult.Success(i + 1, a)), named, asOf);
                Turnover expected = Turnover.Measure(valid.Appointments, named, TurnoverPeriods.FinancialYear(year), !include);
                JsonElement period = root.GetProperty("periods")[0];
                Assert.Equal(t.Appointments.Length, root.GetProperty("input").GetProperty("records").GetProperty("records").GetInt32());
                Assert.Equal(valid.Summary.Used, root.GetProperty("input").GetProperty("records").GetProperty("used").GetInt32());
                Assert.Equal(valid.Summary.Reported, root.GetProperty("input").GetProperty("records").GetProperty("reported").GetInt32());
                Assert.Equal(expected.Changes, period.GetProperty("changes").GetInt32());
                Assert.Equal(expected.AuthoritiesWithChange, period.GetProperty("authoritiesWithChange").GetInt32());
                Assert.Equal(expected.AuthorityCount, period.GetProperty("authorities").GetInt32());
                Assert.Equal(expected.Stability.Stable, period.GetProperty("stability").GetProperty("stable").GetInt32());
            });
    }

    [Property]
    public Property Property_RecordsInAreUsedPlusReported_AndStopExitsOneExactlyWhenSomeAreReported()
    {
        return Prop.ForAll(
            Arb.From(AppointmentDocumentGenerators.Row().ArrayOf()),
            ((string[] Row, bool Good)[] rows) =>
            {
                byte[] csv = AppointmentDocumentGenerators.Csv(rows.Select(r => r.Row), new AppointmentDocumentGenerators.CsvLayout([0, 1, 2, 3, 4, 5, 6], "\n", ByteOrderMark: false, QuoteAll: false, FinalNewLine: true));
                string file = Path.Combine(folder, "rows.csv");
                File.WriteAllBytes(file, csv);
                (int continued, string output, _) = Run("turnover", file, "--as-of", "2030-12-31", "--on-error", "continue", "--from", "2020", "--to", "2020", "--format", "json");
                (int stopped, _, _) = Run("turnover", file, "--as-of", "2030-12-31", "--from", "2020", "--to", "2020");

                Assert.Equal(0, continued);
                using JsonDocument document = JsonDocument.Parse(output);
                JsonElement records = document.RootElement.GetProperty("input").GetProperty("records");
                int reported = records.GetProperty("reported").GetInt32();
                Assert.Equal(rows.Length, records.GetProperty("records").GetInt32());
                Assert.Equal(rows.Length, records.GetProperty("used").GetInt32() + reported);
                Assert.True(reported >= rows.Count(r => !r.Good));
                Assert.Equal(reported > 0 ? 1 : 0, stopped);
            });
    }

    internal static string Example(string name) => Repository.PathOf("docs", "examples", name);

    private static Appointment[] ReadExample()
    {
        using FileStream stream = File.OpenRead(Example("appointments.csv"));
        return [.. AppointmentDocument.ReadCsv(stream).Select(r => r.Value!)];
    }

    private static AuthorityRegister ReadRegister()
    {
        using FileStream stream = File.OpenRead(Example("register.csv"));
        return AuthorityRegisterDocument.ReadCsv(stream).Register;
    }

    internal static string ToCsv(Appointment[] appointments)
    {
        StringBuilder csv = new(string.Join(",", AppointmentDocumentGenerators.Columns) + "\n");
        foreach (Appointment appointment in appointments)
        {
            csv.Append(string.Join(',', AppointmentDocumentGenerators.Fields(appointment))).Append('\n');
        }

        return csv.ToString();
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);

    internal static JsonElement Json(params string[] args)
    {
        (int exitCode, string output, string error) = Run(args);
        Assert.True(exitCode == 0, error);
        using JsonDocument document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
