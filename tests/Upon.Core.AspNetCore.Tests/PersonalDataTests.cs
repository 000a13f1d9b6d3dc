using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NodaTime;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// Personal data never leaves the service: a canary placed in every free-text field of applications (role titles and
/// organisations, the statement of moral purpose, the sponsor, every equality-monitoring answer), and as the value of
/// every field that is refused, is sent to every endpoint in every way, and appears in no response body or header, no
/// log entry at any level (message, state, scope or exception), and no exception.
/// </summary>
public sealed class PersonalDataTests
{
    private const string Canary = "CANARY-5f2c";

    private const int MaxApplicationBytes = 2048;

    /// <summary>A valid application with the canary in every free-text field (not in its id: decisions carry the id).</summary>
    private static JsonObject ValidDocument(string programmeYear = "2021/22", string id = "A-PD-1")
    {
        Application application = new ApplicationBuilder()
            .WithId(id)
            .ForProgrammeYear(programmeYear)
            .WithRole(r => r.WithTitle(Canary).At(Canary, OrganisationType.LocalAuthority))
            .WithRole(r => r.WithTitle("Assistant Director " + Canary).At(Canary + " Children's Trust", OrganisationType.ChildrensTrust).From(new LocalDate(2010, 1, 1)).To(new LocalDate(2015, 12, 31)))
            .WithStatement("Every child deserves a champion. " + Canary)
            .WithSponsor(new Sponsor(Canary, Canary, Canary))
            .Build();
        return JsonNode.Parse(Samples.Document(application, new EqualityMonitoring(Canary, Canary, Canary, Canary, Canary, Canary)))!.AsObject();
    }

    /// <summary>Each way a field can be refused, the canary as its value (or inside a value of the wrong type).</summary>
    private static readonly (string Name, Action<JsonObject> Break)[] Faults =
    [
        ("assessedOn", d => d["assessedOn"] = Canary),
        ("programmeYear", d => d["programmeYear"] = Canary),
        ("readyBy", d => d["readyBy"] = Canary),
        ("organisationType", d => Role(d)["organisationType"] = Canary),
        ("sector", d => Role(d)["sector"] = Canary),
        ("level", d => Role(d)["level"] = Canary),
        ("start", d => Role(d)["start"] = Canary),
        ("end", d => Role(d)["end"] = Canary),
        ("partTimeFraction", d => Role(d)["partTimeFraction"] = Canary),
        ("acting", d => Role(d)["acting"] = Canary),
        ("title", d => Role(d)["title"] = new JsonObject { [Canary] = Canary }),
        ("organisation", d => Role(d)["organisation"] = new JsonArray(Canary)),
        ("roles", d => d["roles"] = Canary),
        ("role", d => d["roles"]!.AsArray().Add(Canary)),
        ("id", d => d["id"] = new JsonArray(Canary)),
        ("moralPurposeStatement", d => d["moralPurposeStatement"] = new JsonObject { [Canary] = Canary }),
        ("sponsor", d => d["sponsor"] = Canary),
        ("sponsor.name", d => d["sponsor"]!["name"] = new JsonArray(Canary)),
        ("assessorOutcomes", d => d["assessorOutcomes"] = new JsonObject { ["readiness"] = Canary, ["moralPurpose"] = new JsonObject { [Canary] = 1 } }),
        ("equalityMonitoring", d => d["equalityMonitoring"] = Canary),
        ("equalityMonitoring.ethnicity", d => d["equalityMonitoring"]!["ethnicity"] = new JsonArray(Canary)),
        ("equalityMonitoring.unknown", d => d["equalityMonitoring"]![Canary] = Canary),
    ];

    /// <summary>Bodies that are not an application at all, each holding the canary.</summary>
    private static readonly byte[][] UnreadableBodies =
    [
        Encoding.UTF8.GetBytes(Canary),
        Encoding.UTF8.GetBytes("{\"moralPurposeStatement\": \"" + Canary),
        Encoding.UTF8.GetBytes("{\"moralPurposeStatement\": \"" + Canary + "\" \"" + Canary + "\": 1}"),
        Encoding.UTF8.GetBytes("\"" + Canary + "\""),
        Encoding.UTF8.GetBytes("[\"" + Canary + "\"]"),
        Encoding.UTF8.GetBytes(Canary + ": " + Canary),
        [.. Encoding.UTF8.GetBytes("{\"moralPurposeStatement\": \"" + Canary), 0xFF, .. Encoding.UTF8.GetBytes("\"}")],
    ];

