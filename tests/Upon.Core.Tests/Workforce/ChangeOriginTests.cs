using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>First-time DCSs, moves between authorities and returns; ADCS-style counts of new permanent DCSs and interim appointments.</summary>
public sealed class ChangeOriginTests
{
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    // The data begin on 1 January 2015 with p, q and r in post.
    private static readonly Appointment[] Appointments =
    [
        new("A", "p", new LocalDate(2012, 9, 1), new LocalDate(2020, 5, 31), AppointmentKind.Permanent),
        new("B", "q", new LocalDate(2014, 4, 1), new LocalDate(2020, 8, 31), AppointmentKind.Permanent),
        new("C", "r", new LocalDate(2010, 1, 1), new LocalDate(2019, 12, 31), AppointmentKind.Permanent),
        new("C", "s", new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Interim),
        new("A", "s", new LocalDate(2020, 7, 1), new LocalDate(2020, 9, 30), AppointmentKind.Interim),  // s moves from C to A
        new("A", "s", new LocalDate(2020, 10, 1), null, AppointmentKind.Permanent),                    // and is confirmed
        new("C", "r", new LocalDate(2020, 7, 1), null, AppointmentKind.Permanent),                     // r returns to C
        new("B", "t", new LocalDate(2020, 9, 1), null, AppointmentKind.Acting),                        // t: a first DCS post
    ];

