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
internal sealed class ReplayedStream(ReadOnlyMemory<byte> head, Stream rest, bool leaveOpen = false) : Stream
{
    private ReadOnlyMemory<byte> remaining = head;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => remaining.IsEmpty ? rest.Read(buffer) : Replay(buffer);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        remaining.IsEmpty ? rest.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Replay(buffer.Span));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
