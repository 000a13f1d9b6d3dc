namespace Upon.Core.Workforce;

/// <summary>
/// Maximizes the Cox partial likelihood by Newton–Raphson from β = 0, as R's survival package (3.5-3) does: full Newton
/// steps, a step halved (again and again) while the log partial likelihood falls or stops being finite, until
/// |1 − ℓ<sub>best</sub>/ℓ<sub>new</sub>| ≤ eps or the iteration limit. Counting-process data follow R's <c>agfit4</c>
/// (<c>agreg.fit</c>) and right-censored data (every record starting at 0) R's <c>coxfit6</c> (<c>coxph.fit</c>), which
/// differ in small ways that this class keeps: what makes a step fail, whether a halved step may be the last, and what
/// is reported when the iterations run out. At β = 0 every risk score is 1 and the log partial likelihood is minus a sum
/// of logs of risk-set sizes, always finite, so neither form needs R's check of the first one.
/// </summary>
/// <remarks>
/// Covariates are centred and scaled as R does before iterating (which changes nothing but rounding): those whose
/// values are not all −1, 0 or 1 have a constant subtracted (for <c>agfit4</c> the first record's value in walk
/// order, for <c>coxfit6</c> the mean) and are divided by their mean absolute deviation from it. Later versions of R's
/// survival package hold <c>coxfit6</c>'s steps to a trust region; the path can differ, the maximum not.
/// </remarks>
internal sealed class CoxNewtonRaphson
{
    private readonly CoxData data;
    private readonly int p;
    private readonly bool efron;
    private readonly CoxRiskSets sets;
    private readonly double[] x;
    private readonly double[] scale;
    private readonly double[] eta;

    /// <summary>Initializes the iterations over <paramref name="data"/>.</summary>
    public CoxNewtonRaphson(CoxData data, CoxTies ties)
    {
        this.data = data;
        p = data.Width;
        efron = ties == CoxTies.Efron;
        sets = new CoxRiskSets(data, p);
        eta = new double[data.Count];
        x = (double[])data.X.Clone();
        scale = new double[p];
        bool[] scaled = data.Scaled();
        double[] means = data.RightCensored ? data.Means() : [];
        int rows = data.RightCensored ? data.Count : data.Used;
        for (int k = 0; k < p; k++)
        {
            scale[k] = 1;
            if (!scaled[k])
            {
                continue;
            }

            double centre = data.RightCensored ? means[k] : data.X[k];
            double deviation = 0;
            for (int i = 0; i < rows; i++)
            {
                x[(i * p) + k] -= centre;
                deviation += Math.Abs(x[(i * p) + k]);
            }

            double factor = deviation > 0 ? rows / deviation : 1.0;
            scale[k] = factor;
            for (int i = 0; i < rows; i++)
            {
                x[(i * p) + k] *= factor;
            }
        }
    }

    /// <summary>Iterates from β = 0 with R's rule for the data's form.</summary>
    public CoxIterations Run(int maxIterations, double eps, double singularity) =>
        data.RightCensored ? RightCensored(maxIterations, eps, singularity) : CountingProcess(maxIterations, eps, singularity);

