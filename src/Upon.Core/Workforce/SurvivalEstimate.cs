namespace Upon.Core.Workforce;

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
