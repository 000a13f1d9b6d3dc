namespace Upon.Core.Workforce;

/// <summary>
/// R's <c>cox.zph</c> (survival 3.0 and later; C code <c>zph1</c> and <c>zph2</c>): the score test, at the fitted
/// coefficients, of adding x·g(t) to a Cox model for each covariate x, and for all of them together.
/// </summary>
internal static class CoxZph
{
    /// <summary>Runs the test on <paramref name="fit"/>'s data with the time function <paramref name="transform"/>.</summary>
    public static ProportionalHazardsTest Test(CoxFit fit, CoxTimeTransform transform)
    {
        CoxData data = fit.Data;
        int n = data.Count;
        int[] kept = [.. Enumerable.Range(0, data.Width).Where(k => !fit.Coefficients[k].IsAliased)];
        int p = kept.Length;

        // g(t) at each record's stop time, less its mean over the events.
        double[] g = TransformedTimes(data, transform);
        double eventSum = 0;
        for (int k = 0; k < n; k++)
        {
            if (data.IsEvent[k])
            {
                eventSum += g[k];
            }
        }

        double eventMean = eventSum / data.Events;
        for (int k = 0; k < n; k++)
        {
            g[k] -= eventMean;
        }

        // The kept covariates less their means over all records.
        double[] x = new double[n * p];
        for (int c = 0; c < p; c++)
        {
            double mean = 0;
            for (int k = 0; k < n; k++)
            {
                mean += data.X[(k * data.Width) + kept[c]];
            }

            mean /= n;
            for (int k = 0; k < n; k++)
            {
                x[(k * p) + c] = data.X[(k * data.Width) + kept[c]] - mean;
            }
        }

        double[] u = new double[2 * p];
        double[] imat = new double[4 * p * p];
        ScoreVisitor visitor = new(x, g, u, imat, fit.Ties == CoxTies.Efron);
        new CoxRiskSets(data, p).Walk(x, fit.LinearPredictors, squares: true, ref visitor);
        Symmetrize(imat, p);

        ImmutableArray<ProportionalHazardsTerm>.Builder terms = ImmutableArray.CreateBuilder<ProportionalHazardsTerm>(p);
        for (int c = 0; c < p; c++)
        {
            int[] indices = [.. Enumerable.Range(0, p), p + c];
            double statistic = Quadratic(imat, 2 * p, indices, u);
            terms.Add(new ProportionalHazardsTerm(fit.Coefficients[kept[c]].Name, statistic, 1, SurvivalMath.ChiSquareUpperTail(statistic, 1)));
        }

        double global = Quadratic(imat, 2 * p, [.. Enumerable.Range(0, 2 * p)], u);
        return new ProportionalHazardsTest(
            transform,
            terms.MoveToImmutable(),
            new ProportionalHazardsTerm("GLOBAL", global, p, p == 0 ? 1.0 : SurvivalMath.ChiSquareUpperTail(global, p)));
    }

    /// <summary>uᵀ·A⁻¹·u over the rows and columns <paramref name="indices"/> of the 2p × 2p information, with the score's β part set to 0 (R's <c>u0</c>).</summary>
    private static double Quadratic(double[] imat, int size, int[] indices, double[] u)
    {
        int m = indices.Length;
        int p = size / 2;
        double[] sub = new double[m * m];
        double[] score = new double[m];
        for (int r = 0; r < m; r++)
        {
            score[r] = indices[r] < p ? 0 : u[indices[r]];
            for (int c = 0; c < m; c++)
            {
                sub[(r * m) + c] = imat[(indices[r] * size) + indices[c]];
            }
        }

        return CoxMatrix.SolvedQuadraticForm(sub, score);
    }

