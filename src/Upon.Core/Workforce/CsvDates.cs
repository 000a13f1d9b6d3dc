using System.Text;
using NodaTime.Text;

namespace Upon.Core.Workforce;

/// <summary>Parses the ISO 8601 dates of CSV fields without making a string for the common form.</summary>
internal static class CsvDates
{
    /// <summary>
    /// Parses <paramref name="text"/> as <see cref="LocalDatePattern.Iso"/> does: <c>yyyy-MM-dd</c> for a date that
    /// exists in the ISO calendar. Ten ASCII characters with a year from 1 are read directly; anything else goes
    /// through the pattern, so the dates accepted are exactly the pattern's.
    /// </summary>
    /// <param name="text">The text, trimmed.</param>
    /// <param name="date">The date when the text is one.</param>
    /// <returns>True when the text is a date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LocalDate date)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Digits(text[..4], out int year) && Digits(text.Slice(5, 2), out int month) && Digits(text.Slice(8, 2), out int day)
            && year >= 1)
        {
            bool exists = month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
            date = exists ? new LocalDate(year, month, day) : default;
            return exists;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text.ToString());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    /// <summary>
    /// Reads a date field of a CSV record: an empty field is null (a problem when it is <paramref name="required"/>),
    /// and a field that is not a date (<see cref="TryParse"/>, after trimming) is null with a problem.
    /// </summary>
    /// <param name="value">The field.</param>
    /// <param name="column">The column's name, the path of a problem.</param>
    /// <param name="required">Whether an empty field is a problem.</param>
    /// <param name="problems">Where a problem is added.</param>
    /// <returns>The date, or null.</returns>
    public static LocalDate? Field(ReadOnlySpan<char> value, string column, bool required, List<DocumentProblem> problems)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                problems.Add(new DocumentProblem(column, DocumentProblemCodes.Required, $"\"{column}\" is required."));
            }

            return null;
        }

        if (TryParse(value.Trim(), out LocalDate date))
        {
            return date;
        }

        problems.Add(new DocumentProblem(column, DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."));
        return null;
    }

    /// <summary>
    /// Reads a date field of UTF-8 CSV bytes exactly as <see cref="Field(ReadOnlySpan{char}, string, bool, List{DocumentProblem})"/>
    /// reads its decoded text: a plain <c>yyyy-MM-dd</c> date is read from the bytes (<see cref="IsoDate"/>), anything
    /// else is decoded and read as text.
    /// </summary>
    /// <param name="value">The field's bytes.</param>
    /// <param name="column">The column's name, the path of a problem.</param>
    /// <param name="required">Whether an empty field is a problem.</param>
    /// <param name="problems">Where a problem is added.</param>
    /// <returns>The date, or null.</returns>
    public static LocalDate? Field(ReadOnlySpan<byte> value, string column, bool required, List<DocumentProblem> problems)
    {
        // A plain date is read from the bytes; anything else (including a date that does not exist) is decoded and read
        // as text, which reports it.
        if (IsoDate.TryParseUnquoted(value, out LocalDate date))
        {
            return date;
        }

        Span<char> chars = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        return Field(chars[..Encoding.UTF8.GetChars(value, chars)], column, required, problems);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
