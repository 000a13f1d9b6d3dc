using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// What the policy and application readers say of parts of the wrong shape: the words of each problem, which a
/// mutation could empty without another test failing (docs/mutation-testing.md, "Eligibility").
/// </summary>
public sealed class DocumentMessageTests
{
    private const string Experience = "$.rule.rules[0].rules[0]";

    [Theory]
    [InlineData("$.rule", "7", DocumentProblemCodes.TypeMismatch, "a rule object")]
    [InlineData("$.rule.rules", "[]", DocumentProblemCodes.CollectionEmpty, "A combining rule needs at least one rule under it")]
    [InlineData(Experience + ".qualifyingRoles", "[]", DocumentProblemCodes.CollectionEmpty, "An experience rule needs at least one pattern")]
    [InlineData(Experience + ".qualifyingRoles[0]", "7", DocumentProblemCodes.TypeMismatch, "a role pattern object")]
    [InlineData(Experience + ".qualifyingRoles[0].levels", "[]", DocumentProblemCodes.CollectionEmpty, "\"levels\" needs at least one value.")]
    [InlineData(Experience + ".minimum", "\"P101Y\"", DocumentProblemCodes.OutOfRange, "\"minimum\" is at most 100 years.")]
    [InlineData("$.rule.rules[2].maximumWords", "3", DocumentProblemCodes.OutOfRange, "\"maximumWords\" must be at least \"minimumWords\".")]
    [InlineData("$.programmeYear", "\"2021/23\"", EligibilityProblemCodes.ProgrammeYearInvalid, "A programme year is written yyyy/yy with consecutive years, for example 2021/22.")]
    [InlineData("$.effectiveTo", "\"2020-01-01\"", DocumentProblemCodes.EndBeforeStart, "A policy's last effective date cannot be before its first.")]
    public void APolicysPartOfTheWrongShape_IsSaidInWords(string path, string value, string code, string message)
    {
        JsonNode policy = JsonNode.Parse(Policy(BuiltInPolicies.Year2))!;
        if (path.EndsWith(".maximumWords", StringComparison.Ordinal))
        {
            JsonNodePath.Find(policy, "$.rule.rules[2]")["minimumWords"] = 4;
        }

        JsonNodePath.Set(policy, path, JsonNode.Parse(value));
        DocumentProblem problem = Assert.Single(PolicyDocument.Read(Utf8(policy.ToJsonString())).Problems, p => p.Path == path);

        Assert.Equal(code, problem.Code);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyDocumentOfNoPolicies_OrOfSomethingElse_IsSaidInWords()
    {
        DocumentProblem empty = Assert.Single(PolicyDocument.Read(Utf8("[]")).Problems);
        Assert.Equal(("$", DocumentProblemCodes.CollectionEmpty, "The document holds no policies."), (empty.Path, empty.Code, empty.Message));

        DocumentProblem item = Assert.Single(PolicyDocument.Read(Utf8("[7]")).Problems);
        Assert.Equal("$[0]", item.Path);
        Assert.Contains("a policy object", item.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => PolicyDocument.Read(null!));
    }

    [Theory]
    [InlineData("assessorOutcomes", "an object of assessor outcomes")]
    [InlineData("equalityMonitoring", "an object of equality-monitoring answers")]
    public void AnApplicationsPartOfTheWrongShape_IsSaidInWords(string name, string message)
    {
        JsonNode application = JsonNode.Parse(ApplicationJson())!;
        application[name] = 7;

        DocumentProblem problem = Assert.Single(ApplicationDocument.Parse(application.ToJsonString()).Problems);
        Assert.Equal(($"$.{name}", DocumentProblemCodes.TypeMismatch), (problem.Path, problem.Code));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApplicationThatIsNotAnObject_IsSaidInWords_AndNullsAreProgrammerErrors()
    {
        DocumentProblem problem = Assert.Single(ApplicationDocument.Parse("7").Problems);
        Assert.Contains("an application object", problem.Message, StringComparison.Ordinal);

        Application application = new ApplicationBuilder().Build();
        using MemoryStream stream = new();
        using System.Text.Json.Utf8JsonWriter writer = new(stream);
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Write((System.Text.Json.Utf8JsonWriter)null!, application));
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Write(writer, (Application)null!));
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Write(stream, (ApplicationSubmission)null!));
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Write(writer, (ApplicationSubmission)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationDocument.Read(Utf8("{}"), 0));
    }

    [Fact]
    public async System.Threading.Tasks.Task ReadAsync_RefusesALimitBelowOneByte() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ApplicationDocument.ReadAsync(Utf8("{}"), 0));

    private static string ApplicationJson()
    {
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, new ApplicationBuilder().WithAssessorOutcomes(null).Build());
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Policy(EligibilityPolicy policy)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, [policy]);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));
}
