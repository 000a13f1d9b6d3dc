namespace Upon.Core.Workforce;

/// <summary>
/// Kaplan–Meier curves fitted separately to each stratum of a key, as R's <c>survfit(Surv(...) ~ key)</c>,
/// with the log-rank test across the strata, as <c>survdiff(Surv(time, event) ~ key)</c>
/// (see <see cref="KaplanMeier.FitBy{TKey}"/>).
/// </summary>
/// <remarks>
/// <para>
/// The strata partition the records: every record is in exactly one stratum, the strata's
/// <see cref="KaplanMeierCurve.RecordCount"/>s add up to <see cref="RecordCount"/>, and each stratum's
/// curve is the curve <see cref="KaplanMeier.Fit"/> gives for that stratum's records alone.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
/// <typeparam name="TKey">The stratum key.</typeparam>
public sealed class StratifiedKaplanMeier<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, KaplanMeierCurve> byKey;

    internal StratifiedKaplanMeier(ImmutableArray<KaplanMeierStratum<TKey>> strata, LogRankTest<TKey>? logRank, IEqualityComparer<TKey> keyEquality)
    {
        Strata = strata;
        LogRank = logRank;
        byKey = new Dictionary<TKey, KaplanMeierCurve>(strata.Length, keyEquality);
        long count = 0;
        foreach (KaplanMeierStratum<TKey> stratum in strata)
        {
            byKey.Add(stratum.Key, stratum.Curve);
            count += stratum.Curve.RecordCount;
        }

        RecordCount = count;
    }

    /// <summary>Gets the strata with their curves, in key order (ordinal for strings; the default comparer otherwise, unless the caller gave one). Strata with no records are absent.</summary>
    public ImmutableArray<KaplanMeierStratum<TKey>> Strata { get; }

    /// <summary>
    /// Gets the log-rank test of equal survival across the strata (k strata: k − 1 degrees of freedom
    /// when each expects events), with its groups in stratum order; null when any record has delayed
    /// entry, because the test (like R's <c>survdiff</c>) takes right-censored records only, and null
    /// with fewer than two strata (nothing to compare; <c>survdiff</c> refuses one group).
    /// </summary>
    public LogRankTest<TKey>? LogRank { get; }

    /// <summary>Gets the number of records over all strata.</summary>
    public long RecordCount { get; }

    /// <summary>Gets the curve of the stratum with key <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The stratum's curve, or null when no record has that key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public KaplanMeierCurve? Find(TKey key)
    {
        Guard.Against.Null(key);
        return byKey.TryGetValue(key, out KaplanMeierCurve? curve) ? curve : null;
    }

    /// <summary>
    /// Says what the curves are: for example <c>Kaplan–Meier curves of 3 groups: n = 200; Log-rank test of 3 groups: …</c>,
    /// or <c>…; no log-rank test</c> when some records entered late (see <see cref="LogRank"/>).
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Kaplan–Meier curves of {Strata.Length} groups: n = {RecordCount}; {(LogRank is null ? "no log-rank test" : LogRank.ToString())}");
}
