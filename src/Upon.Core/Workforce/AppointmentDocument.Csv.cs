using System.IO.Pipelines;
using System.Runtime.CompilerServices;

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
        return CsvIteratorAsync(csv, handling, cancellationToken);
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
        return CsvIteratorAsync(csv.AsStream(leaveOpen: true), handling, cancellationToken);
    }

    private static IEnumerable<RecordResult<Appointment>> CsvIterator(Func<CsvTableReader> open, ProblemHandling handling)
    {
        using CsvTableReader table = open();
        CsvRecords records = new(table);
        while (true)
        {
            CsvStep step = records.Next(out RecordResult<Appointment>? record);
            if (step == CsvStep.Read)
            {
                yield return record!;
                if (!record!.IsValid && handling == ProblemHandling.Stop)
                {
                    yield break;
                }
            }
            else if (step == CsvStep.NeedInput)
            {
                table.Fill();
            }
            else
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<RecordResult<Appointment>> CsvIteratorAsync(Stream csv, ProblemHandling handling, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using CsvTableReader table = new(csv, Columns, 3, 5);
        CsvRecords records = new(table);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CsvStep step = records.Next(out RecordResult<Appointment>? record);
            if (step == CsvStep.Read)
            {
                yield return record!;
                if (!record!.IsValid && handling == ProblemHandling.Stop)
                {
                    yield break;
                }
            }
            else if (step == CsvStep.NeedInput)
            {
                await table.FillAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The appointment records of a CSV table, one step at a time: the parsing core of <see cref="ReadCsv(Stream, ProblemHandling)"/>
    /// and <see cref="ReadCsvAsync(Stream, ProblemHandling, CancellationToken)"/>, which differ only in how they fill the table.
    /// </summary>
    private sealed class CsvRecords
    {
        private readonly CsvTableReader table;
        private readonly List<DocumentProblem> problems = [];

        // Per read, not shared: codes and holder ids repeat from row to row, so each is kept once.
        private readonly StringPool pool = new();
        private readonly RecordBuilder builder;
        private bool headerRead;

        public CsvRecords(CsvTableReader table)
        {
            this.table = table;
            builder = new RecordBuilder(problems);
        }

        /// <summary>Reads the next record: <see cref="CsvStep.Read"/> with the record, <see cref="CsvStep.NeedInput"/>, or <see cref="CsvStep.End"/>.</summary>
        public CsvStep Next(out RecordResult<Appointment>? record)
        {
            record = null;
            problems.Clear();
            if (!headerRead)
            {
                CsvStep header = table.ReadHeader(problems);
                if (header != CsvStep.Read)
                {
                    return header;
                }

                headerRead = true;
                if (problems.Count > 0)
                {
                    record = RecordResult.Failure<Appointment>(0, [.. problems]);
                    return CsvStep.Read;
                }
            }

            CsvStep step = table.TryReadRow(problems);
            if (step != CsvStep.Read)
            {
                return step;
            }

            if (problems.Count > 0)
            {
                record = RecordResult.Failure<Appointment>(table.Number, [.. problems]);
                return CsvStep.Read;
            }

            bool ascii = table.IsAscii;
            string? authority = builder.Text(table.Field(0), Columns[0], pool);
            string? holder = builder.Text(table.Field(1), Columns[1], pool);
            LocalDate? start = builder.Date(table.Field(2), Columns[2], required: true);
            LocalDate? end = table.Has(3) ? builder.Date(table.Field(3), Columns[3], required: false) : null;
            AppointmentKind? kind = builder.Kind(table.Field(4), ascii, Columns[4]);
            bool? shared = table.Has(5) ? builder.Shared(table.Field(5), ascii, Columns[5]) : false;
            record = builder.Build(table.Number, authority, holder, start, end, kind, shared, Columns[3]);
            return CsvStep.Read;
        }
    }
}
