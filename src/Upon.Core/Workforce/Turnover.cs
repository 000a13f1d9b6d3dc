namespace Upon.Core.Workforce;

/// <summary>
/// Turnover of Directors of Children's Services over one period, counted the way ADCS reports it:
/// the number of changes, the authorities with at least one change, each as a rate over the
/// authorities in the register for the period, and the stability index.
/// </summary>
/// <remarks>
/// <para>
/// A holder's consecutive appointments in one authority form one spell (an interim confirmed as
/// permanent is one spell). A <em>change</em> is a spell that starts in the period, both ends
/// included: a new holder taking up the post, interim and acting holders included, as ADCS counts
/// them (so changes ≥ authorities with a change). Looking through interim and acting holders counts
/// only spells that include a permanent appointment, joining a permanent holder's spells either side
/// of a stand-in; it never counts more changes than the full count.
/// </para>
/// <para>
/// Rates are over <see cref="AuthorityCount"/>, the authorities in force on at least one day of the
/// period. Changes in authorities not in force during the period are not in the rates; they are
/// counted in <see cref="ChangesOutsideRegister"/> so that none is lost.
/// </para>
/// <para>
/// Each change is also classified by where the new holder came from (<see cref="Origins"/>: a first
/// DCS post, a move from another authority, a return, or unknown where the data's history does not
/// reach back far enough; see <see cref="HistoryFrom"/>), and counted the way ADCS's table counts new
/// permanent DCSs and interim appointments (<see cref="NewPermanent"/>, <see cref="InterimAppointments"/>).
/// </para>
/// <para>Instances are immutable and thread-safe; equality is by reference.</para>
/// </remarks>
public sealed class Turnover
{
    private Turnover(DateInterval period, bool lookThroughInterim, int authorityCount, Counts counts, int changesOutsideRegister, StabilityIndex stability, LocalDate historyFrom)
    {
        Period = period;
        LookThroughInterim = lookThroughInterim;
        AuthorityCount = authorityCount;
        Changes = counts.Changes;
        AuthoritiesWithChange = counts.AuthoritiesWithChange;
        ChangesOutsideRegister = changesOutsideRegister;
        Stability = stability;
        Origins = new ChangeOrigins(counts.FirstTime, counts.Moves, counts.Returns, counts.Unknown);
        HistoryFrom = historyFrom;
        NewPermanent = counts.NewPermanent;
        InterimAppointments = counts.Interim;
    }

    /// <summary>Gets the period, both ends included.</summary>
    public DateInterval Period { get; }

    /// <summary>Gets a value indicating whether interim and acting holders were looked through.</summary>
    public bool LookThroughInterim { get; }

    /// <summary>Gets the number of authorities in the register in force on at least one day of the period: the rates' denominator.</summary>
    public int AuthorityCount { get; }

    /// <summary>Gets the number of changes of holder in those authorities during the period.</summary>
    public int Changes { get; }

    /// <summary>Gets the number of those authorities with at least one change during the period, at most <see cref="AuthorityCount"/> and at most <see cref="Changes"/>.</summary>
    public int AuthoritiesWithChange { get; }

    /// <summary>Gets the number of changes during the period in authorities the register does not have in force then (not in any rate).</summary>
    public int ChangesOutsideRegister { get; }

    /// <summary>Gets changes per authority, <see cref="Changes"/> / <see cref="AuthorityCount"/>: at least 0, above 1 when posts change hands more than once; null without authorities.</summary>
    public double? ChangeRate => AuthorityCount == 0 ? null : (double)Changes / AuthorityCount;

    /// <summary>Gets the share of authorities with at least one change, <see cref="AuthoritiesWithChange"/> / <see cref="AuthorityCount"/>, in [0, 1]; null without authorities.</summary>
    public double? AuthorityChangeRate => AuthorityCount == 0 ? null : (double)AuthoritiesWithChange / AuthorityCount;

