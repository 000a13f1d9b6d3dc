namespace Upon.Core.Workforce;

/// <summary>One stratum of a <see cref="StratifiedCumulativeIncidence{TKey}"/>: its key and the curves estimated from its records.</summary>
/// <remarks>Equality is by value (the curve by reference).</remarks>
/// <typeparam name="TKey">The stratum key.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Curve">The cumulative incidence curves of the records with that key.</param>
public readonly record struct CumulativeIncidenceStratum<TKey>(TKey Key, CumulativeIncidenceCurve Curve);
