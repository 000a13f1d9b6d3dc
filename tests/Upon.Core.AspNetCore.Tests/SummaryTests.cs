using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// Summaries: a client that sends <c>Prefer: return=minimal</c> (RFC 7240) gets each decision without its explanation
/// and fingerprint, as <see cref="DecisionDocument.WriteSummary"/> writes it, and is told so by
/// <c>Preference-Applied</c>; any other client gets the whole decision.
/// </summary>
public sealed class SummaryTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    public static TheoryData<string> Minimal => new() { "return=minimal", "RETURN=Minimal", "return=\"minimal\"", "respond-async, return=minimal; x=1", "return = minimal" };

    [Theory]
    [MemberData(nameof(Minimal))]
    public async Task OneApplication_PreferringMinimal_IsAnsweredWithItsSummary(string prefer)
    {
        Application application = Samples.Ineligible();
        Assert.True(PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision));

        using HttpResponseMessage response = await PostAsync(Samples.Document(application), Samples.Json, prefer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["return=minimal"], response.Headers.GetValues("Preference-Applied"));
        Assert.Contains("Prefer", response.Headers.Vary);
        JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(Samples.SummaryNode(decision), answer), answer.ToJsonString());
        Assert.Null(answer["explanation"]);
        Assert.Null(answer["fingerprint"]);
        Assert.Equal("ineligible", (string?)answer["outcome"]);
        Assert.Equal(
            [.. decision.Explanation.Causes().Select(c => (c.Code, c.Reason))],
            answer["causes"]!.AsArray().Select(c => ((string)c!["code"]!, (string)c["reason"]!)));
        Assert.NotEmpty(answer["causes"]!.AsArray());
    }

    [Fact]
    public async Task AnEligibleApplication_PreferringMinimal_HasNoCauses()
    {
        Application application = Samples.Eligible();

        using HttpResponseMessage response = await PostAsync(Samples.Document(application), Samples.Json, "return=minimal");

        JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("eligible", (string?)answer["outcome"]);
        Assert.Empty(answer["causes"]!.AsArray());
        Assert.Equal(["applicationId", "asOf", "causes", "outcome", "policy"], answer.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("respond-async")]
    [InlineData("x=\"a, return=minimal\"")]
    [InlineData("returned=minimal")]
    [InlineData("return=brief")]
    public async Task NoReturnPreference_GetsTheHostsDetail_WholeDecisionsByDefault(string? prefer)
    {
        Application application = Samples.Ineligible();

        using HttpResponseMessage response = await PostAsync(Samples.Document(application), Samples.Json, prefer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Preference-Applied"));
        Assert.Contains("Prefer", response.Headers.Vary);
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(application), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Theory]
    [InlineData("return=representation")]
    [InlineData("return=representation, return=minimal")]
    public async Task PreferringRepresentation_GetsTheWholeDecision_AndSaysSo(string prefer)
    {
        Application application = Samples.Ineligible();

        using HttpResponseMessage response = await PostAsync(Samples.Document(application), Samples.Json, prefer);

        Assert.Equal(["return=representation"], response.Headers.GetValues("Preference-Applied"));
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(application), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task AHostWhoseDetailIsSummary_AnswersSummaries_UnlessTheClientPrefersRepresentation()
    {
        await using WebApplication summaries = await OwnHost.StartAsync(new Dictionary<string, string?> { ["DecisionDetail"] = "Summary" }, new LogCapture());
        using HttpClient client = summaries.GetTestClient();
        Application application = Samples.Ineligible();
        Assert.True(PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision));

        foreach ((string? prefer, JsonNode expected, string? applied) in new (string?, JsonNode, string?)[]
        {
            (null, Samples.SummaryNode(decision), null),
            ("return=minimal", Samples.SummaryNode(decision), "return=minimal"),
            ("return=representation", Samples.DecisionNode(decision), "return=representation"),
        })
        {
            using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = Samples.Body(Samples.Document(application)) };
            if (prefer is not null)
            {
                request.Headers.TryAddWithoutValidation("Prefer", prefer);
            }

            using HttpResponseMessage response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())), prefer);
            Assert.Equal(applied is null ? [] : [applied], response.Headers.TryGetValues("Preference-Applied", out IEnumerable<string>? values) ? values : []);
        }
    }

    [Fact]
    public async Task VaryPrefer_IsAddedToWhatTheHostsMiddlewareSaid_NotInItsPlace()
    {
        Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddUponEligibility();
        await using WebApplication app = builder.Build();
        Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (context, next) =>
        {
            context.Response.Headers.Vary = "Origin";
            return next(context);
        });
        app.MapUponEligibility();
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.Eligible())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Origin", "Prefer"], response.Headers.Vary);
    }

    [Fact]
    public async Task JsonLines_PreferringMinimal_AreSummaries_AndProblemsAreAnsweredInFull()
    {
        string body = Samples.Document(Samples.Eligible("A-1")) + "\nnot json\n" + Samples.Document(Samples.Ineligible("A-3")) + "\n";

        using HttpResponseMessage response = await PostAsync(body, Samples.JsonLines, "return=minimal");

        Assert.Equal(["return=minimal"], response.Headers.GetValues("Preference-Applied"));
        List<JsonNode> lines = Samples.Lines(await response.Content.ReadAsStringAsync());
        Assert.Equal([1, 2, 3], lines.Select(l => (int)l["record"]!));
        Assert.Equal("eligible", (string?)lines[0]["decision"]!["outcome"]);
        Assert.Null(lines[0]["decision"]!["explanation"]);
        Assert.Equal("json.invalid", (string?)lines[1]["errors"]![0]!["code"]);
        Assert.Equal("ineligible", (string?)lines[2]["decision"]!["outcome"]);
        Assert.NotEmpty(lines[2]["decision"]!["causes"]!.AsArray());
    }

    [Theory]
    [InlineData(new[] { "return=minimal" }, "summary")]
    [InlineData(new[] { "wait=10", "return=minimal" }, "summary")]
    [InlineData(new[] { "return=representation", "return=minimal" }, "full")]
    [InlineData(new[] { "RETURN=\"Representation\"; x" }, "full")]
    [InlineData(new[] { "return" }, "none")]
    [InlineData(new[] { "return=" }, "none")]
    [InlineData(new[] { "return=minimalist" }, "none")]
    [InlineData(new[] { "return=\"minimal" }, "none")]
    [InlineData(new[] { "x=\"\\\", return=minimal\"" }, "none")]
    [InlineData(new[] { "x=\"\\\"\", return=minimal" }, "summary")]
    [InlineData(new[] { ",,\t, return=minimal ;;" }, "summary")]
    [InlineData(new[] { "return=\"minimal;\"" }, "none")]
    [InlineData(new[] { "return=minimal; x=\"a, b\"" }, "summary")]
    [InlineData(new string[0], "none")]
    public void PreferredDetail_IsThatOfTheFirstReturnPreference(string[] headers, string expected) =>
        Assert.Equal(
            expected switch { "summary" => DecisionDetail.Summary, "full" => DecisionDetail.Full, _ => (DecisionDetail?)null },
            UponEligibilityEndpoints.PreferredDetail(new StringValues(headers)));

    /// <summary>
    /// For any preferences (tokens, with or without values, quoted or not, with parameters), in one header or spread over
    /// several: the first preference named <c>return</c> (in any case) decides, a summary for <c>minimal</c> and the
    /// whole decision for <c>representation</c> (in any case, quoted or not); no detail otherwise.
    /// </summary>
    [Property]
    public Property PreferredDetail_IsThatOfTheFirstReturnPreference_ForAnyPreferences() =>
        Prop.ForAll(Preferences().ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (preferences, headerCount) =>
        {
            string[] texts = [.. preferences.Select(p => p.Text)];
            string[] headers = [.. Enumerable.Range(0, headerCount)
                .Select(h => string.Join(", ", texts.Where((_, i) => i * headerCount / Math.Max(1, texts.Length) == h)))
                .Where(h => h.Length > 0)];
            Preference? first = preferences.FirstOrDefault(p => p.Name.Equals("return", StringComparison.OrdinalIgnoreCase));
            DecisionDetail? expected = first?.Value switch
            {
                string value when value.Equals("minimal", StringComparison.OrdinalIgnoreCase) => DecisionDetail.Summary,
                string value when value.Equals("representation", StringComparison.OrdinalIgnoreCase) => DecisionDetail.Full,
                _ => null,
            };

            Assert.Equal(expected, UponEligibilityEndpoints.PreferredDetail(new StringValues(headers)));
        });

    private async Task<HttpResponseMessage> PostAsync(string body, string mediaType, string? prefer)
    {
        using HttpClient client = host.CreateClient();
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = Samples.Body(body, mediaType) };
        if (prefer is not null)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Prefer", prefer));
        }

        return await client.SendAsync(request);
    }

    /// <summary>Up to 5 preferences: names among return, wait, respond-async, handling and a few near misses; values minimal, representation and others, in any case, some quoted (some with commas and semicolons inside); some with parameters.</summary>
    private static Gen<Preference[]> Preferences()
    {
        Gen<string> names = Gen.Elements("return", "RETURN", "Return", "wait", "respond-async", "handling", "returns", "x-return");
        Gen<string?> values = Gen.Elements<string?>(null, "minimal", "MINIMAL", "Minimal", "representation", "Representation", "10", "lenient", "minimal,", "a, return=minimal", "min;imal");
        Gen<Preference> preference =
            from name in names
            from value in values
            from quoted in Gen.Elements(false, true)
            from parameters in Gen.Elements(string.Empty, "; a=1", ";b", "; c=\"x, y\"")
            from space in Gen.Elements(string.Empty, " ", "\t")
            let written = value is null || quoted || value.IndexOfAny([',', ';', ' ', '=']) < 0 ? value : null
            select new Preference(name, written, written is null ? name + parameters : $"{name}{space}={space}{(quoted ? "\"" + written + "\"" : written)}{parameters}");
        return Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(preference, n));
    }

    /// <summary>A preference as a client writes it, and what it means: its name and value (null when it has none).</summary>
    public sealed record Preference(string Name, string? Value, string Text)
    {
        public override string ToString() => Text;
    }
}
