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

    private static void Add(List<string> parts, long value, string unit)
    {
        if (value != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(Math.Abs(value) == 1 ? string.Empty : "s")}"));
        }
    }
}
