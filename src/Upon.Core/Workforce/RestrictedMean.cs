namespace Upon.Core.Workforce;

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
