using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Docs;

/// <summary>
/// Keeps the JSON Schemas of docs/schemas/ in step with the readers and writers: the property names,
/// required properties, enum names and string patterns each schema declares are exactly those the
/// library writes and accepts.
/// </summary>
public class SchemaExampleTests
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    [Theory]
    [InlineData("application.schema.json")]
    [InlineData("eligibility-policy.schema.json")]
    [InlineData("eligibility-decision.schema.json")]
    [InlineData("appointment.schema.json")]
    [InlineData("ofsted-judgement.schema.json")]
    public void Schema_IsJsonOfDraft202012WithEveryReferenceDefined(string file)
    {
        JsonNode schema = Schema(file);

        Assert.Equal(Draft202012, (string?)schema["$schema"]);
        Assert.EndsWith("/docs/schemas/" + file, (string?)schema["$id"], StringComparison.Ordinal);
        JsonObject defs = schema["$defs"]!.AsObject();
        List<string> references = [];
        CollectReferences(schema, references);
        Assert.NotEmpty(references);
        foreach (string reference in references)
        {
            Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
            Assert.True(defs.ContainsKey(reference["#/$defs/".Length..]), $"{file}: {reference} is not defined.");
        }

        foreach ((string name, JsonNode? def) in defs)
        {
            if (def!["properties"] is JsonObject properties)
            {
                Assert.False(def["additionalProperties"]!.GetValue<bool>(), $"{file}: {name} must refuse unknown properties, as the reader does.");
                foreach (string required in def["required"]!.AsArray().Select(n => (string)n!))
                {
                    Assert.True(properties.ContainsKey(required), $"{file}: {name} requires {required}, which it does not declare.");
                }
            }
        }
    }

    [Fact]
    public void EverySchema_HasAnIdOfTheSameForm_ItsAddressInTheRepository()
    {
        string repository = System.Xml.Linq.XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.Trim();
        string[] files = [.. Directory.GetFiles(Repository.PathOf("docs", "schemas"), "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(13, files.Length);
        Assert.All(files, file => Assert.Equal($"{repository}/blob/main/docs/schemas/{file}", (string?)Schema(file)["$id"]));
    }

    [Fact]
    public void Application_PropertyNamesAreExactlyThoseTheWriterWrites()
    {
        JsonNode written = Write(FullApplication(), FullMonitoring());
        JsonNode schema = Schema("application.schema.json");

        Assert.Equal(Declared(schema, "application"), Names(written));
        Assert.Equal(Declared(schema, "role"), written["roles"]!.AsArray().SelectMany(r => Names(r!)).ToHashSet());
        Assert.Equal(Declared(schema, "sponsor"), Names(written["sponsor"]!));
        Assert.Equal(Declared(schema, "assessorOutcomes"), Names(written["assessorOutcomes"]!));
        Assert.Equal(Declared(schema, "equalityMonitoring"), Names(written["equalityMonitoring"]!));
    }

    [Fact]
    public void Application_RequiredAndOptionalAreAsTheReaderSays()
    {
        JsonNode schema = Schema("application.schema.json");
        JsonNode full = Write(FullApplication(), FullMonitoring());
        Assert.True(ApplicationDocument.Parse(full.ToJsonString()).IsValid);

        (string Def, string Path, Func<JsonNode, JsonObject> Select)[] objects =
        [
            ("application", "$", n => n.AsObject()),
            ("role", "$.roles[0]", n => n["roles"]![0]!.AsObject()),
            ("sponsor", "$.sponsor", n => n["sponsor"]!.AsObject()),
            ("assessorOutcomes", "$.assessorOutcomes", n => n["assessorOutcomes"]!.AsObject()),
            ("equalityMonitoring", "$.equalityMonitoring", n => n["equalityMonitoring"]!.AsObject()),
        ];
        foreach ((string def, string path, Func<JsonNode, JsonObject> select) in objects)
        {
            HashSet<string> required = Required(schema, def);
            foreach (string name in Declared(schema, def))
            {
                JsonNode copy = full.DeepClone();
                select(copy).Remove(name);
                DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(copy.ToJsonString());
                if (required.Contains(name))
                {
                    Assert.Contains(read.Problems, p => p.Code == DocumentProblemCodes.Required && p.Path == $"{path}.{name}");
                }
                else
                {
                    Assert.True(read.IsValid, $"{path}.{name} is optional in the schema, but the reader needs it: {string.Join("; ", read.Problems)}");
                }
            }

            JsonNode typo = full.DeepClone();
            select(typo)["unknownProperty"] = 1;
            Assert.Contains(ApplicationDocument.Parse(typo.ToJsonString()).Problems, p => p.Code == DocumentProblemCodes.UnknownProperty && p.Path == (def == "equalityMonitoring" ? path : $"{path}.unknownProperty"));
        }
    }

    [Fact]
    public void Application_EnumNamesAreThoseTheLibraryWrites()
    {
        JsonNode schema = Schema("application.schema.json");
        JsonObject role = schema["$defs"]!["role"]!["properties"]!.AsObject();

        Assert.Equal(EnumNames(role["organisationType"]!), Enum.GetValues<OrganisationType>().Select(v => WrittenRole(v, Sector.Other, RoleLevel.Director)["organisationType"]!.GetValue<string>()));
        Assert.Equal(EnumNames(role["sector"]!), Enum.GetValues<Sector>().Select(v => WrittenRole(OrganisationType.Private, v, RoleLevel.Director)["sector"]!.GetValue<string>()));
        Assert.Equal(EnumNames(role["level"]!), Enum.GetValues<RoleLevel>().Select(v => WrittenRole(OrganisationType.Private, Sector.Other, v)["level"]!.GetValue<string>()));
        JsonObject outcomes = schema["$defs"]!["assessorOutcomes"]!["properties"]!.AsObject();
        foreach ((_, JsonNode? outcome) in outcomes)
        {
            Assert.Equal(["met", "notMet"], EnumNames(outcome!));
        }
    }

    [Fact]
    public void Policy_PropertyNamesAreExactlyThoseTheWriterWrites()
    {
        JsonNode schema = Schema("eligibility-policy.schema.json");
        EligibilityPolicy custom = Assert.Single(PolicyDocument.Parse(EligibilityPoliciesDocExamples.CustomPolicyJson).GetValueOrThrow());
        JsonArray written = WritePolicies([.. BuiltInPolicies.All, custom, OpenEnded()]).AsArray();

        Assert.Equal(Declared(schema, "policy"), written.SelectMany(p => Names(p!)).ToHashSet());
        Dictionary<string, HashSet<string>> byKind = [];
        HashSet<string> patterns = [];
        foreach (JsonNode? policy in written)
        {
            CollectRules(policy!["rule"]!, byKind, patterns);
        }

        Dictionary<string, string> definitions = new()
        {
            ["all"] = "allRule",
            ["any"] = "anyRule",
            ["not"] = "notRule",
            ["experience"] = "experienceRule",
            ["readiness"] = "readinessRule",
            ["statement"] = "statementRule",
            ["assessorOutcome"] = "assessorOutcomeRule",
        };
        Assert.Equal(Enum.GetValues<RuleKind>().Length, byKind.Count);
        Assert.Equal(definitions.Keys.Order(), byKind.Keys.Order());
        foreach ((string kind, HashSet<string> names) in byKind)
        {
            Assert.Equal(Declared(schema, definitions[kind]), names);
            Assert.Equal(kind, (string?)schema["$defs"]![definitions[kind]]!["properties"]!["kind"]!["const"]);
        }

        Assert.Equal(Declared(schema, "rolePattern"), patterns);
        Assert.Equal(definitions.Values.Select(d => "#/$defs/" + d).Order(), schema["$defs"]!["rule"]!["oneOf"]!.AsArray().Select(n => (string)n!["$ref"]!).Order());
    }

    [Fact]
    public void Policy_RequiredAndOptionalAreAsTheReaderSays()
    {
        JsonNode schema = Schema("eligibility-policy.schema.json");
        JsonNode custom = JsonNode.Parse(EligibilityPoliciesDocExamples.CustomPolicyJson)!;
        JsonArray rules = custom["rule"]!["rules"]!.AsArray();
        (string Def, string Path, Func<JsonNode, JsonObject> Select)[] objects =
        [
            ("policy", "$", n => n.AsObject()),
            ("allRule", "$.rule", n => n["rule"]!.AsObject()),
            ("experienceRule", "$.rule.rules[0]", n => n["rule"]!["rules"]![0]!.AsObject()),
            ("rolePattern", "$.rule.rules[0].qualifyingRoles[0]", n => n["rule"]!["rules"]![0]!["qualifyingRoles"]![0]!.AsObject()),
            ("notRule", "$.rule.rules[1]", n => n["rule"]!["rules"]![1]!.AsObject()),
            ("readinessRule", "$.rule.rules[2]", n => n["rule"]!["rules"]![2]!.AsObject()),
            ("statementRule", "$.rule.rules[3]", n => n["rule"]!["rules"]![3]!.AsObject()),
            ("assessorOutcomeRule", "$.rule.rules[4]", n => n["rule"]!["rules"]![4]!.AsObject()),
        ];
        Assert.Equal(5, rules.Count);
        foreach ((string def, string path, Func<JsonNode, JsonObject> select) in objects)
        {
            HashSet<string> required = Required(schema, def);
            foreach (string name in Declared(schema, def))
            {
                JsonNode copy = custom.DeepClone();
                if (!select(copy).Remove(name))
                {
                    Assert.DoesNotContain(name, required);
                    continue;
                }

                DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Parse(copy.ToJsonString());
                if (required.Contains(name))
                {
                    Assert.False(read.IsValid, $"{path}.{name} is required in the schema, but the reader does without it.");
                }
                else
                {
                    Assert.True(read.IsValid, $"{path}.{name} is optional in the schema, but the reader needs it: {string.Join("; ", read.Problems)}");
                }
            }

            JsonNode typo = custom.DeepClone();
            select(typo)["unknownProperty"] = 1;
            Assert.Contains(PolicyDocument.Parse(typo.ToJsonString()).Problems, p => p.Code == DocumentProblemCodes.UnknownProperty && p.Path == (def == "equalityMonitoring" ? path : $"{path}.unknownProperty"));
        }
    }

    [Fact]
    public void Decision_PropertyNamesAreExactlyThoseTheWriterWrites()
    {
        JsonNode schema = Schema("eligibility-decision.schema.json");
        (EligibilityDecision eligible, EligibilityDecision withEligibleFrom) = TwoDecisions();
        Assert.NotNull(withEligibleFrom.EligibleFrom);
        JsonNode[] written = [WriteDecision(eligible), WriteDecision(withEligibleFrom)];

        Assert.Equal(Declared(schema, "decision"), written.SelectMany(Names).ToHashSet());
        Assert.Equal(Declared(schema, "policyReference"), written.SelectMany(d => Names(d["policy"]!)).ToHashSet());
        Assert.Equal(Declared(schema, "fingerprint"), written.SelectMany(d => Names(d["fingerprint"]!)).ToHashSet());
        HashSet<string> results = [], experience = [], evidence = [], intervals = [];
        foreach (JsonNode decision in written)
        {
            CollectResults(decision["explanation"]!, results, experience, evidence, intervals);
        }

        Assert.Equal(Declared(schema, "result"), results);
        Assert.Equal(Declared(schema, "experience"), experience);
        Assert.Equal(Declared(schema, "roleEvidence"), evidence);
        Assert.Equal(Declared(schema, "interval"), intervals);
        JsonObject result = schema["$defs"]!["result"]!["properties"]!.AsObject();
        Assert.Equal(Enum.GetValues<RuleKind>().Length, EnumNames(result["kind"]!).Length);
        Assert.Equal(["pass", "fail", "undecided"], EnumNames(result["outcome"]!));
        Assert.Equal(["eligible", "ineligible", "incomplete"], EnumNames(schema["$defs"]!["decision"]!["properties"]!["outcome"]!));
    }

    [Fact]
    public void DecisionSummary_PropertiesAndRequiredAreThoseTheWriterWrites()
    {
        JsonNode schema = Schema("eligibility-decision.schema.json");
        (EligibilityDecision eligible, EligibilityDecision withEligibleFrom) = TwoDecisions();
        JsonNode[] written = [WriteSummary(eligible), WriteSummary(withEligibleFrom)];

        // Every property declared is written, and what every summary has is what the schema requires.
        Assert.Equal(Declared(schema, "summary"), written.SelectMany(Names).ToHashSet());
        Assert.Equal(Required(schema, "summary"), Names(written[0]).Intersect(Names(written[1])).ToHashSet());
        Assert.Equal(Declared(schema, "cause"), Names(written[1]["causes"]![0]!));
        Assert.Equal(Required(schema, "cause"), Names(written[1]["causes"]![0]!));
        Assert.Equal(Declared(schema, "policyReference"), Names(written[0]["policy"]!));
        Assert.Equal(
            EnumNames(schema["$defs"]!["decision"]!["properties"]!["outcome"]!),
            EnumNames(schema["$defs"]!["summary"]!["properties"]!["outcome"]!));

        static JsonNode WriteSummary(EligibilityDecision decision)
        {
            using MemoryStream stream = new();
            using (System.Text.Json.Utf8JsonWriter writer = new(stream))
            {
                DecisionDocument.WriteSummary(writer, decision);
            }

            return JsonNode.Parse(stream.ToArray())!;
        }
    }

    [Fact]
    public void Appointment_PropertiesRequiredAndKindsAreThoseOfTheWriterAndReader()
    {
        JsonNode schema = Schema("appointment.schema.json");
        Appointment full = new("A", "h1", new LocalDate(2019, 4, 1), new LocalDate(2020, 3, 31), AppointmentKind.Interim, isSharedPost: true) { ExitReason = ExitReason.Retired };
        JsonObject written = WrittenRecord(s => AppointmentDocument.Write(s, [full], BatchFormat.JsonArray));

        Assert.Equal(Declared(schema, "appointment"), Names(written));
        AssertRequiredAsTheReaderSays(schema, "appointment", written, json => AppointmentDocument.Read(Utf8(json)).Single().Problems);
        Assert.Equal(
            EnumNames(schema["$defs"]!["appointment"]!["properties"]!["kind"]!),
            Enum.GetValues<AppointmentKind>().Select(kind => (string)WrittenRecord(s => AppointmentDocument.Write(s, [new Appointment("A", "h", new LocalDate(2020, 1, 1), null, kind)], BatchFormat.JsonArray))["kind"]!));
    }

    [Fact]
    public void OfstedJudgement_PropertiesRequiredAndGradesAreThoseOfTheWriterAndReader()
    {
        JsonNode schema = Schema("ofsted-judgement.schema.json");
        JsonObject written = WrittenRecord(s => OfstedJudgementDocument.Write(s, [new OfstedJudgement("A", new LocalDate(2019, 4, 1), OfstedGrade.Good)], BatchFormat.JsonArray));

        Assert.Equal(Declared(schema, "judgement"), Names(written));
        AssertRequiredAsTheReaderSays(schema, "judgement", written, json => OfstedJudgementDocument.Read(Utf8(json)).Single().Problems);
        string[] grades = EnumNames(schema["$defs"]!["judgement"]!["properties"]!["grade"]!);
        Assert.Equal(grades, Enum.GetValues<OfstedGrade>().Select(grade => (string)WrittenRecord(s => OfstedJudgementDocument.Write(s, [new OfstedJudgement("A", new LocalDate(2020, 1, 1), grade)], BatchFormat.JsonArray))["grade"]!));
        Assert.Equal(grades, OfstedGrades.Codes.ToArray());
    }

    [Theory]
    [InlineData("appointment.schema.json", "appointment", "appointments.csv")]
    [InlineData("ofsted-judgement.schema.json", "judgement", "ofsted-judgements.csv")]
    public void Examples_WrittenAsJson_KeepToTheirSchema(string file, string def, string example)
    {
        JsonObject properties = Schema(file)["$defs"]![def]!["properties"]!.AsObject();
        HashSet<string> required = Required(Schema(file), def);
        using FileStream csv = File.OpenRead(Repository.PathOf("docs", "examples", example));
        using MemoryStream json = new();
        if (def == "appointment")
        {
            AppointmentDocument.Write(json, [.. AppointmentDocument.ReadCsv(csv).Select(r => r.GetValueOrThrow())], BatchFormat.JsonArray);
        }
        else
        {
            OfstedJudgementDocument.Write(json, [.. OfstedJudgementDocument.ReadCsv(csv).Select(r => r.GetValueOrThrow())], BatchFormat.JsonArray);
        }

        JsonArray records = JsonNode.Parse(json.ToArray())!.AsArray();
        Assert.True(records.Count >= 20, $"{example} has too few records to stand for the format.");
        foreach (JsonObject record in records.Select(r => r!.AsObject()))
        {
            Assert.Superset(required, Names(record));
            foreach ((string name, JsonNode? value) in record)
            {
                JsonNode property = Assert.Contains(name, (IDictionary<string, JsonNode?>)properties)!;
                if (value!.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    Assert.True(property["pattern"] is null || Pattern(property).IsMatch((string)value!), $"{example}: {name} breaks its pattern.");
                    Assert.True(property["enum"] is null || EnumNames(property).Contains((string)value!), $"{example}: {name} is not one of its names.");
                }
            }
        }
    }

    [Theory]
    [InlineData("moved", true)]
    [InlineData("x-secondment", true)]
    [InlineData("a", true)]
    [InlineData("z9", true)]
    [InlineData("a-", false)]
    [InlineData("-a", false)]
    [InlineData("Moved", false)]
    [InlineData("1a", false)]
    [InlineData("a_b", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void ExitReasonPattern_AgreesWithTheCodeRule(string text, bool valid)
    {
        Regex pattern = Pattern(Schema("appointment.schema.json")["$defs"]!["appointment"]!["properties"]!["exitReason"]!);

        Assert.Equal(valid, pattern.IsMatch(text));
        Assert.Equal(valid, ExitReason.TryFromCode(text, out _));
        Assert.Matches(pattern, new string('a', ExitReason.MaxCodeLength));
        Assert.DoesNotMatch(pattern, new string('a', ExitReason.MaxCodeLength + 1));
    }

    [Theory]
    [InlineData("2021-06-01", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2021-6-1", false)]
    [InlineData("21-06-01", false)]
    [InlineData("2021-06-01T00:00", false)]
    [InlineData(" 2021-06-01", false)]
    [InlineData("2021/06/01", false)]
    [InlineData("20210601", false)]
    public void DatePattern_AgreesWithTheReader(string text, bool valid)
    {
        Regex pattern = Pattern(Schema("application.schema.json")["$defs"]!["application"]!["properties"]!["assessedOn"]!);

        Assert.Equal(valid, pattern.IsMatch(text));
        Assert.Equal(valid, ReadsAssessedOn(text));
    }

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("2021-04-31")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void DatePattern_LeavesNonexistentAndOutOfRangeDatesToTheReader(string text)
    {
        Regex pattern = Pattern(Schema("application.schema.json")["$defs"]!["application"]!["properties"]!["assessedOn"]!);

        Assert.Matches(pattern, text);
        Assert.False(ReadsAssessedOn(text));
    }

    [Theory]
    [InlineData("P3Y", true)]
    [InlineData("P2Y6M", true)]
    [InlineData("P1Y2M3W4D", true)]
    [InlineData("P0D", true)]
    [InlineData("P1D", true)]
    [InlineData("P36M", true)]
    [InlineData("P", false)]
    [InlineData("P0Y0M0W0D", true)]
    [InlineData("3Y", false)]
    [InlineData("p3y", false)]
    [InlineData("P-3Y", false)]
    [InlineData("P3Y2Y", false)]
    [InlineData("P6M2Y", false)]
    [InlineData("PT1H", false)]
    [InlineData("P1DT1H", false)]
    [InlineData("P1.5Y", false)]
    public void PeriodPattern_AgreesWithTheReader(string text, bool valid)
    {
        JsonNode schema = Schema("eligibility-policy.schema.json");
        Regex pattern = Pattern(schema["$defs"]!["readinessRule"]!["properties"]!["within"]!);
        JsonNode policy = JsonNode.Parse(EligibilityPoliciesDocExamples.CustomPolicyJson)!;
        policy["rule"]!["rules"]![2]!["within"] = text;

        Assert.Equal(valid, pattern.IsMatch(text));
        Assert.Equal(valid, PolicyDocument.Parse(policy.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("P1DT0H")]
    public void PeriodPattern_IsStricterThanTheReaderOnlyForZeroTimeUnits(string text)
    {
        // NodaTime's round-trip pattern reads zero time units, and the reader refuses only non-zero ones;
        // the schema, like the writer, has no time units at all.
        JsonNode schema = Schema("eligibility-policy.schema.json");
        Regex pattern = Pattern(schema["$defs"]!["readinessRule"]!["properties"]!["within"]!);
        JsonNode policy = JsonNode.Parse(EligibilityPoliciesDocExamples.CustomPolicyJson)!;
        policy["rule"]!["rules"]![2]!["within"] = text;

        Assert.DoesNotMatch(pattern, text);
        Assert.True(PolicyDocument.Parse(policy.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("2021/22", true)]
    [InlineData("1999/00", true)]
    [InlineData("2021-22", false)]
    [InlineData("2021/2022", false)]
    [InlineData("21/22", false)]
    [InlineData("2021/22 ", false)]
    public void ProgrammeYearPattern_AgreesWithTheReader(string text, bool valid)
    {
        Regex pattern = Pattern(Schema("application.schema.json")["$defs"]!["application"]!["properties"]!["programmeYear"]!);

        Assert.Equal(valid, pattern.IsMatch(text));
        Assert.Equal(valid, ReadsProgrammeYear(text));
    }

    [Theory]
    [InlineData("2021/23")]
    [InlineData("0000/01")]
    public void ProgrammeYearPattern_LeavesConsecutiveYearsToTheReader(string text)
    {
        Regex pattern = Pattern(Schema("application.schema.json")["$defs"]!["application"]!["properties"]!["programmeYear"]!);

        Assert.Matches(pattern, text);
        Assert.False(ReadsProgrammeYear(text));
    }

    private static bool ReadsAssessedOn(string text)
    {
        JsonNode application = JsonNode.Parse(EligibilityDocExamples.WorkedExampleJson)!;
        application["assessedOn"] = text;
        return ApplicationDocument.Parse(application.ToJsonString()).IsValid;
    }

    private static bool ReadsProgrammeYear(string text)
    {
        JsonNode application = JsonNode.Parse(EligibilityDocExamples.WorkedExampleJson)!;
        application["programmeYear"] = text;
        return ApplicationDocument.Parse(application.ToJsonString()).IsValid;
    }

    private static Application FullApplication()
    {
        Application worked = EligibilityDocExamples.ReadWorkedExample().Application;
        return new Application(worked.Id, worked.ProgrammeYear, worked.AssessedOn, worked.Roles, worked.ReadyBy, worked.MoralPurposeStatement, worked.Sponsor,
            new AssessorOutcomes(AssessorOutcome.Met, AssessorOutcome.NotMet, AssessorOutcome.Met));
    }

    private static EqualityMonitoring FullMonitoring() =>
        new("white-british", "preferNotToSay", "female", "40-49", "no-religion", "preferNotToSay");

    private static EligibilityPolicy OpenEnded() =>
        new("open-2030-31", 1, "2030/31", new LocalDate(2030, 1, 1), null, "Open", new ReadinessRule("readiness", "Ready", Period.FromYears(1)), []);

    private static JsonNode Write(Application application, EqualityMonitoring monitoring)
    {
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, application, monitoring);
        return JsonNode.Parse(stream.ToArray())!;
    }

    private static JsonNode WrittenRole(OrganisationType type, Sector sector, RoleLevel level) =>
        Write(new Application("X", "2021/22", new LocalDate(2021, 6, 1), [new Role("T", "O", type, sector, level, new LocalDate(2020, 1, 1))]), new EqualityMonitoring())["roles"]![0]!;

    private static JsonNode WritePolicies(IReadOnlyList<EligibilityPolicy> policies)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, policies);
        return JsonNode.Parse(stream.ToArray())!;
    }

    /// <summary>An eligible decision (the worked example) and an ineligible one with an eligible-from date: between them every property of a decision.</summary>
    private static (EligibilityDecision Eligible, EligibilityDecision WithEligibleFrom) TwoDecisions() =>
        (BuiltInPolicies.Year2.Decide(EligibilityDocExamples.ReadWorkedExample().Application),
         BuiltInPolicies.Year1.Decide(new Application("D-1", "2020/21", new LocalDate(2020, 10, 1),
            [EligibilityDocExamples.Senior(new LocalDate(2018, 3, 1))], new LocalDate(2022, 9, 1), "Children first.")));

    private static JsonNode WriteDecision(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return JsonNode.Parse(stream.ToArray())!;
    }

    /// <summary>The one record a batch writer wrote as an array.</summary>
    private static JsonObject WrittenRecord(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return JsonNode.Parse(stream.ToArray())!.AsArray().Single()!.AsObject();
    }

    private static MemoryStream Utf8(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// Each declared property left out of <paramref name="full"/> is <c>value.required</c> at its path exactly when the
    /// schema requires it, and a property the schema does not declare is <c>property.unknown</c>.
    /// </summary>
    private static void AssertRequiredAsTheReaderSays(JsonNode schema, string def, JsonObject full, Func<string, ImmutableArray<DocumentProblem>> read)
    {
        Assert.Empty(read(full.ToJsonString()));
        HashSet<string> required = Required(schema, def);
        foreach (string name in Declared(schema, def))
        {
            JsonObject copy = full.DeepClone().AsObject();
            copy.Remove(name);
            Assert.Equal(required.Contains(name), read(copy.ToJsonString()).Any(p => p.Code == DocumentProblemCodes.Required && p.Path == "$." + name));
        }

        JsonObject typo = full.DeepClone().AsObject();
        typo["unknownProperty"] = 1;
        Assert.Contains(read(typo.ToJsonString()), p => p.Code == DocumentProblemCodes.UnknownProperty && p.Path == "$.unknownProperty");
    }

    private static void CollectRules(JsonNode rule, Dictionary<string, HashSet<string>> byKind, HashSet<string> patterns)
    {
        string kind = (string)rule["kind"]!;
        if (!byKind.TryGetValue(kind, out HashSet<string>? names))
        {
            byKind[kind] = names = [];
        }

        names.UnionWith(Names(rule));
        foreach (JsonNode? child in rule["rules"]?.AsArray() ?? [])
        {
            CollectRules(child!, byKind, patterns);
        }

        if (rule["rule"] is JsonNode inner)
        {
            CollectRules(inner, byKind, patterns);
        }

        foreach (JsonNode? pattern in rule["qualifyingRoles"]?.AsArray() ?? [])
        {
            patterns.UnionWith(Names(pattern!));
        }
    }

    private static void CollectResults(JsonNode result, HashSet<string> results, HashSet<string> experience, HashSet<string> evidence, HashSet<string> intervals)
    {
        results.UnionWith(Names(result));
        if (result["experience"] is JsonNode measured)
        {
            experience.UnionWith(Names(measured));
            foreach (JsonNode? role in measured["roles"]!.AsArray())
            {
                evidence.UnionWith(Names(role!));
                if (role!["counted"] is JsonNode counted)
                {
                    intervals.UnionWith(Names(counted));
                }
            }
        }

        foreach (JsonNode? child in result["results"]?.AsArray() ?? [])
        {
            CollectResults(child!, results, experience, evidence, intervals);
        }
    }

    private static void CollectReferences(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach ((string name, JsonNode? value) in obj)
                {
                    if (name == "$ref")
                    {
                        references.Add((string)value!);
                    }
                    else
                    {
                        CollectReferences(value, references);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    CollectReferences(item, references);
                }

                break;
        }
    }

    private static HashSet<string> Names(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    private static HashSet<string> Declared(JsonNode schema, string def) => [.. schema["$defs"]![def]!["properties"]!.AsObject().Select(p => p.Key)];

    private static HashSet<string> Required(JsonNode schema, string def) => [.. schema["$defs"]![def]!["required"]!.AsArray().Select(n => (string)n!)];

    /// <summary>The enum names of a property schema: its own <c>enum</c>, or that of its non-null alternative.</summary>
    private static string[] EnumNames(JsonNode property)
    {
        JsonNode values = property["enum"] ?? property["anyOf"]!.AsArray().Select(a => a!["enum"]).First(e => e is not null)!;
        return [.. values.AsArray().Select(n => (string)n!)];
    }

    private static Regex Pattern(JsonNode property)
    {
        JsonNode withPattern = property["pattern"] is not null ? property : property["anyOf"]!.AsArray().First(a => a!["pattern"] is not null)!;
        return new Regex((string)withPattern["pattern"]!, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
    }

    private static JsonNode Schema(string file) =>
        JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "schemas", file)))!;
}
