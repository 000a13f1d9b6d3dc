using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The synthetic sector reproduces the published figures with the library's own measures.</summary>
public sealed class SyntheticWorkforceTests
{
    private static readonly SyntheticWorkforce Workforce = SyntheticWorkforce.Default;

    private static readonly ImmutableArray<Turnover> Years = Turnover.ByFinancialYear(Workforce.Appointments, Workforce.Register, 2008, 2023);

    private static Turnover Year(int startYear) => Years[startYear - 2008];

    [Fact]
    public void Register_Has152AuthoritiesThenAMergerAndTwoSplits_AllSynthetic()
    {
        Assert.Equal(157, Workforce.Register.Authorities.Length);
        Assert.Equal([.. Enumerable.Range(1, 157).Select(i => $"S{i:000}")], Workforce.Register.Authorities.Select(a => a.Code).Order(StringComparer.Ordinal).ToArray());
        Assert.All(Workforce.Register.Authorities, a => Assert.StartsWith("Synthetic Authority ", a.Name, StringComparison.Ordinal));
        Assert.All(Workforce.Appointments, a => Assert.Matches("^synthetic-[0-9]{4}$", a.HolderId));
        Assert.Equal(
            [152, 152, 152, 152, 152, 152, 152, 152, 152, 152, 152, 151, 151, 151, 152, 153],
            Years.Select(t => t.AuthorityCount));
        Assert.Equal(SyntheticWorkforce.AuthorityCount, Year(2020).AuthorityCount);
        Assert.Equal(SyntheticWorkforce.DefaultSeed, Workforce.Seed);
    }

    [Fact]
    public void Turnover_EveryYear_MatchesItsTarget()
    {
        Assert.Equal(
            SyntheticWorkforce.Targets.Select(t => (t.StartYear, t.Changes, t.AuthoritiesWithChange, t.NewPermanent, t.InterimAppointments, t.AuthorityCount)),
            Years.Select(t => (t.Period.Start.Year, t.Changes, t.AuthoritiesWithChange, t.NewPermanent, t.InterimAppointments, t.AuthorityCount)));
    }

    [Fact]
    public void Turnover_EveryPublishedAdcsFigure_IsReproduced()
    {
        foreach (PublishedTurnoverYear published in SectorFigures.AdcsTurnover)
        {
            Turnover year = Year(published.StartYear);
            Assert.Equal(published.Changes, year.Changes);
            Assert.Equal(published.AuthoritiesWithChange ?? year.AuthoritiesWithChange, year.AuthoritiesWithChange);
            Assert.Equal(published.AuthorityCount ?? year.AuthorityCount, year.AuthorityCount);
            Assert.Equal(published.NewPermanent ?? year.NewPermanent, year.NewPermanent);
            Assert.Equal(published.InterimAppointments ?? year.InterimAppointments, year.InterimAppointments);
            if (published.AverageTenureMonths is int months)
            {
                TenureSummary inPost = TenureMeasures.TimeInPost(Workforce.Appointments, year.Period.End);
                Assert.Equal(months, (int)Math.Round(inPost.MeanMonths!.Value, MidpointRounding.AwayFromZero));
                Assert.Equal(months, SyntheticWorkforce.Targets.Single(t => t.StartYear == published.StartYear).MeanTenureMonths);
            }
        }
    }

    [Fact]
    public void Turnover_2012To13_IsAbout34Point2Percent_And2020To21_TheFewestSince2011To12()
    {
        Assert.Equal(0.342, Year(2012).ChangeRate!.Value, 3);           // 52 of 152
        Turnover year = Year(2020);
        Assert.Equal(SectorFigures.ChangesIn2020To21, year.Changes);
        Assert.All(Enumerable.Range(2012, 8), y => Assert.True(Year(y).Changes > year.Changes, $"{Year(y).Changes} changes in {y}"));
        Assert.True(Year(SectorFigures.FewestChangesSinceStartYear).Changes <= year.Changes);
    }

    [Fact]
    public void Turnover_InMostYears_AboutAThirdOfPostsChangeHands()
    {
        double[] rates = [.. Years.Select(t => t.ChangeRate!.Value)];

        Assert.True(rates.Count(r => Math.Abs(r - SectorFigures.AboutAThirdChangeEachYear) <= 0.08) >= 12, string.Join(", ", rates));
        Assert.InRange(rates.Average(), 0.30, 0.37);
    }

    [Fact]
    public void RollingYears_GiveCypNowsFigures()
    {
        foreach (SyntheticRollingTarget target in SyntheticWorkforce.RollingTargets)
        {
            Turnover rolling = Turnover.Measure(Workforce.Appointments, Workforce.Register, target.Period);
            Assert.Equal(target.Changes ?? rolling.Changes, rolling.Changes);
            Assert.Equal(target.AuthoritiesWithChange ?? rolling.AuthoritiesWithChange, rolling.AuthoritiesWithChange);
            Assert.Equal(target.AuthorityCount, rolling.AuthorityCount);
        }

        Assert.Equal(37, Turnover.Measure(Workforce.Appointments, Workforce.Register, TurnoverPeriods.Rolling12Months(new LocalDate(2021, 6, 30))).AuthoritiesWithChange);
        Assert.Equal(57, Turnover.Measure(Workforce.Appointments, Workforce.Register, TurnoverPeriods.Rolling12Months(new LocalDate(2020, 6, 30))).Changes);
    }

