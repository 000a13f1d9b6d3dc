using System;
using System.IO;
using System.Text.Json.Nodes;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// <see cref="DecisionDocument"/>'s reader on damaged decisions: each required property, each object where something
/// else stands, each unknown property and each bad optional value is reported at its path with its code, and nothing
/// is read. Written for the mutants that survived (docs/mutation-testing.md, "Eligibility").
/// </summary>
public sealed class DecisionDocumentBadInputTests
{
    private const string Experience = "$.explanation.results[0].results[0].experience";

    /// <summary>A decision with every part: a route of experience with the evidence of two roles (the second part time).</summary>
    private static readonly string Valid = Write(BuiltInPolicies.Year2.Decide(new ApplicationBuilder()
        .WithRole(r => r.From(new LocalDate(2014, 1, 6)).To(new LocalDate(2017, 12, 31)))
        .WithRole(r => r.From(new LocalDate(2018, 1, 1)).PartTime(0.5m))
        .Build()));

    [Theory]
    [InlineData("$", "applicationId")]
    [InlineData("$", "outcome")]
    [InlineData("$", "policy")]
    [InlineData("$", "asOf")]
    [InlineData("$", "explanation")]
    [InlineData("$.policy", "id")]
    [InlineData("$.policy", "version")]
    [InlineData("$.explanation", "code")]
    [InlineData("$.explanation", "title")]
    [InlineData("$.explanation", "kind")]
    [InlineData("$.explanation", "outcome")]
    [InlineData("$.explanation", "reason")]
    [InlineData(Experience, "days")]
    [InlineData(Experience, "currentDailyRate")]
    [InlineData(Experience, "roles")]
    [InlineData(Experience + ".roles[0]", "roleIndex")]
    [InlineData(Experience + ".roles[0]", "reason")]
    [InlineData(Experience + ".roles[0]", "days")]
    [InlineData(Experience + ".roles[1]", "days")]
    [InlineData(Experience + ".roles[0].counted", "start")]
    [InlineData(Experience + ".roles[0].counted", "end")]
    public void ARequiredPropertyLeftOut_IsReportedAtItsPath(string parent, string name)
    {
        JsonNode document = JsonNode.Parse(Valid)!;
        Assert.True(JsonNodePath.Find(document, parent).AsObject().Remove(name), $"{parent}.{name} is not in the decision");

        AssertOneProblem(document, $"{parent}.{name}", DocumentProblemCodes.Required);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$.policy")]
    [InlineData("$.explanation")]
    [InlineData(Experience)]
    [InlineData(Experience + ".roles[1]")]
    [InlineData(Experience + ".roles[0].counted")]
    public void AnUnknownProperty_IsReportedAtItsPath(string parent)
    {
        JsonNode document = JsonNode.Parse(Valid)!;
        JsonNodePath.Find(document, parent).AsObject().Add("extra", 1);

        AssertOneProblem(document, $"{parent}.extra", DocumentProblemCodes.UnknownProperty);
    }

    [Theory]
    [InlineData("$", "a decision object")]
    [InlineData("$.policy", "an object with the policy's id and version")]
    [InlineData("$.explanation", "a rule result object")]
    [InlineData(Experience, "an experience object")]
    [InlineData(Experience + ".roles[1]", "a role evidence object")]
    [InlineData(Experience + ".roles[0].counted", "an interval object")]
    public void AnythingButAnObject_WhereAnObjectStands_SaysWhatWasExpected(string path, string expected)
    {
        JsonNode document = path == "$" ? JsonValue.Create(7)! : JsonNode.Parse(Valid)!;
        if (path != "$")
        {
            JsonNodePath.Set(document, path, JsonValue.Create(7)!);
        }

        DocumentProblem problem = AssertOneProblem(document, path, DocumentProblemCodes.TypeMismatch);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.explanation", "message")]
    [InlineData(Experience, "period")]
    public void AnOptionalValueOfTheWrongType_IsReported(string parent, string name)
    {
        JsonNode document = JsonNode.Parse(Valid)!;
        Assert.NotNull(JsonNodePath.Find(document, parent)[name]);
        JsonNodePath.Find(document, parent)[name] = 7;

        AssertOneProblem(document, $"{parent}.{name}", DocumentProblemCodes.TypeMismatch);
    }

    [Fact]
    public void ACountedIntervalThatEndsBeforeItStarts_IsReportedAtItsEnd()
    {
        JsonNode document = JsonNode.Parse(Valid)!;
        JsonNode counted = JsonNodePath.Find(document, Experience + ".roles[0].counted");
        counted["end"] = "2010-01-01";

        AssertOneProblem(document, Experience + ".roles[0].counted.end", DocumentProblemCodes.EndBeforeStart);
    }

    [Fact]
    public void TheValidDecision_ReadsBack()
    {
        Assert.Contains("\"currentDailyRate\"", Valid, StringComparison.Ordinal);
        Assert.Equal(2, JsonNodePath.Find(JsonNode.Parse(Valid)!, Experience + ".roles").AsArray().Count);
        Assert.True(DecisionDocument.Parse(Valid).IsValid);
    }

    [Fact]
    public void Nulls_AreProgrammerErrors()
    {
        EligibilityDecision decision = DecisionDocument.Parse(Valid).Value!;
        Assert.Throws<ArgumentNullException>(() => DecisionDocument.Write((System.Text.Json.Utf8JsonWriter)null!, decision));
        using MemoryStream stream = new();
        using System.Text.Json.Utf8JsonWriter writer = new(stream);
        Assert.Throws<ArgumentNullException>(() => DecisionDocument.Write(writer, null!));
        Assert.Throws<ArgumentNullException>(() => DecisionDocument.Read(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionDocument.Read(new MemoryStream([.. "{}"u8]), 0));
    }

    private static DocumentProblem AssertOneProblem(JsonNode document, string path, string code)
    {
        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(document.ToJsonString());
        Assert.False(read.IsValid);
        Assert.Null(read.Value);
        DocumentProblem problem = Assert.Single(read.Problems, p => p.Path == path);
        Assert.Equal(code, problem.Code);
        return problem;
    }

    private static string Write(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
