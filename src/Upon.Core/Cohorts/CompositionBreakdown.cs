namespace Upon.Core.Cohorts;

/// <summary>
/// A cohort's make-up by one dimension (professional background, ethnicity, disability, region, organisation
/// type…): counts, shares, representation against a reference population, a check against a stated total,
/// and small-number suppression for publication.
/// </summary>
/// <remarks>
/// <para>Counts are kept as given: when they do not sum to the stated total, the breakdown is still made and
/// <see cref="TotalMismatch"/> says so (the Year 1 professional backgrounds sum to 20 where the text says 19
/// took part). Shares are of the sum of the counts, <see cref="Total"/>.</para>
/// <para>Equality is by reference. Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class CompositionBreakdown
{
    /// <summary>The threshold used by <see cref="Suppress"/> unless another is given: 5.</summary>
    public const int DefaultThreshold = 5;

    private CompositionBreakdown(string dimension, ImmutableArray<CompositionCell> cells, int total, int? statedTotal)
    {
        Dimension = dimension;
        Cells = cells;
        Total = total;
        StatedTotal = statedTotal;
    }

    /// <summary>Gets what the breakdown is by, for example "professional background".</summary>
    public string Dimension { get; }

    /// <summary>Gets the cells, in the order the counts were given.</summary>
    public ImmutableArray<CompositionCell> Cells { get; }

    /// <summary>Gets the sum of the counts (at least 1).</summary>
    public int Total { get; }

    /// <summary>Gets the total stated alongside the figures (for example the number said to have taken part), or null when none was stated.</summary>
    public int? StatedTotal { get; }

    /// <summary>Gets whether the counts sum to the stated total; true when no total was stated.</summary>
    public bool MatchesStatedTotal => StatedTotal is not int stated || stated == Total;

    /// <summary>Gets, when the counts do not sum to the stated total, a sentence saying so; otherwise null.</summary>
    public string? TotalMismatch => MatchesStatedTotal
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"The {Dimension} counts sum to {Total}, not to the stated total of {StatedTotal}: a difference of {Total - StatedTotal:+0;-0}.");

    /// <summary>Creates a breakdown from counts by category.</summary>
    /// <param name="dimension">What the breakdown is by, for example "professional background": not empty.</param>
    /// <param name="counts">The count of each category: at least one, categories distinct (compared ordinally), and not all zero.</param>
    /// <param name="statedTotal">The total stated alongside the figures, to check them against (zero or more); null when none.</param>
    /// <param name="referenceShares">
    /// The share of each category in a reference population, from 0 to 1 (for example 0.8 for white British among
    /// serving DCSs); each must name a category of <paramref name="counts"/>; categories left out have no reference.
    /// </param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimension"/>, <paramref name="counts"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dimension"/> is empty; <paramref name="counts"/> is empty, all zero or names a category twice; or <paramref name="referenceShares"/> names a category not counted.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statedTotal"/> is negative, or a reference share is outside 0 to 1.</exception>
    public static CompositionBreakdown Create(
        string dimension,
        IReadOnlyList<CategoryCount> counts,
        int? statedTotal = null,
        IReadOnlyDictionary<string, decimal>? referenceShares = null)
    {
        Guard.Against.NullOrWhiteSpace(dimension);
        Guard.Against.Null(counts);
        if (statedTotal is int stated)
        {
            Guard.Against.LessThan(stated, 0, nameof(statedTotal));
        }

        Guard.Against.Empty(counts, "category");
        Dictionary<string, int> seen = new(counts.Count, StringComparer.Ordinal);
        long sum = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            CategoryCount item = Guard.Against.Null(counts[i], nameof(counts), $"Category {i} is null.");
            Guard.Against.Duplicate(seen, item.Category, i, static (_, again) => $"Category {again} appears more than once.", nameof(counts));

            sum += item.Count;
        }

        Guard.Against.Invalid(sum == 0, "At least one count must be above zero.", nameof(counts));

        int total = checked((int)sum);
        if (referenceShares is not null)
        {
            foreach (KeyValuePair<string, decimal> reference in referenceShares)
            {
                Guard.Against.Invalid(!seen.ContainsKey(reference.Key), "A reference share names no counted category.", nameof(referenceShares));
                Guard.Against.NotShare(reference.Value, nameof(referenceShares), "A reference share must be from 0 to 1.");
            }
        }

        ImmutableArray<CompositionCell>.Builder cells = ImmutableArray.CreateBuilder<CompositionCell>(counts.Count);
        foreach (CategoryCount item in counts)
        {
            decimal? reference = referenceShares is not null && referenceShares.TryGetValue(item.Category, out decimal share) ? share : null;
            cells.Add(new CompositionCell(item.Category, item.Count, (decimal)item.Count / total, reference));
        }

        return new CompositionBreakdown(dimension, cells.MoveToImmutable(), total, statedTotal);
    }

    /// <summary>
    /// Suppresses small counts for publication, with secondary suppression so that no suppressed count can be
    /// worked out from the published total and the other cells.
    /// </summary>
    /// <remarks>
    /// <para>The rule:</para>
    /// <list type="number">
    /// <item>Primary: every count from 1 to <paramref name="threshold"/> − 1 is suppressed. Zeros are published
    /// (as the sources publish "none identified as disabled").</item>
    /// <item>Secondary: a reader can subtract the published cells from the published total and learn the sum
    /// of the suppressed ones, and, since zeros are published, that each suppressed count is at least 1. A
    /// suppressed count is then recoverable when it is the only one suppressed, or when the suppressed sum
    /// equals the number of suppressed cells (all ones). While either holds, the smallest published count above
    /// zero is suppressed too (the earliest cell first among equal counts).</item>
    /// <item>Withheld: when no published count above zero is left to suppress and a suppressed count is still
    /// recoverable, every cell and the total are suppressed.</item>
    /// </list>
    /// <para>The rule protects a single breakdown against subtraction from the total. Its limits: a reader who also
    /// knows the rule and the threshold can narrow further (with a threshold of 5, cells 4, 5 and 5 publish two
    /// hidden cells summing to 9, one below 5 and the other at most the published 5: so 4 and 5); and several
    /// breakdowns of the same people (by ethnicity and by region, say) can be combined. Publish with care.</para>
    /// </remarks>
    /// <param name="threshold">The smallest count that may be published besides zero: at least 1 (1 suppresses nothing).</param>
    /// <returns>The breakdown as it may be published.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1.</exception>
    public PublishedBreakdown Suppress(int threshold = DefaultThreshold)
    {
        Guard.Against.LessThan(threshold, 1);
        SuppressionReason[] reasons = new SuppressionReason[Cells.Length];
        int suppressed = 0;
        long suppressedSum = 0;
        for (int i = 0; i < Cells.Length; i++)
        {
            int count = Cells[i].Count;
            if (count > 0 && count < threshold)
            {
                reasons[i] = SuppressionReason.Primary;
                suppressed++;
                suppressedSum += count;
            }
        }

        bool withheld = false;
        while (suppressed > 0 && (suppressed == 1 || suppressedSum == suppressed))
        {
            int next = -1;
            for (int i = 0; i < Cells.Length; i++)
            {
                if (reasons[i] == SuppressionReason.None && Cells[i].Count > 0 && (next < 0 || Cells[i].Count < Cells[next].Count))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                withheld = true;
                break;
            }

            reasons[next] = SuppressionReason.Secondary;
            suppressed++;
            suppressedSum += Cells[next].Count;
        }

        ImmutableArray<PublishedCell>.Builder cells = ImmutableArray.CreateBuilder<PublishedCell>(Cells.Length);
        for (int i = 0; i < Cells.Length; i++)
        {
            CompositionCell cell = Cells[i];
            cells.Add(withheld
                ? new PublishedCell(cell.Category, null, null, SuppressionReason.Withheld)
                : reasons[i] == SuppressionReason.None
                    ? new PublishedCell(cell.Category, cell.Count, cell.Share, SuppressionReason.None)
                    : new PublishedCell(cell.Category, null, null, reasons[i]));
        }

        return new PublishedBreakdown(Dimension, threshold, withheld ? null : Total, cells.MoveToImmutable());
    }
}
