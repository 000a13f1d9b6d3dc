namespace Upon.Core.Workforce;

/// <summary>One row of R's <c>cox.zph</c> table: the test that one covariate's hazard ratio is constant in time, or the global test of all of them.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Name">The covariate's name, or <c>GLOBAL</c> for the test of all covariates together.</param>
/// <param name="ChiSquare">The score statistic (R's <c>chisq</c>), at least 0.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom (R's <c>df</c>): 1 for a covariate, the number tested for the global test.</param>
/// <param name="PValue">The p-value (R's <c>p</c>): small values say the hazard ratio changes with time.</param>
public readonly record struct ProportionalHazardsTerm(string Name, double ChiSquare, int DegreesOfFreedom, double PValue);
