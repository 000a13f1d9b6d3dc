using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;

namespace Upon.Core.Workforce;

/// <summary>
/// One holder's unbroken time as DCS of one authority: consecutive appointments of the same holder
/// in an authority (for example interim, then confirmed as permanent) joined into one spell.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> is the first day in post and <see cref="End"/> the last, both included; a spell
/// without an end is current. Spells come from <see cref="HolderSpells.Of"/>; they are the units
/// that turnover counts (a spell starting in a period is a change) and that tenure measures time.
/// </para>
/// <para>
/// <see cref="HeldPostHereBefore"/> and <see cref="HeldPostElsewhereBefore"/> look at every spell of
/// the same holder in the data, interim and acting spells included, that starts strictly before this
/// one (whatever the look-through option): they give a change's origin (see <see cref="ChangeOrigin"/>).
/// </para>
/// <para>Equality is by value over every member. <c>default</c> is not a spell (its codes are null).</para>
/// </remarks>
public readonly record struct HolderSpell
{
    internal HolderSpell(string authorityCode, string holderId, LocalDate start, LocalDate? end, AppointmentKind startKind, LocalDate? permanentFrom)
    {
        AuthorityCode = authorityCode;
        HolderId = holderId;
        Start = start;
        End = end;
        StartKind = startKind;
        PermanentFrom = permanentFrom;
    }

    /// <summary>Gets the authority's code.</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the pseudonymous identifier of the holder.</summary>
    public string HolderId { get; }

    /// <summary>Gets the first day in post.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day in post (included), or null while the holder is in post.</summary>
    public LocalDate? End { get; internal init; }

    /// <summary>
    /// Gets how the holder first held the post in this spell: the kind of the spell's first appointment
    /// (an interim later confirmed as permanent started as <see cref="AppointmentKind.Interim"/>).
    /// </summary>
    public AppointmentKind StartKind { get; }

    /// <summary>Gets the first day of the spell's first permanent appointment, or null when the spell has none.</summary>
    public LocalDate? PermanentFrom { get; internal init; }

    /// <summary>Gets a value indicating whether the spell includes a permanent appointment.</summary>
    public bool HasPermanent => PermanentFrom is not null;

    /// <summary>Gets the calendar year the spell started in.</summary>
    public int StartYear => Start.Year;

    /// <summary>Gets the financial year the spell started in, as the calendar year that financial year starts in (a start on 1 March 2021 gives 2020, for 2020/21).</summary>
    public int StartFinancialYear => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    /// <summary>Gets a value indicating whether the holder has a spell in this authority starting before this one (a return to the post after someone else held it).</summary>
    public bool HeldPostHereBefore { get; internal init; }

    /// <summary>Gets a value indicating whether the holder has a spell in another authority starting before this one (possibly still running, as for a shared post).</summary>
    public bool HeldPostElsewhereBefore { get; internal init; }

    /// <summary>
    /// Gets where the holder came from: <see cref="ChangeOrigin.Return"/> when they held this post before,
    /// otherwise <see cref="ChangeOrigin.Move"/> when they held another authority's post before, otherwise
    /// <see cref="ChangeOrigin.FirstTime"/> when the spell starts after <paramref name="historyFrom"/>, and
    /// <see cref="ChangeOrigin.Unknown"/> when it starts on or before it (the holder was in post when the
    /// records began, so their earlier posts are not in the data).
    /// </summary>
    /// <param name="historyFrom">The first day from which the data hold every appointment.</param>
    /// <returns>The spell's origin.</returns>
    public ChangeOrigin OriginGiven(LocalDate historyFrom) =>
        HeldPostHereBefore ? ChangeOrigin.Return
        : HeldPostElsewhereBefore ? ChangeOrigin.Move
        : Start > historyFrom ? ChangeOrigin.FirstTime
        : ChangeOrigin.Unknown;

    /// <summary>Gets a value indicating whether the spell covers <paramref name="date"/>.</summary>
    internal bool Covers(LocalDate date) => Start <= date && (End is not LocalDate end || date <= end);

    /// <summary>Gets the spell's length in days, both ends included, counting an open spell to <paramref name="asOf"/>.</summary>
    internal long DaysTo(LocalDate asOf) => (long)Period.DaysBetween(Start, End is LocalDate end && end < asOf ? end : asOf) + 1;
}

