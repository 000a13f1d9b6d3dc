namespace Upon.Cli;

/// <summary>
/// One table of a command's CSV output: records of the command's JSON output, found by a path, and the columns to
/// write of each (see <see cref="CsvOutput"/>).
/// </summary>
/// <param name="Name">The table's name, written in the first column, <c>table</c>, when a command's CSV holds more than one table.</param>
/// <param name="Path">
/// Where the records are: property names separated by dots, from the document. Every array on the way is a level of
/// records, one row for each element of the last: <c>groups.survival</c> gives a row for each time of each group's
/// survival; an empty path is the document itself (or each element, when it is an array). When an array after the
/// first is empty or missing, its parent still has its row, with the deeper columns empty: no record is lost.
/// </param>
/// <param name="Columns">
/// The columns: each names a value by its dotted path from the first level of records (<c>group</c>,
/// <c>median.months</c>); a value of a deeper level is named from that level's place on the path
/// (<c>survival.months</c>). A column of a table whose records are single values (an array of dates) takes the value.
/// </param>
internal sealed record CsvTable(string Name, string Path, params string[] Columns);

/// <summary>
/// Writes a command's output as CSV (RFC 4180): a header row, then one row per record, each value as the command's JSON
/// output has it, so that the CSV and the JSON always say the same. Numbers are written as the JSON writes them
/// (unformatted and unrounded), dates and periods as ISO 8601 text, true and false as such, a missing or null value
/// as an empty cell, and a list as its items separated by <c>"; "</c> (a list of objects gives one column per value,
/// each the items' values so separated). Text is escaped for the terminal as the tables are (see
/// <see cref="CliText.Escape"/>), and text a spreadsheet would take for a formula (starting with <c>=</c>,
/// <c>+</c>, <c>-</c> or <c>@</c>) is written after an apostrophe. A field holding a comma or a double quote is
/// quoted, its quotes doubled; lines end with CR LF.
/// </summary>
internal sealed class CsvOutput
{
    /// <summary>What separates the items of a list in one cell.</summary>
    public const string ListSeparator = "; ";

    /// <summary>The name of the first column when the output holds more than one table.</summary>
    public const string TableColumn = "table";

    private const string LineEnd = "\r\n";

    private readonly TextWriter output;
    private readonly CsvTable[] tables;
    private readonly string[] header;
    private readonly bool named;

