using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// FsCheck generators for the workforce capability. Survival times are small whole and half numbers
/// so that ties between events, censorings and entries are frequent. Appointment histories draw
/// holders from a small pool so that a holder often follows themself (interim confirmed as permanent,
/// a permanent DCS returning after a stand-in).
/// </summary>
public static class WorkforceGenerators
{
    /// <summary>
    /// The register the appointment histories use: A to D in force throughout, E only from April 2019
    /// to March 2022 (appointments of E outside that span and of Z are outside the register).
    /// </summary>
    public static readonly AuthorityRegister Register = new(
    [
        new Authority("A", "Northshire", "North East", new LocalDate(2000, 1, 1)),
        new Authority("B", "Southshire", "South East", new LocalDate(2000, 1, 1)),
        new Authority("C", "Eastshire", "East of England", new LocalDate(2000, 1, 1)),
        new Authority("D", "Westshire", "South West", new LocalDate(2000, 1, 1)),
        new Authority("E", "Midshire", "West Midlands", new LocalDate(2019, 4, 1), new LocalDate(2022, 3, 31)),
    ]);

    private static readonly string[] Codes = ["A", "B", "C", "D", "E", "Z"];

    /// <summary>One authority's history: one to seven appointments in sequence from 2014–2016, gaps of 0 to 40 days, the last one sometimes still open; an ended one has an exit reason about half the time.</summary>
    public static Gen<Appointment[]> AuthorityHistory(string code) =>
        from first in Gen.Choose(0, 700)
        from count in Gen.Choose(1, 7)
        from spells in (from holder in Gen.Elements("h1", "h2", "h3", "h4")
                        from kind in Gen.Elements(AppointmentKind.Permanent, AppointmentKind.Permanent, AppointmentKind.Interim, AppointmentKind.Acting)
                        from length in Gen.Choose(1, 1200)
                        from gap in Gen.Elements(0, 0, 0, 1, 15, 40)
                        from shared in Gen.Elements(false, false, true)
                        from reason in Gen.OneOf(Gen.Constant<ExitReason?>(null), AppointmentDocumentGenerators.Reason().Select(r => (ExitReason?)r))
                        select (holder, kind, length, gap, shared, reason)).ArrayOf(count)
        from open in Gen.Elements(true, false)
        select Chain(code, new LocalDate(2014, 1, 1).PlusDays(first), spells, open);

    /// <summary>Appointment histories for authorities A to E and Z, in a shuffled order.</summary>
    public static Gen<Appointment[]> Appointments() =>
        from histories in Gen.CollectToArray(Codes.Select(AuthorityHistory))
        from shuffled in Gen.Shuffle(histories.SelectMany(h => h))
        select shuffled.ToArray();

    /// <summary>
    /// An Ofsted grade in proportions near those of English children's services in 2014–2024: 10% outstanding, 40% good,
    /// 35% requires improvement, 15% inadequate. The proportions are an invented middle of the published ones, which moved
    /// over the decade: 42% good or outstanding, 45% requiring improvement and 13% inadequate in Ofsted's annual report
    /// of December 2018; 60% good or outstanding on 31 March 2024 (Ofsted, local authority inspection outcomes).
    /// </summary>
    public static Gen<OfstedGrade> Grade() =>
        Gen.Frequency(
            (2, Gen.Constant(OfstedGrade.Outstanding)),
            (8, Gen.Constant(OfstedGrade.Good)),
            (7, Gen.Constant(OfstedGrade.RequiresImprovement)),
            (3, Gen.Constant(OfstedGrade.Inadequate)));

    /// <summary>
    /// One authority's Ofsted judgements: one to five, the first published in 2012–2016, each 2 to 4 years after the one
    /// before (about every three years, as graded inspections come round), with grades in the proportions of <see cref="Grade"/>.
    /// Judgements of E outside April 2019 to March 2022, and of Z, are outside the register.
    /// </summary>
    public static Gen<OfstedJudgement[]> AuthorityJudgements(string code) =>
        from first in Gen.Choose(0, 1826)
        from count in Gen.Choose(1, 5)
        from visits in (from gap in Gen.Choose(730, 1461) from grade in Grade() select (gap, grade)).ArrayOf(count)
        select visits.Aggregate(
            (Next: new LocalDate(2012, 1, 1).PlusDays(first), Judgements: new List<OfstedJudgement>()),
            (state, visit) =>
            {
                state.Judgements.Add(new OfstedJudgement(code, state.Next, visit.grade));
                return (state.Next.PlusDays(visit.gap), state.Judgements);
            }).Judgements.ToArray();

    /// <summary>Ofsted judgements of authorities A to E and Z, the authorities of <see cref="Appointments"/>, in a shuffled order.</summary>
    public static Gen<OfstedJudgement[]> Judgements() =>
        from histories in Gen.CollectToArray(Codes.Select(AuthorityJudgements))
        from shuffled in Gen.Shuffle(histories.SelectMany(h => h))
        select shuffled.ToArray();

