using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
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
/// <c>AddUponEligibility()</c> and <c>MapUponEligibility()</c> set it up, and its logging off. The clients read the
/// response while they send, as a client streaming its applications does: HttpClient over HTTP/2 without TLS, with a
/// request body of its own type (its own <c>ByteArrayContent</c> and <c>StreamContent</c> are sent whole before the
/// response is read, as everything is over HTTP/1.1; the endpoint then holds the answers until the client reads, which
/// works but is not what this measures), and for <see cref="EndpointHttp11"/> a bare socket speaking HTTP/1.1.
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
    private IPEndPoint? http11;
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
    public long InProcessWritingRecords() => DecideAndWrite(DecisionDetail.Full);

    /// <summary>
    /// As <see cref="InProcessWritingRecords"/>, each decision written as its summary
    /// (<see cref="DecisionDetail.Summary"/>: no explanation, no fingerprint), as the endpoint answers a client that
    /// sends <c>Prefer: return=minimal</c>.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public long InProcessWritingSummaries() => DecideAndWrite(DecisionDetail.Summary);

    /// <summary>The corpus posted to the endpoint as one JSON Lines request, the whole response read.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> Endpoint() => PostAsync(clients[0]);

    /// <summary>As <see cref="Endpoint"/>, asking for summaries (<c>Prefer: return=minimal</c>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> EndpointSummaries() => PostAsync(clients[0], minimal: true);

    /// <summary>
    /// As <see cref="Endpoint"/> over HTTP/1.1 (as <c>upon serve</c> listens, and as most clients and proxies speak),
    /// with a client on a bare socket that reads the response while it sends, as curl does: Content-Length request,
    /// chunked response.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> EndpointHttp11() => PostHttp11Async();

    /// <summary>As <see cref="EndpointHttp11"/>, asking for summaries (<c>Prefer: return=minimal</c>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Task<long> EndpointHttp11Summaries() => PostHttp11Async(minimal: true);

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
        long[] written = await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(() => DecideAndWrite(DecisionDetail.Full))));
        return written.Sum();
    }

    /// <summary>The corpus posted on four connections at once, each response read whole.</summary>
    [Benchmark(OperationsPerInvoke = Count * Connections)]
    public async Task<long> EndpointFourConnections()
    {
        long[] lines = await Task.WhenAll(clients.Select(client => PostAsync(client)));
        return lines.Sum();
    }

    /// <summary>As <see cref="EndpointFourConnections"/>, asking for summaries (<c>Prefer: return=minimal</c>).</summary>
    [Benchmark(OperationsPerInvoke = Count * Connections)]
    public async Task<long> EndpointFourConnectionsSummaries()
    {
        long[] lines = await Task.WhenAll(clients.Select(client => PostAsync(client, minimal: true)));
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

    private static long DecideAndWrite(DecisionDetail detail)
    {
        ArrayBufferWriter<byte> output = new(64 * 1024);
        using Utf8JsonWriter writer = new(output, EndpointWriting);
        long written = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> record in new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream, BatchFormat.JsonLines))
        {
            writer.Reset();
            DecisionDocument.WriteRecord(writer, record, detail);
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
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Logging.ClearProviders();
        builder.Services.AddUponEligibility();
        app = builder.Build();
        app.MapUponEligibility();
        await app.StartAsync();

        string[] addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        decisions = new Uri(new Uri(addresses[0]), "/eligibility/decisions");
        Uri second = new(addresses[1]);
        http11 = new IPEndPoint(IPAddress.Loopback, second.Port);
        clients = [.. Enumerable.Range(0, Connections).Select(_ => new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromMinutes(5) })];

        // Every line answered, and as many decisions as in process: the endpoint does the same work.
        foreach (bool minimal in new[] { false, true })
        {
            long lines = await PostAsync(clients[0], minimal);
            if (lines != Count)
            {
                throw new InvalidOperationException($"The endpoint answered {lines} lines for {Count} applications.");
            }

            long http11Lines = await PostHttp11Async(minimal);
            if (http11Lines != Count)
            {
                throw new InvalidOperationException($"The endpoint answered {http11Lines} lines over HTTP/1.1 for {Count} applications.");
            }
        }
    }

    /// <summary>
    /// Posts the corpus over HTTP/1.1 on a socket of its own, sending on one task while it reads the response on this
    /// one; returns the number of lines of the response body (decoded from its chunks).
    /// </summary>
    private async Task<long> PostHttp11Async(bool minimal = false)
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(http11!);
        await using NetworkStream stream = new(socket, ownsSocket: false);
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /eligibility/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {UponEligibilityEndpoints.JsonLinesMediaType}\r\n" +
            $"Content-Length: {JsonLines.Length}\r\n{(minimal ? "Prefer: return=minimal\r\n" : string.Empty)}Connection: close\r\n\r\n");
        Task sending = Task.Run(async () =>
        {
            await stream.WriteAsync(head);
            for (int start = 0; start < JsonLines.Length; start += 64 * 1024)
            {
                await stream.WriteAsync(JsonLines.AsMemory(start, Math.Min(64 * 1024, JsonLines.Length - start)));
            }
        });
        ResponseReader response = new(stream);
        try
        {
            string status = await response.ReadLineAsync();
            if (!status.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The endpoint answered {status}.");
            }

            bool chunked = false;
            for (string header = await response.ReadLineAsync(); header.Length > 0; header = await response.ReadLineAsync())
            {
                chunked |= header.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
            }

            long lines = chunked ? await response.CountChunkedLinesAsync() : await response.CountLinesToEndAsync();
            await sending;
            return lines;
        }
        finally
        {
            response.Dispose();
        }
    }

    /// <summary>Posts the corpus and reads the response to its end; returns the number of lines.</summary>
    private async Task<long> PostAsync(HttpClient client, bool minimal = false)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, decisions)
        {
            Content = new DuplexContent(JsonLines),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (minimal)
        {
            request.Headers.Add("Prefer", "return=minimal");
        }

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

    /// <summary>Reads an HTTP/1.1 response from a stream through a buffer of its own: lines of the head, then the body's lines.</summary>
    private sealed class ResponseReader(Stream stream) : IDisposable
    {
        private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int start;
        private int end;

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

        /// <summary>Reads a line ended by CRLF, without it.</summary>
        public async Task<string> ReadLineAsync()
        {
            while (true)
            {
                int at = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8);
                if (at >= 0)
                {
                    string line = Encoding.ASCII.GetString(buffer, start, at);
                    start += at + 2;
                    return line;
                }

                if (!await FillAsync())
                {
                    throw new EndOfStreamException("The response ended within a line.");
                }
            }
        }

        /// <summary>Counts the line feeds of a chunked body to its last chunk.</summary>
        public async Task<long> CountChunkedLinesAsync()
        {
            long lines = 0;
            while (true)
            {
                int size = int.Parse(await ReadLineAsync(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    return lines;
                }

                while (size > 0)
                {
                    if (start == end && !await FillAsync())
                    {
                        throw new EndOfStreamException("The response ended within a chunk.");
                    }

                    int take = Math.Min(size, end - start);
                    lines += buffer.AsSpan(start, take).Count((byte)'\n');
                    start += take;
                    size -= take;
                }

                if (await ReadLineAsync() is { Length: > 0 })
                {
                    throw new InvalidDataException("A chunk did not end with CRLF.");
                }
            }
        }

        /// <summary>Counts the line feeds of a body that runs to the end of the connection.</summary>
        public async Task<long> CountLinesToEndAsync()
        {
            long lines = buffer.AsSpan(start, end - start).Count((byte)'\n');
            start = end;
            while (await FillAsync())
            {
                lines += buffer.AsSpan(start, end - start).Count((byte)'\n');
                start = end;
            }

            return lines;
        }

        private async Task<bool> FillAsync()
        {
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            int read = await stream.ReadAsync(buffer.AsMemory(end));
            end += read;
            return read > 0;
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
