namespace Upon.Core.Workforce;

/// <summary>
/// The estimated probability of being in one state at a time, with its standard error and pointwise
/// confidence limits: one column of R's multi-state <c>survfit</c> (<c>pstate</c>, <c>std.err</c>,
/// <c>lower</c>, <c>upper</c>). The state is either still in post, or gone for one exit reason (a
/// cumulative incidence).
/// </summary>
/// <remarks>
/// The standard error is of the probability itself (not of its logarithm, unlike
/// <see cref="KaplanMeierPoint.StandardError"/>). Limits that are undefined (R's <c>NA</c>) are
/// <see cref="double.NaN"/>. Equality is by value; <c>default</c> is probability 0 with no error and limits 0.
/// </remarks>
/// <param name="Probability">The probability, in [0, 1].</param>
/// <param name="StandardError">The standard error of <paramref name="Probability"/>, at least 0.</param>
/// <param name="Lower">The lower confidence limit, in [0, 1], or NaN where undefined.</param>
/// <param name="Upper">The upper confidence limit, in [0, 1], or NaN where undefined.</param>
public readonly record struct StateProbability(double Probability, double StandardError, double Lower, double Upper);
