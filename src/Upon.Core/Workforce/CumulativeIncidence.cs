using System.Runtime.InteropServices;

namespace Upon.Core.Workforce;

/// <summary>
/// Estimates why tenures end when reasons compete: the Aalen–Johansen cumulative incidence of each exit reason,
/// with the probability of still being in post, the way R's <c>survival::survfit</c> does for a factor status.
/// </summary>
/// <remarks>
/// <para>
/// At each distinct exit time t<sub>j</sub>, with n<sub>j</sub> in post (at risk), d<sub>rj</sub> exits for reason r
/// and d<sub>j</sub> = Σ<sub>r</sub> d<sub>rj</sub>:
/// the probability of being in post is S(t) = ∏ (1 − d<sub>j</sub>/n<sub>j</sub>) over t<sub>j</sub> ≤ t (the Kaplan–Meier
/// estimate of all reasons together), and the cumulative incidence of reason r is
/// F<sub>r</sub>(t) = Σ S(t<sub>j</sub>−)·d<sub>rj</sub>/n<sub>j</sub> over t<sub>j</sub> ≤ t, where S(t<sub>j</sub>−) is S just
/// before t<sub>j</sub>. So S + Σ<sub>r</sub> F<sub>r</sub> = 1 at every time, and with a single reason F = 1 − S. This is
/// the Aalen–Johansen estimator, p(t) = p(0)·∏ H<sub>j</sub>, for the states "in post" and "gone for reason r".
/// </para>
/// <para>
/// The standard errors are R's default for multi-state curves, the infinitesimal jackknife: the square root of
/// Σ<sub>i</sub> U<sub>i</sub>(t)², summed over the records, of each record's influence U<sub>i</sub> on the estimate, with
/// U<sub>i</sub>(0) = 0 and, at each exit time, U<sub>i</sub> ← U<sub>i</sub>·H<sub>j</sub> plus, for a record at risk,
/// (S(t<sub>j</sub>−)/n<sub>j</sub>)·(e<sub>state after</sub> − H<sub>j</sub>[in post, ·]). Every record is its own subject, as
/// R's <c>survfit(..., id = row)</c>. Without delayed entry it comes, for the probability of being in post, to Greenwood's
/// standard error of S (S times <see cref="KaplanMeierPoint.StandardError"/>), except once S is 0 (0 there, where
/// Greenwood's is infinite); with records entering after exits it differs from Greenwood's.
/// Confidence limits follow R's <c>survfit_confint</c> on the probability scale: with σ the standard error of p,
/// <see cref="ConfidenceIntervalType.Log"/> (R's default) exp(log p ± z·σ/p) with the upper limit capped at 1;
/// <see cref="ConfidenceIntervalType.Plain"/> p ± z·σ clipped to [0, 1]; <see cref="ConfidenceIntervalType.LogLog"/>
/// exp(−exp(log(−log p) ∓ z·σ/(p·log p))). Limits are undefined (NaN) where p is 0, and for log-log where p is 1.
/// </para>
/// <para>
/// Ties follow R: a record censored at an exit time is still at risk at that time; several reasons at one time
/// share one step; a record that enters at time t (delayed entry) is at risk only after t. Once no one is left in
/// post (S = 0) the estimates stay as they are, whoever enters later.
/// </para>
/// <para>Stateless and thread-safe. The work grows with the number of records and of distinct times, not their product.</para>
/// </remarks>
public static class CumulativeIncidence
{
    /// <summary>The confidence level used unless another is given: 0.95.</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>
    /// Estimates the cumulative incidence of each exit reason and the probability of still being in post at every
    /// distinct exit time of <paramref name="records"/>, with standard errors and pointwise confidence limits, as R's
    /// <c>survfit(Surv(entry, exit, reason) ~ 1, id = row, conf.type = ..., conf.int = level)</c> with a factor
    /// <c>reason</c> whose first level is censoring.
    /// </summary>
    /// <param name="records">The records, in any order (the order never changes the result).</param>
    /// <param name="reasons">
    /// The exit reasons in the order wanted (R's factor levels after censoring), including any that no record has;
    /// null for the reasons the records have, in ordinal order. Each is non-empty and given once.
    /// </param>
    /// <param name="confidenceType">How confidence limits are computed; R's default is <see cref="ConfidenceIntervalType.Log"/>.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <returns>The curves; with no records they have no points.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A record is <c>default</c> (its exit is not after its entry), or has a reason that is not in <paramref name="reasons"/>;
    /// or a reason in <paramref name="reasons"/> is null, empty, white space or repeated.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> is out of range.</exception>
    public static CumulativeIncidenceCurve Estimate(
        IEnumerable<CompetingRiskRecord> records,
        IEnumerable<string>? reasons = null,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = DefaultConfidenceLevel)
    {
        Guard.Against.Null(records);
        ImmutableArray<string>? declared = reasons is null ? null : Declared(reasons);
        KaplanMeier.CheckType(confidenceType);
        double z = SurvivalMath.TwoSidedZ(confidenceLevel, nameof(confidenceLevel));
        return EstimateCurve(records, declared, confidenceType, confidenceLevel, z);
    }

