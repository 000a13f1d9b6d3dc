using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>Applications, request bodies and the answers expected for them, made in process with Upon.Core.</summary>
internal static class Samples
{
    /// <summary>The route of the decisions endpoint in the sample host.</summary>
    public const string Decisions = "/eligibility/decisions";

    /// <summary>The route of the policies endpoint in the sample host.</summary>
    public const string Policies = "/eligibility/policies";

    public const string JsonLines = "application/x-ndjson";

    public const string Json = "application/json";

    public const string ProblemJson = "application/problem+json";

    /// <summary>How long a test waits for something that should happen at once before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An application eligible under the Year 2 policy (2021/22, assessed 2021-06-01).</summary>
    public static Application Eligible(string id = "A-0001") => new ApplicationBuilder().WithId(id).Build();

    /// <summary>An application for <paramref name="programmeYear"/> assessed on <paramref name="assessedOn"/>, eligible if a built-in policy governs it.</summary>
    public static Application For(string programmeYear, LocalDate assessedOn, string id = "A-0002") =>
        new ApplicationBuilder().WithId(id).ForProgrammeYear(programmeYear).AssessedOn(assessedOn).ReadyBy(assessedOn.PlusYears(1)).Build();

    /// <summary>An application with too little experience (ineligible under Year 2).</summary>
    public static Application Ineligible(string id = "A-0003") =>
        new ApplicationBuilder().WithId(id).WithRole(r => r.From(new LocalDate(2020, 1, 1))).Build();

    /// <summary>An application document as compact JSON.</summary>
    public static string Document(Application application, EqualityMonitoring? monitoring = null) =>
        EligibilityDocumentGenerators.Json(application, monitoring);

    /// <summary>A UTF-8 body of <paramref name="mediaType"/> (with <c>charset=utf-8</c>), its length declared (Content-Length).</summary>
    public static HttpContent Body(string text, string mediaType = Json)
    {
        ByteArrayContent content = new(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType + "; charset=utf-8");
        content.Headers.ContentLength = Encoding.UTF8.GetByteCount(text);
        return content;
    }

    /// <summary>A body whose length is not declared (sent chunked): the server learns its size only by reading it.</summary>
    public static HttpContent UndeclaredLengthBody(string text, string mediaType = Json) => UndeclaredLengthBody(Encoding.UTF8.GetBytes(text), mediaType);

    /// <summary>A body of bytes whose length is not declared (sent chunked).</summary>
    public static HttpContent UndeclaredLengthBody(byte[] bytes, string mediaType = Json)
    {
        StreamContent content = new(new UnseekableStream(bytes));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType + "; charset=utf-8");
        return content;
    }

    /// <summary>The decision Upon.Core makes in process, as its JSON document.</summary>
    public static JsonNode ExpectedDecision(Application application, PolicyRegistry? registry = null)
    {
        Assert.True((registry ?? PolicyRegistry.BuiltIn).TryDecide(application, out EligibilityDecision? decision));
        return DecisionNode(decision);
    }

    public static JsonNode DecisionNode(EligibilityDecision decision) => JsonNode.Parse(EligibilityDocumentGenerators.Json(decision))!;

    /// <summary>The lines <see cref="EligibilityBatch"/> gives in process for a JSON Lines body, each as the endpoint writes a record.</summary>
    public static List<JsonNode> ExpectedRecords(byte[] body, EligibilityBatch batch, DecisionDetail detail = DecisionDetail.Full) =>
        [.. batch.Evaluate(new MemoryStream(body), BatchFormat.JsonLines).Select(record => RecordNode(record, detail))];

    public static JsonNode RecordNode(RecordResult<EligibilityDecision> record) => RecordNode(record, DecisionDetail.Full);

    public static JsonNode RecordNode(RecordResult<EligibilityDecision> record, DecisionDetail detail)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            DecisionDocument.WriteRecord(writer, record, detail);
        }

        return JsonNode.Parse(stream.ToArray())!;
    }

    /// <summary>A decision's summary as <see cref="DecisionDocument.WriteSummary"/> writes it, parsed.</summary>
    public static JsonNode SummaryNode(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            DecisionDocument.WriteSummary(writer, decision);
        }

        return JsonNode.Parse(stream.ToArray())!;
    }

    /// <summary>The lines of a JSON Lines response, each parsed (no line may be blank).</summary>
    public static List<JsonNode> Lines(string body)
    {
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
        return [.. body[..^1].Split('\n').Select(line => JsonNode.Parse(line)!)];
    }

    /// <summary>The 1-based numbers of the lines of <paramref name="body"/> that are not blank (only spaces, tabs, CR).</summary>
    public static List<int> NonBlankLineNumbers(string body)
    {
        string[] lines = body.Split('\n');
        List<int> numbers = [];
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim(' ', '\t', '\r').Length > 0)
            {
                numbers.Add(i + 1);
            }
        }

        return numbers;
    }

    /// <summary>A problem details answer: its status, content type, <c>code</c>, and every error's path and code.</summary>
    public static async Task<Problem> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        JsonObject body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)response.StatusCode, (int)body["status"]!);
        Assert.StartsWith(ServiceProblems.TypeBase, (string)body["type"]!, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["title"]));
        List<(string Path, string Code)> errors = body["errors"] is JsonArray array
            ? [.. array.Select(e => ((string)e!["path"]!, (string)e["code"]!))]
            : [];
        if (body["errors"] is JsonArray messages)
        {
            Assert.All(messages, e => Assert.False(string.IsNullOrWhiteSpace((string?)e!["message"])));
        }

        return new Problem((string)body["code"]!, errors, body);
    }

    /// <summary>A problem details answer as read by <see cref="ReadProblemAsync"/>.</summary>
    internal sealed record Problem(string Code, List<(string Path, string Code)> Errors, JsonObject Body);

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
