using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Fuzz.Documents;
using Upon.Core.Fuzz.Fuzzing;
using Upon.Core.Serialization;
using Upon.Core.Testing;

namespace Upon.Core.Fuzz.Formats;

/// <summary>Application records for the seeds: the examples, and generated submissions (with monitoring answers).</summary>
internal static class ApplicationSeeds
{
    public static List<JsonTree> Records { get; } = Create();

    /// <summary>Applications read from the seeds, to decide with fuzzed policies.</summary>
    public static List<Application> Applications { get; } =
        [.. SeedSources.LineTexts("applications.jsonl").Select(line => ApplicationDocument.Parse(line)).Where(r => r.IsValid).Select(r => r.Value!.Application)];

    private static List<JsonTree> Create()
    {
        // The examples include an application with mistakes, for the docs: only the valid ones are seeds.
        List<JsonTree> records = [.. SeedSources.LineTexts("applications.jsonl").Where(l => ApplicationDocument.Parse(l).IsValid).Select(JsonTree.Parse)];
        foreach (ApplicationSubmission submission in SeedSources.Sample(EligibilityDocumentGenerators.Submissions(), 6, 11))
        {
            records.Add(SeedSources.Tree(s => ApplicationDocument.Write(s, submission.Application, submission.Monitoring)));
        }

        foreach (Application application in SeedSources.Sample(EligibilityGenerators.ApplicationGen(), 4, 12))
        {
            records.Add(SeedSources.Tree(s => ApplicationDocument.Write(s, application, new EqualityMonitoring("white-british", "no", "female", "35-44", null, null))));
        }

        return records;
    }
}

/// <summary>
/// Application batches: <see cref="EligibilityBatch.Evaluate"/> (ApplicationDocument's reader for each document, then
/// <see cref="EligibilityPolicy.Decide(Application, NodaTime.LocalDate)"/> with the built-in policies), in one layout.
/// The single layout also reads the bytes with <see cref="ApplicationDocument.Read"/> and decides the application
/// with every built-in policy, and writes and reads back each decision.
/// </summary>
internal sealed class ApplicationBatchFormat(string name, BatchFormat batchFormat, SeedLayout layout) : FuzzFormat
{
    private static readonly EligibilityBatch Batch = new(PolicyRegistry.BuiltIn);

    public override string Name => name;

    public override string Reader => $"EligibilityBatch.Evaluate({batchFormat}) with the built-in policies";

    public override bool HasMonitoring => true;

    public override int MaxRecordBytes => ApplicationDocument.DefaultMaxBytes;

    public override Expectation? Expect(byte[] bytes) => batchFormat switch
    {
        BatchFormat.JsonLines => RecordOracle.JsonLines(bytes),
        BatchFormat.JsonArray => RecordOracle.JsonArray(bytes, MaxRecordBytes),
        _ => RecordOracle.Auto(bytes, MaxRecordBytes),
    };

    public override void Run(byte[] bytes, Observation observation)
    {
        int lastNumber = 0;
        int records = 0;
        foreach (RecordResult<EligibilityDecision> item in Batch.Evaluate(new MemoryStream(bytes), batchFormat))
        {
            observation.Check(item.RecordNumber > lastNumber, "record numbers do not increase", $"record {item.RecordNumber} after {lastNumber}");
            lastNumber = item.RecordNumber;
            records++;
            observation.Add(item.RecordNumber, item.IsValid, item.Problems);
        }

        // The same bytes compared under two policies, and (as a whole batch) counted for the equality impact: every
        // record counted as the evaluation counts it, and their problems checked as every problem is.
        BatchComparison compared = Batch.Compare(new MemoryStream(bytes), BuiltInPolicies.Year1, BuiltInPolicies.Year2, batchFormat);
        observation.Check(compared.Records == records, "EligibilityBatch.Compare counts other records than Evaluate", $"{compared.Records} against {records}");
        observation.LaterProblems.AddRange(compared.Errors.SelectMany(e => e.Problems).Select(p => ("EligibilityBatch.Compare", p)));
        if (batchFormat == BatchFormat.Auto)
        {
            (EqualityImpact impact, ImmutableArray<RecordResult<ApplicationSubmission>> errors) = EqualityImpact.Read(new MemoryStream(bytes), BuiltInPolicies.Year1, BuiltInPolicies.Year2);
            observation.Check(impact.Comparison.Applications + errors.Length == records, "EqualityImpact.Read counts other records than Evaluate", $"{impact.Comparison.Applications} + {errors.Length} against {records}");
            observation.LaterProblems.AddRange(errors.SelectMany(e => e.Problems).Select(p => ("EqualityImpact.Read", p)));
        }

        if (layout != SeedLayout.Single)
        {
            return;
        }

        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(new MemoryStream(bytes));
        observation.Check(read.IsValid != read.Problems.Any(), "ApplicationDocument.Read is valid and has problems, or neither", $"{read.Problems.Length} problems");
        observation.LaterProblems.AddRange(read.Problems.Select(p => ("ApplicationDocument.Read", p)));
        if (read.IsValid)
        {
            foreach (EligibilityPolicy policy in BuiltInPolicies.All)
            {
                EligibilityDecision decision = policy.Decide(read.Value.Application, read.Value.Application.AssessedOn);
                using MemoryStream written = new();
                DecisionDocument.Write(written, decision);
                DocumentResult<EligibilityDecision> back = DecisionDocument.Parse(Encoding.UTF8.GetString(written.ToArray()));
                observation.Check(back.IsValid, "a decision written by DecisionDocument does not read back", string.Join("; ", back.Problems));
            }
        }
    }

