using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Testing;

/// <summary>The application corpus is deterministic, varied and realistic, and every record reads back through the library.</summary>
public sealed class ApplicationCorpusTests
{
    private static readonly Lazy<ImmutableArray<ApplicationSubmission>> DefaultCorpus = new(() => ApplicationCorpus.Generate());

    private static readonly Lazy<byte[]> DefaultJsonLines = new(() => ApplicationCorpus.ToJsonLines(DefaultCorpus.Value));

    private static ImmutableArray<ApplicationSubmission> Corpus => DefaultCorpus.Value;

    private static string[] Lines => [.. Encoding.UTF8.GetString(DefaultJsonLines.Value).Split('\n')[..^1]];

    [Fact]
    public void Generate_SameCountAndSeed_GivesTheSameCorpus_AnotherSeedAnother()
    {
        byte[] first = ApplicationCorpus.GenerateJsonLines(300, seed: 7);
        byte[] again = ApplicationCorpus.GenerateJsonLines(300, seed: 7);
        byte[] other = ApplicationCorpus.GenerateJsonLines(300, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(ApplicationCorpus.Generate(300, seed: 7).SequenceEqual(ApplicationCorpus.Generate(300, seed: 7)));
    }

    [Fact]
    public void Generate_Defaults_AreTenThousandFromSeed13()
    {
        Assert.Equal((10_000, 13), (ApplicationCorpus.DefaultCount, ApplicationCorpus.DefaultSeed));
        Assert.Equal(ApplicationCorpus.DefaultCount, Corpus.Length);
        Assert.True(ApplicationCorpus.Generate(200).SequenceEqual(Corpus[..200]));
    }

    [Fact]
    public void Generate_Count_IsExact_AndZeroGivesNone()
    {
        Assert.Equal(37, ApplicationCorpus.Generate(37, seed: 1).Length);
        Assert.Empty(ApplicationCorpus.Generate(0));
        Assert.Empty(ApplicationCorpus.GenerateJsonLines(0));
    }

    [Fact]
    public void Generate_NegativeCount_Throws()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationCorpus.Generate(-1));
        Assert.Equal("count", thrown.ParamName);
    }

    [Fact]
    public void ToJsonLines_Null_Throws()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => ApplicationCorpus.ToJsonLines(null!));
        Assert.Equal("submissions", thrown.ParamName);
    }

    [Fact]
    public void Applications_AreDistinct_EvenWithoutTheirIds()
    {
        Assert.Equal(Corpus.Length, Corpus.Select(s => s.Application.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Corpus.Select((s, i) => (s, i)), p => Assert.Equal($"AD-{p.s.Application.ProgrammeYear[..4]}-{p.i + 1:D6}", p.s.Application.Id));
        HashSet<string> withoutIds = new(StringComparer.Ordinal);
        foreach (string line in Lines)
        {
            JsonObject document = JsonNode.Parse(line)!.AsObject();
            document.Remove("id");
            Assert.True(withoutIds.Add(document.ToJsonString()), "two applications differ only by their id");
        }
    }

    [Fact]
    public void Sizes_AreAbout1Point3KilobytesAnApplication_WithinTheStatedRange()
    {
        int[] sizes = [.. Lines.Select(Encoding.UTF8.GetByteCount)];
        int[] sorted = [.. sizes.Order()];

        Assert.InRange(sizes.Average(), 1_250, 1_550);
        Assert.InRange(sorted[sorted.Length / 2], 1_150, 1_450);
        Assert.InRange(sorted[0], 300, 600);
        Assert.InRange(sorted[^1], 3_500, 6_000);
        Assert.Equal(DefaultJsonLines.Value.Length, sizes.Sum() + sizes.Length);
    }

    [Fact]
    public void Applications_AreVaried_AsTheRemarksSay()
    {
        Application[] applications = [.. Corpus.Select(s => s.Application)];
        Role[] roles = [.. applications.SelectMany(a => a.Roles)];

        Assert.InRange(applications.Average(a => a.Roles.Length), 3.0, 4.0);
        Assert.InRange(applications.Max(a => a.Roles.Length), 6, 8);
        Assert.Equal(1, applications.Min(a => a.Roles.Length));
        Assert.InRange(Share(applications, a => a.Roles.Length >= 3), 0.5, 0.9);
        Assert.InRange(Share(applications, HasOverlappingRoles), 0.3, 0.9);
        Assert.InRange(Share(roles, r => r.PartTimeFraction is not null), 0.05, 0.3);
        Assert.InRange(Share(roles, r => r.IsActing), 0.03, 0.2);
        Assert.InRange(Share(roles, r => r.End is null), 0.1, 0.5);
        Assert.Equal(Enum.GetValues<RoleLevel>().Length, roles.Select(r => r.Level).Distinct().Count());
        Assert.Equal(Enum.GetValues<OrganisationType>().Length, roles.Select(r => r.OrganisationType).Distinct().Count());
        Assert.InRange(roles.Select(r => r.Organisation).Distinct(StringComparer.Ordinal).Count(), 500, int.MaxValue);
        Assert.InRange(Share(applications, a => a.Sponsor is not null), 0.8, 0.9);
        Assert.InRange(Share(Corpus, s => s.Monitoring is not null), 0.75, 0.85);
        Assert.InRange(Share(applications, a => a.AssessorOutcomes is not null), 0.3, 0.9);
        Assert.Equal(["2020/21", "2021/22", "2022/23"], applications.Select(a => a.ProgrammeYear).Distinct().Order(StringComparer.Ordinal));

        int[] words = [.. applications.Select(a => a.MoralPurposeStatement).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Split(' ').Length)];
        Assert.InRange(words.Min(), 1, 10);
        Assert.InRange(words.Count(w => w is > 150 and <= 500), 100, 500);
        Assert.InRange(words.Count(w => w > 500), 100, 400);
        Assert.InRange(words.Max(), 501, 560);
    }

    [Fact]
    public void EveryRecord_ReadsBackAsWritten()
    {
        string[] lines = Lines;
        Assert.Equal(Corpus.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(lines[i]);
            Assert.True(read.IsValid, $"line {i + 1}");
            Assert.Equal(Corpus[i], read.Value);
        }
    }

    [Fact]
    public void Decisions_AreAMixOfEligibleIneligibleAndIncomplete_WithEveryReason()
    {
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
        RecordResult<EligibilityDecision>[] results = [.. batch.Evaluate(new MemoryStream(DefaultJsonLines.Value), BatchFormat.JsonLines)];

        Assert.Equal(Corpus.Length, results.Length);
        Assert.All(results, r => Assert.True(r.IsValid, $"record {r.RecordNumber}"));
        EligibilityDecision[] decisions = [.. results.Select(r => r.Value!)];
        Assert.InRange(Share(decisions, d => d.Outcome == EligibilityOutcome.Eligible), 0.47, 0.57);
        Assert.InRange(Share(decisions, d => d.Outcome == EligibilityOutcome.Ineligible), 0.29, 0.39);
        Assert.InRange(Share(decisions, d => d.Outcome == EligibilityOutcome.Incomplete), 0.11, 0.17);
        string[] reasons = [.. decisions.SelectMany(d => Flatten(d.Explanation)).Where(r => r.Outcome == CriterionOutcome.Fail).Select(r => r.Reason).Distinct(StringComparer.Ordinal)];
        Assert.All(Enum.GetValues<IneligibilityReason>(), reason => Assert.Contains(ApplicationGenerators.ReasonCode(reason), reasons));
        Assert.Equal(3, decisions.Select(d => d.PolicyId).Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<CriterionResult> Flatten(CriterionResult result) => [result, .. result.Results.SelectMany(Flatten)];

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;

    private static bool HasOverlappingRoles(Application application)
    {
        Role[] roles = [.. application.Roles.OrderBy(r => r.Start)];
        for (int i = 1; i < roles.Length; i++)
        {
            if (roles[i - 1].End is not LocalDate end || end >= roles[i].Start)
            {
                return true;
            }
        }

        return false;
    }
}
