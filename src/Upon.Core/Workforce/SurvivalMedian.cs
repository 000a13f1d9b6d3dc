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
