using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Upon.Core.AspNetCore;

/// <summary>
/// Describes the eligibility endpoints in ASP.NET Core's OpenAPI document: the library's published JSON Schemas become
/// the document's component schemas (each <c>$defs</c> entry a component, references rewritten to them), and each
/// endpoint's request and responses point at them, with the problem details of every refusal.
/// </summary>
internal static class EligibilityOpenApi
{
    /// <summary>The operation that decides applications.</summary>
    public const string DecideOperation = "DecideEligibility";

    /// <summary>The operation that lists the policies.</summary>
    public const string ListPoliciesOperation = "ListEligibilityPolicies";

    /// <summary>The operation that gives one policy's versions.</summary>
    public const string GetPolicyOperation = "GetEligibilityPolicy";

    /// <summary>The schemas the endpoints use, in the order they are added.</summary>
    private static readonly string[] Files =
        [EligibilitySchemas.Application, EligibilitySchemas.Decision, EligibilitySchemas.DecisionRecord, EligibilitySchemas.Policy, EligibilitySchemas.ProblemDetails];

    private const string ProblemMediaType = "application/problem+json";

    /// <summary>The component names and schemas: made once from the embedded files (immutable after).</summary>
    private static readonly Lazy<Catalog> Schemas = new(MakeCatalog);

    /// <summary>The component names of the roots of the schemas the endpoints use.</summary>
    internal static string Application => RootName(EligibilitySchemas.Application);

    internal static string Decision => RootName(EligibilitySchemas.Decision);

    internal static string DecisionSummary => Schemas.Value.Names[EligibilitySchemas.Decision]["summary"];

    internal static string DecisionRecord => RootName(EligibilitySchemas.DecisionRecord);

    internal static string PolicyDocument => RootName(EligibilitySchemas.Policy);

    internal static string Problem => RootName(EligibilitySchemas.ProblemDetails);

    /// <summary>Adds the transformers to an OpenAPI document's options.</summary>
    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            AddComponents(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<EligibilityEndpointMetadata>().FirstOrDefault() is EligibilityEndpointMetadata endpoint)
            {
                DescribeOperation(operation, endpoint.Operation, context.Document);
            }