    /// <summary>Initializes an output of <paramref name="tables"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="tables">The tables, in order; their columns make the header, each once, in order of first use.</param>
    public CsvOutput(TextWriter output, params CsvTable[] tables)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tables.Length);
        this.output = output;
        this.tables = tables;
        named = tables.Length > 1;
        header = [.. (named ? [TableColumn] : Array.Empty<string>()).Concat(tables.SelectMany(t => t.Columns)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the header's columns, in order.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>Writes <paramref name="json"/>, a command's JSON output, as CSV: the header and every table's rows.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="json">The JSON document.</param>
    /// <param name="tables">The tables to take from it.</param>
    public static void Write(TextWriter output, string json, params CsvTable[] tables)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        CsvOutput csv = new(output, tables);
        csv.WriteHeader();
        foreach (CsvTable table in tables)
        {
            csv.WriteRows(table, document.RootElement);
        }
    }

    /// <summary>Writes the header row.</summary>
    public void WriteHeader() => WriteLine(header.Select(Quote));

    /// <summary>Writes the rows of <paramref name="table"/> (one of this output's) found in <paramref name="document"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="document">The root of a JSON document.</param>
    /// <returns>The number of rows written.</returns>
    public int WriteRows(CsvTable table, JsonElement document)
    {
        if (Array.IndexOf(tables, table) < 0)
        {
            throw new ArgumentException("The table is not one of this output's.", nameof(table));
        }

        List<Level[]> rows = [];
        string[] path = table.Path.Length == 0 ? [] : table.Path.Split('.');
        Walk(document, path, 0, string.Empty, [], rows);
        foreach (Level[] row in rows)
        {
            WriteLine(header.Select(column =>
                column == TableColumn && named ? Quote(table.Name)
                : table.Columns.Contains(column) ? Cell(row, column)
                : string.Empty));
        }

        return rows.Count;
    }

    /// <summary>
    /// Formats one value as a CSV cell would hold it before quoting: what <see cref="CsvOutput"/> says of numbers, text,
    /// lists and empty values. Tests compare CSV read back with the JSON through it.
    /// </summary>
    /// <param name="values">The value, or each item of a list.</param>
    /// <returns>The cell's text.</returns>
    public static string Format(IReadOnlyList<JsonElement> values)
    {
        StringBuilder cell = new();
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                cell.Append(ListSeparator);
            }

            JsonElement value = values[i];
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    cell.Append(CliText.Escape(value.GetString()!));
                    break;
                case JsonValueKind.True:
                    cell.Append("true");
                    break;
                case JsonValueKind.False:
                    cell.Append("false");
                    break;
                case JsonValueKind.Number:
                    cell.Append(value.GetRawText());
                    break;
                default:
                    // Null, or an object or a list inside a list, which has no single value for a cell: an empty item,
                    // so that the items of the columns of one list stay in step.
                    break;
            }
        }

        bool text = values.Count > 0 && values[0].ValueKind == JsonValueKind.String;
        return text && cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell.ToString();
    }

    /// <summary>
    /// Finds the values a column names in a JSON value: itself for an empty path, one for every item of a list (an
    /// undefined value when the item has none), none when a property on the path is missing.
    /// </summary>
    /// <param name="value">Where to start.</param>
    /// <param name="path">The column's path below it, property names separated by dots, or empty.</param>
    /// <param name="found">Receives the values.</param>
    public static void Resolve(JsonElement value, string path, List<JsonElement> found)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            // Each item gives one value, an empty one when it lacks the column's, so that the lists stay in step.
            foreach (JsonElement item in value.EnumerateArray())
            {
                int before = found.Count;
                Resolve(item, path, found);
                if (found.Count == before)
                {
                    found.Add(default);
                }
            }

            return;
        }

        if (path.Length == 0)
        {
            found.Add(value);
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        int dot = path.IndexOf('.', StringComparison.Ordinal);
        string name = dot < 0 ? path : path[..dot];
        if (value.TryGetProperty(name, out JsonElement next))
        {
            Resolve(next, dot < 0 ? string.Empty : path[(dot + 1)..], found);
        }
    }

    private static void Walk(JsonElement node, string[] path, int index, string prefix, List<Level> levels, List<Level[]> rows)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            int before = rows.Count;
            foreach (JsonElement item in node.EnumerateArray())
            {
                levels.Add(new Level(prefix, item));
                Next(item, path, index, prefix, levels, rows);
                levels.RemoveAt(levels.Count - 1);
            }

            if (rows.Count == before && levels.Count > 0)
            {
                rows.Add([.. levels]);
            }

            return;
        }

        if (levels.Count == 0 && index == path.Length)
        {
            rows.Add([new Level(string.Empty, node)]);
            return;
        }

        Next(node, path, index, prefix, levels, rows);
    }

    private static void Next(JsonElement node, string[] path, int index, string prefix, List<Level> levels, List<Level[]> rows)
    {
        if (index == path.Length)
        {
            rows.Add([.. levels]);
            return;
        }

        string name = path[index];
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out JsonElement next) && next.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
        {
            Walk(next, path, index + 1, levels.Count == 0 ? string.Empty : prefix.Length == 0 ? name : $"{prefix}.{name}", levels, rows);
        }
        else if (levels.Count > 0)
        {
            rows.Add([.. levels]);
        }
    }

    private static string Cell(Level[] row, string column)
    {
        for (int i = row.Length - 1; i >= 0; i--)
        {
            string prefix = row[i].Prefix;
            if (prefix.Length == 0 || column == prefix || column.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                List<JsonElement> found = [];
                Resolve(row[i].Value, prefix.Length == 0 ? column : column.Length == prefix.Length ? string.Empty : column[(prefix.Length + 1)..], found);
                if (row[i].Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) && found.Count == 0)
                {
                    found.Add(row[i].Value);
                }

                return Quote(Format(found));
            }
        }

        return string.Empty;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(',', '"') < 0 && field.AsSpan().IndexOfAny('\r', '\n') < 0
            ? field
            : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private void WriteLine(IEnumerable<string> fields)
    {
        output.Write(string.Join(',', fields));
        output.Write(LineEnd);
    }

    /// <summary>One level of records on a row: where it is on the path, and the record.</summary>
    private readonly record struct Level(string Prefix, JsonElement Value);
}
