namespace Upon.Core.Eligibility;

/// <summary>Writes calendar periods in words, for explanations: "2 years 7 months", "1 year", "0 days".</summary>
internal static class PeriodText
{
    /// <summary>Describes <paramref name="period"/> in English words, largest unit first, omitting zero units.</summary>
    /// <param name="period">A period of years, months, weeks and days (time units are ignored).</param>
    /// <returns>For example "3 years", "2 years 7 months", "1 month 1 day", or "0 days" for zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public static string Describe(Period period)
    {
        Guard.Against.Null(period);
        List<string> parts = new(4);
        Add(parts, period.Years, "year");
        Add(parts, period.Months, "month");
        Add(parts, period.Weeks, "week");
        Add(parts, period.Days, "day");
        return parts.Count == 0 ? "0 days" : string.Join(' ', parts);
    }

    /// <summary>The most UTF-8 bytes <see cref="FormatRoundtripUtf8"/> writes: <c>P</c> and four signed 32-bit numbers with their units.</summary>
    public const int MaxRoundtripUtf8Length = 1 + (4 * 12);

    /// <summary>
    /// Writes a period of dates alone (no time units) as NodaTime's <see cref="NodaTime.Text.PeriodPattern.Roundtrip"/>
    /// writes it, <c>P1Y2M3W4D</c> with the units that are not zero (<c>P0D</c> for none), as UTF-8, without making a
    /// string: the decision documents write several periods a decision.
    /// </summary>
    /// <param name="period">A period without time units.</param>
    /// <param name="destination">At least <see cref="MaxRoundtripUtf8Length"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatRoundtripUtf8(Period period, Span<byte> destination)
    {
        destination[0] = (byte)'P';
        int written = 1;
        Unit(destination, ref written, period.Years, (byte)'Y');
        Unit(destination, ref written, period.Months, (byte)'M');
        Unit(destination, ref written, period.Weeks, (byte)'W');
        Unit(destination, ref written, period.Days, (byte)'D');
        if (written == 1)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'D';
        }

        return written;
    }

    private static void Unit(Span<byte> destination, ref int written, int value, byte unit)
    {
        if (value != 0)
        {
            value.TryFormat(destination[written..], out int digits, provider: CultureInfo.InvariantCulture);
            written += digits;
            destination[written++] = unit;
        }
    }

    private static void Add(List<string> parts, long value, string unit)
    {
        if (value != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(Math.Abs(value) == 1 ? string.Empty : "s")}"));
        }
    }
}
