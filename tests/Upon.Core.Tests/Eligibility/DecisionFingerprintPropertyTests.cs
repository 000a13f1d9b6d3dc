using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The laws of fingerprints and replay, over generated applications and policies (1,000 cases each).</summary>
public sealed class DecisionFingerprintPropertyTests
{
    [Property]
    public Property Fingerprint_WhateverMonitoringAnswersTheDocumentHolds_IsThatOfTheApplicationAlone() =>
        Prop.ForAll(EligibilityGenerators.MonitoredApplications(), pair =>
        {
            (EligibilityPolicy policy, MonitoredApplication submitted) = pair;
            DecisionFingerprint expected = DecisionFingerprint.Of(submitted.Application, policy);
            PolicyRegistry registry = PolicyRegistry.Create([policy]).GetValueOrThrow();
            foreach (EqualityMonitoring? answers in submitted.Answers.Select(a => (EqualityMonitoring?)a).Append(null))
            {
                string json = EligibilityDocumentGenerators.Json(submitted.Application, answers);

                // The whole document read, and the batch's reading for a decision alone: the same fingerprint.
                Application read = ApplicationDocument.Parse(json).GetValueOrThrow().Application;
                Assert.Equal(expected, DecisionFingerprint.Of(read, policy));
                EligibilityDecision batch = new EligibilityBatch(registry, policy).Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(json)), BatchFormat.JsonLines).Single().GetValueOrThrow();
                Assert.Equal(expected, batch.Fingerprint);
            }
        });

    [Property]
    public Property ApplicationHash_ChangesWhenAnyDecisionInputChanges() =>
        Prop.ForAll(FingerprintGenerators.ChangedApplications(), changed =>
        {
            Assert.False(
                DecisionFingerprint.HashApplication(changed.Application) == DecisionFingerprint.HashApplication(changed.Changed),
                $"The hash did not change with the {changed.Change}.");
            Assert.NotEqual(DecisionFingerprint.Of(changed.Application, BuiltInPolicies.Year2).Value, DecisionFingerprint.Of(changed.Changed, BuiltInPolicies.Year2).Value);
        });

    [Property]
    public Property Replay_OfAFreshDecision_IsIdentical_AlsoAfterItsDocument() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            PolicyRegistry registry = PolicyRegistry.Create([policy]).GetValueOrThrow();
            EligibilityDecision decision = policy.Decide(application);
            EligibilityDecision read = DecisionDocument.Parse(Write(decision)).GetValueOrThrow();

            foreach (EligibilityDecision recorded in new[] { decision, read })
            {
                ReplayResult result = DecisionReplay.Replay(recorded, application, registry);
                Assert.Equal(ReplayStatus.Identical, result.Status);
                Assert.Equal(DecisionChanges.None, result.Changes);
                Assert.Equal((false, false, false), (result.PolicyContentChanged, result.ApplicationChanged, result.LibraryVersionChanged));
            }
        });

    [Property]
    public Property Fingerprint_RoundTrippedThroughTheDecisionDocument_EqualsTheOriginal() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            EligibilityDecision decision = pair.Policy.Decide(pair.Application);

            EligibilityDecision read = DecisionDocument.Parse(Write(decision)).GetValueOrThrow();

            Assert.Equal(decision.Fingerprint, read.Fingerprint);
            Assert.Equal(decision, read);
        });

    [Property]
    public Property Fingerprint_ComputedFromManyThreadsAtOnce_IsTheSame() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            // A fresh policy instance and a fresh decision: nothing is cached when the threads start.
            EligibilityPolicy policy = pair.Policy.WithEffectiveTo(pair.Policy.EffectiveTo);
            EligibilityDecision decision = policy.Decide(pair.Application);
            DecisionFingerprint expected = DecisionFingerprint.Of(pair.Application, pair.Policy);
            DecisionFingerprint[] seen = new DecisionFingerprint[8];
            string[] hashes = new string[8];

            Parallel.For(0, seen.Length, i =>
            {
                hashes[i] = DecisionFingerprint.HashPolicy(policy);
                seen[i] = decision.Fingerprint!;
            });

            Assert.All(seen, f => Assert.Equal(expected, f));
            Assert.All(seen, f => Assert.Same(seen[0], f));
            Assert.All(hashes, h => Assert.Equal(expected.PolicyContent, h));
        });

    [Fact]
    public void ChangedApplications_ChangeEveryKindOfInput()
    {
        Application application = EligibilityGenerators.ApplicationGen().Where(a => a.Roles.Length > 1).Sample(1, 1).Single();

        string[] changes = [.. FingerprintGenerators.AllKinds.Select(kind => FingerprintGenerators.Change(application, kind, 1).Change)];

        Assert.Equal(changes.Length, changes.Distinct().Count());
    }

    private static string Write(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
