namespace Upon.Core.Workforce;

/// <summary>
/// Score residuals of a Cox model (R's <c>residuals(fit, type = "score")</c>, C code <c>agscore2</c>) and what a
/// robust fit makes of them: the sandwich variance of R's <c>robust = TRUE</c> and its robust score test.
/// </summary>
/// <remarks>
/// <para>
/// Record k's score residual is its contribution to the score: Σ over the event times t of its stratum in
/// (start<sub>k</sub>, stop<sub>k</sub>] of (dN<sub>k</sub>(t) − r<sub>k</sub>·dΛ(t))·(x<sub>k</sub> − x̄(t)), with
/// r = exp(xβ), dΛ the hazard increment and x̄ the risk-weighted mean of the covariates; with Efron's rule each
/// tied event time is split into d steps whose risk sets shed the tied records a d-th at a time. Summed over
/// records the residuals give the score.
/// </para>
/// <para>
/// Each event time's hazard increments and weighted means are summed once (one walk over the risk sets), and a
/// record's residual is a difference of running sums over the event times it spans, so the residuals cost
/// O(n·p + n·log n) rather than R's O(n·d·p).
/// </para>
/// </remarks>
internal static class CoxResiduals
{
    /// <summary>The robust variance D'D, D the clusters' sums of dfbeta residuals (score residuals times <paramref name="naiveVariance"/>).</summary>
    /// <param name="data">The data.</param>
    /// <param name="linearPredictors">xβ in walk order.</param>
    /// <param name="naiveVariance">The inverse information, row-major.</param>
    /// <param name="efron">True for Efron's rule.</param>
    /// <returns>The variance, row-major.</returns>
    public static double[] RobustVariance(CoxData data, ReadOnlySpan<double> linearPredictors, ReadOnlySpan<double> naiveVariance, bool efron)
    {
        int p = data.Width;
        double[] resid = Score(data, linearPredictors, efron);
        double[] sums = ClusterSums(data, resid, naiveVariance);
        return CrossProduct(sums, data.ClusterCount, p);
    }

    /// <summary>R's robust score test: uᵀ(UᵀU)⁻u, U the clusters' sums of score residuals at β = 0 and u = ΣU.</summary>
    public static double RobustScoreTest(CoxData data, bool efron, double tolerance)
    {
        int p = data.Width;
        double[] resid = Score(data, new double[data.Count], efron);
        double[] sums = ClusterSums(data, resid, []);
        double[] total = new double[p];
        for (int c = 0; c < data.ClusterCount; c++)
        {
            for (int i = 0; i < p; i++)
            {
                total[i] += sums[(c * p) + i];
            }
        }

        return CoxMatrix.QuadraticForm(CrossProduct(sums, data.ClusterCount, p), total, tolerance);
    }

    /// <summary>The score residuals of every record, row-major in walk order (0 for records at risk at no event time).</summary>
    public static double[] Score(CoxData data, ReadOnlySpan<double> linearPredictors, bool efron)
    {
        int n = data.Count;
        int p = data.Width;
        double[] x = Centred(data);

        // The residuals do not change when every linear predictor moves by one constant: take out their mean, so that exp stays finite.
        double[] eta = linearPredictors.ToArray();
        double mean = 0;
        for (int k = 0; k < data.Used; k++)
        {
            mean += eta[k] / data.Used;
        }

        for (int k = 0; k < eta.Length; k++)
        {
            eta[k] -= mean;
        }

        HazardVisitor visitor = new(p, efron);
        CoxRiskSets sets = new(data, p);
        sets.Walk(x, eta, squares: false, ref visitor);

        // The walk visits each stratum's event times from the last; put them first to last with running sums from 0.
        int times = visitor.Times.Count;
        double[] t1 = new double[times + data.StratumCount];
        double[] mh1 = new double[(times + data.StratumCount) * p];
        int[] first = new int[data.StratumCount + 1];
        double[] eventTimes = new double[times];
        int[] order = new int[times];
        int[] perStratum = new int[data.StratumCount];
        foreach (int s in visitor.Strata)
        {
            perStratum[s]++;
        }

        for (int s = 0; s < data.StratumCount; s++)
        {
            first[s + 1] = first[s] + perStratum[s];
        }

        int[] filled = new int[data.StratumCount];
        for (int j = times - 1; j >= 0; j--)
        {
            int s = visitor.Strata[j];
            int position = first[s] + filled[s]++;
            order[position] = j;
            eventTimes[position] = visitor.Times[j];
        }

        // Running sums: entry first[s] + s + m holds the sum over the stratum's first m event times.
        for (int s = 0; s < data.StratumCount; s++)
        {
            int baseIndex = first[s] + s;
            for (int m = 0; m < perStratum[s]; m++)
            {
                int j = order[first[s] + m];
                t1[baseIndex + m + 1] = t1[baseIndex + m] + visitor.T1[j];
                for (int i = 0; i < p; i++)
                {
                    mh1[((baseIndex + m + 1) * p) + i] = mh1[((baseIndex + m) * p) + i] + visitor.MH1[(j * p) + i];
                }
            }
        }

        double[] resid = new double[n * p];
        for (int k = 0; k < data.Used; k++)
        {
            int s = data.Stratum[k];
            ReadOnlySpan<double> stratumTimes = eventTimes.AsSpan(first[s], perStratum[s]);
            int low = CoxData.CountAtOrBelow(stratumTimes, data.Start[k]);
            int high = CoxData.CountAtOrBelow(stratumTimes, data.Stop[k]);
            int baseIndex = first[s] + s;
            double risk = Math.Exp(eta[k]);
            double hazard = t1[baseIndex + high] - t1[baseIndex + low];
            for (int i = 0; i < p; i++)
            {
                double xi = x[(k * p) + i];
                double weighted = mh1[((baseIndex + high) * p) + i] - mh1[((baseIndex + low) * p) + i];
                resid[(k * p) + i] = -risk * ((xi * hazard) - weighted);
            }

            if (data.IsEvent[k])
            {
                int j = order[first[s] + high - 1];
                double t1j = visitor.T1[j];
                double t2j = visitor.T2[j];
                for (int i = 0; i < p; i++)
                {
                    double xi = x[(k * p) + i];
                    resid[(k * p) + i] += (xi - visitor.MH3[(j * p) + i]) - (risk * xi * (t2j - t1j)) + (risk * (visitor.MH2[(j * p) + i] - visitor.MH1[(j * p) + i]));
                }
            }
        }

        return resid;
    }

