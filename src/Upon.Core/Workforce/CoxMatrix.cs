namespace Upon.Core.Workforce;

/// <summary>
/// The small dense linear algebra Cox regression needs, as R's survival package does it (<c>cholesky2</c>,
/// <c>chsolve2</c>, <c>chinv2</c>, <c>coxph.wtest</c>): a Cholesky factorization C = F·D·Fᵀ (F unit lower
/// triangular, D diagonal) that drops a column whose pivot falls below a tolerance relative to the largest
/// diagonal, and the solve and inverse built on it, which give 0 for a dropped column.
/// </summary>
/// <remarks>
/// A matrix of size n is a row-major array of n·n values; element [i, j] is <c>m[i * n + j]</c>, which is R's
/// <c>matrix[i][j]</c> in the C code (a ragged array of columns), so the loops below read as R's do.
/// </remarks>
internal static class CoxMatrix
{
    /// <summary>
    /// Factors the symmetric matrix <paramref name="m"/> in place (R's <c>cholesky2</c>): reads the triangle
    /// m[i, j] with j ≥ i, writes F below the diagonal and D on it; a pivot below
    /// <paramref name="tolerance"/> times the largest diagonal (or not finite) is set to 0, and so is its column of F.
    /// </summary>
    /// <remarks>
    /// R leaves a dropped column's entries below the diagonal as they are: 0 in exact arithmetic (a positive semi-definite
    /// matrix with a pivot of 0 has nothing else in that column), but rounding in the matrix's own units, which
    /// <see cref="Solve"/> then multiplies into the later columns and, going back, into the earlier ones; for a matrix with
    /// entries near 2⁶⁰ that turned a solution of (−0.38, 2.01, 0, −2.37) into (24.9, −175.0, 0, 187.3). Setting them to
    /// 0 changes nothing else.
    /// </remarks>
    /// <returns>The rank (the number of pivots kept), negated if the matrix is not non-negative definite.</returns>
    public static int Cholesky(Span<double> m, int n, double tolerance)
    {
        int nonNegative = 1;
        double eps = 0;
        for (int i = 0; i < n; i++)
        {
            if (m[(i * n) + i] > eps)
            {
                eps = m[(i * n) + i];
            }

            for (int j = i + 1; j < n; j++)
            {
                m[(j * n) + i] = m[(i * n) + j];
            }
        }

        eps = eps == 0 ? tolerance : eps * tolerance;
        int rank = 0;
        for (int i = 0; i < n; i++)
        {
            double pivot = m[(i * n) + i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                m[(i * n) + i] = 0;
                for (int j = i + 1; j < n; j++)
                {
                    m[(j * n) + i] = 0;
                }

                if (pivot < -8 * eps)
                {
                    nonNegative = -1;
                }
            }
            else
            {
                rank++;
                for (int j = i + 1; j < n; j++)
                {
                    double temp = m[(j * n) + i] / pivot;
                    m[(j * n) + i] = temp;
                    m[(j * n) + j] -= temp * temp * pivot;
                    for (int k = j + 1; k < n; k++)
                    {
                        m[(k * n) + j] -= temp * m[(k * n) + i];
                    }
                }
            }
        }

        return rank * nonNegative;
    }

    /// <summary>Solves C·b = y in place from the factorization <see cref="Cholesky"/> left (R's <c>chsolve2</c>); b is 0 for a dropped column.</summary>
    public static void Solve(ReadOnlySpan<double> m, int n, Span<double> y)
    {
        for (int i = 0; i < n; i++)
        {
            double temp = y[i];
            for (int j = 0; j < i; j++)
            {
                temp -= y[j] * m[(i * n) + j];
            }

            y[i] = temp;
        }

        for (int i = n - 1; i >= 0; i--)
        {
            if (m[(i * n) + i] == 0)
            {
                y[i] = 0;
            }
            else
            {
                double temp = y[i] / m[(i * n) + i];
                for (int j = i + 1; j < n; j++)
                {
                    temp -= y[j] * m[(j * n) + i];
                }

                y[i] = temp;
            }
        }
    }

