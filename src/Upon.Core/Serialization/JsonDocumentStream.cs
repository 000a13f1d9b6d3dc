using System.Buffers;

namespace Upon.Core.Serialization;

/// <summary>
/// Reads the documents of a stream one at a time, holding only the current one in memory: the
/// elements of a top-level JSON array, or the non-blank lines of JSON Lines.
/// </summary>
internal sealed class JsonDocumentStream : IDisposable
{
    /// <summary>The layouts a stream of documents can have.</summary>
    public enum Layout
    {
        /// <summary>A top-level JSON array of documents.</summary>
        Array,

        /// <summary>JSON Lines: one document a line.</summary>
        Lines,

        /// <summary>One document, possibly over many lines.</summary>
        Single,
    }

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private readonly Stream stream;
    private readonly Layout layout;
    private readonly int maxDocumentBytes;
    private readonly string plural;
    private readonly string singular;
    private readonly string? confidentialObject;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfStream;
    private bool started;
    private bool finished;
    private bool closed;
    private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });

    /// <summary>Initializes a reader of the documents of <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="layout">Its layout.</param>
    /// <param name="maxDocumentBytes">The largest document accepted.</param>
    /// <param name="plural">What the documents are, for messages (for example "applications").</param>
    /// <param name="singular">What one document is, with its article (for example "an application").</param>
    /// <param name="confidentialObject">The name of a property whose object's keys a problem path never names (see <see cref="JsonTextCheck"/>), or null.</param>
    public JsonDocumentStream(Stream stream, Layout layout, int maxDocumentBytes, string plural = "applications", string singular = "an application", string? confidentialObject = null)
    {
        this.confidentialObject = confidentialObject;
        this.stream = stream;
        this.layout = layout;
        this.maxDocumentBytes = maxDocumentBytes;
        this.plural = plural;
        this.singular = singular;
        buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>Gets the 1-based line number of the last document read (JSON Lines only).</summary>
    public int Line { get; private set; }

    /// <summary>
    /// Reads the next document. Returns false at the end. A document that cannot be read gives a problem
    /// instead: for JSON Lines the next line is then read as usual; for an array, reading stops after it,
    /// since the array's structure is lost.
    /// </summary>
    public bool TryReadNext(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        if (finished)
        {
            return false;
        }

        switch (layout)
        {
            case Layout.Lines:
                return NextLine(out document, out problem);
            case Layout.Array:
                return NextElement(out document, out problem);
            default:
                finished = true;
                document = DocumentSource.Parse(stream, maxDocumentBytes, out problem, confidentialObject);
                return true;
        }
    }

    /// <summary>
    /// Reads every document in turn and gives one record for each, numbered by its line in JSON Lines and otherwise by
    /// its place (from 1): what <paramref name="read"/> makes of the document (which is disposed after), or what
    /// <paramref name="unreadable"/> makes of the problem that kept it from being read.
    /// </summary>
    /// <typeparam name="TRecord">What a record is read into.</typeparam>
    /// <param name="read">Reads a document's root element, given its record number.</param>
    /// <param name="unreadable">Reports a document that could not be read, given its record number and the problem.</param>
    /// <returns>The records, lazily, in stream order.</returns>
    public IEnumerable<TRecord> ReadRecords<TRecord>(Func<JsonElement, int, TRecord> read, Func<int, DocumentProblem, TRecord> unreadable)
    {
        int index = 0;
        while (TryReadNext(out JsonDocument? document, out DocumentProblem? problem))
        {
            index++;
            int number = IsJsonLines ? Line : index;
            if (document is null)
            {
                yield return unreadable(number, problem!.Value);
                continue;
            }

            TRecord record;
            using (document)
            {
                record = read(document.RootElement, number);
            }

            yield return record;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>
    /// Opens a stream of documents in the layout <paramref name="format"/> names, or, for
    /// <see cref="BatchFormat.Auto"/>, the layout its first significant character shows.
    /// </summary>
    public static JsonDocumentStream Open(Stream utf8Json, BatchFormat format, int maxDocumentBytes, string plural, string singular, string? confidentialObject = null)
    {
        Stream stream = utf8Json;
        Layout layout = format switch
        {
            BatchFormat.JsonLines => Layout.Lines,
            BatchFormat.JsonArray => Layout.Array,
            _ => Detect(utf8Json, maxDocumentBytes, out stream),
        };
        return new JsonDocumentStream(stream, layout, maxDocumentBytes, plural, singular, confidentialObject);
    }

    /// <summary>Gets whether the documents are JSON Lines, so that a record is best named by its line.</summary>
    public bool IsJsonLines => layout == Layout.Lines;

    /// <summary>
    /// Decides the layout of a stream without losing any of it (the bytes looked at are replayed through
    /// <paramref name="replay"/>): an array when the first significant byte is <c>[</c>; JSON Lines when the
    /// first line holds a whole JSON value, or looks like one record (ends with <c>}</c>); otherwise one
    /// document spread over several lines, such as an indented application.
    /// </summary>
    public static Layout Detect(Stream stream, int maxDocumentBytes, out Stream replay)
    {
        byte[] head = new byte[4096];
        int length = 0;
        int first = -1;
        int newline = -1;
        int byteOrderMark = 0;
        bool endOfStream = false;
        while (newline < 0 && !endOfStream && length <= maxDocumentBytes)
        {
            if (length == head.Length)
            {
                System.Array.Resize(ref head, (int)Math.Min((long)head.Length * 2, (long)maxDocumentBytes + 1));
            }

            int read = stream.Read(head, length, head.Length - length);
            endOfStream = read == 0;
            for (int i = length; i < length + read; i++)
            {
                // A byte order mark is skipped only at the very start (a stray EF or BB byte later is the reader's to report).
                if (i == byteOrderMark && i < 3 && head[i] == ByteOrderMark[i])
                {
                    byteOrderMark++;
                    continue;
                }

                if (first < 0 && head[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    first = i;
                }

                if (first >= 0 && head[i] == (byte)'\n')
                {
                    newline = i;
                    break;
                }
            }

            length += read;
            if (first >= 0 && head[first] == (byte)'[')
            {
                break;
            }
        }

        replay = new ReplayedStream(head.AsMemory(0, length), stream);
        if (first < 0 || head[first] == (byte)'[')
        {
            return first < 0 ? Layout.Lines : Layout.Array;
        }

        if (newline < 0)
        {
            // One line (or more than a document's worth without a line break): JSON Lines reads it, or reports it too large.
            return Layout.Lines;
        }

        ReadOnlySpan<byte> line = head.AsSpan(first, newline - first).TrimEnd((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
        if (line.EndsWith((ReadOnlySpan<byte>)[(byte)'}']))
        {
            return Layout.Lines;
        }

        Utf8JsonReader reader = new(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read() ? Layout.Lines : Layout.Single;
        }
        catch (JsonException)
        {
            return Layout.Single;
        }
    }

    private bool NextLine(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !endOfStream)
            {
                if (!Fill())
                {
                    // The line is longer than any document allowed: report it and skip to its end.
                    Line++;
                    SkipLine();
                    problem = DocumentSource.TooLarge(maxDocumentBytes);
                    return true;
                }

                continue;
            }

            int length = newline < 0 ? end - start : newline;
            if (length == 0 && newline < 0)
            {
                finished = true;
                return false;
            }

            ReadOnlyMemory<byte> line = buffer.AsMemory(start, length);
            start += newline < 0 ? length : length + 1;
            Line++;
            // A byte order mark is white space only as the whole sequence EF BB BF; a stray EF or BB byte is not, and is reported.
            ReadOnlySpan<byte> trimmed = line.Span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
            if (trimmed.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                trimmed = trimmed[3..].Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
            }

            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (line.Length > maxDocumentBytes)
            {
                problem = DocumentSource.TooLarge(maxDocumentBytes);
                return true;
            }

            // The document is read and disposed before the next line is, so it may use the buffer without a copy.
            document = DocumentSource.Parse(line, out problem, copy: false, confidentialObject);
            return true;
        }
    }

    private void SkipLine()
    {
        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                return;
            }

            start = end;
            if (endOfStream || !Fill())
            {
                return;
            }
        }
    }

    private bool NextElement(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        while (true)
        {
            try
            {
                if (!started)
                {
                    // Utf8JsonReader does not skip a byte order mark: skip it here, once the first bytes are in.
                    if (end - start < 3 && !endOfStream)
                    {
                        Refill(out problem);
                        if (problem is not null)
                        {
                            return true;
                        }

                        continue;
                    }

                    if (buffer.AsSpan(start, end - start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        start += 3;
                    }
                }

                if (!started && endOfStream && DocumentSource.IsBlank(buffer.AsSpan(start, end - start)))
                {
                    // Empty input holds no document: no records, as for JSON Lines.
                    finished = true;
                    return false;
                }

                Utf8JsonReader reader = new(buffer.AsSpan(start, end - start), endOfStream, state);
                if (!started)
                {
                    if (!reader.Read())
                    {
                        if (endOfStream)
                        {
                            finished = true;
                            return false;
                        }

                        Refill(out problem);
                        if (problem is not null)
                        {
                            return true;
                        }

                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.TypeMismatch, $"Expected an array of {plural}."));
                    }

                    started = true;
                    Consume(ref reader);
                    continue;
                }

                if (closed)
                {
                    // After the array only white space and comments may follow; the reader throws for anything else.
                    if (reader.Read())
                    {
                        return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.JsonInvalid, $"The array of {plural} is followed by more JSON; a document holds one array."));
                    }

                    Consume(ref reader);
                    if (endOfStream)
                    {
                        finished = true;
                        return false;
                    }

                    Refill(out problem);
                    if (problem is not null)
                    {
                        return true;
                    }

                    continue;
                }

                if (!reader.Read())
                {
                    if (endOfStream)
                    {
                        return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.JsonInvalid, "The array is not closed: the document ends inside it."));
                    }

                    Refill(out problem);
                    if (problem is not null)
                    {
                        return true;
                    }

                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    // The array is complete, but what follows it must still be looked at: text after it is not lost silently.
                    closed = true;
                    Consume(ref reader);
                    continue;
                }

                int elementStart = checked((int)reader.TokenStartIndex);
                if (JsonDocument.TryParseValue(ref reader, out document))
                {
                    // The element is well-formed; its text may still not be valid Unicode, which only this element loses.
                    problem = JsonTextCheck.FindInvalid(buffer.AsSpan(start + elementStart, checked((int)reader.BytesConsumed) - elementStart), JsonPath.Root, confidentialObject);
                    if (problem is not null)
                    {
                        document!.Dispose();
                        document = null;
                    }

                    Consume(ref reader);
                    return true;
                }

                if (endOfStream)
                {
                    return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.JsonInvalid, $"The document ends inside {singular}."));
                }

                Refill(out problem);
                if (problem is not null)
                {
                    return true;
                }
            }
            catch (JsonException ex)
            {
                return Stop(out problem, DocumentSource.NotWellFormed(ex, JsonPath.Root));
            }
        }
    }

    private bool Stop(out DocumentProblem? problem, DocumentProblem found)
    {
        finished = true;
        problem = found;
        return true;
    }

    private void Refill(out DocumentProblem? problem)
    {
        problem = null;
        if (!Fill())
        {
            finished = true;
            problem = DocumentSource.TooLarge(maxDocumentBytes);
        }
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        start += checked((int)reader.BytesConsumed);
        state = reader.CurrentState;
    }

    /// <summary>Moves unread bytes to the front, grows the buffer when full (up to the limit), and reads more. False when the limit is reached.</summary>
    private bool Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length && !DocumentSource.TryGrow(ref buffer, end, maxDocumentBytes))
        {
            return false;
        }

        int read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
        return true;
    }
}
