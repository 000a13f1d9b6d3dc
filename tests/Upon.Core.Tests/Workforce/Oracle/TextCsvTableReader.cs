using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce.Oracle;

/// <summary>
/// The test oracle (see <see cref="TextCsvRecordReader"/>): the table reader of 0.2.0, over characters. Reads a CSV file of named columns, the same way for every workforce document (appointments and registers): the
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
/// name; see <see cref="TextCsvRecordReader.HasInvalidText"/>).</item>
/// </list>
/// <para>Messages never hold a value from the file.</para>
/// </remarks>
internal sealed class TextCsvTableReader
{
    private const string Row = "row";
    private readonly TextCsvRecordReader reader;
    private readonly string[] columns;
    private readonly int[] optional;
    private readonly int[] columnOf;
    private bool headerValid;
    private int width;
    private int number;

    /// <summary>Initializes a reader of <paramref name="csv"/> whose columns are <paramref name="columns"/>.</summary>
    /// <param name="csv">The text.</param>
    /// <param name="columns">The column names.</param>
    /// <param name="optional">The indexes of the columns the header may leave out; the others are required.</param>
    public TextCsvTableReader(TextReader csv, string[] columns, params int[] optional)
    {
        reader = new TextCsvRecordReader(csv);
        this.columns = columns;
        this.optional = optional;
        columnOf = new int[columns.Length];
        Array.Fill(columnOf, -1);
    }

    /// <summary>Gets the 1-based number of the row last read.</summary>
    public int Number => number;

    /// <summary>Reads the header; adds the file-level problems to <paramref name="problems"/> (none when the header is good).</summary>
    /// <param name="problems">The list to add to.</param>
    /// <returns>False when the input is empty (no header, no rows, no problem); true otherwise, even when the header has problems.</returns>
    public bool ReadHeader(List<DocumentProblem> problems)
    {
        if (!reader.SkipWhiteSpace() || !reader.TryRead(out TextCsvRecordReader.Status status))
        {
            return false;
        }

        int before = problems.Count;
        if (status != TextCsvRecordReader.Status.Ok)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvHeaderInvalid, "The header row has a misplaced or unclosed quote."));
        }

        for (int i = 0; i < reader.FieldCount; i++)
        {
            ReadOnlySpan<char> name = reader[i].Trim().Trim('\uFEFF');
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
        return true;
    }

    /// <summary>
    /// Reads the next data row. When it cannot be read field by field, adds its problems to <paramref name="problems"/>;
    /// when <paramref name="problems"/> gains nothing, its fields are there to read with <see cref="Has"/> and <see cref="Field"/>.
    /// </summary>
    /// <param name="problems">The list to add the row's problems to.</param>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadRow(List<DocumentProblem> problems)
    {
        if (!reader.TryRead(out TextCsvRecordReader.Status status))
        {
            return false;
        }

        number++;
        if (status == TextCsvRecordReader.Status.UnclosedQuote)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvQuoteUnclosed, reader.Lines == 1
                ? "A quoted field is not closed: the row runs to the end of the file."
                : string.Create(CultureInfo.InvariantCulture, $"A quoted field is not closed, so this row runs to the end of the file: the {reader.Lines} lines from its start are read as this one row.")));
        }

        if (!headerValid)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvHeaderInvalid, "The row cannot be read: the header row is not valid (see the problems of record 0)."));
            return true;
        }

        if (status == TextCsvRecordReader.Status.UnclosedQuote)
        {
            return true;
        }

        if (status == TextCsvRecordReader.Status.StrayQuote)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvRowMalformed, "A field has a quote that is not at its start and end; quote the whole field and double the quotes inside."));
            return true;
        }

        if (reader.FieldCount != width)
        {
            problems.Add(new DocumentProblem(Row, AppointmentProblemCodes.CsvRowMalformed, string.Create(CultureInfo.InvariantCulture, $"The row has {reader.FieldCount} fields where the header has {width}.")));
            return true;
        }

        for (int column = 0; column < columns.Length; column++)
        {
            if (columnOf[column] >= 0 && TextCsvRecordReader.HasInvalidText(reader[columnOf[column]]))
            {
                problems.Add(new DocumentProblem(columns[column], DocumentProblemCodes.TextInvalid, "The field holds bytes that are not UTF-8 text (or U+FFFD, the mark of damaged text)."));
            }
        }

        return true;
    }

    /// <summary>Gets a value indicating whether the header has column <paramref name="column"/>.</summary>
    /// <param name="column">The index of the column in the reader's column names.</param>
    public bool Has(int column) => columnOf[column] >= 0;

    /// <summary>Gets the value of column <paramref name="column"/> in the row last read; empty when the header lacks the column.</summary>
    /// <param name="column">The index of the column in the reader's column names.</param>
    public ReadOnlySpan<char> Field(int column) => columnOf[column] < 0 ? [] : reader[columnOf[column]];

    private string Names() => string.Join(", ", columns[..^1]) + " and " + columns[^1];
}
