using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Why tenures end, from appointments: each spell's exit reason, its competing-risk record and the curves.</summary>
public sealed class TenureCompetingRiskTests
{
    private static readonly DateInterval Window = new(new LocalDate(2019, 1, 1), new LocalDate(2022, 12, 31));

    private static Appointment Post(string authority, string holder, string start, string? end, AppointmentKind kind = AppointmentKind.Permanent, ExitReason? reason = null) =>
        new(authority, holder, LocalDate.FromDateTime(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), end is null ? null : LocalDate.FromDateTime(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), kind) { ExitReason = reason };

    [Fact]
    public void AJoinedSpellEndsForTheReasonOfItsLastAppointment()
    {
        Appointment[] appointments =
        [
            Post("A", "h1", "2019-01-01", "2019-06-30", AppointmentKind.Interim, ExitReason.SpellEnded),
            Post("A", "h1", "2019-07-01", "2021-06-30", reason: ExitReason.Retired),
        ];

        HolderSpell spell = Assert.Single(HolderSpells.Of(appointments));

        Assert.Equal(ExitReason.Retired, spell.ExitReason);
        Assert.Equal(new LocalDate(2021, 6, 30), spell.End);
        CompetingRiskRecord record = Assert.Single(TenureMeasures.CompetingRiskRecords(appointments, Window));
        Assert.Equal(new CompetingRiskRecord(0, 912, "retired"), record);
    }

    [Fact]
    public void AnOpenSpellHasNoReason_EvenWhenAnEarlierAppointmentOfItHadOne()
    {
        Appointment[] appointments =
        [
            Post("A", "h1", "2019-01-01", "2019-06-30", AppointmentKind.Interim, ExitReason.SpellEnded),
            Post("A", "h1", "2019-07-01", null),
        ];

        Assert.Null(Assert.Single(HolderSpells.Of(appointments)).ExitReason);
        Assert.True(Assert.Single(TenureMeasures.CompetingRiskRecords(appointments, Window)).IsCensored);
    }

    [Fact]
    public void ASpellThatEndedWithoutAReasonEndedForAnUnknownReason()
    {
        Appointment[] appointments = [Post("A", "h1", "2019-01-01", "2019-12-31")];

        Assert.Null(Assert.Single(HolderSpells.Of(appointments)).ExitReason);
        Assert.Equal(new CompetingRiskRecord(0, 365, "unknown"), Assert.Single(TenureMeasures.CompetingRiskRecords(appointments, Window)));
    }

    [Fact]
    public void ASpellEndingAfterTheWindowIsCensoredAtTheWindowsEnd_WhateverItsReason()
    {
        Appointment[] appointments = [Post("A", "h1", "2022-01-01", "2023-06-30", reason: ExitReason.MovedToAnotherDcsPost)];

        Assert.Equal(new CompetingRiskRecord(0, 365, null), Assert.Single(TenureMeasures.CompetingRiskRecords(appointments, Window)));
    }

    [Fact]
    public void ASpellBegunBeforeTheWindowEntersLate()
    {
        Appointment[] appointments = [Post("A", "h1", "2018-01-01", "2019-12-31", reason: ExitReason.LeftLocalGovernment)];

        Assert.Equal(new CompetingRiskRecord(365, 730, "left-local-government"), Assert.Single(TenureMeasures.CompetingRiskRecords(appointments, Window)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TwoAppointmentsOfOneSpellEndingOnOneDayGiveTheReasonFirstInOrdinalOrder_InEitherOrder(bool reversed)
    {
        Appointment[] appointments =
        [
            Post("A", "h1", "2019-01-01", "2020-12-31", AppointmentKind.Interim, ExitReason.Retired),
            Post("A", "h1", "2019-01-01", "2020-12-31", AppointmentKind.Interim, ExitReason.MovedToAnotherDcsPost),
            Post("A", "h1", "2019-01-01", "2020-12-31", AppointmentKind.Interim),
        ];

        HolderSpell spell = Assert.Single(HolderSpells.Of(reversed ? [.. appointments.Reverse()] : appointments));

        Assert.Equal(ExitReason.MovedToAnotherDcsPost, spell.ExitReason);
    }

    [Fact]
    public void LookingThroughInterimGivesTheReasonOfTheJoinedSpellsLastAppointment()
    {
        Appointment[] appointments =
        [
            Post("A", "h1", "2019-01-01", "2019-12-31", reason: ExitReason.Restructure),
            Post("A", "h2", "2020-01-01", "2020-03-31", AppointmentKind.Acting, ExitReason.SpellEnded),
            Post("A", "h1", "2020-04-01", "2021-12-31", reason: ExitReason.Retired),
        ];

        Assert.Equal([ExitReason.Restructure, ExitReason.SpellEnded, ExitReason.Retired], HolderSpells.Of(appointments).Select(s => s.ExitReason));
        Assert.Equal([ExitReason.Retired], HolderSpells.Of(appointments, lookThroughInterim: true).Select(s => s.ExitReason));
    }

    [Fact]
    public void TheCurvesHaveTheWellKnownReasonsThenTheUsersOwn()
    {
        Appointment[] appointments =
        [
            Post("A", "h1", "2019-01-01", "2019-12-31", reason: ExitReason.FromCode("z-other")),
            Post("B", "h2", "2019-01-01", "2020-12-31", reason: ExitReason.FromCode("a-other")),
            Post("C", "h3", "2019-01-01", "2021-12-31", reason: ExitReason.Retired),
            Post("D", "h4", "2019-01-01", null),
        ];

        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(appointments, Window);

        Assert.Equal([.. ExitReason.WellKnown.Select(r => r.Code), "a-other", "z-other"], curve.Reasons.ToArray());
        Assert.Equal(0.25, curve.IncidenceAt("retired", 1096)!.Value.Probability, 12);
        Assert.Equal(0.25, curve.IncidenceAt("z-other", 365)!.Value.Probability, 12);
        Assert.Equal(0.25, curve.InPostAt(1096)!.Value.Probability, 12);
        Assert.Equal(1, curve.CensoredCount);
    }

    /// <summary>The probability of still being in post is the Kaplan–Meier survival of tenure, at every time.</summary>
    [Property]
    public Property InPost_IsTheKaplanMeierSurvival() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(input.Appointments, input.Period, lookThroughInterim: lookThrough);
                KaplanMeierCurve km = TenureMeasures.KaplanMeierTenure(input.Appointments, input.Period, lookThroughInterim: lookThrough);

                Assert.Equal(km.RecordCount, curve.RecordCount);
                Assert.Equal(km.EventCount, curve.EventCounts.Sum());
                foreach (CumulativeIncidencePoint point in curve.Points)
                {
                    Assert.Equal(km.SurvivalAt(point.Time)!.Value.Survival, point.InPost.Probability, 12);
                }
            }
        });

