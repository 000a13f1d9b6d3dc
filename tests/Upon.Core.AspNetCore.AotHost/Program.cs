// An ASP.NET Core host with Upon eligibility, as an embedding team writes it, published with native AOT. It starts on a
// loopback port chosen by the system, calls its own endpoints over HTTP, prints one line per check, "ok <name>" or
// "FAILED <name>", then "all ok" when every check passed (exit code 0) or the count failed (1).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upon.Core.AspNetCore;

int failures = 0;

const string Eligible = """{"id":"A-001","programmeYear":"2021/22","assessedOn":"2021-06-01","roles":[{"title":"Assistant Director, Children's Social Care","organisation":"Northshire County Council","organisationType":"localAuthority","sector":"childrensServices","level":"assistantDirector","start":"2017-09-04"}],"readyBy":"2023-09-01","moralPurposeStatement":"Every child in care deserves a champion who never gives up on them."}""";
const string BadDate = """{"id":"A-9","programmeYear":"2021/22","assessedOn":"2021-02-30","roles":[]}""";

// Twice: a host that writes problems with Results.Problem's defaults, and one that registers the problem details service.
foreach (bool problemDetails in (bool[])[false, true])
{
    string host = problemDetails ? "problemDetails" : "plain";
    WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    if (problemDetails)
    {
        builder.Services.AddProblemDetails();
    }

    builder.Services.AddOpenApi();
    builder.Services.AddUponEligibility();

    await using WebApplication app = builder.Build();
    app.MapOpenApi();
    app.MapUponEligibility("/eligibility");
    await app.StartAsync();

    string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    using HttpClient client = new() { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(1) };
    await CheckHostAsync(host, client, problemDetails);
    await app.StopAsync();
}

Console.WriteLine(failures == 0 ? "all ok" : $"{failures} failed");
return failures == 0 ? 0 : 1;

