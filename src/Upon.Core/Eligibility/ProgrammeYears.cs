namespace Upon.Core.Eligibility;

/// <summary>Programme years, written <c>yyyy/yy</c>: the academic year a cohort starts in.</summary>
public static class ProgrammeYears
{
    /// <summary>Determines whether <paramref name="value"/> is a programme year such as <c>2021/22</c>: four digits, a slash, and the last two digits of the next year.</summary>
    /// <param name="value">The text to check.</param>
    /// <returns>True when it is well formed.</returns>
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 7 } || value[4] != '/')
        {
            return false;
        }

        foreach (int i in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6])
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        int first = int.Parse(value.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        int second = int.Parse(value.AsSpan(5, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return first >= 1 && (first + 1) % 100 == second;
    }

    /// <summary>Formats the programme year that starts in <paramref name="startYear"/>, for example 2021 → <c>2021/22</c>.</summary>
    /// <param name="startYear">The first calendar year, 1 to 9998.</param>
    /// <returns>The programme year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is out of range.</exception>
    public static string Format(int startYear)
    {
        Guard.Against.LessThan(startYear, 1);
        Guard.Against.GreaterThan(startYear, 9998);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{startYear:D4}/{(startYear + 1) % 100:D2}");
    }
}