    protected override IEnumerable<Seed> CreateSeeds() => SeedSources.Groups(name, layout, ApplicationSeeds.Records);
}

/// <summary>Policy documents: <see cref="PolicyDocument.Read"/>, then <see cref="PolicyRegistry.Create"/> and decisions of the example applications.</summary>
internal sealed class PolicyFormat : FuzzFormat
{
    public override string Name => "policies";

    public override string Reader => "PolicyDocument.Read, PolicyRegistry.Create, EligibilityPolicy.Decide";

    public override Expectation? Expect(byte[] bytes) => null;

    public override void Run(byte[] bytes, Observation observation)
    {
        DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Read(new MemoryStream(bytes));
        observation.Add(1, read.IsValid, read.Problems);
        if (!read.IsValid)
        {
            return;
        }

        DocumentResult<PolicyRegistry> registry = PolicyRegistry.Create(read.Value);
        observation.LaterProblems.AddRange(registry.Problems.Select(p => ("PolicyRegistry.Create", p)));
        foreach (Application application in ApplicationSeeds.Applications)
        {
            if (registry.IsValid)
            {
                registry.Value.TryDecide(application, out _);
            }

            foreach (EligibilityPolicy policy in read.Value)
            {
                policy.Decide(application, application.AssessedOn);
            }
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<EligibilityPolicy> policies = [.. BuiltInPolicies.All, .. SeedSources.Sample(EligibilityDocumentGenerators.Policies(), 6, 21)];
        for (int i = 0; i < policies.Count; i++)
        {
            EligibilityPolicy policy = policies[i];
            yield return new Seed($"policies[{i}]", SeedLayout.Single, [SeedSources.Tree(s => PolicyDocument.Write(s, [policy]))]);
        }

        yield return new Seed("policies[built-in]", SeedLayout.Single, [SeedSources.Tree(s => PolicyDocument.Write(s, BuiltInPolicies.All))]);
    }
}

/// <summary>Decision documents: <see cref="DecisionDocument.Read"/>, then written and read back.</summary>
internal sealed class DecisionFormat : FuzzFormat
{
    public override string Name => "decisions";

    public override string Reader => "DecisionDocument.Read, DecisionDocument.Write";

    public override Expectation? Expect(byte[] bytes) => null;

    public override void Run(byte[] bytes, Observation observation)
    {
        DocumentResult<EligibilityDecision> read = DecisionDocument.Read(new MemoryStream(bytes));
        observation.Add(1, read.IsValid, read.Problems);
        if (read.IsValid)
        {
            using MemoryStream written = new();
            DecisionDocument.Write(written, read.Value);
            written.Position = 0;
            DocumentResult<EligibilityDecision> back = DecisionDocument.Read(written);
            observation.Check(back.IsValid, "a decision read and written again does not read back", string.Join("; ", back.Problems));
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<Application> applications = [.. ApplicationSeeds.Applications, .. SeedSources.Sample(EligibilityGenerators.ApplicationGen(), 4, 31)];
        int i = 0;
        foreach (Application application in applications)
        {
            foreach (EligibilityPolicy policy in BuiltInPolicies.All.Where((_, k) => (k + i) % 2 == 0))
            {
                EligibilityDecision decision = policy.Decide(application, application.AssessedOn);
                yield return new Seed($"decisions[{i++}]", SeedLayout.Single, [SeedSources.Tree(s => DecisionDocument.Write(s, decision))]);
            }
        }
    }
}

/// <summary>
/// Case files: <see cref="EligibilityCaseDocument.Read(Stream, int)"/>, then every case read run against the built-in policies
/// (<see cref="EligibilityCaseRun"/>), and the cases read written and read back.
/// </summary>
internal sealed class CaseFileFormat : FuzzFormat
{
    public override string Name => "cases";

