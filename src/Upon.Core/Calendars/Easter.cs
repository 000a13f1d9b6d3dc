namespace Upon.Core.Calendars;

/// <summary>
/// The date of Easter Sunday in the Gregorian calendar (the Western churches' computus), from which
/// Good Friday and Easter Monday follow.
/// </summary>
public static class Easter
{
    /// <summary>The first year the Gregorian computus applies to.</summary>
    public const int MinYear = 1583;

    /// <summary>The last year supported (the last year of the ISO calendar in NodaTime).</summary>
    public const int MaxYear = 9999;

    /// <summary>Gets Easter Sunday of <paramref name="year"/>.</summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>A Sunday from 22 March to 25 April of <paramref name="year"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the supported range.</exception>
    /// <remarks>
    /// Uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher), which is exact for every
    /// Gregorian year: for example 12 April 2020, 4 April 2021 and 17 April 2022.
    /// </remarks>
    public static LocalDate Sunday(int year)
    {
        Guard.Against.LessThan(year, MinYear);
        Guard.Against.GreaterThan(year, MaxYear);

        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int monthAndDay = h + l - (7 * m) + 114;
        return new LocalDate(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>Gets Good Friday of <paramref name="year"/>, two days before Easter Sunday.</summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The Friday before Easter Sunday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the supported range.</exception>
    public static LocalDate GoodFriday(int year) => Sunday(year).PlusDays(-2);

    /// <summary>Gets Easter Monday of <paramref name="year"/>, the day after Easter Sunday.</summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>The Monday after Easter Sunday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the supported range.</exception>
    public static LocalDate Monday(int year) => Sunday(year).PlusDays(1);
}
