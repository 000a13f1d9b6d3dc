using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upon.Core.AspNetCore.Tests.Support;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// JSON Lines are answered as they are decided: a decision goes out before the rest of the body has arrived, and a
/// client that goes away stops the work. Each test drives the body piece by piece (TestServer streams both ways) and
/// bounds every wait, so that an endpoint that buffered the body fails rather than hangs.
/// </summary>
public sealed class StreamingTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    [Fact]
    public async Task TheFirstDecision_ArrivesBeforeTheRequestBodyIsFinished()
    {
        using HttpClient client = host.CreateStreamingClient();
        using ScriptedContent content = new();
        content.Write(Samples.Document(Samples.Eligible("A-1")) + "\n");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Samples.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Samples.JsonLines, response.Content.Headers.ContentType?.MediaType);
        using StreamReader reader = new(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        JsonNode first = await ReadLineAsync(reader);

        // The body is still open (only its first line is written): the decision came out before the end of the request.
        Assert.Equal(1, content.Sent);
        Assert.Equal(1, (int)first["record"]!);
        Assert.Equal("A-1", (string?)first["decision"]!["applicationId"]);

        content.Write(Samples.Document(Samples.Eligible("A-2")) + "\n");
        JsonNode second = await ReadLineAsync(reader);
        Assert.Equal(2, (int)second["record"]!);
        Assert.Equal("A-2", (string?)second["decision"]!["applicationId"]);

        content.Write("not json\n");
        content.Complete();
        JsonNode third = await ReadLineAsync(reader);
        Assert.Equal(3, (int)third["record"]!);
        Assert.NotNull(third["errors"]);
        Assert.Null(await reader.ReadLineAsync().WaitAsync(Samples.Patience));
    }

    [Fact]
    public async Task AClientThatCancelsMidStream_StopsTheServer()
    {
        await using EligibilityFactory factory = new();
        using HttpClient client = factory.CreateStreamingClient();
        using ScriptedContent content = new();
        content.Write(Samples.Document(Samples.Eligible("A-1")) + "\n");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Samples.Patience);
        Stream stream = await response.Content.ReadAsStreamAsync();
        using (StreamReader reader = new(stream, Encoding.UTF8))
        {
            Assert.Equal(1, (int)(await ReadLineAsync(reader))["record"]!);
        }

        // The client goes away while the server waits for the next line: disposing the response aborts the request.
        response.Dispose();

        LogEntry cancelled = await factory.Logs.WaitForEventAsync("EligibilityRequestCancelled", Samples.Patience);
        Assert.Equal(LogLevel.Information, cancelled.Level);
        await factory.Logs.WaitForAsync(LogCapture.IsRequestFinished, Samples.Patience);

        // The batch never completed (it would log its summary), and the handler ended without an error.
        Assert.Empty(factory.Logs.Events("EligibilityBatchDecided"));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Single(factory.Logs.Events("EligibilityRequestCancelled"));
        Assert.Equal(1, content.Sent);
    }

    [Fact]
    public async Task UnderTheHostsResponseCompression_DecisionsStillStream_EachFlushDecodable()
    {
        // A host that compresses its responses (ResponseCompression, gzip, JSON Lines among its types): every flush of
        // the endpoint is a flush of the compressor, so the client decodes each decision as it comes.
        await using EligibilityFactory factory = new(null, services =>
        {
            services.AddResponseCompression(options => options.MimeTypes = [Samples.JsonLines, Samples.Json]);
            services.AddTransient<IStartupFilter, CompressionFirst>();
        });
        using HttpClient client = factory.CreateStreamingClient();
        using ScriptedContent content = new();
        content.Write(Samples.Document(Samples.Eligible("A-1")) + "\n");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Samples.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        using StreamReader reader = new(new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress), Encoding.UTF8);
        JsonNode first = await ReadLineAsync(reader);

        Assert.Equal(1, content.Sent);
        Assert.Equal("A-1", (string?)first["decision"]!["applicationId"]);
        content.Write("not json\n");
        content.Complete();
        Assert.NotNull((await ReadLineAsync(reader))["errors"]);
        Assert.Null(await reader.ReadLineAsync().WaitAsync(Samples.Patience));
    }

    private static async Task<JsonNode> ReadLineAsync(StreamReader reader)
    {
        string? line = await reader.ReadLineAsync().WaitAsync(Samples.Patience);
        Assert.NotNull(line);
        return JsonNode.Parse(line)!;
    }
}
