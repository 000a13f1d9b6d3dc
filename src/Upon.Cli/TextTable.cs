namespace Upon.Cli;

/// <summary>A plain-text table with a header row and columns padded to their widest cell.</summary>
internal sealed class TextTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = [];

    /// <summary>Initializes a table with the given column headers.</summary>
    public TextTable(params string[] headers)
    {
        this.headers = headers;
    }

    /// <summary>
    /// Adds a row; it must have one cell per column. Cells are escaped (see <see cref="CliText.Escape"/>): text from
    /// an input can neither break the table's lines nor reach the terminal as a control.
    /// </summary>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells.", nameof(cells));
        }

        rows.Add([.. cells.Select(CliText.Escape)]);
    }

    /// <summary>Writes the table, a header, a rule and the rows, each line without trailing spaces.</summary>
    public void Write(TextWriter output, bool rightAlignLastColumn = false)
    {
        int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length)))];
        WriteRow(output, headers, widths, rightAlignLastColumn);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in rows)
        {
            WriteRow(output, row, widths, rightAlignLastColumn);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths, bool rightAlignLastColumn)
    {
        string line = string.Join("  ", cells.Select((c, i) =>
            rightAlignLastColumn && i == cells.Length - 1 ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));
        output.WriteLine(line.TrimEnd());
    }
}
