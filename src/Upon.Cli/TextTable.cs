using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Upon.Cli;

/// <summary>
/// A table for people, laid out by Spectre.Console: a header row, a rule of dashes under each column and the rows,
/// columns two spaces apart, numbers right-aligned and text left-aligned, no trailing spaces. On a terminal the table
/// wraps long cells between words to the terminal's width (when its longest words fit side by side) and, unless
/// <c>NO_COLOR</c> is set, shows its header in bold; written anywhere else (a file, a pipe, a test) it is plain text
/// and never wrapped, so each row stays one line.
/// </summary>
internal sealed partial class TextTable
{
    /// <summary>The width a table may take where nothing limits it: wide enough that no row is wrapped.</summary>
    private const int Unbounded = 1_000_000;

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

    /// <summary>
    /// Whether a column holds numbers, to be right-aligned: at least one cell is a number (<c>12</c>, <c>-3</c>,
    /// <c>1,234</c>, <c>0.95</c>, <c>31.8%</c>) and every other is one too, says there is none (empty, <c>-</c>,
    /// <c>–</c>, <c>n/a</c>, <c>none</c>) or marks a suppressed count (<c>[c]</c>, as the ONS writes it).
    /// </summary>
    /// <param name="cells">The column's cells, without its header.</param>
    public static bool IsNumeric(IEnumerable<string> cells)
    {
        bool any = false;
        foreach (string cell in cells)
        {
            if (Number().IsMatch(cell))
            {
                any = true;
            }
            else if (cell is not ("" or "-" or "–" or "n/a" or "none" or "[c]"))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>Writes the table: to a terminal (see <see cref="StandardOutput.Terminal"/>) wrapped to its width, elsewhere whole.</summary>
    public void Write(TextWriter output)
    {
        Terminal terminal = (output as StandardOutput)?.Terminal ?? Terminal.None;
        if (rows.Count == 0)
        {
            // Spectre draws no rule under the header of a table without rows; the tool's tables always have one.
            output.WriteLine(string.Join("  ", headers.Select(CliText.Escape)).TrimEnd(' '));
            output.WriteLine(string.Join("  ", headers.Select(h => new string('-', CliText.Escape(h).Length))));
            return;
        }

        Table table = new Table().Border(PlainBorder.Instance);
        Style header = terminal.Colour ? new Style(decoration: Decoration.Bold) : Style.Plain;
        for (int i = 0; i < headers.Length; i++)
        {
            // A column's right padding and the one-character separator make the two spaces between columns: Spectre
            // measures a separator as one character wide.
            TableColumn column = new TableColumn(new Text(CliText.Escape(headers[i]), header)).PadLeft(0).PadRight(i < headers.Length - 1 ? 1 : 0);
            table.AddColumn(IsNumeric(rows.Select(r => r[i])) ? column.RightAligned() : column.LeftAligned());
        }

        foreach (string[] row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        using StringWriter rendered = new() { NewLine = "\n" };
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        console.Profile.Width = terminal.Width is int width && MinimumWidth() <= width ? width : Unbounded;
        console.Write(table);

        // Spectre pads every line to the table's width; a line of the tool's output never ends in spaces.
        string[] lines = rendered.ToString().Split('\n');
        bool rule = false;
        foreach (string line in lines.AsSpan(0, lines.Length - 1))
        {
            // The rule under the header spans each column's padding too: the two spaces between columns are kept clear.
            bool isRule = !rule && line.Length > 0 && line.AsSpan().Trim(' ').IndexOfAnyExcept('-', ' ') < 0 && line.Contains('-', StringComparison.Ordinal);
            rule |= isRule;
            output.WriteLine((isRule ? RulePadding().Replace(line, " ") : line).TrimEnd(' '));
        }
    }

    /// <summary>
    /// The narrowest the table can be with no word split: the longest word of each column, the spaces between them.
    /// Narrower than that, a terminal's own line wrapping shows the table better than cells cut inside words.
    /// </summary>
    private int MinimumWidth()
    {
        int width = 2 * (headers.Length - 1);
        for (int i = 0; i < headers.Length; i++)
        {
            width += rows.Select(r => r[i]).Append(headers[i]).SelectMany(cell => cell.Split(' ')).Max(word => word.Length);
        }

        return width;
    }

    [GeneratedRegex("-(?= )", RegexOptions.CultureInvariant)]
    private static partial Regex RulePadding();

    [GeneratedRegex(@"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// <summary>
    /// The tool's border: nothing around the table, two spaces between columns, a rule of dashes under the header.
    /// </summary>
    private sealed class PlainBorder : TableBorder
    {
        /// <summary>Gets the border.</summary>
        public static PlainBorder Instance { get; } = new();

        /// <inheritdoc/>
        public override bool SupportsRowSeparator => false;

        /// <inheritdoc/>
        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom => "-",
            TableBorderPart.HeaderSeparator or TableBorderPart.CellSeparator or TableBorderPart.HeaderBottomSeparator or TableBorderPart.FooterTopSeparator => " ",
            _ => string.Empty,
        };
    }
}
