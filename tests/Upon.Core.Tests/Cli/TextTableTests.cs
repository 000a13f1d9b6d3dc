using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Cli;

namespace Upon.Core.Tests.Cli;

/// <summary>The tool's tables (<see cref="TextTable"/>, laid out by Spectre.Console) and the terminal they are written to.</summary>
public sealed class TextTableTests
{
    private static readonly Gen<string> Words = Gen.Elements("a", "Good Friday", "é", "𝛼", "x-y", "12", "-3", "1,234", "0.95", "31.8%", "-", "none", string.Empty, "58.3% to 100.0%");

    [Fact]
    public void Numbers_AreRightAligned_TextLeftAligned_ColumnsTwoSpacesApart()
    {
        TextTable table = new("Period", "Changes", "Rate", "Stability");
        table.AddRow("2019/20", "3", "9.1%", "100.0% (3 of 3)");
        table.AddRow("2020/21", "12", "-", "33.3% (1 of 3)");

        Assert.Equal(
            """
            Period   Changes  Rate  Stability
            -------  -------  ----  ---------------
            2019/20        3  9.1%  100.0% (3 of 3)
            2020/21       12     -  33.3% (1 of 3)

            """,
            Write(table, Terminal.None));
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("-3", true)]
    [InlineData("+0.5", true)]
    [InlineData("1,234,567", true)]
    [InlineData("31.8%", true)]
    [InlineData("1,23", false)]
    [InlineData("2019/20", false)]
    [InlineData("58.3% to 100.0%", false)]
    [InlineData("12 months", false)]
    [InlineData("-", false)]
    public void IsNumeric_TakesNumbersAndPercentages_NotTextThatStartsWithThem(string cell, bool numeric) =>
        Assert.Equal(numeric, TextTable.IsNumeric([cell]));

    [Fact]
    public void IsNumeric_AColumnOfNumbersWithNoneInIt_IsNumeric_ButNotOneWithNothingElse()
    {
        Assert.True(TextTable.IsNumeric(["12", "-", string.Empty, "n/a", "none", "–", "[c]"]));
        Assert.False(TextTable.IsNumeric(["-", "none"]));
        Assert.False(TextTable.IsNumeric(["12", "twelve"]));
    }

    [Fact]
    public void OnATerminal_LongCellsWrapToItsWidth_AndEveryWordIsKept()
    {
        TextTable table = new("Id", "Note");
        string note = string.Join(' ', Enumerable.Repeat("assumed from the sources", 8));
        table.AddRow("taught-day-1", note);

        string[] lines = Write(table, new Terminal(40, false, false)).TrimEnd('\n').Split('\n');

        Assert.True(lines.Length > 3);
        Assert.All(lines, line => Assert.True(line.Length <= 40, line));
        Assert.Equal(note.Split(' '), lines.Skip(2).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w != "taught-day-1"));
    }

    [Fact]
    public void Redirected_ATableIsNeverWrapped()
    {
        TextTable table = new("Id", "Note");
        string note = new('x', 5_000);
        table.AddRow("1", note);

        Assert.Equal($"Id  Note\n--  {new string('-', 5_000)}\n 1  {note}\n", Write(table, Terminal.None));
    }

    [Fact]
    public void Colour_IsABoldHeader_OnlyWhereColourIsAllowed()
    {
        TextTable table = new("Date", "Count");
        table.AddRow("2022-01-03", "1");

        Assert.Contains("\u001b[1m", Write(table, new Terminal(80, true, false)), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", Write(table, new Terminal(80, false, false)), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", Write(table, Terminal.None), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, null, null, true)]
    [InlineData(80, "1", null, false)]
    [InlineData(80, "", null, true)]
    [InlineData(80, null, "dumb", false)]
    [InlineData(80, null, "xterm-256color", true)]
    [InlineData(null, null, null, false)]
    public void Terminal_HasColour_OnATerminal_UnlessNoColorOrADumbTerminalSaysNot(int? width, string? noColor, string? term, bool colour)
    {
        Dictionary<string, string?> environment = new() { ["NO_COLOR"] = noColor, ["TERM"] = term };
        Terminal terminal = Terminal.Of(width, errorIsTerminal: true, name => environment[name]);

        Assert.Equal(colour, terminal.Colour);
        Assert.Equal(width, terminal.Width);
        Assert.Equal(width is not null, terminal.OutputIsTerminal);
    }

    [Property]
    public Property AnyTable_HasAHeaderARuleAndALinePerRow_WithEveryCellInItsLine_NothingLost_AndNoTrailingSpace()
    {
        Gen<string[][]> tables =
            from columns in Gen.Choose(1, 5)
            from rows in Gen.Choose(0, 6)
            from cells in Words.ArrayOf(columns).ArrayOf(rows)
            select cells;
        return Prop.ForAll(Arb.From(tables), Arb.From(Gen.Elements<int?>(null, 30, 80, 200)), (cells, width) =>
        {
            int columns = cells.Length == 0 ? 3 : cells[0].Length;
            TextTable table = new([.. Enumerable.Range(1, columns).Select(i => $"Column {i}")]);
            foreach (string[] row in cells)
            {
                table.AddRow(row);
            }

            string text = Write(table, new Terminal(width, false, false));
            string[] lines = text[..^1].Split('\n');
            bool trimmed = lines.All(line => !line.EndsWith(' '));
            bool whole = lines.Length == cells.Length + 2
                && lines[1].Split("  ").Length == columns && lines[1].Split("  ").All(rule => rule.Length > 0 && rule.All(c => c == '-'))
                && cells.Select((row, i) => row.All(cell => lines[i + 2].Contains(cell, StringComparison.Ordinal))).All(ok => ok);
            if (width is null)
            {
                return trimmed && whole;
            }

            // On a terminal: wrapped to its width, or (when its longest words cannot stand side by side) left whole
            // for the terminal to wrap; either way no character of a cell is lost.
            int kept = text.Count(c => c is not (' ' or '\n' or '-'));
            int given = cells.Sum(row => row.Sum(cell => cell.Count(c => c is not (' ' or '-')))) + (columns * "Column1".Length);
            return trimmed && kept == given && (lines.All(line => line.Length <= width) || whole);
        });
    }

    private static string Write(TextTable table, Terminal terminal)
    {
        using StringWriter buffer = new() { NewLine = "\n" };
        using StandardOutput output = new(buffer, terminal);
        output.NewLine = "\n";
        table.Write(output);
        return buffer.ToString();
    }
}
