namespace Upon.Core.Cohorts;

/// <summary>
/// One category of a <see cref="CompositionBreakdown"/>: its count, its share of the breakdown's total and,
/// when a reference population is given, how that share compares with the reference.
/// </summary>
/// <remarks>Shares are fractions from 0 to 1, not percentages. Equality is by value. Instances are immutable.</remarks>
/// <param name="Category">The category's name.</param>
/// <param name="Count">The number of people in the category.</param>
/// <param name="Share">The count divided by the breakdown's total, from 0 to 1 (to 28 significant digits).</param>
/// <param name="ReferenceShare">The category's share of the reference population (from 0 to 1), or null when none was given.</param>
public sealed record CompositionCell(string Category, int Count, decimal Share, decimal? ReferenceShare)
{
    /// <summary>Gets the share minus the reference share, from −1 to 1 (0.1 is ten percentage points over); null without a reference.</summary>
    public decimal? Difference => ReferenceShare is decimal reference ? Share - reference : null;

    /// <summary>Gets the representation ratio, the share divided by the reference share (1 is proportionate, below 1 under-represented); null without a reference or when the reference share is zero.</summary>
    public decimal? RepresentationRatio => ReferenceShare is decimal reference && reference != 0 ? Share / reference : null;
}
