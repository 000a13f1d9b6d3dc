namespace Upon.Core.Workforce;

/// <summary>
/// The stability index: the share of authorities whose DCS a year before a date is still in post on
/// that date (the same unbroken spell), among the authorities in force on both dates that had a DCS
/// a year before.
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="From">The date a year before (same day and month; 29 February goes to 28 February).</param>
/// <param name="To">The date the holders are checked on: the period's last day.</param>
/// <param name="Eligible">The authorities in force on both dates with a DCS on <paramref name="From"/>.</param>
/// <param name="Stable">Those whose DCS on <paramref name="From"/> is still in post on <paramref name="To"/>, at most <paramref name="Eligible"/>.</param>
public readonly record struct StabilityIndex(LocalDate From, LocalDate To, int Eligible, int Stable)
{
    /// <summary>Gets <see cref="Stable"/> / <see cref="Eligible"/>, in [0, 1]; null when no authority is eligible.</summary>
    public double? Value => Eligible == 0 ? null : (double)Stable / Eligible;
}
