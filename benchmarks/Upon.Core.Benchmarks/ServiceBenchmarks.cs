using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upon.Core.AspNetCore;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Decisions a second through the JSON Lines endpoint of Upon.Core.AspNetCore on a real Kestrel (loopback), against
/// deciding the same bytes in process: the 10,000 distinct applications of the varied corpus
/// (<see cref="Upon.Core.Testing.ApplicationCorpus"/>, seed 13) posted as one request by <see cref="HttpClient"/>,
/// the whole response read. Target: the endpoint at least 0.5× the throughput of the baseline,
/// <c>new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream, BatchFormat.JsonLines)</c> consumed fully. Figures
/// are per application.
/// </summary>
/// <remarks>
/// <para>
/// The server runs in this process (started once, in the global setup), with the built-in policies, as
/// <c>AddUponEligibility()</c> and <c>MapUponEligibility()</c> set it up, and its logging off. The client speaks HTTP/2
/// without TLS, with a request body of its own type: the endpoint answers while it reads, and HttpClient reads a
/// response while it still sends only over HTTP/2 and only for a body that allows it (its own
/// <c>ByteArrayContent</c> and <c>StreamContent</c> do not); over HTTP/1.1 it sends the whole body first, and a batch
/// this size then stops both sides.
/// </para>
/// <para>
/// The rows between say where the time goes. <see cref="InProcessFingerprinted"/> also reads each decision's
/// fingerprint, which a decision works out only when asked; <see cref="InProcessWritingRecords"/> writes each record as
/// the endpoint does, to memory (fingerprint, every result's message and figures, the JSON): the endpoint's work
/// without HTTP, and the baseline of what HTTP costs. The four-way rows post the corpus on four connections at once
/// (and decide it on four threads), as several clients of a service would; their figure is per application of the
/// 40,000.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class ServiceBenchmarks
{
    private const int Count = Corpora.ApplicationCount;
    private const int Connections = 4;

    private static readonly byte[] JsonLines = Corpora.ApplicationJsonLines;
    private static readonly JsonWriterOptions EndpointWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private WebApplication? app;
    private Uri? decisions;
    private HttpClient[] clients = [];

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop()
    {
        foreach (HttpClient client in clients)
        {
            client.Dispose();
        }

        if (app is not null)
        {
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The baseline: the corpus decided in process, as a stream of JSON Lines, every record consumed.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int InProcess() => Decide();

    /// <summary>As <see cref="InProcess"/>, with each decision's fingerprint (hashes of the application and the policy) read: a decision works it out when first asked.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int InProcessFingerprinted()
    {
        int fingerprinted = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> record in new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream, BatchFormat.JsonLines))
        {
            fingerprinted += record.Value?.Fingerprint is null ? 0 : 1;
        }

        return fingerprinted;
    }

    /// <summary>
    /// As <see cref="InProcess"/>, each record also written as the endpoint writes it (to memory, a line at a time): the
    /// endpoint's work without HTTP. Writing reads the fingerprint and every result's message and figures.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long InProcessWritingRecords() => DecideAndWrite();

    /// <summary>The corpus posted to the endpoint as one JSON Lines request, the whole response read.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> Endpoint() => PostAsync(clients[0]);

    /// <summary>The corpus decided in process on four threads at once (the baseline of <see cref="EndpointFourConnections"/>).</summary>
    [Benchmark(OperationsPerInvoke = Count * Connections)]
    public async Task<int> InProcessFourThreads()
    {
        int[] decided = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(Decide)));
        return decided.Sum();
    }

    /// <summary>As <see cref="InProcessWritingRecords"/> on four threads at once.</summary>
    [Benchmark(OperationsPerInvoke = Count * Connections)]
    public async Task<long> InProcessWritingRecordsFourThreads()
    {
        long[] written = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(DecideAndWrite)));
        return written.Sum();
    }

    /// <summary>The corpus posted on four connections at once, each response read whole.</summary>
    [Benchmark(OperationsPerInvoke = Count * Connections)]
    public async Task<long> EndpointFourConnections()
    {
        long[] lines = await Task.WhenAll(clients.Select(PostAsync));
        return lines.Sum();
    }

    private static int Decide()
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> record in new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream, BatchFormat.JsonLines))
        {
            decided += record.IsValid ? 1 : 0;
        }

        return decided;
    }

    private static long DecideAndWrite()
    {
        ArrayBufferWriter<byte> output = new(64 * 1024);
        using Utf8JsonWriter writer = new(output, EndpointWriting);
        long written = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> record in new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream, BatchFormat.JsonLines))
        {
            writer.Reset();
            DecisionDocument.WriteRecord(writer, record);
            writer.Flush();
            output.GetSpan(1)[0] = (byte)'\n';
            output.Advance(1);
            if (output.WrittenCount >= 32 * 1024)
            {
                written += output.WrittenCount;
                output.ResetWrittenCount();
            }
        }

        return written + output.WrittenCount;
    }

    private async Task StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddUponEligibility();
        app = builder.Build();
        app.MapUponEligibility();
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        decisions = new Uri(new Uri(address), "/eligibility/decisions");
        clients = [.. Enumerable.Range(0, Connections).Select(_ => new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(5) })];

        // Every line answered, and as many decisions as in process: the endpoint does the same work.
        long lines = await PostAsync(clients[0]);
        if (lines != Count)
        {
            throw new InvalidOperationException($"The endpoint answered {lines} lines for {Count} applications.");
        }
    }

    /// <summary>Posts the corpus and reads the response to its end; returns the number of lines.</summary>
    private async Task<long> PostAsync(HttpClient client)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, decisions)
        {
            Content = new DuplexContent(JsonLines),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using Stream body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long lines = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The bytes as a request body HttpClient may send while it reads the response (over HTTP/2): its built-in contents
    /// make it send the whole body before it returns the response, which a streaming endpoint never finishes answering.
    /// </summary>
    private sealed class DuplexContent : HttpContent
    {
        private const int Chunk = 64 * 1024;
        private readonly byte[] bytes;

        public DuplexContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(UponEligibilityEndpoints.JsonLinesMediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (int start = 0; start < bytes.Length; start += Chunk)
            {
                await stream.WriteAsync(bytes.AsMemory(start, Math.Min(Chunk, bytes.Length - start)), cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
