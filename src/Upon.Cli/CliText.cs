namespace Upon.Cli;

/// <summary>Formatting and parsing shared by the commands.</summary>
internal static class CliText
{
    /// <summary>Formats a date as ISO 8601, <c>yyyy-MM-dd</c>.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Writes a PascalCase name as lower-case words: <c>HeadOfService</c> becomes "head of service".</summary>
    public static string Words(string pascal)
    {
        StringBuilder words = new(pascal.Length + 4);
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>"1 noun" or "N nouns".</summary>
    public static string Count(int n, string noun) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";

    /// <summary>
    /// Makes text from an input or the command line safe for a terminal: every character that could move the
    /// cursor, start an escape sequence, end a line or reverse the direction of the text (C0 controls, DEL, C1
    /// controls, the line and paragraph separators U+2028 and U+2029, the bidirectional marks, embeddings,
    /// overrides and isolates) and every unpaired surrogate is written as a visible escape <c>\uXXXX</c> (four lower-case
    /// hex digits), so that <c>ESC</c> becomes <c>\u001b</c> and a line feed <c>\u000a</c>. Every other character,
    /// a backslash too, is kept; text with nothing to escape is returned as it is.
    /// </summary>
    /// <param name="text">The text, such as a path the user gave or a problem's JSON path.</param>
    /// <returns>The text with nothing that can reach the terminal as a control or pass for another line.</returns>
    public static string Escape(string text)
    {
        int first = 0;
        while (first < text.Length && !MustEscape(text, first))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        StringBuilder escaped = new(text.Length + 16);
        escaped.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            if (MustEscape(text, i))
            {
                escaped.Append(@"\u").Append(((int)text[i]).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(text[i]);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A file's name for a heading such as "the file 'NAME' is not valid:": the name without its folder, escaped
    /// (see <see cref="Escape"/>); <c>-</c> (standard input) stays <c>-</c>.
    /// </summary>
    /// <param name="path">A path as the user gave it.</param>
    /// <returns>The name to show.</returns>
    public static string FileName(string path) => Escape(System.IO.Path.GetFileName(path));

    /// <summary>
    /// A document problem as the commands print it, <c>path: message (code)</c>, escaped (see <see cref="Escape"/>):
    /// whatever the library puts in a path, no control character from the input reaches the terminal.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The problem's line, without its indentation.</returns>
    public static string Describe(DocumentProblem problem) => Escape(problem.ToString());

    /// <summary>
    /// Parses the single token of <paramref name="result"/> as an ISO 8601 date; on failure adds the error
    /// "'TEXT' is not a date in the form yyyy-MM-dd" followed by <paramref name="hint"/>, and returns false.
    /// </summary>
    public static bool TryParseDate(ArgumentResult result, string hint, out LocalDate date)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens.Single().Value : string.Empty;
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        if (!parsed.Success)
        {
            result.AddError($"'{text}' is not a date in the form yyyy-MM-dd{hint}.");
        }

        return parsed.Success;
    }

    private static bool MustEscape(string text, int index)
    {
        char c = text[index];
        return c switch
        {
            < ' ' or (>= '\u007f' and <= '\u009f') => true,
            '\u061c' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') => true,
            _ when char.IsHighSurrogate(c) => index + 1 == text.Length || !char.IsLowSurrogate(text[index + 1]),
            _ when char.IsLowSurrogate(c) => index == 0 || !char.IsHighSurrogate(text[index - 1]),
            _ => false,
        };
    }
}
