namespace Upon.Core.Workforce;

/// <summary>The restricted mean tenure of a <see cref="TenureReport"/> group up to a horizon, in months, with its standard error (R's <c>rmean</c>).</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="HorizonMonths">The horizon.</param>
/// <param name="Months">The mean time in post up to the horizon.</param>
/// <param name="StandardError">Its standard error.</param>
public sealed record TenureReportRestrictedMean(double HorizonMonths, double Months, double StandardError);
