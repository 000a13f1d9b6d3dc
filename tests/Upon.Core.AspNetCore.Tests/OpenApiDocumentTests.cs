using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Upon.Core.AspNetCore.Tests.Support;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// The OpenAPI document the sample host serves: valid by Microsoft.OpenApi's rules, every reference resolved, the
/// endpoints described with their problems, and its component schemas the published JSON Schemas of docs/schemas
/// (which also ship, byte for byte, inside the package).
/// </summary>
public sealed class OpenApiDocumentTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The published schemas the endpoints use.</summary>
    private static readonly string[] UsedSchemas =
        [EligibilitySchemas.Application, EligibilitySchemas.Decision, EligibilitySchemas.DecisionRecord, EligibilitySchemas.Policy, EligibilitySchemas.ProblemDetails];

    [Fact]
    public async Task TheDocument_IsValidOpenApi_WithNoErrors()
    {
        string json = await DocumentTextAsync();

        ReadResult read = OpenApiDocument.Parse(json, "json");

        Assert.NotNull(read.Document);
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0, string.Join("\n", read.Diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        IEnumerable<OpenApiError> errors = read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet());
        Assert.True(!errors.Any(), string.Join("\n", errors.Select(e => e.ToString())));
        Assert.StartsWith("3.1", (string?)JsonNode.Parse(json)!["openapi"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryReference_ResolvesToAComponentOfTheDocument()
    {
        JsonObject document = await DocumentAsync();
        JsonObject components = Components(document);

        List<string> references = [.. References(document)];

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.StartsWith(ComponentPrefix, reference, StringComparison.Ordinal);
            Assert.True(components.ContainsKey(reference[ComponentPrefix.Length..]), $"{reference} names no component.");
        });
        Assert.All(UsedSchemas.Select(f => RootComponent(document, f)), name => Assert.Contains(name, components.Select(c => c.Key)));
    }

    [Fact]
    public async Task TheEndpoints_AreDescribed_WithTheirParametersBodiesAndProblems()
    {
        JsonObject document = await DocumentAsync();
        JsonObject paths = document["paths"]!.AsObject();

        JsonObject decide = paths["/eligibility/decisions"]!["post"]!.AsObject();
        Assert.Equal("DecideEligibility", (string?)decide["operationId"]);
        Assert.Equal(["Prefer", "asOf", "policy", "version"], decide["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(decide["parameters"]!.AsArray(), p => Assert.Equal((string?)p!["name"] == "Prefer" ? "header" : "query", (string?)p!["in"]));
        Assert.Equal([Samples.Json, "application/jsonl", Samples.JsonLines], decide["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(ComponentPrefix + "Application", Reference(decide["requestBody"]!["content"]![Samples.Json]));
        Assert.Equal(ComponentPrefix + "Application", Reference(decide["requestBody"]!["content"]![Samples.JsonLines]));
        Assert.Equal(ComponentPrefix + "Application", Reference(decide["requestBody"]!["content"]!["application/jsonl"]));
        Assert.Equal(["200", "400", "413", "415", "422"], decide["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));

        // One application is answered by its decision, or by its summary when the client prefers return=minimal.
        Assert.Equal(
            [ComponentPrefix + "EligibilityDecision", ComponentPrefix + "EligibilityDecisionSummary"],
            decide["responses"]!["200"]!["content"]![Samples.Json]!["schema"]!["oneOf"]!.AsArray().Select(s => (string)s!["$ref"]!));
        Assert.Equal(["Preference-Applied", "Vary"], decide["responses"]!["200"]!["headers"]!.AsObject().Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(ComponentPrefix + "EligibilityDecisionRecord", Reference(decide["responses"]!["200"]!["content"]![Samples.JsonLines]));
        foreach (string status in new[] { "400", "413", "415", "422" })
        {
            Assert.Equal(ComponentPrefix + "ProblemDetails", Reference(decide["responses"]![status]!["content"]![Samples.ProblemJson]));
        }

        JsonObject list = paths["/eligibility/policies"]!["get"]!.AsObject();
        Assert.Equal("ListEligibilityPolicies", (string?)list["operationId"]);
        Assert.Equal(ComponentPrefix + "EligibilityPolicyDocument", Reference(list["responses"]!["200"]!["content"]![Samples.Json]));
        JsonObject get = paths["/eligibility/policies/{id}"]!["get"]!.AsObject();
        Assert.Equal("GetEligibilityPolicy", (string?)get["operationId"]);
        Assert.Equal(["200", "304", "404"], get["responses"]!.AsObject().Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(ComponentPrefix + "ProblemDetails", Reference(get["responses"]!["404"]!["content"]![Samples.ProblemJson]));
        Assert.Equal(["If-None-Match", "id"], get["parameters"]!.AsArray().Select(p => (string)p!["name"]!).Order(StringComparer.Ordinal));

        // Both policy operations are conditional: an entity tag on 200 and 304, If-None-Match in the request.
        foreach (JsonObject conditional in (JsonObject[])[list, get])
        {
            Assert.Contains(conditional["parameters"]!.AsArray(), p => (string?)p!["name"] == "If-None-Match" && (string?)p["in"] == "header");
            Assert.Contains("304", conditional["responses"]!.AsObject().Select(r => r.Key));
            foreach (string status in new[] { "200", "304" })
            {
                Assert.Equal(["Cache-Control", "ETag"], conditional["responses"]![status]!["headers"]!.AsObject().Select(h => h.Key).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task EveryDecision_NamesItsPolicyAndVersion_AsTheSchemaRequires()
    {
        JsonObject components = Components(await DocumentAsync());

        JsonObject decision = components["EligibilityDecision"]!.AsObject();
        Assert.Contains("policy", decision["required"]!.AsArray().Select(r => (string?)r));
        string policy = ((string)decision["properties"]!["policy"]!["$ref"]!)[ComponentPrefix.Length..];
        JsonObject reference = components[policy]!.AsObject();
        Assert.Contains("id", reference["required"]!.AsArray().Select(r => (string?)r));
        Assert.Contains("version", reference["required"]!.AsArray().Select(r => (string?)r));

        // A record of JSON Lines carries a decision of the same schema, or its summary.
        string json = components["EligibilityDecisionRecord"]!.ToJsonString();
        Assert.Contains(ComponentPrefix + "EligibilityDecision\"", json, StringComparison.Ordinal);
        Assert.Contains(ComponentPrefix + "EligibilityDecisionSummary\"", json, StringComparison.Ordinal);

        // A summary names its policy version too, and the criteria that decided it.
        JsonObject summary = components["EligibilityDecisionSummary"]!.AsObject();
        Assert.Equal(["applicationId", "asOf", "causes", "outcome", "policy"], summary["required"]!.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal));
        Assert.Equal(ComponentPrefix + policy, (string?)summary["properties"]!["policy"]!["$ref"]);
    }

    [Fact]
    public async Task TheComponents_AreThePublishedSchemas_EachDefinitionOnce_WithItsReferencesRewritten()
    {
        JsonObject components = Components(await DocumentAsync());
        Dictionary<(string File, string Definition), string> names = [];
        List<(string File, string Definition, JsonNode Published, string Component)> matched = [];

        // Each definition (and each root that is not a bare reference) is one component of the same content, references
        // aside, and the root's own title and description aside (a reference-only root lends them to its definition).
        foreach (string file in UsedSchemas)
        {
            foreach ((string definition, JsonNode published) in Parts(file))
            {
                string[] candidates = [.. components.Where(c => JsonNode.DeepEquals(Comparable(c.Value!), Comparable(published))).Select(c => c.Key)];
                Assert.True(candidates.Length >= 1, $"No component is {file}#{definition}: {published.ToJsonString()}");
                matched.Add((file, definition, published, string.Empty));
                names[(file, definition)] = candidates.Length == 1 ? candidates[0] : string.Join("|", candidates);
            }
        }

        // The references: each component refers to the components of the definitions the published schema refers to.
        foreach ((string file, string definition, JsonNode published, _) in matched)
        {
            string component = names[(file, definition)];
            Assert.DoesNotContain("|", component, StringComparison.Ordinal);
            List<string> publishedTargets = [.. References(published).Select(r => names[Resolve(file, r)])];
            List<string> componentTargets = [.. References(components[component]!).Select(r => r[ComponentPrefix.Length..])];
            Assert.Equal(publishedTargets, componentTargets);
        }

        // Nothing else: every component is a published definition.
        Assert.Equal(names.Values.Order(StringComparer.Ordinal), components.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSchemas_ShipInTheAssembly_ByteForByteAsPublished()
    {
        string folder = Repository.PathOf("docs", "schemas");
        string[] published = [.. Directory.GetFiles(folder, "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Equal(published, EligibilitySchemas.Names);
        Assert.All(published, name =>
        {
            using Stream shipped = EligibilitySchemas.Open(name);
            using MemoryStream bytes = new();
            shipped.CopyTo(bytes);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, name)), bytes.ToArray());
            Assert.Equal(File.ReadAllText(Path.Combine(folder, name)), EligibilitySchemas.Read(name));
        });
        Assert.Throws<ArgumentException>(() => EligibilitySchemas.Open("no-such.schema.json"));
    }

    private async Task<string> DocumentTextAsync()
    {
        using HttpClient client = host.CreateClient();
        using HttpResponseMessage response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await DocumentTextAsync())!.AsObject();

    private static JsonObject Components(JsonObject document) => document["components"]!["schemas"]!.AsObject();

    private static JsonObject Published(string file) => JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "schemas", file)))!.AsObject();

    /// <summary>
    /// The parts of a published schema that are components: every <c>$defs</c> entry, and the root (without
    /// <c>$schema</c>, <c>$id</c> and <c>$defs</c>) unless it is only a reference to one of them (key "").
    /// </summary>
    private static IEnumerable<(string Definition, JsonNode Schema)> Parts(string file)
    {
        JsonObject schema = Published(file);
        if (!IsReferenceOnly(schema))
        {
            JsonObject root = schema.DeepClone().AsObject();
            root.Remove("$schema");
            root.Remove("$id");
            root.Remove("$defs");
            yield return (string.Empty, root);
        }

        foreach ((string definition, JsonNode? body) in schema["$defs"]!.AsObject())
        {
            yield return (definition, body!);
        }
    }

    private static bool IsReferenceOnly(JsonObject schema) =>
        schema["$ref"] is not null && schema.All(p => p.Key is "$schema" or "$id" or "title" or "description" or "$ref" or "$defs");

    /// <summary>The file and definition a reference of <paramref name="file"/> points at (a bare file is its root's target).</summary>
    private static (string File, string Definition) Resolve(string file, string reference)
    {
        int hash = reference.IndexOf('#', StringComparison.Ordinal);
        string target = hash < 0 ? reference : hash == 0 ? file : reference[..hash];
        string fragment = hash < 0 ? string.Empty : reference[(hash + 1)..];
        if (fragment.Length == 0)
        {
            JsonObject root = Published(target);
            return IsReferenceOnly(root) ? Resolve(target, (string)root["$ref"]!) : (target, string.Empty);
        }

        Assert.StartsWith("/$defs/", fragment, StringComparison.Ordinal);
        return (target, fragment["/$defs/".Length..]);
    }

    /// <summary>The component a published schema's root is: its definition's, or its own.</summary>
    private static string RootComponent(JsonObject document, string file)
    {
        JsonObject schema = Published(file);
        (string File, string Definition) root = IsReferenceOnly(schema) ? Resolve(file, (string)schema["$ref"]!) : (file, string.Empty);
        return Components(document).Single(c => JsonNode.DeepEquals(Comparable(c.Value!), Comparable(Parts(root.File).Single(p => p.Definition == root.Definition).Schema))).Key;
    }

    /// <summary>
    /// A schema as compared: references blanked (checked apart), without its top-level title and description, and
    /// without empty <c>required</c> arrays (which OpenAPI documents leave out: requiring nothing is the default).
    /// </summary>
    private static JsonNode Comparable(JsonNode schema)
    {
        JsonNode copy = schema.DeepClone();
        if (copy is JsonObject top)
        {
            top.Remove("title");
            top.Remove("description");
        }

        Blank(copy);
        return copy;

        static void Blank(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (string key in obj.Select(p => p.Key).ToList())
                    {
                        if (key == "$ref")
                        {
                            obj[key] = "(reference)";
                        }
                        else if (key == "required" && obj[key] is JsonArray { Count: 0 })
                        {
                            obj.Remove(key);
                        }
                        else
                        {
                            Blank(obj[key]);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? item in array)
                    {
                        Blank(item);
                    }

                    break;
            }
        }
    }

    /// <summary>Every <c>$ref</c> in a JSON tree, in document order.</summary>
    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue value && value.TryGetValue(out string? target) ? [target] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static string Reference(JsonNode? mediaType) => (string)mediaType!["schema"]!["$ref"]!;
}
