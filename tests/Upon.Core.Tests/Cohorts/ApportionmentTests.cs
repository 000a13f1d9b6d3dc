using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Largest-remainder apportionment: examples, ties, the Alabama paradox, bad input and the laws that hold.</summary>
public sealed class ApportionmentTests
{
    [Fact]
    public void LargestRemainder_GivesLowerQuotasThenExtrasByLargestRemainder()
    {
        // Quotas 14.5, 3.1 and 2.4 of 20: 14, 3, 2 first; the one place left goes to the largest remainder, 0.5.
        Apportionment result = Apportionment.LargestRemainder(20, [72.5m, 15.5m, 12m]);

        Assert.Equal([15, 3, 2], result.Places.ToArray());
        Assert.Equal([14.5m, 3.1m, 2.4m], result.Quotas.ToArray());
        Assert.Equal(20, result.Total);
        Assert.Equal([72.5m, 15.5m, 12m], result.Shares.ToArray());
    }

    [Fact]
    public void LargestRemainder_EqualRemainders_GoToTheEarlierGroup()
    {
        Assert.Equal([2, 1, 1], Apportionment.LargestRemainder(4, [1m, 1m, 1m]).Places.ToArray());
        Assert.Equal([1, 2, 1], Apportionment.LargestRemainder(4, [1m, 2m, 1m]).Places.ToArray());
    }

    [Fact]
    public void LargestRemainder_ShowsTheAlabamaParadox()
    {
        // One more place in total takes a place away from the third group: Hamilton's method is not house monotone.
        Assert.Equal([4, 4, 2], Apportionment.LargestRemainder(10, [6m, 6m, 2m]).Places.ToArray());
        Assert.Equal([5, 5, 1], Apportionment.LargestRemainder(11, [6m, 6m, 2m]).Places.ToArray());
    }

    [Fact]
    public void LargestRemainder_ThirdsAreExact_WhereDecimalDivisionIsNot()
    {
        // 1/3 is not a decimal, yet the three equal remainders are seen as equal and the tie rule applies.
        Apportionment result = Apportionment.LargestRemainder(2, [0.1m, 0.1m, 0.1m]);

        Assert.Equal([1, 1, 0], result.Places.ToArray());
        Assert.Equal(0.66666666666666666666m, result.Quotas[0]);
    }

    [Fact]
    public void LargestRemainder_ExtremeSharesAndTotals_DoNotOverflow()
    {
        Apportionment result = Apportionment.LargestRemainder(int.MaxValue, [decimal.MaxValue, decimal.MaxValue, 0.0000000001m]);

        Assert.Equal(int.MaxValue, result.Places.Sum(p => (long)p));
        Assert.Equal(0, result.Places[2]);
    }