    /// <summary>R's <c>agfit4</c>: a step fails when the log-likelihood falls or the information's rank changes, and a halved step is never the last.</summary>
    private CoxIterations CountingProcess(int maxIterations, double eps, double singularity)
    {
        double[] beta = new double[p];
        double[] oldBeta = new double[p];
        double[] u = new double[p];
        double[] imat = new double[p * p];
        double[] a = new double[p];
        double logLikNull = 0;
        double best = 0;
        double newLik = 0;
        double scoreTest = 0;
        int rank = 0;
        int halving = 0;
        bool ranOut = false;
        int iteration;
        for (iteration = 0; iteration <= maxIterations; iteration++)
        {
            newLik = Evaluate(beta, u, imat);
            if (iteration == 0)
            {
                logLikNull = newLik;
                best = newLik;
                u.CopyTo(a, 0);
                rank = CoxMatrix.Cholesky(imat, p, singularity);
                CoxMatrix.Solve(imat, p, a);
                scoreTest = Dot(u, a);
                beta.CopyTo(oldBeta, 0);
                for (int i = 0; i < p; i++)
                {
                    beta[i] += a[i];
                }

                continue;
            }

            int fail = 0;
            for (int i = 0; i < p; i++)
            {
                if (!double.IsFinite(imat[(i * p) + i]))
                {
                    fail++;
                }
            }

            int rank2 = CoxMatrix.Cholesky(imat, p, singularity);
            fail += (double.IsFinite(newLik) ? 0 : 1) + Math.Abs(rank - rank2);
            if (fail == 0 && halving == 0 && Math.Abs(1 - (best / newLik)) <= eps)
            {
                break;
            }

            if (iteration == maxIterations)
            {
                ranOut = true;
                if (maxIterations > 1 && ((newLik - best) / Math.Abs(best)) < -eps)
                {
                    // The last step was worse than the best so far: go back to the best and recompute there.
                    oldBeta.CopyTo(beta, 0);
                    newLik = Evaluate(beta, u, imat);
                    CoxMatrix.Cholesky(imat, p, singularity);
                }

                break;
            }

            Advance(fail > 0 || newLik < best, newLik, ref best, ref halving, oldBeta, beta, u, imat);
        }

        CoxMatrix.Invert(imat, p);
        return Finish(beta, u, imat, logLikNull, newLik, scoreTest, Math.Min(iteration, maxIterations), rank, ranOut);
    }

    /// <summary>
    /// R's <c>coxfit6</c>: a step fails when the log-likelihood falls or stops being finite, and a halved step may be the
    /// last. Out of iterations, R reports one more than the limit and the estimate where the log-likelihood was best.
    /// </summary>
    private CoxIterations RightCensored(int maxIterations, double eps, double singularity)
    {
        double[] beta = new double[p];
        double[] newBeta = new double[p];
        double[] u = new double[p];
        double[] imat = new double[p * p];
        double logLikNull = Evaluate(beta, u, imat);
        double[] a = (double[])u.Clone();
        int rank = CoxMatrix.Cholesky(imat, p, singularity);
        CoxMatrix.Solve(imat, p, a);
        double scoreTest = Dot(u, a);
        double best = logLikNull;
        for (int i = 0; i < p; i++)
        {
            newBeta[i] = beta[i] + a[i];
        }

        int halving = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            double newLik = Evaluate(newBeta, u, imat);
            rank = CoxMatrix.Cholesky(imat, p, singularity);
            bool finite = double.IsFinite(newLik);
            for (int i = 0; i < p && finite; i++)
            {
                finite = double.IsFinite(u[i]);
                for (int j = 0; j < p && finite; j++)
                {
                    finite = double.IsFinite(imat[(i * p) + j]);
                }
            }

            if (finite && Math.Abs(1 - (best / newLik)) <= eps)
            {
                CoxMatrix.Invert(imat, p);
                return Finish(newBeta, u, imat, logLikNull, newLik, scoreTest, iteration, rank, ranOut: false);
            }

            Advance(!finite || newLik < best, newLik, ref best, ref halving, beta, newBeta, u, imat);
        }

        // Out of iterations: the score and information at the best β (R 3.5-3 inverts this information without factoring
        // it first, which gives 1/diagonal; it is factored here). With a limit of 1, R leaves the last information as it is.
        double lastLik = best;
        if (maxIterations > 1)
        {
            lastLik = Evaluate(beta, u, imat);
            rank = CoxMatrix.Cholesky(imat, p, singularity);
        }

