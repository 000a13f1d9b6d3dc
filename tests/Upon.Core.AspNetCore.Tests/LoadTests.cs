using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upon.Core.Eligibility;
using Xunit.Abstractions;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>The load test runs alone: its memory figures are the process's, and it uses both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelLoadGroup
{
    public const string Name = "Kestrel load";
}

/// <summary>
/// The JSON Lines endpoint on a real Kestrel (loopback, a port of the system's choosing) under 32 concurrent clients,
/// each streaming 10,000 applications in one request, one line in a hundred bad, in three rounds, while the policy
/// folder is replaced twice: once in the middle of the first round's requests and once in the middle of the second's.
/// A quarter of the clients ask for summaries (<c>Prefer: return=minimal</c>), the others for whole decisions.
/// </summary>
/// <remarks>
/// The clients speak HTTP/2 (cleartext, prior knowledge). The endpoint answers lines while it still reads the body, so
/// a client must read the response while it sends the request; HttpClient does that over HTTP/2 but not over HTTP/1.1,
/// where it sends the whole body before it reads anything. Over HTTP/1.1 a batch whose answers outgrow the sockets'
/// buffers (a few thousand applications) stops both sides: the server waits for the client to read, the client for
/// the server to read.
/// </remarks>
[Collection(KestrelLoadGroup.Name)]
public sealed class KestrelLoadTests(ITestOutputHelper output)
{
    private const int Clients = 32;
    private const int RecordsPerClient = 10_000;
    private const int Rounds = 3;
    private const int CorpusSize = 3_000;

    /// <summary>The line the bodies stop before while the folder is replaced.</summary>
    private const int PauseBeforeLine = (RecordsPerClient / 2) + 1;

    /// <summary>How far the heap after the last round may be above the heap after the first.</summary>
    private const long HeapGrowthBound = 32L * 1024 * 1024;

    /// <summary>The whole test, every wait in it included: past this it fails rather than hangs.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>How long a replaced policy folder may take to be loaded (the reload delay is 100 ms).</summary>
    private static readonly TimeSpan ReloadLimit = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ThirtyTwoClients_TenThousandApplicationsEach_ThreeRounds_WhileThePoliciesAreReplacedTwice()
    {
        using CancellationTokenSource limit = new(Limit);
        CancellationToken cancellation = limit.Token;
        Stopwatch total = Stopwatch.StartNew();

        LoadCorpus corpus = LoadCorpus.Create(CorpusSize);
        // The versions decide differently, so a decision under the wrong one cannot pass for the right one.
        Assert.True(corpus.OutcomesChanged(1, 2) > 0, "Version 2 changes no outcome of the corpus.");
        Assert.True(corpus.OutcomesChanged(2, 3) > 0, "Version 3 changes no outcome of the corpus.");
        int[][] plans = [.. Enumerable.Range(0, Clients).Select(c => corpus.Plan(c, RecordsPerClient))];
        output.WriteLine($"Corpus of {CorpusSize} applications, {corpus.BadLineCount} bad lines of {corpus.BadKinds.Length} kinds, decided under {LoadCorpus.Versions} versions: {total.Elapsed.TotalSeconds:F1} s");

        DirectoryInfo temp = Directory.CreateTempSubdirectory("upon-load-");
        try
        {
            string policies = Directory.CreateDirectory(Path.Combine(temp.FullName, "policies")).FullName;
            corpus.WritePolicies(policies, 1);
            CapturedLogs logs = new();
            WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = temp.FullName });
            // HTTP/2 without TLS (prior knowledge): HttpClient reads an HTTP/2 response while it still sends the request,
            // and not an HTTP/1.1 one (see the class's remarks).
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddProvider(logs);
            builder.Services.AddUponEligibility(options =>
            {
                options.IncludeBuiltInPolicies = false;
                options.PolicyDirectory = policies;
                options.ReloadDelay = TimeSpan.FromMilliseconds(100);
            });

