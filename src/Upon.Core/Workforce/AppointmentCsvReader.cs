using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Reads appointment records from CSV one at a time, forward only, without making an object for each: the record's
/// values are read in place (<see cref="AuthorityCode"/>, <see cref="Start"/>, …) until the next read. The same records,
/// numbers, problems and counts as <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/>, for a service
/// or batch that maps appointments into its own types or sums them up, and would otherwise pay for an
/// <see cref="Appointment"/> and a <see cref="RecordResult{T}"/> a record it drops at once.
/// </summary>
/// <remarks>
/// <para>
/// The CSV layout, the header, empty input and every problem are as <see cref="AppointmentDocument"/> describes. A record
/// with problems is read like any other: <see cref="IsValid"/> is false and <see cref="Problems"/> says why; its values
/// cannot be read. With <see cref="ProblemHandling.Stop"/> it is the last record read.
/// </para>
/// <para>
/// The stream is read into one buffer of 64 KiB rented from the shared array pool (larger only while one record is
/// longer); the rows of a buffer that are plain (ASCII, unquoted, dates as <c>yyyy-MM-dd</c>) are read at once into a
/// second pooled buffer as large as they are, so memory stays flat whatever the number of records. Nothing is
/// allocated for such a row unless a string or an <see cref="Appointment"/> is asked for
/// (<see cref="GetAppointment"/>, <see cref="GetRecord"/>). <see cref="Dispose"/> returns the buffers; the stream is
/// left open.
/// </para>
/// <para>
/// Use <see cref="Read"/> or <see cref="ReadAsync"/>, not both on one reader at once. An instance is not thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var reader = new AppointmentCsvReader(request.BodyReader);
/// while (await reader.ReadAsync(cancellationToken))
/// {
///     if (!reader.IsValid)
///     {
///         rejected.Add(reader.RecordNumber, reader.Problems);
///     }
///     else if (reader.Kind == AppointmentKind.Interim)
///     {
///         interims.Add(new Interim(reader.AuthorityCode.ToString(), reader.Start, reader.End));
///     }
/// }
/// </code>
/// </example>
public sealed class AppointmentCsvReader : IDisposable
{
    private readonly CsvTableReader table;
    private readonly AppointmentDocument.CsvRecords records;
    private readonly ProblemHandling handling;
    private readonly char[] authorityChars = new char[AppointmentTable.Builder.MaxAsciiKey];
    private readonly char[] holderChars = new char[AppointmentTable.Builder.MaxAsciiKey];

    // The plain rows read at once from the buffer, and the bytes of their codes; given one by one before anything more is read.
    private PlainValues[] plain = [];
    private byte[] codes = [];
    private int plainCount;
    private int plainAt;
    private int codesLength;

    // The record read: a plain row (plainAt - 1), or a record read one at a time.
    private State state;
    private RecordResult<Appointment>? record;
    private int authorityDecoded = -1;
    private int holderDecoded = -1;
    private bool stopped;
    private bool disposed;

    /// <summary>Initializes a reader of UTF-8 CSV (a byte order mark is skipped; a UTF-16 or UTF-32 one is decoded).</summary>
    /// <param name="csv">The stream; read as the records are, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handling"/> is not defined.</exception>
    public AppointmentCsvReader(Stream csv, ProblemHandling handling = ProblemHandling.Continue)
        : this(AppointmentDocument.OpenCsv(Guard.Against.Null(csv)), handling)
    {
    }

    /// <summary>Initializes a reader of CSV in a pipe (an ASP.NET Core request's <c>BodyReader</c>, for example), which is read and not completed.</summary>
    /// <param name="csv">The pipe of UTF-8 CSV.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handling"/> is not defined.</exception>
    public AppointmentCsvReader(PipeReader csv, ProblemHandling handling = ProblemHandling.Continue)
        : this(AppointmentDocument.OpenCsv(Guard.Against.Null(csv).AsStream(leaveOpen: true)), handling)
    {
    }

    /// <summary>Initializes a reader of CSV text.</summary>
    /// <param name="csv">The text; read as the records are, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="handling"/> is not defined.</exception>
    public AppointmentCsvReader(TextReader csv, ProblemHandling handling = ProblemHandling.Continue)
        : this(AppointmentDocument.OpenCsv(Guard.Against.Null(csv)), handling)
    {
    }

    private AppointmentCsvReader(CsvTableReader table, ProblemHandling handling)
    {
        this.table = table;
        this.handling = Guard.Against.UndefinedEnum(handling, nameof(handling), "The handling must be Continue or Stop.");
        records = new AppointmentDocument.CsvRecords(table);
    }