    /// <summary>Gets the stability index at the period's end.</summary>
    public StabilityIndex Stability { get; }

    /// <summary>
    /// Gets the <see cref="Changes"/> by where the new holder came from: a first DCS post, a move from
    /// another authority, a return to the same post, or unknown (see <see cref="HolderSpell.OriginGiven"/>
    /// and <see cref="HistoryFrom"/>). Their <see cref="ChangeOrigins.Total"/> is <see cref="Changes"/>.
    /// </summary>
    public ChangeOrigins Origins { get; }

    /// <summary>
    /// Gets the first day of the data's history used to tell first DCS posts from unknown ones: a
    /// holder with no earlier spell counts as a first-time DCS only when their spell starts after it.
    /// It is the earliest appointment start in the data unless the caller gave another (the period's
    /// first day when there are no appointments).
    /// </summary>
    public LocalDate HistoryFrom { get; }

    /// <summary>
    /// Gets the number of new permanent DCSs in the period, read the way ADCS's table adds up: changes whose spell
    /// starts with a permanent appointment of a first-time DCS (<see cref="ChangeOrigin.FirstTime"/>). A permanent DCS
    /// who moves from another authority or returns is a change but not a new permanent DCS, and an interim confirmed in
    /// post was counted once, among <see cref="InterimAppointments"/>, when the spell began. So changes = new permanent
    /// DCSs + interim appointments + permanent appointments of DCSs who held a post before (or whose history the data do
    /// not reach): ADCS's own columns leave such a remainder every year (12 + 17 of 39 changes in 2020/21).
    /// </summary>
    public int NewPermanent { get; }

    /// <summary>
    /// Gets the number of interim appointments in the period, as ADCS counts them: changes whose spell
    /// starts with an interim or acting appointment. Looking through interim holders leaves only those
    /// later confirmed as permanent, so compare with ADCS without it.
    /// </summary>
    public int InterimAppointments { get; }

    /// <summary>Measures turnover over <paramref name="period"/>.</summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="register">The register giving the authorities in force.</param>
    /// <param name="period">The period, both ends included (see <see cref="TurnoverPeriods"/>).</param>
    /// <param name="lookThroughInterim">True to count only changes of permanent holder.</param>
    /// <param name="historyFrom">The first day from which the data hold every appointment (see <see cref="HistoryFrom"/>); null for the earliest appointment start.</param>
    /// <returns>The turnover.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    public static Turnover Measure(IEnumerable<Appointment> appointments, AuthorityRegister register, DateInterval period, bool lookThroughInterim = false, LocalDate? historyFrom = null)
    {
        Guard.Against.Null(appointments);
        Guard.Against.Null(register);
        Guard.Against.Null(period);
        SpellIndex spells = new(SpellTable.Build(appointments, lookThroughInterim));
        return Measure(spells, register, period, lookThroughInterim, historyFrom ?? spells.Table.EarliestStart ?? period.Start);
    }

    /// <summary>Measures turnover for each financial year from <paramref name="firstStartYear"/>/… to <paramref name="lastStartYear"/>/…, grouping the appointments once.</summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="register">The register giving the authorities in force.</param>
    /// <param name="firstStartYear">The calendar year the first financial year starts in.</param>
    /// <param name="lastStartYear">The calendar year the last financial year starts in, at least <paramref name="firstStartYear"/> and at most 9998.</param>
    /// <param name="lookThroughInterim">True to count only changes of permanent holder.</param>
    /// <param name="historyFrom">The first day from which the data hold every appointment (see <see cref="HistoryFrom"/>); null for the earliest appointment start.</param>
    /// <returns>One turnover per financial year, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A year is out of range or <paramref name="lastStartYear"/> is before <paramref name="firstStartYear"/>.</exception>
    public static ImmutableArray<Turnover> ByFinancialYear(IEnumerable<Appointment> appointments, AuthorityRegister register, int firstStartYear, int lastStartYear, bool lookThroughInterim = false, LocalDate? historyFrom = null)
    {
        Guard.Against.Null(appointments);
        Guard.Against.Null(register);
        Guard.Against.LessThan(firstStartYear, 1);
        Guard.Against.GreaterThan(lastStartYear, 9998);
        Guard.Against.LessThan(lastStartYear, firstStartYear);
        SpellIndex spells = new(SpellTable.Build(appointments, lookThroughInterim));
        LocalDate? earliest = spells.Table.EarliestStart;
        ImmutableArray<Turnover>.Builder series = ImmutableArray.CreateBuilder<Turnover>(lastStartYear - firstStartYear + 1);
        for (int year = firstStartYear; year <= lastStartYear; year++)
        {
            DateInterval period = TurnoverPeriods.FinancialYear(year);
            series.Add(Measure(spells, register, period, lookThroughInterim, historyFrom ?? earliest ?? period.Start));
        }

        return series.MoveToImmutable();
    }

