using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>
/// A request body the test writes piece by piece while the request runs (TestServer streams request and response at
/// once): each <see cref="Write"/> is sent and flushed when it is made, and the body ends at <see cref="Complete"/>.
/// No length is declared unless one is given.
/// </summary>
internal sealed class ScriptedContent : HttpContent
{
    private readonly Channel<byte[]> pieces = Channel.CreateUnbounded<byte[]>();
    private readonly long? declaredLength;
    private int sent;

    public ScriptedContent(string mediaType = "application/x-ndjson", long? declaredLength = null)
    {
        Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType + "; charset=utf-8");
        this.declaredLength = declaredLength;
        Headers.ContentLength = declaredLength;
    }

    /// <summary>How many pieces have been written to the request so far.</summary>
    public int Sent => Volatile.Read(ref sent);

    /// <summary>Sends <paramref name="text"/> (UTF-8) as the next piece of the body.</summary>
    public void Write(string text) => pieces.Writer.TryWrite(Encoding.UTF8.GetBytes(text));

    /// <summary>Ends the body.</summary>
    public void Complete() => pieces.Writer.TryComplete();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await foreach (byte[] piece in pieces.Reader.ReadAllAsync(cancellationToken))
        {
            await stream.WriteAsync(piece, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            Interlocked.Increment(ref sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declaredLength ?? -1;
        return declaredLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
        }

        base.Dispose(disposing);
    }
}
