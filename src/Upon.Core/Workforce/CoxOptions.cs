namespace Upon.Core.Workforce;

/// <summary>
/// How <see cref="ProportionalHazards.Fit"/> fits a Cox model: the treatment of tied events, the covariates'
/// names, whether to add a robust variance, the confidence level, and the iteration controls of R's
/// <c>coxph.control</c>. Every default is R's.
/// </summary>
/// <remarks>
/// Immutable; make a variant with <c>with</c>: <c>CoxOptions.Default with { Ties = CoxTies.Breslow }</c>.
/// Equality is by value, except that <see cref="CovariateNames"/> is compared by reference (two arrays with the
/// same names are different options).
/// </remarks>
public sealed record CoxOptions
{
    /// <summary>R's <c>coxph.control()$eps</c>: 1e-9.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>R's <c>coxph.control()$toler.chol</c>: <c>.Machine$double.eps^0.75</c>, which is 2⁻³⁹ (about 1.82e-12).</summary>
    public const double DefaultSingularityTolerance = 1.8189894035458565e-12;

    /// <summary>R's <c>coxph.control()$iter.max</c>: 20.</summary>
    public const int DefaultMaxIterations = 20;

    /// <summary>Gets the options R's <c>coxph</c> uses unless told otherwise.</summary>
    public static CoxOptions Default { get; } = new();

    /// <summary>Gets how tied event times are treated: Efron's approximation unless told otherwise (R's default).</summary>
    public CoxTies Ties { get; init; } = CoxTies.Efron;

    /// <summary>
    /// Gets the covariates' names, one per covariate value of each record and each non-empty and different; empty
    /// (the default) for <c>x1</c>, <c>x2</c>, ….
    /// </summary>
    public ImmutableArray<string> CovariateNames { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether to add a robust (sandwich) variance, R's <c>robust = TRUE</c>. A fit is robust
    /// whenever some record names a <see cref="CoxRecord.Cluster"/> (R's <c>cluster(id)</c>), whatever this says;
    /// otherwise each record is a cluster of its own.
    /// </summary>
    public bool Robust { get; init; }

    /// <summary>Gets the confidence level of the hazard ratios' limits, above 0 and at most 0.999999: 0.95 unless told otherwise.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Gets the most Newton–Raphson iterations, at least 1 (R's <c>iter.max</c>): 20 unless told otherwise. With 1, as in
    /// R, the fit gives no warning of iterations that ran out or of coefficients that may be infinite.
    /// </summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>
    /// Gets the convergence tolerance, above 0 and below 1 (R's <c>eps</c>): the iterations stop once
    /// |1 − ℓ<sub>previous</sub>/ℓ| is at most this, ℓ the log partial likelihood. 1e-9 unless told otherwise.
    /// </summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>
    /// Gets the tolerance of the Cholesky factorization, above 0 and below 1 (R's <c>toler.chol</c>): a covariate
    /// whose pivot is below this times the largest diagonal of the information is aliased. About 1.82e-12 unless told otherwise.
    /// </summary>
    public double SingularityTolerance { get; init; } = DefaultSingularityTolerance;

    /// <summary>
    /// Gets the tolerance for flagging a coefficient that may be infinite (R's <c>toler.inf</c>), above 0; null (the
    /// default) for √<see cref="Tolerance"/>, as R.
    /// </summary>
    public double? InfiniteCoefficientTolerance { get; init; }
}
