using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// A read-only stream of the UTF-8 encoding of a <see cref="TextReader"/>'s text, so that text can be read by the
/// byte readers. Half a surrogate pair is written as U+FFFD, as a UTF-8 encoder does. Not thread-safe; leaves the
/// reader open.
/// </summary>
internal sealed class Utf8TextStream(TextReader reader) : ReadOnlyStream
{
    private readonly Encoder encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] chars = new char[4 * 1024];
    private int charStart;
    private int charEnd;
    private bool readerEnded;
    private bool flushed;

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