    private static Turnover Measure(SpellIndex spells, AuthorityRegister register, DateInterval period, bool lookThroughInterim, LocalDate historyFrom)
    {
        ImmutableArray<Authority> inForce = register.InForceDuring(period);
        bool[] isInForce = new bool[spells.Table.Codes.Length];
        foreach (Authority authority in inForce)
        {
            if (spells.Table.AuthorityOf.TryGetValue(authority.Code, out int index))
            {
                isInForce[index] = true;
            }
        }

        Counts counts = default;
        int outside = 0;
        for (int authority = 0; authority < isInForce.Length; authority++)
        {
            if (isInForce[authority])
            {
                counts = counts.Add(spells.Count(authority, period, historyFrom));
            }
            else
            {
                outside += spells.CountStarts(authority, period);
            }
        }

        LocalDate end = period.End;
        LocalDate yearBefore = end.PlusYears(-1);
        int eligible = 0;
        int stable = 0;
        foreach (Authority authority in inForce)
        {
            // Declared before the condition, so that the index is assigned whichever way the condition is written
            // (a mutation tool that turns || into && must still compile).
            int index = -1;
            if (!authority.IsInForceOn(yearBefore) || !authority.IsInForceOn(end) || !spells.Table.AuthorityOf.TryGetValue(authority.Code, out index))
            {
                continue;
            }

            // A spell covering yearBefore that also covers end is one that started by yearBefore and ends no earlier than end.
            LocalDate latestEnd = spells.LatestEndOfSpellsStartingBy(index, yearBefore);
            eligible += latestEnd >= yearBefore ? 1 : 0;
            stable += latestEnd >= end ? 1 : 0;
        }

        return new Turnover(period, lookThroughInterim, inForce.Length, counts, outside, new StabilityIndex(yearBefore, end, eligible, stable), historyFrom);
    }

    /// <summary>The counts of one period, summed over authorities.</summary>
    private readonly record struct Counts(int Changes, int AuthoritiesWithChange, int FirstTime, int Moves, int Returns, int Unknown, int NewPermanent, int Interim)
    {
        public Counts Add(Counts other) => new(
            checked(Changes + other.Changes),
            checked(AuthoritiesWithChange + other.AuthoritiesWithChange),
            checked(FirstTime + other.FirstTime),
            checked(Moves + other.Moves),
            checked(Returns + other.Returns),
            checked(Unknown + other.Unknown),
            checked(NewPermanent + other.NewPermanent),
            checked(Interim + other.Interim));
    }

    /// <summary>
    /// The spells of a <see cref="SpellTable"/> with, per authority, the running latest end, for O(log n) queries per
    /// period: 4 bytes per spell on top of the table. Counts over the spells that start in a period are taken by walking
    /// them, which over a series of periods walks each spell once.
    /// </summary>
    private sealed class SpellIndex
    {
        private readonly LocalDate[] latestEnds; // latestEnds[i]: the latest end among its authority's spells up to i; LocalDate.MaxIsoValue for an open spell

