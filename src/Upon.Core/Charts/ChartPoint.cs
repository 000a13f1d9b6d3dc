namespace Upon.Core.Charts;

/// <summary>One value of a series over categories such as financial years (<c>2020/21</c>).</summary>
/// <param name="Category">The category, as drawn under the axis.</param>
/// <param name="Value">The value, finite and at least 0.</param>
public readonly record struct ChartPoint(string Category, double Value);
