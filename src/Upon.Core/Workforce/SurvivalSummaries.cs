namespace Upon.Core.Workforce;

/// <summary>
/// The median survival time of a <see cref="KaplanMeierCurve"/> with its confidence interval, as R's
/// <c>print(survfit)</c> reports them (<c>median</c>, <c>LCL</c>, <c>UCL</c>).
/// </summary>
/// <remarks>
/// Each value is the first time at which the curve (or its lower or upper confidence limit) falls to
/// 0.5 or below; where it sits exactly at 0.5 (within √ε ≈ 1.5e-8) and later falls below, it is the
/// midpoint between that time and the time it next falls. A value is null when that curve never
/// reaches 0.5: the upper limit often does not. Equality is by value; <c>default</c> has no values.
/// </remarks>
/// <param name="Estimate">The median, or null when the curve never falls to 0.5.</param>
/// <param name="Lower">The lower confidence limit of the median (from the curve's lower limits), or null.</param>
/// <param name="Upper">The upper confidence limit of the median (from the curve's upper limits), or null when it is not reached.</param>
public readonly record struct SurvivalMedian(double? Estimate, double? Lower, double? Upper);

/// <summary>
/// The restricted mean survival time up to a horizon — the area under the Kaplan–Meier curve from 0 to
/// the horizon — with its standard error, as R's <c>print(survfit, rmean = horizon)</c>.
/// </summary>
/// <remarks>
/// Beyond the last exit time the curve is extended at its last value. The standard error is R's:
/// √ Σ A(tᵢ)² · dᵢ / (nᵢ (nᵢ − dᵢ)) over event times up to the horizon, where A(tᵢ) is the area under
/// the curve from tᵢ to the horizon and a term with nᵢ = dᵢ counts 0. Equality is by value.
/// </remarks>
/// <param name="Horizon">The horizon the mean is restricted to.</param>
/// <param name="Mean">The restricted mean, between 0 and <paramref name="Horizon"/>.</param>
/// <param name="StandardError">The standard error of the restricted mean.</param>
public readonly record struct RestrictedMean(double Horizon, double Mean, double StandardError);

/// <summary>
/// The Kaplan–Meier estimate at a chosen time, as one row of R's <c>summary(survfit, times = ...)</c>.
/// </summary>
/// <remarks>
/// Before the curve's first time the survival is 1 with standard error 0 and both limits 1, whatever
/// the interval type (as in R). Limits that are undefined are <see cref="double.NaN"/>. Equality is by value.
/// </remarks>
/// <param name="Time">The time asked about.</param>
/// <param name="AtRisk">R's <c>n.risk</c>: the number at risk at the curve's first time at or after <paramref name="Time"/>.</param>
/// <param name="Survival">The survival at <paramref name="Time"/>: the curve's value at its last time at or before it, or 1.</param>
/// <param name="StandardError">The Greenwood standard error of log S (multiply by <paramref name="Survival"/> for R's <c>summary</c> <c>std.err</c>).</param>
/// <param name="Lower">The lower confidence limit of the survival, or NaN where undefined.</param>
/// <param name="Upper">The upper confidence limit of the survival, or NaN where undefined.</param>
public readonly record struct SurvivalEstimate(double Time, long AtRisk, double Survival, double StandardError, double Lower, double Upper);
