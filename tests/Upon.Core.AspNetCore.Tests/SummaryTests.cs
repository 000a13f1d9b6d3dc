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
using Microsoft.Extensions.Primitives;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

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
    [InlineData("return=representation")]
    [InlineData("return=representation, return=minimal")]
    [InlineData("respond-async")]
    [InlineData("x=\"a, return=minimal\"")]
    [InlineData("returned=minimal")]
    public async Task AnyOtherPreference_GetsTheWholeDecision(string? prefer)
    {
        Application application = Samples.Ineligible();

        using HttpResponseMessage response = await PostAsync(Samples.Document(application), Samples.Json, prefer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Preference-Applied"));
        Assert.Contains("Prefer", response.Headers.Vary);
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(application), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
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
    [InlineData(new[] { "return=minimal" }, DecisionDetail.Summary)]
    [InlineData(new[] { "wait=10", "return=minimal" }, DecisionDetail.Summary)]
    [InlineData(new[] { "return=representation", "return=minimal" }, DecisionDetail.Full)]
    [InlineData(new[] { "return" }, DecisionDetail.Full)]
    [InlineData(new[] { "return=" }, DecisionDetail.Full)]
    [InlineData(new[] { "return=minimalist" }, DecisionDetail.Full)]
    [InlineData(new[] { "return=\"minimal" }, DecisionDetail.Full)]
    [InlineData(new[] { "x=\"\\\", return=minimal\"" }, DecisionDetail.Full)]
    [InlineData(new[] { "x=\"\\\"\", return=minimal" }, DecisionDetail.Summary)]
    [InlineData(new[] { ",,\t, return=minimal ;;" }, DecisionDetail.Summary)]
    [InlineData(new[] { "return=\"minimal;\"" }, DecisionDetail.Full)]
    [InlineData(new[] { "return=minimal; x=\"a, b\"" }, DecisionDetail.Summary)]
    [InlineData(new string[0], DecisionDetail.Full)]
    public void PreferredDetail_IsThatOfTheFirstReturnPreference(string[] headers, DecisionDetail expected) =>
        Assert.Equal(expected, UponEligibilityEndpoints.PreferredDetail(new StringValues(headers)));

    /// <summary>
    /// For any preferences (tokens, with or without values, quoted or not, with parameters), in one header or spread over
    /// several: a summary exactly when the first preference named <c>return</c> (in any case) has the value
    /// <c>minimal</c> (in any case, quoted or not).
    /// </summary>
    [Property]
    public Property PreferredDetail_IsSummary_ExactlyWhenTheFirstReturnPreferenceIsMinimal() =>
        Prop.ForAll(Preferences().ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (preferences, headerCount) =>
        {
            string[] texts = [.. preferences.Select(p => p.Text)];
            string[] headers = [.. Enumerable.Range(0, headerCount)
                .Select(h => string.Join(", ", texts.Where((_, i) => i * headerCount / Math.Max(1, texts.Length) == h)))
                .Where(h => h.Length > 0)];
            Preference? first = preferences.FirstOrDefault(p => p.Name.Equals("return", StringComparison.OrdinalIgnoreCase));
            DecisionDetail expected = first is { Value: string value } && value.Equals("minimal", StringComparison.OrdinalIgnoreCase) ? DecisionDetail.Summary : DecisionDetail.Full;

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
        Gen<string?> values = Gen.Elements<string?>(null, "minimal", "MINIMAL", "Minimal", "representation", "10", "lenient", "minimal,", "a, return=minimal", "min;imal");
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