    [Fact]
    public void Origins_AreFirstTimeAboutAsOftenAsTheSizingModelAssumes_WithMovesAndReturns()
    {
        ChangeOrigins origins = Years.Where(t => t.Period.Start.Year >= 2013).Select(t => t.Origins).Aggregate((a, b) => new ChangeOrigins(a.FirstTime + b.FirstTime, a.Moves + b.Moves, a.Returns + b.Returns, a.Unknown + b.Unknown));

        Assert.InRange((double)origins.FirstTime / origins.Total, 0.38, 0.48);   // the sizing model: 0.42
        Assert.InRange((double)origins.Moves / origins.Total, 0.40, 0.60);
        Assert.InRange((double)origins.Returns / origins.Total, 0.02, 0.08);
        Assert.Equal(0, origins.Unknown);
        Assert.All(Years.Where(t => t.Period.Start.Year >= 2009), t => Assert.True(t.Origins.Moves > 0 && t.Origins.FirstTime > 0, t.ToString()));
    }

    [Fact]
    public void Histories_HaveInterimActingAndConfirmedSpells_ReasonsForEveryEnd_AndEndCensored()
    {
        Assert.Contains(Workforce.Appointments, a => a.Kind == AppointmentKind.Interim && a.Start.Year == 2019);
        Assert.Contains(Workforce.Appointments, a => a.Kind == AppointmentKind.Acting);
        Assert.Contains(HolderSpells.Of(Workforce.Appointments), s => s.StartKind == AppointmentKind.Interim && s.PermanentFrom is not null);
        Assert.Equal(153, Workforce.Appointments.Count(a => a.End is null));
        Assert.All(HolderSpells.Of(Workforce.Appointments).Where(s => s.End is not null), s => Assert.NotNull(s.ExitReason));
        Assert.Equal(
            [.. ExitReason.WellKnown.Select(r => r.Code).Order(StringComparer.Ordinal)],
            Workforce.Appointments.Where(a => a.ExitReason is not null).Select(a => a.ExitReason!.Code).Distinct().Order(StringComparer.Ordinal).ToArray());
        Turnover lookingThrough = Turnover.Measure(Workforce.Appointments, Workforce.Register, TurnoverPeriods.FinancialYear(2019), lookThroughInterim: true);
        Assert.True(lookingThrough.Changes < Year(2019).Changes);
    }

    [Fact]
    public void MeanTimeInPostOfPermanentDcss_In2017To18_IsNotATarget_AndIsWhatTheRemarksSay()
    {
        // ADCS: 26 months for all DCSs in post on 31 March 2018 and 37 for permanent DCSs; the all-holders figure wins.
        TenureSummary permanent = TenureMeasures.TimeInPost(Workforce.Appointments, new LocalDate(2018, 3, 31), lookThroughInterim: true);
        TenureSummary all = TenureMeasures.TimeInPost(Workforce.Appointments, new LocalDate(2018, 3, 31));

        Assert.Equal(26, (int)Math.Round(all.MeanMonths!.Value));
        Assert.InRange(permanent.MeanMonths!.Value, all.MeanMonths!.Value, 36);
    }

    [Fact]
    public void Generate_TheDefaultSeed_GivesTheSameRecords()
    {
        SyntheticWorkforce again = SyntheticWorkforce.Generate(SyntheticWorkforce.DefaultSeed);

        Assert.Equal(Workforce.Appointments.ToArray(), again.Appointments.ToArray());
        Assert.Equal(Workforce.Register.Authorities.ToArray(), again.Register.Authorities.ToArray());
    }

    /// <summary>Any seed: a history valid against its own register, the targets and rolling years met, unbroken posts, first-time DCSs, moves and returns.</summary>
    [Property]
    public Property Generate_AnySeed_GivesAValidHistoryMeetingEveryCountTarget() =>
        Prop.ForAll(
            Generators.IntegersBetween(0, 1_000_000),
            seed =>
            {
                SyntheticWorkforce workforce = SyntheticWorkforce.Generate(seed);
                AppointmentValidationResult validated = AppointmentValidation.Validate(
                    workforce.Appointments.Select((a, i) => RecordResult.Success(i + 1, a)), workforce.Register, SyntheticWorkforce.CoverageEnd);
                Assert.Equal(0, validated.Summary.Reported);

                ImmutableArray<Turnover> years = Turnover.ByFinancialYear(validated.Appointments, workforce.Register, 2008, 2023);
                Assert.Equal(
                    SyntheticWorkforce.Targets.Select(t => (t.Changes, t.AuthoritiesWithChange, t.NewPermanent, t.InterimAppointments, t.AuthorityCount)),
                    years.Select(t => (t.Changes, t.AuthoritiesWithChange, t.NewPermanent, t.InterimAppointments, t.AuthorityCount)));
                foreach (SyntheticRollingTarget target in SyntheticWorkforce.RollingTargets)
                {
                    Turnover rolling = Turnover.Measure(validated.Appointments, workforce.Register, target.Period);
                    Assert.Equal((target.Changes ?? rolling.Changes, target.AuthoritiesWithChange ?? rolling.AuthoritiesWithChange), (rolling.Changes, rolling.AuthoritiesWithChange));
                }

                int changes = years.Sum(t => t.Changes);
                Assert.InRange((double)years.Sum(t => t.Origins.FirstTime) / changes, 0.35, 0.55);
                Assert.InRange((double)years.Sum(t => t.Origins.Returns) / changes, 0.01, 0.10);
                foreach (IGrouping<string, Appointment> history in workforce.Appointments.GroupBy(a => a.AuthorityCode))
                {
                    Appointment[] ordered = [.. history];
                    Authority authority = workforce.Register.Authorities.Single(a => a.Code == history.Key);
                    Assert.InRange(ordered[0].Start, authority.EffectiveFrom, LocalDate.Max(authority.EffectiveFrom, SyntheticWorkforce.CoverageStart.PlusDays(-30)));
                    Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(pair.First.End!.Value.PlusDays(1), pair.Second.Start));
                    Assert.Equal(authority.EffectiveTo, ordered[^1].End);
                }
            });
}