    private enum State
    {
        None,
        Plain,
        OneAtATime,
    }

    /// <summary>Gets the 1-based number of the record read (as <see cref="RecordResult{T}.RecordNumber"/>: 0 for a header with problems).</summary>
    /// <exception cref="InvalidOperationException">No record has been read.</exception>
    public int RecordNumber => state == State.Plain ? plain[plainAt - 1].Number : Record().RecordNumber;

    /// <summary>Gets a value indicating whether the record read has no problem, so that its values can be read.</summary>
    /// <exception cref="InvalidOperationException">No record has been read.</exception>
    public bool IsValid => state == State.Plain || Record().IsValid;

    /// <summary>Gets the problems of the record read; empty when it is valid.</summary>
    /// <exception cref="InvalidOperationException">No record has been read.</exception>
    public ImmutableArray<DocumentProblem> Problems => state == State.Plain ? [] : Record().Problems;

    /// <summary>Gets the authority's code; valid until the next read (<see cref="GetAppointment"/> keeps it as a string).</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public ReadOnlySpan<char> AuthorityCode
    {
        get
        {
            if (state != State.Plain)
            {
                return Value().AuthorityCode;
            }

            ref readonly PlainValues row = ref plain[plainAt - 1];
            return Decode(codes.AsSpan(row.Codes, row.AuthorityLength), authorityChars, ref authorityDecoded);
        }
    }

    /// <summary>Gets the holder's pseudonymous identifier; valid until the next read.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public ReadOnlySpan<char> HolderId
    {
        get
        {
            if (state != State.Plain)
            {
                return Value().HolderId;
            }

            ref readonly PlainValues row = ref plain[plainAt - 1];
            return Decode(codes.AsSpan(row.Codes + row.AuthorityLength, row.HolderLength), holderChars, ref holderDecoded);
        }
    }

    /// <summary>Gets the first day in post.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public LocalDate Start => state == State.Plain ? plain[plainAt - 1].Start : Value().Start;

    /// <summary>Gets the last day in post (included), or null while the holder is in post.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public LocalDate? End => state == State.Plain ? plain[plainAt - 1].End : Value().End;

    /// <summary>Gets how the post is held.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public AppointmentKind Kind => state == State.Plain ? plain[plainAt - 1].Kind : Value().Kind;

    /// <summary>Gets a value indicating whether the holder is DCS of more than one authority at once.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public bool IsSharedPost => state == State.Plain ? plain[plainAt - 1].Shared : Value().IsSharedPost;

    /// <summary>Gets why the appointment ended, when the record gives a reason; null otherwise.</summary>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public ExitReason? ExitReason => state == State.Plain ? plain[plainAt - 1].Reason : Value().ExitReason;

    /// <summary>
    /// Reads the next record, reading the stream synchronously when the buffer holds no whole record.
    /// </summary>
    /// <returns>True when a record was read; false at the end of the input, or after a record with problems under <see cref="ProblemHandling.Stop"/>.</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    public bool Read()
    {
        if (NextPlain())
        {
            return true;
        }

        while (true)
        {
            switch (Step())
            {
                case CsvStep.Read:
                    return true;
                case CsvStep.End:
                    return false;
                default:
                    table.Fill();
                    break;
            }
        }
    }

    /// <summary>
    /// Reads the next record as <see cref="Read"/> does, reading the stream asynchronously when the buffer holds no
    /// whole record; a record already buffered is read at once, without a task.
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops the reading with an <see cref="OperationCanceledException"/>, checked at each call and passed to each read
    /// of the stream. The records read before stay as they were read.
    /// </param>
    /// <returns>True when a record was read; false at the end of the input, or after a record with problems under <see cref="ProblemHandling.Stop"/>.</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (NextPlain())
        {
            return new ValueTask<bool>(true);
        }

