namespace Upon.Core.Workforce;

/// <summary>
/// Cumulative incidence curves estimated separately for each stratum of a key, as R's
/// <c>survfit(Surv(entry, exit, reason) ~ key)</c> with a factor status (see <see cref="CumulativeIncidence.EstimateBy{TKey}"/>).
/// </summary>
/// <remarks>
/// <para>
/// The strata partition the records: every record is in exactly one stratum, the strata's
/// <see cref="CumulativeIncidenceCurve.RecordCount"/>s add up to <see cref="RecordCount"/>, and each stratum's
/// curves are those <see cref="CumulativeIncidence.Estimate"/> gives for that stratum's records alone with the
/// same <see cref="Reasons"/>. Every stratum has every reason, as R's strata share the factor's levels, so a
/// reason that never ends a tenure in one stratum has incidence 0 there.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
/// <typeparam name="TKey">The stratum key.</typeparam>
public sealed class StratifiedCumulativeIncidence<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, CumulativeIncidenceCurve> byKey;

    internal StratifiedCumulativeIncidence(ImmutableArray<string> reasons, ImmutableArray<CumulativeIncidenceStratum<TKey>> strata, IEqualityComparer<TKey> keyEquality)
    {
        Reasons = reasons;
        Strata = strata;
        byKey = new Dictionary<TKey, CumulativeIncidenceCurve>(strata.Length, keyEquality);
        long count = 0;
        foreach (CumulativeIncidenceStratum<TKey> stratum in strata)
        {
            byKey.Add(stratum.Key, stratum.Curve);
            count += stratum.Curve.RecordCount;
        }

        RecordCount = count;
    }

    /// <summary>Gets the exit reasons every stratum's curves have, in the order of their per-reason arrays.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Gets the strata with their curves, in key order (ordinal for strings; the default comparer otherwise, unless the caller gave one). Strata with no records are absent.</summary>
    public ImmutableArray<CumulativeIncidenceStratum<TKey>> Strata { get; }

    /// <summary>Gets the number of records over all strata.</summary>
    public long RecordCount { get; }

    /// <summary>Gets the curves of the stratum with key <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The stratum's curves, or null when no record has that key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public CumulativeIncidenceCurve? Find(TKey key)
    {
        Guard.Against.Null(key);
        return byKey.TryGetValue(key, out CumulativeIncidenceCurve? curve) ? curve : null;
    }

    /// <summary>Says what the curves are: for example <c>Cumulative incidence of 3 groups: n = 200; reasons moved, retired, left</c>.</summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Cumulative incidence of {Strata.Length} groups: n = {RecordCount}; reasons {(Reasons.IsEmpty ? "none" : string.Join(", ", Reasons))}");
}
