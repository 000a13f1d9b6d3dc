using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon eligibility check</c> and <c>upon eligibility policies</c>, run in process on the examples of docs/.</summary>
public sealed class EligibilityCommandTests : IDisposable
{
    private static readonly string Examples = Repository.PathOf("docs", "examples", "applications.jsonl");

    private readonly string folder = Directory.CreateTempSubdirectory("upon-eligibility-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Check_Examples_ExitsOneForTheInvalidDocumentAndSummarizes()
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Examples);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error", lines[^1]);
        Assert.Contains(lines, l => l.Contains("A-001", StringComparison.Ordinal) && l.Contains("eligible", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("A-002", StringComparison.Ordinal) && l.Contains("ineligible (eligible from 2022-01-07)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("A-004", StringComparison.Ordinal) && l.Contains("incomplete", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5 ", StringComparison.Ordinal) && l.Contains("$.roles[0].sector (value.unknown) and 1 more: see below", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("A-002", StringComparison.Ordinal) && l.EndsWith("1 of 4 requirements not met (senior-leadership).", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("A-004", StringComparison.Ordinal) && l.EndsWith("cannot be decided from the information given (readiness).", StringComparison.Ordinal));
        Assert.Contains("record 5: $.roles[0].sector: Expected one of: childrensServices,", output, StringComparison.Ordinal);
        Assert.Contains("record 5: $.roles[0].start: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Southmere", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FormatJson_IsOneDocumentWithResultsAndASummaryThatAddsUp()
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Examples, "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement results = document.RootElement.GetProperty("results");
        JsonElement summary = document.RootElement.GetProperty("summary");
        Assert.Equal(5, results.GetArrayLength());
        Assert.Equal(5, summary.GetProperty("documents").GetInt32());
        Assert.Equal(summary.GetProperty("documents").GetInt32(), summary.GetProperty("decisions").GetInt32() + summary.GetProperty("errors").GetInt32());
        Assert.Equal(
            summary.GetProperty("decisions").GetInt32(),
            summary.GetProperty("eligible").GetInt32() + summary.GetProperty("ineligible").GetInt32() + summary.GetProperty("incomplete").GetInt32());
        Assert.Equal((2, 1, 1, 1), (summary.GetProperty("eligible").GetInt32(), summary.GetProperty("ineligible").GetInt32(), summary.GetProperty("incomplete").GetInt32(), summary.GetProperty("errors").GetInt32()));
        Assert.Equal(
            ["A-001", "A-002", "A-003", "A-004"],
            results.EnumerateArray().Where(r => r.TryGetProperty("decision", out _)).Select(r => r.GetProperty("decision").GetProperty("applicationId").GetString()));
        JsonElement errors = results[4].GetProperty("errors");
        Assert.Equal(["value.unknown", "date.invalid"], errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal("$.roles[0].sector", errors[0].GetProperty("path").GetString());

        // Each decision in the output is a decision document.
        EligibilityDecision decision = DecisionDocument.Parse(results[1].GetProperty("decision").GetRawText()).GetValueOrThrow();
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
    }

    [Fact]
    public void Check_FormatJsonl_IsOneLinePerDocumentWithTheSummaryOnStandardError()
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Examples, "--format", "jsonl");

        Assert.Equal(1, exitCode);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, line.RootElement.GetProperty("record").GetInt32());
            Assert.False(line.RootElement.TryGetProperty("index", out _));
            Assert.Equal(i < 4, line.RootElement.TryGetProperty("decision", out _));
            Assert.Equal(i == 4, line.RootElement.TryGetProperty("errors", out _));
        }

        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error\n", error);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public void Check_WithSummaries_WritesEachDecisionsSummary_AsTheServiceAnswers(string format)
    {
        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--format", format, "--summaries");

        Assert.Equal(1, exitCode);
        JsonNode[] records = format == "jsonl"
            ? [.. output.TrimEnd('\n').Split('\n').Select(line => JsonNode.Parse(line)!)]
            : [.. JsonNode.Parse(output)!["results"]!.AsArray().Select(r => r!)];
        using FileStream applications = File.OpenRead(Examples);
        RecordResult<EligibilityDecision>[] expected = [.. new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(applications)];
        Assert.Equal(expected.Length, records.Length);
        for (int i = 0; i < records.Length; i++)
        {
            using MemoryStream written = new();
            using (Utf8JsonWriter writer = new(written))
            {
                DecisionDocument.WriteRecord(writer, expected[i], DecisionDetail.Summary);
            }

            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written.ToArray()), records[i]), records[i].ToJsonString());
        }

        Assert.Null(records[1]["decision"]!["explanation"]);
        Assert.Equal("experience.insufficient", (string?)records[1]["decision"]!["causes"]![0]!["reason"]);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    public void Check_WithSummaries_InAFormatWithoutThem_IsAUsageError(string format)
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Examples, "--format", format, "--summaries");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("--summaries applies to --format json and jsonl.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithTheYear1Policy_MakesTheTransferableApplicantIneligible()
    {
        (_, string before, _) = Run("eligibility", "check", Examples, "--format", "jsonl");
        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--format", "jsonl", "--policy", "aspirant-2020-21");

        Assert.Equal(1, exitCode);
        Assert.Equal("eligible", Decision(before, 2).GetProperty("outcome").GetString());
        JsonElement a003 = Decision(output, 2);
        Assert.Equal("A-003", a003.GetProperty("applicationId").GetString());
        Assert.Equal("ineligible", a003.GetProperty("outcome").GetString());
        Assert.Equal("aspirant-2020-21", a003.GetProperty("policy").GetProperty("id").GetString());
    }

    [Fact]
    public void Check_WithAPolicyVersion_UsesIt_AndAnUnknownVersionIsAUsageError()
    {
        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--format", "jsonl", "--policy", "aspirant-2020-21@1");
        (int unknown, _, string error) = Run("eligibility", "check", Examples, "--policy", "aspirant-2020-21@2");

        Assert.Equal(1, exitCode);
        Assert.Equal("ineligible", Decision(output, 2).GetProperty("outcome").GetString());
        Assert.Equal(2, unknown);
        Assert.Contains("no policy 'aspirant-2020-21@2'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AsOfLater_MakesA002Eligible()
    {
        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--format", "jsonl", "--as-of", "2022-02-01");

        Assert.Equal(1, exitCode);
        JsonElement a002 = Decision(output, 1);
        Assert.Equal("A-002", a002.GetProperty("applicationId").GetString());
        Assert.Equal("eligible", a002.GetProperty("outcome").GetString());
        Assert.Equal("2022-02-01", a002.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Check_Explain_PrintsTheRuleTreeWithPassAndFail()
    {
        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--explain");

        Assert.Equal(1, exitCode);
        Assert.Contains("A-002: ineligible (eligible from 2022-01-07) under aspirant-2021-22 v1, as of 2021-06-01", output, StringComparison.Ordinal);
        Assert.Contains("  [FAIL] eligibility (all.failed): ", output, StringComparison.Ordinal);
        Assert.Contains("    [FAIL] senior-leadership (any.failed): ", output, StringComparison.Ordinal);
        Assert.Contains("      [FAIL] senior-leadership.local-government (experience.insufficient): ", output, StringComparison.Ordinal);
        Assert.Contains("    [pass] readiness (", output, StringComparison.Ordinal);
        Assert.Contains("  [pass] eligibility (all.passed): ", output, StringComparison.Ordinal);
        (_, string plain, _) = Run("eligibility", "check", Examples);
        Assert.DoesNotContain("[pass]", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnlyValidDocuments_ExitsZero_AsAnArrayToo()
    {
        string[] valid = [.. File.ReadAllLines(Examples).Take(4)];
        string lines = Write("valid.jsonl", string.Join("\n", valid));
        string array = Write("valid.json", "[\n" + string.Join(",\n", valid) + "\n]");

        (int linesExit, string linesOutput, _) = Run("eligibility", "check", lines);
        (int arrayExit, string arrayOutput, _) = Run("eligibility", "check", array);

        Assert.Equal(0, linesExit);
        Assert.Equal(0, arrayExit);
        Assert.EndsWith("4 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 0 errors\n", linesOutput, StringComparison.Ordinal);
        Assert.EndsWith("4 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 0 errors\n", arrayOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ASingleApplicationOnOneLine_IsOneDecision()
    {
        string file = Write("one.json", File.ReadAllLines(Examples)[0]);

        (int exitCode, string output, _) = Run("eligibility", "check", file);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("1 document: 1 decision (1 eligible, 0 ineligible, 0 incomplete), 0 errors\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFile_ExitsOne()
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Path.Combine(folder, "absent.jsonl"));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as-of", "2022-02-30")]
    [InlineData("--as-of", "01/02/2022")]
    [InlineData("--policy", "aspirant-2030-31")]
    [InlineData("--policy", "aspirant-2021-22@x")]
    [InlineData("--format", "xml")]
    [InlineData("--format", "yaml")]
    public void Check_BadOptions_AreUsageErrors(string option, string value)
    {
        (int exitCode, string output, string error) = Run("eligibility", "check", Examples, option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Check_WithoutAFile_IsAUsageError() =>
        Assert.Equal(2, Run("eligibility", "check").ExitCode);

    [Fact]
    public void Policies_ListsTheThreeBuiltIns()
    {
        (int exitCode, string output, string error) = Run("eligibility", "policies");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        foreach (EligibilityPolicy policy in BuiltInPolicies.All)
        {
            Assert.Contains(output.Split('\n'), l => l.StartsWith(policy.Id, StringComparison.Ordinal) && l.Contains(policy.ProgrammeYear, StringComparison.Ordinal));
        }

        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("aspirant-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Policies_FormatJson_ListsThePolicyDocuments()
    {
        (int exitCode, string output, _) = Run("eligibility", "policies", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal<EligibilityPolicy>(BuiltInPolicies.All, PolicyDocument.Parse(output).GetValueOrThrow());
    }

    [Fact]
    public void Policies_OneAsJson_ReadsBackEqualToYear2()
    {
        (int exitCode, string output, _) = Run("eligibility", "policies", "aspirant-2021-22", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(BuiltInPolicies.Year2, Assert.Single(PolicyDocument.Parse(output).GetValueOrThrow()));
    }

    [Fact]
    public void Policies_OneAsTable_ShowsRulesAndInterpretation()
    {
        (int exitCode, string output, _) = Run("eligibility", "policies", "aspirant-2021-22");

        Assert.Equal(0, exitCode);
        Assert.Contains("  eligibility: Eligible for the Aspirant Directors programme (all of:)", output, StringComparison.Ordinal);
        Assert.Contains("    senior-leadership: ", output, StringComparison.Ordinal);
        Assert.Contains("(any of:)", output, StringComparison.Ordinal);
        Assert.Contains("Interpretation:", output, StringComparison.Ordinal);
        Assert.Contains("  - " + BuiltInPolicies.Year2.Interpretation[0], output, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_Unknown_IsAUsageError() =>
        Assert.Equal(2, Run("eligibility", "policies", "aspirant-1999-00").ExitCode);

    [Fact]
    public void PoliciesFile_OverlappingPair_ExitsOneListingTheOverlap()
    {
        EligibilityPolicy second = new(
            "aspirant-2021-22", 2, "2021/22", new NodaTime.LocalDate(2022, 1, 1), null, "Year 2, revised", BuiltInPolicies.Year2.Rule, []);
        string file = WritePolicies("overlap.json", BuiltInPolicies.Year2, second);

        (int checkExit, string checkOutput, string checkError) = Run("eligibility", "check", Examples, "--policies", file);
        (int listExit, _, string listError) = Run("eligibility", "policies", "--policies", file);

        Assert.Equal(1, checkExit);
        Assert.Equal(string.Empty, checkOutput);
        Assert.Contains("policy.overlap", checkError, StringComparison.Ordinal);
        Assert.Contains("$[1]", checkError, StringComparison.Ordinal);
        Assert.Equal(1, listExit);
        Assert.Contains("policy.overlap", listError, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesFile_Valid_DecidesWithThosePolicies()
    {
        string file = WritePolicies("year1-only.json", BuiltInPolicies.Year1);

        (int exitCode, string output, _) = Run("eligibility", "check", Examples, "--policies", file, "--format", "jsonl");

        Assert.Equal(1, exitCode);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.All(lines.Take(4), l => Assert.Contains("\"code\":\"policy.not-found\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void PoliciesFile_WithATypo_ExitsOneWithPathAndCode()
    {
        string json = PolicyJson(BuiltInPolicies.Year1).Replace("\"within\"", "\"witihn\"", StringComparison.Ordinal);
        string file = Write("typo.json", json);

        (int exitCode, _, string error) = Run("eligibility", "policies", "--policies", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("$.rule.rules[1].witihn", error, StringComparison.Ordinal);
        Assert.Contains("(property.unknown)", error, StringComparison.Ordinal);
    }

    private static JsonElement Decision(string jsonLines, int index)
    {
        using JsonDocument line = JsonDocument.Parse(jsonLines.Split('\n')[index]);
        return line.RootElement.GetProperty("decision").Clone();
    }

    private static string PolicyJson(params EligibilityPolicy[] policies)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, policies);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private string WritePolicies(string name, params EligibilityPolicy[] policies) => Write(name, PolicyJson(policies));

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);
}