        CsvStep step = Step();
        return step == CsvStep.NeedInput ? FillAndReadAsync(cancellationToken) : new ValueTask<bool>(step == CsvStep.Read);
    }

    /// <summary>
    /// Makes the appointment of the record read, as <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/>
    /// makes it; codes and ids that repeat are kept as one string each for the life of the reader.
    /// </summary>
    /// <returns>The appointment.</returns>
    /// <exception cref="InvalidOperationException">No record has been read, or it has problems.</exception>
    public Appointment GetAppointment()
    {
        if (state != State.Plain)
        {
            return Value();
        }

        ref readonly PlainValues row = ref plain[plainAt - 1];
        ReadOnlySpan<byte> bytes = codes.AsSpan(row.Codes, row.AuthorityLength + row.HolderLength);
        return records.PlainAppointment(bytes[..row.AuthorityLength], bytes[row.AuthorityLength..], row.Start, row.End, row.Kind, row.Shared, row.Reason);
    }

    /// <summary>Gets the record read, equal to the one <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/> gives at this place.</summary>
    /// <returns>The record: its appointment, or its problems.</returns>
    /// <exception cref="InvalidOperationException">No record has been read.</exception>
    public RecordResult<Appointment> GetRecord() =>
        state == State.Plain ? RecordResult.Success(plain[plainAt - 1].Number, GetAppointment()) : Record();

    /// <summary>Returns the reader's buffers to the pool; the stream is left open. Reading afterwards throws.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        state = State.None;
        plainAt = plainCount = 0;
        table.Dispose();
        Return(ref plain);
        Return(ref codes);
    }

    private static void Return<T>(ref T[] rented)
    {
        T[] array = rented;
        rented = [];
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> ascii, char[] chars, ref int decoded)
    {
        if (decoded != ascii.Length)
        {
            Ascii.ToUtf16(ascii, chars, out decoded);
        }

        return chars.AsSpan(0, ascii.Length);
    }

    private async ValueTask<bool> FillAndReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await table.FillAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            switch (Step())
            {
                case CsvStep.Read:
                    return true;
                case CsvStep.End:
                    return false;
            }
        }
    }

    private RecordResult<Appointment> Record() =>
        state == State.OneAtATime ? record! : throw new InvalidOperationException(disposed ? "The reader is disposed." : "No record has been read: call Read first, and only while it returns true.");

    private Appointment Value() =>
        Record().Value ?? throw new InvalidOperationException("The record has problems (see Problems): its values cannot be read.");

    /// <summary>Moves to the next of the plain rows read at once, when there is one (none once disposed).</summary>
    private bool NextPlain()
    {
        if (plainAt >= plainCount)
        {
            return false;
        }

        plainAt++;
        state = State.Plain;
        authorityDecoded = holderDecoded = -1;
        return true;
    }

    /// <summary>Reads the next record, one read at once with the plain rows after it or else one at a time, when no plain row is waiting.</summary>
    private CsvStep Step()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        authorityDecoded = holderDecoded = -1;
        state = State.None;
        record = null;
        plainAt = plainCount = codesLength = 0;
        if (stopped)
        {
            return CsvStep.End;
        }

        if (records.HeaderRead && !records.HasReady && table.ReadPlainRows(new Collect(this)) > 0)
        {
            plainAt = 1;
            state = State.Plain;
            return CsvStep.Read;
        }

        CsvStep step = records.Next(out RecordResult<Appointment>? next);
        if (step == CsvStep.Read)
        {
            record = next;
            state = State.OneAtATime;
            stopped = !next!.IsValid && handling == ProblemHandling.Stop;
        }

        return step;
    }

    /// <summary>Keeps a plain row's values and the bytes of its codes; false, leaving the row to be read one at a time, when it is not plain.</summary>
    private bool TryKeep(in CsvTableReader.PlainRow row)
    {
        if (!records.TryPlainValues(row, out LocalDate start, out LocalDate? end, out AppointmentKind kind, out bool shared, out ExitReason? reason))
        {
            return false;
        }

        ReadOnlySpan<byte> authority = row[0];
        ReadOnlySpan<byte> holder = row[1];
        if (plainCount == plain.Length)
        {
            Grow(ref plain, plainCount, 256);
        }

        int length = authority.Length + holder.Length;
        if (codes.Length - codesLength < length)
        {
            Grow(ref codes, codesLength, Math.Max(codesLength + length, 8192));
        }

        authority.CopyTo(codes.AsSpan(codesLength));
        holder.CopyTo(codes.AsSpan(codesLength + authority.Length));
        plain[plainCount++] = new PlainValues(row.Number, codesLength, authority.Length, holder.Length, start, end, kind, shared, reason);
        codesLength += length;
        return true;
    }

    private static void Grow<T>(ref T[] array, int used, int least)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(least, array.Length * 2));
        array.AsSpan(0, used).CopyTo(larger);
        Return(ref array);
        array = larger;
    }

    /// <summary>The values of a plain row: its number, where its codes are, and what was read from its fields.</summary>
    private readonly record struct PlainValues(int Number, int Codes, int AuthorityLength, int HolderLength, LocalDate Start, LocalDate? End,
        AppointmentKind Kind, bool Shared, ExitReason? Reason);

    /// <summary>Keeps each plain row the table reads at once.</summary>
    private readonly struct Collect(AppointmentCsvReader reader) : CsvTableReader.IPlainRows
    {
        public bool TryTake(in CsvTableReader.PlainRow row) => reader.TryKeep(row);
    }
}
