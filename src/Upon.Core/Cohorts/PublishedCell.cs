namespace Upon.Core.Cohorts;

/// <summary>One category of a <see cref="PublishedBreakdown"/>: its count and share, or nulls when suppressed.</summary>
/// <remarks>Equality is by value. Instances are immutable.</remarks>
/// <param name="Category">The category's name.</param>
/// <param name="Count">The count as published; null when suppressed.</param>
/// <param name="Share">The share of the total as published, from 0 to 1; null when suppressed (a share would reveal the count).</param>
/// <param name="Reason">Why the cell is or is not suppressed: for the producer's audit, not for publication.</param>
public sealed record PublishedCell(string Category, int? Count, decimal? Share, SuppressionReason Reason)
{
    /// <summary>Gets whether the cell is suppressed.</summary>
    public bool IsSuppressed => Count is null;
}
