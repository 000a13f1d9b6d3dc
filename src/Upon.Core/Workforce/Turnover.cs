using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

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
/// <para>Instances are immutable and thread-safe; equality is by reference.</para>
/// </remarks>
public sealed class Turnover
{
    private Turnover(DateInterval period, bool lookThroughInterim, int authorityCount, int changes, int authoritiesWithChange, int changesOutsideRegister, StabilityIndex stability)
    {
        Period = period;
        LookThroughInterim = lookThroughInterim;
        AuthorityCount = authorityCount;
        Changes = changes;
        AuthoritiesWithChange = authoritiesWithChange;
        ChangesOutsideRegister = changesOutsideRegister;
        Stability = stability;
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

    /// <summary>Measures turnover over <paramref name="period"/>.</summary>
    /// <param name="appointments">The appointments, in any order.</param>
    /// <param name="register">The register giving the authorities in force.</param>
    /// <param name="period">The period, both ends included (see <see cref="TurnoverPeriods"/>).</param>
    /// <param name="lookThroughInterim">True to count only changes of permanent holder.</param>
    /// <returns>The turnover.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    public static Turnover Measure(IEnumerable<Appointment> appointments, AuthorityRegister register, DateInterval period, bool lookThroughInterim = false)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(period);
        return Measure(SpellIndex.Build(HolderSpells.ByAuthority(appointments, lookThroughInterim)), register, period, lookThroughInterim);
    }