    [Fact]
    public void LargestRemainder_BadInput_IsRefusedNamingTheField()
    {
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => Apportionment.LargestRemainder(-1, [1m])).ParamName);
        Assert.Equal("shares", Assert.Throws<ArgumentNullException>(() => Apportionment.LargestRemainder(1, null!)).ParamName);
        ArgumentException empty = Assert.Throws<ArgumentException>(() => Apportionment.LargestRemainder(1, []));
        Assert.Equal("shares", empty.ParamName);
        Assert.StartsWith("At least one share is needed.", empty.Message, StringComparison.Ordinal);
        ArgumentException zero = Assert.Throws<ArgumentException>(() => Apportionment.LargestRemainder(1, [0m, 0m]));
        Assert.StartsWith("At least one share must be above zero.", zero.Message, StringComparison.Ordinal);
        ArgumentOutOfRangeException negative = Assert.Throws<ArgumentOutOfRangeException>(() => Apportionment.LargestRemainder(1, [1m, -0.5m]));
        Assert.Equal("shares", negative.ParamName);
        Assert.StartsWith("Shares must not be negative; share 1 is.", negative.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property Places_SumToTheTotal_AndEachIsItsQuotaRoundedDownOrUp() =>
        Prop.ForAll(CohortGenerators.ApportionmentCases(), c =>
        {
            Apportionment result = Apportionment.LargestRemainder(c.Total, c.Shares);

            Assert.Equal(c.Total, result.Places.Sum());
            BigInteger sum = c.Shares.Aggregate(BigInteger.Zero, (s, x) => s + Hundredths(x));
            for (int i = 0; i < c.Shares.Length; i++)
            {
                // |places × sum − total × share| < sum, with equality to zero when the quota is whole.
                BigInteger gap = (result.Places[i] * sum) - (c.Total * Hundredths(c.Shares[i]));
                Assert.True(BigInteger.Abs(gap) < sum, $"group {i}: {result.Places[i]} places is not within one of its quota");
                if ((c.Total * Hundredths(c.Shares[i])) % sum == 0)
                {
                    Assert.Equal(BigInteger.Zero, gap);
                }
            }
        });

    [Property]
    public Property Places_NeverFewerForALargerShare_AndNoneForAZeroShare() =>
        Prop.ForAll(CohortGenerators.ApportionmentCases(), c =>
        {
            Apportionment result = Apportionment.LargestRemainder(c.Total, c.Shares);
            for (int i = 0; i < c.Shares.Length; i++)
            {
                if (c.Shares[i] == 0)
                {
                    Assert.Equal(0, result.Places[i]);
                }

                for (int j = 0; j < c.Shares.Length; j++)
                {
                    Assert.True(c.Shares[i] <= c.Shares[j] || result.Places[i] >= result.Places[j], $"share {c.Shares[i]} got fewer places than share {c.Shares[j]}");
                }
            }
        });

    [Property]
    public Property Places_DoNotChange_WhenEveryShareIsScaledByTheSameFactor() =>
        Prop.ForAll(CohortGenerators.ApportionmentCases(), c =>
        {
            int[] places = [.. Apportionment.LargestRemainder(c.Total, c.Shares).Places];

            Assert.Equal(places, Apportionment.LargestRemainder(c.Total, [.. c.Shares.Select(s => s * 7m)]).Places.ToArray());
            Assert.Equal(places, Apportionment.LargestRemainder(c.Total, [.. c.Shares.Select(s => s / 4m)]).Places.ToArray());
        });

    [Property]
    public Property Places_FollowTheirGroup_WhenTheListIsReversedWithoutTiedRemainders() =>
        Prop.ForAll(CohortGenerators.ApportionmentCases(), c =>
        {
            BigInteger sum = c.Shares.Aggregate(BigInteger.Zero, (s, x) => s + Hundredths(x));
            BigInteger[] remainders = [.. c.Shares.Select(s => (c.Total * Hundredths(s)) % sum)];
            if (remainders.Distinct().Count() != remainders.Length)
            {
                return;
            }

            int[] forward = [.. Apportionment.LargestRemainder(c.Total, c.Shares).Places];
            int[] backward = [.. Apportionment.LargestRemainder(c.Total, [.. c.Shares.Reverse()]).Places];
            Assert.Equal(forward, backward.Reverse());
        });

    [Property]
    public Property Places_AreTheExactLargestRemainders_ForSharesAcrossTheWholeDecimalRange() =>
        Prop.ForAll(WideShares().ToArbitrary(), Gen.Choose(0, 100_000).ToArbitrary(), (shares, total) =>
        {
            // The oracle reads each share's digits from its text, so it does not share the library's reading of the
            // decimal's 96-bit magnitude (shares here reach 2^96 − 1 and every scale from 0 to 28).
            int scale = shares.Max(s => s.Scale);
            BigInteger[] weights = [.. shares.Select(s =>
                BigInteger.Parse(s.ToString(CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                * BigInteger.Pow(10, scale - s.Scale))];
            BigInteger sum = weights.Aggregate(BigInteger.Zero, (a, w) => a + w);
            int[] expected = [.. weights.Select(w => (int)(total * w / sum))];
            BigInteger[] remainders = [.. weights.Select(w => total * w % sum)];
            int[] order = [.. Enumerable.Range(0, shares.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i)];
            int left = total - expected.Sum();
            for (int extra = 0; extra < left; extra++)
            {
                expected[order[extra]]++;
            }

            Assert.Equal(expected, Apportionment.LargestRemainder(total, shares).Places.ToArray());
        });

    [Fact]
    public void LargestRemainder_SharesAboveTwoToThe32And64_AreReadWhole()
    {
        // 2^32 and 2^64 have nothing in the decimal's lowest word: a share read from that word alone would be zero.
        Assert.Equal([1, 2], Apportionment.LargestRemainder(3, [4_294_967_296m, 8_589_934_592m]).Places.ToArray());
        Assert.Equal([2, 1], Apportionment.LargestRemainder(3, [36_893_488_147_419_103_232m, 18_446_744_073_709_551_616m]).Places.ToArray());
    }

    private static Gen<decimal[]> WideShares() =>
        Gen.Choose(1, 6).SelectMany(count => Gen.ArrayOf(WideShare(), count))
            .Where(shares => shares.Any(s => s != 0m));

    private static Gen<decimal> WideShare() =>
        Gen.Frequency(
            (1, Gen.Constant(0m)),
            (2, Gen.Choose(1, 1000).Select(n => (decimal)n)),
            (6, from lo in ArbMap.Default.GeneratorFor<int>()
                from mid in ArbMap.Default.GeneratorFor<int>()
                from hi in Gen.OneOf(Gen.Elements(0, 1, -1, int.MaxValue), ArbMap.Default.GeneratorFor<int>())
                from scale in Gen.Choose(0, 28)
                select new decimal(lo, mid, hi, false, (byte)scale)));

    private static BigInteger Hundredths(decimal share) => new(decimal.Round(share * 100m));
}
