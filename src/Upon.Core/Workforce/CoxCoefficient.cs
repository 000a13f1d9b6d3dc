namespace Upon.Core.Workforce;

/// <summary>
/// One covariate's estimate in a Cox model: a row of R's <c>summary(coxph)</c>, its coefficient table and its
/// hazard-ratio table together.
/// </summary>
/// <remarks>
/// <para>
/// The coefficient β is the log hazard ratio for one unit more of the covariate, the others held fixed; the
/// hazard ratio is exp(β). The z statistic is β/SE and its p-value two-sided from the normal distribution, and the
/// limits are exp(β ∓ z<sub>(1+level)/2</sub>·SE), where SE is <see cref="RobustStandardError"/> when the fit is robust
/// and <see cref="StandardError"/> otherwise (as R's <c>summary</c>).
/// </para>
/// <para>
/// An aliased covariate (constant, or a linear combination of others, within the risk sets) has no estimate: R prints
/// <c>NA</c> for its coefficient and 0 for its standard error. Here every number of it is NaN and
/// <see cref="IsAliased"/> is true.
/// </para>
/// <para>Equality is by value.</para>
/// </remarks>
/// <param name="Name">The covariate's name.</param>
/// <param name="Estimate">The coefficient β (R's <c>coef</c>), NaN when aliased.</param>
/// <param name="StandardError">The model-based standard error (R's <c>se(coef)</c>): the square root of the inverse information's diagonal.</param>
/// <param name="RobustStandardError">The robust (sandwich) standard error (R's <c>robust se</c>), or null when the fit is not robust.</param>
/// <param name="Z">The Wald statistic β/SE (R's <c>z</c>).</param>
/// <param name="PValue">The two-sided p-value of <paramref name="Z"/> (R's <c>Pr(&gt;|z|)</c>).</param>
/// <param name="HazardRatio">exp(β) (R's <c>exp(coef)</c>).</param>
/// <param name="Lower">The lower confidence limit of the hazard ratio.</param>
/// <param name="Upper">The upper confidence limit of the hazard ratio.</param>
/// <param name="IsAliased">True when the covariate is aliased and has no estimate.</param>
/// <param name="MayBeInfinite">
/// True when the log-likelihood converged while this coefficient was still moving (R's warning "Loglik converged
/// before variable …"): the data may separate on it (every event among those with the higher value, say) and the
/// true maximum lies at infinity; the estimate, standard error and test are then meaningless.
/// </param>
public readonly record struct CoxCoefficient(
    string Name,
    double Estimate,
    double StandardError,
    double? RobustStandardError,
    double Z,
    double PValue,
    double HazardRatio,
    double Lower,
    double Upper,
    bool IsAliased,
    bool MayBeInfinite);
