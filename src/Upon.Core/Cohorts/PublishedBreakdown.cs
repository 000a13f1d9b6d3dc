namespace Upon.Core.Cohorts;

/// <summary>
/// A breakdown ready to publish: small counts suppressed so that no count below the threshold can be read or
/// derived from the total (see <see cref="CompositionBreakdown.Suppress"/> for the rule).
/// </summary>
/// <remarks>Equality is by reference. Instances are immutable and safe to share between threads.</remarks>
public sealed class PublishedBreakdown
{
    internal PublishedBreakdown(string dimension, int threshold, int? total, ImmutableArray<PublishedCell> cells)
    {
        Dimension = dimension;
        Threshold = threshold;
        Total = total;
        Cells = cells;
    }

    /// <summary>Gets what the breakdown is by, for example "professional background".</summary>
    public string Dimension { get; }

    /// <summary>Gets the threshold: counts from 1 to the threshold minus one are never published.</summary>
    public int Threshold { get; }

    /// <summary>Gets the total of the breakdown as published (the sum of every count, suppressed or not); null when the breakdown is withheld.</summary>
    public int? Total { get; }

    /// <summary>Gets the cells, in the breakdown's order.</summary>
    public ImmutableArray<PublishedCell> Cells { get; }

    /// <summary>Gets whether the whole breakdown, total included, is suppressed.</summary>
    public bool IsWithheld => Total is null;
}
