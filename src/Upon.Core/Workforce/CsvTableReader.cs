using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Reads a CSV file of named columns, the same way for every workforce document (appointments and registers): the
/// header, then every data row, each counted and either handed over for its fields to be read or reported.
/// </summary>
/// <remarks>
/// <para>
/// The rules, so that nothing is dropped without a word and every reader counts alike:
/// </para>
/// <list type="bullet">
/// <item>Input with nothing but white space and byte order marks is empty: zero records and no problem, as a header
/// with no rows (what zero records means is the caller's rule).</item>
/// <item>The header names the columns in any order and any case. A header with an unknown, repeated or missing
/// required column, or a misplaced quote, is reported once at file level with <see cref="AppointmentProblemCodes.CsvHeaderInvalid"/>;
/// every data row is then still read and counted, and reported with the same code at path <c>row</c>, as it cannot be read
/// without its columns.</item>
/// <item>A header with no rows is zero records and no problem.</item>
/// <item>A data row is numbered from 1 (empty lines are not rows). It is reported, and its fields not read, when a quote
/// is never closed (<see cref="AppointmentProblemCodes.CsvQuoteUnclosed"/>, saying how many lines it takes in), when a
/// quote is misplaced or it has more or fewer fields than the header (<see cref="AppointmentProblemCodes.CsvRowMalformed"/>),
/// or when a field holds text that is not valid Unicode (<see cref="DocumentProblemCodes.TextInvalid"/> at the column's
/// name; see <see cref="CsvRecordReader.HasInvalidText"/>).</item>
/// </list>
/// <para>
/// Like <see cref="CsvRecordReader"/>, it is a state machine over the bytes buffered so far: a step that returns
/// <see cref="CsvStep.NeedInput"/> has changed nothing; fill the reader (<see cref="Fill"/>, <see cref="FillAsync"/>)
/// and take the step again.
/// </para>
/// <para>Messages never hold a value from the file. Not thread-safe: one reader per read.</para>
/// </remarks>
internal sealed class CsvTableReader : IDisposable
{
    private const string Row = "row";
    private readonly CsvRecordReader reader;
    private readonly string[] columns;
    private readonly int[] optional;
    private readonly int[] columnOf;
    private bool headerValid;
    private int width;
    private int number;
    private bool headerStarted;

    /// <summary>Initializes a reader of <paramref name="csv"/> whose columns are <paramref name="columns"/>.</summary>
    /// <param name="csv">The UTF-8 bytes; read, not disposed.</param>
    /// <param name="columns">The column names.</param>
    /// <param name="optional">The indexes of the columns the header may leave out; the others are required.</param>
    public CsvTableReader(Stream csv, string[] columns, params int[] optional)
        : this(new CsvRecordReader(csv), columns, optional)
    {
    }

    /// <summary>Initializes a reader of <paramref name="csv"/> whose columns are <paramref name="columns"/>.</summary>
    /// <param name="csv">The text, read as its UTF-8 encoding; read, not disposed.</param>
    /// <param name="columns">The column names.</param>
    /// <param name="optional">The indexes of the columns the header may leave out; the others are required.</param>
    public CsvTableReader(TextReader csv, string[] columns, params int[] optional)
        : this(new CsvRecordReader(csv), columns, optional)
    {
    }

    private CsvTableReader(CsvRecordReader reader, string[] columns, int[] optional)
    {
        this.reader = reader;
        this.columns = columns;
        this.optional = optional;
        columnOf = new int[columns.Length];
        Array.Fill(columnOf, -1);
    }

    /// <summary>Gets the 1-based number of the row last read.</summary>
    public int Number => number;

    /// <summary>Gets a value indicating whether every byte of the row last read is ASCII.</summary>
    public bool IsAscii => reader.IsAscii;

    /// <summary>Reads more input; call it when a step says <see cref="CsvStep.NeedInput"/>.</summary>
    public void Fill() => reader.Fill();

    /// <summary>Reads more input, asynchronously; call it when a step says <see cref="CsvStep.NeedInput"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task of the read.</returns>
    public ValueTask FillAsync(CancellationToken cancellationToken) => reader.FillAsync(cancellationToken);