    /// <summary>Measures turnover for each financial year from <paramref name="firstStartYear"/>/… to <paramref name="lastStartYear"/>/…, grouping the appointments once.</summary>
    /// <param name="appointments">The appointments, in any order.</param>
    /// <param name="register">The register giving the authorities in force.</param>
    /// <param name="firstStartYear">The calendar year the first financial year starts in.</param>
    /// <param name="lastStartYear">The calendar year the last financial year starts in, at least <paramref name="firstStartYear"/> and at most 9998.</param>
    /// <param name="lookThroughInterim">True to count only changes of permanent holder.</param>
    /// <returns>One turnover per financial year, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument or an appointment is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A year is out of range or <paramref name="lastStartYear"/> is before <paramref name="firstStartYear"/>.</exception>
    public static ImmutableArray<Turnover> ByFinancialYear(IEnumerable<Appointment> appointments, AuthorityRegister register, int firstStartYear, int lastStartYear, bool lookThroughInterim = false)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstStartYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastStartYear, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastStartYear, firstStartYear);
        Dictionary<string, SpellIndex> spells = SpellIndex.Build(HolderSpells.ByAuthority(appointments, lookThroughInterim));
        ImmutableArray<Turnover>.Builder series = ImmutableArray.CreateBuilder<Turnover>(lastStartYear - firstStartYear + 1);
        for (int year = firstStartYear; year <= lastStartYear; year++)
        {
            series.Add(Measure(spells, register, TurnoverPeriods.FinancialYear(year), lookThroughInterim));
        }

        return series.MoveToImmutable();
    }

    private static Turnover Measure(Dictionary<string, SpellIndex> spells, AuthorityRegister register, DateInterval period, bool lookThroughInterim)
    {
        ImmutableArray<Authority> inForce = register.InForceDuring(period);
        HashSet<string> inForceCodes = new(StringComparer.Ordinal);
        foreach (Authority authority in inForce)
        {
            inForceCodes.Add(authority.Code);
        }

        int changes = 0;
        int authoritiesWithChange = 0;
        int outside = 0;
        foreach ((string code, SpellIndex index) in spells)
        {
            int here = index.CountStarts(period);
            if (inForceCodes.Contains(code))
            {
                changes += here;
                authoritiesWithChange += here > 0 ? 1 : 0;
            }
            else
            {
                outside += here;
            }
        }

        LocalDate end = period.End;
        LocalDate yearBefore = end.PlusYears(-1);
        int eligible = 0;
        int stable = 0;
        foreach (Authority authority in inForce)
        {
            if (!authority.IsInForceOn(yearBefore) || !authority.IsInForceOn(end) || !spells.TryGetValue(authority.Code, out SpellIndex? index))
            {
                continue;
            }

            // A spell covering yearBefore that also covers end is one that started by yearBefore and ends no earlier than end.
            LocalDate latestEnd = index.LatestEndOfSpellsStartingBy(yearBefore);
            eligible += latestEnd >= yearBefore ? 1 : 0;
            stable += latestEnd >= end ? 1 : 0;
        }

        return new Turnover(period, lookThroughInterim, inForce.Length, changes, authoritiesWithChange, outside, new StabilityIndex(yearBefore, end, eligible, stable));
    }

    /// <summary>One authority's spells as sorted starts with the running latest end, for O(log n) queries per period.</summary>
    private sealed class SpellIndex
    {
        private readonly LocalDate[] starts;
        private readonly LocalDate[] latestEnds; // latestEnds[i]: the latest end among spells 0..i; LocalDate.MaxIsoValue for an open spell

        private SpellIndex(List<HolderSpell> spells)
        {
            starts = new LocalDate[spells.Count];
            latestEnds = new LocalDate[spells.Count];
            LocalDate latest = LocalDate.MinIsoValue;
            for (int i = 0; i < spells.Count; i++)
            {
                starts[i] = spells[i].Start;
                LocalDate spellEnd = spells[i].End ?? LocalDate.MaxIsoValue;
                latest = spellEnd > latest ? spellEnd : latest;
                latestEnds[i] = latest;
            }
        }

        public static Dictionary<string, SpellIndex> Build(Dictionary<string, List<HolderSpell>> spells)
        {
            Dictionary<string, SpellIndex> result = new(spells.Count, StringComparer.Ordinal);
            foreach ((string code, List<HolderSpell> list) in spells)
            {
                result.Add(code, new SpellIndex(list));
            }

            return result;
        }

        /// <summary>The number of spells starting within the period, both ends included.</summary>
        public int CountStarts(DateInterval period) => CountStarting(period.End, inclusive: true) - CountStarting(period.Start, inclusive: false);

        /// <summary>The latest last day of the spells that start on or before <paramref name="date"/>; MinIsoValue when there are none.</summary>
        public LocalDate LatestEndOfSpellsStartingBy(LocalDate date)
        {
            int count = CountStarting(date, inclusive: true);
            return count == 0 ? LocalDate.MinIsoValue : latestEnds[count - 1];
        }

        /// <summary>The number of spells starting before <paramref name="date"/>, or on it when <paramref name="inclusive"/>.</summary>
        private int CountStarting(LocalDate date, bool inclusive)
        {
            int low = 0;
            int high = starts.Length;
            while (low < high)
            {
                int mid = low + ((high - low) / 2);
                if (starts[mid] < date || (inclusive && starts[mid] == date))
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}

/// <summary>
/// The stability index: the share of authorities whose DCS a year before a date is still in post on
/// that date (the same unbroken spell), among the authorities in force on both dates that had a DCS
/// a year before.
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="From">The date a year before (same day and month; 29 February goes to 28 February).</param>
/// <param name="To">The date the holders are checked on: the period's last day.</param>
/// <param name="Eligible">The authorities in force on both dates with a DCS on <paramref name="From"/>.</param>
/// <param name="Stable">Those whose DCS on <paramref name="From"/> is still in post on <paramref name="To"/>, at most <paramref name="Eligible"/>.</param>
public readonly record struct StabilityIndex(LocalDate From, LocalDate To, int Eligible, int Stable)
{
    /// <summary>Gets <see cref="Stable"/> / <see cref="Eligible"/>, in [0, 1]; null when no authority is eligible.</summary>
    public double? Value => Eligible == 0 ? null : (double)Stable / Eligible;
}
