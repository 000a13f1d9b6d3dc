using System.IO.Pipelines;

namespace Upon.Core.Workforce;

/// <summary>Reading judgements from CSV asynchronously, through the parser the synchronous readers use.</summary>
public static partial class OfstedJudgementDocument
{
    /// <summary>
    /// Reads judgement records from CSV, lazily and asynchronously: the same records, problems and counts as
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
    /// <see cref="OperationCanceledException"/>. Records already given stay whole and valid.
    /// </param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <remarks>Each enumeration reads the stream from where it is; enumerate once. Not thread-safe while enumerated.</remarks>
    public static IAsyncEnumerable<RecordResult<OfstedJudgement>> ReadCsvAsync(Stream csv, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return RecordStreams.CsvAsync(() => new CsvTableReader(csv, Columns), table => new CsvRecords(table), handling, cancellationToken);
    }

    /// <summary>
    /// Reads judgement records from CSV in a pipe (an ASP.NET Core request's <c>BodyReader</c>, for example), lazily and
    /// asynchronously: the same records, problems and counts as <see cref="ReadCsv(Stream, ProblemHandling)"/>.
    /// </summary>
    /// <param name="csv">The pipe of UTF-8 CSV (a byte order mark is skipped); its bytes are consumed as the records are enumerated, and it is not completed.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <remarks>Enumerate once. Not thread-safe while enumerated.</remarks>
    public static IAsyncEnumerable<RecordResult<OfstedJudgement>> ReadCsvAsync(PipeReader csv, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        Stream stream = csv.AsStream(leaveOpen: true);
        return RecordStreams.CsvAsync(() => new CsvTableReader(stream, Columns), table => new CsvRecords(table), handling, cancellationToken);
    }
}
