namespace Upon.Core.Workforce;

/// <summary>
/// A chi-square test of a Cox model (the likelihood-ratio, Wald, score or robust score test that all coefficients
/// are 0), as R's <c>summary(coxph)</c> prints it.
/// </summary>
/// <remarks>Equality is by value. With 0 degrees of freedom (every covariate aliased) the statistic is 0 and the p-value 1.</remarks>
/// <param name="ChiSquare">The statistic, at least 0.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom: the number of covariates that are not aliased.</param>
/// <param name="PValue">The chance that a chi-square variable with <paramref name="DegreesOfFreedom"/> exceeds <paramref name="ChiSquare"/>.</param>
public readonly record struct CoxTest(double ChiSquare, int DegreesOfFreedom, double PValue)
{
    /// <summary>Makes a test from its statistic, working out the p-value.</summary>
    internal static CoxTest Of(double chiSquare, int degreesOfFreedom) =>
        new(chiSquare, degreesOfFreedom, degreesOfFreedom == 0 ? 1.0 : SurvivalMath.ChiSquareUpperTail(chiSquare, degreesOfFreedom));
}
