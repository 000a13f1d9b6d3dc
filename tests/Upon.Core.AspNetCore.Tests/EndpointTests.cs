using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;
using WebApplicationBuilder = Microsoft.AspNetCore.Builder.WebApplicationBuilder;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>The endpoints of the sample host, through WebApplicationFactory: decisions, problems, limits and policies.</summary>
public sealed class EndpointTests(DefaultHost host, SmallLimitsHost small) : IClassFixture<DefaultHost>, IClassFixture<SmallLimitsHost>
{
    public static TheoryData<string, string, string> Years => new()
    {
        { "2020/21", "2021-01-15", "aspirant-2020-21" },
        { "2021/22", "2021-06-01", "aspirant-2021-22" },
        { "2022/23", "2022-06-01", "aspirant-2022-23" },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public async Task OneApplication_IsAnsweredWithTheDecisionMadeInProcess_NamingItsPolicyAndVersion(string year, string assessedOn, string policyId)
    {
        Application application = Samples.For(year, IsoDate(assessedOn));
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(application)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Samples.Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        string body = await response.Content.ReadAsStringAsync();
        JsonNode decision = JsonNode.Parse(body)!;
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(application), decision), body);
        Assert.Equal(policyId, (string?)decision["policy"]!["id"]);
        Assert.Equal(1, (int)decision["policy"]!["version"]!);
        Assert.Equal("eligible", (string?)decision["outcome"]);
        EligibilityDecision read = DecisionDocument.Parse(body).GetValueOrThrow();
        Assert.True(PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? expected));
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task AnIneligibleApplication_IsAnswered200_WithItsDecisionAndExplanation()
    {
        Application application = Samples.Ineligible();
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(application)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode decision = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ineligible", (string?)decision["outcome"]);
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(application), decision));
    }

    [Fact]
    public async Task AnInvalidDocument_Is400_WithEveryProblemsPathAndCode()
    {
        JsonObject document = JsonNode.Parse(Samples.Document(Samples.Eligible()))!.AsObject();
        document["programmeYear"] = "2021/23";
        document["extra"] = 1;
        JsonObject role = document["roles"]![0]!.AsObject();
        role["sector"] = "childrenServices";
        role["start"] = "2017-02-30";
        role["partTimeFraction"] = 0;
        string json = document.ToJsonString();
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.InvalidDocument, problem.Code);
        Assert.Equal(
            ["$.extra property.unknown", "$.programmeYear programme-year.invalid", "$.roles[0].partTimeFraction value.out-of-range", "$.roles[0].sector value.unknown", "$.roles[0].start date.invalid"],
            problem.Errors.Select(e => $"{e.Path} {e.Code}").Order(StringComparer.Ordinal));
        Assert.Equal(
            ApplicationDocument.Parse(json).Problems.Where(p => p.IsError).Select(p => (p.Path, p.Code)),
            problem.Errors);
        Assert.Equal(Samples.Decisions, (string?)problem.Body["instance"]);
    }

    public static TheoryData<string, string, string> UnreadableBodies => new()
    {
        { string.Empty, "$", DocumentProblemCodes.DocumentEmpty },
        { "not json", "$", DocumentProblemCodes.JsonInvalid },
        { "{\"id\": \"A-1\",", "$", DocumentProblemCodes.JsonInvalid },
        { "[]", "$", DocumentProblemCodes.TypeMismatch },
        { "{}", "$.id", DocumentProblemCodes.Required },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task ABodyThatIsNoApplication_Is400_WithTheReadersProblems(string body, string path, string code)
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.InvalidDocument, problem.Code);
        Assert.Contains((path, code), problem.Errors);
        Assert.Equal(ApplicationDocument.Parse(body).Problems.Where(p => p.IsError).Select(p => (p.Path, p.Code)), problem.Errors);
    }

    [Fact]
    public async Task JsonLines_AreAnsweredALineForEachLineIn_InOrder_EachAsInProcess()
    {
        string tooLarge = Samples.Document(new ApplicationBuilder().WithId("A-L6").WithStatement(string.Concat(Enumerable.Repeat("children ", 300))).Build());
        Assert.True(Encoding.UTF8.GetByteCount(tooLarge) > SmallLimitsHost.MaxApplicationBytes);
        JsonObject invalid = JsonNode.Parse(Samples.Document(Samples.Eligible("A-L4")))!.AsObject();
        invalid["programmeYear"] = "2021/23";
        invalid["roles"]![0]!["sector"] = "childrenServices";
        string[] lines =
        [
            Samples.Document(Samples.Eligible("A-L1")),
            string.Empty,
            "not json",
            invalid.ToJsonString(),
            " \t ",
            tooLarge,
            Samples.Document(Samples.Ineligible("A-L7")),
            Samples.Document(Samples.For("2030/31", new LocalDate(2030, 10, 1), "A-L8")),
            "{}",
            Samples.Document(Samples.For("2022/23", new LocalDate(2022, 6, 1), "A-L10")) + "\r",
            Samples.Document(Samples.Eligible("A-L11")),
        ];
        string body = string.Join("\n", lines);
        using HttpClient client = small.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(body, Samples.JsonLines));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Samples.JsonLines, response.Content.Headers.ContentType?.MediaType);
        List<JsonNode> answered = Samples.Lines(await response.Content.ReadAsStringAsync());
        Assert.Equal([1, 3, 4, 6, 7, 8, 9, 10, 11], answered.Select(l => (int)l["record"]!));
        Assert.Equal(Samples.NonBlankLineNumbers(body), answered.Select(l => (int)l["record"]!));
        List<JsonNode> expected = Samples.ExpectedRecords(Encoding.UTF8.GetBytes(body), new EligibilityBatch(PolicyRegistry.BuiltIn, maxBytes: SmallLimitsHost.MaxApplicationBytes));
        Assert.Equal(expected.Count, answered.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], answered[i]), $"Line {i}: {answered[i].ToJsonString()}");
        }

        int decisions = answered.Count(l => l["decision"] is not null);
        int errors = answered.Count(l => l["errors"] is not null);
        Assert.Equal(answered.Count, decisions + errors);
        Assert.Equal(4, decisions);
        Assert.Equal(["A-L1", "A-L7", "A-L10", "A-L11"], answered.Where(l => l["decision"] is not null).Select(l => (string?)l["decision"]!["applicationId"]));
        Assert.All(answered.Where(l => l["decision"] is not null), l => Assert.NotNull((int?)l["decision"]!["policy"]!["version"]));
        Assert.Equal([DocumentProblemCodes.JsonInvalid], Codes(answered[1]));
        Assert.Equal(["programme-year.invalid", "value.unknown"], Codes(answered[2]).Order(StringComparer.Ordinal));
        Assert.Equal([DocumentProblemCodes.DocumentTooLarge], Codes(answered[3]));
        Assert.Equal([EligibilityProblemCodes.PolicyNotFound], Codes(answered[5]));
        Assert.All(Codes(answered[6]), code => Assert.Equal(DocumentProblemCodes.Required, code));

        static IEnumerable<string> Codes(JsonNode line) => line["errors"]!.AsArray().Select(e => (string)e!["code"]!);
    }

    [Fact]
    public async Task JsonLines_AreAlsoReadAsApplicationJsonl()
    {
        string body = Samples.Document(Samples.Eligible("A-1")) + "\n" + Samples.Document(Samples.Eligible("A-2")) + "\n";
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(body, "application/jsonl"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["A-1", "A-2"], Samples.Lines(await response.Content.ReadAsStringAsync()).Select(l => (string?)l["decision"]!["applicationId"]));
    }

    [Fact]
    public async Task AnEmptyJsonLinesBody_IsAnsweredWithNoLines()
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body("\n  \n", Samples.JsonLines));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AsOf_DecidesAsOfThatDate()
    {
        Application application = Samples.Eligible();
        LocalDate asOf = new(2021, 8, 1);
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions + "?asOf=2021-08-01", Samples.Body(Samples.Document(application)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode decision = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("2021-08-01", (string?)decision["asOf"]);
        EligibilityDecision expected = new EligibilityBatch(PolicyRegistry.BuiltIn, asOf: asOf).Decide(application, 1).GetValueOrThrow();
        Assert.True(JsonNode.DeepEquals(Samples.DecisionNode(expected), decision));
    }

    [Fact]
    public async Task AsOf_ChoosesThePolicyInForceOnThatDate()
    {
        // 2021/22 has one policy (from 2021-03-01): as of a date before it there is none, and the application is undecidable.
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions + "?asOf=2021-01-01", Samples.Body(Samples.Document(Samples.Eligible())));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.Undecidable, problem.Code);
    }

    public static TheoryData<string, string, int> PolicyQueries => new()
    {
        { "?policy=aspirant-2020-21", "aspirant-2020-21", 1 },
        { "?policy=aspirant-2022-23&version=1", "aspirant-2022-23", 1 },
        { "?policy=aspirant-2021-22&asOf=2021-07-01", "aspirant-2021-22", 1 },
    };

    [Theory]
    [MemberData(nameof(PolicyQueries))]
    public async Task Policy_AndVersion_DecideEveryApplicationByThatPolicy(string query, string policyId, int version)
    {
        Application application = Samples.Eligible();
        EligibilityPolicy policy = PolicyRegistry.BuiltIn.FindById(policyId, version)!;
        LocalDate? asOf = query.Contains("asOf", StringComparison.Ordinal) ? new LocalDate(2021, 7, 1) : null;
        JsonNode expected = Samples.DecisionNode(new EligibilityBatch(PolicyRegistry.BuiltIn, policy, asOf).Decide(application, 1).GetValueOrThrow());
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage one = await client.PostAsync(Samples.Decisions + query, Samples.Body(Samples.Document(application)));
        using HttpResponseMessage lines = await client.PostAsync(Samples.Decisions + query, Samples.Body(Samples.Document(application) + "\n" + Samples.Document(application), Samples.JsonLines));

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        JsonNode decision = JsonNode.Parse(await one.Content.ReadAsStringAsync())!;
        Assert.Equal(policyId, (string?)decision["policy"]!["id"]);
        Assert.True(JsonNode.DeepEquals(expected, decision));
        Assert.Equal(HttpStatusCode.OK, lines.StatusCode);
        List<JsonNode> answered = Samples.Lines(await lines.Content.ReadAsStringAsync());
        Assert.Equal(2, answered.Count);
        Assert.All(answered, line => Assert.True(JsonNode.DeepEquals(expected, line["decision"])));
    }

    public static TheoryData<string, string, string> InvalidQueries => new()
    {
        { "?asOf=2021-02-30", "asOf", DocumentProblemCodes.DateInvalid },
        { "?asOf=yesterday", "asOf", DocumentProblemCodes.DateInvalid },
        { "?asOf=2021-6-1", "asOf", DocumentProblemCodes.DateInvalid },
        { "?asOf=1800-01-01", "asOf", DocumentProblemCodes.OutOfRange },
        { "?asOf=2200-01-01", "asOf", DocumentProblemCodes.OutOfRange },
        { "?asOf=2021-06-01&asOf=2021-06-02", "asOf", "query.repeated" },
        { "?policy=aspirant-2021-22&version=0", "version", DocumentProblemCodes.OutOfRange },
        { "?policy=aspirant-2021-22&version=one", "version", DocumentProblemCodes.OutOfRange },
        { "?policy=aspirant-2021-22&version=-1", "version", DocumentProblemCodes.OutOfRange },
        { "?policy=aspirant-2021-22&version=99999999999", "version", DocumentProblemCodes.OutOfRange },
        { "?version=1", "version", DocumentProblemCodes.Required },
        { "?policy=no-such-policy", "policy", EligibilityProblemCodes.PolicyNotFound },
        { "?policy=aspirant-2021-22&version=7", "version", EligibilityProblemCodes.PolicyNotFound },
        { "?policy=", "policy", DocumentProblemCodes.Empty },
        { "?policy=%20", "policy", DocumentProblemCodes.Empty },
        { "?policy=aspirant-2021-22&policy=aspirant-2022-23", "policy", "query.repeated" },
    };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task AnInvalidQuery_Is400_WithAnErrorNamingTheParameter(string query, string parameter, string code)
    {
        using HttpClient client = host.CreateClient();

        foreach (HttpContent content in new[] { Samples.Body(Samples.Document(Samples.Eligible())), Samples.Body(Samples.Document(Samples.Eligible()) + "\n", Samples.JsonLines) })
        {
            using (content)
            {
                using HttpResponseMessage response = await client.PostAsync(Samples.Decisions + query, content);

                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Samples.Problem problem = await Samples.ReadProblemAsync(response);
                Assert.Equal(ServiceProblems.InvalidQuery, problem.Code);
                Assert.Contains((parameter, code), problem.Errors);
                Assert.All(problem.Errors, e => Assert.Contains(e.Path, new[] { "asOf", "policy", "version" }));
            }
        }
    }

    [Fact]
    public async Task EveryInvalidParameter_IsReportedInOneAnswer()
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions + "?asOf=2021-02-30&version=0", Samples.Body(Samples.Document(Samples.Eligible())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(
            ["asOf date.invalid", "version value.out-of-range", "version value.required"],
            problem.Errors.Select(e => $"{e.Path} {e.Code}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnApplicationNoPolicyGoverns_Is422()
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.For("2030/31", new LocalDate(2030, 10, 1)))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.Undecidable, problem.Code);
        Assert.Equal([("$.programmeYear", EligibilityProblemCodes.PolicyNotFound)], problem.Errors);
    }

    public static TheoryData<string?> UnsupportedMediaTypes => new()
    {
        "text/plain",
        "application/xml",
        "application/json; charset=latin1",
        "application/json; charset=iso-8859-1",
        "application/x-ndjson; charset=utf-16",
        "multipart/form-data; boundary=x",
        "application/json-patch+json",
        null,
    };

    [Theory]
    [MemberData(nameof(UnsupportedMediaTypes))]
    public async Task AnotherMediaType_Is415(string? mediaType)
    {
        using HttpClient client = host.CreateClient();
        using ByteArrayContent content = new(Encoding.UTF8.GetBytes(Samples.Document(Samples.Eligible())));
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.UnsupportedMediaType, problem.Code);
    }

    [Fact]
    public async Task TheCharsetUtf8_IsAcceptedInAnyCase_QuotedOrNot_AndWithoutACharset()
    {
        using HttpClient client = host.CreateClient();
        foreach (string mediaType in new[] { "application/json", "application/json; charset=UTF-8", "application/json;charset=utf8", "application/json; charset=\"utf-8\"", "APPLICATION/JSON", "application/x-ndjson; charset=\"UTF-8\"" })
        {
            using ByteArrayContent content = new(Encoding.UTF8.GetBytes(Samples.Document(Samples.Eligible())));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);

            using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, content);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task ABodyLargerThanMaxApplicationBytes_Is413_WhetherItsLengthIsDeclaredOrNot()
    {
        string json = Samples.Document(new ApplicationBuilder().WithStatement(string.Concat(Enumerable.Repeat("children ", 300))).Build());
        Assert.True(Encoding.UTF8.GetByteCount(json) > SmallLimitsHost.MaxApplicationBytes);
        using HttpClient client = small.CreateClient();

        foreach (HttpContent content in new[] { Samples.Body(json), Samples.UndeclaredLengthBody(json) })
        {
            using (content)
            {
                using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, content);

                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Samples.Problem problem = await Samples.ReadProblemAsync(response);
                Assert.Equal(ServiceProblems.TooLarge, problem.Code);
            }
        }
    }

    [Fact]
    public async Task ABodyOfExactlyMaxApplicationBytes_IsDecided()
    {
        Application application = Samples.Eligible();
        string json = Samples.Document(application);
        json = json.Insert(1, new string(' ', SmallLimitsHost.MaxApplicationBytes - Encoding.UTF8.GetByteCount(json)));
        Assert.Equal(SmallLimitsHost.MaxApplicationBytes, Encoding.UTF8.GetByteCount(json));
        using HttpClient client = small.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.UndeclaredLengthBody(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Samples.JsonLines, SmallLimitsHost.MaxBatchBytes)]
    [InlineData(Samples.Json, SmallLimitsHost.MaxApplicationBytes)]
    public async Task ABodyDeclaredLargerThanItsLimit_Is413_BeforeItIsRead(string mediaType, int limit)
    {
        using HttpClient client = small.CreateStreamingClient();
        using ScriptedContent content = new(mediaType, declaredLength: limit + 1);

        // Nothing of the body is ever sent: an endpoint that read it would wait for ever (and the bounded wait fail).
        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, content).WaitAsync(Samples.Patience);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.TooLarge, problem.Code);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)problem.Body["detail"], StringComparison.Ordinal);
        Assert.Equal(0, content.Sent);
    }

    [Fact]
    public async Task AJsonLinesBodyOfManyLines_LargerThanMaxApplicationBytes_ButWithinMaxBatchBytes_IsDecided()
    {
        string line = Samples.Document(Samples.Eligible());
        int count = (SmallLimitsHost.MaxApplicationBytes / line.Length) + 2;
        string body = string.Concat(Enumerable.Repeat(line + "\n", count));
        Assert.InRange(Encoding.UTF8.GetByteCount(body), SmallLimitsHost.MaxApplicationBytes + 1, SmallLimitsHost.MaxBatchBytes);
        using HttpClient client = small.CreateClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(body, Samples.JsonLines));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, Samples.Lines(await response.Content.ReadAsStringAsync()).Count(l => l["decision"] is not null));
    }

    [Fact]
    public async Task Policies_ListsEveryBuiltInPolicy_WithItsVersionAndEffectiveDates()
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(Samples.Policies);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Samples.Json, response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync();
        JsonArray listed = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(BuiltInPolicies.All.Length, listed.Count);
        for (int i = 0; i < listed.Count; i++)
        {
            EligibilityPolicy policy = BuiltInPolicies.All[i];
            Assert.Equal(policy.Id, (string?)listed[i]!["id"]);
            Assert.Equal(policy.Version, (int)listed[i]!["version"]!);
            Assert.Equal(DateText(policy.EffectiveFrom), (string?)listed[i]!["effectiveFrom"]);
            Assert.Equal(DateText(policy.EffectiveTo!.Value), (string?)listed[i]!["effectiveTo"]);
        }

        Assert.Equal(BuiltInPolicies.All, PolicyDocument.Parse(body).GetValueOrThrow());
    }

    [Fact]
    public async Task APolicy_IsListedByItsIdentifier_AsAnArrayOfItsVersions()
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(Samples.Policies + "/aspirant-2021-22");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Single(JsonNode.Parse(body)!.AsArray());
        Assert.Equal([BuiltInPolicies.Year2], PolicyDocument.Parse(body).GetValueOrThrow());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/aspirant-2021-22")]
    [InlineData("/aspirant-2022-23")]
    public async Task Policies_CarryAnEntityTagOfTheirBytes_AndAreNotSentAgainToAClientThatHoldsThem(string path)
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage first = await client.GetAsync(Samples.Policies + path);
        byte[] body = await first.Content.ReadAsByteArrayAsync();
        EntityTagHeaderValue tag = first.Headers.ETag!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(tag.IsWeak);
        Assert.Equal("\"" + Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 16)) + "\"", tag.Tag);
        Assert.True(first.Headers.CacheControl!.NoCache);

        // Unchanged: 304 with the same tag and no body, whether the client names the tag strong, weak, among others, or *.
        foreach (string ifNoneMatch in (string[])[tag.Tag, "W/" + tag.Tag, "\"other\", " + tag.Tag, "*"])
        {
            using HttpRequestMessage again = new(HttpMethod.Get, Samples.Policies + path);
            again.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            using HttpResponseMessage notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(tag, notModified.Headers.ETag);
            Assert.True(notModified.Headers.CacheControl!.NoCache);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // Another tag: the document again, the same bytes.
        using HttpRequestMessage other = new(HttpMethod.Get, Samples.Policies + path);
        other.Headers.TryAddWithoutValidation("If-None-Match", "\"other\", W/\"" + tag.Tag[1..^1] + "x\"");
        using HttpResponseMessage sent = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(body, await sent.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, sent.Headers.ETag);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"unterminated")]
    [InlineData("W/")]
    [InlineData(",,,")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("W/\"other\"")]
    public async Task AnIfNoneMatchThatNamesNoTagOfTheDocument_GetsTheDocument(string ifNoneMatch)
    {
        using HttpClient client = host.CreateClient();
        using HttpRequestMessage request = new(HttpMethod.Get, Samples.Policies);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BuiltInPolicies.All, PolicyDocument.Parse(await response.Content.ReadAsStringAsync()).GetValueOrThrow());
    }

    [Fact]
    public async Task UnderTheHostsResponseCompression_APolicyDocumentKeepsItsTag_AndIsNotSentAgain()
    {
        await using EligibilityFactory factory = new(null, services =>
        {
            Microsoft.AspNetCore.Builder.ResponseCompressionServicesExtensions.AddResponseCompression(services, options => options.MimeTypes = [Samples.JsonLines, Samples.Json]);
            services.AddTransient<IStartupFilter, CompressionFirst>();
        });
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage plain = await client.GetAsync(Samples.Policies);
        using HttpRequestMessage compressedRequest = new(HttpMethod.Get, Samples.Policies);
        compressedRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using HttpResponseMessage compressed = await client.SendAsync(compressedRequest);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        using (GZipStream unzipped = new(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (MemoryStream bytes = new())
        {
            await unzipped.CopyToAsync(bytes);
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), bytes.ToArray());
        }

        using HttpRequestMessage again = new(HttpMethod.Get, Samples.Policies);
        again.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        again.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
        using HttpResponseMessage notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task PolicyDocuments_OfOtherPolicies_HaveOtherEntityTags()
    {
        EligibilityPolicy mine = new("test-2021-22", 3, "2021/22", new LocalDate(2021, 1, 1), null, "A test's own policy", BuiltInPolicies.Year2.Rule, []);
        await using EligibilityFactory factory = new(null, services => services.AddSingleton<IEligibilityDecider>(new RecordingDecider(PolicyRegistry.Create([mine]).GetValueOrThrow())));
        using HttpClient mineClient = factory.CreateClient();
        using HttpClient builtInClient = host.CreateClient();

        EntityTagHeaderValue?[] tags =
        [
            (await builtInClient.GetAsync(Samples.Policies)).Headers.ETag,
            (await builtInClient.GetAsync(Samples.Policies + "/aspirant-2020-21")).Headers.ETag,
            (await builtInClient.GetAsync(Samples.Policies + "/aspirant-2021-22")).Headers.ETag,
            (await builtInClient.GetAsync(Samples.Policies + "/aspirant-2022-23")).Headers.ETag,
            (await mineClient.GetAsync(Samples.Policies)).Headers.ETag,
        ];

        Assert.All(tags, Assert.NotNull);
        Assert.Equal(tags.Length, tags.Distinct().Count());
    }

    [Theory]
    [InlineData("no-such-policy")]
    [InlineData("ASPIRANT-2021-22")]
    [InlineData("aspirant-2021-22%20")]
    public async Task AnUnknownPolicy_Is404(string id)
    {
        using HttpClient client = host.CreateClient();

        using HttpResponseMessage response = await client.GetAsync(Samples.Policies + "/" + id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response);
        Assert.Equal(ServiceProblems.PolicyNotFound, problem.Code);
    }

    [Fact]
    public async Task TheHostsDecider_ReplacedByATestsOwn_IsWhatTheEndpointsUse()
    {
        EligibilityPolicy mine = new("test-2021-22", 3, "2021/22", new LocalDate(2021, 1, 1), null, "A test's own policy", BuiltInPolicies.Year2.Rule, []);
        RecordingDecider decider = new(PolicyRegistry.Create([mine]).GetValueOrThrow());
        await using EligibilityFactory factory = new(null, services => services.AddSingleton<IEligibilityDecider>(decider));
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage decided = await client.PostAsync(Samples.Decisions + "?asOf=2021-07-01", Samples.Body(Samples.Document(Samples.Eligible())));
        using HttpResponseMessage listed = await client.GetAsync(Samples.Policies);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        JsonNode decision = JsonNode.Parse(await decided.Content.ReadAsStringAsync())!;
        Assert.Equal("test-2021-22", (string?)decision["policy"]!["id"]);
        Assert.Equal(3, (int)decision["policy"]!["version"]!);
        Assert.Equal([new DecisionScope(null, null, new LocalDate(2021, 7, 1))], decider.Scopes);
        Assert.Equal([mine], PolicyDocument.Parse(await listed.Content.ReadAsStringAsync()).GetValueOrThrow());
    }

    [Fact]
    public async Task ADeciderRegisteredBeforeAddUponEligibility_IsKept_AndUsedByTheEndpoints_InAHostOfItsOwn()
    {
        EligibilityPolicy mine = new("test-2021-22", 2, "2021/22", new LocalDate(2021, 1, 1), null, "A test's own policy", BuiltInPolicies.Year2.Rule, []);
        RecordingDecider decider = new(PolicyRegistry.Create([mine]).GetValueOrThrow());
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IEligibilityDecider>(decider);
        builder.Services.AddUponEligibility();
        await using WebApplication app = builder.Build();
        app.MapUponEligibility("/eligibility");
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage decided = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.Eligible())));

        Assert.Same(decider, app.Services.GetRequiredService<IEligibilityDecider>());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("test-2021-22", (string?)JsonNode.Parse(await decided.Content.ReadAsStringAsync())!["policy"]!["id"]);
        Assert.Equal([DecisionScope.Default], decider.Scopes);

        // This host has no problem details service (no AddProblemDetails): the problems are written all the same.
        using HttpResponseMessage invalid = await client.PostAsync(Samples.Decisions, Samples.Body("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(invalid);
        Assert.Equal(ServiceProblems.InvalidDocument, problem.Code);
        Assert.Contains(("$.id", DocumentProblemCodes.Required), problem.Errors);
        using HttpResponseMessage unsupported = await client.PostAsync(Samples.Decisions, Samples.Body("{}", "text/plain"));
        Assert.Equal(ServiceProblems.UnsupportedMediaType, (await Samples.ReadProblemAsync(unsupported)).Code);
        await app.StopAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Problems_AreWritten_InAHostWhoseJsonOptionsResolveNoTypeByReflection(bool problemDetailsService)
    {
        // As in a trimmed or native AOT host (CreateSlimBuilder turns reflection-based serialization off): the host's
        // JSON options resolve only the types a source-generated context names. tests/Upon.Core.AspNetCore.AotHost does
        // the same compiled with native AOT (NativeAotTests).
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver = JsonTypeInfoResolver.Combine());
        if (problemDetailsService)
        {
            builder.Services.AddProblemDetails();
        }

        builder.Services.AddUponEligibility();
        await using WebApplication app = builder.Build();
        app.MapUponEligibility("/eligibility");
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage invalid = await client.PostAsync(Samples.Decisions, Samples.Body("{}"));
        using HttpResponseMessage missing = await client.GetAsync(Samples.Policies + "/no-such-policy");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(invalid);
        Assert.Equal(ServiceProblems.InvalidDocument, problem.Code);
        Assert.Contains(("$.id", DocumentProblemCodes.Required), problem.Errors);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(ServiceProblems.PolicyNotFound, (await Samples.ReadProblemAsync(missing)).Code);
        await app.StopAsync();
    }

    private static LocalDate IsoDate(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private static string DateText(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
