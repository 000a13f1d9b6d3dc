using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Laws of turnover and tenure measures over generated appointment histories.</summary>
public sealed class TurnoverPropertyTests
{
    [Property]
    public Property Changes_AreAtLeastTheAuthoritiesWithAChange_AndRatesStayInBounds() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                Turnover turnover = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, lookThrough);
                Assert.True(turnover.Changes >= turnover.AuthoritiesWithChange);
                Assert.InRange(turnover.AuthoritiesWithChange, 0, turnover.AuthorityCount);
                Assert.InRange(turnover.AuthorityChangeRate!.Value, 0.0, 1.0);
                Assert.True(turnover.ChangeRate >= turnover.AuthorityChangeRate);
                Assert.InRange(turnover.Stability.Stable, 0, turnover.Stability.Eligible);
                Assert.True(turnover.Stability.Value is null or (>= 0 and <= 1));
            }
        });

    [Property]
    public Property Changes_InAndOutsideTheRegister_AreEveryNewHolderStartingInThePeriod() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            Turnover turnover = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period);
            int starts = input.Appointments
                .GroupBy(a => a.AuthorityCode)
                .Sum(g =>
                {
                    Appointment[] ordered = [.. g.OrderBy(a => a.Start)];
                    return ordered.Where((a, i) => input.Period.Contains(a.Start) && (i == 0 || ordered[i - 1].HolderId != a.HolderId)).Count();
                });
            Assert.Equal(starts, turnover.Changes + turnover.ChangesOutsideRegister);
        });

    [Property]
    public Property LookingThroughInterims_NeverIncreasesChanges() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            Turnover all = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period);
            Turnover permanent = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, lookThroughInterim: true);
            Assert.True(permanent.Changes <= all.Changes, $"{permanent.Changes} > {all.Changes}");
            Assert.True(permanent.AuthoritiesWithChange <= all.AuthoritiesWithChange);
            Assert.True(permanent.ChangesOutsideRegister <= all.ChangesOutsideRegister);
        });

    [Property]
    public Property ShiftingEveryDate_LeavesTenuresUnchanged() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriodAndShift(), input =>
        {
            Appointment[] shifted = [.. input.Appointments.Select(a => WorkforceGenerators.Shift(a, input.Shift))];
            DateInterval window = input.Period;
            DateInterval shiftedWindow = new(window.Start.PlusDays(input.Shift), window.End.PlusDays(input.Shift));
            foreach (bool lookThrough in new[] { false, true })
            {
                Assert.Equal(
                    TenureMeasures.CompletedTenures(input.Appointments, window, lookThrough),
                    TenureMeasures.CompletedTenures(shifted, shiftedWindow, lookThrough));
                Assert.Equal(
                    TenureMeasures.TimeInPost(input.Appointments, window.End, lookThrough),
                    TenureMeasures.TimeInPost(shifted, shiftedWindow.End, lookThrough));
                Assert.Equal(
                    TenureMeasures.TenureRecords(input.Appointments, window, lookThrough).OrderBy(r => (r.Entry, r.Exit, r.IsEvent)),
                    TenureMeasures.TenureRecords(shifted, shiftedWindow, lookThrough).OrderBy(r => (r.Entry, r.Exit, r.IsEvent)));
            }
        });

    [Property]
    public Property TenureRecords_AreEventsForTenuresEndingInTheWindow_AndCensoredForHoldersStillInPost() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            IReadOnlyList<TenureRecord> records = TenureMeasures.TenureRecords(input.Appointments, input.Period);
            LocalDate asOf = input.Period.End;
            int leavingOnTheAsOfDate = TenureMeasures.CompletedTenures(input.Appointments, new DateInterval(asOf, asOf)).Count;
            Assert.Equal(
                TenureMeasures.TimeInPost(input.Appointments, asOf).Count - leavingOnTheAsOfDate,
                records.Count(r => !r.IsEvent));
            Assert.Equal(
                TenureMeasures.CompletedTenures(input.Appointments, input.Period).Count,
                records.Count(r => r.IsEvent));
        });

    [Property]
    public Property Stability_IsTheShareWhoseSpellCoversBothDates_CheckedSpellBySpell() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                Dictionary<string, List<HolderSpell>> spells = HolderSpells.Of(input.Appointments, lookThrough).GroupBy(s => s.AuthorityCode).ToDictionary(g => g.Key, g => g.ToList());
                LocalDate end = input.Period.End;
                LocalDate yearBefore = end.PlusYears(-1);
                int eligible = 0;
                int stable = 0;
                foreach (Authority authority in WorkforceGenerators.Register.InForceDuring(input.Period))
                {
                    if (authority.IsInForceOn(yearBefore) && authority.IsInForceOn(end) && spells.TryGetValue(authority.Code, out List<HolderSpell>? list))
                    {
                        eligible += list.Any(x => x.Covers(yearBefore)) ? 1 : 0;
                        stable += list.Any(x => x.Covers(yearBefore) && x.Covers(end)) ? 1 : 0;
                    }
                }

                StabilityIndex index = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, input.Period, lookThrough).Stability;
                Assert.Equal(new StabilityIndex(yearBefore, end, eligible, stable), index);
            }
        });

    [Property]
    public Property FinancialYearSeries_IsEachYearMeasuredAlone() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                var series = Turnover.ByFinancialYear(input.Appointments, WorkforceGenerators.Register, 2014, 2024, lookThrough);
                Assert.Equal(11, series.Length);
                foreach (Turnover year in series)
                {
                    Turnover alone = Turnover.Measure(input.Appointments, WorkforceGenerators.Register, year.Period, lookThrough);
                    Assert.Equal(
                        (alone.AuthorityCount, alone.Changes, alone.AuthoritiesWithChange, alone.ChangesOutsideRegister, alone.Stability),
                        (year.AuthorityCount, year.Changes, year.AuthoritiesWithChange, year.ChangesOutsideRegister, year.Stability));
                }
            }
        });
}