    /// <summary>Returns the reader's buffer to the pool.</summary>
    public void Dispose() => reader.Dispose();

    /// <summary>Reads the header; adds the file-level problems to <paramref name="problems"/> (none when the header is good).</summary>
    /// <param name="problems">The list to add to.</param>
    /// <returns>
    /// <see cref="CsvStep.End"/> when the input is empty (no header, no rows, no problem); <see cref="CsvStep.Read"/>
    /// when the header was read, even when it has problems; <see cref="CsvStep.NeedInput"/>.
    /// </returns>
    public CsvStep ReadHeader(List<DocumentProblem> problems)
    {
        if (!headerStarted)
        {
            CsvStep skipped = reader.SkipWhiteSpace();
            if (skipped != CsvStep.Read)
            {
                return skipped;
            }

            headerStarted = true;
        }

        CsvStep step = reader.TryRead(out CsvRecordReader.Status status);
        if (step != CsvStep.Read)
        {
            return step;
        }

        int before = problems.Count;
        if (status != CsvRecordReader.Status.Ok)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvHeaderInvalid, "The header row has a misplaced or unclosed quote."));
        }

        for (int i = 0; i < reader.FieldCount; i++)
        {
            // Header names are few: decoded as a UTF-8 decoder does (U+FFFD for bytes that are not UTF-8), then compared.
            ReadOnlySpan<char> name = Encoding.UTF8.GetString(reader[i]).AsSpan().Trim().Trim('\uFEFF');
            int column = -1;
            for (int c = 0; c < columns.Length && column < 0; c++)
            {
                column = name.Equals(columns[c], StringComparison.OrdinalIgnoreCase) ? c : -1;
            }

            if (column < 0)
            {
                problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvHeaderInvalid, string.Create(CultureInfo.InvariantCulture, $"Header column {i + 1} is not one of {Names()}.")));
            }
            else if (columnOf[column] >= 0)
            {
                problems.Add(new DocumentProblem(columns[column], AppointmentProblemCodes.CsvHeaderInvalid, "The column appears more than once in the header."));
            }
            else
            {
                columnOf[column] = i;
            }
        }

        for (int column = 0; column < columns.Length; column++)
        {
            if (columnOf[column] < 0 && Array.IndexOf(optional, column) < 0)
            {
                problems.Add(new DocumentProblem(columns[column], AppointmentProblemCodes.CsvHeaderInvalid, "The header lacks this required column."));
            }
        }

        headerValid = problems.Count == before;
        width = reader.FieldCount;
        return CsvStep.Read;
    }

    /// <summary>
    /// Reads the next data row. When it cannot be read field by field, adds its problems to <paramref name="problems"/>;
    /// when <paramref name="problems"/> gains nothing, its fields are there to read with <see cref="Has"/> and <see cref="Field"/>.
    /// </summary>
    /// <param name="problems">The list to add the row's problems to.</param>
    /// <returns><see cref="CsvStep.Read"/> when a row was read, <see cref="CsvStep.End"/> at the end of the input, <see cref="CsvStep.NeedInput"/>.</returns>
    public CsvStep TryReadRow(List<DocumentProblem> problems)
    {
        CsvStep step = reader.TryRead(out CsvRecordReader.Status status);
        if (step != CsvStep.Read)
        {
            return step;
        }

        number++;
        if (status == CsvRecordReader.Status.UnclosedQuote)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvQuoteUnclosed, reader.Lines == 1
                ? "A quoted field is not closed: the row runs to the end of the file."
                : string.Create(CultureInfo.InvariantCulture, $"A quoted field is not closed, so this row runs to the end of the file: the {reader.Lines} lines from its start are read as this one row.")));
        }

        if (!headerValid)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvHeaderInvalid, "The row cannot be read: the header row is not valid (see the problems of record 0)."));
            return CsvStep.Read;
        }

        if (status == CsvRecordReader.Status.UnclosedQuote)
        {
            return CsvStep.Read;
        }

        if (status == CsvRecordReader.Status.StrayQuote)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvRowMalformed, "A field has a quote that is not at its start and end; quote the whole field and double the quotes inside."));
            return CsvStep.Read;
        }

        if (reader.FieldCount != width)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvRowMalformed, string.Create(CultureInfo.InvariantCulture, $"The row has {reader.FieldCount} fields where the header has {width}.")));
            return CsvStep.Read;
        }

        for (int column = 0; column < columns.Length && !reader.IsAscii; column++)
        {
            if (columnOf[column] >= 0 && CsvRecordReader.HasInvalidText(reader[columnOf[column]]))
            {
                problems.Add(new DocumentProblem(columns[column], DocumentProblemCodes.TextInvalid, "The field holds bytes that are not UTF-8 text (or U+FFFD, the mark of damaged text)."));
            }
        }

        return CsvStep.Read;
    }

    /// <summary>
    /// Reads at once, from the bytes buffered so far, the data rows that <paramref name="rows"/> takes, numbering them,
    /// up to the first it does not take: rows on one line with as many fields as the header, no quote and no byte that
    /// is not ASCII (<see cref="CsvRecordReader.ReadPlain{T}(int, ref T)"/>), which <see cref="TryReadRow"/> would read
    /// with no problem. The rest are left to <see cref="TryReadRow"/>; nothing is read while the header has problems.
    /// </summary>
    /// <typeparam name="T">The taker: a struct, so that its method is called directly.</typeparam>
    /// <param name="rows">Takes each row.</param>
    /// <returns>The number of rows taken.</returns>
    public int ReadPlainRows<T>(T rows)
        where T : struct, IPlainRows
    {
        if (!headerValid)
        {
            return 0;
        }

        Numbered<T> numbered = new(this, rows);
        return reader.ReadPlain(width, ref numbered);
    }

    /// <summary>Gets a value indicating whether the header has column <paramref name="column"/>.</summary>
    /// <param name="column">The index of the column in the reader's column names.</param>
    public bool Has(int column) => columnOf[column] >= 0;

    /// <summary>Gets the value of column <paramref name="column"/> in the row last read; empty when the header lacks the column.</summary>
    /// <param name="column">The index of the column in the reader's column names.</param>
    public ReadOnlySpan<byte> Field(int column) => columnOf[column] < 0 ? [] : reader[columnOf[column]];

    /// <summary>Takes the rows that <see cref="ReadPlainRows{T}(T)"/> reads.</summary>
    public interface IPlainRows
    {
        /// <summary>Takes a row, or leaves it for <see cref="TryReadRow"/> to read.</summary>
        /// <param name="row">The row.</param>
        /// <returns>Whether the row was taken; false stops the reading before it.</returns>
        bool TryTake(in PlainRow row);
    }

    private string Names() => string.Join(", ", columns[..^1]) + " and " + columns[^1];

    /// <summary>A data row read by <see cref="ReadPlainRows{T}(T)"/>: its number and its fields by column.</summary>
    internal readonly ref struct PlainRow
    {
        private readonly ReadOnlySpan<byte> record;
        private readonly ReadOnlySpan<int> bounds;
        private readonly int[] columnOf;

        /// <summary>Initializes a row.</summary>
        public PlainRow(ReadOnlySpan<byte> record, ReadOnlySpan<int> bounds, int[] columnOf, int number)
        {
            this.record = record;
            this.bounds = bounds;
            this.columnOf = columnOf;
            Number = number;
        }

        /// <summary>Gets the 1-based number of the row.</summary>
        public int Number { get; }

        /// <summary>Gets the value of column <paramref name="column"/>, as <see cref="Field(int)"/> gives it.</summary>
        public ReadOnlySpan<byte> this[int column]
        {
            get
            {
                int field = columnOf[column];
                return field < 0 ? [] : record[bounds[2 * field]..bounds[(2 * field) + 1]];
            }
        }
    }

    /// <summary>Numbers the rows a taker takes.</summary>
    private struct Numbered<T>(CsvTableReader table, T rows) : CsvRecordReader.IPlainRecords
        where T : struct, IPlainRows
    {
        public readonly bool TryTake(ReadOnlySpan<byte> record, ReadOnlySpan<int> bounds)
        {
            if (!rows.TryTake(new PlainRow(record, bounds, table.columnOf, table.number + 1)))
            {
                return false;
            }

            table.number++;
            return true;
        }
    }
}