async Task CheckHostAsync(string host, HttpClient client, bool problemDetails)
{
    // One application: its decision, with the policy version that decided it and the explanation.
    Answer one = await PostAsync(client, Eligible, "application/json");
    Check(host, "decideOne", one.Status == HttpStatusCode.OK && one.MediaType == "application/json"
        && one.Body.StartsWith("""{"applicationId":"A-001","outcome":"eligible","policy":{"id":"aspirant-2021-22","version":""", StringComparison.Ordinal)
        && one.Body.Contains("\"explanation\":", StringComparison.Ordinal));

    // JSON Lines: a line out for each line in, in order, the bad one answered by its problems.
    Answer lines = await PostAsync(client, Eligible + "\n" + BadDate + "\n" + Eligible.Replace("A-001", "A-002", StringComparison.Ordinal) + "\n", "application/x-ndjson");
    string[] answers = lines.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    Check(host, "decideLines", lines.Status == HttpStatusCode.OK && lines.MediaType == "application/x-ndjson" && answers.Length == 3
        && answers[0].StartsWith("""{"record":1,"decision":{"applicationId":"A-001",""", StringComparison.Ordinal)
        && answers[1].StartsWith("""{"record":2,"errors":[{"path":"$.assessedOn","code":"date.invalid",""", StringComparison.Ordinal)
        && answers[2].StartsWith("""{"record":3,"decision":{"applicationId":"A-002",""", StringComparison.Ordinal));

    // Summaries, for a client that prefers them (Prefer: return=minimal): no explanation, and the answer says so.
    using HttpRequestMessage minimal = new(HttpMethod.Post, "/eligibility/decisions") { Content = new StringContent(Eligible + "\n", Encoding.UTF8, "application/x-ndjson") };
    minimal.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
    using HttpResponseMessage summarised = await client.SendAsync(minimal);
    string summary = await summarised.Content.ReadAsStringAsync();
    Check(host, "decideLinesSummaries", summarised.StatusCode == HttpStatusCode.OK
        && summarised.Headers.TryGetValues("Preference-Applied", out IEnumerable<string>? applied) && applied.SequenceEqual(["return=minimal"])
        && summary.StartsWith("""{"record":1,"decision":{"applicationId":"A-001","outcome":"eligible","policy":{"id":"aspirant-2021-22","version":""", StringComparison.Ordinal)
        && summary.Contains("\"causes\":[]", StringComparison.Ordinal)
        && !summary.Contains("\"explanation\"", StringComparison.Ordinal));

    // Problems: an invalid document (400) and a media type the endpoint does not take (415), as RFC 9457 problem details.
    Answer invalid = await PostAsync(client, BadDate, "application/json");
    Check(host, "invalidDocument", invalid.Status == HttpStatusCode.BadRequest && invalid.MediaType == "application/problem+json"
        && invalid.Body.Contains("\"code\":\"request.invalid-document\"", StringComparison.Ordinal)
        && invalid.Body.Contains("""{"path":"$.assessedOn","code":"date.invalid",""", StringComparison.Ordinal)
        && invalid.Body.Contains("\"traceId\":", StringComparison.Ordinal) == problemDetails);
    Answer csv = await PostAsync(client, "authority,holder\n", "text/csv");
    Check(host, "unsupportedMediaType", csv.Status == HttpStatusCode.UnsupportedMediaType && csv.MediaType == "application/problem+json");

    // The policies, one policy (not sent again to a client that holds it), and one the registry does not have.
    Answer all = await GetAsync(client, "/eligibility/policies");
    Check(host, "policies", all.Status == HttpStatusCode.OK && all.Body.StartsWith("[{\"id\":", StringComparison.Ordinal) && all.Body.Contains("\"aspirant-2021-22\"", StringComparison.Ordinal));
    Answer policy = await GetAsync(client, "/eligibility/policies/aspirant-2021-22");
    Check(host, "policy", policy.Status == HttpStatusCode.OK && policy.Body.StartsWith("""[{"id":"aspirant-2021-22","version":1,""", StringComparison.Ordinal));
    using HttpRequestMessage again = new(HttpMethod.Get, "/eligibility/policies/aspirant-2021-22");
    again.Headers.IfNoneMatch.Add(policy.Tag!);
    using HttpResponseMessage notModified = await client.SendAsync(again);
    Check(host, "policyNotModified", notModified.StatusCode == HttpStatusCode.NotModified && Equals(notModified.Headers.ETag, policy.Tag));
    Answer missing = await GetAsync(client, "/eligibility/policies/no-such-policy");
    Check(host, "policyNotFound", missing.Status == HttpStatusCode.NotFound && missing.MediaType == "application/problem+json");

    // The OpenAPI document describes the endpoints with the library's schemas.
    Answer openApi = await GetAsync(client, "/openapi/v1.json");
    Check(host, "openApi", openApi.Status == HttpStatusCode.OK && openApi.Body.Contains("\"/eligibility/decisions\"", StringComparison.Ordinal)
        && openApi.Body.Contains("application/x-ndjson", StringComparison.Ordinal));
}

static async Task<Answer> PostAsync(HttpClient client, string body, string mediaType)
{
    using StringContent content = new(body, Encoding.UTF8, mediaType);
    using HttpResponseMessage response = await client.PostAsync("/eligibility/decisions", content);
    return await Answer.ReadAsync(response);
}

static async Task<Answer> GetAsync(HttpClient client, string path)
{
    using HttpResponseMessage response = await client.GetAsync(path);
    return await Answer.ReadAsync(response);
}

void Check(string host, string name, bool passed)
{
    Console.WriteLine((passed ? "ok " : "FAILED ") + host + "/" + name);
    failures += passed ? 0 : 1;
}

/// <summary>What a check looks at in a response.</summary>
internal sealed record Answer(HttpStatusCode Status, string? MediaType, string Body, EntityTagHeaderValue? Tag)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response.Headers.ETag);
}
