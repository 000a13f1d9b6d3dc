using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;

namespace Upon.Core.Workforce;

/// <summary>Reading appointments from CSV, synchronously and asynchronously, through one parser.</summary>
public static partial class AppointmentDocument
{
    /// <summary>
    /// Reads appointment records from CSV, lazily and asynchronously: the same records, problems and counts as
    /// <see cref="ReadCsv(Stream, ProblemHandling)"/>, read with asynchronous reads, so that a request body or any
    /// other stream that must not be read synchronously can be read as it arrives.
    /// </summary>
    /// <param name="csv">
    /// A stream of UTF-8 CSV (a byte order mark is skipped). It is read as the records are enumerated, into one buffer
    /// of 64 KiB rented from the shared array pool (larger only while one record is longer), so memory does not grow
    /// with the number of records; it is left open.
    /// </param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">
    /// Stops the reading: the next record asked for, or the read under way, ends with an
    /// <see cref="OperationCanceledException"/>. Records already given stay whole and valid; the stream is left where
    /// the reading stopped. A token passed to <c>WithCancellation</c> works the same way.
    /// </param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <remarks>Each enumeration reads the stream from where it is; enumerate once. Not thread-safe while enumerated.</remarks>
    public static IAsyncEnumerable<RecordResult<Appointment>> ReadCsvAsync(Stream csv, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return RecordStreams.CsvAsync(() => new CsvTableReader(csv, Columns, 3, 5, 6), table => new CsvRecords(table), handling, cancellationToken);
    }

    /// <summary>
    /// Reads appointment records from CSV in a pipe, lazily and asynchronously: the same records, problems and counts
    /// as <see cref="ReadCsv(Stream, ProblemHandling)"/>, for a source that is a <see cref="PipeReader"/> (an
    /// ASP.NET Core request's <c>BodyReader</c>, for example).
    /// </summary>
    /// <param name="csv">
    /// The pipe of UTF-8 CSV (a byte order mark is skipped). Its bytes are consumed as the records are enumerated,
    /// copied into one buffer of 64 KiB rented from the shared array pool (larger only while one record is longer),
    /// so memory does not grow with the number of records. The pipe is not completed: that is left to its owner.
    /// </param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">
    /// Stops the reading: the next record asked for, or the read under way, ends with an
    /// <see cref="OperationCanceledException"/>. Records already given stay whole and valid. A token passed to
    /// <c>WithCancellation</c> works the same way.
    /// </param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <remarks>Enumerate once. Not thread-safe while enumerated.</remarks>
    public static IAsyncEnumerable<RecordResult<Appointment>> ReadCsvAsync(PipeReader csv, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        Stream stream = csv.AsStream(leaveOpen: true);
        return RecordStreams.CsvAsync(() => new CsvTableReader(stream, Columns, 3, 5, 6), table => new CsvRecords(table), handling, cancellationToken);
    }

    /// <summary>
    /// Reads every record of a CSV file at once into <see cref="AppointmentRecords"/>: the same records, in the same
    /// order, as <see cref="ReadCsv(Stream, ProblemHandling)"/> gives with <see cref="ProblemHandling.Continue"/>, held
    /// compactly (20 bytes a record read whole, each code once, each holder id as read, in buffers of 1 MiB), so that a file of millions of appointments is
    /// read and validated (<see cref="AppointmentValidation"/>) in a fraction of the time and memory.
    /// </summary>
    /// <param name="csv">A stream of UTF-8 CSV (a byte order mark is skipped); read to its end, and left open.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <remarks>
    /// The stream is read into one buffer of 64 KiB rented from the shared array pool (larger only while one record is
    /// longer). Every record is read, whatever its problems: <see cref="AppointmentValidation"/> applies a
    /// <see cref="ProblemHandling"/> to the records as a whole.
    /// </remarks>
    public static AppointmentRecords ReadCsvRecords(Stream csv)
    {
        Guard.Against.Null(csv);
        return ReadAllCsv(new CsvTableReader(csv, Columns, 3, 5, 6), ExpectedRows(csv));
    }

    /// <summary>Reads every record of CSV text at once into <see cref="AppointmentRecords"/>, as <see cref="ReadCsvRecords(Stream)"/> reads its UTF-8 bytes.</summary>
    /// <param name="csv">The CSV text; read to its end, and left open.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static AppointmentRecords ReadCsvRecords(TextReader csv)
    {
        Guard.Against.Null(csv);
        return ReadAllCsv(new CsvTableReader(csv, Columns, 3, 5, 6), 0);
    }

