namespace Upon.Core.Workforce;

/// <summary>
/// The records of a CSV table of a workforce document, one step at a time: the header first (its problems, when it has
/// any, make a record 0), then each data row, reported when the table cannot read it field by field and otherwise read
/// by <see cref="Record"/>. The parsing core that the synchronous and asynchronous readers of a document share
/// (<see cref="RecordStreams.Csv{T}"/>, <see cref="RecordStreams.CsvAsync{T}"/>), which differ only in how they fill the table.
/// </summary>
/// <typeparam name="T">What a record holds.</typeparam>
/// <remarks>Not thread-safe: one source per read.</remarks>
internal abstract class CsvRecordSource<T>
    where T : class
{
    // Records read at once from the bytes buffered (ReadPlain), each given before anything more is read: at most what
    // one buffer of the table holds, so memory stays flat.
    private readonly List<RecordResult<T>> ready = [];

    // Whether a record with problems has ended the reading (ProblemHandling.Stop).
    private bool stopped;
    private int readyAt;

    /// <summary>Initializes a source of the records of <paramref name="table"/>.</summary>
    /// <param name="table">The table; read, not disposed.</param>
    protected CsvRecordSource(CsvTableReader table)
    {
        Table = table;
    }

    /// <summary>Gets the table read.</summary>
    protected CsvTableReader Table { get; }

    /// <summary>Gets the problems of the record being read; cleared at each step.</summary>
    protected List<DocumentProblem> Problems { get; } = [];

    /// <summary>Gets a value indicating whether the header has been read.</summary>
    public bool HeaderRead { get; private set; }

    /// <summary>Gets a value indicating whether records read at once are waiting to be given by <see cref="Next(out RecordResult{T}?)"/>.</summary>
    public bool HasReady => readyAt < ready.Count;

    /// <summary>
    /// Reads the next record as <see cref="Next(out RecordResult{T}?)"/> does, except that with <see cref="ProblemHandling.Stop"/>
    /// the first record with problems is the last one: every step after it is <see cref="CsvStep.End"/>.
    /// </summary>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="record">The record read, when the step is <see cref="CsvStep.Read"/>.</param>
    /// <returns>What the step did.</returns>
    public CsvStep Next(ProblemHandling handling, out RecordResult<T>? record)
    {
        record = null;
        CsvStep step = stopped ? CsvStep.End : Next(out record);
        stopped |= step == CsvStep.Read && !record!.IsValid && handling == ProblemHandling.Stop;
        return step;
    }

    /// <summary>Reads the next record: <see cref="CsvStep.Read"/> with the record, <see cref="CsvStep.NeedInput"/>, or <see cref="CsvStep.End"/>.</summary>
    /// <param name="record">The record read, when the step is <see cref="CsvStep.Read"/>.</param>
    /// <returns>What the step did.</returns>
    public CsvStep Next(out RecordResult<T>? record)
    {
        if (readyAt < ready.Count)
        {
            record = ready[readyAt++];
            return CsvStep.Read;
        }

        ready.Clear();
        readyAt = 0;
        record = null;
        Problems.Clear();
        if (HeaderRead && ReadPlain(ready) > 0)
        {
            record = ready[readyAt++];
            return CsvStep.Read;
        }

        if (!HeaderRead)
        {
            CsvStep header = Table.ReadHeader(Problems);
            if (header != CsvStep.Read)
            {
                return header;
            }

            HeaderRead = true;
            if (Problems.Count > 0)
            {
                record = RecordResult.Failure<T>(0, [.. Problems]);
                return CsvStep.Read;
            }
        }

        CsvStep step = Table.TryReadRow(Problems);
        if (step != CsvStep.Read)
        {
            return step;
        }

        record = Problems.Count > 0 ? RecordResult.Failure<T>(Table.Number, [.. Problems]) : Record();
        return CsvStep.Read;
    }

    /// <summary>
    /// Reads at once, into <paramref name="records"/>, records of the rows buffered that are read whole and plainly, as
    /// <see cref="Record"/> would read them; the rows from the first that is not are left to be read one at a time. None
    /// unless a source overrides it.
    /// </summary>
    /// <param name="records">The list to add to.</param>
    /// <returns>The number of records added.</returns>
    protected virtual int ReadPlain(List<RecordResult<T>> records) => 0;

    /// <summary>Reads the fields of the row last read, which the table could read field by field (<see cref="Problems"/> is empty).</summary>
    /// <returns>The record of the row.</returns>
    protected abstract RecordResult<T> Record();
}