        public SpellIndex(SpellTable table)
        {
            Table = table;
            latestEnds = new LocalDate[table.Count];
            for (int a = 0; a < table.Codes.Length; a++)
            {
                LocalDate latest = LocalDate.MinIsoValue;
                for (int i = table.Offsets[a]; i < table.Offsets[a + 1]; i++)
                {
                    LocalDate spellEnd = table.EndOrMax(i);
                    latest = spellEnd > latest ? spellEnd : latest;
                    latestEnds[i] = latest;
                }
            }
        }

        public SpellTable Table { get; }

        /// <summary>The number of an authority's spells starting within the period, both ends included.</summary>
        public int CountStarts(int authority, DateInterval period) =>
            CountStartsBefore(authority, period.End, inclusive: true) - CountStartsBefore(authority, period.Start, inclusive: false);

        /// <summary>The counts of an authority's spells starting within the period, both ends included.</summary>
        public Counts Count(int authority, DateInterval period, LocalDate historyFrom)
        {
            int low = Table.Offsets[authority] + CountStartsBefore(authority, period.Start, inclusive: false);
            int high = Table.Offsets[authority] + CountStartsBefore(authority, period.End, inclusive: true);
            int firstTime = 0;
            int moves = 0;
            int returns = 0;
            int unknown = 0;
            int interim = 0;
            int newPermanent = 0;
            for (int i = low; i < high; i++)
            {
                bool startsInterim = Table.StartsInterim(i);
                switch (Table.OriginGiven(i, historyFrom))
                {
                    case ChangeOrigin.Return:
                        returns++;
                        break;
                    case ChangeOrigin.Move:
                        moves++;
                        break;
                    case ChangeOrigin.FirstTime:
                        firstTime++;
                        newPermanent += startsInterim ? 0 : 1;
                        break;
                    default:
                        unknown++;
                        break;
                }

                interim += startsInterim ? 1 : 0;
            }

            int changes = high - low;
            return new Counts(changes, changes > 0 ? 1 : 0, firstTime, moves, returns, unknown, newPermanent, interim);
        }

        /// <summary>The latest last day of an authority's spells that start on or before <paramref name="date"/>; MinIsoValue when there are none.</summary>
        public LocalDate LatestEndOfSpellsStartingBy(int authority, LocalDate date)
        {
            int count = CountStartsBefore(authority, date, inclusive: true);
            return count == 0 ? LocalDate.MinIsoValue : latestEnds[Table.Offsets[authority] + count - 1];
        }

        /// <summary>The number of an authority's spells that start before <paramref name="date"/>, or on it when <paramref name="inclusive"/>.</summary>
        private int CountStartsBefore(int authority, LocalDate date, bool inclusive)
        {
            int first = Table.Offsets[authority];
            return PartitionPoint.Find(first, Table.Offsets[authority + 1], (Table, date, inclusive), static (s, i) => IsBefore(s.Table.Start(i), s.date, s.inclusive)) - first;
        }

        private static bool IsBefore(LocalDate value, LocalDate date, bool inclusive) => value < date || (inclusive && value == date);
    }

    /// <summary>
    /// Says what was measured: for example <c>2019-04-01 to 2020-03-31: 57 changes in 48 of 151 authorities; change
    /// rate 37.7%, authority change rate 31.8%, stability 70.2%</c> (rates to one decimal place; <c>-</c> where there is none).
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{NodaTime.Text.LocalDatePattern.Iso.Format(Period.Start)} to {NodaTime.Text.LocalDatePattern.Iso.Format(Period.End)}: {Changes} changes in {AuthoritiesWithChange} of {AuthorityCount} authorities; change rate {SurvivalText.Percent(ChangeRate)}, authority change rate {SurvivalText.Percent(AuthorityChangeRate)}, stability {SurvivalText.Percent(Stability.Value)}");
}
