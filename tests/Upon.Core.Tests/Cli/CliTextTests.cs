using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Cli;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Cli;

/// <summary><see cref="CliText.Escape"/>: nothing from an input reaches the terminal as a control, and nothing else changes.</summary>
public sealed partial class CliTextTests
{
    /// <summary>Characters that must never reach a terminal raw: C0, DEL, C1, the line and paragraph separators, the bidi controls.</summary>
    private static readonly char[] Dangerous =
    [
        .. Enumerable.Range(0, 0x20).Select(c => (char)c),
        .. Enumerable.Range(0x7f, 0x21).Select(c => (char)c),
        '\u2028', '\u2029', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
    ];

    [Theory]
    [InlineData("\u001b[31m", "\\u001b[31m")]
    [InlineData("a\nrecord 99: FAKE", "a\\u000arecord 99: FAKE")]
    [InlineData("\r\t\0", "\\u000d\\u0009\\u0000")]
    [InlineData("\u007f\u0085\u009b", "\\u007f\\u0085\\u009b")]
    [InlineData("evil\u202etxt.json", "evil\\u202etxt.json")]
    [InlineData("\u2028\u2029\u2066\u2069\u200f\u061c", "\\u2028\\u2029\\u2066\\u2069\\u200f\\u061c")]
    [InlineData("$['White British'] C:\\x é € 😀", "$['White British'] C:\\x é € 😀")]
    public void Escape_WritesEachDangerousCharacterAsAVisibleEscape(string text, string escaped)
    {
        Assert.Equal(escaped, CliText.Escape(text));
    }

    [Fact]
    public void Escape_UnpairedSurrogate_IsEscaped_APairIsKept()
    {
        // Not in [InlineData]: attribute strings are stored as UTF-8, which has no unpaired surrogate.
        Assert.Equal("lone \\ud800 high", CliText.Escape("lone \ud800 high"));
        Assert.Equal("lone \\udc00 low", CliText.Escape("lone \udc00 low"));
        Assert.Equal("\\udc00\\ud800", CliText.Escape("\udc00\ud800"));
        Assert.Equal("pair \ud83d\ude00", CliText.Escape("pair \ud83d\ude00"));
    }

    [Property]
    public Property Escape_LeavesNothingDangerous()
    {
        return Prop.ForAll(Arb.From(Texts()), text =>
        {
            string escaped = CliText.Escape(text);
            return escaped.IndexOfAny(Dangerous) < 0 && !HasUnpairedSurrogate(escaped);
        });
    }

    [Property]
    public Property Escape_LosesNothing_UnescapingGivesTheTextBack()
    {
        return Prop.ForAll(Arb.From(Texts(backslash: false)), text =>
            Unescape().Replace(CliText.Escape(text), m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()) == text);
    }

    [Property]
    public Property Escape_TextWithNothingDangerous_IsUnchanged()
    {
        return Prop.ForAll(Arb.From(SafeTexts()), text =>
            ReferenceEquals(text, CliText.Escape(text)));
    }

    [Fact]
    public void Describe_EscapesTheWholeProblemLine()
    {
        DocumentProblem problem = DocumentProblem.Create("$['x\u001b[2J\nrecord 2: ok']", "property.unknown", "This property is not part of the format.");

        Assert.Equal("$['x\\u001b[2J\\u000arecord 2: ok']: This property is not part of the format. (property.unknown)", CliText.Describe(problem));
    }

    [Fact]
    public void Commands_TextFromADocument_ReachesTheTableEscaped()
    {
        string calendar = Path.Combine(Path.GetTempPath(), $"upon-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(calendar, """{ "england-and-wales": { "events": [ { "title": "Boxing Day\u001b[2J\u0085\u202e", "date": "2025-12-26" } ] } }""");
        try
        {
            using StringWriter output = new() { NewLine = "\n" };

            Assert.Equal(0, UponCommandLine.Run(["holidays", "2025", "--calendar", calendar], output, TextWriter.Null));

            Assert.Contains("2025-12-26  Fri  Boxing Day\\u001b[2J\\u0085\\u202e\n", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(calendar);
        }
    }

    /// <summary>Strings mixing plain text, backslashes (unless told not to), every dangerous character, surrogates (paired and not) and any other UTF-16 unit.</summary>
    private static Gen<string> Texts(bool backslash = true) =>
        Gen.OneOf(
                Gen.Elements('a', 'Z', ' ', '\'', backslash ? '\\' : '/', 'u', '0', 'é', '€'),
                Gen.Elements(Dangerous),
                Gen.Elements('\ud83d', '\ude00', '\ud800', '\udfff'),
                Gen.Choose(0, 0xffff).Select(c => (char)c).Where(c => backslash || c != '\\'))
            .ArrayOf()
            .Select(chars => new string(chars));

    /// <summary>Strings with nothing to escape: any other UTF-16 unit, backslashes, and surrogates only in pairs.</summary>
    private static Gen<string> SafeTexts() =>
        Gen.OneOf(
                Gen.Choose(0, 0xffff).Select(c => (char)c).Where(c => !char.IsSurrogate(c) && Array.IndexOf(Dangerous, c) < 0).Select(c => c.ToString()),
                Gen.Elements("\\", "😀", "\ud800\udc00", "$['White British']"))
            .ArrayOf()
            .Select(string.Concat);

    private static bool HasUnpairedSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\\u([0-9a-f]{4})")]
    private static partial Regex Unescape();
}
