using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// <see cref="TenureMeasures.CoxRecords"/> and <see cref="TenureCovariate"/>: tenure cut where covariates change, as R's
/// <c>tmerge</c> cuts it, checked on worked examples and, by property, against a day-by-day reading of each covariate's
/// definition.
/// </summary>
public sealed class TenureCoxRecordsTests
{
    private static readonly DateInterval Window = new(new LocalDate(2010, 1, 1), new LocalDate(2024, 3, 31));

    [Fact]
    public void AnInadequateJudgementDuringATenure_SwitchesTheCovariateOnFromItsDate_AndTheExitIsTheLastRecordsEvent()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2020, 1, 1), new LocalDate(2021, 6, 30), AppointmentKind.Permanent)];
        OfstedJudgements judgements = new([new OfstedJudgement("A", new LocalDate(2020, 7, 1), OfstedGrade.Inadequate)]);
        TenureCovariate recent = TenureCovariate.RecentJudgement("inadequate-12m", judgements, OfstedGrade.Inadequate, Period.FromMonths(12));

        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(appointments, Window, [recent]);

        // 1 January to 1 July 2020 is 182 days (a leap year); the last day in post, 30 June 2021, is day 546, so the
        // tenure ends at 547.
        Assert.Equal(
            [new CoxRecord(0, 182, false, [0], null, "h1"), new CoxRecord(182, 547, true, [1], null, "h1")],
            records.ToArray());
    }

    [Fact]
    public void TheCovariateSwitchesOffTwelveMonthsOn_AndOverlappingWindowsMerge()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2015, 1, 1), null, AppointmentKind.Permanent)];
        OfstedJudgements judgements = new(
        [
            new OfstedJudgement("A", new LocalDate(2016, 1, 1), OfstedGrade.Inadequate),
            new OfstedJudgement("A", new LocalDate(2016, 6, 1), OfstedGrade.Inadequate),
            new OfstedJudgement("A", new LocalDate(2018, 1, 1), OfstedGrade.Good),
            new OfstedJudgement("B", new LocalDate(2019, 1, 1), OfstedGrade.Inadequate),
        ]);
        DateInterval window = new(new LocalDate(2015, 1, 1), new LocalDate(2019, 12, 31));

        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(
            appointments,
            window,
            [TenureCovariate.RecentJudgement("inadequate-12m", judgements, OfstedGrade.Inadequate, Period.FromMonths(12)),
             TenureCovariate.CurrentGrade("rated-inadequate", judgements, OfstedGrade.Inadequate)]);

        double Day(LocalDate date) => Period.DaysBetween(new LocalDate(2015, 1, 1), date);
        Assert.Equal(
            [
                new CoxRecord(0, Day(new LocalDate(2016, 1, 1)), false, [0, 0], null, "h1"),
                new CoxRecord(Day(new LocalDate(2016, 1, 1)), Day(new LocalDate(2017, 6, 1)), false, [1, 1], null, "h1"),
                new CoxRecord(Day(new LocalDate(2017, 6, 1)), Day(new LocalDate(2018, 1, 1)), false, [0, 1], null, "h1"),
                new CoxRecord(Day(new LocalDate(2018, 1, 1)), Day(new LocalDate(2019, 12, 31)) + 1, false, [0, 0], null, "h1"),
            ],
            records.ToArray());
    }

    [Fact]
    public void ASpellThatBeganBeforeTheWindow_EntersLate_WithTheValuesInForceOnTheWindowsFirstDay()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2009, 1, 1), new LocalDate(2010, 12, 31), AppointmentKind.Permanent)];
        OfstedJudgements judgements = new([new OfstedJudgement("A", new LocalDate(2009, 6, 1), OfstedGrade.Inadequate)]);

        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(
            appointments,
            Window,
            [TenureCovariate.RecentJudgement("inadequate-12m", judgements, OfstedGrade.Inadequate, Period.FromMonths(12)),
             TenureCovariate.Fixed("interim", s => s.StartKind == AppointmentKind.Permanent ? 0 : 1)],
            stratum: s => s.AuthorityCode);

        double entry = Period.DaysBetween(new LocalDate(2009, 1, 1), Window.Start);
        double off = Period.DaysBetween(new LocalDate(2009, 1, 1), new LocalDate(2010, 6, 1));
        double exit = Period.DaysBetween(new LocalDate(2009, 1, 1), new LocalDate(2010, 12, 31)) + 1;
        Assert.Equal([new CoxRecord(entry, off, false, [1, 0], "A", "h1"), new CoxRecord(off, exit, true, [0, 0], "A", "h1")], records.ToArray());
    }

    [Fact]
    public void ChangingSteps_SetTheValueFromEachDate_AStepBeforeTheSpellSetsItsFirstValue_AndARepeatCutsNothing()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2020, 1, 1), null, AppointmentKind.Permanent)];
        TenureCovariate steps = TenureCovariate.Changing("band", _ => [(new LocalDate(2021, 1, 1), 3), (new LocalDate(2019, 1, 1), 2), (new LocalDate(2020, 6, 1), 2)]);

        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(appointments, new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2021, 12, 31)), [steps]);

        Assert.Equal([new CoxRecord(0, 366, false, [2], null, "h1"), new CoxRecord(366, 731, false, [3], null, "h1")], records.ToArray());
    }

    [Fact]
    public void BadCovariates_AreProgrammerErrors()
    {
        Appointment[] appointments = [new("A", "h1", new LocalDate(2020, 1, 1), null, AppointmentKind.Permanent)];
        TenureCovariate one = TenureCovariate.Fixed("x", _ => 1);
        Assert.Throws<ArgumentException>("covariates", () => TenureMeasures.CoxRecords(appointments, Window, []));
        Assert.Throws<ArgumentException>("covariates", () => TenureMeasures.CoxRecords(appointments, Window, [one, TenureCovariate.Fixed("x", _ => 2)]));
        Assert.Throws<ArgumentException>("spell", () => TenureMeasures.CoxRecords(appointments, Window, [TenureCovariate.Fixed("nan", _ => double.NaN)]));
        Assert.Throws<ArgumentException>("steps", () => TenureMeasures.CoxRecords(appointments, Window, [TenureCovariate.Changing("twice", _ => [(new LocalDate(2021, 1, 1), 1), (new LocalDate(2021, 1, 1), 2)])]));
        Assert.Throws<ArgumentException>("within", () => TenureCovariate.RecentJudgement("r", OfstedJudgements.Empty, OfstedGrade.Inadequate, Period.Zero));
        Assert.Throws<ArgumentException>("within", () => TenureCovariate.RecentJudgement("r", OfstedJudgements.Empty, OfstedGrade.Inadequate, Period.FromHours(3)));
        Assert.Throws<ArgumentOutOfRangeException>("grade", () => TenureCovariate.CurrentGrade("g", OfstedJudgements.Empty, (OfstedGrade)9));
        Assert.Throws<ArgumentException>("name", () => TenureCovariate.Fixed(" ", _ => 1));
    }

    /// <summary>
    /// Every spell's records tile its tenure record (same entry and exit, contiguous, the event on the last only), and
    /// each record's values are those of the covariates' definitions on every day it covers, read day by day.
    /// </summary>
    [Property]
    public Property Records_TileEachTenure_WithTheValuesOfTheDefinitionsOnEveryDay() =>
        Prop.ForAll(
            Arb.From(
                from appointments in WorkforceGenerators.Appointments()
                from judgements in WorkforceGenerators.Judgements()
                from period in WorkforceGenerators.Periods()
                from months in Gen.Choose(1, 24)
                from look in Gen.Elements(false, true)
                select (appointments, judgements, period, months, look)),
            input =>
            {
                (Appointment[] appointments, OfstedJudgement[] given, DateInterval window, int months, bool look) = input;
                OfstedJudgements judgements = new(given);
                TenureCovariate[] covariates =
                [
                    TenureCovariate.RecentJudgement("recent", judgements, OfstedGrade.Inadequate, Period.FromMonths(months)),
                    TenureCovariate.CurrentGrade("rated", judgements, OfstedGrade.RequiresImprovement),
                    TenureCovariate.Fixed("interim", s => s.StartKind == AppointmentKind.Permanent ? 0 : 1),
                ];
                IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(appointments, window, covariates, s => s.AuthorityCode, look);
                IReadOnlyList<(HolderSpell Spell, TenureRecord Record)> tenures = TenureMeasures.TenureRecordsBy(appointments, window, s => s, look);

                int next = 0;
                foreach ((HolderSpell spell, TenureRecord tenure) in tenures)
                {
                    double at = tenure.Entry;
                    double[]? previous = null;
                    while (next < records.Count && records[next].Start == at && records[next].Cluster == spell.HolderId && at < tenure.Exit)
                    {
                        CoxRecord record = records[next++];
                        double[] values = record.Covariates.ToArray();
                        if (previous is not null && values.SequenceEqual(previous))
                        {
                            return false.Label("two records in a row with the same values");
                        }

                        for (double day = record.Start; day < record.Stop; day++)
                        {
                            LocalDate date = spell.Start.PlusDays((int)day);
                            double[] expected =
                            [
                                given.Any(j => j.AuthorityCode == spell.AuthorityCode && j.Grade == OfstedGrade.Inadequate && j.Date <= date && date < j.Date.PlusMonths(months)) ? 1 : 0,
                                given.Where(j => j.AuthorityCode == spell.AuthorityCode && j.Date <= date).MaxBy(j => j.Date)?.Grade == OfstedGrade.RequiresImprovement ? 1 : 0,
                                spell.StartKind == AppointmentKind.Permanent ? 0 : 1,
                            ];
                            if (!values.SequenceEqual(expected))
                            {
                                return false.Label($"values on {date}");
                            }
                        }

                        if (record.IsEvent != (record.Stop == tenure.Exit && tenure.IsEvent) || record.Stratum != spell.AuthorityCode)
                        {
                            return false.Label("event or stratum");
                        }

                        previous = values;
                        at = record.Stop;
                    }

                    if (at != tenure.Exit)
                    {
                        return false.Label("a tenure not tiled");
                    }
                }

                return (next == records.Count).Label("records beyond the tenures");
            });

    /// <summary>With fixed covariates only, a Cox fit on the records is the fit on one record per tenure (R's <c>Surv(entry, exit, event)</c>).</summary>
    [Property]
    public Property FixedCovariates_GiveOneRecordPerTenure() =>
        Prop.ForAll(
            Arb.From(from appointments in WorkforceGenerators.Appointments() from period in WorkforceGenerators.Periods() select (appointments, period)),
            input =>
            {
                IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(input.appointments, input.period, [TenureCovariate.Fixed("k", s => (int)s.StartKind)]);
                IReadOnlyList<(HolderSpell Spell, TenureRecord Record)> tenures = TenureMeasures.TenureRecordsBy(input.appointments, input.period, s => s);
                return records.SequenceEqual(tenures.Select(t => new CoxRecord(t.Record.Entry, t.Record.Exit, t.Record.IsEvent, ImmutableArray.Create((double)(int)t.Spell.StartKind), null, t.Spell.HolderId)));
            });
}
