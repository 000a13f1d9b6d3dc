using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// The committed corpus of Golden/decisions/: every built-in policy's decision on each example application, as
/// <c>upon eligibility check --format jsonl</c> wrote them with fingerprints. Making them again must give the same
/// decisions from the same policy content; a built-in policy changed under its id and version is caught.
/// </summary>
public sealed class DecisionCorpusTests
{
    private static readonly Lazy<ImmutableArray<EligibilityDecision>> Decisions = new(ReadDecisions);

    [Fact]
    public void Corpus_HoldsADecisionOfEveryBuiltInPolicyOnEveryApplication()
    {
        int applications = File.ReadLines(Repository.GoldenFile("decisions", "applications.jsonl")).Count(line => line.Length > 0);

        Assert.True(applications >= 50, "The corpus holds the example applications and those of the built-in case files.");
        Assert.Equal(applications * BuiltInPolicies.All.Length, Decisions.Value.Length);
        foreach (EligibilityPolicy policy in BuiltInPolicies.All)
        {
            Assert.Equal(applications, Decisions.Value.Count(d => d.PolicyId == policy.Id && d.PolicyVersion == policy.Version));
        }

        Assert.All(Decisions.Value, d => Assert.NotNull(d.Fingerprint));
        Assert.Equal(Enum.GetValues<EligibilityOutcome>().Length, Decisions.Value.Select(d => d.Outcome).Distinct().Count());
    }

    [Fact]
    public void EveryRecordedDecision_MadeAgainByTheBuiltInPolicies_IsIdentical_FromUnchangedPolicyContent()
    {
        ReplayBatch batch = Replay(PolicyRegistry.BuiltIn);

        Assert.Empty(batch.ApplicationErrors);
        Assert.Equal(Decisions.Value.Length, batch.Results.Length);
        foreach (ReplayResult result in batch.Results)
        {
            Assert.True(result.IsIdentical, $"{result} — a built-in policy version must decide as it did: give a changed policy a new version (Golden/README.md).");
            Assert.False(result.PolicyContentChanged, $"{result}: the content of {result.Recorded.PolicyId} v{result.Recorded.PolicyVersion} changed; give a changed policy a new version.");
            Assert.False(result.ApplicationChanged, result.ToString());
        }
    }

    [Fact]
    public void ABuiltInPolicyWithOneMinimumChanged_UnderTheSameIdAndVersion_IsCaught()
    {
        EligibilityPolicy changed = WithExperienceMinimum(BuiltInPolicies.Year2, "P4Y");
        PolicyRegistry registry = PolicyRegistry.Create([BuiltInPolicies.Year1, changed, BuiltInPolicies.Year3]).GetValueOrThrow();

        ReplayBatch batch = Replay(registry);

        ReplayResult[] year2 = [.. batch.Results.Where(r => r.Recorded.PolicyId == changed.Id)];
        Assert.All(year2, r => Assert.True(r.PolicyContentChanged));
        Assert.All(batch.Results.Except(year2), r => Assert.Equal((ReplayStatus.Identical, (bool?)false), (r.Status, r.PolicyContentChanged)));
        ReplayResult[] differs = [.. year2.Where(r => r.Status == ReplayStatus.Differs)];
        Assert.NotEmpty(differs);
        Assert.Contains(differs, r => r.Changes.HasFlag(DecisionChanges.Outcome) && r.Recorded.Outcome == EligibilityOutcome.Eligible && r.Replayed!.Outcome == EligibilityOutcome.Ineligible);
        Assert.All(differs, r => Assert.NotEqual(r.Recorded, r.Replayed));
        Assert.All(year2.Where(r => r.Status == ReplayStatus.Identical), r => Assert.Equal(r.Recorded, r.Replayed));
    }

    /// <summary>The policy rebuilt from its document with every experience rule's minimum set to <paramref name="minimum"/>.</summary>
    internal static EligibilityPolicy WithExperienceMinimum(EligibilityPolicy policy, string minimum)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, [policy]);
        JsonNode document = JsonNode.Parse(stream.ToArray())!;
        int changed = 0;
        Visit(document);
        Assert.True(changed > 0);
        return Assert.Single(PolicyDocument.Parse(document.ToJsonString()).GetValueOrThrow());

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if ((string?)obj["kind"] == "experience")
                    {
                        obj["minimum"] = minimum;
                        changed++;
                    }

                    foreach (KeyValuePair<string, JsonNode?> property in obj.ToList())
                    {
                        Visit(property.Value);
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? item in array)
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }

    private static ReplayBatch Replay(PolicyRegistry registry)
    {
        using FileStream applications = File.OpenRead(Repository.GoldenFile("decisions", "applications.jsonl"));
        return DecisionReplay.Replay(Decisions.Value, applications, registry);
    }

    /// <summary>The decisions of the corpus: a line each, <c>{"record": n, "decision": {…}}</c>.</summary>
    private static ImmutableArray<EligibilityDecision> ReadDecisions() =>
        [.. File.ReadLines(Repository.GoldenFile("decisions", "decisions.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using JsonDocument item = JsonDocument.Parse(line);
                return DecisionDocument.Parse(item.RootElement.GetProperty("decision").GetRawText()).GetValueOrThrow();
            })];
}
