using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// A read-only stream of the UTF-8 encoding of a <see cref="TextReader"/>'s text, so that text can be read by the
/// byte readers. Half a surrogate pair is written as U+FFFD, as a UTF-8 encoder does. Not thread-safe; leaves the
/// reader open.
/// </summary>
internal sealed class Utf8TextStream(TextReader reader) : Stream
{
    private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] chars = new char[4 * 1024];
    private int charStart;
    private int charEnd;
    private bool readerEnded;
    private bool flushed;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (Encode(buffer, out int written))
            {
                return written;
            }

            charStart = 0;
            charEnd = reader.Read(chars);
            readerEnded = charEnd == 0;
        }
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Encode(buffer.Span, out int written))
            {
                return written;
            }

            charStart = 0;
            charEnd = await reader.ReadAsync(chars.AsMemory(), cancellationToken).ConfigureAwait(false);
            readerEnded = charEnd == 0;
        }
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Encodes the characters read so far into <paramref name="buffer"/> (at least 4 bytes); false when more characters must be read first.</summary>
    private bool Encode(Span<byte> buffer, out int written)
    {
        written = 0;
        if (buffer.Length == 0)
        {
            return true;
        }

        if (charStart < charEnd)
        {
            encoder.Convert(chars.AsSpan(charStart, charEnd - charStart), buffer, flush: false, out int used, out written, out _);
            charStart += used;
            return written > 0;
        }

        if (!readerEnded)
        {
            return false;
        }

        if (!flushed)
        {
            flushed = true;
            encoder.Convert([], buffer, flush: true, out _, out written, out _);
        }

        return true;
    }
}
