using NodaTime.Text;

namespace Upon.Core.Guards;

/// <summary>
/// How the library writes a date in a message, a <c>ToString()</c> or a document: ISO 8601
/// <c>yyyy-MM-dd</c>, whatever the current culture.
/// </summary>
internal static class DateText
{
    /// <summary>The number of UTF-8 bytes of the longest date written: <c>-9998-12-31</c>.</summary>
    public const int MaxUtf8Length = 11;

    /// <summary>Formats <paramref name="date"/> as <c>yyyy-MM-dd</c> (the ISO pattern, culture-invariant).</summary>
    /// <param name="date">The date to format.</param>
    /// <returns>The date as <c>yyyy-MM-dd</c>.</returns>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>
    /// Writes <paramref name="date"/> as <see cref="Format"/> does, as UTF-8 into <paramref name="destination"/>, without
    /// making a string (the documents' writers write thousands of dates a second).
    /// </summary>
    /// <param name="date">The date to format.</param>
    /// <param name="destination">At least <see cref="MaxUtf8Length"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatUtf8(LocalDate date, Span<byte> destination)
    {
        int year = date.Year;
        if (year is < 0 or > 9999)
        {
            // Before year 0 the ISO pattern writes a sign; those dates are rare enough to go through the string.
            return System.Text.Encoding.UTF8.GetBytes(Format(date), destination);
        }

        Digits(destination, year, 4);
        destination[4] = (byte)'-';
        Digits(destination[5..], date.Month, 2);
        destination[7] = (byte)'-';
        Digits(destination[8..], date.Day, 2);
        return 10;
    }

    private static void Digits(Span<byte> destination, int value, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
