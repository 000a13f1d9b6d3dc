using Upon.Core.Workforce;

namespace Upon.Core.Charts;

/// <summary>A Kaplan–Meier curve with the label it has in a chart's legend (for example a stratum's key).</summary>
/// <param name="Label">The label; may be empty.</param>
/// <param name="Curve">The curve.</param>
/// <remarks>Equality is by value, with <see cref="Curve"/> compared by reference.</remarks>
public sealed record ChartCurve(string Label, KaplanMeierCurve Curve)
{
    /// <summary>Gets the label; checked not to be null.</summary>
    public string Label { get; init; } = Guard.Against.Null(Label);

    /// <summary>Gets the curve; checked not to be null.</summary>
    public KaplanMeierCurve Curve { get; init; } = Guard.Against.Null(Curve);
}
