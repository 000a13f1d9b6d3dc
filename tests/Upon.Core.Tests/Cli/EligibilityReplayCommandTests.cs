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

/// <summary><c>upon eligibility replay</c>: recorded decisions made again on their applications.</summary>
public sealed class EligibilityReplayCommandTests : IDisposable
{
    private static readonly string Decisions = Repository.PathOf("docs", "examples", "decisions.jsonl");

    private static readonly string Applications = Repository.PathOf("docs", "examples", "applications.jsonl");

    private readonly string folder = Directory.CreateTempSubdirectory("upon-replay-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheExampleInTheGuide_IsWhatTheToolWrites()
    {
        const string CommandLine = "eligibility replay docs/examples/decisions.jsonl --applications docs/examples/applications.jsonl";
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "replay", Decisions, "--applications", Applications);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains($"$ upon {CommandLine}\n{output}```", EligibilityDocExamples.Page("cli.md"), StringComparison.Ordinal);
        Assert.EndsWith("\n5 decision record(s): 3 identical, 1 different, 0 not replayed, 1 not read; 1 application record(s) not read.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDecisionIdentical_ExitsZero_WhetherTheDecisionsAreJsonLinesOrTheJsonOutput()
    {
        string applications = Copy(Applications, "applications.jsonl", line => !line.Contains("A-005", StringComparison.Ordinal));
        foreach (string format in new[] { "jsonl", "json" })
        {
            (int checkExit, string recorded, _) = InProcessCli.Run("eligibility", "check", applications, "--format", format);
            Assert.Equal(ExitCodes.Success, checkExit);
            string decisions = Path.Combine(folder, "decisions." + format);
            File.WriteAllText(decisions, recorded);

            (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "replay", decisions, "--applications", applications);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Equal(string.Empty, error);
            Assert.EndsWith("\n4 decision record(s): 4 identical, 0 different, 0 not replayed, 0 not read.\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_HasEveryDecision_WhatChangedSince_TheErrors_AndTheSummary()
    {
        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "replay", Decisions, "--applications", Applications, "--format", "json");
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(["identical", "identical", "differs", "identical"], root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        JsonElement differs = root.GetProperty("results")[2];
        Assert.Equal(3, differs.GetProperty("record").GetInt32());
        Assert.Equal(["outcome", "eligibleFrom", "reasons", "figures"], differs.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.False(differs.GetProperty("changedSince").GetProperty("policyContent").GetBoolean());
        Assert.True(differs.GetProperty("changedSince").GetProperty("application").GetBoolean());
        Assert.Equal("ineligible", differs.GetProperty("recorded").GetProperty("outcome").GetString());
        Assert.Equal("eligible", differs.GetProperty("replayed").GetProperty("outcome").GetString());
        Assert.Equal("A-003", differs.GetProperty("decision").GetProperty("applicationId").GetString());
        Assert.False(root.GetProperty("results")[0].TryGetProperty("decision", out _));
        Assert.Equal(["decisions", "applications"], root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("file").GetString()));
        Assert.Equal("value.required", root.GetProperty("errors")[0].GetProperty("errors")[0].GetProperty("code").GetString());
        JsonElement summary = root.GetProperty("summary");
        Assert.Equal(
            (5, 4, 3, 1, 0, 1, 1),
            (summary.GetProperty("records").GetInt32(), summary.GetProperty("decisions").GetInt32(), summary.GetProperty("identical").GetInt32(),
             summary.GetProperty("differs").GetInt32(), summary.GetProperty("notReplayed").GetInt32(), summary.GetProperty("errors").GetInt32(),
             summary.GetProperty("applicationErrors").GetInt32()));
    }

    [Fact]
    public void Csv_HasARowPerDecisionAndPerRecordNotRead()
    {
        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "replay", Decisions, "--applications", Applications, "--format", "csv");
        string[] lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.StartsWith("table,record,applicationId,result,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.StartsWith("decision,", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("error,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("decision,3,A-003,differs,aspirant-2021-22,1,2021-06-01,outcome; eligibleFrom; reasons; figures,false,true,", StringComparison.Ordinal));
    }

    [Fact]
    public void ADamagedDecisionRecord_IsReportedWithItsPathAndCode_AndTheRunGoesOn()
    {
        string[] lines = File.ReadAllLines(Decisions);
        string damaged = Path.Combine(folder, "damaged.jsonl");
        File.WriteAllLines(damaged, [lines[0].Replace("\"outcome\":\"eligible\"", "\"outcome\":\"maybe\"", StringComparison.Ordinal), "not json", string.Empty, lines[1]]);

        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "replay", damaged, "--applications", Applications);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("decisions record 1: $.decision.outcome: ", output, StringComparison.Ordinal);
        Assert.Contains("(value.unknown)", output, StringComparison.Ordinal);
        Assert.Contains("decisions record 2: $: The line is not valid JSON. (json.invalid)", output, StringComparison.Ordinal);
        Assert.Contains("\n3 decision record(s): 1 identical, 0 different, 0 not replayed, 2 not read; 1 application record(s) not read.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BareDecisionDocuments_AndAFileWithoutDecisions_AreRead()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(ApplicationDocument.Parse(File.ReadLines(Applications).First()).GetValueOrThrow().Application);
        string array = Path.Combine(folder, "array.json");
        using (MemoryStream stream = new())
        {
            DecisionDocument.Write(stream, decision, indented: true);
            File.WriteAllText(array, "[\n" + Encoding.UTF8.GetString(stream.ToArray()) + "\n]");
        }

        string empty = Path.Combine(folder, "empty.jsonl");
        File.WriteAllText(empty, "\n");

        Assert.Equal(ExitCodes.InvalidInput, InProcessCli.Run("eligibility", "replay", array, "--applications", Applications).ExitCode);
        Assert.EndsWith("\n1 decision record(s): 1 identical, 0 different, 0 not replayed, 0 not read; 1 application record(s) not read.\n", InProcessCli.Run("eligibility", "replay", array, "--applications", Applications).Output, StringComparison.Ordinal);
        Assert.Contains("0 decision record(s)", InProcessCli.Run("eligibility", "replay", empty, "--applications", Applications).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyVersionNotInTheRegistry_IsNotReplayed()
    {
        string policies = Path.Combine(folder, "policies.json");
        using (FileStream stream = File.Create(policies))
        {
            PolicyDocument.Write(stream, [BuiltInPolicies.Year1]);
        }

        (int exitCode, string output, _) = InProcessCli.Run("eligibility", "replay", Decisions, "--applications", Applications, "--policies", policies);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("policy not found", output, StringComparison.Ordinal);
        Assert.Contains("0 identical, 0 different, 4 not replayed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInputForBothFiles_IsAUsageError()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "replay", "-", "--applications", "-");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("upon: standard input ('-') can be read once: give DECISIONS or --applications as a file.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFile_IsOneLineAndExitOne()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "replay", Path.Combine(folder, "none.jsonl"), "--applications", Applications);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.StartsWith("upon: the decision file '", error, StringComparison.Ordinal);
    }

    private string Copy(string source, string name, Func<string, bool> keep)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllLines(path, File.ReadLines(source).Where(keep));
        return path;
    }
}