            return Task.CompletedTask;
        });
    }

    internal static void AddComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach ((string name, string json) in Schemas.Value.Components)
        {
            OpenApiSchema schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out OpenApiDiagnostic? diagnostic, "json")
                ?? throw new InvalidOperationException($"The shipped schema component {name} could not be read.");
            if (diagnostic is { Errors.Count: > 0 })
            {
                throw new InvalidOperationException($"The shipped schema component {name} could not be read: {string.Join("; ", diagnostic.Errors.Select(e => e.Message))}");
            }

            document.Components.Schemas[name] = schema;
        }
    }

    private static void DescribeOperation(OpenApiOperation operation, string id, OpenApiDocument? document)
    {
        operation.OperationId = id;
        OpenApiResponses responses = [];
        switch (id)
        {
            case DecideOperation:
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "One application (application/json), or JSON Lines of applications, one a line (application/x-ndjson).",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        [UponEligibilityEndpoints.JsonMediaType] = Media(Application, document),
                        [UponEligibilityEndpoints.JsonLinesMediaType] = Media(Application, document),
                        [UponEligibilityEndpoints.JsonLinesAlternativeMediaType] = Media(Application, document),
                    },
                };
                operation.Parameters = [
                    Query("policy", "Decide every application by this policy (its identifier) rather than by each application's programme year.", JsonSchemaType.String, null),
                    Query("version", "The version of the policy named; its latest when not given.", JsonSchemaType.Integer, null),
                    Query("asOf", "Decide as of this date (yyyy-MM-dd) rather than each application's assessment date.", JsonSchemaType.String, "date"),
                    new OpenApiParameter
                    {
                        Name = "Prefer",
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "return=minimal (RFC 7240) for each decision's summary (outcome, policy version, dates and the criteria that decided it), return=representation for the whole decision with its explanation and fingerprint; without either, the service's default (whole decisions unless configured otherwise). Other preferences are ignored.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                ];
                responses["200"] = new OpenApiResponse
                {
                    Description = "For one application, its decision, which names the policy and version that made it. For JSON Lines, a line for each line in, in order: the record's decision (naming its policy version) or its problems. With Prefer: return=minimal, each decision is its summary.",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        [UponEligibilityEndpoints.JsonMediaType] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema { OneOf = [new OpenApiSchemaReference(Decision, document), new OpenApiSchemaReference(DecisionSummary, document)] },
                        },
                        [UponEligibilityEndpoints.JsonLinesMediaType] = Media(DecisionRecord, document),
                    },
                    Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                    {
                        ["Preference-Applied"] = new OpenApiHeader { Description = "The client's return preference when it was applied (RFC 7240 §3): return=minimal (summaries) or return=representation (whole decisions); absent when the request stated none.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        ["Vary"] = new OpenApiHeader { Description = "Prefer: the answer depends on the request's preferences.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                };
                responses["400"] = ProblemResponse("The application is not a valid document, or a query parameter is invalid (every problem in errors).", document);
                responses["413"] = ProblemResponse("The body is larger than the endpoint reads.", document);
                responses["415"] = ProblemResponse("The body is neither application/json nor application/x-ndjson in UTF-8.", document);
                responses["422"] = ProblemResponse("The application is valid but no policy governs its programme year on that date.", document);
                break;
            case ListPoliciesOperation:
                responses["200"] = new OpenApiResponse
                {
                    Description = "Every policy of the registry, every version, with its effective dates and rules: a policy document (an array).",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [UponEligibilityEndpoints.JsonMediaType] = Media(PolicyDocument, document) },
                    Headers = PolicyHeaders(),
                };
                DescribeConditional(operation, responses);
                break;
            default:
                responses["200"] = new OpenApiResponse
                {
                    Description = "Every version of the policy, oldest first: a policy document (an array).",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [UponEligibilityEndpoints.JsonMediaType] = Media(PolicyDocument, document) },
                    Headers = PolicyHeaders(),
                };
                DescribeConditional(operation, responses);
                responses["404"] = ProblemResponse("No policy has that identifier.", document);
                break;
        }

        operation.Responses = responses;
    }

    /// <summary>The <c>If-None-Match</c> request header of a policies operation and its <c>304</c> answer.</summary>
    private static void DescribeConditional(OpenApiOperation operation, OpenApiResponses responses)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "Entity tags of policy documents the client holds (from ETag), or *: answered 304 without a body when the document is unchanged.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        responses["304"] = new OpenApiResponse
        {
            Description = "Not modified: the policy document has the entity tag the client named in If-None-Match.",
            Headers = PolicyHeaders(),
        };
    }

    /// <summary>The headers of a policy document's answer: its entity tag, and that caches must ask again before reuse.</summary>
    private static Dictionary<string, IOpenApiHeader> PolicyHeaders() => new(StringComparer.Ordinal)
    {
        ["ETag"] = new OpenApiHeader { Description = "The policy document's strong entity tag, a hash of its bytes; send it back in If-None-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        ["Cache-Control"] = new OpenApiHeader { Description = "no-cache: the registry can be reloaded at any time, so a cache revalidates before reuse.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    private static OpenApiParameter Query(string name, string description, JsonSchemaType type, string? format) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = type, Format = format, Minimum = type == JsonSchemaType.Integer ? "1" : null },
    };

    private static OpenApiMediaType Media(string component, OpenApiDocument? document) =>
        new() { Schema = new OpenApiSchemaReference(component, document) };

    private static OpenApiResponse ProblemResponse(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [ProblemMediaType] = Media(Problem, document) },
    };

    /// <summary>The component name of a schema file's root: its <c>$ref</c>'s target, or the root itself.</summary>
    private static string RootName(string file) => Schemas.Value.Names[file][Root];

    private const string Root = "";

    /// <summary>
    /// The component name of each part of a schema file: the root (key <see cref="Root"/>) and every <c>$defs</c> entry.
    /// The file's name in Pascal case (<c>EligibilityDecision</c>) names the definition the root refers to, or the root
    /// itself with <c>Document</c> after it; a definition whose name ends the file's (<c>policy</c> in
    /// <c>eligibility-policy</c>) takes the file's name; any other definition the file's name and its own.
    /// </summary>
    private static Dictionary<string, string> Names(string file, JsonObject schema)
    {
        string baseName = Pascal(file[..file.IndexOf(".schema.json", StringComparison.Ordinal)]);
        Dictionary<string, string> names = new(StringComparer.Ordinal);
        string? rootTarget = IsReferenceOnly(schema) ? DefinitionName((string)schema["$ref"]!) : null;
        names[Root] = rootTarget is null ? baseName + "Document" : baseName;
        if (schema["$defs"] is JsonObject definitions)
        {
            foreach ((string definition, _) in definitions)
            {
                string pascal = Pascal(definition);
                names[definition] = definition == rootTarget || baseName.EndsWith(pascal, StringComparison.Ordinal) ? baseName : baseName + pascal;
            }
        }

        return names;
    }

    private static Catalog MakeCatalog()
    {
        Dictionary<string, JsonObject> schemas = Files.ToDictionary(file => file, Load, StringComparer.Ordinal);
        Dictionary<string, Dictionary<string, string>> names = Files.ToDictionary(file => file, file => Names(file, schemas[file]), StringComparer.Ordinal);
        List<KeyValuePair<string, string>> components = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (string file in Files)
        {
            JsonObject schema = schemas[file];
            if (!IsReferenceOnly(schema))
            {
                JsonObject root = (JsonObject)schema.DeepClone();
                root.Remove("$schema");
                root.Remove("$id");
                root.Remove("$defs");
                Add(names[file][Root], Rewrite(root, file, names));
            }

            if (schema["$defs"] is JsonObject definitions)
            {
                foreach ((string definition, JsonNode? body) in definitions)
                {
                    JsonNode part = Rewrite(body!.DeepClone(), file, names);
                    if (IsReferenceOnly(schema) && names[file][definition] == names[file][Root] && part is JsonObject described)
                    {
                        // The root's title and description describe the definition it stands for.
                        described["title"] ??= (string?)schema["title"];
                        described["description"] = (string?)schema["description"];
                    }

                    Add(names[file][definition], part);
                }
            }
        }

        return new Catalog(names, components);

        void Add(string name, JsonNode json)
        {
            if (!seen.Add(name))
            {
                throw new InvalidOperationException($"Two schema components are named {name}.");
            }

            components.Add(new KeyValuePair<string, string>(name, json.ToJsonString()));
        }
    }

    private static JsonNode Rewrite(JsonNode node, string file, Dictionary<string, Dictionary<string, string>> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(p => p.Key).ToList())
                {
                    if (key == "$ref" && obj[key] is JsonValue value && value.TryGetValue(out string? target))
                    {
                        obj[key] = "#/components/schemas/" + Resolve(target, file, names);
                    }
                    else if (obj[key] is JsonNode child)
                    {
                        Rewrite(child, file, names);
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item, file, names);
                    }
                }

                break;
        }

        return node;
    }

    private static string Resolve(string reference, string file, Dictionary<string, Dictionary<string, string>> names)
    {
        int hash = reference.IndexOf('#', StringComparison.Ordinal);
        string target = hash <= 0 ? file : reference[..hash];
        string fragment = hash < 0 ? string.Empty : reference[hash..];
        if (!names.TryGetValue(target, out Dictionary<string, string>? parts))
        {
            throw new InvalidOperationException($"The schema {file} refers to {target}, which the OpenAPI document does not include.");
        }

        return fragment is "" or "#" ? parts[Root] : parts[DefinitionName(fragment)];
    }

    private static string DefinitionName(string fragment)
    {
        const string Prefix = "#/$defs/";
        int at = fragment.IndexOf(Prefix, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"Unsupported schema reference {fragment}.") : fragment[(at + Prefix.Length)..];
    }

    private static bool IsReferenceOnly(JsonObject schema) =>
        schema["$ref"] is not null && schema.All(p => p.Key is "$schema" or "$id" or "title" or "description" or "$ref" or "$defs");

    /// <summary>The component name of each part of each schema file, and the components as JSON Schema text in order.</summary>
    private sealed record Catalog(Dictionary<string, Dictionary<string, string>> Names, List<KeyValuePair<string, string>> Components);

    private static JsonObject Load(string file) => (JsonObject)JsonNode.Parse(EligibilitySchemas.Read(file))!;

    private static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
