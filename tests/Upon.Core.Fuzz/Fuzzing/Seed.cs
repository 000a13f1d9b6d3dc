using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Upon.Core.Fuzz.Documents;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>How a seed's records are laid out in bytes.</summary>
internal enum SeedLayout
{
    /// <summary>JSON Lines: one compact record a line.</summary>
    Lines,

    /// <summary>A JSON array of records.</summary>
    Array,

    /// <summary>One JSON document (the one record is the whole document), indented.</summary>
    Single,

    /// <summary>A CSV table whose first row is the header.</summary>
    Csv,
}

/// <summary>A valid document the fuzzer mutates: its records as trees (JSON) or rows (CSV), and which strings are free text.</summary>
internal sealed class Seed
{
    public Seed(string name, SeedLayout layout, IEnumerable<JsonTree> records)
    {
        Name = name;
        Layout = layout;
        Records = [.. records];
        Rows = [];
    }

    public Seed(string name, IEnumerable<IEnumerable<string>> rows)
    {
        Name = name;
        Layout = SeedLayout.Csv;
        Records = [];
        Rows = [.. rows.Select(r => r.ToImmutableArray())];
    }

    public string Name { get; }

    public SeedLayout Layout { get; }

    public ImmutableArray<JsonTree> Records { get; }

    /// <summary>Gets the CSV rows, the header first.</summary>
    public ImmutableArray<ImmutableArray<string>> Rows { get; }

    /// <summary>
    /// Gets the places whose strings any text may replace with the document still valid: <c>record/path</c> for JSON
    /// (see <see cref="JsonPlace.Path"/>), the column index for CSV. Filled once by <see cref="FuzzFormat.Prepare"/>.
    /// </summary>
    public HashSet<string> FreeText { get; } = [];

    public static byte[] Write(SeedLayout layout, IReadOnlyList<JsonTree> records, bool indented, string newline)
    {
        using MemoryStream output = new();
        switch (layout)
        {
            case SeedLayout.Lines:
                foreach (JsonTree record in records)
                {
                    DocumentWriter.Write(output, record, indented: false);
                    output.Write(System.Text.Encoding.ASCII.GetBytes(newline));
                }

                break;
            case SeedLayout.Array:
                output.WriteByte((byte)'[');
                for (int i = 0; i < records.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)',');
                    }

                    if (indented)
                    {
                        output.Write(System.Text.Encoding.ASCII.GetBytes(newline + "  "));
                    }

                    DocumentWriter.Write(output, records[i], indented, newline, 1);
                }

                if (indented)
                {
                    output.Write(System.Text.Encoding.ASCII.GetBytes(newline));
                }

                output.WriteByte((byte)']');
                break;
            default:
                foreach (JsonTree record in records)
                {
                    DocumentWriter.Write(output, record, indented, newline);
                }

                break;
        }

        return output.ToArray();
    }

    /// <summary>The seed's bytes, unmutated.</summary>
    public byte[] Write() => Layout == SeedLayout.Csv ? WriteCsv(Rows.Select(r => r.ToList()).ToList()) : Write(Layout, Records, indented: Layout == SeedLayout.Single, "\n");

    public static byte[] WriteCsv(List<List<string>> rows, IReadOnlyList<string>? lineEnds = null)
    {
        using MemoryStream output = new();
        DocumentWriter.WriteCsv(output, rows, lineEnds ?? []);
        return output.ToArray();
    }
}
