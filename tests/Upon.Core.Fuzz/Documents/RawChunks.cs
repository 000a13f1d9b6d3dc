using System.Collections.Immutable;
using System.Text;

namespace Upon.Core.Fuzz.Documents;

/// <summary>
/// Byte sequences the writers put into a document verbatim, wherever a string or key holds the private-use
/// character <c>U+E000 + k</c> for chunk k: invalid UTF-8, escapes of lone surrogates, unescaped control bytes.
/// Seeds never hold private-use characters, so the markers are unambiguous.
/// </summary>
internal static class RawChunks
{
    public const char FirstMarker = '\uE000';

    /// <summary>Gets the chunks with a name for the mutation log.</summary>
    public static ImmutableArray<(string Name, byte[] Bytes)> All { get; } =
    [
        ("lone continuation byte 80", [0x80]),
        ("overlong C0 AF", [0xC0, 0xAF]),
        ("byte FF", [0xFF]),
        ("truncated 3-byte E2 82", [0xE2, 0x82]),
        ("encoded surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("truncated 4-byte F0 9F", [0xF0, 0x9F]),
        ("5-byte F8 88 80 80 80", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("overlong NUL C0 80", [0xC0, 0x80]),
        ("escape \\uDC00", Encoding.ASCII.GetBytes("\\uDC00")),
        ("escape \\uD800x", Encoding.ASCII.GetBytes("\\uD800x")),
        ("escape \\uD800\\u0041", Encoding.ASCII.GetBytes("\\uD800\\u0041")),
        ("escape \\uDFFF\\uD800", Encoding.ASCII.GetBytes("\\uDFFF\\uD800")),
        ("unescaped LF", [0x0A]),
        ("unescaped ESC", [0x1B]),
        ("unescaped NUL", [0x00]),
        ("raw quote", [(byte)'"']),
    ];

    /// <summary>The chunks that are invalid UTF-8.</summary>
    public static readonly int[] InvalidUtf8 = [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>The chunks that escape a lone surrogate (JSON only).</summary>
    public static readonly int[] LoneSurrogates = [8, 9, 10, 11];

    /// <summary>The chunk that is a raw double quote (CSV stray and unclosed quotes).</summary>
    public const int Quote = 15;

    public static char Marker(int chunk) => (char)(FirstMarker + chunk);

    public static bool IsMarker(char c, out int chunk)
    {
        chunk = c - FirstMarker;
        return chunk >= 0 && chunk < All.Length;
    }
}
