using System;
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
    public void TheExampleInTheGuide_IsWhatTheToolWrites()
    {
        const string CommandLine = "eligibility compare docs/examples/applications.jsonl --from aspirant-2020-21 --to aspirant-2021-22";
        (_, string output, _) = InProcessCli.Run([.. CommandLine.Replace("docs/examples/applications.jsonl", Applications, StringComparison.Ordinal).Split(' ')]);

        Assert.Contains($"$ upon {CommandLine}\n{output}```", EligibilityDocExamples.Page("eligibility.md"), StringComparison.Ordinal);
    }
}
