namespace Upon.Core.Serialization;

/// <summary>
/// A read-only stream that yields bytes already read from another stream and then the rest of it, so that the
/// start of a stream that cannot seek (standard input) can be looked at without reading it whole (the layout of a
/// batch, the format of a workforce file, the encoding of a CSV file). Disposing it disposes the other stream unless
/// <paramref name="leaveOpen"/>. Not thread-safe.
/// </summary>
/// <param name="head">The bytes already read.</param>
/// <param name="rest">The stream they were read from.</param>
/// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="rest"/> open.</param>
internal sealed class ReplayedStream(ReadOnlyMemory<byte> head, Stream rest, bool leaveOpen = false) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> remaining = head;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => remaining.IsEmpty ? rest.Read(buffer) : Replay(buffer);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        remaining.IsEmpty ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Replay(buffer.Span));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Replay(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, remaining.Length);
        remaining.Span[..n].CopyTo(buffer);
        remaining = remaining[n..];
        return n;
    }
}
