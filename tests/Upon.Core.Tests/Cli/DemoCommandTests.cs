using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon demo</c>: every capability on the embedded data, the same output on every run.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-demo-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Demo_NoArguments_ShowsEveryCapability()
    {
        (int exitCode, string output, string error) = Run("demo");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("1. Eligibility", output, StringComparison.Ordinal);
        Assert.Contains("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error", output, StringComparison.Ordinal);
        Assert.Contains("A-001: eligible under aspirant-2021-22 v1, as of 2021-06-01", output, StringComparison.Ordinal);
        Assert.Contains("A-002: ineligible (eligible from 2022-01-07) under aspirant-2021-22 v1, as of 2021-06-01", output, StringComparison.Ordinal);
        Assert.Contains("2. Cohorts", output, StringComparison.Ordinal);
        Assert.Contains("$ upon cohort select year2-candidates.jsonl --capacity 35", output, StringComparison.Ordinal);
        Assert.Contains("60 candidates: 35 selected, 10 on the waiting list, 15 not selected", output, StringComparison.Ordinal);
        Assert.Contains("Authority clashes 0 (the fewest possible: 0)", output, StringComparison.Ordinal);
        Assert.Contains("35 candidates in selected.jsonl", output, StringComparison.Ordinal);
        Assert.Contains("The professional background counts sum to 20, not to the stated total of 19", output, StringComparison.Ordinal);
        Assert.Contains("3. Programme timeline", output, StringComparison.Ordinal);
        Assert.Contains("4. Tenure and turnover", output, StringComparison.Ordinal);
        Assert.Contains("2019/20          151       57             48", output, StringComparison.Ordinal);
        Assert.Contains("2020/21          151       39             34", output, StringComparison.Ordinal);
        Assert.Contains("2023/24: the change rate, 40.5%, is the highest since 2017/18.", output, StringComparison.Ordinal);
        Assert.Contains("151          30.2", output, StringComparison.Ordinal);
        Assert.Contains("Median tenure (months)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("did not give the result", output, StringComparison.Ordinal);
        Assert.Contains("aspirant-2021-22 as of 2022-01-10", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_RunCommand_IsTheDemoAndSucceeds()
    {
        const string Prefix = "dotnet run --project src/Upon.Cli -- ";
        string[] commands = [.. File.ReadAllLines(Repository.PathOf("README.md")).Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))];

        string command = Assert.Single(commands);
        Assert.Equal("demo", command[Prefix.Length..]);
        Assert.Equal(0, Run(command[Prefix.Length..].Split(' ')).ExitCode);
    }

    [Fact]
    public void Demo_IsTheSameOnEveryRun()
    {
        Assert.Equal(Run("demo").Output, Run("demo").Output);
    }

    [Fact]
    public void Demo_AsOf_MovesTheProgress()
    {
        (int exitCode, string output, _) = Run("demo", "--as-of", "2022-03-01");

        Assert.Equal(0, exitCode);
        Assert.Contains("aspirant-2021-22 as of 2022-03-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_BadAsOf_IsAUsageError()
    {
        (int exitCode, _, string error) = Run("demo", "--as-of", "10/01/2022");

        Assert.Equal(2, exitCode);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Out_WritesResultsThatParse()
    {
        string target = Path.Combine(folder, "results");
        (int exitCode, string output, _) = Run("demo", "--out", target);

        Assert.Equal(0, exitCode);
        string[] files = [.. Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(
            [
                "cohort-composition.json", "cohort-selection.json", "cohort-size.json", "cohort-split.json", "eligibility-decisions.json",
                "tenure-completed.json", "tenure-cox.json", "tenure-exit-reasons.json", "tenure-exit-reasons.svg", "tenure-in-post.json",
                "tenure-kaplan-meier.json", "tenure-kaplan-meier.svg", "timeline-progress.json",
                "turnover.json", "turnover.svg", "year2-sessions.ics",
            ],
            files);
        Assert.Contains("year2-sessions.ics", files);
        foreach (string json in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, json)));
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        using (JsonDocument selection = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "cohort-selection.json"))))
        {
            Assert.Equal(35, selection.RootElement.GetProperty("selected").GetArrayLength());
        }

        using (JsonDocument decisions = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "eligibility-decisions.json"))))
        {
            Assert.Equal(5, decisions.RootElement.GetProperty("summary").GetProperty("documents").GetInt32());
        }

        foreach (string svg in files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.Equal("svg", System.Xml.Linq.XDocument.Load(Path.Combine(target, svg)).Root!.Name.LocalName);

            // docs/workforce.md shows these charts: its copies are what the demo draws.
            Assert.Equal(File.ReadAllText(Repository.PathOf("docs", "images", "demo-" + svg)), File.ReadAllText(Path.Combine(target, svg)));
        }

        string ics = File.ReadAllText(Path.Combine(target, "year2-sessions.ics"));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(8, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.All(files, f => Assert.Contains("  " + f, output, StringComparison.Ordinal));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);
}
