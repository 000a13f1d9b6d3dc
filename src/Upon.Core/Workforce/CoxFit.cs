namespace Upon.Core.Workforce;

/// <summary>
/// A fitted Cox proportional-hazards model (see <see cref="ProportionalHazards.Fit"/>): R's <c>coxph</c> object
/// and what <c>summary(fit)</c> prints from it.
/// </summary>
/// <remarks>
/// <para>
/// The model says that the hazard of the event (a tenure ending) for a record with covariates x is
/// h₀(t)·exp(xβ): a baseline hazard h₀ of the record's stratum, left unspecified, times a hazard ratio that does
/// not change with time. β maximizes Cox's partial likelihood; its variance is the inverse of the information
/// (minus the second derivative of the log partial likelihood) at the estimate, and, for a robust fit, the
/// sandwich D'D of R's <c>robust = TRUE</c>, D summing each cluster's dfbeta residuals (the score residuals times
/// the inverse information).
/// </para>
/// <para>
/// The three tests of β = 0 are R's: the likelihood-ratio test 2(ℓ(β̂) − ℓ(0)); the Wald test β̂ᵀV⁻¹β̂ with V the
/// variance used for the standard errors (the robust one when robust, as R); and the score test uᵀI⁻¹u at β = 0
/// (R's "Score (logrank) test"). A robust fit adds R's robust score test, uᵀ(UᵀU)⁻¹u with U the clusters' score
/// residuals at β = 0. Each has as many degrees of freedom as covariates that are not aliased.
/// </para>
/// <para>
/// A fit keeps the records' times, strata and covariate values (about 8·(p + 2) bytes a record) for
/// <see cref="TestProportionalHazards"/>, as R's <c>cox.zph</c> goes back to the model's data.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed class CoxFit
{
    private readonly CoxData data;
    private readonly double[] linearPredictors;

    internal CoxFit(CoxData data, double[] linearPredictors, CoxFitValues values)
    {
        this.data = data;
        this.linearPredictors = linearPredictors;
        Ties = values.Ties;
        ConfidenceLevel = values.ConfidenceLevel;
        Coefficients = values.Coefficients;
        Variance = values.Variance;
        NaiveVariance = values.NaiveVariance;
        IsRobust = values.IsRobust;
        LogLikelihoodNull = values.LogLikelihoodNull;
        LogLikelihood = values.LogLikelihood;
        LikelihoodRatioTest = values.LikelihoodRatioTest;
        WaldTest = values.WaldTest;
        ScoreTest = values.ScoreTest;
        RobustScoreTest = values.RobustScoreTest;
        Concordance = values.Concordance;
        Iterations = values.Iterations;
        Converged = values.Converged;
        Warnings = values.Warnings;
    }

    /// <summary>Gets how tied event times were treated.</summary>
    public CoxTies Ties { get; }

    /// <summary>Gets the confidence level of the hazard ratios' limits.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the number of records fitted (R's <c>n</c>).</summary>
    public int RecordCount => data.Count;

    /// <summary>Gets the number of events (R's <c>nevent</c>).</summary>
    public int EventCount => data.Events;

    /// <summary>Gets the number of strata.</summary>
    public int StratumCount => data.StratumCount;

    /// <summary>Gets the number of clusters the robust variance summed over: the named clusters plus one per record without one.</summary>
    public int ClusterCount => data.ClusterCount;

    /// <summary>Gets the coefficients, one per covariate in the records' order.</summary>
    public ImmutableArray<CoxCoefficient> Coefficients { get; }

    /// <summary>
    /// Gets the variance matrix of the coefficients (R's <c>fit$var</c>), row by row: the robust one when
    /// <see cref="IsRobust"/>, else the inverse information. An aliased covariate's row and column are 0, as R's.
    /// </summary>
    public ImmutableArray<ImmutableArray<double>> Variance { get; }

    /// <summary>Gets the model-based variance matrix, the inverse of the information (R's <c>fit$naive.var</c> when robust, <c>fit$var</c> otherwise).</summary>
    public ImmutableArray<ImmutableArray<double>> NaiveVariance { get; }

    /// <summary>Gets a value indicating whether the fit has a robust variance.</summary>
    public bool IsRobust { get; }

    /// <summary>Gets the log partial likelihood at β = 0 (R's <c>loglik[1]</c>).</summary>
    public double LogLikelihoodNull { get; }

    /// <summary>Gets the log partial likelihood at the estimate (R's <c>loglik[2]</c>).</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets the likelihood-ratio test of β = 0.</summary>
    public CoxTest LikelihoodRatioTest { get; }

    /// <summary>Gets the Wald test of β = 0, with the robust variance when the fit is robust.</summary>
    public CoxTest WaldTest { get; }

    /// <summary>Gets the score (log-rank) test of β = 0.</summary>
    public CoxTest ScoreTest { get; }

    /// <summary>Gets the robust score test of β = 0, or null when the fit is not robust.</summary>
    public CoxTest? RobustScoreTest { get; }

    /// <summary>Gets the concordance of the risk scores with the event times.</summary>
    public CoxConcordance Concordance { get; }

    /// <summary>Gets the number of Newton–Raphson iterations (R's <c>iter</c>).</summary>
    public int Iterations { get; }

    /// <summary>Gets a value indicating whether the iterations converged before their limit.</summary>
    public bool Converged { get; }

    /// <summary>
    /// Gets what R would warn of, and more: a covariate aliased, the log-likelihood converging while a coefficient
    /// may be running to infinity, the iterations running out. Empty when all went well.
    /// </summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Gets the covariates' names, in order.</summary>
    public ImmutableArray<string> CovariateNames => [.. Coefficients.Select(c => c.Name)];

    /// <summary>Gets the covariates' values of the records, in walk order, for the test of proportional hazards.</summary>
    internal CoxData Data => data;

    /// <summary>Gets the linear predictors xβ (R's centred <c>linear.predictors</c>), in walk order.</summary>
    internal ReadOnlySpan<double> LinearPredictors => linearPredictors;

    /// <summary>
    /// Tests whether each covariate's hazard ratio is constant in time, and all of them together, as R's
    /// <c>cox.zph(fit, transform)</c>: the score test of adding x·g(t) to the model for each covariate x, where g
    /// is <paramref name="transform"/>. Aliased covariates are left out, as R does.
    /// </summary>
    /// <param name="transform">The function of time; R's default is <see cref="CoxTimeTransform.KaplanMeier"/>.</param>
    /// <returns>The tests, one per covariate that is not aliased, and the global test.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transform"/> is undefined.</exception>
    /// <exception cref="ArgumentException"><paramref name="transform"/> is <see cref="CoxTimeTransform.Log"/> and some stop time is not above 0.</exception>
    public ProportionalHazardsTest TestProportionalHazards(CoxTimeTransform transform = CoxTimeTransform.KaplanMeier)
    {
        Guard.Against.UndefinedEnum(transform);
        return CoxZph.Test(this, transform);
    }

    /// <summary>
    /// Summarizes the fit as R's <c>print(fit)</c> ends: for example
    /// <c>Cox model, 137 records, 128 events: likelihood ratio test = 61.98 on 6 df, p = 3.30e-11; concordance 0.736 (se 0.021)</c>.
    /// </summary>
    /// <returns>The summary, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Cox model, {RecordCount} records, {EventCount} events: likelihood ratio test = {LikelihoodRatioTest.ChiSquare:F2} on {LikelihoodRatioTest.DegreesOfFreedom} df, p = {LikelihoodRatioTest.PValue:0.00e+00}; concordance {Concordance.Value:F3} (se {Concordance.StandardError:F3})");
}

/// <summary>The values a <see cref="CoxFit"/> is made of, gathered by <see cref="ProportionalHazards.Fit"/>.</summary>
internal sealed record CoxFitValues(
    CoxTies Ties,
    double ConfidenceLevel,
    ImmutableArray<CoxCoefficient> Coefficients,
    ImmutableArray<ImmutableArray<double>> Variance,
    ImmutableArray<ImmutableArray<double>> NaiveVariance,
    bool IsRobust,
    double LogLikelihoodNull,
    double LogLikelihood,
    CoxTest LikelihoodRatioTest,
    CoxTest WaldTest,
    CoxTest ScoreTest,
    CoxTest? RobustScoreTest,
    CoxConcordance Concordance,
    int Iterations,
    bool Converged,
    ImmutableArray<string> Warnings);
