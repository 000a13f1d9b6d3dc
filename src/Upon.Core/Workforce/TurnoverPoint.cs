namespace Upon.Core.Workforce;

/// <summary>One year of a <see cref="TurnoverSeries"/>.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Year">The year: a calendar year, or the calendar year a financial year starts in.</param>
/// <param name="Value">The value, or null where it is not known (for example "–" in a published table).</param>
public readonly record struct TurnoverPoint(int Year, double? Value);
