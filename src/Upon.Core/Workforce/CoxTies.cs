namespace Upon.Core.Workforce;

/// <summary>
/// How Cox regression (<see cref="ProportionalHazards.Fit"/>) treats several events at one time in one stratum;
/// the names are those of R's <c>coxph(ties = ...)</c>.
/// </summary>
/// <remarks>
/// With d events at a time, R_j the sum of exp(xβ) over the records at risk there and D_j that sum over the d
/// records with the event, Breslow's partial likelihood term is Π exp(x_iβ) / R_j^d and Efron's is
/// Π exp(x_iβ) / Π<sub>k=0..d−1</sub> (R_j − (k/d)·D_j). They agree when no events tie; Efron's is closer to
/// the exact partial likelihood when many do (whole months of tenure, say), and is R's default.
/// </remarks>
public enum CoxTies
{
    /// <summary>Efron's approximation, R's default <c>"efron"</c>.</summary>
    Efron = 0,

    /// <summary>Breslow's approximation, R's <c>"breslow"</c>: every tied event sees the whole risk set.</summary>
    Breslow = 1,
}