    private static JsonObject Role(JsonObject document) => document["roles"]![0]!.AsObject();

    private static JsonObject Broken(params (string Name, Action<JsonObject> Break)[] faults)
    {
        JsonObject document = ValidDocument();
        foreach ((_, Action<JsonObject> fault) in faults)
        {
            fault(document);
        }

        return document;
    }

    /// <summary>Every application body sent, with the status the endpoint answers it (as one application) with.</summary>
    private static List<(string Name, byte[] Body, HttpStatusCode Status)> Documents()
    {
        List<(string, byte[], HttpStatusCode)> documents =
        [
            ("valid", Utf8(ValidDocument()), HttpStatusCode.OK),
            ("undecidable", Utf8(ValidDocument("2030/31")), HttpStatusCode.UnprocessableEntity),
            ("every fault", Utf8(Broken([.. Faults.Where(f => f.Name is not ("roles" or "sponsor" or "equalityMonitoring"))])), HttpStatusCode.BadRequest),
            ("too large", Utf8(Broken(("statement", d => d["moralPurposeStatement"] = string.Concat(Enumerable.Repeat(Canary + " ", 200)))) ), HttpStatusCode.RequestEntityTooLarge),
        ];
        documents.AddRange(Faults.Select(f => ("fault " + f.Name, Utf8(Broken(f)), HttpStatusCode.BadRequest)));
        documents.AddRange(UnreadableBodies.Select((b, i) => ("unreadable " + i, b, HttpStatusCode.BadRequest)));
        return documents;
    }

