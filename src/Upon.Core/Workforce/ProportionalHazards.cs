namespace Upon.Core.Workforce;

/// <summary>
/// Fits Cox proportional-hazards regression models the way R's <c>survival::coxph</c> does: fixed and time-varying
/// covariates in counting-process form, Efron's or Breslow's treatment of ties, strata, robust (cluster) variances,
/// hazard ratios with confidence limits, the likelihood-ratio, Wald and score tests, and the concordance.
/// </summary>
/// <remarks>
/// <para>
/// Where Kaplan–Meier (<see cref="KaplanMeier"/>) describes how long tenures last and the cumulative incidence
/// (<see cref="CumulativeIncidence"/>) why they end, a Cox model says how the hazard of leaving differs with the
/// covariates: with everything else equal, an interim DCS's hazard is exp(β) times a permanent one's. It makes no
/// assumption about the shape of the baseline hazard, only that the ratio does not change with time, which
/// <see cref="CoxFit.TestProportionalHazards"/> tests.
/// </para>
/// <para>
/// The fit follows R (survival 3.5-3) step by step, so that the numbers agree with R's to far better than 1e-6:
/// Newton–Raphson from β = 0 with steps halved while the log-likelihood falls (R's <c>agreg.fit</c> for
/// counting-process data, <c>coxph.fit</c> for right-censored data, where every record starts at 0, with their small
/// differences), the convergence rule |1 − ℓ<sub>previous</sub>/ℓ| ≤ <see cref="CoxOptions.Tolerance"/>,
/// R's centring and scaling of the covariates, and R's Cholesky factorization with its tolerance for aliased
/// covariates. Each iteration walks the risk sets once, records joining at their stop time and leaving at their
/// start, so it costs O(n·p²) after an O(n·log n) sort.
/// </para>
/// <para>
/// What the fit does where R does something special:
/// a covariate that never varies within the risk sets (or is a linear combination of others) is aliased, as R's
/// <c>NA</c> coefficient: its estimate, standard error, hazard ratio and limits are NaN, it is left out of the
/// tests' degrees of freedom and of the test of proportional hazards, its row and column of the variance are 0, and
/// the fit says so in <see cref="CoxFit.Warnings"/> (R says nothing).
/// When the data separate on a covariate (every event among those with its higher values, say) the partial
/// likelihood keeps rising as the coefficient grows: the iterations stop once the likelihood stops changing, the
/// coefficient is large and its standard error huge, <see cref="CoxCoefficient.MayBeInfinite"/> is set and a
/// warning gives R's words ("Loglik converged before variable …; coefficient may be infinite"), flagged by R's
/// rule. Iterations that run out give R's warning "Ran out of iterations and did not converge"; none of these
/// throws. As in R, none of these warnings is given when <see cref="CoxOptions.MaxIterations"/> is 1 (a one-step
/// estimate is asked for on purpose): <see cref="CoxFit.Converged"/> still says whether the iterations converged.
/// A stratum with no events adds nothing, as in R.
/// </para>
/// <para>
/// When the iterations run out on right-censored data, R 3.5-3 inverts the information without factoring it first (its
/// variance is then not the inverse of the information); here it is inverted properly. Later versions of R (3.5-4 on) keep the steps
/// for right-censored data within a trust region: they may take another path to the same maximum.
/// Not done here: case weights and offsets (R's <c>weights</c> and <c>offset</c>), and R's <c>timefix</c>, which treats
/// times that differ by less than about 1e-8 of their size as tied: times are compared exactly (whole months or days
/// never need it). Every record is used; drop records with missing values before fitting, as R's <c>na.omit</c> does.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class ProportionalHazards
{
    /// <summary>
    /// Fits a Cox model to <paramref name="records"/>, as R's
    /// <c>coxph(Surv(start, stop, event) ~ x1 + … + strata(stratum), cluster = cluster, ties = …)</c>, or
    /// <c>coxph(Surv(stop, event) ~ …)</c> when every record starts at 0.
    /// </summary>
    /// <param name="records">The records, in any order (the order changes nothing but rounding), each with the same number of covariates.</param>
    /// <param name="options">How to fit; null for <see cref="CoxOptions.Default"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There are no records, a record is <c>default</c>, the records have different numbers of covariates, or none has an
    /// event (R: "Can't fit a Cox model with 0 failures"); or the options name a different number of covariates, or
    /// a name is null, empty, white space or repeated.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="CoxOptions"/>).</exception>
    public static CoxFit Fit(IEnumerable<CoxRecord> records, CoxOptions? options = null)
    {
        Guard.Against.Null(records);
        options ??= CoxOptions.Default;
        Guard.Against.UndefinedEnum(options.Ties, nameof(options));
        double z = SurvivalMath.TwoSidedZ(options.ConfidenceLevel, nameof(options));
        Guard.Against.OutOfRange(options.MaxIterations < 1, "The iteration limit must be at least 1.", nameof(options));
        Guard.Against.OutOfRange(!(options.Tolerance is > 0 and < 1), "The convergence tolerance must be above 0 and below 1.", nameof(options));
        Guard.Against.OutOfRange(!(options.SingularityTolerance is > 0 and < 1), "The singularity tolerance must be above 0 and below 1.", nameof(options));
        double infinite = options.InfiniteCoefficientTolerance ?? Math.Sqrt(options.Tolerance);
        Guard.Against.OutOfRange(!(infinite > 0 && double.IsFinite(infinite)), "The tolerance for infinite coefficients must be above 0.", nameof(options));

        CoxData data = CoxData.From(records, nameof(records));
        ImmutableArray<string> names = Names(options.CovariateNames, data.Width);
        bool efron = options.Ties == CoxTies.Efron;
        CoxIterations fit = new CoxNewtonRaphson(data, options.Ties).Run(options.MaxIterations, options.Tolerance, options.SingularityTolerance);

        int p = data.Width;
        double[] beta = fit.Beta;
        double[] naive = fit.Variance;
        bool[] aliased = new bool[p];
        if (fit.Rank < p)
        {
            for (int i = 0; i < p; i++)
            {
                aliased[i] = naive[(i * p) + i] == 0;
            }
        }

        double[] lp = LinearPredictors(data, beta);
        double[] steps = NextSteps(fit, p);
        bool[] infiniteFlags = Infinite(data, fit, steps, options.MaxIterations, options.Tolerance, infinite);
        ImmutableArray<string> warnings = Warnings(names, fit, options.MaxIterations, aliased, infiniteFlags, lp, steps, data.RightCensored);

        bool robust = options.Robust || data.HasClusters;
        double[] variance = robust ? CoxResiduals.RobustVariance(data, lp, naive, efron) : naive;
        int df = aliased.Count(a => !a);
        int[] kept = [.. Enumerable.Range(0, p).Where(i => !aliased[i])];
        double wald = df == 0 ? 0 : CoxMatrix.QuadraticForm(Sub(variance, p, kept), [.. kept.Select(i => beta[i])], options.SingularityTolerance);
        CoxTest? robustScore = robust && df > 0 ? CoxTest.Of(CoxResiduals.RobustScoreTest(data, efron, options.SingularityTolerance), df) : null;

        ImmutableArray<CoxCoefficient>.Builder coefficients = ImmutableArray.CreateBuilder<CoxCoefficient>(p);
        for (int i = 0; i < p; i++)
        {
            coefficients.Add(Coefficient(names[i], beta[i], naive[(i * p) + i], robust ? variance[(i * p) + i] : null, aliased[i], infiniteFlags[i] && !aliased[i], z));
        }

        return new CoxFit(
            data,
            lp,
            new CoxFitValues(
                options.Ties,
                options.ConfidenceLevel,
                coefficients.MoveToImmutable(),
                Matrix(variance, p),
                Matrix(naive, p),
                robust,
                fit.LogLikelihoodNull,
                fit.LogLikelihood,
                CoxTest.Of(df == 0 ? 0 : 2 * (fit.LogLikelihood - fit.LogLikelihoodNull), df),
                CoxTest.Of(wald, df),
                CoxTest.Of(df == 0 ? 0 : fit.ScoreTest, df),
                robustScore,
                CoxConcordanceCounter.Count(data, lp),
                fit.Iterations,
                !fit.RanOut,
                warnings));
    }

    private static CoxCoefficient Coefficient(string name, double beta, double naiveVariance, double? robustVariance, bool aliased, bool infinite, double z)
    {
        if (aliased)
        {
            return new CoxCoefficient(name, double.NaN, double.NaN, robustVariance is null ? null : double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, IsAliased: true, MayBeInfinite: false);
        }

        double se = Math.Sqrt(naiveVariance);
        double? robustSe = robustVariance is double v ? Math.Sqrt(v) : null;
        double used = robustSe ?? se;
        double statistic = beta / used;
        return new CoxCoefficient(
            name,
            beta,
            se,
            robustSe,
            statistic,
            SurvivalMath.ChiSquareUpperTail(statistic * statistic, 1),
            Math.Exp(beta),
            Math.Exp(beta - (z * used)),
            Math.Exp(beta + (z * used)),
            IsAliased: false,
            MayBeInfinite: infinite);
    }

    /// <summary>R's <c>linear.predictors</c>: xβ less Σβ·m, m the covariates' means (0 for those R leaves uncentred), in walk order.</summary>
    private static double[] LinearPredictors(CoxData data, double[] beta)
    {
        int p = data.Width;
        double[] means = data.Means();
        bool[] scaled = data.Scaled();
        double offset = 0;
        for (int i = 0; i < p; i++)
        {
            offset += beta[i] * (scaled[i] ? means[i] : 0);
        }

        double[] lp = new double[data.Count];
        for (int k = 0; k < data.Count; k++)
        {
            double sum = 0;
            for (int i = 0; i < p; i++)
            {
                sum += data.X[(k * p) + i] * beta[i];
            }

            lp[k] = sum - offset;
        }

        return lp;
    }

    /// <summary>The size of the next Newton step from the estimate, |u·V| (R's <c>infs</c>), one per covariate.</summary>
    internal static double[] NextSteps(CoxIterations fit, int p)
    {
        double[] steps = new double[p];
        for (int j = 0; j < p; j++)
        {
            double step = 0;
            for (int i = 0; i < p; i++)
            {
                step += fit.Score[i] * fit.Variance[(i * p) + j];
            }

            steps[j] = Math.Abs(step);
        }

        return steps;
    }

    /// <summary>
    /// R's test for coefficients that may be infinite once the log-likelihood has converged: the next Newton step
    /// |u·V| is still large, beyond toler.inf·(1 + |β|) for <c>agreg.fit</c> and beyond both eps and toler.inf·|β|
    /// for <c>coxph.fit</c>; or the score is not finite. Like R, only when the iterations converged and the limit
    /// was above 1.
    /// </summary>
    private static bool[] Infinite(CoxData data, CoxIterations fit, double[] steps, int maxIterations, double eps, double tolerance)
    {
        int p = data.Width;
        bool[] flags = new bool[p];
        if (fit.RanOut || maxIterations <= 1)
        {
            return flags;
        }

        for (int j = 0; j < p; j++)
        {
            double step = steps[j];
            double beta = Math.Abs(fit.Beta[j]);
            flags[j] = !double.IsFinite(fit.Score[j])
                || (data.RightCensored ? step > eps && step > tolerance * beta : step > tolerance * (1 + beta));
        }

        return flags;
    }

    private static ImmutableArray<string> Warnings(
        ImmutableArray<string> names, CoxIterations fit, int maxIterations, bool[] aliased, bool[] infinite, double[] lp, double[] steps, bool rightCensored)
    {
        ImmutableArray<string>.Builder warnings = ImmutableArray.CreateBuilder<string>();
        int[] dropped = [.. Enumerable.Range(0, names.Length).Where(i => aliased[i])];
        if (dropped.Length > 0)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"X matrix deemed to be singular; variable {string.Join(" ", dropped.Select(i => i + 1))} ({string.Join(", ", dropped.Select(i => names[i]))}): the covariate does not vary within the risk sets, or is a linear combination of others; it has no coefficient (R's NA) and is left out of the tests."));
        }

        // R gives none of the warnings below for an iteration limit of 1 (a one-step estimate is asked for on purpose).
        if (fit.RanOut && maxIterations > 1)
        {
            warnings.Add("Ran out of iterations and did not converge.");
            if (rightCensored && (lp.Max() > 500 || !steps.All(double.IsFinite)))
            {
                warnings.Add("One or more coefficients may be infinite.");
            }
        }

        int[] flagged = [.. Enumerable.Range(0, names.Length).Where(i => infinite[i] && !aliased[i])];
        if (flagged.Length > 0)
        {
            warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Loglik converged before variable {string.Join(",", flagged.Select(i => i + 1))} ({string.Join(", ", flagged.Select(i => names[i]))}); coefficient may be infinite."));
        }

        return warnings.DrainToImmutable();
    }

    private static ImmutableArray<string> Names(ImmutableArray<string> given, int width)
    {
        if (given.IsDefaultOrEmpty)
        {
            return [.. Enumerable.Range(1, width).Select(i => string.Create(CultureInfo.InvariantCulture, $"x{i}"))];
        }

        Guard.Against.Invalid(given.Length != width, $"The options name {given.Length} covariates where the records have {width}.", "options");
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        for (int i = 0; i < given.Length; i++)
        {
            string name = given[i];
            Guard.Against.NullAt(name, i, "Covariate name", "options");
            Guard.Against.Invalid(string.IsNullOrWhiteSpace(name), $"Covariate name {i} is empty or white space.", "options");
            Guard.Against.Duplicate(seen, name, i, static (first, again) => string.Create(CultureInfo.InvariantCulture, $"Covariate name {again} repeats name {first}."), "options");
        }

        return given;
    }

    private static double[] Sub(double[] matrix, int p, int[] kept)
    {
        double[] sub = new double[kept.Length * kept.Length];
        for (int r = 0; r < kept.Length; r++)
        {
            for (int c = 0; c < kept.Length; c++)
            {
                sub[(r * kept.Length) + c] = matrix[(kept[r] * p) + kept[c]];
            }
        }

        return sub;
    }

    private static ImmutableArray<ImmutableArray<double>> Matrix(double[] values, int p) =>
        [.. Enumerable.Range(0, p).Select(i => ImmutableArray.Create(values, i * p, p))];
}
