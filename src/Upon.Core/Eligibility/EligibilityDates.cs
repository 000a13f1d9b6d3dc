using System.Runtime.CompilerServices;

namespace Upon.Core.Eligibility;

/// <summary>
/// The dates and periods eligibility works with: every date of an application (assessment, roles,
/// readiness) and every as-of date lies in <see cref="Range"/>, and every period of a rule is at most
/// <see cref="MaxRulePeriod"/>. The bounds keep every calculation within NodaTime's calendar, so a
/// decision never fails on date arithmetic; dates outside them are input errors.
/// </summary>
public static class EligibilityDates
{
    /// <summary>Gets the dates allowed: 1 January 1900 to 31 December 2199, both included.</summary>
    public static DateInterval Range { get; } = new(new LocalDate(1900, 1, 1), new LocalDate(2199, 12, 31));

    /// <summary>Gets the longest period a rule may require: 100 years.</summary>
    public static Period MaxRulePeriod { get; } = Period.FromYears(100);

    /// <summary>Determines whether a period is a valid rule period: non-negative years, months, weeks and days, at most <see cref="MaxRulePeriod"/> (measured from 1 January 2000).</summary>
    /// <param name="period">The period.</param>
    /// <returns>True when the period is allowed.</returns>
    public static bool IsValidRulePeriod(Period? period) =>
        period is not null
        && !period.HasTimeComponent
        && period.Years is >= 0 and <= 100 && period.Months is >= 0 and <= 1200 && period.Weeks is >= 0 and <= 5218 && period.Days is >= 0 and <= 36525
        && new LocalDate(2000, 1, 1).Plus(period) <= new LocalDate(2000, 1, 1).Plus(MaxRulePeriod);

    /// <summary>Throws unless <paramref name="date"/> is an ISO date within <see cref="Range"/>.</summary>
    internal static void Check(LocalDate date, [CallerArgumentExpression(nameof(date))] string? paramName = null)
    {
        Guard.Against.NonIsoCalendar(date, paramName);
        Guard.Against.OutsideDateRange(date, Range, "Eligibility dates", paramName);
    }

    /// <summary>Throws unless <paramref name="period"/> is a valid rule period.</summary>
    internal static void CheckRulePeriod(Period period, [CallerArgumentExpression(nameof(period))] string? paramName = null)
    {
        Guard.Against.Null(period, paramName);
        Guard.Against.Invalid(period.HasTimeComponent || period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0, "A rule's period is made of non-negative years, months, weeks and days.", paramName);
        Guard.Against.OutOfRange(!IsValidRulePeriod(period), "A rule's period is at most 100 years.", paramName);
    }
}
