using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Docs;

/// <summary>
/// Keeps docs/schemas/eligibility-cases.schema.json in step with <see cref="EligibilityCaseDocument"/>: its references
/// resolve (to its own definitions and to the application and policy schemas), it declares exactly the properties the
/// writer writes and requires exactly those the reader requires, and every shipped case file (the built-in policies'
/// and docs/examples/cases.json) has the shape it describes.
/// </summary>
public sealed class CaseSchemaTests
{
    private const string File = "eligibility-cases.schema.json";

    private static readonly JsonNode Schema = Load(File);

    [Fact]
    public void TheSchema_IsOfDraft202012_AndEveryReferenceResolves()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)Schema["$schema"]);
        Assert.EndsWith("/docs/schemas/" + File, (string?)Schema["$id"], StringComparison.Ordinal);
        List<string> references = [];
        Collect(Schema, references);

        Assert.Contains("application.schema.json#/$defs/application", references);
        Assert.Contains("eligibility-policy.schema.json#/$defs/policy", references);
        foreach (string reference in references)
        {
            string[] parts = reference.Split('#');
            JsonNode target = parts[0].Length == 0 ? Schema : Load(parts[0]);
            Assert.StartsWith("/$defs/", parts[1], StringComparison.Ordinal);
            Assert.True(target["$defs"]![parts[1]["/$defs/".Length..]] is JsonObject, $"{reference} is not defined.");
        }

        foreach ((string name, JsonNode? def) in Schema["$defs"]!.AsObject())
        {
            Assert.False(def!["additionalProperties"]!.GetValue<bool>(), $"{name} must refuse unknown properties, as the reader does.");
            Assert.All(Required(name), required => Assert.Contains(required, Declared(name)));
        }
    }

    [Fact]
    public void TheDeclaredProperties_AreExactlyThoseTheWriterWrites()
    {
        JsonNode written = Written();
        JsonArray cases = written["cases"]!.AsArray();

        Assert.Equal(Declared("caseFile"), Names(written));
        Assert.Equal(Declared("case"), cases.SelectMany(c => Names(c!)).ToHashSet());
        Assert.Equal(Declared("policyReference"), Names(cases[0]!["policy"]!));
        Assert.Equal(Declared("expected"), cases.SelectMany(c => Names(c!["expected"]!)).ToHashSet());
        Assert.Equal(["eligible", "ineligible", "incomplete"], Schema["$defs"]!["expected"]!["properties"]!["outcome"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(
            Enum.GetValues<EligibilityOutcome>().Select(o => (string)JsonNode.Parse(EligibilityCaseGenerators.Json([Case("x", null, new EligibilityExpectation(o))]))!["cases"]![0]!["expected"]!["outcome"]!),
            Schema["$defs"]!["expected"]!["properties"]!["outcome"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Theory]
    [InlineData("caseFile", "$")]
    [InlineData("case", "$.cases[0]")]
    [InlineData("policyReference", "$.cases[0].policy")]
    [InlineData("expected", "$.cases[1].expected")]
    public void RequiredAndOptional_AreAsTheReaderSays(string def, string path)
    {
        HashSet<string> required = Required(def);
        foreach (string name in Declared(def))
        {
            JsonNode copy = Written();
            Assert.True(JsonNodePath.Find(copy, path).AsObject().Remove(name));
            IEnumerable<DocumentProblem> problems = EligibilityCaseDocument.Parse(copy.ToJsonString()).SelectMany(r => r.Problems);
            if (required.Contains(name))
            {
                Assert.Contains(problems, p => p.Code == DocumentProblemCodes.Required && p.Path == $"{path}.{name}");
            }
            else
            {
                Assert.Empty(problems);
            }

            // Null is absent: required or not, as the schema's anyOf with null says.
            JsonNode nulled = Written();
            JsonNodePath.Find(nulled, path).AsObject()[name] = null;
            Assert.Equal(required.Contains(name), EligibilityCaseDocument.Parse(nulled.ToJsonString()).Any(r => !r.IsValid));
        }
    }

    [Fact]
    public void EveryShippedCaseFile_HasTheShapeTheSchemaDescribes()
    {
        HashSet<string> applicationProperties = [.. Load("application.schema.json")["$defs"]!["application"]!["properties"]!.AsObject().Select(p => p.Key)];
        applicationProperties.Remove("equalityMonitoring");
        HashSet<string> policyProperties = [.. Load("eligibility-policy.schema.json")["$defs"]!["policy"]!["properties"]!.AsObject().Select(p => p.Key)];
        Regex date = new((string)Schema["$defs"]!["case"]!["properties"]!["asOf"]!["pattern"]!, RegexOptions.ECMAScript);
        HashSet<string> outcomes = [.. Schema["$defs"]!["expected"]!["properties"]!["outcome"]!["enum"]!.AsArray().Select(n => (string)n!)];
        List<(string File, JsonNode Node)> files = [.. BuiltInCaseFiles.PolicyIds.Select(id => (id, JsonNode.Parse(BuiltInCaseFiles.Open(id))!))];
        files.Add(("cases.json", JsonNode.Parse(System.IO.File.ReadAllText(Repository.PathOf("docs", "examples", "cases.json")))!));

        int count = 0;
        foreach ((string file, JsonNode node) in files)
        {
            Assert.Equal(Declared("caseFile"), Names(node));
            JsonArray cases = node["cases"]!.AsArray();
            Assert.NotEmpty(cases);
            Assert.Equal(cases.Count, cases.Select(c => (string)c!["name"]!).Distinct(StringComparer.Ordinal).Count());
            foreach (JsonNode? value in cases)
            {
                string where = $"{file}: {(string)value!["name"]!}";
                if (file == "cases.json" && Names(value).Contains("asof"))
                {
                    continue; // the example of a case that cannot be read
                }

                count++;
                Assert.True(Names(value).IsSubsetOf(Declared("case")), where);
                Assert.True(Required("case").IsSubsetOf(Names(value)), where);
                Assert.True(Names(value["application"]!).IsSubsetOf(applicationProperties), where);
                JsonNode policy = value["policy"]!;
                Assert.True(Names(policy).Contains("rule") ? Names(policy).IsSubsetOf(policyProperties) : Names(policy).IsSubsetOf(Declared("policyReference")), where);
                Assert.Matches(date, (string)value["asOf"]!);
                JsonNode expected = value["expected"]!;
                Assert.True(Names(expected).IsSubsetOf(Declared("expected")), where);
                Assert.Contains((string)expected["outcome"]!, outcomes);
                if (expected["eligibleFrom"] is JsonNode from)
                {
                    Assert.Matches(date, (string)from!);
                }

                string[] reasons = [.. expected["reasons"]?.AsArray().Select(r => (string)r!) ?? []];
                Assert.Equal(reasons.Length, reasons.Distinct(StringComparer.Ordinal).Count());
                Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
            }
        }

        Assert.True(count > 90, $"{count} cases checked");
    }

    private static EligibilityCase Case(string name, EligibilityPolicy? inline, EligibilityExpectation expected)
    {
        Application application = new ApplicationBuilder().Build();
        return inline is null
            ? new EligibilityCase(name, application, "aspirant-2021-22", 1, new LocalDate(2021, 6, 1), expected, "A description.")
            : new EligibilityCase(name, application, inline, new LocalDate(2021, 6, 1), expected);
    }

    /// <summary>A file of two cases that write every property: a named policy with its version and a description, and an inline policy with an eligible-from date.</summary>
    private static JsonNode Written() => JsonNode.Parse(EligibilityCaseGenerators.Json(
    [
        Case("named", null, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.ExperienceInsufficient])),
        Case("inline", BuiltInPolicies.Year2, new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2022, 6, 1))),
    ]))!;

    private static void Collect(JsonNode? node, List<string> references)
    {
        if (node is JsonObject obj)
        {
            foreach ((string name, JsonNode? value) in obj)
            {
                if (name == "$ref")
                {
                    references.Add((string)value!);
                }
                else
                {
                    Collect(value, references);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                Collect(item, references);
            }
        }
    }

    private static HashSet<string> Names(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];

    private static HashSet<string> Declared(string def) => [.. Schema["$defs"]![def]!["properties"]!.AsObject().Select(p => p.Key)];

    private static HashSet<string> Required(string def) => [.. Schema["$defs"]![def]!["required"]!.AsArray().Select(n => (string)n!)];

    private static JsonNode Load(string file) => JsonNode.Parse(System.IO.File.ReadAllText(Repository.PathOf("docs", "schemas", file)))!;
}
