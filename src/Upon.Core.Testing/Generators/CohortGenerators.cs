using Upon.Core.Cohorts;

namespace Upon.Core.Testing;

/// <summary>
/// FsCheck generators for cohorts: small numbers of participants and narrow bounds, so that infeasible
/// splits are frequent and brute force stays cheap.
/// </summary>
public static class CohortGenerators
{
    /// <summary>Bounds whose minimum is 1 to <paramref name="largest"/> and whose maximum is the minimum to <paramref name="largest"/>.</summary>
    public static Gen<GroupSizeBounds> Bounds(int largest) =>
        from minimum in Gen.Choose(1, largest)
        from maximum in Gen.Choose(minimum, largest)
        select new GroupSizeBounds(minimum, maximum);

    /// <summary>A number of participants from 1 to 120 and bounds within 1 to 12.</summary>
    public static Arbitrary<(int Participants, GroupSizeBounds Bounds)> SplitCases() =>
        Arb.From(
            from participants in Gen.Choose(1, 120)
            from bounds in Bounds(12)
            select (participants, bounds),
            input => Shrinks.Towards(input.participants, 1).Select(participants => (participants, input.bounds)));

    /// <summary>A number of participants from 1 to 150, cohort bounds within 1 to 40 and set bounds within 1 to 9.</summary>
    public static Arbitrary<(int Participants, GroupSizeBounds Cohorts, GroupSizeBounds Sets)> TwoLevelCases() =>
        Arb.From(
            from participants in Gen.Choose(1, 150)
            from cohorts in Bounds(40)
            from sets in Bounds(9)
            select (participants, cohorts, sets));

    /// <summary>
    /// By brute force over every partition: for each number of people from 0 to <paramref name="largest"/>, the
    /// fewest groups within <paramref name="bounds"/> of any sizes that hold exactly that many, or null when none do.
    /// </summary>
    public static int?[] FewestGroupsByBruteForce(int largest, GroupSizeBounds bounds)
    {
        int?[] fewest = new int?[largest + 1];
        fewest[0] = 0;
        for (int n = 1; n <= largest; n++)
        {
            for (int size = bounds.Minimum; size <= System.Math.Min(bounds.Maximum, n); size++)
            {
                if (fewest[n - size] is int rest && (fewest[n] is not int best || rest + 1 < best))
                {
                    fewest[n] = rest + 1;
                }
            }
        }

        return fewest;
    }

    /// <summary>Every multiset of sizes within <paramref name="bounds"/> that sums to <paramref name="total"/>, as descending lists.</summary>
    public static IEnumerable<int[]> Partitions(int total, GroupSizeBounds bounds) => Partitions(total, bounds.Minimum, bounds.Maximum);

    private static IEnumerable<int[]> Partitions(int total, int minimum, int largestPart)
    {
        if (total == 0)
        {
            yield return [];
            yield break;
        }

        for (int part = System.Math.Min(largestPart, total); part >= minimum; part--)
        {
            foreach (int[] rest in Partitions(total - part, minimum, part))
            {
                yield return [part, .. rest];
            }
        }
    }

    /// <summary>Whether some sizes in <paramref name="sizes"/> differ by more than one.</summary>
    public static bool Unbalanced(IReadOnlyCollection<int> sizes) => sizes.Count > 0 && sizes.Max() - sizes.Min() > 1;

    /// <summary>
    /// A total of 0 to 300 places and 1 to 8 shares, each 0 to 20 (often equal, so that remainders tie), written
    /// with 0 to 2 decimal places; at least one share is above zero.
    /// </summary>
    public static Arbitrary<(int Total, decimal[] Shares)> ApportionmentCases() =>
        Arb.From(
            from total in Gen.Choose(0, 300)
            from count in Gen.Choose(1, 8)
            from whole in Gen.Choose(0, 20).ArrayOf(count)
            from decimals in Gen.Choose(0, 2)
            where whole.Any(w => w > 0)
            select (total, whole.Select(w => new decimal(w * (int)System.Math.Pow(10, decimals), 0, 0, false, (byte)decimals)).ToArray()));

    /// <summary>
    /// Breakdowns of 1 to 7 categories with counts of 0 to 20, mostly small (so that primary and secondary
    /// suppression and withholding all occur), not all zero, and thresholds of 1 to 8.
    /// </summary>
    public static Arbitrary<(CompositionBreakdown Breakdown, int Threshold)> SuppressionCases() =>
        Arb.From(
            from size in Gen.Choose(1, 7)
            from counts in Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 20)), (1, Gen.Constant(0))).ArrayOf(size)
            from threshold in Gen.Choose(1, 8)
            where counts.Any(c => c > 0)
            select (CompositionBreakdown.Create("background", [.. counts.Select((c, i) => new CategoryCount("c" + i, c))]), threshold));

    /// <summary>Sizing models: 1 to 300 authorities, rates in hundredths (the appointment probability from 0.01), so that ranges and roundings are exercised.</summary>
    public static Arbitrary<SizingModel> SizingModels() =>
        Arb.From(
            from authorities in Gen.Choose(1, 300)
            from vacancy in Gen.Choose(0, 100)
            from firstTime in Gen.Choose(0, 100)
            from programme in Gen.Choose(0, 100)
            from appointed in Gen.Choose(1, 100)
            select new SizingModel(authorities, vacancy / 100m, firstTime / 100m, programme / 100m, appointed / 100m));
}
