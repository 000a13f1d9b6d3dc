namespace Upon.Core.Workforce;

/// <summary>
/// The named ways of measuring how long DCSs stay in post. They answer different questions and give
/// different numbers from the same records (30 and 47 months in published sources), so each is
/// named; see docs/workforce.md.
/// </summary>
/// <remarks>
/// <para>
/// Every measure works on holder spells: a holder's consecutive appointments in one authority
/// joined (an interim confirmed as permanent is one spell), or, looking through interim and acting
/// holders, only spells that include a permanent appointment. A spell from its first to its last day,
/// both included, lasts last − first + 1 days; lengths are in days, and <see cref="DaysPerMonth"/>
/// converts them to average months.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static partial class TenureMeasures
{
    /// <summary>The average length of a Gregorian year in days, 365.2425.</summary>
    public const double DaysPerYear = 365.2425;

    /// <summary>The average length of a Gregorian month in days, 365.2425 / 12 = 30.436875.</summary>
    public const double DaysPerMonth = DaysPerYear / 12;

    /// <summary>
    /// The mean and median length of the tenures that ended in <paramref name="window"/> (last day in
    /// post within it, both ends included). Holders still in post are left out, which biases the
    /// figure towards short tenures.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="window">The window the tenures ended in.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>The lengths' count, mean and median in days.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    public static TenureSummary CompletedTenures(IEnumerable<Appointment> appointments, DateInterval window, bool lookThroughInterim = false)
    {
        Guard.Against.Null(window);
        List<long> lengths = [];
        SpellTable spells = SpellTable.Build(appointments, lookThroughInterim);
        for (int i = 0; i < spells.Count; i++)
        {
            HolderSpell spell = spells[i];
            if (spell.End is LocalDate end && window.Contains(end))
            {
                lengths.Add(spell.DaysTo(end));
            }
        }

        return TenureSummary.Of(lengths);
    }

    /// <summary>
    /// The mean and median time in post, on <paramref name="date"/>, of the holders then in post:
    /// date − first day + 1 days each. ADCS's "average tenure" is this measure on 31 March. The
    /// tenures are unfinished (right-censored), so this is neither a mean of completed tenures nor a
    /// survival estimate.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="date">The date the holders are in post on.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>The count of holders in post and the mean and median of their time in post, in days.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an appointment is null.</exception>
    public static TenureSummary TimeInPost(IEnumerable<Appointment> appointments, LocalDate date, bool lookThroughInterim = false)
    {
        List<long> lengths = [];
        SpellTable spells = SpellTable.Build(appointments, lookThroughInterim);
        for (int i = 0; i < spells.Count; i++)
        {
            HolderSpell spell = spells[i];
            if (spell.Covers(date))
            {
                lengths.Add(spell.DaysTo(date));
            }
        }

        return TenureSummary.Of(lengths);
    }

    /// <summary>
    /// The tenure records, in days, for a Kaplan–Meier estimate over <paramref name="observation"/>:
    /// every spell in post on at least one day of the window. A spell that ended in the window is an
    /// event at its length; one still in post at the window's end (the as-of date) is censored at its
    /// length so far; one that began before the window enters late (left truncation) at the days it
    /// had served before the window opened, so that it only counts once observed.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>One record per spell, times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    public static IReadOnlyList<TenureRecord> TenureRecords(IEnumerable<Appointment> appointments, DateInterval observation, bool lookThroughInterim = false)
    {
        Guard.Against.Null(observation);
        return Records(appointments, observation, lookThroughInterim, static (_, record) => record);
    }

    /// <summary>
    /// The tenure records of <see cref="TenureRecords"/>, each with its spell's key: the input of a
    /// stratified Kaplan–Meier estimate (<see cref="KaplanMeier.FitBy{TKey}"/>).
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="key">The stratum of a spell, for example <c>s =&gt; s.StartKind</c> or <c>s =&gt; s.StartFinancialYear</c>; never null.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>One record per spell with its key, times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument, an appointment or a key is null.</exception>
    public static IReadOnlyList<(TKey Key, TenureRecord Record)> TenureRecordsBy<TKey>(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        Func<HolderSpell, TKey> key,
        bool lookThroughInterim = false)
        where TKey : notnull
    {
        Guard.Against.Null(observation);
        Guard.Against.Null(key);
        return Records(appointments, observation, lookThroughInterim, (spell, record) => (KeyOf(key, spell), record));
    }

    /// <summary>The Kaplan–Meier estimate of tenure, in days, from <see cref="TenureRecords"/>: censoring-aware, with delayed entry.</summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="confidenceType">How confidence limits are computed.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>The survival curve of tenure; times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> out of range.</exception>
    public static KaplanMeierCurve KaplanMeierTenure(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = KaplanMeier.DefaultConfidenceLevel,
        bool lookThroughInterim = false) =>
        KaplanMeier.Fit(TenureRecords(appointments, observation, lookThroughInterim), confidenceType, confidenceLevel);

    /// <summary>
    /// Kaplan–Meier estimates of tenure, in days, stratified by a key of each spell (as R's
    /// <c>survfit(Surv(entry, exit, event) ~ key)</c>): one curve per key from <see cref="TenureRecordsBy{TKey}"/>,
    /// with the log-rank test across the keys when no spell began before the window (no delayed entry).
    /// </summary>
    /// <remarks>
    /// A spell's <see cref="HolderSpell.StartKind"/> is how it began: an interim confirmed as permanent is
    /// one spell that started as interim, so stratifying by it compares spells that began as stand-ins
    /// with those that began as permanent appointments. Looking through interim holders keeps only
    /// spells with a permanent appointment, which changes what the interim stratum holds.
    /// </remarks>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="key">The stratum of a spell, for example <c>s =&gt; s.StartKind</c>, <c>s =&gt; s.StartYear</c>, <c>s =&gt; s.StartFinancialYear</c> or <c>s =&gt; alumni.Contains(s.HolderId)</c>; never null.</param>
    /// <param name="confidenceType">How confidence limits are computed.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <param name="keyOrder">The order of the strata; null for ordinal order of strings and the default comparer otherwise.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>The curves of tenure by stratum; times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument, an appointment or a key is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> out of range.</exception>
    public static StratifiedKaplanMeier<TKey> KaplanMeierTenureBy<TKey>(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        Func<HolderSpell, TKey> key,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = KaplanMeier.DefaultConfidenceLevel,
        bool lookThroughInterim = false,
        IComparer<TKey>? keyOrder = null)
        where TKey : notnull =>
        KaplanMeier.FitBy(TenureRecordsBy(appointments, observation, key, lookThroughInterim), confidenceType, confidenceLevel, keyOrder);

    /// <summary>
    /// The competing-risk records of tenure, in days, over <paramref name="observation"/>: the spells and times of
    /// <see cref="TenureRecords"/>, each ended spell with its <see cref="HolderSpell.ExitReason"/> as the reason
    /// (<see cref="ExitReason.Unknown"/> when the records give none: the spell ended, so it is not censored), and a
    /// spell still in post at the window's end censored (a null reason).
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>One record per spell, times in days, reasons by their codes.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    public static IReadOnlyList<CompetingRiskRecord> CompetingRiskRecords(IEnumerable<Appointment> appointments, DateInterval observation, bool lookThroughInterim = false)
    {
        Guard.Against.Null(observation);
        return Records(appointments, observation, lookThroughInterim, CompetingRecordOf);
    }

    /// <summary>
    /// The competing-risk records of <see cref="CompetingRiskRecords"/>, each with its spell's key: the input of a
    /// stratified cumulative incidence (<see cref="CumulativeIncidence.EstimateBy{TKey}"/>).
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="key">The stratum of a spell, for example <c>s =&gt; s.StartKind</c>; never null.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>One record per spell with its key, times in days, reasons by their codes.</returns>
    /// <exception cref="ArgumentNullException">An argument, an appointment or a key is null.</exception>
    public static IReadOnlyList<(TKey Key, CompetingRiskRecord Record)> CompetingRiskRecordsBy<TKey>(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        Func<HolderSpell, TKey> key,
        bool lookThroughInterim = false)
        where TKey : notnull
    {
        Guard.Against.Null(observation);
        Guard.Against.Null(key);
        return Records(appointments, observation, lookThroughInterim, (spell, record) => (KeyOf(key, spell), CompetingRecordOf(spell, record)));
    }

    /// <summary>
    /// Why tenures end: the cumulative incidence of each exit reason and the probability of still being in post, in
    /// days, from <see cref="CompetingRiskRecords"/> (censoring-aware, with delayed entry). Its probability of being in
    /// post is <see cref="KaplanMeierTenure"/>'s survival.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="reasons">
    /// The reasons' codes in the order wanted, including any no spell ended for; null for
    /// <see cref="ExitReason.WellKnown"/> in its order followed by the user's own codes found, in ordinal order.
    /// </param>
    /// <param name="confidenceType">How confidence limits are computed.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>The curves; times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    /// <exception cref="ArgumentException">A reason in <paramref name="reasons"/> is null, empty, white space or repeated, or a spell's reason is not in it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> out of range.</exception>
    public static CumulativeIncidenceCurve CumulativeIncidenceTenure(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        IEnumerable<string>? reasons = null,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = CumulativeIncidence.DefaultConfidenceLevel,
        bool lookThroughInterim = false)
    {
        IReadOnlyList<CompetingRiskRecord> records = CompetingRiskRecords(appointments, observation, lookThroughInterim);
        return CumulativeIncidence.Estimate(records, reasons ?? ReasonsOf(records.Select(r => r.Reason)), confidenceType, confidenceLevel);
    }

    /// <summary>
    /// The cumulative incidence of each exit reason, in days, by a key of each spell (as R's
    /// <c>survfit(Surv(entry, exit, reason) ~ key)</c>): one set of curves per key from <see cref="CompetingRiskRecordsBy{TKey}"/>,
    /// all with the same reasons.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="key">The stratum of a spell; never null.</param>
    /// <param name="reasons">The reasons' codes in the order wanted; null as for <see cref="CumulativeIncidenceTenure"/>.</param>
    /// <param name="confidenceType">How confidence limits are computed.</param>
    /// <param name="confidenceLevel">The confidence level, above 0 and at most 0.999999.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <param name="keyOrder">The order of the strata; null for ordinal order of strings and the default comparer otherwise.</param>
    /// <typeparam name="TKey">The stratum key.</typeparam>
    /// <returns>The curves by stratum; times in days.</returns>
    /// <exception cref="ArgumentNullException">An argument, an appointment or a key is null.</exception>
    /// <exception cref="ArgumentException">A reason in <paramref name="reasons"/> is null, empty, white space or repeated, or a spell's reason is not in it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceType"/> is undefined or <paramref name="confidenceLevel"/> out of range.</exception>
    public static StratifiedCumulativeIncidence<TKey> CumulativeIncidenceTenureBy<TKey>(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        Func<HolderSpell, TKey> key,
        IEnumerable<string>? reasons = null,
        ConfidenceIntervalType confidenceType = ConfidenceIntervalType.Log,
        double confidenceLevel = CumulativeIncidence.DefaultConfidenceLevel,
        bool lookThroughInterim = false,
        IComparer<TKey>? keyOrder = null)
        where TKey : notnull
    {
        IReadOnlyList<(TKey Key, CompetingRiskRecord Record)> records = CompetingRiskRecordsBy(appointments, observation, key, lookThroughInterim);
        return CumulativeIncidence.EstimateBy(records, reasons ?? ReasonsOf(records.Select(r => r.Record.Reason)), confidenceType, confidenceLevel, keyOrder);
    }

    /// <summary>
    /// The steady-state link between turnover and tenure: when the number of posts is stable and every
    /// post is always filled, each post changes hands once per mean tenure, so the yearly change
    /// rate (changes per authority per year) ≈ 1 / mean tenure in years = 365.2425 / mean tenure in days.
    /// A mean tenure of 30 months gives 0.4 changes per authority per year.
    /// </summary>
    /// <param name="meanTenureDays">The mean tenure in days, finite and above 0.</param>
    /// <returns>The yearly change rate it implies.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meanTenureDays"/> is not finite or not above 0.</exception>
    public static double SteadyStateYearlyChangeRate(double meanTenureDays)
    {
        CheckPositive(meanTenureDays, nameof(meanTenureDays));
        return DaysPerYear / meanTenureDays;
    }

    /// <summary>The inverse of <see cref="SteadyStateYearlyChangeRate"/>: mean tenure in days ≈ 365.2425 / yearly change rate.</summary>
    /// <param name="yearlyChangeRate">Changes per authority per year, finite and above 0.</param>
    /// <returns>The mean tenure in days it implies.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearlyChangeRate"/> is not finite or not above 0.</exception>
    public static double SteadyStateMeanTenureDays(double yearlyChangeRate)
    {
        CheckPositive(yearlyChangeRate, nameof(yearlyChangeRate));
        return DaysPerYear / yearlyChangeRate;
    }

    /// <summary>The tenure record of a spell in post on at least one day of the window; null for other spells.</summary>
    private static TenureRecord? RecordOf(HolderSpell spell, DateInterval observation)
    {
        if (spell.Start > observation.End || (spell.End is LocalDate last && last < observation.Start))
        {
            return null;
        }

        bool ended = spell.End is LocalDate end && end <= observation.End;
        double exit = spell.DaysTo(observation.End);
        double entry = spell.Start < observation.Start ? Period.DaysBetween(spell.Start, observation.Start) : 0;
        return new TenureRecord(entry, exit, ended);
    }

    /// <summary>One item per spell observed in <paramref name="observation"/>, made from the spell and its tenure record, in spell order.</summary>
    private static List<T> Records<T>(IEnumerable<Appointment> appointments, DateInterval observation, bool lookThroughInterim, Func<HolderSpell, TenureRecord, T> make)
    {
        List<T> records = [];
        SpellTable spells = SpellTable.Build(appointments, lookThroughInterim);
        for (int i = 0; i < spells.Count; i++)
        {
            HolderSpell spell = spells[i];
            if (RecordOf(spell, observation) is TenureRecord record)
            {
                records.Add(make(spell, record));
            }
        }

        return records;
    }

    private static TKey KeyOf<TKey>(Func<HolderSpell, TKey> key, HolderSpell spell)
        where TKey : notnull =>
        Guard.Against.Null(key(spell), nameof(key), "The key of a spell is null.");

    private static CompetingRiskRecord CompetingRecordOf(HolderSpell spell, TenureRecord record) =>
        new(record.Entry, record.Exit, record.IsEvent ? (spell.ExitReason ?? ExitReason.Unknown).Code : null);

    /// <summary>The well-known reasons' codes in their order, then the other codes of <paramref name="found"/> in ordinal order.</summary>
    private static List<string> ReasonsOf(IEnumerable<string?> found)
    {
        List<string> reasons = [.. ExitReason.WellKnown.Select(r => r.Code)];
        SortedSet<string> others = new(StringComparer.Ordinal);
        foreach (string? code in found)
        {
            if (code is not null && !reasons.Contains(code, StringComparer.Ordinal))
            {
                others.Add(code);
            }
        }

        reasons.AddRange(others);
        return reasons;
    }

    private static void CheckPositive(double value, string paramName)
    {
        Guard.Against.OutOfRange(!double.IsFinite(value) || value <= 0, "The value must be finite and above 0.", paramName);
    }
}
