using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// A JSON Lines request body written line by line as it is sent (chunked, no length), from a client's plan of corpus
/// and bad lines: 32 clients send about 14 MB each without any of it held whole. With a <see cref="LoadPause"/>, it
/// stops before one line until the test lets it go on.
/// </summary>
internal sealed class LoadBody : HttpContent
{
    private const int BufferBytes = 64 * 1024;

    private readonly LoadCorpus corpus;
    private readonly int[] plan;
    private readonly LoadPause? pause;
    private readonly Task answered;

    /// <param name="corpus">Where the lines come from.</param>
    /// <param name="plan">The entries of the lines, in order (<see cref="LoadCorpus.Plan"/>).</param>
    /// <param name="pause">Where to stop, or null to send the whole body at once.</param>
    /// <param name="answered">Completes when the response has its first line: the pause waits for it as well.</param>
    public LoadBody(LoadCorpus corpus, int[] plan, LoadPause? pause, Task answered)
    {
        this.corpus = corpus;
        this.plan = plan;
        this.pause = pause;
        this.answered = answered;
        Headers.ContentType = new MediaTypeHeaderValue(UponEligibilityEndpoints.JsonLinesMediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[BufferBytes];
        int used = 0;
        for (int i = 0; i < plan.Length; i++)
        {
            if (pause is not null && i == pause.BeforeLine - 1)
            {
                // Everything before the pause goes out, and the server has begun answering (so it has begun deciding
                // under the policies of that moment) before this client counts as waiting.
                await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                await stream.FlushAsync(cancellationToken);
                used = 0;
                await answered.WaitAsync(cancellationToken);
                await pause.WaitAsync(cancellationToken);
            }

            byte[] line = corpus.Line(plan[i]);
            if (used + line.Length + 1 > buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                used = 0;
                if (line.Length + 1 > buffer.Length)
                {
                    buffer = new byte[line.Length + 1];
                }
            }

            line.CopyTo(buffer.AsSpan(used));
            used += line.Length;
            buffer[used++] = (byte)'\n';
        }

        await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>
/// Holds a round's request bodies before one line until every client has reached it, so that the test can replace the
/// policies while every request is part sent and part answered, then lets them all go on.
/// </summary>
internal sealed class LoadPause(int clients, int beforeLine)
{
    private readonly TaskCompletionSource allWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int waiting;

    /// <summary>The 1-based line each body stops before.</summary>
    public int BeforeLine { get; } = beforeLine;

    /// <summary>Completes when every client's body has stopped.</summary>
    public Task AllWaiting => allWaiting.Task;

    /// <summary>Lets the bodies go on.</summary>
    public void Release() => released.TrySetResult();

    /// <summary>Counts this client as waiting and waits to be released.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref waiting) == clients)
        {
            allWaiting.TrySetResult();
        }

        return released.Task.WaitAsync(cancellationToken);
    }
}
