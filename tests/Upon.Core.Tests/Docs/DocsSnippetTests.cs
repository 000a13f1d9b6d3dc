using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Docs;

/// <summary>
/// Keeps the code in docs/ compiled and run. A page shows an example as
/// <c>&lt;!-- snippet: NAME --&gt;</c>, a csharp fence, <c>&lt;!-- endsnippet --&gt;</c>; the same code lives in a
/// test between the comment lines <c>begin-snippet: NAME</c> and <c>end-snippet</c>, and that test runs it.
/// </summary>
public class DocsSnippetTests
{
    private const string DocStart = "<!-- snippet: ";
    private const string DocStartEnd = " -->";
    private const string DocEnd = "<!-- endsnippet -->";
    private const string SourceStart = "// begin-" + "snippet: ";
    private const string SourceEnd = "// end-" + "snippet";

    [Fact]
    public void EveryDocSnippet_MatchesExactlyOneSourceRegion()
    {
        List<Snippet> docs = DocSnippets();
        ILookup<string, Snippet> sources = SourceSnippets().ToLookup(s => s.Name, StringComparer.Ordinal);
        Assert.NotEmpty(docs);
        foreach (Snippet doc in docs)
        {
            Snippet[] matches = [.. sources[doc.Name]];
            Assert.True(matches.Length == 1, $"{doc.Location}: snippet '{doc.Name}' has {matches.Length} source regions in tests/; it needs exactly one.");
            Assert.True(
                matches[0].Text == doc.Text,
                $"{doc.Location}: snippet '{doc.Name}' differs from {matches[0].Location}.{Environment.NewLine}Doc:{Environment.NewLine}{doc.Text}{Environment.NewLine}Source:{Environment.NewLine}{matches[0].Text}");
        }
    }

