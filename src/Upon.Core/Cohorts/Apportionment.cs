using System.Numerics;

namespace Upon.Core.Cohorts;

/// <summary>
/// Whole places shared out between groups (for example regions) in proportion to target shares, by the
/// largest-remainder (Hamilton) method.
/// </summary>
/// <remarks>
/// <para>The method: each group's exact quota is <c>total × share ÷ (sum of shares)</c>. Every group first
/// gets its quota rounded down; the places left over (fewer than the number of groups) go one each to the
/// groups with the largest remainders (the fractional parts of their quotas). Remainders are compared
/// exactly, in integer arithmetic, so no rounding error can change the result.</para>
/// <para>Ties: when two remainders are exactly equal, the group that comes <em>first</em> in the list of
/// shares gets the place first. Order the groups accordingly when a tie matters.</para>
/// <para>What holds: the places sum to the total; each group gets its quota rounded down or up (exactly its
/// quota when that is whole); a group with a larger share never gets fewer places than one with a smaller
/// share; a group with a zero share gets nothing; multiplying every share by the same positive number
/// changes nothing. What does not: the method is not monotone in the total (the Alabama paradox: with
/// shares 6, 6 and 2, ten places give 4, 4 and 2, but eleven give 5, 5 and 1), nor in the shares (the
/// population paradox).</para>
/// <para>Equality is by reference. Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class Apportionment
{
    /// <summary>The number of decimal places to which <see cref="Quotas"/> are given: 20, the rest truncated (fewer when the whole part is so large that a decimal cannot hold them all).</summary>
    public const int QuotaDecimals = 20;

    private static readonly BigInteger QuotaScale = BigInteger.Pow(10, QuotaDecimals);

    private Apportionment(int total, ImmutableArray<decimal> shares, ImmutableArray<decimal> quotas, ImmutableArray<int> places)
    {
        Total = total;
        Shares = shares;
        Quotas = quotas;
        Places = places;
    }

    /// <summary>Gets the number of places shared out (zero or more).</summary>
    public int Total { get; }

    /// <summary>Gets the target shares as given, one a group.</summary>
    public ImmutableArray<decimal> Shares { get; }

    /// <summary>Gets each group's quota, <c>total × share ÷ (sum of shares)</c>, to <see cref="QuotaDecimals"/> decimal places, for display: places are decided from the exact quotas.</summary>
    public ImmutableArray<decimal> Quotas { get; }

    /// <summary>Gets the places of each group, in the order of <see cref="Shares"/>: they sum to <see cref="Total"/>.</summary>
    public ImmutableArray<int> Places { get; }

    /// <summary>Shares <paramref name="total"/> places between groups in proportion to <paramref name="shares"/> by the largest-remainder method.</summary>
    /// <param name="total">The number of places: zero or more.</param>
    /// <param name="shares">
    /// The target share of each group: at least one, none negative, not all zero. They need not sum to 1
    /// (percentages, fractions or head counts all work): only their proportions matter.
    /// </param>
    /// <returns>The places of each group.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is negative, or a share is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="shares"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="shares"/> is empty or all zero.</exception>
    public static Apportionment LargestRemainder(int total, IReadOnlyList<decimal> shares)
    {
        Guard.Against.LessThan(total, 0);
        Guard.Against.Null(shares);
        Guard.Against.Empty(shares, "share");

        int count = shares.Count;
        int scale = 0;
        for (int i = 0; i < count; i++)
        {
            Guard.Against.OutOfRange(shares[i] < 0, $"Shares must not be negative; share {i} is.", nameof(shares));
            scale = Math.Max(scale, shares[i].Scale);
        }

        // Every share as a whole number of units of 10^-scale, so that quotas are exact fractions over their sum.
        BigInteger[] weights = new BigInteger[count];
        BigInteger sum = BigInteger.Zero;
        for (int i = 0; i < count; i++)
        {
            weights[i] = Unscaled(shares[i]) * BigInteger.Pow(10, scale - shares[i].Scale);
            sum += weights[i];
        }

        Guard.Against.Invalid(sum.IsZero, "At least one share must be above zero.", nameof(shares));

        int[] places = new int[count];
        BigInteger[] remainders = new BigInteger[count];
        decimal[] quotas = new decimal[count];
        int given = 0;
        for (int i = 0; i < count; i++)
        {
            BigInteger lower = BigInteger.DivRem(total * weights[i], sum, out remainders[i]);
            places[i] = (int)lower;
            given += places[i];
            quotas[i] = places[i] + ((decimal)(remainders[i] * QuotaScale / sum) / (decimal)QuotaScale);
        }

        int[] order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Largest remainder first; equal remainders in list order (the sort is made stable by the index).
        Array.Sort(order, (a, b) =>
        {
            int byRemainder = remainders[b].CompareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : a.CompareTo(b);
        });
        for (int extra = 0; extra < total - given; extra++)
        {
            places[order[extra]]++;
        }

        return new Apportionment(total, [.. shares], [.. quotas], [.. places]);
    }

    private static BigInteger Unscaled(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // The three low words hold the 96-bit magnitude as unsigned integers: reinterpret, do not convert.
        return (new BigInteger(unchecked((uint)bits[2])) << 64) | (new BigInteger(unchecked((uint)bits[1])) << 32) | new BigInteger(unchecked((uint)bits[0]));
    }

    /// <summary>Says what the apportionment gives: for example <c>35 places apportioned by largest remainder: 12, 12, 11</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Total} places apportioned by largest remainder: {string.Join(", ", Places)}");
}