    [Fact]
    public async Task TheCanary_IsInNoResponse_NoLogEntry_AndNoException_WhateverIsSentAndHowever()
    {
        await using EligibilityFactory factory = new(new Dictionary<string, string?> { ["MaxApplicationBytes"] = "2048" });
        using HttpClient client = factory.CreateClient();
        List<(string Name, byte[] Body, HttpStatusCode Status)> documents = Documents();
        Assert.All(documents, d => Assert.Contains(Canary, Encoding.UTF8.GetString(d.Body), StringComparison.Ordinal));
        List<string> answered = [];

        foreach ((string name, byte[] body, HttpStatusCode status) in documents)
        {
            // One application, its length declared or not, with and without a query.
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(body, Samples.Json, declared: true), status, name));
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(body, Samples.Json, declared: false), status, name));
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions + "?asOf=2021-06-01&policy=aspirant-2021-22&version=1", Content(body, Samples.Json, declared: true), name == "undecidable" ? HttpStatusCode.OK : status, name));

            // The same body as a line of JSON Lines (each answered 200, the problem in the line).
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content([.. body, (byte)'\n'], Samples.JsonLines, declared: true), HttpStatusCode.OK, name));
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(body, "application/jsonl", declared: false), HttpStatusCode.OK, name));

            // Refused before the body is read: the wrong media type, a bad query.
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(body, "text/plain", declared: true), HttpStatusCode.UnsupportedMediaType, name));
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(body, "application/json; charset=latin1", declared: true), HttpStatusCode.UnsupportedMediaType, name));
            answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions + "?asOf=2021-02-30", Content(body, Samples.Json, declared: true), HttpStatusCode.BadRequest, name));

            // The policy endpoints, sent the body too.
            answered.Add(await SendAsync(client, HttpMethod.Get, Samples.Policies, Content(body, Samples.Json, declared: true), HttpStatusCode.OK, name));
            answered.Add(await SendAsync(client, HttpMethod.Get, Samples.Policies + "/aspirant-2021-22", Content(body, Samples.Json, declared: true), HttpStatusCode.OK, name));
            answered.Add(await SendAsync(client, HttpMethod.Get, Samples.Policies + "/no-such-policy", Content(body, Samples.Json, declared: true), HttpStatusCode.NotFound, name));
        }

        // Every body at once, as JSON Lines with blank lines between, in both directions.
        byte[] all = [.. documents.SelectMany(d => (byte[])[.. d.Body, (byte)'\n', (byte)'\n'])];
        answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(all, Samples.JsonLines, declared: true), HttpStatusCode.OK, "all"));
        answered.Add(await SendAsync(client, HttpMethod.Post, Samples.Decisions, Content(all, Samples.JsonLines, declared: false), HttpStatusCode.OK, "all"));

        // The answers were read (the decision carries its id), and the logs were kept at every level.
        Assert.Contains(answered, a => a.Contains("A-PD-1", StringComparison.Ordinal));
        await factory.Logs.WaitForAsync(LogCapture.IsRequestFinished, Samples.Patience);
        IReadOnlyList<LogEntry> logs = factory.Logs.Entries;
        Assert.Contains(logs, e => e.Level == LogLevel.Trace);
        Assert.Contains(logs, e => e.EventId.Name == "EligibilityRequestRefused");
        Assert.Contains(logs, e => e.EventId.Name == "EligibilityBatchDecided");
        Assert.DoesNotContain(logs, e => e.Level >= LogLevel.Error);
        Assert.All(logs, e => Assert.DoesNotContain(Canary, e.AllText, StringComparison.OrdinalIgnoreCase));
        Assert.All(factory.Logs.Scopes, s => Assert.DoesNotContain(Canary, s, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task UnknownPropertyNames_AreNamedOnlyInTheErrorsPath_AndNeverLogged_ExceptInEqualityMonitoringWhereTheyAreNotNamed()
    {
        // A property's name is not a value: a refused name is the path of its problem (as Upon.Core reports it, so that
        // the client can find it), except inside the equality-monitoring answers, whose path stays at the object.
        JsonObject document = ValidDocument();
        document[Canary] = 1;
        Role(document)[Canary] = 1;
        document["sponsor"]![Canary] = 1;
        document["equalityMonitoring"]![Canary + "-monitoring"] = 1;
        await using EligibilityFactory factory = new();
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(document.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(
            ["$.equalityMonitoring", $"$.roles[0]['{Canary}']", $"$.sponsor['{Canary}']", $"$['{Canary}']"],
            problem.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(problem.Errors, e => Assert.Equal("property.unknown", e.Code));
        Assert.DoesNotContain(Canary + "-monitoring", problem.Body.ToJsonString(), StringComparison.Ordinal);
        JsonObject withoutPaths = problem.Body.DeepClone().AsObject();
        foreach (JsonNode? error in withoutPaths["errors"]!.AsArray())
        {
            error!.AsObject().Remove("path");
        }

        Assert.DoesNotContain(Canary, withoutPaths.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, string.Join(" ", response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value)), StringComparison.Ordinal);
        await factory.Logs.WaitForAsync(LogCapture.IsRequestFinished, Samples.Patience);
        Assert.All(factory.Logs.Entries, e => Assert.DoesNotContain(Canary, e.AllText, StringComparison.Ordinal));
    }

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string uri, HttpContent content, HttpStatusCode status, string name)
    {
        using HttpRequestMessage request = new(method, uri) { Content = content };
        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{name}: {method} {uri} {content.Headers.ContentType} answered {response.StatusCode}, not {status}.");
        Assert.DoesNotContain(Canary, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Canary, Decoded(body), StringComparison.OrdinalIgnoreCase);
        foreach ((string header, IEnumerable<string> values) in response.Headers.Concat(response.Content.Headers))
        {
            Assert.DoesNotContain(Canary, header + ": " + string.Join(", ", values), StringComparison.OrdinalIgnoreCase);
        }

        return body;
    }

    /// <summary>Every string and property name of a JSON (or JSON Lines) body, unescaped.</summary>
    private static string Decoded(string body) =>
        string.Join("\n", body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Strings(JsonNode.Parse(line))));

    private static string Strings(JsonNode? node) => node switch
    {
        JsonObject obj => string.Join(" ", obj.Select(p => p.Key + " " + Strings(p.Value))),
        JsonArray array => string.Join(" ", array.Select(Strings)),
        JsonValue value when value.TryGetValue(out string? text) => text,
        _ => string.Empty,
    };

    private static HttpContent Content(byte[] body, string mediaType, bool declared)
    {
        HttpContent content = declared ? new ByteArrayContent(body) : Samples.UndeclaredLengthBody(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        if (declared)
        {
            content.Headers.ContentLength = body.Length;
        }

        return content;
    }

    private static byte[] Utf8(JsonObject document) => Encoding.UTF8.GetBytes(document.ToJsonString());
}
