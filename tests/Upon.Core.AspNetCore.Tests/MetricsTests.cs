using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;
using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// The metrics of <see cref="UponEligibilityMetrics"/>: every decision, refused record, refused request, JSON Lines
/// batch and policy load is measured once, with the tags the answers show, on the meter of the host's own
/// <see cref="IMeterFactory"/> (so hosts side by side, as in these tests, do not see each other's measurements).
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("upon-metrics-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task EveryAnswer_IsMeasuredOnce_WithTheTagsTheAnswersShow()
    {
        EligibilityPolicy mine = new("test-2030-31", 1, "2030/31", new LocalDate(2030, 3, 1), null, "A policy of the test's", BuiltInPolicies.Year3.Rule, []);
        string policies = Path.Combine(folder.FullName, "policies.json");
        using (FileStream file = File.Create(policies))
        {
            PolicyDocument.Write(file, [mine]);
        }

        using Measurements measured = new();
        await using WebApplication app = await OwnHost.StartAsync(new Dictionary<string, string?> { ["PolicyDirectory"] = folder.FullName, ["WatchPolicyDirectory"] = "false" }, new LogCapture());
        measured.Scope = app.Services.GetRequiredService<IMeterFactory>();
        using HttpClient client = app.GetTestClient();

        // JSON Lines: decisions of three policies and outcomes, a line that is not an application, one no policy decides.
        Application[] applications =
        [
            Samples.Eligible("A-1"),
            Samples.Ineligible("A-2"),
            Samples.Eligible("A-3"),
            Samples.For("2030/31", new LocalDate(2030, 6, 1), "A-4"),
            Samples.For("2020/21", new LocalDate(2021, 1, 15), "A-5"),
        ];
        string lines = string.Join("\n", applications.Select(a => Samples.Document(a)).Append("{\"id\": 1}").Append(Samples.Document(Samples.For("2040/41", new LocalDate(2040, 6, 1), "A-6")))) + "\n";
        using HttpResponseMessage batch = await client.PostAsync(Samples.Decisions, Samples.Body(lines, Samples.JsonLines));
        List<JsonNode> answers = Samples.Lines(await batch.Content.ReadAsStringAsync());

        // One application at a time: decided, invalid (400), undecidable (422); requests refused whole: 415, 404.
        using HttpResponseMessage one = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.Ineligible("B-1"))));
        using HttpResponseMessage invalid = await client.PostAsync(Samples.Decisions, Samples.Body("{}"));
        using HttpResponseMessage undecidable = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.For("2040/41", new LocalDate(2040, 6, 1), "B-2"))));
        using HttpResponseMessage unsupported = await client.PostAsync(Samples.Decisions, Samples.Body("{}", "text/plain"));
        using HttpResponseMessage missing = await client.GetAsync(Samples.Policies + "/no-such-policy");
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.NotFound],
            [batch.StatusCode, one.StatusCode, invalid.StatusCode, undecidable.StatusCode, unsupported.StatusCode, missing.StatusCode]);

        // Decisions: as many as the answers hold, with their outcome and policy.
        List<JsonNode> decisions = [.. answers.Where(a => a["decision"] is not null).Select(a => a["decision"]!), JsonNode.Parse(await one.Content.ReadAsStringAsync())!];
        Assert.Equal(6, decisions.Count);
        Assert.Equal(
            decisions.Select(d => $"{(string?)d["outcome"]} {(string?)d["policy"]!["id"]} {(int)d["policy"]!["version"]!}").Order(StringComparer.Ordinal),
            measured.Of(UponEligibilityMetrics.Decisions).Select(m => $"{m.Tag(UponEligibilityMetrics.OutcomeTag)} {m.Tag(UponEligibilityMetrics.PolicyIdTag)} {m.Tag(UponEligibilityMetrics.PolicyVersionTag)}").Order(StringComparer.Ordinal));
        Assert.Contains(decisions, d => (string?)d["policy"]!["id"] == mine.Id);
        Assert.True(decisions.Select(d => (string?)d["outcome"]).Distinct().Count() >= 2);
        Assert.All(measured.Of(UponEligibilityMetrics.Decisions), m => Assert.Equal(1, m.Value));

        // Records answered by their problems: two lines of the batch, and the one application of the 400 and of the 422.
        Assert.Equal(2, answers.Count(a => a["errors"] is not null));
        Assert.Equal(4, measured.Of(UponEligibilityMetrics.RefusedRecords).Sum(m => m.Value));

        // Requests refused whole, by status and code; the batch's size.
        Assert.Equal(
            ["400 request.invalid-document", "404 request.policy-not-found", "415 request.unsupported-media-type", "422 application.undecidable"],
            measured.Of(UponEligibilityMetrics.RefusedRequests).Select(m => $"{m.Tag(UponEligibilityMetrics.StatusCodeTag)} {m.Tag(UponEligibilityMetrics.ProblemCodeTag)}").Order(StringComparer.Ordinal));
        Assert.Equal([7L], measured.Of(UponEligibilityMetrics.BatchSize).Select(m => m.Value));

        // Policy loads: at start-up, a refused reload (the folder's document broken), a reload that puts a registry in place.
        EligibilityPolicyStore store = app.Services.GetRequiredService<EligibilityPolicyStore>();
        File.WriteAllText(policies, "not json");
        Assert.NotEmpty(store.Reload());
        File.Delete(policies);
        Assert.Empty(store.Reload());
        Assert.Equal(["loaded", "refused", "loaded"], measured.Of(UponEligibilityMetrics.PolicyLoads).Select(m => m.Tag(UponEligibilityMetrics.LoadResultTag)));
        await app.StopAsync();
    }

    [Fact]
    public async Task AHostSeesOnlyItsOwnMeasurements()
    {
        using Measurements measured = new();
        await using WebApplication first = await OwnHost.StartAsync(new Dictionary<string, string?>(), new LogCapture());
        await using WebApplication second = await OwnHost.StartAsync(new Dictionary<string, string?>(), new LogCapture());
        using HttpClient client = first.GetTestClient();

        using HttpResponseMessage decided = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Samples.Eligible())));

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        measured.Scope = first.Services.GetRequiredService<IMeterFactory>();
        Assert.Equal(["eligible"], measured.Of(UponEligibilityMetrics.Decisions).Select(m => m.Tag(UponEligibilityMetrics.OutcomeTag)));
        Assert.Equal(["loaded"], measured.Of(UponEligibilityMetrics.PolicyLoads).Select(m => m.Tag(UponEligibilityMetrics.LoadResultTag)));
        measured.Scope = second.Services.GetRequiredService<IMeterFactory>();
        Assert.Empty(measured.Of(UponEligibilityMetrics.Decisions));
        Assert.Equal(["loaded"], measured.Of(UponEligibilityMetrics.PolicyLoads).Select(m => m.Tag(UponEligibilityMetrics.LoadResultTag)));
        await first.StopAsync();
        await second.StopAsync();
    }

    /// <summary>One measurement: the meter's scope (the host's <see cref="IMeterFactory"/>), its value and its tags.</summary>
    private sealed record Measured(object? Scope, string Instrument, long Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string name) => Tags.SingleOrDefault(t => t.Key == name).Value?.ToString();
    }

    /// <summary>
    /// Every measurement of the eligibility meters of every host from now on; <see cref="Of"/> gives those of the host
    /// whose <see cref="IMeterFactory"/> is <see cref="Scope"/> (tests run side by side, each with its own hosts).
    /// </summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<Measured> measured = new();

        public Measurements()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == UponEligibilityMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue(new Measured(instrument.Meter.Scope, instrument.Name, value, tags.ToArray())));
            listener.Start();
        }

        public IMeterFactory? Scope { get; set; }

        public IEnumerable<Measured> Of(string instrument) => measured.Where(m => m.Instrument == instrument && ReferenceEquals(m.Scope, Scope));

        public void Dispose() => listener.Dispose();
    }
}