    /// <summary>The competing-risk records are the tenure records, each event with its spell's reason (unknown when none is given).</summary>
    [Property]
    public Property Records_AreTheTenureRecordsWithTheSpellsReasons() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            IReadOnlyList<TenureRecord> tenure = TenureMeasures.TenureRecords(input.Appointments, input.Period);
            IReadOnlyList<CompetingRiskRecord> competing = TenureMeasures.CompetingRiskRecords(input.Appointments, input.Period);
            IReadOnlyList<(ExitReason? Reason, CompetingRiskRecord Record)> keyed = TenureMeasures.CompetingRiskRecordsBy(input.Appointments, input.Period, s => (object?)s.ExitReason ?? "none")
                .Select(k => (k.Key as ExitReason, k.Record)).ToList();

            Assert.Equal(tenure.Select(t => (t.Entry, t.Exit, t.IsEvent)), competing.Select(c => (c.Entry, c.Exit, !c.IsCensored)));
            Assert.Equal(competing, keyed.Select(k => k.Record));
            Assert.All(keyed.Where(k => !k.Record.IsCensored), k => Assert.Equal((k.Reason ?? ExitReason.Unknown).Code, k.Record.Reason));
        });

    /// <summary>The order of the appointments never changes the records or the curves.</summary>
    [Property]
    public Property RecordOrder_NeverMatters() =>
        Prop.ForAll(AppointmentDocumentGenerators.HistoriesShuffled(), input =>
        {
            DateInterval window = new(new LocalDate(2014, 1, 1), input.AsOf);
            static IEnumerable<string> Sorted(IEnumerable<CompetingRiskRecord> records) =>
                records.Select(r => r.ToString()).Order(StringComparer.Ordinal);

            Assert.Equal(Sorted(TenureMeasures.CompetingRiskRecords(input.Appointments, window)), Sorted(TenureMeasures.CompetingRiskRecords(input.Shuffled, window)));
            CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(input.Appointments, window);
            CumulativeIncidenceCurve shuffled = TenureMeasures.CumulativeIncidenceTenure(input.Shuffled, window);
            Assert.Equal(curve.Points.Select(p => (p.Time, p.AtRisk, p.Censored, string.Join(",", p.Events))), shuffled.Points.Select(p => (p.Time, p.AtRisk, p.Censored, string.Join(",", p.Events))));
            foreach ((CumulativeIncidencePoint a, CumulativeIncidencePoint b) in curve.Points.Zip(shuffled.Points))
            {
                // The standard errors sum each record's influence, so a different order may change their last bits.
                Assert.Equal(a.InPost.Probability, b.InPost.Probability, 1e-12);
                Assert.Equal(a.InPost.StandardError, b.InPost.StandardError, 1e-12);
                for (int r = 0; r < a.Incidence.Length; r++)
                {
                    Assert.Equal(a.Incidence[r].Probability, b.Incidence[r].Probability, 1e-12);
                    Assert.Equal(a.Incidence[r].StandardError, b.Incidence[r].StandardError, 1e-12);
                }
            }
        });

    /// <summary>Stratified by the spell's start kind, each stratum's curves are those of its spells' records alone, with every reason.</summary>
    [Property]
    public Property EachStratum_IsItsSpellsAlone() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            StratifiedCumulativeIncidence<AppointmentKind> byKind = TenureMeasures.CumulativeIncidenceTenureBy(input.Appointments, input.Period, s => s.StartKind);
            IReadOnlyList<(AppointmentKind Key, CompetingRiskRecord Record)> keyed = TenureMeasures.CompetingRiskRecordsBy(input.Appointments, input.Period, s => s.StartKind);

            Assert.Equal(TenureMeasures.CumulativeIncidenceTenure(input.Appointments, input.Period).Reasons.ToArray(), byKind.Reasons.ToArray());
            Assert.Equal(keyed.Select(k => k.Key).Distinct().Order(), byKind.Strata.Select(s => s.Key));
            foreach (CumulativeIncidenceStratum<AppointmentKind> stratum in byKind.Strata)
            {
                CumulativeIncidenceCurve alone = CumulativeIncidence.Estimate(keyed.Where(k => k.Key == stratum.Key).Select(k => k.Record), byKind.Reasons);
                Assert.Equal(alone.Points.ToArray(), stratum.Curve.Points.ToArray());
            }
        });
}