            await using WebApplication app = builder.Build();
            app.MapUponEligibility();
            using LoadMeters meters = new(app.Services.GetRequiredService<IMeterFactory>());
            await app.StartAsync(cancellation);
            try
            {
                string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                Uri decisions = new(new Uri(address), "/eligibility/decisions");
                EligibilityPolicyStore store = app.Services.GetRequiredService<EligibilityPolicyStore>();
                Assert.Equal(1, CurrentVersion(store));

                HttpClient[] clients = [.. Enumerable.Range(0, Clients).Select(_ => new HttpClient(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan })];
                try
                {
                    List<long> heaps = [];
                    List<long> decidedPerRound = [];
                    List<long> problemsPerRound = [];
                    for (int round = 1; round <= Rounds; round++)
                    {
                        Stopwatch watch = Stopwatch.StartNew();
                        // Rounds 1 and 2 replace the policies while their requests are in flight; round 3 only sends.
                        int? replaceWith = round < LoadCorpus.Versions ? round + 1 : null;
                        LoadPause? pause = replaceWith is null ? null : new LoadPause(Clients, PauseBeforeLine);
                        LoadResponse[] responses = [.. Enumerable.Range(0, Clients).Select(c => new LoadResponse(corpus, plans[c], $"Round {round}, client {c}", c % 4 == 3 ? DecisionDetail.Summary : DecisionDetail.Full))];
                        Task[] requests = [.. Enumerable.Range(0, Clients).Select(c => SendAsync(clients[c], decisions, new LoadBody(corpus, plans[c], pause, responses[c].FirstLine), responses[c], cancellation))];
                        Task all = Task.WhenAll(requests);
                        if (pause is not null && replaceWith is int version)
                        {
                            // Every request has sent half its applications and had decisions back when the folder is replaced.
                            await Task.WhenAny(pause.AllWaiting, all).WaitAsync(cancellation);
                            if (all.IsCompleted)
                            {
                                await all;
                                Assert.Fail("The requests finished without pausing.");
                            }

                            corpus.WritePolicies(policies, version);
                            await WaitForVersionAsync(store, version, cancellation);
                            pause.Release();
                        }

                        await all.WaitAsync(cancellation);
                        TimeSpan elapsed = watch.Elapsed;

                        for (int c = 0; c < Clients; c++)
                        {
                            LoadResponse response = responses[c];
                            int bad = plans[c].Count(entry => entry < 0);
                            Assert.Equal(RecordsPerClient, response.Lines);
                            Assert.Equal(RecordsPerClient, response.Decisions + response.Problems);
                            Assert.Equal(bad, response.Problems);
                            // A request decides under the policies of the moment it began, however they change while it runs.
                            Assert.Equal([round], response.Versions.Order());
                        }

                        decidedPerRound.Add(responses.Sum(r => (long)r.Decisions));
                        problemsPerRound.Add(responses.Sum(r => (long)r.Problems));
                        heaps.Add(HeapAfterFullCollection());
                        output.WriteLine($"Round {round}: {Clients} × {RecordsPerClient:N0} records in {elapsed.TotalSeconds:F1} s ({Clients * RecordsPerClient / elapsed.TotalSeconds:N0} a second), heap after a full collection {heaps[^1] / (1024.0 * 1024.0):F1} MiB");
                    }

                    // The metrics counted every answer once, under the version that made it, from 32 clients at once.
                    Assert.Equal(decidedPerRound, Enumerable.Range(1, Rounds).Select(meters.DecidedUnder));
                    Assert.Equal(problemsPerRound.Sum(), meters.RefusedRecords);
                    Assert.Equal((Clients * Rounds, (long)Clients * Rounds * RecordsPerClient), meters.Batches);
                    Assert.Equal(0, meters.RefusedLoads);
                    Assert.True(meters.Loads >= LoadCorpus.Versions, $"{meters.Loads} policy loads were measured for {LoadCorpus.Versions} versions.");

                    // After the last replacement a new request decides under the last version.
                    int last = LoadCorpus.Versions;
                    Assert.Equal(last, CurrentVersion(store));
                    await DecideOneAsync(clients[0], decisions, corpus, last, cancellation);

                    long growth = heaps[^1] - heaps[0];
                    Assert.True(growth <= HeapGrowthBound, $"The heap grew by {growth:N0} bytes from the first round to the last (bound {HeapGrowthBound:N0}): {string.Join(", ", heaps.Select(h => h.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}.");
                }
                finally
                {
                    foreach (HttpClient client in clients)
                    {
                        client.Dispose();
                    }
                }

                Assert.Empty(logs.Errors);
            }
            finally
            {
                using CancellationTokenSource stopping = new(TimeSpan.FromSeconds(30));
                await app.StopAsync(stopping.Token);
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }

        output.WriteLine($"Whole test: {total.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task SendAsync(HttpClient client, Uri decisions, LoadBody body, LoadResponse response, CancellationToken cancellation)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, decisions) { Content = body, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (response.Detail == DecisionDetail.Summary)
        {
            request.Headers.Add("Prefer", "return=minimal");
        }

        using HttpResponseMessage answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(response.Detail == DecisionDetail.Summary, answer.Headers.Contains("Preference-Applied"));
        Assert.Equal(UponEligibilityEndpoints.JsonLinesMediaType, answer.Content.Headers.ContentType?.MediaType);
        await using Stream stream = await answer.Content.ReadAsStreamAsync(cancellation);
        await response.ReadAsync(stream, cancellation);
    }

