namespace Upon.Core.Serialization;

/// <summary>Reads the common form of an ISO 8601 date, <c>yyyy-MM-dd</c>, straight from UTF-8 bytes.</summary>
internal static class IsoDate
{
    /// <summary>
    /// Reads <paramref name="utf8"/> (the raw text of a JSON string, with or without its quotes) when it is exactly
    /// <c>yyyy-MM-dd</c> with a year from 1 to 9999 and a day that exists in the ISO calendar. False for anything else,
    /// which the caller then gives to <see cref="NodaTime.Text.LocalDatePattern.Iso"/>: this is only a fast path, and
    /// never accepts what that pattern rejects.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="date">The date read, when true.</param>
    /// <returns>Whether the bytes were a plain ISO date.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date) =>
        TryParseUnquoted(utf8.Length == 12 && utf8[0] == (byte)'"' && utf8[11] == (byte)'"' ? utf8[1..11] : utf8, out date);

    /// <summary>
    /// As <see cref="TryParse"/>, for bytes that are the date itself (a CSV field): quotes are not taken off, so a
    /// quoted date is left to the caller's general path.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="date">The date read, when true.</param>
    /// <returns>Whether the bytes were a plain ISO date.</returns>
    public static bool TryParseUnquoted(ReadOnlySpan<byte> utf8, out LocalDate date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        // A byte that is not a digit makes its part negative, so that the range checks reject it; no branch per digit.
        unchecked
        {
            int year = (Digit(utf8[0]) * 1000) + (Digit(utf8[1]) * 100) + (Digit(utf8[2]) * 10) + Digit(utf8[3]);
            int month = (Digit(utf8[5]) * 10) + Digit(utf8[6]);
            int day = (Digit(utf8[8]) * 10) + Digit(utf8[9]);
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
            {
                return false;
            }

            date = new LocalDate(year, month, day);
            return true;
        }
    }

    /// <summary>The days in a month of the ISO calendar (year 1 to 9999, month 1 to 12), as <see cref="CalendarSystem.GetDaysInMonth"/> gives them, without its checks.</summary>
    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : 30 + ((month ^ (month >> 3)) & 1);

    /// <summary>The value of a digit, or -100,000 for any other byte (so that a number with it is negative).</summary>
    private static int Digit(byte value) => unchecked((uint)(value - '0')) <= 9 ? value - '0' : -100_000;
}
