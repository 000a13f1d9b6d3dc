using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Upon.Core;

/// <summary>
/// Argument checks shared by the library, on top of the BCL throw helpers. Each throws a BCL
/// exception naming the parameter and the allowed range.
/// </summary>
internal static class Preconditions
{
    /// <summary>Throws unless <paramref name="date"/> is in the ISO calendar.</summary>
    public static void CheckIso(LocalDate date, [CallerArgumentExpression(nameof(date))] string? paramName = null)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            ThrowNotIso(paramName);
        }
    }

    /// <summary>Throws unless <paramref name="date"/> lies within <paramref name="range"/>.</summary>
    public static void CheckInRange(LocalDate date, DateInterval range, [CallerArgumentExpression(nameof(date))] string? paramName = null)
    {
        if (!range.Contains(date))
        {
            ThrowOutOfRange(date, range, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="inner"/> lies wholly within <paramref name="range"/>.</summary>
    public static void CheckInRange(DateInterval inner, DateInterval range, [CallerArgumentExpression(nameof(inner))] string? paramName = null)
    {
        if (!range.Contains(inner))
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                $"The interval {Format(inner.Start)} to {Format(inner.End)} is not wholly within the calendar's coverage, {Format(range.Start)} to {Format(range.End)} inclusive.");
        }
    }

    [DoesNotReturn]
    public static void ThrowOutOfRange(LocalDate date, DateInterval range, string? paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            $"The date {Format(date)} is outside the calendar's coverage, {Format(range.Start)} to {Format(range.End)} inclusive.");

    [DoesNotReturn]
    private static void ThrowNotIso(string? paramName) =>
        throw new ArgumentException("The date must be in the ISO calendar system.", paramName);

    /// <summary>Formats a date as ISO 8601 <c>yyyy-MM-dd</c> whatever the current culture.</summary>
    public static string Format(LocalDate date) =>
        NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
