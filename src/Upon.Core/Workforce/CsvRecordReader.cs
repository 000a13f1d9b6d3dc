using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace Upon.Core.Workforce;

/// <summary>
/// A small RFC 4180 reader over UTF-8 bytes, so that Upon.Core keeps NodaTime as its only runtime dependency. It
/// is a state machine: <see cref="TryRead"/> reads a record from the bytes buffered so far, or says that it needs
/// more (<see cref="CsvStep.NeedInput"/>), and the caller feeds it with <see cref="Fill"/> or <see cref="FillAsync"/>.
/// So the synchronous and asynchronous readers share one parser, and a record split across reads is read exactly
/// as a whole one.
/// </summary>
/// <remarks>
/// <para>
/// Fields are separated by commas. A record ends at a line break outside quotes: CRLF, LF or a lone CR, mixed
/// freely. Lines that are entirely empty are skipped and are not records.
/// </para>
/// <para>
/// A field in double quotes may hold commas, doubled quotes and line breaks (RFC 4180), so that every text the
/// writers quote reads back unchanged. A quote that is never closed therefore takes in the rest of the input:
/// the reader says so (<see cref="Status.UnclosedQuote"/>) and counts the lines the record covers
/// (<see cref="Lines"/>), so that the rows it takes in are never lost without a word.
/// </para>
/// <para>
/// Memory: one buffer rented from <see cref="ArrayPool{T}.Shared"/> (64 KiB, doubled only while one record is
/// longer than it), returned by <see cref="Dispose"/>; fields are spans of the buffer, valid until the next read.
/// Bytes are taken as they are: <see cref="HasInvalidText"/> finds those that are not UTF-8. Input that starts with
/// a UTF-16 or UTF-32 byte order mark is decoded as a <see cref="StreamReader"/> that detects byte order marks
/// decodes it, and read as UTF-8, so that such files read as they always have.
/// </para>
/// <para>Not thread-safe: one reader per read.</para>
/// </remarks>
internal sealed class CsvRecordReader : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private const int MinimumFree = 4 * 1024;
    private static readonly SearchValues<byte> UnquotedEnds = SearchValues.Create(",\r\n\""u8);
    private static readonly SearchValues<byte> QuotedEnds = SearchValues.Create(",\r\n"u8);
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private Stream input;
    private bool encodingChecked;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int start;
    private int end;
    private bool ended;

    // The record being read; positions are relative to start, which is the record's first byte.
    private Mode mode;
    private int scan;
    private int fieldStart;
    private int closingQuote;
    private bool doubledQuote;
    private int consumed;
    private int lastText;
    private Status status;
    private int[] fields = new int[16];
    private int fieldCount;

    /// <summary>Initializes a reader of <paramref name="input"/>, which it reads but does not dispose.</summary>
    /// <param name="input">The bytes.</param>
    public CsvRecordReader(Stream input)
    {
        this.input = input;
    }

    /// <summary>Initializes a reader of <paramref name="text"/>, read as its UTF-8 encoding (U+FFFD in place of half a surrogate pair).</summary>
    /// <param name="text">The text.</param>
    public CsvRecordReader(TextReader text)
    {
        input = new Utf8TextStream(text);
        encodingChecked = true;
    }

    /// <summary>Takes the plain records that <see cref="ReadPlain{T}(int, ref T)"/> reads.</summary>
    public interface IPlainRecords
    {
        /// <summary>Takes a record, or leaves it for <see cref="TryRead"/> to read.</summary>
        /// <param name="record">The record's bytes, without its line break.</param>
        /// <param name="bounds">For each field, its start and end within <paramref name="record"/>.</param>
        /// <returns>Whether the record was taken; false stops the reading before it.</returns>
        bool TryTake(ReadOnlySpan<byte> record, ReadOnlySpan<int> bounds);
    }

    /// <summary>How a record was read.</summary>
    public enum Status
    {
        /// <summary>The record is well-formed.</summary>
        Ok,

        /// <summary>A quote appears inside an unquoted field, or a character follows a closing quote.</summary>
        StrayQuote,

        /// <summary>The input ends inside a quoted field; the record runs to the end of the input.</summary>
        UnclosedQuote,
    }

    private enum Mode
    {
        Begin,
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuoted,
        AfterCarriageReturn,
    }

    /// <summary>Gets the number of fields of the record last read.</summary>
    public int FieldCount => fieldCount;

    /// <summary>Gets the number of lines the record last read covers: 1, plus one for each line break inside quotes.</summary>
    public int Lines { get; private set; }

    /// <summary>Gets a value indicating whether every byte of the record last read is ASCII (so every field is valid UTF-8 text).</summary>
    public bool IsAscii { get; private set; }

    /// <summary>Gets field <paramref name="index"/> of the record last read, quotes removed; valid until the next read.</summary>
    /// <param name="index">The 0-based field index, less than <see cref="FieldCount"/>.</param>
    public ReadOnlySpan<byte> this[int index] => buffer.AsSpan(start + fields[2 * index], fields[(2 * index) + 1] - fields[2 * index]);

    /// <summary>A field as RFC 4180 writes it: in double quotes, with quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Writes one record the way the writers of the library do: the fields as given (text quoted by
    /// <see cref="Quote"/> beforehand), separated by commas, a null field left empty, and an LF at the end.
    /// </summary>
    public static void WriteRecord(TextWriter csv, params ReadOnlySpan<string?> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Write(',');
            }

            csv.Write(fields[i]);
        }

        csv.Write('\n');
    }

    /// <summary>
    /// Whether <paramref name="field"/> holds text that is not valid Unicode: bytes that are not UTF-8 (a decoder would
    /// put U+FFFD in their place), or U+FFFD itself, the mark of damaged text, so that a field counts as damaged
    /// exactly when its decoded text holds U+FFFD.
    /// </summary>
    public static bool HasInvalidText(ReadOnlySpan<byte> field) => !Utf8.IsValid(field) || field.IndexOf("\uFFFD"u8) >= 0;

    /// <summary>Reads more input into the buffer; call it when a read says <see cref="CsvStep.NeedInput"/>.</summary>
    public void Fill()
    {
        if (!encodingChecked)
        {
            while (end < 4 && !ended)
            {
                ReadSome();
            }

            CheckEncoding();
            if (ended || end - start > 0)
            {
                return;
            }
        }

        ReadSome();
    }

    /// <summary>Reads more input into the buffer, asynchronously; call it when a read says <see cref="CsvStep.NeedInput"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task of the read.</returns>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (!encodingChecked)
        {
            while (end < 4 && !ended)
            {
                await ReadSomeAsync(cancellationToken).ConfigureAwait(false);
            }

            CheckEncoding();
            if (ended || end - start > 0)
            {
                return;
            }
        }

        await ReadSomeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Skips white space (and byte order marks) at the current position.</summary>
    /// <returns>
    /// <see cref="CsvStep.Read"/> when something else is next, <see cref="CsvStep.End"/> when nothing else is left,
    /// <see cref="CsvStep.NeedInput"/> when the buffer ends first.
    /// </returns>
    public CsvStep SkipWhiteSpace()
    {
        while (true)
        {
            ReadOnlySpan<byte> rest = buffer.AsSpan(start, end - start);
            int next = rest.IndexOfAnyExcept(" \t\r\n"u8);
            if (next < 0)
            {
                start = end;
                return ended ? CsvStep.End : CsvStep.NeedInput;
            }

            start += next;
            if (rest[next] != 0xEF)
            {
                return CsvStep.Read;
            }

            if (rest.Length - next < 3 && !ended)
            {
                return CsvStep.NeedInput;
            }

            if (!rest[next..].StartsWith("\uFEFF"u8))
            {
                return CsvStep.Read;
            }

            start += 3;
        }
    }

    /// <summary>Reads the next record from the bytes buffered so far.</summary>
    /// <param name="status">How the record was read (when one was).</param>
    /// <returns>
    /// <see cref="CsvStep.Read"/> when a record was read, <see cref="CsvStep.End"/> at the end of the input,
    /// <see cref="CsvStep.NeedInput"/> when more bytes are needed: call <see cref="Fill"/> or <see cref="FillAsync"/>
    /// and read again, which goes on from where this read stopped.
    /// </returns>
    public CsvStep TryRead(out Status status)
    {
        status = Status.Ok;
        if (mode == Mode.Begin)
        {
            start += consumed;
            consumed = 0;
            int first = buffer.AsSpan(start, end - start).IndexOfAnyExcept(LineBreaks);
            if (first < 0)
            {
                start = end;
                return ended ? CsvStep.End : CsvStep.NeedInput;
            }

            start += first;
            fieldCount = 0;
            Lines = 1;
            lastText = -1;
            this.status = Status.Ok;
            scan = 0;
            mode = Mode.FieldStart;
            if (TryReadPlainLine(out status))
            {
                return CsvStep.Read;
            }
        }

        Span<byte> record = buffer.AsSpan(start, end - start);
        while (true)
        {
            switch (mode)
            {
                case Mode.FieldStart:
                    if (scan == record.Length)
                    {
                        if (!ended)
                        {
                            return CsvStep.NeedInput;
                        }

                        AddField(scan, scan);
                        return Finish(scan, out status);
                    }

                    fieldStart = scan;
                    if (record[scan] == '"')
                    {
                        scan++;
                        doubledQuote = false;
                        mode = Mode.Quoted;
                    }
                    else
                    {
                        mode = Mode.Unquoted;
                    }

                    break;

                case Mode.Unquoted:
                    {
                        int at = record[scan..].IndexOfAny(UnquotedEnds);
                        if (at < 0)
                        {
                            scan = record.Length;
                            if (!ended)
                            {
                                return CsvStep.NeedInput;
                            }

                            AddField(fieldStart, scan);
                            return Finish(scan, out status);
                        }

                        scan += at;
                        if (record[scan] == '"')
                        {
                            this.status = Status.StrayQuote;
                            scan++;
                            break;
                        }

                        AddField(fieldStart, scan);
                        if (EndOfField(record, out status) is CsvStep step)
                        {
                            return step;
                        }

                        break;
                    }

                case Mode.Quoted:
                    {
                        int at = record[scan..].IndexOf((byte)'"');
                        if (at < 0)
                        {
                            scan = record.Length;
                            if (!ended)
                            {
                                return CsvStep.NeedInput;
                            }

                            AddQuotedField(record, scan, -1, scan);
                            this.status = Status.UnclosedQuote;

                            // A line break that ends the input starts no line.
                            Lines -= lastText is '\r' or '\n' ? 1 : 0;
                            return Finish(scan, out status);
                        }

                        scan += at;
                        if (scan + 1 == record.Length && !ended)
                        {
                            return CsvStep.NeedInput;
                        }

                        if (scan + 1 < record.Length && record[scan + 1] == '"')
                        {
                            doubledQuote = true;
                            scan += 2;
                            break;
                        }

                        closingQuote = scan;
                        scan++;
                        mode = Mode.AfterQuoted;
                        break;
                    }

                case Mode.AfterQuoted:
                    {
                        // After the closing quote: a separator, a line break or the end; anything else is malformed.
                        int at = record[scan..].IndexOfAny(QuotedEnds);
                        if (at < 0 && !ended)
                        {
                            scan = record.Length;
                            return CsvStep.NeedInput;
                        }

                        scan = at < 0 ? record.Length : scan + at;
                        if (scan > closingQuote + 1)
                        {
                            this.status = Status.StrayQuote;
                        }

                        AddQuotedField(record, closingQuote, closingQuote + 1, scan);
                        if (at < 0)
                        {
                            return Finish(scan, out status);
                        }

                        if (EndOfField(record, out status) is CsvStep step)
                        {
                            return step;
                        }

                        break;
                    }

                default:
                    if (scan == record.Length && !ended)
                    {
                        return CsvStep.NeedInput;
                    }

                    return Finish(scan < record.Length && record[scan] == '\n' ? scan + 1 : scan, out status);
            }
        }
    }

    /// <summary>
    /// Reads at once, from the bytes buffered so far, every plain record that <paramref name="records"/> takes, up to
    /// the first it does not: a record on one line (ended by LF or CRLF) of exactly <paramref name="width"/> fields,
    /// with no quote and no byte that is not ASCII. It stops before any other record, before one that is not whole in
    /// the buffer and before the last 64 bytes, leaving them to <see cref="TryRead"/>, which reads every record the
    /// same way; empty lines on the way are skipped, as <see cref="TryRead"/> skips them.
    /// </summary>
    /// <remarks>
    /// The bytes are looked at 64 at a time: one comparison for each of comma, LF, CR, quote and the high bit gives a
    /// mask of the block, and the records' fields are the spans between the bits. So each byte is loaded once, where
    /// reading record by record looks at the bytes of every line after its end again. Nothing is read unless the
    /// last record read was read whole (the reader is between records).
    /// </remarks>
    /// <typeparam name="T">The taker: a struct, so that its method is called directly.</typeparam>
    /// <param name="width">The number of fields a record must have, at most 32.</param>
    /// <param name="records">Takes each record (its bytes and, for each field, its start and end within them).</param>
    /// <returns>The number of records taken.</returns>
    public int ReadPlain<T>(int width, ref T records)
        where T : struct, IPlainRecords
    {
        if (mode != Mode.Begin || width > 32)
        {
            return 0;
        }

        start += consumed;
        consumed = 0;
        ReadOnlySpan<byte> data = buffer.AsSpan(start, end - start);
        ref byte origin = ref MemoryMarshal.GetReference(data);
        PlainScan scan = new(data, stackalloc int[2 * width]);
        int lineEnd = -2; // the CR of the last CRLF: -2, before any, is next to no position
        // Positions are within the buffer, which an int indexes: nothing here can overflow.
        unchecked
        {
            for (int block = 0; block + 64 <= data.Length; block += 64)
            {
                Masks(ref Unsafe.Add(ref origin, block), out ulong commas, out ulong lineFeeds, out ulong carriageReturns, out ulong others);
                if ((carriageReturns | others) == 0 && lineEnd != block - 1)
                {
                    // The common block: commas and LFs only, and no CR just before it.
                    for (ulong stops = commas | lineFeeds; stops != 0; stops &= stops - 1)
                    {
                        int at = block + BitOperations.TrailingZeroCount(stops);
                        if (!scan.Stop(at, at, (lineFeeds & (1UL << (at - block))) != 0, ref records))
                        {
                            start += scan.RowStart;
                            return scan.Taken;
                        }
                    }

                    continue;
                }

                for (ulong stops = commas | lineFeeds | carriageReturns | others; stops != 0; stops &= stops - 1)
                {
                    int at = block + BitOperations.TrailingZeroCount(stops);
                    ulong bit = 1UL << (at - block);
                    if ((carriageReturns & bit) != 0)
                    {
                        // A CR ends the record only just before an LF; a lone CR, as a quote or a byte that is not ASCII, is left to TryRead.
                        bool beforeLineFeed = at + 1 < data.Length && Unsafe.Add(ref origin, at + 1) == (byte)'\n';
                        lineEnd = beforeLineFeed ? at : lineEnd;
                        scan.Plain &= beforeLineFeed;
                        continue;
                    }

                    if ((others & bit) != 0)
                    {
                        scan.Plain = false;
                        continue;
                    }

                    if (!scan.Stop(at, lineEnd == at - 1 ? lineEnd : at, (lineFeeds & bit) != 0, ref records))
                    {
                        start += scan.RowStart;
                        return scan.Taken;
                    }
                }
            }
        }

        start += scan.RowStart;
        return scan.Taken;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        byte[] rented = buffer;
        buffer = [];
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Where <see cref="ReadPlain{T}(int, ref T)"/> is: the record under way, its fields so far, and the records taken.</summary>
    private ref struct PlainScan(ReadOnlySpan<byte> data, Span<int> bounds)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private readonly Span<int> bounds = bounds;
        private int fieldStart;
        private int field;

        /// <summary>Gets where the record under way starts.</summary>
        public int RowStart { get; private set; }

        /// <summary>Gets the number of records taken.</summary>
        public int Taken { get; private set; }

        /// <summary>Gets or sets whether the record under way can still be taken (no lone CR, quote or byte that is not ASCII so far).</summary>
        public bool Plain { get; set; } = true;

        /// <summary>
        /// Ends a field at a comma or LF at <paramref name="at"/> (the field's bytes end at <paramref name="fieldEnd"/>,
        /// before a CRLF's CR); at an LF, gives the record to <paramref name="records"/> when it has the fields wanted
        /// (an empty line is no record) and starts the next. False when the record was not taken: the reading stops
        /// before it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Stop<T>(int at, int fieldEnd, bool lineFeed, ref T records)
            where T : struct, IPlainRecords
        {
            // Positions are within the buffer, which an int indexes: nothing here can overflow.
            unchecked
            {
                int width = bounds.Length / 2;
                if (field < width)
                {
                    ref int bound = ref Unsafe.Add(ref MemoryMarshal.GetReference(bounds), 2 * field);
                    bound = fieldStart - RowStart;
                    Unsafe.Add(ref bound, 1) = fieldEnd - RowStart;
                }

                field++;
                fieldStart = at + 1;
                if (!lineFeed)
                {
                    return true;
                }

                if (fieldEnd > RowStart || field > 1)
                {
                    if (!Plain || field != width || !records.TryTake(data[RowStart..fieldEnd], bounds))
                    {
                        return false;
                    }

                    Taken++;
                }

                RowStart = fieldStart;
                field = 0;
                Plain = true;
                return true;
            }
        }
    }

    /// <summary>The masks of a block of 64 bytes: its commas, LFs, CRs, and its quotes and bytes that are not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Masks(ref byte block, out ulong commas, out ulong lineFeeds, out ulong carriageReturns, out ulong others)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> bytes = Vector512.LoadUnsafe(ref block);
            commas = Vector512.Equals(bytes, Vector512.Create((byte)',')).ExtractMostSignificantBits();
            lineFeeds = Vector512.Equals(bytes, Vector512.Create((byte)'\n')).ExtractMostSignificantBits();
            carriageReturns = Vector512.Equals(bytes, Vector512.Create((byte)'\r')).ExtractMostSignificantBits();
            others = (Vector512.Equals(bytes, Vector512.Create((byte)'"')) | bytes).ExtractMostSignificantBits();
            return;
        }

        commas = lineFeeds = carriageReturns = others = 0;
        for (int part = 0; part < 64; part += Vector128<byte>.Count)
        {
            Vector128<byte> bytes = Vector128.LoadUnsafe(ref block, (nuint)part);
            commas |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)',')).ExtractMostSignificantBits() << part;
            lineFeeds |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << part;
            carriageReturns |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\r')).ExtractMostSignificantBits() << part;
            others |= (ulong)(Vector128.Equals(bytes, Vector128.Create((byte)'"')) | bytes).ExtractMostSignificantBits() << part;
        }
    }

    private static int CountLineBreaks(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(LineBreaks) < 0)
        {
            return 0;
        }

        // CRLF is one line break, as are a lone CR and a lone LF.
        int breaks = text.Count((byte)'\n') + text.Count((byte)'\r');
        for (int at = text.IndexOf("\r\n"u8); at >= 0;)
        {
            breaks--;
            int next = text[(at + 2)..].IndexOf("\r\n"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return breaks;
    }

    /// <summary>
    /// The common case, read at once: a record on one line without quotes, whose line break is buffered (with the byte
    /// after a CR). Sixteen bytes at a time, it finds the commas, the line break and any byte that is not ASCII. False,
    /// having read nothing, for any other record (or one near the end of the buffer), which the state machine reads.
    /// </summary>
    private bool TryReadPlainLine(out Status status)
    {
        status = Status.Ok;
        ReadOnlySpan<byte> record = buffer.AsSpan(start, end - start);
        ref byte first = ref MemoryMarshal.GetReference(record);
        int from = 0;
        uint high = 0;
        for (int block = 0; block + Vector128<byte>.Count <= record.Length; block += Vector128<byte>.Count)
        {
            Vector128<byte> bytes = Vector128.LoadUnsafe(ref first, (nuint)block);
            uint stops = (Vector128.Equals(bytes, Vector128.Create((byte)'\n')) | Vector128.Equals(bytes, Vector128.Create((byte)'\r'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'"'))).ExtractMostSignificantBits();
            uint commas = Vector128.Equals(bytes, Vector128.Create((byte)',')).ExtractMostSignificantBits();
            uint below = stops == 0 ? uint.MaxValue : (1u << BitOperations.TrailingZeroCount(stops)) - 1;
            high |= bytes.ExtractMostSignificantBits() & below;
            for (commas &= below; commas != 0; commas &= commas - 1)
            {
                int comma = block + BitOperations.TrailingZeroCount(commas);
                AddField(from, comma);
                from = comma + 1;
            }

            if (stops == 0)
            {
                continue;
            }

            int lineEnd = block + BitOperations.TrailingZeroCount(stops);
            int length = lineEnd + 1;
            if (record[lineEnd] == '"' || (record[lineEnd] == '\r' && length == record.Length && !ended))
            {
                break;
            }

            length += record[lineEnd] == '\r' && length < record.Length && record[length] == '\n' ? 1 : 0;
            AddField(from, lineEnd);
            consumed = length;
            mode = Mode.Begin;
            status = Status.Ok;
            IsAscii = high == 0;
            return true;
        }

        fieldCount = 0;
        lastText = -1;
        return false;
    }

    /// <summary>After a field ending at a separator or line break at <see cref="scan"/>: null to go on with the next field, or the step that ends the record.</summary>
    private CsvStep? EndOfField(ReadOnlySpan<byte> record, out Status status)
    {
        status = Status.Ok;
        byte separator = record[scan];
        scan++;
        if (separator == ',')
        {
            mode = Mode.FieldStart;
            return null;
        }

        if (separator == '\n')
        {
            return Finish(scan, out status);
        }

        mode = Mode.AfterCarriageReturn;
        if (scan == record.Length && !ended)
        {
            return CsvStep.NeedInput;
        }

        return Finish(scan < record.Length && record[scan] == '\n' ? scan + 1 : scan, out status);
    }

    private CsvStep Finish(int length, out Status status)
    {
        consumed = length;
        mode = Mode.Begin;
        status = this.status;
        IsAscii = Ascii.IsValid(buffer.AsSpan(start, length));
        return CsvStep.Read;
    }

    private void AddField(int from, int to)
    {
        if (to > from)
        {
            lastText = buffer[start + to - 1];
        }

        if (2 * fieldCount == fields.Length)
        {
            Array.Resize(ref fields, checked(fields.Length * 2));
        }

        fields[2 * fieldCount] = from;
        fields[(2 * fieldCount) + 1] = to;
        fieldCount++;
    }

    /// <summary>
    /// Adds the quoted field that starts at <see cref="fieldStart"/>: the text up to <paramref name="closing"/> (the
    /// input's end when the quote is not closed), doubled quotes made single, then any stray bytes from
    /// <paramref name="after"/> to <paramref name="to"/>. The text is moved down in place when it must be.
    /// </summary>
    private void AddQuotedField(Span<byte> record, int closing, int after, int to)
    {
        int from = fieldStart + 1;
        Lines += CountLineBreaks(record[from..closing]);
        int length = closing - from;
        if (doubledQuote)
        {
            int write = from;
            for (int read = from; read < closing; read++)
            {
                record[write++] = record[read];
                read += record[read] == '"' ? 1 : 0;
            }

            length = write - from;
        }

        if (after >= 0 && to > after)
        {
            record[after..to].CopyTo(record[(from + length)..]);
            length += to - after;
        }

        AddField(from, from + length);
    }

    private void CheckEncoding()
    {
        encodingChecked = true;
        ReadOnlySpan<byte> head = buffer.AsSpan(start, end - start);
        bool utf16 = head.Length >= 2 && ((head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0xFF && head[1] == 0xFE));
        bool utf32 = head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF;
        if (!utf16 && !utf32)
        {
            return;
        }

        // UTF-16 or UTF-32 with a byte order mark: decoded as a StreamReader decodes it, then read as UTF-8.
        StreamReader decoder = new(new ReplayedStream(head.ToArray(), input, leaveOpen: true), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: InitialSize, leaveOpen: true);
        input = new Utf8TextStream(decoder);
        start = 0;
        end = 0;
        ended = false;
    }

    private void ReadSome()
    {
        MakeRoom();
        int read = input.Read(buffer, end, buffer.Length - end);
        end += read;
        ended = read == 0;
    }

    private async ValueTask ReadSomeAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        int read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
        end += read;
        ended = read == 0;
    }

    /// <summary>Moves the unread bytes to the start of the buffer, and doubles the buffer while a record fills it.</summary>
    private void MakeRoom()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (buffer.Length - end < MinimumFree)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
            buffer.AsSpan(0, end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }
}
