using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// Clients that do not read while they send, on a real Kestrel: .NET's <see cref="HttpClient"/> on HTTP/1.1 sends a
/// whole <see cref="ByteArrayContent"/> before it reads the response. The endpoint holds the answers the client has not
/// read (up to <see cref="UponEligibilityOptions.MaxBufferedAnswerBytes"/>) and goes on reading, so a batch whose
/// answers far outgrow the sockets' buffers (8,000 applications, about 24 MB of answers; without the buffer such a
/// client waited forever from about 5,000) is answered whole. With a small buffer, a client that reads while it sends
/// still gets every answer: deciding waits for it and resumes.
/// </summary>
public sealed class HalfDuplexClientTests
{
    private const int Applications = 8_000;

    private static readonly JsonWriterOptions EndpointWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<(byte[] Body, string[] Expected)> Batch = new(MakeBatch);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task HttpClientOnHttp11_SendingTheWholeBatchBeforeItReads_GetsEveryAnswerInOrder()
    {
        await using EligibilityFactory factory = Kestrel(HttpProtocols.Http1, settings: []);
        using HttpClient client = factory.CreateClient();
        using ByteArrayContent content = new(Batch.Value.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(UponEligibilityEndpoints.JsonLinesMediaType);

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, content).WaitAsync(Patience);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertEveryAnswer(await response.Content.ReadAsStringAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task AClientThatReadsWhileItSends_WithAnAnswerBufferOfOneBlock_GetsEveryAnswerInOrder()
    {
        await using EligibilityFactory factory = Kestrel(HttpProtocols.Http2, settings: new() { ["MaxBufferedAnswerBytes"] = "32768" });
        // The streaming client: the default one's redirect handler reads the whole body before it sends it.
        using HttpClient client = factory.CreateStreamingClient();
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions)
        {
            Content = new DuplexContent(Batch.Value.Body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertEveryAnswer(await response.Content.ReadAsStringAsync().WaitAsync(Patience));
    }

    private static void AssertEveryAnswer(string body)
    {
        string[] expected = Batch.Value.Expected;
        string[] lines = body.Split('\n');
        Assert.Equal(expected.Length + 1, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        for (int i = 0; i < expected.Length; i++)
        {
            // Not Assert.Equal on the arrays: a failure names the first record that differs, not 8,000 lines.
            Assert.True(expected[i] == lines[i], $"Record {i + 1} differs from the in-process answer.");
        }
    }

    private static EligibilityFactory Kestrel(HttpProtocols protocols, Dictionary<string, string?> settings)
    {
        EligibilityFactory factory = new(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        factory.StartServer();
        return factory;
    }

    /// <summary>The corpus's applications as JSON Lines, and each record's answer as the endpoint writes it, decided in process.</summary>
    private static (byte[] Body, string[] Expected) MakeBatch()
    {
        ImmutableArray<ApplicationSubmission> submissions = ApplicationCorpus.Generate(Applications, seed: 15);
        byte[] body = ApplicationCorpus.ToJsonLines(submissions);
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
        string[] expected = new string[submissions.Length];
        ArrayBufferWriter<byte> buffer = new();
        using Utf8JsonWriter writer = new(buffer, EndpointWriting);
        for (int i = 0; i < submissions.Length; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset();
            DecisionDocument.WriteRecord(writer, batch.Decide(submissions[i].Application, i + 1));
            writer.Flush();
            expected[i] = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        return (body, expected);
    }

    /// <summary>A body HttpClient sends on HTTP/2 while it reads the response (its own contents are sent whole first).</summary>
    private sealed class DuplexContent : HttpContent
    {
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
            for (int start = 0; start < bytes.Length; start += 16 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(start, Math.Min(16 * 1024, bytes.Length - start)), cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
