using System;
using System.Collections.Generic;
using NodaTime;

namespace Upon.Core.Workforce;

/// <summary>
/// One holder's unbroken time as DCS of one authority: consecutive appointments of the same holder
/// in an authority (for example interim, then confirmed as permanent) joined into one spell.
/// </summary>
internal readonly record struct HolderSpell(string AuthorityCode, string HolderId, LocalDate Start, LocalDate? End, bool HasPermanent)
{
    /// <summary>Gets a value indicating whether the spell covers <paramref name="date"/>.</summary>
    public bool Covers(LocalDate date) => Start <= date && (End is not LocalDate end || date <= end);

    /// <summary>Gets the spell's length in days, both ends included, counting an open spell to <paramref name="asOf"/>.</summary>
    public long DaysTo(LocalDate asOf) => (long)Period.DaysBetween(Start, End is LocalDate end && end < asOf ? end : asOf) + 1;
}

/// <summary>Builds holder spells from appointments.</summary>
internal static class HolderSpells
{
    /// <summary>
    /// Groups appointments by authority, orders each authority's appointments by start (then holder
    /// and end) and joins consecutive appointments of the same holder into one spell. Looking through
    /// interim and acting holders then drops the spells with no permanent appointment and joins the
    /// spells of the same holder that become consecutive: every spell start it keeps is a spell start
    /// without look-through, so looking through never adds a change.
    /// </summary>
    public static Dictionary<string, List<HolderSpell>> ByAuthority(IEnumerable<Appointment> appointments, bool lookThroughInterim)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        Dictionary<string, List<Appointment>> grouped = new(StringComparer.Ordinal);
        foreach (Appointment appointment in appointments)
        {
            ArgumentNullException.ThrowIfNull(appointment, nameof(appointments));
            if (!grouped.TryGetValue(appointment.AuthorityCode, out List<Appointment>? list))
            {
                list = [];
                grouped.Add(appointment.AuthorityCode, list);
            }

            list.Add(appointment);
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
                if (result.Count > 0 && result[^1].HolderId == appointment.HolderId)
                {
                    HolderSpell last = result[^1];
                    result[^1] = last with { End = Later(last.End, appointment.End), HasPermanent = last.HasPermanent || appointment.Kind == AppointmentKind.Permanent };
                }
                else
                {
                    result.Add(new HolderSpell(code, appointment.HolderId, appointment.Start, appointment.End, appointment.Kind == AppointmentKind.Permanent));
                }
            }

            spells.Add(code, lookThroughInterim ? LookThrough(result) : result);
        }

        return spells;
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
                result[^1] = result[^1] with { End = Later(result[^1].End, spell.End) };
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
