using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Upon.Core.AspNetCore.Tests.Support;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// MaxBatchBytes on a real Kestrel (TestServer enforces no request body limit): a JSON Lines body whose length is not
/// declared is cut at the limit: answered 413 when nothing has been answered yet, and aborted when decisions have
/// already gone out (over HTTP/2, where the client reads the answer while it writes the body, piece by piece).
/// </summary>
public sealed class KestrelLimitTests
{
    private const int MaxBatchBytes = 16384;

    [Fact]
    public async Task ABodyWithoutADeclaredLength_ThatPassesMaxBatchBytesBeforeAnyDecision_Is413()
    {
        await using EligibilityFactory factory = Kestrel(HttpProtocols.Http1);
        using HttpClient client = factory.CreateStreamingClient();
        using ScriptedContent content = new();

        // One line longer than the batch limit (within the line limit): nothing can be decided before the limit is passed.
        content.Write("{\"moralPurposeStatement\": \"" + new string('x', MaxBatchBytes + 1000) + "\"}");
        content.Complete();
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        using HttpResponseMessage response = await client.SendAsync(request).WaitAsync(Samples.Patience);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Samples.Problem problem = await Samples.ReadProblemAsync(response).WaitAsync(Samples.Patience);
        Assert.Equal(ServiceProblems.TooLarge, problem.Code);
        Assert.Single(factory.Logs.Events("EligibilityRequestRefused"), e => e.State.Contains("Status=413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABodyWithoutADeclaredLength_ThatPassesMaxBatchBytesAfterDecisionsWentOut_IsAborted()
    {
        // HTTP/2 (cleartext, prior knowledge): a client reads the response while it still sends the body.
        await using EligibilityFactory factory = Kestrel(HttpProtocols.Http2);
        using HttpClient client = factory.CreateStreamingClient();
        using ScriptedContent content = new();
        content.Write(Samples.Document(Samples.Eligible("A-1")) + "\n");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Samples.Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using StreamReader reader = new(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        Assert.Contains("\"A-1\"", await reader.ReadLineAsync().WaitAsync(Samples.Patience), StringComparison.Ordinal);

        // The decision is out (status 200 sent): passing the limit now can only end the response early.
        content.Write(new string(' ', MaxBatchBytes) + "\n");
        content.Write(Samples.Document(Samples.Eligible("A-2")) + "\n");
        content.Complete();

        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(Samples.Patience));
        LogEntry refused = await factory.Logs.WaitForEventAsync("EligibilityRequestRefused", Samples.Patience);
        Assert.Contains("Status=413", refused.State, StringComparison.Ordinal);
        Assert.Empty(factory.Logs.Events("EligibilityBatchDecided"));
        await factory.Logs.WaitForAsync(LogCapture.IsRequestFinished, Samples.Patience);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static EligibilityFactory Kestrel(HttpProtocols protocols)
    {
        EligibilityFactory factory = new(new Dictionary<string, string?> { ["MaxBatchBytes"] = "16384" });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        factory.StartServer();
        return factory;
    }
}
