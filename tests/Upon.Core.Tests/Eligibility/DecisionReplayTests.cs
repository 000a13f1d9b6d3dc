using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary><see cref="DecisionReplay"/>: a recorded decision made again, what differs, what changed since, and the batch forms.</summary>
public sealed class DecisionReplayTests
{
    private static readonly Application Application = DecisionFingerprintTests.Golden;

    private static readonly EligibilityDecision Recorded = BuiltInPolicies.Year2.Decide(Application);

    [Fact]
    public void Replay_AFreshDecision_IsIdentical_AndNothingChangedSince()
    {
        ReplayResult result = DecisionReplay.Replay(Recorded, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Identical, result.Status);
        Assert.True(result.IsIdentical);
        Assert.Equal(DecisionChanges.None, result.Changes);
        Assert.Equal(Recorded, result.Replayed);
        Assert.Same(Recorded, result.Recorded);
        Assert.Equal((false, false, false), (result.PolicyContentChanged, result.ApplicationChanged, result.LibraryVersionChanged));
        Assert.Equal("G-001: Identical", result.ToString());
    }

    [Fact]
    public void Replay_DecidesAsOfTheRecordedDate_NotTheAssessmentDate()
    {
        EligibilityDecision later = BuiltInPolicies.Year2.Decide(Application, new LocalDate(2022, 3, 1));

        ReplayResult result = DecisionReplay.Replay(later, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Identical, result.Status);
        Assert.Equal(new LocalDate(2022, 3, 1), result.Replayed!.AsOf);
    }

    [Fact]
    public void Replay_AChangedApplication_SaysWhatDiffersAndThatTheApplicationChanged()
    {
        Application shorter = Application.WithRoles([Application.Roles[1]]);

        ReplayResult result = DecisionReplay.Replay(Recorded, shorter, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Differs, result.Status);
        Assert.Equal(DecisionChanges.Outcome | DecisionChanges.EligibleFrom | DecisionChanges.Reasons | DecisionChanges.Figures, result.Changes);
        Assert.Equal((false, true), (result.PolicyContentChanged, result.ApplicationChanged));
        Assert.Equal(EligibilityOutcome.Ineligible, result.Replayed!.Outcome);
        Assert.Equal("G-001: Differs (Outcome, EligibleFrom, Reasons, Figures; application changed)", result.ToString());
    }

    [Fact]
    public void Replay_AChangeOfFiguresAlone_IsReportedAsFigures()
    {
        // A longer role still passes the same rules for the same reasons: only the measured experience differs.
        Role first = Application.Roles[0];
        Application longer = Application.WithRoles([new Role(first.Title, first.Organisation, first.OrganisationType, first.Sector, first.Level, first.Start.PlusMonths(-6), first.End, first.PartTimeFraction, first.IsActing), Application.Roles[1]]);

        ReplayResult result = DecisionReplay.Replay(Recorded, longer, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Differs, result.Status);
        Assert.Equal(DecisionChanges.Figures, result.Changes);
    }

    [Fact]
    public void Replay_AChangedPolicyUnderTheSameVersion_SaysThePolicyContentChanged()
    {
        EligibilityPolicy changed = Reworded(BuiltInPolicies.Year2);
        PolicyRegistry registry = PolicyRegistry.Create([BuiltInPolicies.Year1, changed, BuiltInPolicies.Year3]).GetValueOrThrow();

        ReplayResult result = DecisionReplay.Replay(Recorded, Application, registry);

        Assert.Equal(ReplayStatus.Identical, result.Status);
        Assert.Equal((true, false), (result.PolicyContentChanged, result.ApplicationChanged));
        Assert.Equal("G-001: Identical (policy content changed)", result.ToString());
    }

    [Fact]
    public void Replay_ARecordedDecisionWithoutAFingerprint_CannotSayWhatChangedSince()
    {
        ReplayResult result = DecisionReplay.Replay(Recorded with { Fingerprint = null }, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Identical, result.Status);
        Assert.Equal((null, null, null), (result.PolicyContentChanged, result.ApplicationChanged, result.LibraryVersionChanged));
    }

    [Fact]
    public void Replay_ARecordedLibraryVersionOtherThanThisOne_IsReportedForInformation()
    {
        DecisionFingerprint old = Recorded.Fingerprint!;
        EligibilityDecision recorded = Recorded with { Fingerprint = new DecisionFingerprint(old.Application, old.PolicyId, old.PolicyVersion, old.PolicyContent, "0.0.1") };

        ReplayResult result = DecisionReplay.Replay(recorded, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Identical, result.Status);
        Assert.True(result.LibraryVersionChanged);
    }

