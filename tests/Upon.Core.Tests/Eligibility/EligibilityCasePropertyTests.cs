using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// The laws of conformance cases: what <see cref="EligibilityCaseDocument"/> writes it reads back; a case made from a
/// decision passes; changing one case's expected outcome fails that case alone; and every element of a damaged file
/// is one record, read or with problems.
/// </summary>
public sealed class EligibilityCasePropertyTests
{
    [Property]
    public Property ReadOfWrite_AnyCases_IsTheSameCases() =>
        Prop.ForAll(Arb.From(EligibilityCaseGenerators.CaseFiles()), cases =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                EligibilityCaseDocument.Write(stream, cases, indented);
                byte[] written = stream.ToArray();
                stream.Position = 0;

                ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Read(stream);

                Assert.All(read, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
                Assert.Equal(Enumerable.Range(1, cases.Length), read.Select(r => r.RecordNumber));
                Assert.Equal(cases, read.Select(r => r.Value!));
                using MemoryStream again = new();
                EligibilityCaseDocument.Write(again, read.Select(r => r.Value!), indented);
                Assert.Equal(written, again.ToArray());
            }
        });

    [Property]
    public Property ACaseMadeFromADecision_AlwaysPasses() =>
        Prop.ForAll(Arb.From(EligibilityCaseGenerators.Passing()), value =>
        {
            EligibilityCaseResult result = value.Run(PolicyRegistry.BuiltIn);

            Assert.Equal(EligibilityCaseStatus.Passed, result.Status);
            Assert.True(result.Passed);
            Assert.Equal(DecisionChanges.None, result.Differences);
            Assert.Equal(value.Expected.Reasons.ToArray(), result.Reasons.ToArray());
            Assert.Equal(string.Empty, result.DescribeDifferences());
            Assert.Single(result.ToLines());
        });

    [Property]
    public Property ChangingTheExpectedOutcomeOfOneCase_FailsThatCaseAlone() =>
        Prop.ForAll(
            Arb.From(from count in Gen.Choose(1, 5) from cases in Gen.ArrayOf(EligibilityCaseGenerators.Passing(), count) select cases),
            Arb.From(Gen.Choose(0, 1000)),
            Arb.From(Gen.Choose(1, 2)),
            (cases, pick, step) =>
            {
                int changed = pick % cases.Length;
                EligibilityExpectation expected = cases[changed].Expected;
                EligibilityOutcome other = (EligibilityOutcome)((((int)expected.Outcome - 1 + step) % 3) + 1);
                EligibilityCase[] edited = [.. cases.Select((c, i) => i == changed ? c.WithExpected(new EligibilityExpectation(other, expected.EligibleFrom, expected.Reasons)) : c)];

                EligibilityCaseRun run = EligibilityCaseRun.Of(edited, PolicyRegistry.BuiltIn);

                Assert.Equal(cases.Length, run.Results.Length);
                EligibilityCaseResult failure = Assert.Single(run.Failures);
                Assert.Same(edited[changed], failure.Case);
                Assert.Equal(EligibilityCaseStatus.Failed, failure.Status);
                Assert.True(failure.Differences.HasFlag(DecisionChanges.Outcome));
                Assert.Equal(cases.Length - 1, run.Passed);
                Assert.False(run.AllPassed);
            });

    [Property]
    public Property EveryElementOfADamagedFile_IsOneRecord() =>
        Prop.ForAll(
            Arb.From(EligibilityCaseGenerators.CaseFiles()),
            Arb.From(Gen.ArrayOf(Gen.Choose(0, 1_000_000), 3)),
            (cases, choices) =>
            {
                JsonNode file = JsonNode.Parse(EligibilityCaseGenerators.Json(cases))!;
                JsonArray array = file["cases"]!.AsArray();
                Damage(file, array, choices);

                ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

                // One record per element of "cases", numbered from 1, and at most one for the file as a whole, first.
                Assert.Equal(Enumerable.Range(1, array.Count), read.Where(r => r.RecordNumber > 0).Select(r => r.RecordNumber));
                Assert.True(read.Count(r => r.RecordNumber == 0) <= 1);
                Assert.True(read.Length == array.Count || read[0].RecordNumber == 0);
                Assert.All(read, r => Assert.True(r.IsValid != r.Problems.Any()));
                Assert.All(read.Where(r => r.RecordNumber > 0).SelectMany(r => r.Problems), p => Assert.StartsWith($"$.cases[", p.Path, StringComparison.Ordinal));
                EligibilityCaseRun run = EligibilityCaseRun.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.ToJsonString())), PolicyRegistry.BuiltIn);
                Assert.Equal(read.Length, run.Records);
                Assert.Equal(read.Count(r => r.IsValid), run.Results.Length);
            });

    /// <summary>Damages the file in one of several ways, chosen by <paramref name="choices"/>: a case or a value in it broken, a case duplicated, a property added, an element that is no case.</summary>
    private static void Damage(JsonNode file, JsonArray cases, int[] choices)
    {
        JsonObject target = cases[choices[1] % cases.Count]!.AsObject();
        string[] names = [.. target.Select(p => p.Key)];
        string property = names[choices[2] % names.Length];
        switch (choices[0] % 9)
        {
            case 0:
                target.Remove(property);
                break;
            case 1:
                target[property] = 7;
                break;
            case 2:
                target["unexpected"] = true;
                break;
            case 3:
                cases.Insert(choices[1] % (cases.Count + 1), JsonValue.Create("not a case"));
                break;
            case 4:
                cases.Add(cases[choices[1] % cases.Count]!.DeepClone());
                break;
            case 5:
                file["unexpected"] = "root";
                break;
            case 6:
                target["application"]!["assessedOn"] = "2021-02-30";
                break;
            case 7:
                target["expected"]!["reasons"] = new JsonArray("experience.insufficient", "experience.insufficient", 3);
                break;
            default:
                target["application"]!["equalityMonitoring"] = new JsonObject { ["ethnicity"] = "x" };
                break;
        }
    }
}
