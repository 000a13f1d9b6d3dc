using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Upon.Cli;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>One table of exit codes, the same in the README and in docs/cli.md, with a row for each code the tool uses.</summary>
public sealed class ExitCodeTableTests
{
    [Fact]
    public void TheReadmeAndTheCliReference_ShowTheSameTable()
    {
        string readme = Table(Repository.PathOf("README.md"), "### Exit codes");
        string reference = Table(Repository.PathOf("docs", "cli.md"), "## Exit codes");

        Assert.Equal(reference, readme);
    }

    [Fact]
    public void TheTable_HasARowForEachCodeTheToolUses_AndNoOther()
    {
        int[] used = [.. typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetValue(null)!).Distinct().Order()];
        int[] rows = [.. Table(Repository.PathOf("docs", "cli.md"), "## Exit codes").Split('\n').Skip(2).Select(row => int.Parse(row.Split('|')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(string.Join(",", used), string.Join(",", rows));
    }

    /// <summary>The Markdown table that follows <paramref name="heading"/>: its lines from the header row to the last row.</summary>
    private static string Table(string path, string heading)
    {
        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        int at = text.IndexOf($"\n{heading}\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"{Path.GetFileName(path)} has no '{heading}'.");
        string[] lines = [.. text[(at + heading.Length + 2)..].Split('\n').SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|'))];
        Assert.True(lines.Length >= 3, $"{Path.GetFileName(path)} has no table under '{heading}'.");
        return string.Join("\n", lines);
    }
}
