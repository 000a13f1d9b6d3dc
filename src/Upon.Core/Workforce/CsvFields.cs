using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Reading the fields of a CSV row from their UTF-8 bytes (valid UTF-8, as <see cref="CsvTableReader"/> hands them
/// over), the same way for every workforce document: ASCII is read as it is, anything else is decoded first.
/// </summary>
internal static class CsvFields
{
    /// <summary>
    /// Reads a required text field: empty is <see cref="DocumentProblemCodes.Required"/>, white space only
    /// <see cref="DocumentProblemCodes.Empty"/>; otherwise the text, as it is (not trimmed), from <paramref name="pool"/>.
    /// </summary>
    /// <param name="value">The field's bytes.</param>
    /// <param name="path">The column's name, the path of a problem.</param>
    /// <param name="pool">The strings of the read.</param>
    /// <param name="problems">Where a problem is added.</param>
    /// <returns>The text, or null.</returns>
    public static string? Text(ReadOnlySpan<byte> value, string path, StringPool pool, List<DocumentProblem> problems)
    {
        if (IsWhiteSpace(value))
        {
            problems.Add(new DocumentProblem(path, value.Length == 0 ? DocumentProblemCodes.Required : DocumentProblemCodes.Empty, $"\"{path}\" is required and must not be empty."));
            return null;
        }

        return pool.Get(value);
    }

    /// <summary>Whether the UTF-8 text is empty or white space only (<see cref="char.IsWhiteSpace(char)"/>), without decoding ASCII.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>True when there is nothing but white space.</returns>
    public static bool IsWhiteSpace(ReadOnlySpan<byte> value)
    {
        // Most fields start with a printable ASCII character, which no white space is.
        if (!value.IsEmpty && unchecked(value[0] - 0x21u) < 0x5F)
        {
            return false;
        }

        int at = 0;
        while (at < value.Length && value[at] < 0x80 && char.IsWhiteSpace((char)value[at]))
        {
            at++;
        }

        if (at == value.Length)
        {
            return true;
        }

        return value[at] >= 0x80 && Decode(value, stackalloc char[Math.Min(value.Length, 256)]).IsWhiteSpace();
    }

    /// <summary>ASCII text without the leading and trailing characters that <see cref="char.IsWhiteSpace(char)"/> holds white space.</summary>
    /// <param name="value">The bytes, ASCII.</param>
    /// <returns>The bytes trimmed.</returns>
    public static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> value)
    {
        int first = 0;
        int last = value.Length;
        while (first < last && char.IsWhiteSpace((char)value[first]))
        {
            first++;
        }

        while (last > first && char.IsWhiteSpace((char)value[last - 1]))
        {
            last--;
        }

        return value[first..last];
    }

    /// <summary>The text of UTF-8 bytes, decoded into <paramref name="chars"/> when they fit (a UTF-8 decoder never makes more characters than bytes).</summary>
    /// <param name="value">The bytes.</param>
    /// <param name="chars">Room for the characters; a string is made when there is too little.</param>
    /// <returns>The text.</returns>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> value, Span<char> chars) =>
        value.Length <= chars.Length ? chars[..Encoding.UTF8.GetChars(value, chars)] : Encoding.UTF8.GetString(value);
}
