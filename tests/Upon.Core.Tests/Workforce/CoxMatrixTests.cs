using System;
using System.Linq;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The Cox fit's linear algebra (<see cref="CoxMatrix"/>, R's <c>cholesky2</c>, <c>chsolve2</c>, <c>chinv2</c> and
/// <c>solve</c>) against exact rational arithmetic: positive semi-definite matrices A·Aᵀ of small whole numbers, whose rank
/// and dropped columns are known exactly, scaled by powers of two so that the tolerance has to be relative; and
/// non-singular matrices with zeros where a pivot would be, which only partial pivoting gets through.
/// </summary>
public sealed class CoxMatrixTests
{
    /// <summary>R's <c>toler.chol</c>, .Machine$double.eps^0.75.</summary>
    private const double Tolerance = 1.8189894035458565e-12;

    [Property]
    public Property Cholesky_KeepsExactlyTheColumnsIndependentOfThoseBefore() =>
        Prop.ForAll(SemiDefinite(), input =>
        {
            (long[,] whole, int scale) = input;
            int n = whole.GetLength(0);
            double[] factor = Doubles(whole, scale);

            int rank = CoxMatrix.Cholesky(factor, n, Tolerance);

            // R's rule, greedy in column order: column i is dropped when it adds nothing to the rank of the columns before it.
            bool[] dropped = Dropped(whole);
            Assert.Equal(ExactRank(whole), rank);
            Assert.Equal(n - dropped.Count(d => d), rank);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(dropped[i], factor[(i * n) + i] == 0);
            }
        });

    [Property]
    public Property Solve_SolvesTheKeptColumnsAndGivesZeroForTheDropped() =>
        Prop.ForAll(SemiDefinite(), Gen.Choose(-6, 6).ArrayOf(5).ToArbitrary(), (input, given) =>
        {
            (long[,] whole, int scale) = input;
            int n = whole.GetLength(0);
            double[] factor = Doubles(whole, scale);
            CoxMatrix.Cholesky(factor, n, Tolerance);
            double[] y = [.. given.Take(n).Select(v => (double)v)];

            CoxMatrix.Solve(factor, n, y);

            bool[] dropped = Dropped(whole);
            int[] kept = [.. Enumerable.Range(0, n).Where(i => !dropped[i])];
            Rational[] expected = ExactSolve(Sub(whole, kept), [.. kept.Select(i => new Rational(given[i]))]);
            for (int i = 0; i < n; i++)
            {
                if (dropped[i])
                {
                    Assert.Equal(0, y[i]);
                }
            }

            for (int k = 0; k < kept.Length; k++)
            {
                // The matrix was scaled by 2^scale, so the solution is the exact one scaled by 2^-scale.
                Close(expected[k].ToDouble(), Math.ScaleB(y[kept[k]], scale));
            }
        });

    [Property]
    public Property Invert_IsTheSymmetricInverseOfTheKeptColumnsWithZerosForTheDropped() =>
        Prop.ForAll(SemiDefinite(), input =>
        {
            (long[,] whole, int scale) = input;
            int n = whole.GetLength(0);
            double[] inverse = Doubles(whole, scale);
            CoxMatrix.Cholesky(inverse, n, Tolerance);

            CoxMatrix.Invert(inverse, n);

            bool[] dropped = Dropped(whole);
            int[] kept = [.. Enumerable.Range(0, n).Where(i => !dropped[i])];
            Rational[,] expected = ExactInverse(Sub(whole, kept));
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    Assert.Equal(inverse[(i * n) + j], inverse[(j * n) + i]);
                    if (dropped[i] || dropped[j])
                    {
                        Assert.Equal(0, inverse[(i * n) + j]);
                    }
                }
            }

            for (int a = 0; a < kept.Length; a++)
            {
                for (int b = 0; b < kept.Length; b++)
                {
                    Close(expected[a, b].ToDouble(), Math.ScaleB(inverse[(kept[a] * n) + kept[b]], scale));
                }
            }
        });

    [Property]
    public Property QuadraticForm_IsBOverTheKeptColumns() =>
        Prop.ForAll(SemiDefinite(), Gen.Choose(-6, 6).ArrayOf(5).ToArbitrary(), (input, given) =>
        {
            (long[,] whole, int scale) = input;
            int n = whole.GetLength(0);
            double[] variance = Doubles(whole, scale);
            double[] before = [.. variance];
            double[] b = [.. given.Take(n).Select(v => (double)v)];

            double statistic = CoxMatrix.QuadraticForm(variance, b, Tolerance);

            // bᵀ·V⁻·b with the dropped directions counting for nothing, and V left as it was.
            bool[] dropped = Dropped(whole);
            int[] kept = [.. Enumerable.Range(0, n).Where(i => !dropped[i])];
            Rational[] x = ExactSolve(Sub(whole, kept), [.. kept.Select(i => new Rational(given[i]))]);
            Rational exact = kept.Select((i, k) => new Rational(given[i]) * x[k]).Aggregate(Rational.Zero, (s, t) => s + t);
            Close(exact.ToDouble(), Math.ScaleB(statistic, scale));
            Assert.Equal(before, variance);
        });

    [Property]
    public Property SolvedQuadraticForm_IsBTimesTheInverseTimesB_EvenWithZerosWhereThePivotsWouldBe() =>
        Prop.ForAll(NonSingular(), Gen.Choose(-6, 6).ArrayOf(5).ToArbitrary(), (whole, given) =>
        {
            int n = whole.GetLength(0);
            double[] a = Doubles(whole, 0);
            double[] b = [.. given.Take(n).Select(v => (double)v)];

            double actual = CoxMatrix.SolvedQuadraticForm(a, b);

            Rational[] x = ExactSolve(whole, [.. given.Take(n).Select(v => new Rational(v))]);
            Rational exact = x.Select((v, i) => new Rational(given[i]) * v).Aggregate(Rational.Zero, (s, t) => s + t);
            Close(exact.ToDouble(), actual);
        });

    [Fact]
    public void Cholesky_TheToleranceIsRelativeToTheLargestDiagonal_WhereverItIs()
    {
        // diag(1, 10¹²): 1 is below 10⁻⁹ of the largest diagonal, so it is dropped however large it is absolutely; the
        // largest diagonal is found in the second row, not the first.
        double[] low = [1, 0, 0, 1e12];
        double[] high = [1e12, 0, 0, 1];

        Assert.Equal(1, CoxMatrix.Cholesky(low, 2, 1e-9));
        Assert.Equal(1, CoxMatrix.Cholesky(high, 2, 1e-9));

        Assert.Equal([0.0, 0, 0, 1e12], low);
        Assert.Equal([1e12, 0.0, 0, 0], high);
    }

    [Fact]
    public void Cholesky_APivotExactlyAtTheToleranceIsKept()
    {
        // diag(2, 1) with a tolerance of ½: the second pivot is exactly ½·2, not below it.
        double[] m = [2, 0, 0, 1];

        Assert.Equal(2, CoxMatrix.Cholesky(m, 2, 0.5));
        Assert.Equal([2.0, 0, 0, 1], m);
    }

    [Theory]
    [InlineData(1, 2, 1, 1e-9, -1)] // indefinite: the second pivot is 1 − 4 = −3
    [InlineData(1, 1, 1, 1e-9, 1)] // semi-definite: the second pivot is 0, dropped, and the matrix is still non-negative
    [InlineData(1, 0, -1, 0.125, 1)] // the pivot −1 is exactly −8 times the tolerance 0.125·1: not below it
    [InlineData(1, 0, -1.5, 0.125, -1)] // −1.5 is below −8·0.125
    public void Cholesky_NegatesTheRankOfAMatrixThatIsNotNonNegativeDefinite(double a, double b, double d, double tolerance, int expected)
    {
        double[] m = [a, b, b, d];

        Assert.Equal(expected, CoxMatrix.Cholesky(m, 2, tolerance));
    }

    [Fact]
    public void Solve_OfASingularMatrix_GivesZeroForTheDroppedColumn()
    {
        // [[1, 1], [1, 1]] keeps the first column only: b = (1, 2) solves to (1, 0), not to a least-squares compromise.
        double[] m = [1, 1, 1, 1];
        Assert.Equal(1, CoxMatrix.Cholesky(m, 2, Tolerance));
        double[] y = [1, 2];

        CoxMatrix.Solve(m, 2, y);

        Assert.Equal([1.0, 0.0], y);
    }

    [Fact]
    public void Solve_ADroppedColumnsRounding_DoesNotReachTheLaterColumns()
    {
        // A·Aᵀ of rank 3 whose third column is dropped, times 2⁶⁰. Its factorization leaves rounding below the dropped pivot
        // (in the matrix's units, about 2⁹) where exact arithmetic has 0; R's chsolve2 multiplies that into the fourth
        // column and, going back, into the others: the solution came out as (24.9, −175.0, 0, 187.3) times 2⁻⁶⁰ instead of the
        // kept columns' exact (−31/81, 163/81, −64/27).
        double[] m = [.. new double[] { 6, 3, -1, 2, 3, 9, 2, 8, -1, 2, 1, 2, 2, 8, 2, 9 }.Select(v => Math.ScaleB(v, 60))];
        Assert.Equal(3, CoxMatrix.Cholesky(m, 4, Tolerance));
        double[] y = [-1, -2, -1, -6];

        CoxMatrix.Solve(m, 4, y);

        double[] expected = [-31.0 / 81, 163.0 / 81, 0, -64.0 / 27];
        for (int i = 0; i < 4; i++)
        {
            Close(expected[i], Math.ScaleB(y[i], 60));
        }
    }

    [Fact]
    public void SolvedQuadraticForm_SwapsRowsWhenAPivotIsZero()
    {
        // [[0, 1], [1, 0]] is its own inverse: bᵀ·A⁻¹·b = 2·b₀·b₁ = 4 for b = (1, 2); without pivoting the first step divides by 0.
        Assert.Equal(4, CoxMatrix.SolvedQuadraticForm([0, 1, 1, 0], [1, 2]));

        // [[1, 0, 0], [2, 0, 1], [0, 1, 0]] with b = (1, 0, 2): x = (1, 2, −2), so bᵀ·x = 1 − 4 = −3. The first column's
        // pivot is the 2 (the larger candidate); the second column then has a 0 on the diagonal and a 1 below it.
        Assert.Equal(-3, CoxMatrix.SolvedQuadraticForm([1, 0, 0, 2, 0, 1, 0, 1, 0], [1, 0, 2]), 12);
    }

    /// <summary>A·Aᵀ for A of n rows (1 to 5) and 0 to n columns of whole numbers from −2 to 2, and a power of two to scale it by.</summary>
    private static Arbitrary<(long[,] Matrix, int Scale)> SemiDefinite() =>
        (from n in Gen.Choose(1, 5)
         from r in Gen.Choose(0, n)
         from entries in Gen.Choose(-2, 2).ArrayOf(n * r)
         from scale in Gen.Elements(0, 0, -60, -30, 30, 60)
         select (Product(n, r, entries), scale)).ToArbitrary();

    /// <summary>Non-singular n×n matrices (n from 1 to 5) of whole numbers from −3 to 3, half of them zeros.</summary>
    private static Arbitrary<long[,]> NonSingular() =>
        (from n in Gen.Choose(1, 5)
         from entries in Gen.Frequency((1, Gen.Choose(-3, 3)), (1, Gen.Constant(0))).ArrayOf(n * n)
         select Square(n, entries))
        .Where(m => ExactRank(m) == m.GetLength(0))
        .ToArbitrary();

    private static long[,] Product(int n, int r, int[] entries)
    {
        long[,] m = new long[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < r; k++)
                {
                    m[i, j] += (long)entries[(i * r) + k] * entries[(j * r) + k];
                }
            }
        }

        return m;
    }

    private static long[,] Square(int n, int[] entries)
    {
        long[,] m = new long[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = entries[(i * n) + j];
            }
        }

        return m;
    }

    private static double[] Doubles(long[,] m, int scale)
    {
        int n = m.GetLength(0);
        double[] values = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                values[(i * n) + j] = Math.ScaleB(m[i, j], scale);
            }
        }

        return values;
    }

    private static long[,] Sub(long[,] m, int[] kept)
    {
        long[,] sub = new long[kept.Length, kept.Length];
        for (int i = 0; i < kept.Length; i++)
        {
            for (int j = 0; j < kept.Length; j++)
            {
                sub[i, j] = m[kept[i], kept[j]];
            }
        }

        return sub;
    }

    /// <summary>Column i is dropped when the leading (i + 1)×(i + 1) block has no more rank than the leading i×i block.</summary>
    private static bool[] Dropped(long[,] m)
    {
        int n = m.GetLength(0);
        bool[] dropped = new bool[n];
        int before = 0;
        for (int i = 0; i < n; i++)
        {
            int rank = ExactRank(Sub(m, [.. Enumerable.Range(0, i + 1)]));
            dropped[i] = rank == before;
            before = rank;
        }

        return dropped;
    }

    private static int ExactRank(long[,] m)
    {
        int n = m.GetLength(0);
        Rational[,] r = ToRational(m);
        int rank = 0;
        for (int column = 0; column < n && rank < n; column++)
        {
            int pivot = Enumerable.Range(rank, n - rank).FirstOrDefault(row => !r[row, column].IsZero, -1);
            if (pivot < 0)
            {
                continue;
            }

            SwapRows(r, rank, pivot);
            for (int row = rank + 1; row < n; row++)
            {
                Rational factor = r[row, column] / r[rank, column];
                for (int k = column; k < n; k++)
                {
                    r[row, k] -= factor * r[rank, k];
                }
            }

            rank++;
        }

        return rank;
    }

    /// <summary>The exact solution of the non-singular system m·x = b, by Gauss–Jordan elimination over the rationals.</summary>
    private static Rational[] ExactSolve(long[,] m, Rational[] b)
    {
        int n = b.Length;
        Rational[,] inverse = ExactInverse(m);
        Rational[] x = new Rational[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Rational.Zero;
            for (int j = 0; j < n; j++)
            {
                x[i] += inverse[i, j] * b[j];
            }
        }

        return x;
    }

    private static Rational[,] ExactInverse(long[,] m)
    {
        int n = m.GetLength(0);
        Rational[,] a = ToRational(m);
        Rational[,] inverse = new Rational[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                inverse[i, j] = i == j ? Rational.One : Rational.Zero;
            }
        }

        for (int column = 0; column < n; column++)
        {
            int pivot = Enumerable.Range(column, n - column).First(row => !a[row, column].IsZero);
            SwapRows(a, column, pivot);
            SwapRows(inverse, column, pivot);
            Rational diagonal = a[column, column];
            for (int k = 0; k < n; k++)
            {
                a[column, k] /= diagonal;
                inverse[column, k] /= diagonal;
            }

            for (int row = 0; row < n; row++)
            {
                if (row == column || a[row, column].IsZero)
                {
                    continue;
                }

                Rational factor = a[row, column];
                for (int k = 0; k < n; k++)
                {
                    a[row, k] -= factor * a[column, k];
                    inverse[row, k] -= factor * inverse[column, k];
                }
            }
        }

        return inverse;
    }

    private static Rational[,] ToRational(long[,] m)
    {
        int n = m.GetLength(0);
        Rational[,] r = new Rational[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                r[i, j] = new Rational(m[i, j]);
            }
        }

        return r;
    }

    private static void SwapRows(Rational[,] m, int a, int b)
    {
        for (int k = 0; k < m.GetLength(1); k++)
        {
            (m[a, k], m[b, k]) = (m[b, k], m[a, k]);
        }
    }

    /// <summary>Agreement to 1e-9, relative to the size of the exact value (absolute up to 1).</summary>
    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    /// <summary>An exact fraction of big integers, kept in lowest terms with a positive denominator.</summary>
    private readonly record struct Rational
    {
        public Rational(BigInteger numerator, BigInteger? denominator = null)
        {
            BigInteger d = denominator ?? BigInteger.One;
            BigInteger g = BigInteger.GreatestCommonDivisor(numerator, d);
            if (d.Sign < 0)
            {
                g = -g;
            }

            Numerator = g.IsZero ? numerator : numerator / g;
            Denominator = g.IsZero ? d : d / g;
        }

        public static Rational Zero => new(BigInteger.Zero);

        public static Rational One => new(BigInteger.One);

        public BigInteger Numerator { get; }

        public BigInteger Denominator { get; }

        public bool IsZero => Numerator.IsZero;

        public static Rational operator +(Rational a, Rational b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Rational operator -(Rational a, Rational b) => new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

        public double ToDouble() => (double)Numerator / (double)Denominator;
    }
}
