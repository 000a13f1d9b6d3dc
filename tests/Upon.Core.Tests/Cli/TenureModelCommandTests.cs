using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using NodaTime;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// <c>upon tenure --method cif</c> and <c>--method cox</c>: the library's estimates, in months, with Ofsted judgements read
/// and validated like appointments; and the synthetic sector's planted effect recovered through the tool.
/// </summary>
public sealed class TenureModelCommandTests : IDisposable
{
    private const string Reasons =
        "authority,holder,start,end,kind,shared,reason\n" +
        "A,a1,2015-01-01,2020-06-30,permanent,,retired\n" +
        "A,a2,2020-07-01,,permanent,,\n" +
        "B,b1,2016-05-01,2019-04-30,permanent,,moved\n" +
        "B,b2,2019-05-01,2021-08-31,permanent,,inadequate-judgement\n" +
        "B,b3,2021-09-01,,permanent,,\n" +
        "C,c1,2016-01-01,2020-09-30,permanent,,\n" +
        "C,c2,2020-10-01,,permanent,,\n";

    private const string Judgements =
        "authority,date,grade\n" +
        "A,2017-03-01,good\n" +
        "B,2017-06-01,requires-improvement\n" +
        "B,2021-02-01,inadequate\n" +
        "C,2018-01-01,inadequate\n" +
        "C,2020-11-01,good\n";

    private static readonly DateInterval Window = new(new LocalDate(2015, 1, 1), new LocalDate(2022, 3, 31));

