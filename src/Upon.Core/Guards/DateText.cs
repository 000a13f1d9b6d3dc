using NodaTime.Text;

namespace Upon.Core.Guards;

/// <summary>
/// How the library writes a date in a message, a <c>ToString()</c> or a document: ISO 8601
/// <c>yyyy-MM-dd</c>, whatever the current culture.
/// </summary>
internal static class DateText
{
    /// <summary>Formats <paramref name="date"/> as <c>yyyy-MM-dd</c> (the ISO pattern, culture-invariant).</summary>
    /// <param name="date">The date to format.</param>
    /// <returns>The date as <c>yyyy-MM-dd</c>.</returns>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