    /// <summary>
    /// Reads every record of a CSV stream at once into <see cref="AppointmentRecords"/>, with asynchronous reads: the
    /// same records as <see cref="ReadCsvRecords(Stream)"/>.
    /// </summary>
    /// <param name="csv">A stream of UTF-8 CSV (a byte order mark is skipped); read to its end, and left open.</param>
    /// <param name="cancellationToken">Stops the reading with an <see cref="OperationCanceledException"/>; the stream is left where the reading stopped.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Task<AppointmentRecords> ReadCsvRecordsAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return ReadAllCsvAsync(csv, cancellationToken);
    }

    /// <summary>
    /// Reads every record of CSV in a pipe at once into <see cref="AppointmentRecords"/>, with asynchronous reads: the
    /// same records as <see cref="ReadCsvRecords(Stream)"/>, for an ASP.NET Core request's <c>BodyReader</c>, for example.
    /// </summary>
    /// <param name="csv">The pipe of UTF-8 CSV (a byte order mark is skipped). It is read to its end and not completed: that is left to its owner.</param>
    /// <param name="cancellationToken">Stops the reading with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Task<AppointmentRecords> ReadCsvRecordsAsync(PipeReader csv, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return ReadAllCsvAsync(csv.AsStream(leaveOpen: true), cancellationToken);
    }

    /// <summary>
    /// About how many rows the rest of a seekable stream holds (a row of the library's layout is 40 to 80 bytes), so
    /// that the table's arrays are made once near their size rather than grown from small; 0 when it cannot be told.
    /// </summary>
    private static int ExpectedRows(Stream csv) => csv.CanSeek ? (int)Math.Clamp((csv.Length - csv.Position) / 64, 0, 1 << 22) : 0;

    /// <summary>Opens the CSV table of an appointment document over UTF-8 bytes.</summary>
    internal static CsvTableReader OpenCsv(Stream csv) => new(csv, Columns, 3, 5, 6);

    /// <summary>Opens the CSV table of an appointment document over text.</summary>
    internal static CsvTableReader OpenCsv(TextReader csv) => new(csv, Columns, 3, 5, 6);

    private static AppointmentRecords ReadAllCsv(CsvTableReader open, int expectedRows)
    {
        using CsvTableReader table = open;
        CsvRecords records = new(table);
        AppointmentRecords.Builder builder = new(expectedRows);
        for (CsvStep step = records.NextInto(builder); step != CsvStep.End; step = records.NextInto(builder))
        {
            if (step == CsvStep.NeedInput)
            {
                table.Fill();
            }
            else
            {
                records.ReadPlainInto(builder);
            }
        }

        return builder.Build();
    }

    private static async Task<AppointmentRecords> ReadAllCsvAsync(Stream csv, CancellationToken cancellationToken)
    {
        using CsvTableReader table = new(csv, Columns, 3, 5, 6);
        CsvRecords records = new(table);
        AppointmentRecords.Builder builder = new(ExpectedRows(csv));
        for (CsvStep step = records.NextInto(builder); step != CsvStep.End; step = records.NextInto(builder))
        {
            if (step == CsvStep.NeedInput)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await table.FillAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                records.ReadPlainInto(builder);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The appointment records of a CSV table, one step at a time: the parsing core of <see cref="ReadCsv(Stream, ProblemHandling)"/>,
    /// <see cref="ReadCsvAsync(Stream, ProblemHandling, CancellationToken)"/> and <see cref="ReadCsvRecords(Stream)"/>.
    /// </summary>
    internal sealed class CsvRecords : CsvRecordSource<Appointment>
    {
        // Per read, not shared: codes and holder ids repeat from row to row, so each is kept once.
        private readonly StringPool pool = new();
        private readonly RecordBuilder builder;
        // The exit reasons of the first codes read (a file has a handful, on most rows), matched without decoding.
        private readonly RecentAsciiCodes<ExitReason> reasons = new(AppointmentTable.Builder.RecentReasons);
        private readonly byte[] lastAuthorityBytes = new byte[AppointmentTable.Builder.MaxAsciiKey];
        private string? lastAuthority;
        private int lastAuthorityLength;

        public CsvRecords(CsvTableReader table)
            : base(table)
        {
            builder = new RecordBuilder(Problems);
        }

        /// <summary>
        /// Reads the next record into <paramref name="records"/>: a row read whole and plain (ASCII, dates in the form
        /// <c>yyyy-MM-dd</c>) goes straight into its table without a string but for a code or id not seen before;
        /// any other record is read as <see cref="CsvRecordSource{T}.Next(out RecordResult{T}?)"/> reads it, so the records are the same either way.
        /// </summary>
        public CsvStep NextInto(AppointmentRecords.Builder records)
        {
            Problems.Clear();
            if (HeaderRead)
            {
                CsvStep step = Table.TryReadRow(Problems);
                if (step != CsvStep.Read)
                {
                    return step;
                }

                if (Problems.Count == 0 && Table.IsAscii
                    && TryAddPlain(records.Rows, Table.Field(0), Table.Field(1), Table.Field(2), Table.Field(3), Table.Field(4), Table.Field(5), Table.Field(6)))
                {
                    records.AddRow(Table.Number);
                    return CsvStep.Read;
                }

                records.Add(Problems.Count > 0 ? RecordResult.Failure<Appointment>(Table.Number, [.. Problems]) : Record());
                return CsvStep.Read;
            }

            CsvStep first = Next(out RecordResult<Appointment>? record);
            if (first == CsvStep.Read)
            {
                records.Add(record!);
            }

            return first;
        }

        /// <summary>
        /// Reads at once the plain rows buffered so far (<see cref="CsvTableReader.ReadPlainRows{T}(T)"/>) into
        /// <paramref name="records"/>, up to the first that is not read whole this way; the header must have been read.
        /// </summary>
        public void ReadPlainInto(AppointmentRecords.Builder records) => Table.ReadPlainRows(new PlainRows(records));

        /// <summary>Reads the plain rows buffered at once into records, as <see cref="Record"/> reads each (see <see cref="CsvRecordSource{T}.ReadPlain"/>).</summary>
        protected override int ReadPlain(List<RecordResult<Appointment>> records) => Table.ReadPlainRows(new PlainRecords(this, records));

        /// <summary>
        /// Adds an appointment of ASCII fields to <paramref name="rows"/> when the fields are plain (see <see cref="TryPlain"/>);
        /// false, with nothing added, otherwise.
        /// </summary>
        private static bool TryAddPlain(AppointmentTable.Builder rows, ReadOnlySpan<byte> authority, ReadOnlySpan<byte> holder, ReadOnlySpan<byte> startField,
            ReadOnlySpan<byte> endField, ReadOnlySpan<byte> kindField, ReadOnlySpan<byte> sharedField, ReadOnlySpan<byte> reason) =>
            TryPlain(authority, holder, startField, endField, kindField, sharedField, reason, out LocalDate start, out LocalDate? end, out AppointmentKind kind, out bool shared)
            && rows.Add(authority, holder, start, end, kind, shared, reason) >= 0;

        /// <summary>
        /// Reads the ASCII fields of a row when they are plain: codes of at most <see cref="AppointmentTable.Builder.MaxAsciiKey"/>
        /// bytes that are not blank, dates in the form <c>yyyy-MM-dd</c>, the end not before the start, a known kind and
        /// shared flag, and a reason only with an end; false otherwise, when the row is left to <see cref="Record"/>.
        /// </summary>
        private static bool TryPlain(ReadOnlySpan<byte> authority, ReadOnlySpan<byte> holder, ReadOnlySpan<byte> startField, ReadOnlySpan<byte> endField,
            ReadOnlySpan<byte> kindField, ReadOnlySpan<byte> sharedField, ReadOnlySpan<byte> reason, out LocalDate start, out LocalDate? end, out AppointmentKind kind, out bool shared)
        {
            end = null;
            kind = default;
            shared = false;
            if (authority.Length > AppointmentTable.Builder.MaxAsciiKey || holder.Length > AppointmentTable.Builder.MaxAsciiKey
                || CsvFields.IsWhiteSpace(authority) || CsvFields.IsWhiteSpace(holder) || !IsoDate.TryParseUnquoted(startField, out start))
            {
                start = default;
                return false;
            }

            if (endField.Length > 0)
            {
                if (!IsoDate.TryParseUnquoted(endField, out LocalDate last) || last < start)
                {
                    return false;
                }

                end = last;
            }

            AppointmentKind? plainKind = PlainKind(kindField);
            bool? plainShared = PlainShared(sharedField);
            if (plainKind is null || plainShared is null || (!reason.IsEmpty && end is null))
            {
                return false;
            }

            kind = plainKind.Value;
            shared = plainShared.Value;
            return true;
        }

        /// <summary>
        /// Reads the values of a plain row, as <see cref="Record"/> would read them, without making its record (what
        /// <see cref="PlainRecord"/> and <see cref="AppointmentCsvReader"/> build on); false, when the row is not plain
        /// (see <see cref="TryPlain"/>) or its reason is not a code, for the row to be read by <see cref="Record"/>.
        /// </summary>
        public bool TryPlainValues(in CsvTableReader.PlainRow row, out LocalDate start, out LocalDate? end, out AppointmentKind kind, out bool shared, out ExitReason? reason)
        {
            reason = null;
            ReadOnlySpan<byte> reasonField = row[6];
            return TryPlain(row[0], row[1], row[2], row[3], row[4], row[5], reasonField, out start, out end, out kind, out shared)
                && (reasonField.IsEmpty || TryReason(reasonField, out reason));
        }

        /// <summary>The appointment of a plain row's values (<see cref="TryPlainValues"/>), its codes kept once each.</summary>
        public Appointment PlainAppointment(ReadOnlySpan<byte> authority, ReadOnlySpan<byte> holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared, ExitReason? reason)
        {
            // A file lists an authority's appointments together: the code of the row before is taken without hashing.
            if (lastAuthority is null || !authority.SequenceEqual(lastAuthorityBytes.AsSpan(0, lastAuthorityLength)))
            {
                lastAuthority = builder.Text(authority, Columns[0], pool)!;
                authority.CopyTo(lastAuthorityBytes);
                lastAuthorityLength = authority.Length;
            }

            return new Appointment(lastAuthority, builder.Text(holder, Columns[1], pool)!, start, end, kind, shared) { ExitReason = reason };
        }

        /// <summary>The record of a plain row, as <see cref="Record"/> reads it; null when the row is not plain.</summary>
        private RecordResult<Appointment>? PlainRecord(in CsvTableReader.PlainRow row) =>
            TryPlainValues(row, out LocalDate start, out LocalDate? end, out AppointmentKind kind, out bool shared, out ExitReason? reason)
                ? RecordResult.Success(row.Number, PlainAppointment(row[0], row[1], start, end, kind, shared, reason))
                : null;

        /// <summary>Adds the plain rows read at once to the records, as <see cref="NextInto"/> adds each.</summary>
        private readonly struct PlainRows(AppointmentRecords.Builder records) : CsvTableReader.IPlainRows
        {
            public bool TryTake(in CsvTableReader.PlainRow row)
            {
                if (!TryAddPlain(records.Rows, row[0], row[1], row[2], row[3], row[4], row[5], row[6]))
                {
                    return false;
                }

                records.AddRow(row.Number);
                return true;
            }
        }

        /// <summary>Makes the records of the plain rows read at once, as <see cref="Record"/> makes each.</summary>
        private readonly struct PlainRecords(CsvRecords source, List<RecordResult<Appointment>> records) : CsvTableReader.IPlainRows
        {
            public bool TryTake(in CsvTableReader.PlainRow row)
            {
                if (source.PlainRecord(row) is not RecordResult<Appointment> record)
                {
                    return false;
                }

                records.Add(record);
                return true;
            }
        }

        /// <summary>The exit reason of a code read from ASCII bytes, exactly (not trimmed); false when it is not a valid code.</summary>
        private bool TryReason(ReadOnlySpan<byte> code, [NotNullWhen(true)] out ExitReason? reason)
        {
            if (reasons.TryGet(code, out reason))
            {
                return true;
            }

            if (code.Length > ExitReason.MaxCodeLength)
            {
                return false;
            }

            Span<char> chars = stackalloc char[code.Length];
            System.Text.Ascii.ToUtf16(code, chars, out int written);
            if (!ExitReason.TryFromCode(chars[..written], out reason))
            {
                return false;
            }

            reasons.Add(code, reason);
            return true;
        }

        protected override RecordResult<Appointment> Record()
        {
            bool ascii = Table.IsAscii;
            string? authority = builder.Text(Table.Field(0), Columns[0], pool);
            string? holder = builder.Text(Table.Field(1), Columns[1], pool);
            LocalDate? start = builder.Date(Table.Field(2), Columns[2], required: true);
            LocalDate? end = Table.Has(3) ? builder.Date(Table.Field(3), Columns[3], required: false) : null;
            AppointmentKind? kind = builder.Kind(Table.Field(4), ascii, Columns[4]);
            bool? shared = Table.Has(5) ? builder.Shared(Table.Field(5), ascii, Columns[5]) : false;
            ExitReason? reason = Table.Has(6) ? builder.Reason(CsvFields.Decode(Table.Field(6), stackalloc char[Math.Min(Table.Field(6).Length, 256)]), Columns[6]) : null;
            return builder.Build(Table.Number, authority, holder, start, end, kind, shared, Columns[3], reason, Columns[6]);
        }
    }
}
