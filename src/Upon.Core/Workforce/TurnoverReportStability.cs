namespace Upon.Core.Workforce;

/// <summary>The stability index of a period in a <see cref="TurnoverReport"/> (see <see cref="StabilityIndex"/>).</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="From">The day a year before the period's end: the holders in post then are followed.</param>
/// <param name="To">The period's last day.</param>
/// <param name="Eligible">The authorities in force on both days with a holder on the first.</param>
/// <param name="Stable">Of those, the authorities whose holder on the first day is still in post on the last.</param>
/// <param name="Value">Stable ÷ eligible, or null when no authority is eligible.</param>
public sealed record TurnoverReportStability(LocalDate From, LocalDate To, int Eligible, int Stable, double? Value)
{
    /// <summary>Copies a stability index.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The same figures.</returns>
    public static TurnoverReportStability Of(StabilityIndex index) => new(index.From, index.To, index.Eligible, index.Stable, index.Value);
}
