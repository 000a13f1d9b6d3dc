namespace Upon.Core.Workforce;

/// <summary>One stratum of a <see cref="StratifiedKaplanMeier{TKey}"/>: its key and the curve fitted to its records.</summary>
/// <remarks>Equality is by value (the curve by reference).</remarks>
/// <typeparam name="TKey">The stratum key.</typeparam>
/// <param name="Key">The key.</param>
/// <param name="Curve">The Kaplan–Meier curve of the records with that key.</param>
public readonly record struct KaplanMeierStratum<TKey>(TKey Key, KaplanMeierCurve Curve);
