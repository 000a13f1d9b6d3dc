using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// <see cref="EligibilityCaseDocument"/>'s reader on damaged case files: every problem code it reports, each at its path
/// and in its record, the file's own problems in record 0 before the cases, the other cases read all the same, and
/// no message that repeats a value of the file.
/// </summary>
public sealed class EligibilityCaseDocumentBadInputTests
{
    /// <summary>A case file of two cases: the first names a built-in policy, the second gives a policy whole.</summary>
    private static readonly string Valid = EligibilityCaseGenerators.Json(
    [
        new EligibilityCase(
            "short",
            new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 2))).Build(),
            "aspirant-2021-22",
            1,
            new LocalDate(2021, 6, 1),
            new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2022, 6, 2), [ReasonCodes.ExperienceInsufficient]),
            "Two years short of a day."),
        new EligibilityCase(
            "inline",
            new ApplicationBuilder().Build(),
            new EligibilityPolicy("local", 2, "2021/22", new LocalDate(2021, 1, 1), null, "A local policy", new ReadinessRule("readiness", "Ready within a year", Period.FromYears(1)), []),
            new LocalDate(2021, 6, 1),
            new EligibilityExpectation(EligibilityOutcome.Eligible)),
    ]);

    [Fact]
    public void TheValidFile_ReadsAsTwoCases()
    {
        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(Valid);

        Assert.Equal([1, 2], read.Select(r => r.RecordNumber));
        Assert.All(read, r => Assert.True(r.IsValid));
        Assert.Equal("aspirant-2021-22", read[0].Value!.PolicyId);
        Assert.Null(read[0].Value!.InlinePolicy);
        Assert.Equal("local", read[1].Value!.InlinePolicy!.Id);
        Assert.Equal(2, read[1].Value!.PolicyVersion);
    }

    [Theory]
    [InlineData("$.cases[0]", "name")]
    [InlineData("$.cases[0]", "application")]
    [InlineData("$.cases[0]", "policy")]
    [InlineData("$.cases[0]", "asOf")]
    [InlineData("$.cases[0]", "expected")]
    [InlineData("$.cases[0].application", "id")]
    [InlineData("$.cases[0].application", "assessedOn")]
    [InlineData("$.cases[0].policy", "id")]
    [InlineData("$.cases[0].expected", "outcome")]
    [InlineData("$.cases[1].policy", "title")]
    public void ARequiredPropertyLeftOut_IsReportedAtItsPath_InItsCase(string parent, string name)
    {
        JsonNode file = Parse();
        Assert.True(JsonNodePath.Find(file, parent).AsObject().Remove(name));

        AssertCaseProblem(file, CaseOf(parent), $"{parent}.{name}", DocumentProblemCodes.Required);
    }

    [Theory]
    [InlineData("$.cases[0]", "description")]
    [InlineData("$.cases[0].policy", "version")]
    [InlineData("$.cases[0].expected", "eligibleFrom")]
    public void AnOptionalPropertyLeftOut_IsNoProblem(string parent, string name)
    {
        JsonNode file = Parse();
        Assert.True(JsonNodePath.Find(file, parent).AsObject().Remove(name));

        Assert.All(EligibilityCaseDocument.Parse(file.ToJsonString()), r => Assert.True(r.IsValid));
    }

    [Fact]
    public void ReasonsLeftOut_AreNone()
    {
        JsonNode file = Parse();
        JsonNodePath.Find(file, "$.cases[1].expected").AsObject().Remove("reasons");

        Assert.Empty(EligibilityCaseDocument.Parse(file.ToJsonString())[1].Value!.Expected.Reasons);
    }

    [Theory]
    [InlineData("$.cases[0]")]
    [InlineData("$.cases[0].application")]
    [InlineData("$.cases[0].application.roles[0]")]
    [InlineData("$.cases[0].policy")]
    [InlineData("$.cases[1].policy")]
    [InlineData("$.cases[0].expected")]
    public void AnUnknownProperty_IsReportedAtItsPath_InItsCase(string parent)
    {
        JsonNode file = Parse();
        JsonNodePath.Find(file, parent).AsObject().Add("extra", 1);

        AssertCaseProblem(file, CaseOf(parent), $"{parent}.extra", DocumentProblemCodes.UnknownProperty);
    }

    [Theory]
    [InlineData("$.cases[0]", "a case object")]
    [InlineData("$.cases[0].application", "an application object")]
    [InlineData("$.cases[0].policy", "a policy reference (id and version) or a policy object")]
    [InlineData("$.cases[0].expected", "an object with the outcome, eligible-from date and reasons expected")]
    public void AnythingButAnObject_WhereAnObjectStands_SaysWhatWasExpected(string path, string expected)
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, path, JsonValue.Create("text"));

        DocumentProblem problem = AssertCaseProblem(file, CaseOf(path), path, DocumentProblemCodes.TypeMismatch);
        Assert.Equal($"Expected {expected}, but found a string.", problem.Message);
    }

    [Theory]
    [InlineData("$.cases[0].name", "\" \"", DocumentProblemCodes.Empty, "\"name\" must not be empty.")]
    [InlineData("$.cases[0].description", "\"\"", DocumentProblemCodes.Empty, "\"description\" must not be empty.")]
    [InlineData("$.cases[0].name", "1", DocumentProblemCodes.TypeMismatch, "Expected a string, but found a number.")]
    [InlineData("$.cases[0].policy.id", "\"\"", DocumentProblemCodes.Empty, "\"id\" must not be empty.")]
    [InlineData("$.cases[0].policy.version", "0", DocumentProblemCodes.OutOfRange, "\"version\" must be from 1 to 2147483647.")]
    [InlineData("$.cases[0].policy.version", "\"1\"", DocumentProblemCodes.TypeMismatch, "Expected a whole number, but found a string.")]
    [InlineData("$.cases[0].asOf", "\"2021-02-30\"", DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.")]
    [InlineData("$.cases[0].asOf", "\"2200-01-01\"", DocumentProblemCodes.OutOfRange, "\"asOf\" must be from 1900-01-01 to 2199-12-31.")]
    [InlineData("$.cases[0].expected.outcome", "\"passed\"", DocumentProblemCodes.UnknownValue, "Expected one of: eligible, ineligible, incomplete.")]
    [InlineData("$.cases[0].expected.eligibleFrom", "\"2022-6-2\"", DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.")]
    [InlineData("$.cases[0].expected.reasons", "\"experience.insufficient\"", DocumentProblemCodes.TypeMismatch, "Expected an array, but found a string.")]
    [InlineData("$.cases[0].expected.reasons[0]", "7", DocumentProblemCodes.TypeMismatch, "Expected a reason code string, but found a number.")]
    [InlineData("$.cases[0].expected.reasons[0]", "\" \"", DocumentProblemCodes.Empty, "A reason must not be empty.")]
    [InlineData("$.cases[0].application.programmeYear", "\"2021-22\"", EligibilityProblemCodes.ProgrammeYearInvalid, "A programme year is written yyyy/yy with consecutive years, for example 2021/22.")]
    [InlineData("$.cases[0].application.roles[0].end", "\"2018-01-01\"", DocumentProblemCodes.EndBeforeStart, "A role's end date (its last day in post) cannot be before its start date.")]
    [InlineData("$.cases[1].policy.rule.within", "\"P-1Y\"", DocumentProblemCodes.PeriodInvalid, "Expected an ISO 8601 period of non-negative years, months, weeks and days, such as P3Y or P2Y6M.")]
    [InlineData("$.cases[1].policy.rule.kind", "\"sometimes\"", EligibilityProblemCodes.RuleKindUnknown, "Expected a rule kind, one of: all, any, not, experience, readiness, statement, assessorOutcome.")]
    public void AWrongValue_IsReportedAtItsPath_WithItsCodeAndMessage(string path, string json, string code, string message)
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, path, JsonNode.Parse(json));

        DocumentProblem problem = AssertCaseProblem(file, CaseOf(path), path, code);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void AReasonListedTwice_IsReportedAtTheSecond()
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, "$.cases[0].expected.reasons", new JsonArray("experience.insufficient", "readiness.missing", "experience.insufficient"));

        DocumentProblem problem = AssertCaseProblem(file, 1, "$.cases[0].expected.reasons[2]", EligibilityProblemCodes.CaseReasonDuplicate);
        Assert.Equal("An earlier reason of this case is the same; the reasons are compared as a set.", problem.Message);
    }

    [Fact]
    public void TwoCasesOfOneName_TheLaterIsReported_TheEarlierRead()
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, "$.cases[1].name", JsonValue.Create("short"));

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.True(read[0].IsValid);
        DocumentProblem problem = Assert.Single(read[1].Problems);
        Assert.Equal(("$.cases[1].name", EligibilityProblemCodes.CaseNameDuplicate), (problem.Path, problem.Code));
        Assert.Equal("An earlier case has the same name; names identify cases in reports.", problem.Message);
    }

    [Fact]
    public void TwoRulesOfAnInlinePolicyWithOneCode_AreReportedAtItsRule()
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, "$.cases[1].policy.rule", JsonNode.Parse("""
            {"kind": "all", "code": "same", "title": "All", "rules": [{"kind": "readiness", "code": "same", "title": "Ready", "within": "P1Y"}]}
            """));

        AssertCaseProblem(file, 2, "$.cases[1].policy.rule", EligibilityProblemCodes.RuleCodeDuplicate);
    }

    [Fact]
    public void EqualityMonitoringAnswers_AreRefused_WithoutNamingAKeyInsideThem()
    {
        JsonNode file = Parse();
        JsonNodePath.Find(file, "$.cases[0].application").AsObject().Add("equalityMonitoring", new JsonObject { ["ethnicity"] = "QX123", ["White British"] = "yes" });

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.True(read[1].IsValid);
        Assert.Equal(
            [("$.cases[0].application.equalityMonitoring", DocumentProblemCodes.UnknownProperty), ("$.cases[0].application.equalityMonitoring", DocumentProblemCodes.UnknownProperty)],
            read[0].Problems.Select(p => (p.Path, p.Code)));
        Assert.Contains(read[0].Problems, p => p.Message == "A case holds no equality-monitoring answers: they never change a decision, and a case file is no place to keep them.");
        Assert.All(read[0].Problems, p => Assert.DoesNotContain("White British", p.ToString(), StringComparison.Ordinal));
        Assert.All(read[0].Problems, p => Assert.DoesNotContain("QX123", p.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void NullMonitoringAnswers_AreAbsent()
    {
        JsonNode file = Parse();
        JsonNodePath.Find(file, "$.cases[0].application").AsObject().Add("equalityMonitoring", null);

        Assert.All(EligibilityCaseDocument.Parse(file.ToJsonString()), r => Assert.True(r.IsValid));
    }

    [Fact]
    public void EveryProblemOfACase_IsReported_AndTheNextCaseRead()
    {
        JsonNode file = Parse();
        JsonNodePath.Set(file, "$.cases[0].asOf", JsonValue.Create("June"));
        JsonNodePath.Set(file, "$.cases[0].expected.outcome", JsonValue.Create("maybe"));
        JsonNodePath.Find(file, "$.cases[0]").AsObject().Remove("name");

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.Equal(
            ["$.cases[0].name", "$.cases[0].asOf", "$.cases[0].expected.outcome"],
            read[0].Problems.Select(p => p.Path));
        Assert.True(read[1].IsValid);
    }

    [Fact]
    public void AnElementThatIsNoCase_IsItsOwnRecord()
    {
        JsonNode file = Parse();
        file["cases"]!.AsArray().Insert(1, 42);

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.Equal([(1, true), (2, false), (3, true)], read.Select(r => (r.RecordNumber, r.IsValid)));
        Assert.Equal(("$.cases[1]", DocumentProblemCodes.TypeMismatch), (read[1].Problems[0].Path, read[1].Problems[0].Code));
    }

    [Theory]
    [InlineData("""[]""", "$", DocumentProblemCodes.TypeMismatch, "Expected an object with the cases, but found an array.")]
    [InlineData("""{}""", "$.cases", DocumentProblemCodes.Required, "\"cases\" is required.")]
    [InlineData("""{"cases": null}""", "$.cases", DocumentProblemCodes.Required, "\"cases\" is required.")]
    [InlineData("""{"cases": {}}""", "$.cases", DocumentProblemCodes.TypeMismatch, "Expected an array, but found an object.")]
    [InlineData("""{"cases": []}""", "$.cases", DocumentProblemCodes.CollectionEmpty, "The file holds no cases.")]
    [InlineData("""{"cases": [}""", "$", DocumentProblemCodes.JsonInvalid, "The document is not well-formed JSON (line 1, byte 12 of that line).")]
    [InlineData("""   """, "$", DocumentProblemCodes.DocumentEmpty, "The input is empty: it holds no document, only white space or nothing at all.")]
    [InlineData("""{"cases": ["\uDC00"]}""", "$.cases[0]", DocumentProblemCodes.TextInvalid, "This text is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read.")]
    public void AProblemOfTheWholeFile_IsOneRecord0(string json, string path, string code, string message)
    {
        RecordResult<EligibilityCase> record = Assert.Single(EligibilityCaseDocument.Parse(json));

        Assert.Equal(0, record.RecordNumber);
        DocumentProblem problem = Assert.Single(record.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void AnUnknownPropertyOfTheFile_IsRecord0_BeforeTheCases_WhichAreRead()
    {
        JsonNode file = Parse();
        file.AsObject().Add("$schema", "cases.json");

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.Equal([(0, false), (1, true), (2, true)], read.Select(r => (r.RecordNumber, r.IsValid)));
        Assert.Equal(("$['$schema']", DocumentProblemCodes.UnknownProperty), (read[0].Problems[0].Path, read[0].Problems[0].Code));
    }

    [Fact]
    public void AFileOverTheLimit_IsDocumentTooLarge()
    {
        RecordResult<EligibilityCase> fromStream = Assert.Single(EligibilityCaseDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(Valid)), maxBytes: 100));
        RecordResult<EligibilityCase> fromText = Assert.Single(EligibilityCaseDocument.Parse(Valid, maxBytes: 100));

        Assert.Equal((0, DocumentProblemCodes.DocumentTooLarge), (fromStream.RecordNumber, Assert.Single(fromStream.Problems).Code));
        Assert.Equal("The document is larger than the 100 bytes allowed.", Assert.Single(fromText.Problems).Message);
        Assert.Equal(16 * 1024 * 1024, EligibilityCaseDocument.DefaultMaxBytes);
        Assert.All(EligibilityCaseDocument.Parse(Valid, maxBytes: Encoding.UTF8.GetByteCount(Valid)), r => Assert.True(r.IsValid));
    }

    [Fact]
    public void NoMessage_RepeatsAValueOfTheFile()
    {
        // Every string of the file replaced by a value that could not appear in a message by chance, then each part broken.
        const string Secret = "QXJZ0042QXJZ";
        string json = Valid.Replace("Head of Service", Secret, StringComparison.Ordinal).Replace("short", Secret, StringComparison.Ordinal)
            .Replace("\"2021/22\"", $"\"{Secret}\"", StringComparison.Ordinal).Replace("\"aspirant-2021-22\"", $"\"{Secret}\"", StringComparison.Ordinal)
            .Replace("\"ineligible\"", $"\"{Secret}\"", StringComparison.Ordinal).Replace("\"2021-06-01\"", $"\"{Secret}\"", StringComparison.Ordinal)
            .Replace("\"experience.insufficient\"", $"\"{Secret}\",\"{Secret}\"", StringComparison.Ordinal);

        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(json);

        Assert.Contains(read, r => !r.IsValid);
        Assert.All(read.SelectMany(r => r.Problems), p => Assert.DoesNotContain(Secret, p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => EligibilityCaseDocument.Read(null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityCaseDocument.Read(new MemoryStream(), 0)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => EligibilityCaseDocument.Parse(null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityCaseDocument.Parse("{}", -1)).ParamName);
    }

    private static JsonNode Parse() => JsonNode.Parse(Valid)!;

    /// <summary>The record of the case a path lies in: <c>$.cases[i]…</c> is record i + 1.</summary>
    private static int CaseOf(string path) => int.Parse(path["$.cases[".Length..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) + 1;

    /// <summary>Reads the file and asserts that the record holds exactly one problem, at the path with the code, and that every other record is read.</summary>
    private static DocumentProblem AssertCaseProblem(JsonNode file, int record, string path, string code)
    {
        ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Parse(file.ToJsonString());

        Assert.Equal([1, 2], read.Select(r => r.RecordNumber));
        Assert.All(read.Where(r => r.RecordNumber != record), r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
        RecordResult<EligibilityCase> broken = read[record - 1];
        DocumentProblem problem = Assert.Single(broken.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
        Assert.Null(broken.Value);
        return problem;
    }
}
