using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// FsCheck generators for stratified survival, change origins and turnover series. Appointment
/// histories come from <see cref="WorkforceGenerators"/>; holders here move between authorities
/// because the holder pool (h1 to h4) is shared by every authority.
/// </summary>
public static class WorkforceAnalyticsGenerators
{
    /// <summary>Keyed records (keys "a" to "d"), with delayed entry one time in three in one list out of two.</summary>
    public static Arbitrary<(string Key, TenureRecord Record)[]> KeyedRecordLists() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from delayed in Gen.Elements(false, true)
            from records in (from key in Gen.Elements("a", "b", "c", "d")
                             from record in delayed ? WorkforceGenerators.Records() : WorkforceGenerators.RightCensoredRecords()
                             select (key, record)).ArrayOf(n)
            select records);

    /// <summary>Appointment histories with a period and a day from which their history is complete (2013 to 2020).</summary>
    public static Arbitrary<(Appointment[] Appointments, DateInterval Period, LocalDate HistoryFrom)> AppointmentsWithPeriodAndHistory() =>
        Arb.From(
            from appointments in WorkforceGenerators.Appointments()
            from period in WorkforceGenerators.Periods()
            from days in Gen.Choose(0, 2900)
            select (appointments, period, new LocalDate(2013, 1, 1).PlusDays(days)));

    /// <summary>Series of 0 to 15 financial years from 2000 with small whole values, a value missing one time in five and years skipped one time in six.</summary>
    public static Arbitrary<TurnoverPoint[]> SeriesPoints() =>
        Arb.From(
            from n in Gen.Choose(0, 15)
            from entries in (from skip in Gen.Elements(false, false, false, false, false, true)
                             from missing in Gen.Elements(false, false, false, false, true)
                             from value in Gen.Choose(0, 12)
                             select (skip, missing ? (double?)null : value)).ArrayOf(n)
            select entries.Select((e, i) => (e.skip, Point: new TurnoverPoint(2000 + i, e.Item2))).Where(e => !e.skip).Select(e => e.Point).ToArray());

    /// <summary>The spells of each holder's history with a naive scan of the appointments: the origin of the spell starting with <paramref name="first"/>.</summary>
    public static ChangeOrigin NaiveOrigin(IReadOnlyList<Appointment> appointments, Appointment first, LocalDate historyFrom) =>
        appointments.Any(a => a.HolderId == first.HolderId && a.AuthorityCode == first.AuthorityCode && a.Start < first.Start) ? ChangeOrigin.Return
        : appointments.Any(a => a.HolderId == first.HolderId && a.AuthorityCode != first.AuthorityCode && a.Start < first.Start) ? ChangeOrigin.Move
        : first.Start > historyFrom ? ChangeOrigin.FirstTime
        : ChangeOrigin.Unknown;
}
