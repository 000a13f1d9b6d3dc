using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;

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
}