    [Fact]
    public void EveryCSharpBlock_InTheDocs_IsASnippet()
    {
        foreach (string path in DocPages())
        {
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "```csharp")
                {
                    Assert.True(
                        i > 0 && lines[i - 1].Trim().StartsWith(DocStart, StringComparison.Ordinal),
                        $"{Path.GetRelativePath(Repository.Root, path)}:{i + 1}: a C# block that is not a snippet is not compiled by the tests; make it one.");
                }
            }
        }
    }

    [Fact]
    public void EverySourceRegion_IsUsedByADoc()
    {
        HashSet<string> used = [.. DocSnippets().Select(s => s.Name)];
        List<Snippet> sources = SourceSnippets();
        Assert.NotEmpty(sources);
        foreach (Snippet source in sources)
        {
            Assert.True(used.Contains(source.Name), $"{source.Location}: region '{source.Name}' is not used by any page in docs/.");
        }
    }

    [Fact]
    public void Pages_EachHaveSnippets()
    {
        ILookup<string, Snippet> byPage = DocSnippets().ToLookup(s => s.Location.Split(':')[0], StringComparer.Ordinal);
        Assert.NotEmpty(byPage[Path.Combine("docs", "calendar.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "json.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "eligibility.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "eligibility-policies.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "cohorts.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "workforce.md")]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "getting-started.md")]);
        Assert.NotEmpty(byPage["README.md"]);
        Assert.NotEmpty(byPage[Path.Combine("docs", "testing.md")]);
    }

    [Fact]
    public void ParseDoc_ReadsNameAndFencedCode()
    {
        string[] lines = ["Text", "<!-- snippet: a-b -->", "```csharp", "    int x = 1;", "      x++;", "```", "<!-- endsnippet -->", "More"];
        Snippet snippet = Assert.Single(ParseDoc(lines, "page.md"));
        Assert.Equal("a-b", snippet.Name);
        Assert.Equal("int x = 1;\n  x++;", snippet.Text);
        Assert.Equal("page.md:2", snippet.Location);
    }

    [Theory]
    [InlineData("<!-- snippet: a -->" + "\n" + "int x;" + "\n" + "<!-- endsnippet -->")]
    [InlineData("<!-- snippet: a -->" + "\n" + "```csharp" + "\n" + "int x;" + "\n" + "```")]
    [InlineData("<!-- snippet: a -->" + "\n" + "```csharp" + "\n" + "int x;" + "\n" + "<!-- endsnippet -->")]
    [InlineData("<!-- snippet:  -->" + "\n" + "```csharp" + "\n" + "int x;" + "\n" + "```" + "\n" + "<!-- endsnippet -->")]
    [InlineData("<!-- endsnippet -->")]
    public void ParseDoc_Malformed_Throws(string text) =>
        Assert.Throws<InvalidDataException>(() => ParseDoc(text.Split('\n'), "page.md"));

    [Fact]
    public void ParseSource_ReadsRegionAndRemovesCommonIndentation()
    {
        string[] lines = ["class C", "{", "        // begin-" + "snippet: r", "        int y = 2;", "", "        y--;", "        // end-" + "snippet", "}"];
        Snippet snippet = Assert.Single(ParseSource(lines, "C.cs"));
        Assert.Equal("r", snippet.Name);
        Assert.Equal("int y = 2;\n\ny--;", snippet.Text);
    }

    [Theory]
    [InlineData("// begin-" + "snippet: r" + "\n" + "int y;")]
    [InlineData("// end-" + "snippet")]
    [InlineData("// begin-" + "snippet: r" + "\n" + "// begin-" + "snippet: s" + "\n" + "// end-" + "snippet")]
    public void ParseSource_Malformed_Throws(string text) =>
        Assert.Throws<InvalidDataException>(() => ParseSource(text.Split('\n'), "C.cs"));

    [Fact]
    public void Dedent_RemovesOnlyTheCommonIndentation()
    {
        Assert.Equal("a\n  b", Dedent(["  a", "    b"]));
        Assert.Equal("a\n\n  b", Dedent(["\ta", "   ", "\t  b"]));
    }

    internal static List<Snippet> ParseDoc(IReadOnlyList<string> lines, string file)
    {
        List<Snippet> snippets = [];
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line == DocEnd)
            {
                throw new InvalidDataException($"{file}:{i + 1}: endsnippet without a snippet.");
            }

            if (!line.StartsWith(DocStart, StringComparison.Ordinal))
            {
                continue;
            }

            if (!line.EndsWith(DocStartEnd, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{file}:{i + 1}: a snippet line must end with '-->'.");
            }

            string name = line[DocStart.Length..^DocStartEnd.Length].Trim();
            if (name.Length == 0)
            {
                throw new InvalidDataException($"{file}:{i + 1}: a snippet needs a name.");
            }

            int start = i;
            if (i + 1 >= lines.Count || lines[i + 1].Trim() != "```csharp")
            {
                throw new InvalidDataException($"{file}:{start + 1}: snippet '{name}' must open with ```csharp on the next line.");
            }

            int close = i + 2;
            while (close < lines.Count && lines[close].Trim() != "```")
            {
                close++;
            }

            if (close + 1 >= lines.Count || lines[close + 1].Trim() != DocEnd)
            {
                throw new InvalidDataException($"{file}:{start + 1}: snippet '{name}' must close with ``` and then {DocEnd}.");
            }

            snippets.Add(new Snippet(name, Dedent([.. lines.Skip(i + 2).Take(close - i - 2)]), $"{file}:{start + 1}"));
            i = close + 1;
        }

        return snippets;
    }

    internal static List<Snippet> ParseSource(IReadOnlyList<string> lines, string file)
    {
        List<Snippet> snippets = [];
        string? name = null;
        int start = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith(SourceStart, StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    throw new InvalidDataException($"{file}:{i + 1}: region '{name}' is not closed before the next begins.");
                }

                name = line[SourceStart.Length..].Trim();
                start = i;
            }
            else if (line == SourceEnd)
            {
                if (name is null)
                {
                    throw new InvalidDataException($"{file}:{i + 1}: end-snippet without a region.");
                }

                snippets.Add(new Snippet(name, Dedent([.. lines.Skip(start + 1).Take(i - start - 1)]), $"{file}:{start + 1}"));
                name = null;
            }
        }

        if (name is not null)
        {
            throw new InvalidDataException($"{file}:{start + 1}: region '{name}' is never closed.");
        }

        return snippets;
    }

    /// <summary>Removes the leading white space common to every non-blank line, and trailing white space; joins with \n.</summary>
    internal static string Dedent(IReadOnlyList<string> lines)
    {
        string[] trimmed = [.. lines.Select(l => l.TrimEnd())];
        int indent = trimmed.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", trimmed.Select(l => l.Length == 0 ? l : l[indent..]));
    }

    private static List<Snippet> DocSnippets() =>
        [.. DocPages().SelectMany(path => ParseDoc(File.ReadAllLines(path), Path.GetRelativePath(Repository.Root, path)))];

    /// <summary>Every Markdown page a reader sees: README.md and everything under docs/.</summary>
    private static IEnumerable<string> DocPages() =>
        Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Prepend(Repository.PathOf("README.md"));

    private static List<Snippet> SourceSnippets() =>
        [.. Directory.EnumerateFiles(Repository.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => ParseSource(File.ReadAllLines(path), Path.GetRelativePath(Repository.Root, path)))];

    private static bool IsBuildOutput(string path)
    {
        string[] parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    internal sealed record Snippet(string Name, string Text, string Location);
}