    [Fact]
    public void Origins_TellFirstPostsMovesAndReturnsApart()
    {
        Turnover turnover = Turnover.Measure(Appointments, Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(new LocalDate(2010, 1, 1), turnover.HistoryFrom);    // the earliest start in the data
        Assert.Equal(3, turnover.Changes);                                 // s in A, r back in C, t in B
        Assert.Equal(new ChangeOrigins(FirstTime: 1, Moves: 1, Returns: 1, Unknown: 0), turnover.Origins);
        Assert.Equal(0, turnover.NewPermanent);                            // r returns, s was an interim confirmed, t acts: none is a first-time permanent DCS
        Assert.Equal(2, turnover.InterimAppointments);                     // s (interim), t (acting)
    }

    [Fact]
    public void NewPermanent_CountsChangesThatStartWithAFirstTimeDcsPermanentAppointment()
    {
        Appointment[] appointments =
        [
            .. Appointments,
            new("D", "u", new LocalDate(2015, 1, 1), new LocalDate(2020, 10, 31), AppointmentKind.Permanent),
            new("D", "v", new LocalDate(2020, 11, 1), null, AppointmentKind.Permanent),   // v: a first DCS post, permanent from the start
            new("E", "w", new LocalDate(2016, 1, 1), new LocalDate(2020, 5, 31), AppointmentKind.Permanent),
            new("E", "q", new LocalDate(2020, 9, 1), null, AppointmentKind.Permanent),    // q moves from B, permanent
        ];

        Turnover turnover = Turnover.Measure(appointments, Register, TurnoverPeriods.FinancialYear(2020));

        Assert.Equal(5, turnover.Changes);                  // s, r, t, v, q
        Assert.Equal(1, turnover.NewPermanent);             // v only: not r (a return), q (a move) or s (confirmed, counted as an interim)
        Assert.Equal(2, turnover.InterimAppointments);      // s and t
        Assert.Equal(2, turnover.Changes - turnover.NewPermanent - turnover.InterimAppointments);   // r and q: permanent DCSs who led a post before
    }

    [Fact]
    public void HoldersInPostWhenTheRecordsBegin_AreUnknown_NotFirstTime()
    {
        DateInterval dataStart = new(new LocalDate(2010, 1, 1), new LocalDate(2015, 1, 1));
        Turnover early = Turnover.Measure(Appointments, Register, dataStart, historyFrom: new LocalDate(2015, 1, 1));

        Assert.Equal(new ChangeOrigins(FirstTime: 0, Moves: 0, Returns: 0, Unknown: 3), early.Origins);   // p, q and r were in post on 1 January 2015
        Turnover byDefault = Turnover.Measure(Appointments, Register, dataStart);
        Assert.Equal(new ChangeOrigins(FirstTime: 2, Moves: 0, Returns: 0, Unknown: 1), byDefault.Origins); // only r starts on the earliest date
    }

    [Fact]
    public void Spells_CarryTheirOrigin()
    {
        HolderSpell[] spells = [.. HolderSpells.Of(Appointments)];
        LocalDate historyFrom = new(2015, 1, 1);

        Assert.Equal(
            ["A p Unknown", "A s Move", "B q Unknown", "B t FirstTime", "C r Unknown", "C s FirstTime", "C r Return"],
            spells.Select(s => $"{s.AuthorityCode} {s.HolderId} {s.OriginGiven(historyFrom)}"));
        HolderSpell confirmed = spells[1];
        Assert.Equal(AppointmentKind.Interim, confirmed.StartKind);
        Assert.Equal(new LocalDate(2020, 10, 1), confirmed.PermanentFrom);
        Assert.True(confirmed.HasPermanent);
        Assert.Equal(2020, confirmed.StartFinancialYear);
        Assert.Equal(new LocalDate(2020, 7, 1), confirmed.Start);
        Assert.Null(confirmed.End);
        Assert.Equal(2019, spells[5].StartFinancialYear);                 // s in C from 1 January 2020: 2019/20
        Assert.Equal(2020, spells[5].StartYear);
    }

    [Fact]
    public void ChangeOrigins_IndexerAndTotal()
    {
        ChangeOrigins origins = new(1, 2, 3, 4);
        Assert.Equal(10, origins.Total);
        Assert.Equal([1, 2, 3, 4], new[] { ChangeOrigin.FirstTime, ChangeOrigin.Move, ChangeOrigin.Return, ChangeOrigin.Unknown }.Select(o => origins[o]));
        Assert.Equal("origin", Assert.Throws<System.ArgumentOutOfRangeException>(() => origins[(ChangeOrigin)0]).ParamName);
    }

    [Property]
    public Property Origins_AddUpToTheChanges() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.AppointmentsWithPeriodAndHistory(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                foreach (LocalDate? historyFrom in new LocalDate?[] { null, input.HistoryFrom })
                {
                    Turnover turnover = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, lookThrough, historyFrom);
                    Assert.Equal(turnover.Changes, turnover.Origins.Total);
                    Assert.InRange(turnover.InterimAppointments, 0, turnover.Changes);
                    Assert.InRange(turnover.NewPermanent, 0, int.MaxValue);
                }
            }
        });

    [Property]
    public Property Origins_MatchANaiveScanOfTheAppointments() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.AppointmentsWithPeriodAndHistory(), input =>
        {
            Turnover turnover = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, historyFrom: input.HistoryFrom);
            HashSet<string> inForce = [.. WorkforceGenerators.Register.InForceDuring(input.Period).Select(a => a.Code)];
            Dictionary<ChangeOrigin, int> naive = [];
            int interim = 0;
            int newPermanent = 0;
            foreach (IGrouping<string, Appointment> authority in input.Appointments.Where(a => inForce.Contains(a.AuthorityCode)).GroupBy(a => a.AuthorityCode))
            {
                Appointment[] ordered = [.. authority.OrderBy(a => a.Start)];
                for (int i = 0; i < ordered.Length; i++)
                {
                    bool startsSpell = i == 0 || ordered[i - 1].HolderId != ordered[i].HolderId;
                    if (startsSpell && input.Period.Contains(ordered[i].Start))
                    {
                        ChangeOrigin origin = WorkforceAnalyticsGenerators.NaiveOrigin(input.Appointments, ordered[i], input.HistoryFrom);
                        naive[origin] = naive.GetValueOrDefault(origin) + 1;
                        interim += ordered[i].Kind == AppointmentKind.Permanent ? 0 : 1;
                        newPermanent += ordered[i].Kind == AppointmentKind.Permanent && origin == ChangeOrigin.FirstTime ? 1 : 0;
                    }

                }
            }

            Assert.Equal(
                new ChangeOrigins(naive.GetValueOrDefault(ChangeOrigin.FirstTime), naive.GetValueOrDefault(ChangeOrigin.Move), naive.GetValueOrDefault(ChangeOrigin.Return), naive.GetValueOrDefault(ChangeOrigin.Unknown)),
                turnover.Origins);
            Assert.Equal(interim, turnover.InterimAppointments);
            Assert.Equal(newPermanent, turnover.NewPermanent);
        });

    [Property]
    public Property LookingThroughInterims_NeverIncreasesAnyOrigin() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.AppointmentsWithPeriodAndHistory(), input =>
        {
            ChangeOrigins all = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, historyFrom: input.HistoryFrom).Origins;
            ChangeOrigins permanent = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, lookThroughInterim: true, historyFrom: input.HistoryFrom).Origins;
            Assert.True(permanent.Moves <= all.Moves, $"moves {permanent.Moves} > {all.Moves}");
            Assert.True(permanent.FirstTime <= all.FirstTime);
            Assert.True(permanent.Returns <= all.Returns);
            Assert.True(permanent.Unknown <= all.Unknown);
        });

    [Property]
    public Property ShiftingEveryDate_LeavesOriginsAndAdcsCountsUnchanged() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriodAndShift(), input =>
        {
            Appointment[] shifted = [.. input.Appointments.Select(a => WorkforceGenerators.Shift(a, input.Shift))];
            DateInterval shiftedPeriod = new(input.Period.Start.PlusDays(input.Shift), input.Period.End.PlusDays(input.Shift));
            AuthorityRegister everywhere = new(WorkforceGenerators.Register.Authorities.Select(a => new Authority(a.Code, a.Name, a.Region, new LocalDate(1990, 1, 1))).Append(new Authority("Z", "Zedshire", "London", new LocalDate(1990, 1, 1))));
            Turnover original = Turnover.Measure(input.Appointments, everywhere, input.Period);
            Turnover moved = Turnover.Measure(shifted, everywhere, shiftedPeriod);
            Assert.Equal((original.Origins, original.NewPermanent, original.InterimAppointments), (moved.Origins, moved.NewPermanent, moved.InterimAppointments));
        });

    [Property]
    public Property FinancialYearSeries_CountsOriginsAsEachYearMeasuredAlone() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (Turnover year in Turnover.ByFinancialYear(input.Appointments, WorkforceGenerators.Register, 2014, 2024))
            {
                Turnover alone = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, year.Period);
                Assert.Equal((alone.Origins, alone.HistoryFrom, alone.NewPermanent, alone.InterimAppointments), (year.Origins, year.HistoryFrom, year.NewPermanent, year.InterimAppointments));
            }
        });
}