    /// <summary>
    /// Turns the factorization <see cref="Cholesky"/> left into the inverse of the matrix (R's <c>chinv2</c>) and makes
    /// it symmetric: a generalized inverse with zero rows and columns for dropped columns.
    /// </summary>
    public static void Invert(Span<double> m, int n)
    {
        for (int i = 0; i < n; i++)
        {
            if (m[(i * n) + i] > 0)
            {
                m[(i * n) + i] = 1 / m[(i * n) + i];
                for (int j = i + 1; j < n; j++)
                {
                    m[(j * n) + i] = -m[(j * n) + i];
                    for (int k = 0; k < i; k++)
                    {
                        m[(j * n) + k] += m[(j * n) + i] * m[(i * n) + k];
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (m[(i * n) + i] == 0)
            {
                for (int j = 0; j < i; j++)
                {
                    m[(j * n) + i] = 0;
                }

                for (int j = i; j < n; j++)
                {
                    m[(i * n) + j] = 0;
                }
            }
            else
            {
                for (int j = i + 1; j < n; j++)
                {
                    double temp = m[(j * n) + i] * m[(j * n) + j];
                    m[(i * n) + j] = temp;
                    for (int k = i; k < j; k++)
                    {
                        m[(i * n) + k] += temp * m[(j * n) + k];
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                m[(i * n) + j] = m[(j * n) + i];
            }
        }
    }

    /// <summary>
    /// The quadratic form bᵀ·V⁻·b of R's <c>coxph.wtest</c>: V is factored with <paramref name="tolerance"/>, and
    /// directions it drops count for nothing.
    /// </summary>
    /// <param name="variance">The symmetric matrix V (not changed).</param>
    /// <param name="b">The vector b.</param>
    /// <param name="tolerance">R's <c>toler.chol</c>.</param>
    /// <returns>The statistic (the callers count the degrees of freedom themselves, from the aliased coefficients).</returns>
    public static double QuadraticForm(ReadOnlySpan<double> variance, ReadOnlySpan<double> b, double tolerance)
    {
        int n = b.Length;
        double[] factor = variance.ToArray();
        Cholesky(factor, n, tolerance);
        double[] solved = b.ToArray();
        Solve(factor, n, solved);
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            sum += b[j] * solved[j];
        }

        return sum;
    }

    /// <summary>
    /// Solves A·x = b by Gaussian elimination with partial pivoting (R's <c>solve</c>, LAPACK's <c>dgesv</c>), for any
    /// non-singular A; the test of proportional hazards gives it a positive-definite information matrix.
    /// </summary>
    /// <returns>bᵀ·A⁻¹·b.</returns>
    public static double SolvedQuadraticForm(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = b.Length;
        double[] m = a.ToArray();
        double[] x = b.ToArray();
        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(m[(row * n) + column]) > Math.Abs(m[(pivot * n) + column]))
                {
                    pivot = row;
                }
            }

            if (pivot != column)
            {
                for (int k = 0; k < n; k++)
                {
                    (m[(column * n) + k], m[(pivot * n) + k]) = (m[(pivot * n) + k], m[(column * n) + k]);
                }

                (x[column], x[pivot]) = (x[pivot], x[column]);
            }

            double diagonal = m[(column * n) + column];
            for (int row = column + 1; row < n; row++)
            {
                double factor = m[(row * n) + column] / diagonal;
                if (factor != 0)
                {
                    for (int k = column; k < n; k++)
                    {
                        m[(row * n) + k] -= factor * m[(column * n) + k];
                    }

                    x[row] -= factor * x[column];
                }
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double sum = x[row];
            for (int k = row + 1; k < n; k++)
            {
                sum -= m[(row * n) + k] * x[k];
            }

            x[row] = sum / m[(row * n) + row];
        }

        double result = 0;
        for (int i = 0; i < n; i++)
        {
            result += b[i] * x[i];
        }

        return result;
    }
}
