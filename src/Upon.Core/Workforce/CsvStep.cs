namespace Upon.Core.Workforce;

/// <summary>What a step of the CSV readers' state machine did (<see cref="CsvRecordReader"/>, <see cref="CsvTableReader"/>).</summary>
internal enum CsvStep
{
    /// <summary>A record was read: its fields are there until the next step.</summary>
    Read,

    /// <summary>The bytes buffered so far end inside the record: fill the reader and step again.</summary>
    NeedInput,

    /// <summary>The input has ended: nothing more to read.</summary>
    End,
}
