using System;
using System.IO;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>The <c>upon cohort</c> output shown in docs/cohorts.md and docs/cli.md is what the commands print.</summary>
public sealed class CohortCommandDocsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-cohort-docs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1, "cohort composition docs/examples/year1-composition.json --reference ethnicity=British:0.8")]
    [InlineData(0, "cohort select docs/examples/year2-candidates.jsonl --capacity 35 --per-authority-cap 2 --seed 2026 --waiting-list 10 --positive-action --sets 5-8")]
    [InlineData(0, "cohort split 100")]
    [InlineData(1, "cohort split 9 --cohort-max 9")]
    [InlineData(0, "cohort size --authorities 151 --mean-tenure-months 30 --first-time-share 0.42 --programme-share 0.48 --appointment-probability 0.11 --places 35")]
    public void CohortsPage_ShowsTheRealOutput(int expectedExit, string command)
    {
        string[] args = command.Split(' ');
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("docs/", StringComparison.Ordinal))
            {
                args[i] = Repository.PathOf(args[i].Split('/'));
            }
        }

        (int exitCode, string output, string error) = EligibilityDocExamples.RunCli(args);

        Assert.Equal(expectedExit, exitCode);
        Assert.Equal(string.Empty, error);
        string shown = command.Replace("ethnicity=British:0.8", "\"ethnicity=British:0.8\"", StringComparison.Ordinal);
        Assert.Contains($"$ upon {shown}\n{output}```", EligibilityDocExamples.Page("cohorts.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void CliPage_ShowsTheRealProblemsOfABadFile()
    {
        string file = Path.Combine(folder, "bad.jsonl");
        File.WriteAllText(file, """
            {"applicantId":"A1","authority":"LA1","eligibility":"eligible","score":"78"}
            {"applicantId":"A1","authority":"LA1","eligibility":"maybe","score":80}

            """);

        (int exitCode, string output, string error) = EligibilityDocExamples.RunCli("cohort", "select", file, "--capacity", "3");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"$ upon cohort select bad.jsonl --capacity 3\n{error}```", EligibilityDocExamples.Page("cli.md"), StringComparison.Ordinal);
    }
}
