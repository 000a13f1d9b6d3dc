using System.Collections.Generic;
using System.IO;
using System.Linq;
using Upon.Core.Cohorts;
using Upon.Core.Fuzz.Documents;
using Upon.Core.Fuzz.Fuzzing;
using Upon.Core.Serialization;

namespace Upon.Core.Fuzz.Formats;

/// <summary>Candidates: <see cref="CandidateDocument.Read"/> (layout told automatically), then <see cref="Selection.Of"/> of the candidates read.</summary>
internal sealed class CandidateFormat : FuzzFormat
{
    public override string Name => "candidates";

    public override string Reader => "CandidateDocument.Read(Auto), Selection.Of";

    public override int MaxRecordBytes => CandidateDocument.DefaultMaxBytes;

    public override Expectation? Expect(byte[] bytes) => RecordOracle.Auto(bytes, MaxRecordBytes);

    public override void Run(byte[] bytes, Observation observation)
    {
        List<SelectionCandidate> candidates = [];
        foreach (RecordResult<CandidateProfile> record in CandidateDocument.Read(new MemoryStream(bytes)))
        {
            observation.Add(record.RecordNumber, record.Value is not null, record.Problems);
            if (record.Value is CandidateProfile profile)
            {
                candidates.Add(profile.Candidate);
            }
        }

        Selection.Of(candidates, capacity: 35, seed: 2026, authorityCap: 2, positiveActionTieBreak: true, waitingListLength: 10);
        Selection.Of(candidates, capacity: 1, seed: -1);
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<JsonTree> records = SeedSources.Lines("year2-candidates.jsonl");
        return SeedSources.Groups("candidates-lines", SeedLayout.Lines, records, 6)
            .Concat(SeedSources.Groups("candidates-array", SeedLayout.Array, records.Skip(30).ToList(), 6))
            .Append(new Seed("candidates-single", SeedLayout.Single, [records[0]]));
    }
}

/// <summary>Compositions: <see cref="CompositionDocument.Read"/>, then each dimension's breakdown, its check against the stated total, and suppression.</summary>
internal sealed class CompositionFormat : FuzzFormat
{
    public override string Name => "compositions";

    public override string Reader => "CompositionDocument.Read, CompositionDimension.ToBreakdown, CompositionBreakdown.Suppress";

    public override Expectation? Expect(byte[] bytes) => null;

    public override void Run(byte[] bytes, Observation observation)
    {
        DocumentResult<CompositionFigures> read = CompositionDocument.Read(new MemoryStream(bytes));
        observation.Add(1, read.IsValid, read.Problems);
        if (!read.IsValid)
        {
            return;
        }

        foreach (CompositionDimension dimension in read.Value.Dimensions)
        {
            CompositionBreakdown breakdown = dimension.ToBreakdown();
            _ = breakdown.TotalMismatch;
            breakdown.Suppress();
            breakdown.Suppress(1);
            breakdown.Suppress(100);
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        JsonObject example = (JsonObject)JsonTree.Parse(SeedSources.File("year1-composition.json"));
        yield return new Seed("compositions[example]", SeedLayout.Single, [example]);
        JsonArray dimensions = (JsonArray)example["dimensions"]!;
        for (int i = 0; i < dimensions.Items.Count; i++)
        {
            JsonObject one = (JsonObject)example.Clone();
            one.Members.RemoveAll(m => m.Key == "dimensions");
            one.Members.Add(new JsonMember("dimensions", new JsonArray([dimensions.Items[i].Clone()])));
            yield return new Seed($"compositions[dimension {i}]", SeedLayout.Single, [one]);
        }
    }
}

/// <summary>Every format the fuzzer feeds, in the order the tests run them.</summary>
internal static class FuzzFormats
{
    public static IReadOnlyList<FuzzFormat> All { get; } =
    [
        new ApplicationBatchFormat("applications-jsonl", BatchFormat.JsonLines, SeedLayout.Lines),
        new ApplicationBatchFormat("applications-array", BatchFormat.JsonArray, SeedLayout.Array),
        new ApplicationBatchFormat("applications-single", BatchFormat.Auto, SeedLayout.Single),
        new PolicyFormat(),
        new DecisionFormat(),
        new CaseFileFormat(),
        new ProgrammeYearFormat(),
        new BankHolidayFormat(),
        new AppointmentFormat(csv: true),
        new AppointmentFormat(csv: false),
        new RegisterFormat(csv: true),
        new RegisterFormat(csv: false),
        new JudgementFormat(csv: true),
        new JudgementFormat(csv: false),
        new CandidateFormat(),
        new CompositionFormat(),
    ];

    public static FuzzFormat Named(string name) => All.Single(f => f.Name == name);

}
