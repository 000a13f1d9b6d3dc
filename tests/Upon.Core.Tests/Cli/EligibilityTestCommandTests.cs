using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Upon.Cli;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon eligibility test</c>: conformance cases run against the policies.</summary>
public sealed class EligibilityTestCommandTests : IDisposable
{
    private static readonly string Cases = Repository.PathOf("docs", "examples", "cases.json");

    private readonly string folder = Directory.CreateTempSubdirectory("upon-test-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheExampleInTheGuide_IsWhatTheToolWrites()
    {
        const string CommandLine = "eligibility test docs/examples/cases.json";
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "test", Cases);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"$ upon {CommandLine}\n{output}```", EligibilityDocExamples.Page("cli.md"), StringComparison.Ordinal);
        Assert.EndsWith("\n5 records: 4 cases (2 passed, 2 failed), 1 error\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCasePassing_ExitsZero()
    {
        string file = Path.Combine(folder, "year2.json");
        using (Stream cases = BuiltInCaseFiles.Open("aspirant-2021-22"))
        using (FileStream copy = File.Create(file))
        {
            cases.CopyTo(copy);
        }

        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "test", file);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("one-day-short                                 passed  aspirant-2021-22 v1  -", output, StringComparison.Ordinal);
        Assert.EndsWith("\n\n30 records: 30 cases (30 passed, 0 failed), 0 errors\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasEveryCase_TheFailuresDecision_AndTheSummary()
    {
        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "test", Cases, "--format", "json");
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(["passed", "passed", "failed", "notRun"], root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        JsonElement failed = root.GetProperty("results")[2];
        Assert.Equal(["outcome", "reasons"], failed.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("ineligible", failed.GetProperty("actual").GetProperty("outcome").GetString());
        Assert.Equal("C-003", failed.GetProperty("decision").GetProperty("applicationId").GetString());
        Assert.False(root.GetProperty("results")[0].TryGetProperty("decision", out _));
        Assert.Equal(EligibilityProblemCodes.CasePolicyNotFound, root.GetProperty("results")[3].GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal(5, root.GetProperty("errors")[0].GetProperty("record").GetInt32());
        JsonElement summary = root.GetProperty("summary");
        Assert.Equal((5, 4, 2, 2, 1), (summary.GetProperty("records").GetInt32(), summary.GetProperty("cases").GetInt32(), summary.GetProperty("passed").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("errors").GetInt32()));
    }

    [Fact]
    public void Policies_ReplaceTheBuiltInOnes()
    {
        string policies = Path.Combine(folder, "policies.json");
        using (FileStream stream = File.Create(policies))
        {
            PolicyDocument.Write(stream, [BuiltInPolicies.Year1]);
        }

        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "test", Cases, "--policies", policies);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("head-of-service-eligible  not run  aspirant-2021-22 v1        case.policy-not-found", output, StringComparison.Ordinal);
        Assert.Contains("one-day-short             not run  aspirant-2021-22 (latest)  case.policy-not-found", output, StringComparison.Ordinal);
        Assert.EndsWith("5 records: 4 cases (0 passed, 4 failed), 1 error\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInput_IsReadOnce()
    {
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "test", "-", "--policies", "-");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: standard input ('-') can be read once: give CASES or --policies as a file.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNoCaseFile_IsOneRecordOfProblems()
    {
        string file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, "[1, 2]");

        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "test", file);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("record 0: $: Expected an object with the cases, but found an array. (value.type-mismatch)", output, StringComparison.Ordinal);
        Assert.EndsWith("1 record: 0 cases (0 passed, 0 failed), 1 error\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesAndMessages_ReachTheTerminalEscaped()
    {
        string file = Path.Combine(folder, "hostile.json");
        string json = File.ReadAllText(Cases).Replace("\"nhs-leader-in-year-1\"", "\"x\\u001b[31m\\nrecord 99: FAKE\"", StringComparison.Ordinal);
        File.WriteAllText(file, json, new UTF8Encoding(false));

        (_, string output, _) = InProcessCli.Run("eligibility", "test", file);

        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrecord 99", output, StringComparison.Ordinal);
        Assert.Contains("x\\u001b[31m\\u000arecord 99: FAKE: failed: outcome expected eligible", output, StringComparison.Ordinal);
    }
}
