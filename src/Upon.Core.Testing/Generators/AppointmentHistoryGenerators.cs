using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>Appointment histories with the register they belong to.</summary>
/// <param name="Register">The register: authorities with the dates they are in force.</param>
/// <param name="Appointments">Every authority's appointments, each within the dates its authority is in force.</param>
public sealed record RegisterHistory(AuthorityRegister Register, ImmutableArray<Appointment> Appointments);

/// <summary>Appointment histories observed over a window that starts after some of them and ends before others.</summary>
/// <param name="Appointments">The appointments, in authority order.</param>
/// <param name="Observation">The observation window, both ends included: spells that started before it enter late (delayed entry); spells still running at its end are right-censored.</param>
public sealed record ObservedHistories(ImmutableArray<Appointment> Appointments, DateInterval Observation);

/// <summary>
/// Generators of DCS appointment histories for tenure and turnover tests: histories with interim and acting
/// stand-ins, interims confirmed as permanent, vacancies, holders still in post (censoring) and spells that began
/// before the observation window (delayed entry); and registers whose authorities merge and split. Every
/// generator shrinks by dropping authorities and shortening histories.
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class AppointmentHistoryGenerators
{
    private static readonly LocalDate Origin = new(2008, 4, 1);

    /// <summary>
    /// One authority's history from <paramref name="firstDay"/>: one to eight spells of 1 to 2,000 days (interim and acting ones
    /// shorter), a new holder each time except when an interim is confirmed as permanent, a vacancy of 1 to 90 days one
    /// time in eight, ending on <paramref name="until"/> when given, otherwise the last holder sometimes still in post.
    /// </summary>
    /// <param name="authorityCode">The authority's code.</param>
    /// <param name="firstDay">The first day of the first appointment.</param>
    /// <param name="until">The last day any appointment may cover (an authority that ceases), or null.</param>
    /// <returns>The appointments, in order.</returns>
    public static Gen<ImmutableArray<Appointment>> History(string authorityCode, LocalDate firstDay, LocalDate? until = null) =>
        from count in Gen.Choose(1, 8)
        from spells in Gen.ArrayOf(
            (from kind in Gen.Frequency((5, Gen.Constant(AppointmentKind.Permanent)), (2, Gen.Constant(AppointmentKind.Interim)), (1, Gen.Constant(AppointmentKind.Acting)))
             from length in kind == AppointmentKind.Permanent ? Gen.Choose(30, 2000) : Gen.Choose(1, 300)
             from confirmed in kind == AppointmentKind.Interim ? Gen.Elements(false, false, true) : Gen.Constant(false)
             from confirmedLength in Gen.Choose(30, 1500)
             from vacancy in Gen.Frequency((7, Gen.Constant(0)), (1, Gen.Choose(1, 90)))
             select (kind, length, confirmed, confirmedLength, vacancy)),
            count)
        from open in Gen.Elements(false, true)
        select Chain(authorityCode, firstDay, until, spells, open);

    /// <summary>
    /// Histories of two to twelve authorities (A01, A02…) from 2008 to 2023, observed over a window of one to ten
    /// years starting between 2010 and 2016: some spells start before it (delayed entry), some run past it or are
    /// still open (right-censored), and interim and acting stand-ins are common.
    /// </summary>
    /// <returns>The histories with their observation window.</returns>
    public static Arbitrary<ObservedHistories> Observed()
    {
        Gen<ObservedHistories> gen =
            from count in Gen.Choose(2, 12)
            from starts in Gen.ArrayOf(Gen.Choose(0, 1500), count)
            from histories in Gen.CollectToArray(Enumerable.Range(0, count).Select(i => History(Code(i), Origin.PlusDays(starts[i]))))
            from windowStart in Gen.Choose(2010, 2016)
            from years in Gen.Choose(1, 10)
            select new ObservedHistories(
                [.. histories.SelectMany(h => h)],
                new DateInterval(new LocalDate(windowStart, 4, 1), new LocalDate(windowStart + years, 3, 31)));
        return Arb.From(gen, ShrinkObserved);
    }

    /// <summary>
    /// Registers of two to eight authorities in force from 1 April 2008, with zero to three reorganisations between
    /// 2012 and 2021, each a merger (two authorities in force cease and one new authority starts the next day) or a
    /// split (one ceases and two start), and every authority's appointment history within the dates it is in force.
    /// </summary>
    /// <returns>The registers with their histories, shrinking by dropping the authorities' appointments one authority at a time.</returns>
    public static Arbitrary<RegisterHistory> RegistersWithMergesAndSplits()
    {
        Gen<RegisterHistory> gen =
            from count in Gen.Choose(2, 8)
            from eventCount in Gen.Choose(0, 3)
            from events in Gen.ArrayOf(
                (from isMerger in Gen.Elements(true, false)
                 from day in Gen.Choose(0, 3287)
                 from pick in Gen.Choose(0, 1000)
                 select (isMerger, day, pick)),
                eventCount)
            let authorities = Reorganise(count, events)
            from histories in Gen.CollectToArray(authorities.Select(a => History(a.Code, a.EffectiveFrom, a.EffectiveTo)))
            select new RegisterHistory(new AuthorityRegister(authorities), [.. histories.SelectMany(h => h)]);
        return Arb.From(gen, ShrinkRegister);
    }

    private static string Code(int index) => "A" + (index + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static ImmutableArray<Appointment> Chain(
        string code,
        LocalDate from,
        LocalDate? until,
        (AppointmentKind Kind, int Length, bool Confirmed, int ConfirmedLength, int Vacancy)[] spells,
        bool open)
    {
        ImmutableArray<Appointment>.Builder result = ImmutableArray.CreateBuilder<Appointment>();
        LocalDate next = from;
        for (int i = 0; i < spells.Length && (until is not LocalDate stop || next <= stop); i++)
        {
            (AppointmentKind kind, int length, bool confirmed, int confirmedLength, int vacancy) = spells[i];
            string holder = $"{code}-h{i + 1}";
            bool lastSpell = i == spells.Length - 1;
            LocalDate end = next.PlusDays(length - 1);
            if (until is LocalDate ceases && end >= ceases)
            {
                end = ceases;
                lastSpell = true;
            }

            bool isOpen = lastSpell && open && until is null && !confirmed;
            result.Add(new Appointment(code, holder, next, isOpen ? null : end, kind));
            next = end.PlusDays(1);
            if (confirmed && (until is not LocalDate stopAt || next <= stopAt))
            {
                LocalDate confirmedEnd = next.PlusDays(confirmedLength - 1);
                bool reachesEnd = until is LocalDate ceasing && confirmedEnd >= ceasing;
                result.Add(new Appointment(code, holder, next, lastSpell && open && until is null ? null : reachesEnd ? until : confirmedEnd, AppointmentKind.Permanent));
                next = confirmedEnd.PlusDays(1);
                if (reachesEnd)
                {
                    break;
                }
            }

            if (lastSpell)
            {
                break;
            }

            next = next.PlusDays(vacancy);
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<Authority> Reorganise(int count, (bool IsMerger, int Day, int Pick)[] events)
    {
        List<Authority> authorities = [.. Enumerable.Range(0, count).Select(i => new Authority(Code(i), "Authority " + Code(i), "Region", Origin))];
        foreach ((bool isMerger, int day, int pick) in events.OrderBy(e => e.Day))
        {
            LocalDate date = new LocalDate(2012, 4, 1).PlusDays(day);
            Authority[] inForce = [.. authorities.Where(a => a.IsInForceOn(date) && a.EffectiveFrom < date)];
            if (isMerger && inForce.Length >= 2)
            {
                Authority first = inForce[pick % inForce.Length];
                Authority second = inForce.Where(a => a != first).ElementAt(pick / 7 % (inForce.Length - 1));
                Cease(first, date);
                Cease(second, date);
                Start(date);
            }
            else if (!isMerger && inForce.Length >= 1)
            {
                Cease(inForce[pick % inForce.Length], date);
                Start(date);
                Start(date);
            }
        }

        return [.. authorities];

        void Cease(Authority authority, LocalDate date) =>
            authorities[authorities.IndexOf(authority)] = new Authority(authority.Code, authority.Name, authority.Region, authority.EffectiveFrom, date.PlusDays(-1));

        void Start(LocalDate date)
        {
            string code = Code(authorities.Count);
            authorities.Add(new Authority(code, "Authority " + code, "Region", date));
        }
    }

    private static IEnumerable<ObservedHistories> ShrinkObserved(ObservedHistories observed)
    {
        string[] codes = [.. observed.Appointments.Select(a => a.AuthorityCode).Distinct()];
        foreach (string code in codes.Where(_ => codes.Length > 1))
        {
            yield return observed with { Appointments = [.. observed.Appointments.Where(a => a.AuthorityCode != code)] };
        }

        foreach (ImmutableArray<Appointment> shorter in DropLastAppointments(observed.Appointments))
        {
            yield return observed with { Appointments = shorter };
        }
    }

    private static IEnumerable<RegisterHistory> ShrinkRegister(RegisterHistory history)
    {
        foreach (ImmutableArray<Appointment> shorter in DropLastAppointments(history.Appointments))
        {
            yield return history with { Appointments = shorter };
        }
    }

    /// <summary>For each authority with two or more appointments, the appointments with its last one dropped.</summary>
    private static IEnumerable<ImmutableArray<Appointment>> DropLastAppointments(ImmutableArray<Appointment> appointments)
    {
        foreach (IGrouping<string, Appointment> history in appointments.GroupBy(a => a.AuthorityCode).Where(g => g.Count() > 1))
        {
            Appointment last = history.Last();
            yield return appointments.Remove(last);
        }
    }
}
