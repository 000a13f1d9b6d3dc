using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// A decision's summary (<see cref="DecisionDocument.WriteSummary"/>, <see cref="DecisionDetail.Summary"/>): the whole
/// decision's heading, without explanation or fingerprint, and the causes of an outcome other than eligible.
/// </summary>
public sealed class DecisionSummaryTests
{
    private static readonly string[] Heading = ["applicationId", "outcome", "policy", "asOf", "eligibleFrom"];

    [Property]
    public Property Summary_IsTheDecisionsHeading_AndItsCauses_InThatOrder() =>
        Prop.ForAll(Arb.From(Decisions()), decision =>
        {
            JsonObject full = Written(writer => DecisionDocument.Write(writer, decision)).AsObject();
            JsonObject summary = Written(writer => DecisionDocument.WriteSummary(writer, decision)).AsObject();

            string[] expectedNames = [.. full.Select(p => p.Key).Where(Heading.Contains), "causes"];
            Assert.Equal(expectedNames, summary.Select(p => p.Key));
            foreach (string name in expectedNames[..^1])
            {
                Assert.True(JsonNode.DeepEquals(full[name], summary[name]), name);
            }

            (string Code, string Reason)[] expected = decision.Outcome == EligibilityOutcome.Eligible
                ? []
                : [.. decision.Explanation.Causes().Select(c => (c.Code, c.Reason))];
            Assert.Equal(expected, summary["causes"]!.AsArray().Select(c => ((string)c!["code"]!, (string)c["reason"]!)));
            Assert.All(summary["causes"]!.AsArray(), c => Assert.Equal(["code", "reason"], c!.AsObject().Select(p => p.Key)));
        });

    [Property]
    public Property WriteRecord_WithADetail_WritesTheDecisionInThatDetail_AndProblemsAlike() =>
        Prop.ForAll(Arb.From(Decisions()), Gen.Choose(1, 100_000).ToArbitrary(), (decision, number) =>
        {
            RecordResult<EligibilityDecision> decided = RecordResult.Success(number, decision);
            RecordResult<EligibilityDecision> refused = RecordResult.Failure<EligibilityDecision>(number, new DocumentProblem("$.roles[0].start", "date.invalid", "Not a date."));

            JsonNode summaryRecord = Written(writer => DecisionDocument.WriteRecord(writer, decided, DecisionDetail.Summary));
            Assert.Equal(["record", "decision"], summaryRecord.AsObject().Select(p => p.Key));
            Assert.Equal(number, (int)summaryRecord["record"]!);
            Assert.True(JsonNode.DeepEquals(Written(writer => DecisionDocument.WriteSummary(writer, decision)), summaryRecord["decision"]));

            // Without a detail, and with Full, the record is the whole decision, byte for byte; a refused record is the
            // same in every detail.
            Assert.Equal(Bytes(writer => DecisionDocument.WriteRecord(writer, decided)), Bytes(writer => DecisionDocument.WriteRecord(writer, decided, DecisionDetail.Full)));
            JsonNode fullRecord = Written(writer => DecisionDocument.WriteRecord(writer, decided));
            Assert.True(JsonNode.DeepEquals(Written(writer => DecisionDocument.Write(writer, decision)), fullRecord["decision"]));
            byte[] refusedFull = Bytes(writer => DecisionDocument.WriteRecord(writer, refused));
            Assert.Equal(refusedFull, Bytes(writer => DecisionDocument.WriteRecord(writer, refused, DecisionDetail.Summary)));
            Assert.Equal(refusedFull, Bytes(writer => DecisionDocument.WriteRecord(writer, refused, DecisionDetail.Full)));
        });

    [Fact]
    public void AnIneligibleDecision_IsSummarisedWithTheCriteriaThatFailed_AndItsEligibleFromDate()
    {
        // Two years and seven months of a three-year requirement, in post: ineligible, eligible from the day the third
        // year is complete; experience alone failed.
        Application application = new(
            "S-1",
            "2020/21",
            new LocalDate(2020, 10, 1),
            [new Role("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2018, 3, 1), null)],
            new LocalDate(2022, 9, 1),
            "Children first.");
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        string summary = System.Text.Encoding.UTF8.GetString(Bytes(writer => DecisionDocument.WriteSummary(writer, decision)));

        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.NotNull(decision.EligibleFrom);
        Assert.Equal(
            "{\"applicationId\":\"S-1\",\"outcome\":\"ineligible\",\"policy\":{\"id\":\"aspirant-2020-21\",\"version\":1},\"asOf\":\"2020-10-01\"," +
            "\"eligibleFrom\":\"2021-03-01\",\"causes\":[{\"code\":\"senior-leadership.local-government\",\"reason\":\"experience.insufficient\"}]}",
            summary);
    }

    [Fact]
    public void AnEligibleDecision_HasNoCauses()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().Build());

        JsonNode summary = Written(writer => DecisionDocument.WriteSummary(writer, decision));

        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        Assert.Empty(summary["causes"]!.AsArray());
        Assert.Null(summary["eligibleFrom"]);
    }

    [Fact]
    public void AnIncompleteDecision_NamesTheCriterionThatCouldNotBeDecided()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().ReadyBy(null).Build());

        JsonNode summary = Written(writer => DecisionDocument.WriteSummary(writer, decision));

        Assert.Equal(EligibilityOutcome.Incomplete, decision.Outcome);
        Assert.Equal("incomplete", (string?)summary["outcome"]);
        Assert.Contains(summary["causes"]!.AsArray(), c => (string?)c!["reason"] == ReasonCodes.ReadinessMissing);
    }

    [Fact]
    public void BadArguments_AreRefused()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().Build());
        RecordResult<EligibilityDecision> record = RecordResult.Success(1, decision);
        using Utf8JsonWriter writer = new(Stream.Null);

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => DecisionDocument.WriteSummary(null!, decision)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => DecisionDocument.WriteSummary(writer, null!)).ParamName);
        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => DecisionDocument.WriteRecord(writer, null!, DecisionDetail.Summary)).ParamName);
        Assert.Equal("detail", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionDocument.WriteRecord(writer, record, (DecisionDetail)2)).ParamName);
    }

    private static JsonNode Written(Action<Utf8JsonWriter> write) => JsonNode.Parse(Bytes(write))!;

    private static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