    /// <summary>The covariates minus their means, in walk order (the residuals do not depend on the centring; it keeps the sums small).</summary>
    private static double[] Centred(CoxData data)
    {
        int p = data.Width;
        double[] means = data.Means();
        double[] x = (double[])data.X.Clone();
        for (int k = 0; k < data.Count; k++)
        {
            for (int i = 0; i < p; i++)
            {
                x[(k * p) + i] -= means[i];
            }
        }

        return x;
    }

    /// <summary>Sums the residuals (times <paramref name="variance"/> when given: dfbeta) within each cluster; row-major, one row per cluster.</summary>
    private static double[] ClusterSums(CoxData data, double[] resid, ReadOnlySpan<double> variance)
    {
        int p = data.Width;
        double[] sums = new double[data.ClusterCount * p];
        for (int k = 0; k < data.Count; k++)
        {
            int c = data.Cluster[k];
            for (int j = 0; j < p; j++)
            {
                double value;
                if (variance.IsEmpty)
                {
                    value = resid[(k * p) + j];
                }
                else
                {
                    value = 0;
                    for (int i = 0; i < p; i++)
                    {
                        value += resid[(k * p) + i] * variance[(i * p) + j];
                    }
                }

                sums[(c * p) + j] += value;
            }
        }

        return sums;
    }

    /// <summary>DᵀD for the row-major <paramref name="rows"/> × <paramref name="p"/> matrix D.</summary>
    private static double[] CrossProduct(double[] d, int rows, int p)
    {
        double[] product = new double[p * p];
        for (int c = 0; c < rows; c++)
        {
            for (int i = 0; i < p; i++)
            {
                double di = d[(c * p) + i];
                for (int j = 0; j < p; j++)
                {
                    product[(i * p) + j] += di * d[(c * p) + j];
                }
            }
        }

        return product;
    }

    /// <summary>
    /// Records, for each event time, the hazard increments and risk-weighted covariate means R's <c>agscore2</c> uses:
    /// T1 = Σ dΛ, T2 = Σ (1 − k/d)·dΛ, MH1 = Σ x̄·dΛ, MH2 = Σ (1 − k/d)·x̄·dΛ and MH3 = Σ x̄/d over Efron's d steps
    /// (one step with Breslow's rule), on the scale of exp(xβ) itself.
    /// </summary>
    private struct HazardVisitor(int p, bool efron) : CoxRiskSets.IVisitor
    {
        public List<int> Strata { get; } = [];

        public List<double> Times { get; } = [];

        public List<double> T1 { get; } = [];

        public List<double> T2 { get; } = [];

        public List<double> MH1 { get; } = [];

        public List<double> MH2 { get; } = [];

        public List<double> MH3 { get; } = [];

        public readonly void Event(CoxRiskSets sets, double time)
        {
            double[] a = sets.Sum;
            double[] a2 = sets.DeathSum;
            double denom = sets.Denominator + sets.DeathDenominator;
            double deathDenom = sets.DeathDenominator;
            int deaths = sets.DeathCount;
            double unit = Math.Exp(-sets.Recenter);
            for (int i = 0; i < p; i++)
            {
                a[i] += a2[i];
            }

            Strata.Add(sets.CurrentStratum);
            Times.Add(time);
            if (!efron || deaths == 1)
            {
                double hazard = deaths / denom;
                T1.Add(hazard * unit);
                T2.Add(hazard * unit);
                for (int i = 0; i < p; i++)
                {
                    double mean = a[i] / denom;
                    MH1.Add(mean * hazard * unit);
                    MH2.Add(mean * hazard * unit);
                    MH3.Add(mean);
                }
            }
            else
            {
                double temp1 = 0;
                double temp2 = 0;
                int offset = MH1.Count;
                for (int i = 0; i < p; i++)
                {
                    MH1.Add(0);
                    MH2.Add(0);
                    MH3.Add(0);
                }

                for (int dd = 0; dd < deaths; dd++)
                {
                    double downWeight = (double)dd / deaths;
                    double d2 = denom - (downWeight * deathDenom);
                    double hazard = 1 / d2;
                    temp1 += hazard;
                    temp2 += (1 - downWeight) * hazard;
                    for (int i = 0; i < p; i++)
                    {
                        double mean = (a[i] - (downWeight * a2[i])) / d2;
                        MH1[offset + i] += mean * hazard;
                        MH2[offset + i] += mean * (1 - downWeight) * hazard;
                        MH3[offset + i] += mean / deaths;
                    }
                }

                T1.Add(temp1 * unit);
                T2.Add(temp2 * unit);
                for (int i = 0; i < p; i++)
                {
                    MH1[offset + i] *= unit;
                    MH2[offset + i] *= unit;
                }
            }

            sets.Denominator = denom;
        }
    }
}