/// <summary>Builds holder spells from appointments.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class HolderSpells
{
    /// <summary>
    /// Gets the holder spells of <paramref name="appointments"/>, ordered by authority code (ordinal),
    /// then start. Each authority's appointments are ordered by start (then holder and end) and
    /// consecutive appointments of the same holder are joined into one spell. Looking through interim
    /// and acting holders then drops the spells with no permanent appointment and joins the spells of
    /// the same holder that become consecutive: every spell start it keeps is a spell start without
    /// look-through, so looking through never adds a change.
    /// </summary>
    /// <param name="appointments">The appointments, in any order.</param>
    /// <param name="lookThroughInterim">True to keep only spells that include a permanent appointment.</param>
    /// <returns>The spells.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an appointment is null.</exception>
    public static ImmutableArray<HolderSpell> Of(IEnumerable<Appointment> appointments, bool lookThroughInterim = false)
    {
        Dictionary<string, List<HolderSpell>> byAuthority = ByAuthority(appointments, lookThroughInterim);
        List<string> codes = [.. byAuthority.Keys];
        codes.Sort(StringComparer.Ordinal);
        ImmutableArray<HolderSpell>.Builder result = ImmutableArray.CreateBuilder<HolderSpell>();
        foreach (string code in codes)
        {
            result.AddRange(byAuthority[code]);
        }

        return result.ToImmutable();
    }

    /// <summary>The spells of each authority, ordered by start, with each spell's earlier posts marked.</summary>
    internal static Dictionary<string, List<HolderSpell>> ByAuthority(IEnumerable<Appointment> appointments, bool lookThroughInterim) =>
        ByAuthority(appointments, lookThroughInterim, out _);

    /// <summary>As <see cref="ByAuthority(IEnumerable{Appointment}, bool)"/>, with the earliest start of any appointment (null when there are none).</summary>
    internal static Dictionary<string, List<HolderSpell>> ByAuthority(IEnumerable<Appointment> appointments, bool lookThroughInterim, out LocalDate? earliestStart)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        Dictionary<string, List<Appointment>> grouped = new(StringComparer.Ordinal);
        earliestStart = null;
        foreach (Appointment appointment in appointments)
        {
            ArgumentNullException.ThrowIfNull(appointment, nameof(appointments));
            if (!grouped.TryGetValue(appointment.AuthorityCode, out List<Appointment>? list))
            {
                list = [];
                grouped.Add(appointment.AuthorityCode, list);
            }

            list.Add(appointment);
            earliestStart = earliestStart is LocalDate earliest && earliest <= appointment.Start ? earliest : appointment.Start;
        }

        Dictionary<string, List<HolderSpell>> spells = new(StringComparer.Ordinal);
        foreach ((string code, List<Appointment> list) in grouped)
        {
            list.Sort(static (a, b) =>
            {
                int byStart = a.Start.CompareTo(b.Start);
                if (byStart != 0)
                {
                    return byStart;
                }

                int byHolder = string.CompareOrdinal(a.HolderId, b.HolderId);
                return byHolder != 0 ? byHolder : Nullable.Compare(a.End, b.End);
            });

            List<HolderSpell> result = [];
            foreach (Appointment appointment in list)
            {
                LocalDate? permanentFrom = appointment.Kind == AppointmentKind.Permanent ? appointment.Start : null;
                if (result.Count > 0 && result[^1].HolderId == appointment.HolderId)
                {
                    HolderSpell last = result[^1];
                    result[^1] = last with { End = Later(last.End, appointment.End), PermanentFrom = last.PermanentFrom ?? permanentFrom };
                }
                else
                {
                    result.Add(new HolderSpell(code, appointment.HolderId, appointment.Start, appointment.End, appointment.Kind, permanentFrom));
                }
            }

            spells.Add(code, result);
        }

        MarkEarlierPosts(spells);
        if (lookThroughInterim)
        {
            foreach (string code in grouped.Keys)
            {
                spells[code] = LookThrough(spells[code]);
            }
        }

        return spells;
    }

    /// <summary>Sets each spell's <see cref="HolderSpell.HeldPostHereBefore"/> and <see cref="HolderSpell.HeldPostElsewhereBefore"/> from every spell of its holder.</summary>
    /// <remarks>
    /// Each holder id is hashed once, to a number; the rest works on arrays indexed by that number. Authorities are
    /// numbered by their order in <paramref name="spells"/>, which does not change between the two passes.
    /// </remarks>
    private static void MarkEarlierPosts(Dictionary<string, List<HolderSpell>> spells)
    {
        // For each holder: their earliest start, its authority, and their earliest start in any other authority.
        // Updated one spell at a time: a new earliest start in another authority makes the old earliest the earliest elsewhere.
        Dictionary<string, int> ids = new(StringComparer.Ordinal);
        List<(LocalDate First, int FirstAuthority, LocalDate? Other)> firsts = [];
        int[][] holderOf = new int[spells.Count][];
        int authority = 0;
        foreach (List<HolderSpell> list in spells.Values)
        {
            int[] holders = holderOf[authority] = new int[list.Count];
            for (int i = 0; i < list.Count; i++)
            {
                LocalDate start = list[i].Start;
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, list[i].HolderId, out bool exists);
                if (!exists)
                {
                    id = firsts.Count;
                    firsts.Add((start, authority, null));
                }

                holders[i] = id;
                ref (LocalDate First, int FirstAuthority, LocalDate? Other) seen = ref CollectionsMarshal.AsSpan(firsts)[id];
                if (!exists)
                {
                    continue;
                }

                if (authority == seen.FirstAuthority)
                {
                    seen.First = start < seen.First ? start : seen.First;
                }
                else if (start < seen.First)
                {
                    seen = (start, authority, seen.First);
                }
                else if (seen.Other is not LocalDate other || start < other)
                {
                    seen.Other = start;
                }
            }

            authority++;
        }

        // The authority in which each holder was last seen in the second pass, and their first start there.
        int[] seenIn = new int[firsts.Count];
        Array.Fill(seenIn, -1);
        LocalDate[] firstHere = new LocalDate[firsts.Count];
        authority = 0;
        foreach (List<HolderSpell> list in spells.Values)
        {
            int[] holders = holderOf[authority];
            Span<HolderSpell> each = CollectionsMarshal.AsSpan(list);
            for (int i = 0; i < each.Length; i++)
            {
                ref HolderSpell spell = ref each[i];
                int holder = holders[i];
                (LocalDate first, int firstAuthority, LocalDate? firstOther) = firsts[holder];

                // The earliest spell of this holder in another authority: the earliest of all if that is elsewhere, else the earliest outside firstAuthority.
                LocalDate? earliestElsewhere = authority == firstAuthority ? firstOther : first;

                // The list is ordered by start, so the first spell of this holder seen here is their earliest here.
                bool here = false;
                if (seenIn[holder] != authority)
                {
                    seenIn[holder] = authority;
                    firstHere[holder] = spell.Start;
                }
                else
                {
                    here = firstHere[holder] < spell.Start;
                }

                bool elsewhere = earliestElsewhere is LocalDate e && e < spell.Start;
                if (here || elsewhere)
                {
                    spell = spell with { HeldPostHereBefore = here, HeldPostElsewhereBefore = elsewhere };
                }
            }

            authority++;
        }
    }

    private static List<HolderSpell> LookThrough(List<HolderSpell> spells)
    {
        List<HolderSpell> result = [];
        foreach (HolderSpell spell in spells)
        {
            if (!spell.HasPermanent)
            {
                continue;
            }

            if (result.Count > 0 && result[^1].HolderId == spell.HolderId)
            {
                result[^1] = result[^1] with { End = Later(result[^1].End, spell.End), PermanentFrom = result[^1].PermanentFrom ?? spell.PermanentFrom };
            }
            else
            {
                result.Add(spell);
            }
        }

        return result;
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) =>
        a is LocalDate x && b is LocalDate y ? (x > y ? x : y) : null;
}
