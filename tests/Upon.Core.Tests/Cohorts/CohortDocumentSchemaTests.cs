using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cohorts;

/// <summary>
/// Keeps docs/schemas/cohort-candidate.schema.json and cohort-composition.schema.json in step with
/// <see cref="CandidateDocument"/> and <see cref="CompositionDocument"/>, and the examples of docs/examples/ valid.
/// </summary>
public sealed class CohortDocumentSchemaTests
{
    private static readonly CandidateProfile Full = new(
        new SelectionCandidate("A1", "LA1", EligibilityOutcome.Eligible, 78.5m, underRepresented: true),
        "education",
        "Irish",
        "not disabled",
        "London",
        "local authority");

    [Theory]
    [InlineData("cohort-candidate.schema.json")]
    [InlineData("cohort-composition.schema.json")]
    public void Schema_IsDraft202012_EveryReferenceDefined_UnknownPropertiesRefused(string file)
    {
        JsonNode schema = Schema(file);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.EndsWith("/docs/schemas/" + file, (string?)schema["$id"], StringComparison.Ordinal);
        JsonObject defs = schema["$defs"]!.AsObject();
        string[] references = [.. References(schema)];
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(defs.ContainsKey(r["#/$defs/".Length..]), $"{file}: {r} is not defined."));
        foreach ((string name, JsonNode? def) in defs)
        {
            Assert.False(def!["additionalProperties"]!.GetValue<bool>(), $"{file}: {name} must refuse unknown properties, as the reader does.");
            Assert.All(Required(schema, name), r => Assert.Contains(r, Declared(schema, name)));
        }
    }

    [Fact]
    public void Candidate_PropertyNamesAreExactlyThoseTheWriterWrites_AndTheEnumItsNames()
    {
        JsonNode schema = Schema("cohort-candidate.schema.json");

        Assert.Equal(Declared(schema, "candidate"), Written(Full).AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(
            schema["$defs"]!["candidate"]!["properties"]!["eligibility"]!["enum"]!.AsArray().Select(n => (string)n!),
            Enum.GetValues<EligibilityOutcome>().Select(o => (string)Written(Full with { Candidate = new SelectionCandidate("A", "L", o, 1m) })["eligibility"]!));
    }

    [Fact]
    public void Candidate_RequiredAndOptionalAreAsTheReaderSays()
    {
        JsonNode schema = Schema("cohort-candidate.schema.json");
        HashSet<string> required = Required(schema, "candidate");
        foreach (string name in Declared(schema, "candidate"))
        {
            JsonObject copy = Written(Full).AsObject();
            copy.Remove(name);
            RecordResult<CandidateProfile> record = ReadCandidate(copy.ToJsonString());
            if (required.Contains(name))
            {
                Assert.Contains(record.Problems, p => p.Code == DocumentProblemCodes.Required && p.Path == "$." + name);
            }
            else
            {
                Assert.True(record.IsValid, $"{name} is optional in the schema, but the reader needs it.");
            }
        }
    }

    [Fact]
    public void Candidate_NullIsAllowedWhereTheReaderTreatsItAsAbsent_AndRefusedWhereRequired()
    {
        JsonNode schema = Schema("cohort-candidate.schema.json");
        HashSet<string> required = Required(schema, "candidate");
        foreach (string name in Declared(schema, "candidate"))
        {
            JsonObject copy = Written(Full).AsObject();
            copy[name] = null;
            RecordResult<CandidateProfile> record = ReadCandidate(copy.ToJsonString());
            bool schemaAllowsNull = AllowsNull(schema["$defs"]!["candidate"]!["properties"]![name]!);
            if (required.Contains(name))
            {
                Assert.False(schemaAllowsNull, $"{name} is required: the schema must refuse null, as the reader does.");
                Assert.Contains(record.Problems, p => p.Code == DocumentProblemCodes.Required && p.Path == "$." + name);
            }
            else
            {
                Assert.True(schemaAllowsNull, $"The reader treats \"{name}\": null as absent, but the schema refuses it.");
                Assert.True(record.IsValid, string.Join("; ", record.Problems));
                copy.Remove(name);
                Assert.Equal(ReadCandidate(copy.ToJsonString()).Value, record.Value);
            }
        }
    }

    [Fact]
    public void Year2Example_EveryRecordIsValid_AndUsesOnlyDeclaredNames()
    {
        HashSet<string> declared = Declared(Schema("cohort-candidate.schema.json"), "candidate");
        string path = Repository.PathOf("docs", "examples", "year2-candidates.jsonl");

        RecordResult<CandidateProfile>[] records;
        using (FileStream stream = File.OpenRead(path))
        {
            records = [.. CandidateDocument.Read(stream)];
        }

        Assert.Equal(60, records.Length);
        Assert.All(records, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
        Assert.All(records, r => Assert.StartsWith("SYN-", r.Value!.Candidate.ApplicantId, StringComparison.Ordinal));
        foreach (string line in File.ReadLines(path))
        {
            Assert.Subset(declared, JsonNode.Parse(line)!.AsObject().Select(p => p.Key).ToHashSet());
        }
    }

    [Fact]
    public void Composition_DeclaredNamesAreThoseTheWriterAndTheYear1ExampleUse_AndRequiredAsTheReaderSays()
    {
        JsonNode schema = Schema("cohort-composition.schema.json");
        JsonNode example = JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "examples", "year1-composition.json")))!;
        CompositionFigures figures = CompositionDocument.Parse(example.ToJsonString()).GetValueOrThrow();
        using MemoryStream stream = new();
        CompositionDocument.Write(stream, figures);
        JsonNode written = JsonNode.Parse(stream.ToArray())!;

        (string Def, Func<JsonNode, JsonObject> Select)[] objects =
        [
            ("composition", n => n.AsObject()),
            ("dimension", n => n["dimensions"]![0]!.AsObject()),
            ("category", n => n["dimensions"]![0]!["categories"]![0]!.AsObject()),
        ];
        foreach ((string def, Func<JsonNode, JsonObject> select) in objects)
        {
            Assert.Equal(Declared(schema, def), select(written).Select(p => p.Key).Union(select(example).Select(p => p.Key)).ToHashSet());
            HashSet<string> required = Required(schema, def);
            foreach (string name in Declared(schema, def))
            {
                JsonNode copy = written.DeepClone();
                select(copy).Remove(name);
                DocumentResult<CompositionFigures> read = CompositionDocument.Parse(copy.ToJsonString());
                Assert.Equal(required.Contains(name), !read.IsValid);
            }
        }
    }

    private static JsonNode Written(CandidateProfile profile)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            CandidateDocument.Write(writer, profile);
        }

        return JsonNode.Parse(stream.ToArray())!;
    }

    private static RecordResult<CandidateProfile> ReadCandidate(string json) =>
        CandidateDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).Single();

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    /// <summary>Whether a property's schema admits the JSON null: its type is or lists "null", or an alternative of its anyOf does.</summary>
    private static bool AllowsNull(JsonNode property) =>
        property["type"] switch
        {
            JsonValue type => (string?)type == "null",
            JsonArray types => types.Any(t => (string?)t == "null"),
            _ => property["anyOf"] is JsonArray alternatives && alternatives.Any(a => AllowsNull(a!)),
        };

    private static HashSet<string> Declared(JsonNode schema, string def) => [.. schema["$defs"]![def]!["properties"]!.AsObject().Select(p => p.Key)];

    private static HashSet<string> Required(JsonNode schema, string def) => [.. schema["$defs"]![def]!["required"]!.AsArray().Select(n => (string)n!)];

    private static JsonNode Schema(string file) => JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "schemas", file)))!;
}