    public override string Reader => "EligibilityCaseDocument.Read, EligibilityCase.Run, EligibilityCaseDocument.Write";

    public override int MaxRecordBytes => EligibilityCaseDocument.DefaultMaxBytes;

    public override bool HasMonitoring => false;

    public override Expectation? Expect(byte[] bytes) => RecordOracle.CaseFile(bytes, MaxRecordBytes);

    public override void Run(byte[] bytes, Observation observation)
    {
        ImmutableArray<RecordResult<EligibilityCase>> records = EligibilityCaseDocument.Read(new MemoryStream(bytes));
        int lastNumber = -1;
        foreach (RecordResult<EligibilityCase> record in records)
        {
            observation.Check(record.RecordNumber > lastNumber, "record numbers do not increase", $"record {record.RecordNumber} after {lastNumber}");
            lastNumber = record.RecordNumber;
            observation.Add(record.RecordNumber, record.IsValid, record.Problems);
        }

        EligibilityCaseRun run = EligibilityCaseRun.Read(new MemoryStream(bytes), PolicyRegistry.BuiltIn);
        observation.Check(run.Records == records.Length, "EligibilityCaseRun.Read counts other records than EligibilityCaseDocument.Read", $"{run.Records} against {records.Length}");
        foreach (EligibilityCaseResult result in run.Results)
        {
            if (result.Problem is DocumentProblem problem)
            {
                observation.LaterProblems.Add(("EligibilityCase.Run", problem));
            }

            observation.Check(result.Status != EligibilityCaseStatus.Failed || result.DescribeDifferences().Length > 0, "a failed case says nothing of what differs", result.Case.Name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        EligibilityCase[] read = [.. records.Where(r => r.IsValid).Select(r => r.Value!)];
        if (read.Length > 0)
        {
            using MemoryStream written = new();
            EligibilityCaseDocument.Write(written, read);
            written.Position = 0;
            ImmutableArray<RecordResult<EligibilityCase>> back = EligibilityCaseDocument.Read(written);
            observation.Check(back.All(r => r.IsValid) && back.Select(r => r.Value!).SequenceEqual(read), "cases read and written again do not read back the same", string.Join("; ", back.SelectMany(r => r.Problems)));
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        // The example holds a case with a typo, for the docs: the seed is the others.
        JsonObject example = (JsonObject)JsonTree.Parse(SeedSources.File("cases.json"));
        JsonArray cases = (JsonArray)example["cases"]!;
        cases.Items.RemoveAll(c => c is JsonObject o && o["asof"] is not null);
        yield return new Seed("cases[example]", SeedLayout.Single, [example]);

        foreach (string policyId in BuiltInCaseFiles.PolicyIds)
        {
            using Stream file = BuiltInCaseFiles.Open(policyId);
            using StreamReader reader = new(file);
            JsonObject builtIn = (JsonObject)JsonTree.Parse(reader.ReadToEnd());
            List<JsonTree> all = ((JsonArray)builtIn["cases"]!).Items;
            for (int start = 0; start < all.Count; start += 8)
            {
                JsonObject part = new([new JsonMember("cases", new JsonArray(all.Skip(start).Take(8).Select(c => c.Clone())))]);
                yield return new Seed($"cases[{policyId} {start}..]", SeedLayout.Single, [part]);
            }
        }

        int i = 0;
        foreach (EligibilityCase[] generated in SeedSources.Sample(EligibilityCaseGenerators.CaseFiles(3), 6, 41))
        {
            yield return new Seed($"cases[generated {i++}]", SeedLayout.Single, [SeedSources.Tree(s => EligibilityCaseDocument.Write(s, generated))]);
        }
    }
}
