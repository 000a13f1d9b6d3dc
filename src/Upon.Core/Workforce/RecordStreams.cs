using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Upon.Core.Workforce;

/// <summary>
/// The streams of records that the workforce documents of many records (appointments, Ofsted judgements) give: CSV
/// through a <see cref="CsvRecordSource{T}"/>, JSON through <see cref="JsonDocumentStream"/>, synchronously or
/// asynchronously, each stopping after the first record with problems when asked to (<see cref="ProblemHandling.Stop"/>).
/// </summary>
internal static class RecordStreams
{
    /// <summary>Gives <paramref name="records"/>, ending after the first one with problems when <paramref name="handling"/> is <see cref="ProblemHandling.Stop"/>.</summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="records">The records.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records, lazily.</returns>
    public static IEnumerable<RecordResult<T>> Limit<T>(IEnumerable<RecordResult<T>> records, ProblemHandling handling)
        where T : class
    {
        foreach (RecordResult<T> record in records)
        {
            yield return record;
            if (!record.IsValid && handling == ProblemHandling.Stop)
            {
                yield break;
            }
        }
    }

    /// <summary>Reads the records of a CSV table, filling it synchronously; the table is opened when the enumeration starts and disposed when it ends.</summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="open">Opens the table.</param>
    /// <param name="source">Makes the source of the records of a table.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records, lazily, in file order.</returns>
    public static IEnumerable<RecordResult<T>> Csv<T>(Func<CsvTableReader> open, Func<CsvTableReader, CsvRecordSource<T>> source, ProblemHandling handling)
        where T : class
    {
        using CsvTableReader table = open();
        CsvRecordSource<T> records = source(table);
        for (CsvStep step = records.Next(handling, out RecordResult<T>? record); step != CsvStep.End; step = records.Next(handling, out record))
        {
            if (step == CsvStep.NeedInput)
            {
                table.Fill();
            }
            else
            {
                yield return record!;
            }
        }
    }

    /// <summary>
    /// Reads the records of a CSV table as <see cref="Csv{T}"/> does, filling it asynchronously: cancellation is checked
    /// before each record and passed to each read.
    /// </summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="open">Opens the table.</param>
    /// <param name="source">Makes the source of the records of a table.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records, lazily, in file order.</returns>
    public static async IAsyncEnumerable<RecordResult<T>> CsvAsync<T>(Func<CsvTableReader> open, Func<CsvTableReader, CsvRecordSource<T>> source, ProblemHandling handling, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using CsvTableReader table = open();
        CsvRecordSource<T> records = source(table);
        cancellationToken.ThrowIfCancellationRequested();
        for (CsvStep step = records.Next(handling, out RecordResult<T>? record); step != CsvStep.End; step = records.Next(handling, out record))
        {
            if (step == CsvStep.NeedInput)
            {
                await table.FillAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                yield return record!;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Reads the records of JSON (an array or JSON Lines), synchronously; each enumeration has its own pool of the strings
    /// its records share.
    /// </summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="format">The layout.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <param name="names">The names of the records in messages: plural ("appointments"), singular with its article, and the object whose keys may be confidential (none).</param>
    /// <param name="read">Reads a record's root element, given its number and the pool.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records, lazily, in stream order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IEnumerable<RecordResult<T>> Json<T>(Stream utf8Json, BatchFormat format, int maxBytes, (string Plural, string Singular, string? ConfidentialObject) names, Func<JsonElement, int, StringPool, RecordResult<T>> read, ProblemHandling handling)
        where T : class
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return Limit(JsonRecords(utf8Json, format, maxBytes, names, read), handling);
    }

    /// <summary>
    /// Reads the records of JSON as <see cref="Json{T}"/> does, reading the stream asynchronously: the same records
    /// however the stream splits the bytes.
    /// </summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="format">The layout.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <param name="names">The names of the records in messages.</param>
    /// <param name="read">Reads a record's root element, given its number and the pool.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">Stops the reading: checked before each read of the stream and before each record.</param>
    /// <returns>The records, lazily, in stream order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<T>> JsonAsync<T>(Stream utf8Json, BatchFormat format, int maxBytes, (string Plural, string Singular, string? ConfidentialObject) names, Func<JsonElement, int, StringPool, RecordResult<T>> read, ProblemHandling handling, CancellationToken cancellationToken)
        where T : class
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return JsonRecordsAsync(utf8Json, format, maxBytes, names, read, handling, cancellationToken);
    }

    /// <summary>Reads the records of JSON in a pipe as <see cref="JsonAsync{T}(Stream, BatchFormat, int, ValueTuple{string, string, string}, Func{JsonElement, int, StringPool, RecordResult{T}}, ProblemHandling, CancellationToken)"/> reads a stream; the pipe is not completed.</summary>
    /// <typeparam name="T">What a record holds.</typeparam>
    /// <param name="utf8Json">The pipe.</param>
    /// <param name="format">The layout.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <param name="names">The names of the records in messages.</param>
    /// <param name="read">Reads a record's root element, given its number and the pool.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>The records, lazily, in pipe order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<T>> JsonAsync<T>(PipeReader utf8Json, BatchFormat format, int maxBytes, (string Plural, string Singular, string? ConfidentialObject) names, Func<JsonElement, int, StringPool, RecordResult<T>> read, ProblemHandling handling, CancellationToken cancellationToken)
        where T : class
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return JsonDocumentStream.FromPipe(utf8Json, (stream, token) => JsonRecordsAsync(stream, format, maxBytes, names, read, handling, token), cancellationToken);
    }

    private static async IAsyncEnumerable<RecordResult<T>> JsonRecordsAsync<T>(Stream utf8Json, BatchFormat format, int maxBytes, (string Plural, string Singular, string? ConfidentialObject) names, Func<JsonElement, int, StringPool, RecordResult<T>> read, ProblemHandling handling, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        // Each enumeration has its own pool of the strings its records share.
        StringPool pool = new();
        await foreach (RecordResult<T> record in JsonDocumentStream.ReadAllAsync(utf8Json, format, maxBytes, names, (element, number) => read(element, number, pool), RecordResult.Failure<T>, null, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
            if (!record.IsValid && handling == ProblemHandling.Stop)
            {
                yield break;
            }
        }
    }

    private static IEnumerable<RecordResult<T>> JsonRecords<T>(Stream utf8Json, BatchFormat format, int maxBytes, (string Plural, string Singular, string? ConfidentialObject) names, Func<JsonElement, int, StringPool, RecordResult<T>> read)
        where T : class
    {
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, maxBytes, names.Plural, names.Singular, names.ConfidentialObject);
        StringPool pool = new();
        foreach (RecordResult<T> record in documents.ReadRecords((element, number) => read(element, number, pool), RecordResult.Failure<T>))
        {
            yield return record;
        }
    }
}
