using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Testing;

/// <summary>
/// <see cref="BuiltInCaseFiles"/>: the built-in policies' conformance case files, run in the normal test run, where
/// every case must pass; and what each file covers.
/// </summary>
public sealed class BuiltInCaseFilesTests
{
    public static TheoryData<string> PolicyIds => [.. BuiltInPolicies.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void EveryCase_OfEveryBuiltInPolicy_Passes(string policyId)
    {
        using Stream file = BuiltInCaseFiles.Open(policyId);

        EligibilityCaseRun run = EligibilityCaseAssertions.AllPass(file);

        Assert.True(run.Results.Length >= 25, $"{policyId}: {run}");
        Assert.All(run.Results, r => Assert.Equal(policyId, r.Decision!.PolicyId));
    }

    [Theory]
    [MemberData(nameof(PolicyIds))]
    public void EachFile_PinsEveryOutcome_EveryDecidingReason_AndAnEligibleFromDate(string policyId)
    {
        using Stream file = BuiltInCaseFiles.Open(policyId);
        ImmutableArray<EligibilityCase> cases = [.. EligibilityCaseDocument.Read(file).Select(r => r.GetValueOrThrow())];

        Assert.Equal(Enum.GetValues<EligibilityOutcome>().Order(), cases.Select(c => c.Expected.Outcome).Distinct().Order());
        string[] reasons =
        [
            ReasonCodes.ExperienceInsufficient, ReasonCodes.ReadinessBeyondWindow, ReasonCodes.ReadinessMissing,
            ReasonCodes.StatementMissing, ReasonCodes.StatementTooLong, ReasonCodes.AssessorNotMet,
        ];
        Assert.Equal(reasons.Order(StringComparer.Ordinal), cases.SelectMany(c => c.Expected.Reasons).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(cases, c => c.Expected.EligibleFrom is NodaTime.LocalDate from && from > c.AsOf);
        Assert.Contains(cases, c => c.Expected.Reasons.Length == 2);
        Assert.All(cases, c => Assert.NotNull(c.Description));
        Assert.All(cases, c => Assert.Equal(policyId, c.PolicyId));
    }

    [Fact]
    public void TheFiles_AreThoseOfTheBuiltInPolicies_NamedByIdentifier()
    {
        Assert.Equal(BuiltInPolicies.All.Select(p => p.Id), BuiltInCaseFiles.PolicyIds);
        Assert.Equal("aspirant-2021-22.cases.json", BuiltInCaseFiles.FileName("aspirant-2021-22"));
        Assert.Equal(
            BuiltInCaseFiles.PolicyIds.Select(id => "Upon.Core.Testing.Cases." + id + ".cases.json").Order(StringComparer.Ordinal),
            typeof(BuiltInCaseFiles).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".cases.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownPolicy_HasNoFile()
    {
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => BuiltInCaseFiles.Open("aspirant-2019-20"));

        Assert.Equal("policyId", unknown.ParamName);
        Assert.StartsWith("No built-in policy has this identifier; the case files are those of aspirant-2020-21, aspirant-2021-22, aspirant-2022-23.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("policyId", Assert.Throws<ArgumentNullException>(() => BuiltInCaseFiles.FileName(null!)).ParamName);
    }

    [Fact]
    public void TheFilesReadWithoutAProblem_AndHoldNoEqualityMonitoringAnswers()
    {
        foreach (string policyId in BuiltInCaseFiles.PolicyIds)
        {
            using Stream file = BuiltInCaseFiles.Open(policyId);
            using StreamReader reader = new(file);
            string text = reader.ReadToEnd();

            Assert.All(EligibilityCaseDocument.Parse(text), r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
            Assert.DoesNotContain("equalityMonitoring", text, StringComparison.Ordinal);
        }
    }
}
