using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Upon.Cli;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon eligibility compare</c>: two policies on the same applications.</summary>
public sealed class EligibilityCompareCommandTests
{
    private static readonly string Applications = Repository.PathOf("docs", "examples", "applications.jsonl");

    [Fact]
    public void Year1AgainstYear2_ShowsTheTotals_TheApplicationLetIn_AndTheRecordThatCouldNotBeRead()
    {
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("aspirant-2020-21 v1 against aspirant-2021-22 v1\n5 records: 4 applications decided under both, 1 error; 1 changed: 1 let in, 0 kept out\n", output, StringComparison.Ordinal);
        Assert.Contains("A-003        ineligible  eligible  outcome, reasons  experience.insufficient  -", output, StringComparison.Ordinal);
        Assert.Contains("record 5: $.roles[0].sector:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasBothDecisions_AndTotalsThatAddUpToTheApplications()
    {
        (_, string output, _) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22", "--format", "json");
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;

        Assert.Equal(5, root.GetProperty("records").GetInt32());
        Assert.Equal(4, root.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("count").GetInt32()));
        JsonElement changed = Assert.Single(root.GetProperty("changed").EnumerateArray());
        Assert.Equal("aspirant-2020-21", changed.GetProperty("from").GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("eligible", changed.GetProperty("to").GetProperty("outcome").GetString());
        Assert.Equal(["outcome", "reasons"], changed.GetProperty("change").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(5, Assert.Single(root.GetProperty("errors").EnumerateArray()).GetProperty("record").GetInt32());
    }

    [Fact]
    public void Explain_PrintsBothExplanationsOfEachChangedApplication()
    {
        (_, string output, _) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22", "--explain");

        Assert.Contains("A-003 under aspirant-2020-21 v1:\nA-003: ineligible", output, StringComparison.Ordinal);
        Assert.Contains("A-003 under aspirant-2021-22 v1:\nA-003: eligible", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "no-such-policy", "--to", "aspirant-2021-22", "no policy 'no-such-policy' for --from")]
    [InlineData("--from", "aspirant-2020-21", "--to", "aspirant-2021-22@9", "no policy 'aspirant-2021-22@9' for --to")]
    public void AnUnknownPolicy_IsAUsageError(string fromOption, string from, string toOption, string to, string message)
    {
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "compare", Applications, fromOption, from, toOption, to);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void BothPoliciesAreRequired()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--to", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_CountsTheAnswersSuppressed_AndChangesNothingElse()
    {
        string[] args = ["eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22"];
        (_, string plain, _) = InProcessCli.Run(args);
        (int exitCode, string output, _) = InProcessCli.Run([.. args, "--equality"]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.StartsWith(plain, output, StringComparison.Ordinal);
        Assert.Contains("Equality impact: applicants by monitoring answer; counts from 1 to 4 suppressed", output, StringComparison.Ordinal);
        Assert.Contains("black-african  [c]       0         0         [c]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("black-african    1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_OtherAnswersInTheFile_ChangeNoRowOfTheComparison()
    {
        string folder = Directory.CreateTempSubdirectory("upon-compare-").FullName;
        try
        {
            string changed = Path.Combine(folder, "changed.jsonl");
            File.WriteAllText(changed, File.ReadAllText(Applications).Replace("black-african", "white-british", StringComparison.Ordinal).Replace("\"disability\":\"no\"", "\"disability\":\"yes\"", StringComparison.Ordinal));
            (_, string original, _) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22", "--equality", "--format", "json");
            (_, string other, _) = InProcessCli.Run("eligibility", "compare", changed, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22", "--equality", "--format", "json");
            using JsonDocument a = JsonDocument.Parse(original);
            using JsonDocument b = JsonDocument.Parse(other);

            Assert.NotEqual(original, other);
            foreach (string property in (string[])["totals", "changed", "errors", "letIn", "keptOut", "records"])
            {
                Assert.Equal(a.RootElement.GetProperty(property).GetRawText(), b.RootElement.GetProperty(property).GetRawText());
            }

            Assert.Contains(a.RootElement.GetProperty("equality").EnumerateArray(), row => row.GetProperty("category").GetString() == "black-african");
            Assert.All(a.RootElement.GetProperty("equality").EnumerateArray(), row => Assert.True(!row.TryGetProperty("count", out JsonElement count) || count.GetInt32() is 0 or >= 5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SuppressBelow_MustBeOneOrMore()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "compare", Applications, "--from", "aspirant-2020-21", "--to", "aspirant-2021-22", "--equality", "--suppress-below", "0");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--suppress-below must be 1 or more.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExampleInTheGuide_IsWhatTheToolWrites()
    {
        const string CommandLine = "eligibility compare docs/examples/applications.jsonl --from aspirant-2020-21 --to aspirant-2021-22 --equality";
        (_, string output, _) = InProcessCli.Run([.. CommandLine.Replace("docs/examples/applications.jsonl", Applications, StringComparison.Ordinal).Split(' ')]);

        Assert.Contains($"$ upon {CommandLine}\n{output}```", EligibilityDocExamples.Page("eligibility.md"), StringComparison.Ordinal);
    }
}
