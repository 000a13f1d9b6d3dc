namespace Upon.Core.Cohorts;

/// <summary>
/// The counts of one dimension of a cohort's make-up, as published or as counted from participants, before any
/// reference population is applied: the input of <see cref="CompositionBreakdown.Create"/>.
/// </summary>
/// <remarks>Equality is by value, with <see cref="Counts"/> compared by reference. Instances are immutable.</remarks>
/// <param name="Dimension">What the counts are by, for example "professional background".</param>
/// <param name="Counts">The count of each category, in order: at least one, categories distinct, not all zero.</param>
/// <param name="StatedTotal">The total stated alongside the counts, or null when none.</param>
public sealed record CompositionDimension(string Dimension, ImmutableArray<CategoryCount> Counts, int? StatedTotal)
{
    /// <summary>Gets the dimension's name; checked not to be null, empty or white space.</summary>
    public string Dimension { get; init; } = Guard.Against.InvalidInput(Dimension, nameof(Dimension), static name => !string.IsNullOrWhiteSpace(name), "A dimension needs a name.");

    /// <summary>Gets the counts; checked not to be empty.</summary>
    public ImmutableArray<CategoryCount> Counts { get; init; } = Guard.Against.Empty(Counts, "category", nameof(Counts));

    /// <summary>Creates the breakdown of these counts.</summary>
    /// <param name="referenceShares">The share of each category in a reference population (see <see cref="CompositionBreakdown.Create"/>), or null.</param>
    /// <param name="statedTotal">A stated total to check the counts against instead of <see cref="StatedTotal"/>; null to keep it.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException">The counts are all zero or name a category twice, or <paramref name="referenceShares"/> names a category not counted.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statedTotal"/> is negative, or a reference share is outside 0 to 1.</exception>
    public CompositionBreakdown ToBreakdown(IReadOnlyDictionary<string, decimal>? referenceShares = null, int? statedTotal = null) =>
        CompositionBreakdown.Create(Dimension, Counts, statedTotal ?? StatedTotal, referenceShares);
}