    /// <summary>Fills the rest of the information from the triangles the walk filled, as <c>zph2</c> does.</summary>
    private static void Symmetrize(double[] imat, int p)
    {
        int size = 2 * p;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < i; j++)
            {
                imat[(i * size) + j] = imat[(j * size) + i];
                imat[(i * size) + j + p] = imat[(j * size) + i + p];
                imat[((i + p) * size) + j + p] = imat[((j + p) * size) + i + p];
            }
        }

        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                imat[((i + p) * size) + j] = imat[(j * size) + i + p];
            }
        }
    }

    /// <summary>g(t) at each record's stop time, in walk order.</summary>
    private static double[] TransformedTimes(CoxData data, CoxTimeTransform transform)
    {
        int n = data.Count;
        double[] g = new double[n];
        switch (transform)
        {
            case CoxTimeTransform.Identity:
                data.Stop.AsSpan().CopyTo(g);
                break;
            case CoxTimeTransform.Log:
                for (int k = 0; k < n; k++)
                {
                    Guard.Against.Invalid(data.Stop[k] <= 0, "The log transform needs every stop time above 0.", nameof(transform));
                    g[k] = Math.Log(data.Stop[k]);
                }

                break;
            case CoxTimeTransform.Rank:
                Ranks(data.Stop, g);
                break;
            default:
                KaplanMeierBefore(data, g);
                break;
        }

        return g;
    }

    /// <summary>R's <c>rank</c>: positions from 1 in increasing order, ties given their mean.</summary>
    private static void Ranks(double[] values, double[] ranks)
    {
        int n = values.Length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (i, j) => values[i].CompareTo(values[j]));
        for (int i = 0; i < n;)
        {
            int same = i;
            while (same < n && values[order[same]] == values[order[i]])
            {
                same++;
            }

            double mean = (i + 1 + same) / 2.0;
            for (int k = i; k < same; k++)
            {
                ranks[order[k]] = mean;
            }

            i = same;
        }
    }

    /// <summary>1 − S(t−) at each record's stop time t, S the Kaplan–Meier estimate of all records together (strata pooled; at risk at t when start &lt; t ≤ stop).</summary>
    private static void KaplanMeierBefore(CoxData data, double[] g)
    {
        int n = data.Count;
        double[] starts = (double[])data.Start.Clone();
        double[] stops = (double[])data.Stop.Clone();
        Array.Sort(starts);
        Array.Sort(stops);
        List<double> eventTimes = [];
        for (int k = 0; k < n; k++)
        {
            if (data.IsEvent[k])
            {
                eventTimes.Add(data.Stop[k]);
            }
        }

        eventTimes.Sort();
        List<double> times = [];
        List<double> survival = [];
        double s = 1;
        for (int i = 0; i < eventTimes.Count;)
        {
            double t = eventTimes[i];
            int same = i;
            while (same < eventTimes.Count && eventTimes[same] == t)
            {
                same++;
            }

            // At risk: stop at or after t, less those whose start is at or after t.
            int atRisk = (n - CountBelow(stops, t)) - (n - CountBelow(starts, t));
            s *= 1 - ((double)(same - i) / atRisk);
            times.Add(t);
            survival.Add(s);
            i = same;
        }

        for (int k = 0; k < n; k++)
        {
            int before = CountBelow(times, data.Stop[k]);
            g[k] = 1 - (before == 0 ? 1 : survival[before - 1]);
        }
    }

    /// <summary>The number of values in the sorted <paramref name="values"/> below <paramref name="limit"/>.</summary>
    private static int CountBelow(IReadOnlyList<double> values, double limit)
    {
        int low = 0;
        int high = values.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (values[middle] < limit)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Adds each event time's terms to the score and information of (β, θ), θ the coefficients of x·g(t), as <c>zph2</c>.</summary>
    private struct ScoreVisitor(double[] x, double[] g, double[] u, double[] imat, bool efron) : CoxRiskSets.IVisitor, CoxRiskSets.ITermSink
    {
        private double weight;

        public void Event(CoxRiskSets sets, double time)
        {
            int p = sets.Width;
            weight = g[sets.Deaths[0]];
            for (int d = 0; d < sets.DeathCount; d++)
            {
                int person = sets.Deaths[d];
                for (int i = 0; i < p; i++)
                {
                    u[i] += x[(person * p) + i];
                    u[i + p] += x[(person * p) + i] * weight;
                }
            }

            sets.FoldDeaths(efron, ref this);
        }

        public readonly void Log(double term)
        {
        }

        public readonly void Mean(int i, double term)
        {
            int p = u.Length / 2;
            u[i] -= term;
            u[i + p] -= term * weight;
        }

        public readonly void Information(int i, int j, double term)
        {
            int p = u.Length / 2;
            int size = 2 * p;
            imat[(j * size) + i] += term;
            imat[(j * size) + i + p] += term * weight;
            imat[((j + p) * size) + i + p] += term * weight * weight;
        }
    }
}
