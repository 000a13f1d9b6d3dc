namespace Upon.Core.Workforce;

/// <summary>Runs the log-rank test (see <see cref="LogRankTest{TGroup}"/>).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class LogRank
{
    /// <summary>Compares the survival of the groups in <paramref name="records"/>.</summary>
    /// <param name="records">The records with their groups, in any order. Every record must start at 0 (right-censored data, as <c>survdiff</c> takes).</param>
    /// <typeparam name="TGroup">The group key.</typeparam>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or a group is null.</exception>
    /// <exception cref="ArgumentException">A record is <c>default</c> or has delayed entry.</exception>
    public static LogRankTest<TGroup> Compare<TGroup>(IEnumerable<(TGroup Group, TenureRecord Record)> records)
        where TGroup : notnull
    {
        Guard.Against.Null(records);
        Dictionary<TGroup, int> index = [];
        List<TGroup> keys = [];
        List<(double Exit, bool IsEvent, int Group)> rows = [];
        foreach ((TGroup group, TenureRecord record) in records)
        {
            Guard.Against.Null(group, nameof(records), "A record's group is null.");

            Guard.Against.Invalid(!record.IsValid || record.Entry != 0, "The log-rank test takes right-censored records only: every entry must be 0 and every exit after it.", nameof(records));

            if (!index.TryGetValue(group, out int g))
            {
                g = keys.Count;
                index.Add(group, g);
                keys.Add(group);
            }

            rows.Add((record.Exit, record.IsEvent, g));
        }

        rows.Sort(static (a, b) => a.Exit.CompareTo(b.Exit));
        int groupCount = keys.Count;
        long[] atRisk = new long[groupCount];
        long[] size = new long[groupCount];
        long[] observed = new long[groupCount];
        double[] expected = new double[groupCount];
        double[,] variance = new double[groupCount, groupCount];
        long[] eventsHere = new long[groupCount];
        foreach ((_, _, int g) in rows)
        {
            atRisk[g]++;
            size[g]++;
        }

        long total = rows.Count;
        int i = 0;
        while (i < rows.Count)
        {
            double time = rows[i].Exit;
            int first = i;
            long d = 0;
            Array.Clear(eventsHere);
            while (i < rows.Count && rows[i].Exit == time)
            {
                if (rows[i].IsEvent)
                {
                    eventsHere[rows[i].Group]++;
                    d++;
                }

                i++;
            }

            if (d > 0)
            {
                double n = total;
                double factor = total > 1 ? d * (n - d) / (n - 1) : 0;
                for (int k = 0; k < groupCount; k++)
                {
                    observed[k] += eventsHere[k];
                    double share = atRisk[k] / n;
                    expected[k] += d * share;
                    for (int l = 0; l < groupCount; l++)
                    {
                        double kronecker = k == l ? 1 : 0;
                        variance[k, l] += factor * share * (kronecker - (atRisk[l] / n));
                    }
                }
            }

            for (int j = first; j < i; j++)
            {
                atRisk[rows[j].Group]--;
            }

            total -= i - first;
        }

        ImmutableArray<LogRankGroup<TGroup>>.Builder groups = ImmutableArray.CreateBuilder<LogRankGroup<TGroup>>(groupCount);
        List<int> used = [];
        for (int k = 0; k < groupCount; k++)
        {
            groups.Add(new LogRankGroup<TGroup>(keys[k], size[k], observed[k], expected[k]));
            if (expected[k] > 0)
            {
                used.Add(k);
            }
        }

        if (used.Count < 2)
        {
            return new LogRankTest<TGroup>(groups.MoveToImmutable(), 0, 0);
        }

        int m = used.Count - 1;
        double[,] matrix = new double[m, m];
        double[] difference = new double[m];
        for (int a = 0; a < m; a++)
        {
            difference[a] = observed[used[a + 1]] - expected[used[a + 1]];
            for (int b = 0; b < m; b++)
            {
                matrix[a, b] = variance[used[a + 1], used[b + 1]];
            }
        }

        (double chiSquare, int rank) = QuadraticForm(matrix, difference);
        return new LogRankTest<TGroup>(groups.MoveToImmutable(), chiSquare, rank);
    }

    /// <summary>
    /// bᵀ V⁻ b for a symmetric positive semi-definite V by an LDLᵀ decomposition that drops pivots below
    /// 1e-9 of the largest diagonal element (a generalised inverse), with the rank it kept.
    /// </summary>
    private static (double Value, int Rank) QuadraticForm(double[,] v, double[] b)
    {
        int n = b.Length;
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Abs(v[i, i]));
        }

        double epsilon = largest * 1e-9;
        bool[] active = new bool[n];
        int rank = 0;
        for (int i = 0; i < n; i++)
        {
            double pivot = v[i, i];
            if (!(pivot > epsilon))
            {
                continue;
            }

            active[i] = true;
            rank++;
            for (int j = i + 1; j < n; j++)
            {
                double factor = v[j, i] / pivot;
                for (int k = j; k < n; k++)
                {
                    v[k, j] -= factor * v[k, i];
                }

                v[j, i] = factor;
            }
        }

        double value = 0;
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                if (active[k])
                {
                    sum -= v[i, k] * y[k];
                }
            }

            y[i] = sum;
            if (active[i])
            {
                value += sum * sum / v[i, i];
            }
        }

        return (value, rank);
    }
}