    private readonly string folder = Directory.CreateTempSubdirectory("upon-tenure-models-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Cif_IsTheLibrarysCumulativeIncidenceInMonths_AndEachMonthAddsUpToOne()
    {
        JsonElement root = Json("tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", "--method", "cif", "--times", "12,40,60", "--format", "json");

        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(Appointments(), Window, lookThroughInterim: true);
        JsonElement[] states = [.. root.GetProperty("states").EnumerateArray()];
        Assert.Equal(["in-post", .. curve.Reasons], states.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(7, root.GetProperty("spells").GetInt64());
        Assert.Equal(3, root.GetProperty("censored").GetInt64());
        Assert.Equal(JsonValueKind.Null, states[0].GetProperty("ended").ValueKind);
        Assert.Equal(curve.EventCounts.ToArray(), states.Skip(1).Select(s => s.GetProperty("ended").GetInt64()));
        foreach (int months in new[] { 12, 40, 60 })
        {
            double time = months * TenureMeasures.DaysPerMonth;
            double[] at = [.. states.Select(s => s.GetProperty("at").EnumerateArray().Single(a => a.GetProperty("months").GetInt32() == months).GetProperty("probability").GetDouble())];
            Assert.Equal(curve.InPostAt(time)!.Value.Probability, at[0], 12);
            for (int r = 0; r < curve.Reasons.Length; r++)
            {
                Assert.Equal(curve.IncidenceAt(curve.Reasons[r], time)!.Value.Probability, at[r + 1], 12);
            }

            Assert.Equal(1, at.Sum(), 12);
        }

        // Retired at 66 months, moved at 36, after the inadequate judgement at 28 (b2), and c1 ended with no reason: unknown.
        Assert.Equal(1, states.Single(s => s.GetProperty("state").GetString() == "unknown").GetProperty("ended").GetInt64());
    }

    [Fact]
    public void Cif_Table_NamesEveryState_AndSvgDrawsBothLayouts()
    {
        string file = Write("a.csv", Reasons);
        string stacked = Path.Combine(folder, "stacked.svg");
        string panels = Path.Combine(folder, "panels.svg");

        (int exitCode, string output, string error) = Run("tenure", file, "--as-of", "2022-03-31", "--method", "cif", "--svg", stacked);
        (int panelExit, _, _) = Run("tenure", file, "--as-of", "2022-03-31", "--method", "cif", "--svg", panels, "--layout", "side-by-side");

        Assert.Equal((0, 0, string.Empty), (exitCode, panelExit, error));
        Assert.StartsWith("Why DCS tenures end, cumulative incidence (Aalen–Johansen) over 2015-01-01 to 2022-03-31", output, StringComparison.Ordinal);
        Assert.Contains("7 spells, 4 ended, 3 still in post at the window's end", output, StringComparison.Ordinal);
        Assert.Contains("Still in post", output, StringComparison.Ordinal);
        Assert.Contains("Left: inadequate-judgement", output, StringComparison.Ordinal);
        Assert.Equal("svg", XDocument.Load(stacked).Root!.Name.LocalName);
        Assert.Equal("svg", XDocument.Load(panels).Root!.Name.LocalName);
        Assert.NotEqual(File.ReadAllText(stacked), File.ReadAllText(panels));
        Assert.Contains("Months in post", File.ReadAllText(stacked), StringComparison.Ordinal);
    }

    [Fact]
    public void Cox_IsTheLibrarysFit_OnTheRecordsTmergeWouldMake()
    {
        string judgements = Write("o.csv", Judgements);
        JsonElement root = Json("tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", "--method", "cox", "--ofsted", judgements, "--covariate", "inadequate-24m", "--covariate", "moved", "--ties", "breslow", "--format", "json");

        OfstedJudgements read = new(OfstedJudgementDocument.ReadCsv(new StringReader(Judgements)).Select(r => r.Value!));
        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(
            Appointments(),
            Window,
            [TenureCovariate.RecentJudgement("inadequate-24m", read, OfstedGrade.Inadequate, Period.FromMonths(24)), TenureCovariate.Fixed("moved", s => s.HeldPostElsewhereBefore ? 1 : 0)],
            lookThroughInterim: true);
        CoxFit fit = ProportionalHazards.Fit(
            records.Select(r => new CoxRecord(r.Start, r.Stop, r.IsEvent, r.Covariates, r.Stratum)),
            CoxOptions.Default with { CovariateNames = ["inadequate-24m", "moved"], Ties = CoxTies.Breslow });

        Assert.Equal("cox", root.GetProperty("method").GetString());
        Assert.Equal("breslow", root.GetProperty("ties").GetString());
        Assert.Equal(records.Count, root.GetProperty("records").GetInt32());
        Assert.Equal(7, root.GetProperty("spells").GetInt32());
        Assert.Equal(4, root.GetProperty("events").GetInt32());
        Assert.Equal(5, root.GetProperty("judgements").GetProperty("used").GetInt32());
        JsonElement[] coefficients = [.. root.GetProperty("coefficients").EnumerateArray()];
        Assert.Equal(["inadequate-24m", "moved"], coefficients.Select(c => c.GetProperty("covariate").GetString()));
        Assert.Equal(fit.Coefficients[0].Estimate, coefficients[0].GetProperty("coefficient").GetDouble(), 12);
        Assert.Equal(fit.Coefficients[0].StandardError, coefficients[0].GetProperty("standardError").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, coefficients[0].GetProperty("robustStandardError").ValueKind);
        Assert.Equal(["likelihood-ratio", "wald", "score"], root.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("test").GetString()));
        Assert.Equal(fit.LikelihoodRatioTest.ChiSquare, root.GetProperty("tests")[0].GetProperty("chiSquare").GetDouble(), 12);
        Assert.Equal(fit.Concordance.Value, root.GetProperty("concordance").GetProperty("value").GetDouble(), 12);
        // No holder here held a post elsewhere before: "moved" never varies, so it is not estimated (R's NA), and
        // cox.zph leaves it out, as R does.
        Assert.True(coefficients[1].GetProperty("aliased").GetBoolean());
        Assert.Equal(JsonValueKind.Null, coefficients[1].GetProperty("hazardRatio").ValueKind);
        Assert.True(fit.Coefficients[1].IsAliased);
        Assert.Equal(["inadequate-24m", "GLOBAL"], root.GetProperty("proportionalHazards").EnumerateArray().Select(t => t.GetProperty("term").GetString()));
    }

    [Fact]
    public void Cox_Robust_ClustersByHolder_AndByKindStratifies()
    {
        string judgements = Write("o.csv", Judgements);
        JsonElement root = Json("tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", "--method", "cox", "--ofsted", judgements, "--robust", "--by", "kind", "--format", "json");

        Assert.True(root.GetProperty("robust").GetBoolean());
        Assert.Equal("kind", root.GetProperty("strata").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("coefficients")[0].GetProperty("robustStandardError").ValueKind);
        Assert.Contains(root.GetProperty("tests").EnumerateArray(), t => t.GetProperty("test").GetString() == "robust-score");
    }

    [Fact]
    public void Cox_Csv_IsThreeTables()
    {
        (int exitCode, string output, _) = Run("tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", "--method", "cox", "--ofsted", Write("o.csv", Judgements), "--format", "csv");

        Assert.Equal(0, exitCode);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("table,covariate,coefficient,hazardRatio,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["coefficient", "test", "test", "test", "proportionalHazards", "proportionalHazards"], lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void JudgementsWithProblems_ExitOne_OrAreLeftOutWhenContinuing_NeverEchoingAValue()
    {
        string bad = Write("bad.csv", "authority,date,grade\nA,2017-03-01,good\nB,2019-13-01,inadequate\nZ,2018-01-01,secret-grade\n");
        string file = Write("a.csv", Reasons);

        (int stopped, string nothing, string problems) = Run("tenure", file, "--as-of", "2022-03-31", "--method", "cox", "--ofsted", bad);
        (int continued, string output, string said) = Run("tenure", file, "--as-of", "2022-03-31", "--method", "cox", "--ofsted", bad, "--on-error", "continue", "--format", "json");

        Assert.Equal((1, string.Empty), (stopped, nothing));
        Assert.Contains("upon: 2 records of 'bad.csv' have problems:", problems, StringComparison.Ordinal);
        Assert.Contains("record 2: ", problems, StringComparison.Ordinal);
        Assert.Contains("record 3: ", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problems, StringComparison.Ordinal);
        Assert.Contains("judgements 3 in = 1 used + 2 reported + 0 skipped; nothing measured", problems, StringComparison.Ordinal);
        Assert.Equal(0, continued);
        Assert.Contains("measuring with the 1 valid judgement.", said, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal(2, document.RootElement.GetProperty("judgements").GetProperty("reported").GetInt32());
    }

    [Fact]
    public void NoTenureEndedInTheWindow_IsNothingToFit()
    {
        (int exitCode, string output, string error) = Run("tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", "--window", "2022-01-01..2022-03-31", "--method", "cox");

        Assert.Equal((1, string.Empty), (exitCode, output));
        Assert.Equal("upon: no tenure ended in the window: there is nothing to fit a model to.\n", error);
    }

    /// <summary>
    /// The worked example of docs/workforce.md: the demo's synthetic files, with the hazard ratio of 2 the sector plants
    /// for leaving within 12 months of an inadequate judgement inside the tool's 95% interval, and 1 outside it.
    /// </summary>
    [Fact]
    public void TheSyntheticSectorsPlantedEffect_IsRecoveredThroughTheTool()
    {
        JsonElement root = Json(
            "tenure", Repository.PathOf("docs", "examples", "synthetic-appointments.csv"),
            "--register", Repository.PathOf("docs", "examples", "synthetic-register.csv"),
            "--ofsted", Repository.PathOf("docs", "examples", "synthetic-judgements.csv"),
            "--as-of", "2024-03-31", "--window", "2008-04-01..2024-03-31", "--method", "cox", "--robust", "--format", "json");

        JsonElement effect = root.GetProperty("coefficients")[0];
        Assert.Equal("inadequate-12m", effect.GetProperty("covariate").GetString());
        Assert.InRange(SyntheticWorkforce.InadequateJudgementHazardRatio, effect.GetProperty("lower").GetDouble(), effect.GetProperty("upper").GetDouble());
        Assert.True(effect.GetProperty("lower").GetDouble() > 1);
    }

    [Fact]
    public void TheExampleInTheGuide_IsWhatTheToolWrites()
    {
        const string CommandLine = "tenure docs/examples/synthetic-appointments.csv --register docs/examples/synthetic-register.csv --as-of 2024-03-31 --window 2008-04-01..2024-03-31 --method cox --ofsted docs/examples/synthetic-judgements.csv --covariate inadequate-12m --covariate moved --robust";
        string[] args = [.. CommandLine.Split(' ').Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Repository.PathOf(a.Split('/')) : a)];

        (int exitCode, string output, string error) = Run(args);

        Assert.Equal((0, string.Empty), (exitCode, error));
        Assert.Contains($"$ upon {CommandLine}\n{output}```", EligibilityDocExamples.Page("workforce.md"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method", "km", "--ofsted", "o.csv")]
    [InlineData("--method", "cif", "--covariate", "moved")]
    [InlineData("--method", "km", "--robust")]
    [InlineData("--method", "cif", "--ties", "breslow")]
    [InlineData("--method", "km", "--layout", "stacked")]
    [InlineData("--method", "cox", "--covariate", "inadequate-12m")]
    [InlineData("--method", "cox", "--covariate", "moved", "--covariate", "moved")]
    [InlineData("--method", "cox", "--covariate", "salary")]
    [InlineData("--method", "cox", "--ties", "exact")]
    [InlineData("--method", "cif", "--layout", "grid")]
    [InlineData("--method", "cif", "--by", "kind")]
    [InlineData("--method", "cox", "--times", "12")]
    [InlineData("--method", "cox", "--svg", "t.svg")]
    [InlineData("--method", "cif", "--curve")]
    public void ModelOptionsOutOfPlace_AreUsageErrors(params string[] options)
    {
        Write("o.csv", Judgements);
        (int exitCode, string output, string error) = Run(["tenure", Write("a.csv", Reasons), "--as-of", "2022-03-31", .. options.Select(o => o.EndsWith(".csv", StringComparison.Ordinal) || o.EndsWith(".svg", StringComparison.Ordinal) ? Path.Combine(folder, o) : o)]);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.StartsWith("upon: ", error, StringComparison.Ordinal);
    }

    private static Appointment[] Appointments() => [.. AppointmentDocument.ReadCsv(new StringReader(Reasons)).Select(r => r.Value!)];

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => TurnoverCommandTests.Run(args);

    private static JsonElement Json(params string[] args) => TurnoverCommandTests.Json(args);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