        CoxMatrix.Invert(imat, p);
        return Finish(beta, u, imat, logLikNull, lastLik, scoreTest, maxIterations + 1, rank, ranOut: true);
    }

    /// <summary>
    /// Moves on after evaluating <paramref name="trial"/>: if the step <paramref name="failed"/>, halves it again (the trial
    /// moves to (trial + h·accepted)/(h + 1) after h failures running); otherwise accepts the trial as the best so far and
    /// takes the full Newton step from it, I⁻¹·u (<paramref name="imat"/> holds I's factors).
    /// </summary>
    private void Advance(bool failed, double newLik, ref double best, ref int halving, double[] accepted, double[] trial, double[] u, double[] imat)
    {
        if (failed)
        {
            halving++;
            for (int i = 0; i < p; i++)
            {
                trial[i] = ((accepted[i] * halving) + trial[i]) / (halving + 1.0);
            }

            return;
        }

        halving = 0;
        best = newLik;
        CoxMatrix.Solve(imat, p, u);
        for (int i = 0; i < p; i++)
        {
            accepted[i] = trial[i];
            trial[i] += u[i];
        }
    }

    /// <summary>
    /// The log partial likelihood at <paramref name="beta"/> (on the centred and scaled covariates), with its score in
    /// <paramref name="u"/> and its information (minus the second derivative) in <paramref name="imat"/>'s triangle
    /// [j, i] for j ≤ i.
    /// </summary>
    private double Evaluate(ReadOnlySpan<double> beta, double[] u, double[] imat)
    {
        for (int person = 0; person < data.Used; person++)
        {
            double sum = 0;
            for (int i = 0; i < p; i++)
            {
                sum += beta[i] * x[(person * p) + i];
            }

            eta[person] = sum;
        }

        Array.Clear(u);
        Array.Clear(imat);
        LikelihoodVisitor visitor = new(x, eta, u, imat, efron);
        sets.Walk(x, eta, squares: true, ref visitor);
        return visitor.LogLikelihood;
    }

    private CoxIterations Finish(
        double[] beta, double[] u, double[] variance, double logLikNull, double logLik, double scoreTest, int iterations, int rank, bool ranOut)
    {
        for (int i = 0; i < p; i++)
        {
            beta[i] *= scale[i];
            u[i] /= scale[i];
            variance[(i * p) + i] *= scale[i] * scale[i];
            for (int j = 0; j < i; j++)
            {
                variance[(j * p) + i] *= scale[i] * scale[j];
                variance[(i * p) + j] = variance[(j * p) + i];
            }
        }

        return new CoxIterations(beta, variance, u, logLikNull, logLik, scoreTest, iterations, rank, ranOut);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Adds each event time's terms to the log partial likelihood, its score and its information, by Breslow's or Efron's rule.</summary>
    private struct LikelihoodVisitor(double[] x, double[] eta, double[] u, double[] imat, bool efron) : CoxRiskSets.IVisitor, CoxRiskSets.ITermSink
    {
        public double LogLikelihood { get; private set; }

        public void Event(CoxRiskSets sets, double time)
        {
            int p = sets.Width;
            for (int d = 0; d < sets.DeathCount; d++)
            {
                int person = sets.Deaths[d];
                LogLikelihood += eta[person] - sets.Recenter;
                for (int i = 0; i < p; i++)
                {
                    u[i] += x[(person * p) + i];
                }
            }

            sets.FoldDeaths(efron, ref this);
        }

        public void Log(double term) => LogLikelihood -= term;

        public readonly void Mean(int i, double term) => u[i] -= term;

        public readonly void Information(int i, int j, double term) => imat[(j * u.Length) + i] += term;
    }
}

/// <summary>What the Newton–Raphson iterations found, on the covariates' own scale.</summary>
/// <param name="Beta">The coefficients (0 for a column the Cholesky factorization dropped).</param>
/// <param name="Variance">The inverse of the information at <paramref name="Beta"/>, row-major, zero rows and columns for dropped columns.</param>
/// <param name="Score">The score (first derivative) at <paramref name="Beta"/>.</param>
/// <param name="LogLikelihoodNull">The log partial likelihood at β = 0.</param>
/// <param name="LogLikelihood">The log partial likelihood at <paramref name="Beta"/>.</param>
/// <param name="ScoreTest">The score test of β = 0: uᵀ·I⁻¹·u at 0.</param>
/// <param name="Iterations">The number of iterations (R's <c>iter</c>).</param>
/// <param name="Rank">The rank of the information at <paramref name="Beta"/> (R's <c>flag</c>, less R's −2 for right-censored iterations that end on a halved step, which nothing reads).</param>
/// <param name="RanOut">True when the iterations stopped at the limit without converging.</param>
internal sealed record CoxIterations(
    double[] Beta, double[] Variance, double[] Score, double LogLikelihoodNull, double LogLikelihood, double ScoreTest, int Iterations, int Rank, bool RanOut);
