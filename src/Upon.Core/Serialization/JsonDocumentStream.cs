using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Upon.Core.Serialization;

/// <summary>
/// Reads a record straight from the UTF-8 bytes of its document, without parsing them into a <see cref="JsonDocument"/>:
/// true with the record when the reader takes the document whole; false, with nothing reported, for any document it
/// does not (one with a problem, or in a form it leaves to the parsed path), which is then parsed and read as usual.
/// A reader must therefore take only documents the parsed path reads without a problem, into the same record.
/// </summary>
/// <typeparam name="TRecord">What a record is read into.</typeparam>
/// <param name="utf8Json">The document's bytes: valid only during the call.</param>
/// <param name="number">The record's number.</param>
/// <param name="record">The record, when true.</param>
/// <returns>Whether the document was read.</returns>
internal delegate bool TryReadBytes<TRecord>(ReadOnlySpan<byte> utf8Json, int number, out TRecord record);

/// <summary>
/// Reads the documents of a stream one at a time, holding only the current one in memory: the
/// elements of a top-level JSON array, or the non-blank lines of JSON Lines.
/// </summary>
/// <remarks>
/// The reading is a state machine that never reads the stream itself: <see cref="Next"/> says when it needs more
/// bytes, and a driver reads them into <see cref="FreeSpace"/> and reports how many with <see cref="Advance"/>. The
/// synchronous driver (<see cref="TryReadNext"/>, <see cref="ReadRecords"/>) and the asynchronous one
/// (<see cref="ReadRecordsAsync"/>) therefore give the same documents and problems whatever the stream's chunks.
/// </remarks>
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

    /// <summary>What <see cref="Next"/> did.</summary>
    public enum Step
    {
        /// <summary>It gave a document, or the problem that kept one from being read.</summary>
        Record,

        /// <summary>There are no more documents.</summary>
        End,

        /// <summary>It needs more bytes: read them into <see cref="FreeSpace"/> and call <see cref="Advance"/>.</summary>
        NeedData,
    }

    private const int InitialBufferBytes = 64 * 1024;

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private readonly Stream stream;
    private readonly int maxDocumentBytes;
    private readonly string plural;
    private readonly string singular;
    private readonly string? confidentialObject;
    private Layout? layout;
    private byte[] buffer;
    private int start;
    private int end;
    private bool endOfStream;
    private bool started;
    private bool finished;
    private bool closed;
    private bool skipping;
    private bool deferParse;
    private ReadOnlyMemory<byte> pending;
    private JsonReaderState state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });

    /// <summary>Initializes a reader of the documents of <paramref name="stream"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="layout">Its layout, or null to detect it from the first bytes (see <see cref="Detect"/>).</param>
    /// <param name="maxDocumentBytes">The largest document accepted.</param>
    /// <param name="plural">What the documents are, for messages (for example "applications").</param>
    /// <param name="singular">What one document is, with its article (for example "an application").</param>
    /// <param name="confidentialObject">The name of a property whose object's keys a problem path never names (see <see cref="JsonTextCheck"/>), or null.</param>
    public JsonDocumentStream(Stream stream, Layout? layout, int maxDocumentBytes, string plural = "applications", string singular = "an application", string? confidentialObject = null)
    {
        this.confidentialObject = confidentialObject;
        this.stream = stream;
        this.layout = layout;
        this.maxDocumentBytes = maxDocumentBytes;
        this.plural = plural;
        this.singular = singular;
        buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    }

    /// <summary>Gets the 1-based line number of the last document read (JSON Lines only).</summary>
    public int Line { get; private set; }

    /// <summary>Gets whether the documents are JSON Lines, so that a record is best named by its line.</summary>
    public bool IsJsonLines => layout == Layout.Lines;

    /// <summary>Gets the free part of the buffer, for the driver to read into after <see cref="Next"/> asked for data.</summary>
    public Memory<byte> FreeSpace => buffer.AsMemory(end);

    /// <summary>Records that the driver read <paramref name="count"/> bytes into <see cref="FreeSpace"/>; 0 means the stream has ended.</summary>
    public void Advance(int count)
    {
        endOfStream = count == 0;
        end += count;
    }

    /// <summary>
    /// Reads the next document from the bytes buffered. A document that cannot be read gives a problem instead: for
    /// JSON Lines the next line is then read as usual; for an array, reading stops after it, since the array's
    /// structure is lost.
    /// </summary>
    public Step Next(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        if (finished)
        {
            return Step.End;
        }

        if (layout is null && !Detect())
        {
            // Detect decides once more than a document's worth is buffered, so the buffer has room to grow here.
            _ = Prepare();
            return Step.NeedData;
        }

        return layout switch
        {
            Layout.Lines => NextLine(out document, out problem),
            Layout.Array => NextElement(out document, out problem),
            _ => NextSingle(out document, out problem),
        };
    }

    /// <summary>Reads the next document, reading the stream synchronously as needed. Returns false at the end.</summary>
    public bool TryReadNext(out JsonDocument? document, out DocumentProblem? problem)
    {
        while (true)
        {
            Step step = Next(out document, out problem);
            if (step != Step.NeedData)
            {
                return step == Step.Record;
            }

            Advance(stream.Read(FreeSpace.Span));
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
    /// <param name="fromBytes">
    /// Reads a record straight from its bytes, or declines it (see <see cref="TryReadBytes{TRecord}"/>); null to parse
    /// every document.
    /// </param>
    /// <returns>The records, lazily, in stream order.</returns>
    public IEnumerable<TRecord> ReadRecords<TRecord>(Func<JsonElement, int, TRecord> read, Func<int, DocumentProblem, TRecord> unreadable, TryReadBytes<TRecord>? fromBytes = null)
    {
        deferParse = fromBytes is not null;
        int index = 0;
        while (TryReadNext(out JsonDocument? document, out DocumentProblem? problem))
        {
            yield return ToRecord(++index, document, problem, read, unreadable, fromBytes);
        }
    }

    /// <summary>
    /// As <see cref="ReadRecords"/>, reading the stream asynchronously: the same records, in the same order, whatever
    /// the chunks the stream gives. Cancellation is checked before each read of the stream and before each record.
    /// </summary>
    /// <typeparam name="TRecord">What a record is read into.</typeparam>
    /// <param name="read">Reads a document's root element, given its record number.</param>
    /// <param name="unreadable">Reports a document that could not be read, given its record number and the problem.</param>
    /// <param name="fromBytes">Reads a record straight from its bytes, or declines it; null to parse every document.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records, lazily, in stream order.</returns>
    public IAsyncEnumerable<TRecord> ReadRecordsAsync<TRecord>(
        Func<JsonElement, int, TRecord> read,
        Func<int, DocumentProblem, TRecord> unreadable,
        TryReadBytes<TRecord>? fromBytes = null,
        CancellationToken cancellationToken = default) =>
        RecordsAsync(this, null, read, unreadable, fromBytes, cancellationToken);

    /// <summary>
    /// Opens <paramref name="utf8Json"/> (see <see cref="Open"/>) and gives its records as <see cref="ReadRecordsAsync"/>
    /// does, disposing the reader when the enumeration ends. Each enumeration opens a reader of its own.
    /// </summary>
    public static IAsyncEnumerable<TRecord> ReadAllAsync<TRecord>(
        Stream utf8Json,
        BatchFormat format,
        int maxDocumentBytes,
        (string Plural, string Singular, string? ConfidentialObject) names,
        Func<JsonElement, int, TRecord> read,
        Func<int, DocumentProblem, TRecord> unreadable,
        TryReadBytes<TRecord>? fromBytes,
        CancellationToken cancellationToken) =>
        RecordsAsync(null, () => Open(utf8Json, format, maxDocumentBytes, names.Plural, names.Singular, names.ConfidentialObject), read, unreadable, fromBytes, cancellationToken);

    /// <summary>
    /// Gives the records that <paramref name="read"/> reads from a stream over <paramref name="reader"/>: the bytes the
    /// pipe gives are copied into the reader's buffer as a stream's would be, so the records are the same.
    /// The pipe is left open (not completed).
    /// </summary>
    /// <remarks>
    /// The stream over the pipe holds nothing to dispose when it leaves the pipe open, so the records of
    /// <paramref name="read"/> are given as they are, without an enumerator around each.
    /// </remarks>
    public static IAsyncEnumerable<TRecord> FromPipe<TRecord>(
        PipeReader reader,
        Func<Stream, CancellationToken, IAsyncEnumerable<TRecord>> read,
        CancellationToken cancellationToken) =>
        read(reader.AsStream(leaveOpen: true), cancellationToken);

    /// <summary>
    /// The asynchronous driver: the records of <paramref name="shared"/>, or of a reader <paramref name="open"/> makes
    /// when the enumeration starts and that is disposed when it ends. One enumerator a batch, and no other around it:
    /// each level of async enumerators costs a little on every record.
    /// </summary>
    private static async IAsyncEnumerable<TRecord> RecordsAsync<TRecord>(
        JsonDocumentStream? shared,
        Func<JsonDocumentStream>? open,
        Func<JsonElement, int, TRecord> read,
        Func<int, DocumentProblem, TRecord> unreadable,
        TryReadBytes<TRecord>? fromBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonDocumentStream documents = shared ?? open!();
        try
        {
            documents.deferParse = fromBytes is not null;
            int index = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Step step = documents.Next(out JsonDocument? document, out DocumentProblem? problem);
                if (step == Step.End)
                {
                    yield break;
                }

                if (step == Step.NeedData)
                {
                    documents.Advance(await documents.stream.ReadAsync(documents.FreeSpace, cancellationToken).ConfigureAwait(false));
                    continue;
                }

                yield return documents.ToRecord(++index, document, problem, read, unreadable, fromBytes);
            }
        }
        finally
        {
            if (shared is null)
            {
                documents.Dispose();
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>
    /// Opens a stream of documents in the layout <paramref name="format"/> names, or, for
    /// <see cref="BatchFormat.Auto"/>, the layout its first significant character shows (see <see cref="Detect"/>).
    /// Nothing is read until the first document is asked for.
    /// </summary>
    public static JsonDocumentStream Open(Stream utf8Json, BatchFormat format, int maxDocumentBytes, string plural, string singular, string? confidentialObject = null)
    {
        Layout? layout = format switch
        {
            BatchFormat.JsonLines => Layout.Lines,
            BatchFormat.JsonArray => Layout.Array,
            _ => null,
        };
        return new JsonDocumentStream(utf8Json, layout, maxDocumentBytes, plural, singular, confidentialObject);
    }

    private TRecord ToRecord<TRecord>(int index, JsonDocument? document, DocumentProblem? problem, Func<JsonElement, int, TRecord> read, Func<int, DocumentProblem, TRecord> unreadable, TryReadBytes<TRecord>? fromBytes)
    {
        int number = IsJsonLines ? Line : index;
        if (document is null && problem is null && deferParse)
        {
            // Bytes kept for their reader: a record it takes whole is done; any other is parsed and read as usual, so
            // that its problems are those of the parsed path, word for word.
            ReadOnlyMemory<byte> bytes = pending;
            pending = default;
            if (fromBytes!(bytes.Span, number, out TRecord record))
            {
                return record;
            }

            document = DocumentSource.Parse(bytes, out problem, copy: false, confidentialObject);
        }

        if (document is null)
        {
            return unreadable(number, problem!.Value);
        }

        using (document)
        {
            return read(document.RootElement, number);
        }
    }

    /// <summary>
    /// Decides the layout from the bytes buffered, when they suffice: an array when the first significant byte is
    /// <c>[</c>; JSON Lines when the first line holds a whole JSON value, or looks like one record (ends with
    /// <c>}</c>); otherwise one document spread over several lines, such as an indented application. Only the first
    /// <c>maxDocumentBytes + 1</c> bytes are looked at. False when more bytes are needed to decide.
    /// </summary>
    private bool Detect()
    {
        ReadOnlySpan<byte> head = buffer.AsSpan(0, Math.Min(end, maxDocumentBytes + 1));
        int first = -1;
        int newline = -1;
        int byteOrderMark = 0;
        for (int i = 0; i < head.Length; i++)
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
                if (head[i] == (byte)'[')
                {
                    layout = Layout.Array;
                    return true;
                }
            }

            if (first >= 0 && head[i] == (byte)'\n')
            {
                newline = i;
                break;
            }
        }

        if (newline < 0)
        {
            if (!endOfStream && end <= maxDocumentBytes)
            {
                return false;
            }

            // Nothing at all, one line, or more than a document's worth without a line break: JSON Lines reads it, or reports it too large.
            layout = Layout.Lines;
            return true;
        }

        ReadOnlySpan<byte> line = head[first..newline].TrimEnd((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
        layout = line.EndsWith((ReadOnlySpan<byte>)[(byte)'}']) || HoldsOneValue(line) ? Layout.Lines : Layout.Single;
        return true;
    }

    private static bool HoldsOneValue(ReadOnlySpan<byte> line)
    {
        Utf8JsonReader reader = new(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One document, the whole stream: read when the stream has ended, or too large once it holds more than the limit.</summary>
    private Step NextSingle(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        if (end > maxDocumentBytes)
        {
            finished = true;
            problem = DocumentSource.TooLarge(maxDocumentBytes);
            return Step.Record;
        }

        if (!endOfStream)
        {
            // At most maxDocumentBytes are buffered, so the buffer has room to grow.
            _ = Prepare();
            return Step.NeedData;
        }

        // The document is read and disposed before the buffer is reused or returned, so it may use it without a copy.
        finished = true;
        return Parsed(buffer.AsMemory(0, end), out document, out problem);
    }

    private Step NextLine(out JsonDocument? document, out DocumentProblem? problem)
    {
        document = null;
        problem = null;
        while (skipping)
        {
            // The rest of a line longer than any document allowed, already reported.
            int endOfLine = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (endOfLine >= 0)
            {
                start += endOfLine + 1;
                skipping = false;
                break;
            }

            start = end;
            if (endOfStream || !Prepare())
            {
                skipping = false;
                break;
            }

            return Step.NeedData;
        }

        while (true)
        {
            int newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !endOfStream)
            {
                if (!Prepare())
                {
                    // The line is longer than any document allowed: report it and skip to its end.
                    Line++;
                    skipping = true;
                    problem = DocumentSource.TooLarge(maxDocumentBytes);
                    return Step.Record;
                }

                return Step.NeedData;
            }

            int length = newline < 0 ? end - start : newline;
            if (length == 0 && newline < 0)
            {
                finished = true;
                return Step.End;
            }

            ReadOnlyMemory<byte> line = buffer.AsMemory(start, length);
            start += newline < 0 ? length : length + 1;
            Line++;
            // A byte order mark is white space only as the whole sequence EF BB BF; a stray EF or BB byte is not, and is reported.
            ReadOnlySpan<byte> trimmed = line.Span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
            if (trimmed.StartsWith(ByteOrderMark))
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
                return Step.Record;
            }

            // The document is read and disposed before the next line is, so it may use the buffer without a copy.
            return Parsed(line, out document, out problem);
        }
    }

    private Step NextElement(out JsonDocument? document, out DocumentProblem? problem)
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
                        return NeedMore(out problem);
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
                    return Step.End;
                }

                Utf8JsonReader reader = new(buffer.AsSpan(start, end - start), endOfStream, state);
                if (!started)
                {
                    if (!reader.Read())
                    {
                        if (endOfStream)
                        {
                            finished = true;
                            return Step.End;
                        }

                        return NeedMore(out problem);
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
                        return Step.End;
                    }

                    return NeedMore(out problem);
                }

                if (!reader.Read())
                {
                    if (endOfStream)
                    {
                        return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.JsonInvalid, "The array is not closed: the document ends inside it."));
                    }

                    return NeedMore(out problem);
                }

                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    // The array is complete, but what follows it must still be looked at: text after it is not lost silently.
                    closed = true;
                    Consume(ref reader);
                    continue;
                }

                int elementStart = checked((int)reader.TokenStartIndex);
                if (deferParse)
                {
                    // The element's bytes, checked for syntax by skipping them; its record parses them if it must.
                    if (reader.TrySkip())
                    {
                        pending = buffer.AsMemory(start + elementStart, checked((int)reader.BytesConsumed) - elementStart);
                        Consume(ref reader);
                        return Step.Record;
                    }
                }
                else if (JsonDocument.TryParseValue(ref reader, out document))
                {
                    // The element is well-formed; its text may still not be valid Unicode, which only this element loses.
                    problem = JsonTextCheck.FindInvalid(buffer.AsSpan(start + elementStart, checked((int)reader.BytesConsumed) - elementStart), JsonPath.Root, confidentialObject);
                    if (problem is not null)
                    {
                        document!.Dispose();
                        document = null;
                    }

                    Consume(ref reader);
                    return Step.Record;
                }

                if (endOfStream)
                {
                    return Stop(out problem, new DocumentProblem(JsonPath.Root, DocumentProblemCodes.JsonInvalid, $"The document ends inside {singular}."));
                }

                return NeedMore(out problem);
            }
            catch (JsonException ex)
            {
                return Stop(out problem, DocumentSource.NotWellFormed(ex, JsonPath.Root));
            }
        }
    }

    /// <summary>
    /// Gives a record's bytes: parsed now, or, when records may be read from their bytes, kept in <see cref="pending"/>
    /// for <see cref="ToRecord"/>, which parses them only if the record's own reader does not take them.
    /// </summary>
    private Step Parsed(ReadOnlyMemory<byte> utf8Json, out JsonDocument? document, out DocumentProblem? problem)
    {
        if (deferParse)
        {
            pending = utf8Json;
            document = null;
            problem = null;
            return Step.Record;
        }

        document = DocumentSource.Parse(utf8Json, out problem, copy: false, confidentialObject);
        return Step.Record;
    }

    private Step Stop(out DocumentProblem? problem, DocumentProblem found)
    {
        finished = true;
        problem = found;
        return Step.Record;
    }

    /// <summary>
    /// Makes room for more bytes and asks the driver for them; an array element larger than the limit stops the
    /// reading with a problem instead.
    /// </summary>
    private Step NeedMore(out DocumentProblem? problem)
    {
        problem = null;
        if (!Prepare())
        {
            return Stop(out problem, DocumentSource.TooLarge(maxDocumentBytes));
        }

        return Step.NeedData;
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        start += checked((int)reader.BytesConsumed);
        state = reader.CurrentState;
    }

    /// <summary>
    /// Moves unread bytes to the front and grows the buffer when full (up to the limit), so that the driver can read
    /// more into <see cref="FreeSpace"/>. False, with nothing changed but the move, when the limit is reached.
    /// </summary>
    private bool Prepare()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        return end < buffer.Length || DocumentSource.TryGrow(ref buffer, end, maxDocumentBytes);
    }
}