    /// <summary>Periods: financial years 2014/15 to 2024/25, calendar years, and rolling 12 months ending on any day of 2015–2024.</summary>
    public static Gen<DateInterval> Periods() =>
        Gen.OneOf(
            Gen.Choose(2014, 2024).Select(TurnoverPeriods.FinancialYear),
            Gen.Choose(2014, 2024).Select(TurnoverPeriods.CalendarYear),
            Gen.Choose(0, 3650).Select(days => TurnoverPeriods.Rolling12Months(new LocalDate(2015, 1, 1).PlusDays(days))));

    /// <summary>Appointment histories with a period.</summary>
    public static Arbitrary<(Appointment[] Appointments, DateInterval Period)> AppointmentsWithPeriod() =>
        Arb.From(
            from appointments in Appointments() from period in Periods() select (appointments, period),
            input => Shrinks.RemoveElements(input.appointments).Select(fewer => (fewer, input.period)));

    /// <summary>Appointment histories with a period and a shift of −3000 to 3000 days.</summary>
    public static Arbitrary<(Appointment[] Appointments, DateInterval Period, int Shift)> AppointmentsWithPeriodAndShift() =>
        Arb.From(
            from appointments in Appointments() from period in Periods() from shift in Gen.Choose(-3000, 3000) select (appointments, period, shift),
            input => Shrinks.RemoveElements(input.appointments).Select(fewer => (fewer, input.period, input.shift))
                .Concat(Shrinks.Towards(input.shift, 0).Select(shift => (input.appointments, input.period, shift))));

    /// <summary>Moves every date of an appointment by <paramref name="days"/>.</summary>
    public static Appointment Shift(Appointment appointment, int days) =>
        new(appointment.AuthorityCode, appointment.HolderId, appointment.Start.PlusDays(days), appointment.End?.PlusDays(days), appointment.Kind, appointment.IsSharedPost) { ExitReason = appointment.ExitReason };

    private static Appointment[] Chain(string code, LocalDate start, (string Holder, AppointmentKind Kind, int Length, int Gap, bool Shared, ExitReason? Reason)[] spells, bool open)
    {
        List<Appointment> result = [];
        LocalDate next = start;
        for (int i = 0; i < spells.Length; i++)
        {
            (string holder, AppointmentKind kind, int length, int gap, bool shared, ExitReason? reason) = spells[i];
            LocalDate last = next.PlusDays(length - 1);
            bool isOpen = open && i == spells.Length - 1;
            result.Add(new Appointment(code, holder, next, isOpen ? null : last, kind, shared) { ExitReason = isOpen ? null : reason });
            next = last.PlusDays(1 + gap);
        }

        return [.. result];
    }

    /// <summary>Right-censored records: exits 0.5 to 20 in halves, events two times in three.</summary>
    public static Gen<TenureRecord> RightCensoredRecords() =>
        from halves in Gen.Choose(1, 40)
        from isEvent in Gen.Elements(true, true, false)
        select new TenureRecord(halves / 2.0, isEvent);

    /// <summary>Records with delayed entry one time in three: entries 0 to 10, exits after them.</summary>
    public static Gen<TenureRecord> Records() =>
        from delayed in Gen.Elements(false, false, true)
        from entry in Gen.Choose(0, 20)
        from length in Gen.Choose(1, 20)
        from isEvent in Gen.Elements(true, true, false)
        select delayed ? new TenureRecord(entry / 2.0, (entry + length) / 2.0, isEvent) : new TenureRecord(length / 2.0, isEvent);

    /// <summary>Lists of 0 to 60 <see cref="Records"/>.</summary>
    public static Arbitrary<TenureRecord[]> RecordLists() =>
        Arb.From(Gen.Choose(0, 60).SelectMany(n => Records().ArrayOf(n)), records => Shrinks.RemoveElements(records));

    /// <summary>Lists of 1 to 60 records that all end in the event (no censoring, no delayed entry).</summary>
    public static Arbitrary<TenureRecord[]> UncensoredRecordLists() =>
        Arb.From(Gen.Choose(1, 60).SelectMany(n => Gen.Choose(1, 40).Select(h => new TenureRecord(h / 2.0, true)).ArrayOf(n)), records => Shrinks.RemoveElements(records, minimumLength: 1));

    /// <summary>A list of records with the same list in another order.</summary>
    public static Arbitrary<(TenureRecord[] Records, TenureRecord[] Shuffled)> ShuffledRecordLists() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from records in Records().ArrayOf(n)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));

    /// <summary>Grouped right-censored records (groups "a" to "c") with the same list in another order.</summary>
    public static Arbitrary<((string Group, TenureRecord Record)[] Records, (string Group, TenureRecord Record)[] Shuffled)> ShuffledGroupedRecords() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from records in (from g in Gen.Elements("a", "b", "c") from r in RightCensoredRecords() select (g, r)).ArrayOf(n)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));
}
