namespace Upon.Core.Workforce;

/// <summary>The count, mean and median of a set of tenure lengths in days.</summary>
/// <remarks>
/// The median of an even count is the mean of the two middle lengths (as R's <c>median</c>). Equality
/// is by value; <c>default</c> is the summary of no tenures.
/// </remarks>
/// <param name="Count">The number of tenures.</param>
/// <param name="MeanDays">The mean length in days, or null when there are none.</param>
/// <param name="MedianDays">The median length in days, or null when there are none.</param>
public readonly record struct TenureSummary(int Count, double? MeanDays, double? MedianDays)
{
    /// <summary>Gets the mean in average months (days / 30.436875), or null when there are no tenures.</summary>
    public double? MeanMonths => MeanDays / TenureMeasures.DaysPerMonth;

    /// <summary>Gets the median in average months (days / 30.436875), or null when there are no tenures.</summary>
    public double? MedianMonths => MedianDays / TenureMeasures.DaysPerMonth;

    internal static TenureSummary Of(List<long> lengths)
    {
        if (lengths.Count == 0)
        {
            return new TenureSummary(0, null, null);
        }

        lengths.Sort();
        double sum = 0;
        foreach (long length in lengths)
        {
            sum += length;
        }

        int middle = lengths.Count / 2;
        double median = lengths.Count % 2 == 1 ? lengths[middle] : (lengths[middle - 1] + lengths[middle]) / 2.0;
        return new TenureSummary(lengths.Count, sum / lengths.Count, median);
    }
}