    [Fact]
    public void Replay_APolicyVersionTheRegistryLacks_IsPolicyNotFound()
    {
        EligibilityDecision recorded = Recorded with { PolicyVersion = 7 };

        ReplayResult result = DecisionReplay.Replay(recorded, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.PolicyNotFound, result.Status);
        Assert.Null(result.Replayed);
        Assert.Null(result.PolicyContentChanged);
        Assert.False(result.ApplicationChanged);
    }

    [Fact]
    public void Replay_Arguments_AreChecked()
    {
        Assert.Equal("recorded", Assert.Throws<ArgumentNullException>(() => DecisionReplay.Replay(null!, Application, PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => DecisionReplay.Replay(Recorded, (Application)null!, PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => DecisionReplay.Replay(Recorded, Application, null!)).ParamName);
        ArgumentException other = Assert.Throws<ArgumentException>(() => DecisionReplay.Replay(Recorded, new Application("X-9", "2021/22", new LocalDate(2021, 6, 1), []), PolicyRegistry.BuiltIn));
        Assert.Equal("application", other.ParamName);
        Assert.StartsWith("The application is not the one the decision was made on: their identifiers differ.", other.Message, StringComparison.Ordinal);
        Assert.Equal("recorded", Assert.Throws<ArgumentNullException>(() => DecisionReplay.Replay([null!], [Application], PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("applications", Assert.Throws<ArgumentNullException>(() => DecisionReplay.Replay([Recorded], [null!], PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionReplay.Replay([Recorded], Stream.Null, PolicyRegistry.BuiltIn, maxBytes: 0)).ParamName);
    }

    [Fact]
    public void ReplayMany_MatchesByIdentifier_AndReportsMissingAndDuplicatedApplications()
    {
        Application other = new("G-002", "2021/22", new LocalDate(2021, 6, 1), Application.Roles);
        Application missing = new("G-003", "2021/22", new LocalDate(2021, 6, 1), Application.Roles);
        EligibilityDecision[] recorded =
        [
            Recorded,
            BuiltInPolicies.Year1.Decide(Application),
            BuiltInPolicies.Year2.Decide(other),
            BuiltInPolicies.Year2.Decide(missing),
        ];

        ImmutableArray<ReplayResult> results = DecisionReplay.Replay(recorded, [other, Application, other], PolicyRegistry.BuiltIn);

        Assert.Equal(
            [ReplayStatus.Identical, ReplayStatus.Identical, ReplayStatus.ApplicationDuplicate, ReplayStatus.ApplicationMissing],
            results.Select(r => r.Status));
        Assert.Equal(["G-001", "G-001", "G-002", "G-003"], results.Select(r => r.ApplicationId));
        Assert.All(results.Skip(2), r => Assert.Null(r.Replayed));
        Assert.All(results.Skip(2), r => Assert.False(r.PolicyContentChanged));
    }

    [Fact]
    public void ReplayMany_ADuplicatedApplicationWhosePolicyIsMissing_IsPolicyNotFound()
    {
        ImmutableArray<ReplayResult> results = DecisionReplay.Replay([Recorded with { PolicyId = "gone" }], [], PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.PolicyNotFound, Assert.Single(results).Status);
    }

    [Fact]
    public void ReplayFromAStream_ReadsTheApplicationsWithTheirMonitoringAnswers_AndReportsTheUnreadable()
    {
        using MemoryStream applications = new();
        ApplicationDocument.Write(applications, Application, new EqualityMonitoring(Ethnicity: "any answer"));
        applications.Write("\n{\"id\": 1}\n"u8);
        applications.Position = 0;

        ReplayBatch batch = DecisionReplay.Replay([Recorded, Recorded with { ApplicationId = "G-404" }], applications, PolicyRegistry.BuiltIn, BatchFormat.JsonLines);

        Assert.Equal([ReplayStatus.Identical, ReplayStatus.ApplicationMissing], batch.Results.Select(r => r.Status));
        Assert.False(batch.Results[0].ApplicationChanged);
        RecordResult<ApplicationSubmission> error = Assert.Single(batch.ApplicationErrors);
        Assert.Equal(2, error.RecordNumber);
        Assert.Equal((1, 0, 1), (batch.Identical, batch.Differs, batch.NotReplayed));
    }

    /// <summary>The policy with another title: the same rules, so the same decisions, but other content.</summary>
    internal static EligibilityPolicy Reworded(EligibilityPolicy policy) =>
        new(policy.Id, policy.Version, policy.ProgrammeYear, policy.EffectiveFrom, policy.EffectiveTo, policy.Title + " (reworded)", policy.Rule, policy.Interpretation);
}
