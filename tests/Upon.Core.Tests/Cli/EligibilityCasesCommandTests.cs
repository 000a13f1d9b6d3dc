using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Cli;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon eligibility cases generate</c>: a policy's boundary cases written as a case file that <c>upon eligibility test</c> runs.</summary>
public sealed class EligibilityCasesCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-cases-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Generate_Year1_WritesTheLibrarysCases_WhichTestRunsAllPassing()
    {
        string file = Path.Combine(folder, "year1-edges.json");

        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2020-21", "--output", file);

        Assert.Equal((ExitCodes.Success, string.Empty), (exitCode, error));
        Assert.Equal($"Wrote 23 boundary cases of aspirant-2020-21 v1, as of 2020-09-01, to {file}.\n", output);
        Assert.Contains($"$ upon eligibility cases generate aspirant-2020-21 --output year1-edges.json\n{output.Replace(file, "year1-edges.json", StringComparison.Ordinal)}", Docs.EligibilityDocExamples.Page("cli.md"), StringComparison.Ordinal);
        Assert.Equal(Written(EligibilityBoundaryCases.Generate(BuiltInPolicies.Year1, new LocalDate(2020, 9, 1))), File.ReadAllBytes(file));
        (int testExit, string tested, string testError) = InProcessCli.Run("eligibility", "test", file);
        Assert.Equal((ExitCodes.Success, string.Empty), (testExit, testError));
        Assert.EndsWith("\n\n23 records: 23 cases (23 passed, 0 failed), 0 errors\n", tested, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_VersionAndAsOf_AreThoseGiven()
    {
        string file = Path.Combine(folder, "year2.json");

        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2021-22@1", "--as-of", "2021-09-01", "-o", file);

        Assert.Equal((ExitCodes.Success, string.Empty), (exitCode, error));
        Assert.Equal(EligibilityBoundaryCases.Generate(BuiltInPolicies.Year2, new LocalDate(2021, 9, 1)).ToArray(), Read(File.ReadAllBytes(file)));
    }

    [Fact]
    public void Generate_InlineFromAPolicyFile_RunsWithoutThePolicyFile()
    {
        EligibilityPolicy custom = new(
            "custom", 3, "2024/25", new LocalDate(2024, 9, 1), null, "A custom policy",
            new AllRule("all", "All", [new ExperienceRule("two-years", "Two years", Period.FromYears(2), [new RolePattern([RoleLevel.Director], [OrganisationType.LocalAuthority], [Sector.Education])], PartTimeCounting.Full, actingCounts: false), new StatementRule("statement", "Statement", 10, 20)]),
            []);
        string policies = Path.Combine(folder, "policies.json");
        using (FileStream stream = File.Create(policies))
        {
            PolicyDocument.Write(stream, [custom]);
        }

        string file = Path.Combine(folder, "custom.json");
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "cases", "generate", "custom", "--policies", policies, "--inline", "--output", file);

        Assert.Equal((ExitCodes.Success, string.Empty), (exitCode, error));
        EligibilityCase[] cases = Read(File.ReadAllBytes(file));
        Assert.All(cases, c => Assert.Equal(custom, c.InlinePolicy));
        Assert.Contains(cases, c => c.Name == "statement/statement-9-words-under-minimum");
        (int testExit, string tested, _) = InProcessCli.Run("eligibility", "test", file);
        Assert.Equal(ExitCodes.Success, testExit);
        Assert.EndsWith($"\n\n{cases.Length} records: {cases.Length} cases ({cases.Length} passed, 0 failed), 0 errors\n", tested, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ToStandardOutput_WritesTheCaseFile()
    {
        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2022-23", "--as-of", "2022-09-01", "--output", "-");

        Assert.Equal((ExitCodes.Success, string.Empty), (exitCode, error));
        Assert.Equal(EligibilityBoundaryCases.Generate(BuiltInPolicies.Year3, new LocalDate(2022, 9, 1)).ToArray(), Read(Encoding.UTF8.GetBytes(output)));
    }

    [Fact]
    public void Generate_UnknownPolicy_IsAUsageError()
    {
        string file = Path.Combine(folder, "none.json");

        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2020-21@7", "--output", file);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("no policy 'aspirant-2020-21@7'; run 'upon eligibility policies' to list them.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Generate_WithoutOutput_IsAUsageError()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2020-21");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--output", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_IntoAFolderThatDoesNotExist_FailsAndWritesNothing()
    {
        string file = Path.Combine(folder, "missing", "cases.json");

        (int exitCode, string output, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2020-21", "--output", file);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"upon: cannot write '{file}': the folder ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "missing")));
    }

    [Fact]
    public void Generate_BadAsOf_IsAUsageError()
    {
        (int exitCode, _, string error) = InProcessCli.Run("eligibility", "cases", "generate", "aspirant-2020-21", "--as-of", "2020-02-30", "--output", Path.Combine(folder, "x.json"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    private static byte[] Written(ImmutableArray<EligibilityCase> cases)
    {
        using MemoryStream stream = new();
        EligibilityCaseDocument.Write(stream, cases, indented: true);
        return stream.ToArray();
    }

    private static EligibilityCase[] Read(byte[] json)
    {
        using MemoryStream stream = new(json);
        ImmutableArray<RecordResult<EligibilityCase>> records = EligibilityCaseDocument.Read(stream);
        Assert.All(records, r => Assert.Empty(r.Problems));
        return [.. records.Select(r => r.Value!)];
    }
}