    /// <summary>One application as <c>application/json</c>: its decision is the in-process one under <paramref name="version"/>.</summary>
    private static async Task DecideOneAsync(HttpClient client, Uri decisions, LoadCorpus corpus, int version, CancellationToken cancellation)
    {
        using ByteArrayContent content = new(corpus.Line(0));
        content.Headers.ContentType = new MediaTypeHeaderValue(UponEligibilityEndpoints.JsonMediaType);
        using HttpRequestMessage request = new(HttpMethod.Post, decisions) { Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using HttpResponseMessage answer = await client.SendAsync(request, cancellation);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using System.Text.Json.JsonDocument actual = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsByteArrayAsync(cancellation));
        using System.Text.Json.JsonDocument expected = System.Text.Json.JsonDocument.Parse(corpus.ExpectedDecision(0, version).ToArray());
        Assert.True(System.Text.Json.JsonElement.DeepEquals(actual.RootElement, expected.RootElement), $"The last request's decision is not the one under version {version}: {actual.RootElement.GetRawText()}");
    }

    private static int? CurrentVersion(EligibilityPolicyStore store) => store.Current.Registry.FindById(BuiltInPolicies.Year2.Id)?.Version;

    /// <summary>Waits until the store has loaded <paramref name="version"/>: at most a minute, and within the test's limit.</summary>
    private static async Task WaitForVersionAsync(EligibilityPolicyStore store, int version, CancellationToken cancellation)
    {
        using CancellationTokenSource reload = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        reload.CancelAfter(ReloadLimit);
        try
        {
            while (CurrentVersion(store) != version)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), reload.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Assert.Fail($"The policy folder was replaced by version {version}, but the store still has version {CurrentVersion(store)} after {ReloadLimit.TotalSeconds} s.");
        }

        // Every policy of the folder is of that version: the document was swapped in whole.
        Assert.All(store.Current.Registry.Policies, policy => Assert.Equal(version, policy.Version));
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Keeps what the host logs at error or above (a refused reload, an exception in a request).</summary>
    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> errors = new();

        public IReadOnlyCollection<string> Errors => errors;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{logLevel} {eventId.Name}: {formatter(state, exception)} {exception}");
            }
        }

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// The eligibility metrics of one host (its <see cref="IMeterFactory"/>), added up as they are measured: decisions
    /// by policy version, refused records, JSON Lines batches and their records, policy loads.
    /// </summary>
    private sealed class LoadMeters : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<int, long> decided = new();
        private long refusedRecords;
        private long batches;
        private long batchRecords;
        private long loads;
        private long refusedLoads;

        public LoadMeters(IMeterFactory factory)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == UponEligibilityMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>(Measured);
            listener.Start();
        }

        public long RefusedRecords => Interlocked.Read(ref refusedRecords);

        public (long Count, long Records) Batches => (Interlocked.Read(ref batches), Interlocked.Read(ref batchRecords));

        public long Loads => Interlocked.Read(ref loads);

        public long RefusedLoads => Interlocked.Read(ref refusedLoads);

        public long DecidedUnder(int version) => decided.GetValueOrDefault(version);

        public void Dispose() => listener.Dispose();

        private void Measured(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            switch (instrument.Name)
            {
                case UponEligibilityMetrics.Decisions:
                    foreach (KeyValuePair<string, object?> tag in tags)
                    {
                        if (tag.Key == UponEligibilityMetrics.PolicyVersionTag && tag.Value is int version)
                        {
                            decided.AddOrUpdate(version, value, (_, sum) => sum + value);
                        }
                    }

                    break;
                case UponEligibilityMetrics.RefusedRecords:
                    Interlocked.Add(ref refusedRecords, value);
                    break;
                case UponEligibilityMetrics.BatchSize:
                    Interlocked.Increment(ref batches);
                    Interlocked.Add(ref batchRecords, value);
                    break;
                case UponEligibilityMetrics.PolicyLoads:
                    bool refused = tags.ToArray().Any(t => t.Key == UponEligibilityMetrics.LoadResultTag && (string?)t.Value == "refused");
                    Interlocked.Increment(ref refused ? ref refusedLoads : ref loads);
                    break;
            }
        }
    }
}
