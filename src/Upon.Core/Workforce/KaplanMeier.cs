namespace Upon.Core.Workforce;

/// <summary>Fits Kaplan–Meier survival curves the way R's <c>survival::survfit</c> does.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class KaplanMeier
{
    /// <summary>The confidence level used unless another is given: 0.95.</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>
    /// Fits the Kaplan–Meier curve of <paramref name="records"/>, with Greenwood standard errors,
    /// pointwise confidence limits and the Nelson–Aalen cumulative hazard at every distinct exit time,
    /// as R's <c>survfit(Surv(entry, exit, event) ~ 1, conf.type = ..., conf.int = level)</c>.
    /// </summary>
    /// <param name="records">The records, in any order (the order never changes the result).</param>
    /// <param name="confidenceType">How confidence limits are computed; R's default is <see cref="ConfidenceIntervalType.Log"/>.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <returns>The curve; with no records it has no points and survival 1 throughout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">A record is <c>default</c> (its exit is not after its entry).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> is out of range.</exception>
    public static KaplanMeierCurve Fit(
        IEnumerable<TenureRecord> records,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = DefaultConfidenceLevel)
    {
        Guard.Against.Null(records);
        CheckType(confidenceType);
        double z = SurvivalMath.TwoSidedZ(confidenceLevel, nameof(confidenceLevel));

        int count = records is ICollection<TenureRecord> collection ? collection.Count : 16;
        double[] exits = new double[count];
        bool[] isEvent = new bool[count];
        double[] entries = new double[count];
        int n = 0;
        bool delayed = false;
        foreach (TenureRecord record in records)
        {
            Guard.Against.Invalid(!record.IsValid, "A tenure record's exit must be after its entry; default(TenureRecord) is not a record.", nameof(records));

            if (n == exits.Length)
            {
                int size = checked(Math.Max(16, n * 2));
                Array.Resize(ref exits, size);
                Array.Resize(ref isEvent, size);
                Array.Resize(ref entries, size);
            }

            exits[n] = record.Exit;
            isEvent[n] = record.IsEvent;
            entries[n] = record.Entry;
            delayed |= record.Entry > 0;
            n++;
        }

        return Build(exits.AsSpan(0, n), isEvent.AsSpan(0, n), delayed ? entries.AsSpan(0, n) : [], confidenceType, confidenceLevel, z);
    }

    /// <summary>
    /// Fits one Kaplan–Meier curve per key, as R's <c>survfit(Surv(entry, exit, event) ~ key)</c>, and
    /// tests equal survival across the keys with the log-rank test, as <c>survdiff(Surv(time, event) ~ key)</c>,
    /// when every record starts at 0.
    /// </summary>
    /// <param name="records">The records with their keys, in any order.</param>
    /// <param name="confidenceType">How confidence limits are computed; R's default is <see cref="ConfidenceIntervalType.Log"/>.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="keyOrder">The order of the strata; null for ordinal order of strings and <see cref="Comparer{T}.Default"/> otherwise. Keys are told apart by <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>The curves by stratum, with the log-rank test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or a key is null.</exception>
    /// <exception cref="ArgumentException">A record is <c>default</c> (its exit is not after its entry).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> is out of range.</exception>
    public static StratifiedKaplanMeier<TKey> FitBy<TKey>(
        IEnumerable<(TKey Key, TenureRecord Record)> records,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = DefaultConfidenceLevel,
        IComparer<TKey>? keyOrder = null)
        where TKey : notnull
    {
        Guard.Against.Null(records);
        CheckType(confidenceType);
        _ = SurvivalMath.TwoSidedZ(confidenceLevel, nameof(confidenceLevel));
        Dictionary<TKey, List<TenureRecord>> strata = [];
        bool delayed = false;
        foreach ((TKey key, TenureRecord record) in records)
        {
            Guard.Against.Null(key, nameof(records), "A record's key is null.");

            Guard.Against.Invalid(!record.IsValid, "A tenure record's exit must be after its entry; default(TenureRecord) is not a record.", nameof(records));

            if (!strata.TryGetValue(key, out List<TenureRecord>? list))
            {
                list = [];
                strata.Add(key, list);
            }

            list.Add(record);
            delayed |= record.Entry > 0;
        }

        List<TKey> keys = [.. strata.Keys];
        keys.Sort(keyOrder ?? (typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : Comparer<TKey>.Default));
        ImmutableArray<KaplanMeierStratum<TKey>>.Builder fitted = ImmutableArray.CreateBuilder<KaplanMeierStratum<TKey>>(keys.Count);
        List<(TKey, TenureRecord)> grouped = [];
        foreach (TKey key in keys)
        {
            List<TenureRecord> list = strata[key];
            fitted.Add(new KaplanMeierStratum<TKey>(key, Fit(list, confidenceType, confidenceLevel)));
            if (!delayed)
            {
                foreach (TenureRecord record in list)
                {
                    grouped.Add((key, record));
                }
            }
        }

        LogRankTest<TKey>? test = delayed || keys.Count < 2 ? null : LogRank.Compare(grouped);
        return new StratifiedKaplanMeier<TKey>(fitted.MoveToImmutable(), test, EqualityComparer<TKey>.Default);
    }

    internal static void CheckType(ConfidenceIntervalType confidenceType)
    {
        Guard.Against.UndefinedEnum(confidenceType, nameof(confidenceType), "The confidence interval type must be Log, Plain or LogLog.");
    }

    /// <summary>Builds the curve; sorts the spans in place. An empty <paramref name="entries"/> means every entry is 0.</summary>
    private static KaplanMeierCurve Build(
        Span<double> exits,
        Span<bool> isEvent,
        Span<double> entries,
        ConfidenceIntervalType type,
        double level,
        double z)
    {
        int n = exits.Length;
        exits.Sort(isEvent);
        entries.Sort();

        ImmutableArray<KaplanMeierPoint>.Builder points = ImmutableArray.CreateBuilder<KaplanMeierPoint>();
        double survival = 1.0;
        double greenwood = 0.0;
        double hazard = 0.0;
        double hazardVariance = 0.0;
        long totalEvents = 0;
        int entryIndex = 0; // entries[..entryIndex] are below the current time
        int i = 0;
        while (i < n)
        {
            double time = exits[i];
            int first = i;
            long events = 0;
            while (i < n && exits[i] == time)
            {
                if (isEvent[i])
                {
                    events++;
                }

                i++;
            }

            while (entryIndex < entries.Length && entries[entryIndex] < time)
            {
                entryIndex++;
            }

            // At risk: exit ≥ time, less those whose entry ≥ time (they have not joined yet).
            long atRisk = (n - first) - (entries.Length - entryIndex);
            long censored = (i - first) - events;
            if (events > 0)
            {
                survival *= (double)(atRisk - events) / atRisk;
                greenwood = atRisk > events ? greenwood + ((double)events / ((double)atRisk * (atRisk - events))) : double.PositiveInfinity;
                hazard += (double)events / atRisk;
                hazardVariance += (double)events / ((double)atRisk * atRisk);
                totalEvents += events;
            }

            double standardError = Math.Sqrt(greenwood);
            (double lower, double upper) = Limits(survival, standardError, type, z);
            points.Add(new KaplanMeierPoint(time, atRisk, events, censored, survival, standardError, lower, upper, hazard, Math.Sqrt(hazardVariance)));
        }

        return new KaplanMeierCurve(points.ToImmutable(), n, totalEvents, type, level);
    }

    /// <summary>R's <c>survfit_confint</c> with <c>logse = TRUE</c>: the limits of S from the standard error of log S.</summary>
    internal static (double Lower, double Upper) Limits(double survival, double standardError, ConfidenceIntervalType type, double z)
    {
        switch (type)
        {
            case ConfidenceIntervalType.Plain:
                {
                    double width = standardError * survival * z;
                    return (Math.Max(survival - width, 0), Math.Min(survival + width, 1));
                }

            case ConfidenceIntervalType.LogLog:
                {
                    if (survival == 0 || survival == 1)
                    {
                        return (double.NaN, double.NaN);
                    }

                    double logS = Math.Log(survival);
                    double width = z * standardError / logS;
                    double center = Math.Log(-logS);
                    return (Math.Exp(-Math.Exp(center - width)), Math.Exp(-Math.Exp(center + width)));
                }

            default:
                {
                    if (survival == 0)
                    {
                        return (double.NaN, double.NaN);
                    }

                    double logS = Math.Log(survival);
                    double width = z * standardError;
                    return (Math.Exp(logS - width), Math.Min(Math.Exp(logS + width), 1));
                }
        }
    }
}