    /// <summary>
    /// Estimates the cumulative incidence curves of each stratum of a key, as R's
    /// <c>survfit(Surv(entry, exit, reason) ~ key, id = row)</c> with a factor <c>reason</c>: each stratum alone, all with
    /// the same reasons.
    /// </summary>
    /// <param name="records">The records with their keys, in any order.</param>
    /// <param name="reasons">The exit reasons in the order wanted, including any that no record has; null for the reasons the records have, in ordinal order.</param>
    /// <param name="confidenceType">How confidence limits are computed; R's default is <see cref="ConfidenceIntervalType.Log"/>.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="keyOrder">The order of the strata; null for ordinal order of strings and <see cref="Comparer{T}.Default"/> otherwise. Keys are told apart by <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>The curves by stratum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or a key is null.</exception>
    /// <exception cref="ArgumentException">
    /// A record is <c>default</c>, or has a reason that is not in <paramref name="reasons"/>; or a reason in
    /// <paramref name="reasons"/> is null, empty, white space or repeated.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> is out of range.</exception>
    public static StratifiedCumulativeIncidence<TKey> EstimateBy<TKey>(
        IEnumerable<(TKey Key, CompetingRiskRecord Record)> records,
        IEnumerable<string>? reasons = null,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = DefaultConfidenceLevel,
        IComparer<TKey>? keyOrder = null)
        where TKey : notnull
    {
        Guard.Against.Null(records);
        ImmutableArray<string>? declared = reasons is null ? null : Declared(reasons);
        KaplanMeier.CheckType(confidenceType);
        double z = SurvivalMath.TwoSidedZ(confidenceLevel, nameof(confidenceLevel));

        Dictionary<TKey, List<CompetingRiskRecord>> strata = [];
        SortedSet<string> found = new(StringComparer.Ordinal);
        foreach ((TKey key, CompetingRiskRecord record) in records)
        {
            Guard.Against.Null(key, nameof(records), "A record's key is null.");

            if (!strata.TryGetValue(key, out List<CompetingRiskRecord>? list))
            {
                list = [];
                strata.Add(key, list);
            }

            list.Add(record);
            if (declared is null && record.Reason is string reason)
            {
                found.Add(reason);
            }
        }

        ImmutableArray<string> shared = declared ?? [.. found];
        List<TKey> keys = [.. strata.Keys];
        keys.Sort(keyOrder ?? (typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default));
        ImmutableArray<CumulativeIncidenceStratum<TKey>>.Builder estimated = ImmutableArray.CreateBuilder<CumulativeIncidenceStratum<TKey>>(keys.Count);
        foreach (TKey key in keys)
        {
            estimated.Add(new CumulativeIncidenceStratum<TKey>(key, EstimateCurve(strata[key], shared, confidenceType, confidenceLevel, z)));
        }

        return new StratifiedCumulativeIncidence<TKey>(shared, estimated.MoveToImmutable(), EqualityComparer<TKey>.Default);
    }

    /// <summary>R's <c>survfit_confint</c> with <c>logse = FALSE</c>: the limits of p from the standard error of p itself.</summary>
    internal static (double Lower, double Upper) Limits(double probability, double standardError, ConfidenceIntervalType type, double z) =>
        KaplanMeier.Limits(probability, standardError == 0 ? 0 : standardError / probability, type, z);

    private static CumulativeIncidenceCurve EstimateCurve(
        IEnumerable<CompetingRiskRecord> records,
        ImmutableArray<string>? reasons,
        ConfidenceIntervalType type,
        double level,
        double z)
    {
        AalenJohansen estimator = new(reasons, records.TryGetNonEnumeratedCount(out int count) ? count : 16);
        switch (records)
        {
            case CompetingRiskRecord[] array:
                estimator.AddRange(array);
                break;
            case List<CompetingRiskRecord> list:
                estimator.AddRange(CollectionsMarshal.AsSpan(list));
                break;
            default:
                foreach (CompetingRiskRecord record in records)
                {
                    estimator.Add(in record);
                }

                break;
        }

        return estimator.Estimate(type, level, z);
    }

    private static ImmutableArray<string> Declared(IEnumerable<string> reasons)
    {
        ImmutableArray<string>.Builder list = ImmutableArray.CreateBuilder<string>();
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        foreach (string reason in reasons)
        {
            int index = list.Count;
            Guard.Against.NullAt(reason, index, "Reason", nameof(reasons));
            Guard.Against.Invalid(string.IsNullOrWhiteSpace(reason), $"Reason {index} is empty or white space.", nameof(reasons));
            Guard.Against.Duplicate(seen, reason, index, static (first, again) => string.Create(CultureInfo.InvariantCulture, $"Reason {again} repeats reason {first}."), nameof(reasons));
            list.Add(reason);
        }

        return list.DrainToImmutable();
    }
}
