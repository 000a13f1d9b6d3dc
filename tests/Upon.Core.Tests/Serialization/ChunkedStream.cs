using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// A read-only stream over bytes that gives them in chunks of the sizes given, in turn (cycling), to both synchronous
/// and asynchronous reads: a network stream's behaviour, to show that readers do not depend on how bytes arrive.
/// It counts the reads, so that tests can see a reader stop reading.
/// </summary>
internal sealed class ChunkedStream(byte[] bytes, params int[] chunkSizes) : Upon.Core.Serialization.ReadOnlyStream
{
    private int position;
    private int chunk;

    public int Reads { get; private set; }

    /// <summary>A stream whose reads give 1, 2, … up to <paramref name="most"/> bytes in turn; with 0, as many as asked.</summary>
    public static ChunkedStream UpTo(byte[] bytes, int most) =>
        new(bytes, most <= 0 ? [int.MaxValue] : [.. Enumerable.Range(1, most)]);

    /// <summary>A stream whose first read gives at most the first <paramref name="split"/> bytes, and the next ones the rest.</summary>
    public static ChunkedStream SplitAt(byte[] bytes, int split) => new(bytes, split, int.MaxValue);

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        int size = Math.Min(Math.Min(buffer.Length, Math.Max(1, chunkSizes.Length == 0 ? int.MaxValue : chunkSizes[chunk++ % chunkSizes.Length])), bytes.Length - position);
        bytes.AsSpan(position, size).CopyTo(buffer);
        position += size;
        return size;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Task.Yield();
        return Read(buffer.Span);
    }
}
