using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The synthetic register reproduces the published headline figures with the library's own measures.</summary>
public sealed class SyntheticWorkforceTests
{
    private static readonly SyntheticWorkforce Workforce = SyntheticWorkforce.Default;

    private static readonly ImmutableArray<Turnover> Years = Turnover.ByFinancialYear(Workforce.Appointments, Workforce.Register, 2008, 2022);

    private static Turnover Year(int startYear) => Years[startYear - 2008];

    [Fact]
    public void Register_Has151SyntheticAuthoritiesInForceThroughout()
    {
        Assert.Equal(SectorFigures.Authorities, Workforce.Register.Authorities.Length);
        Assert.All(Workforce.Register.Authorities, a => Assert.StartsWith("Synthetic ", a.Name, StringComparison.Ordinal));
        Assert.All(Workforce.Appointments, a => Assert.Contains("-synthetic-", a.HolderId, StringComparison.Ordinal));
        Assert.All(Years, t => Assert.Equal(151, t.AuthorityCount));
        Assert.Equal(SyntheticWorkforce.DefaultSeed, Workforce.Seed);
    }

    [Fact]
    public void Turnover_2019To20_Is57ChangesIn48Of151Authorities()
    {
        Assert.Equal(SectorFigures.ChangesInPreviousYearToMid2020, Year(2019).Changes);
        Assert.Equal(48, Year(2019).AuthoritiesWithChange);
    }

    [Fact]
    public void Turnover_2020To21_Is39ChangesIn34Authorities_TheFewestSince2011To12()
    {
        Turnover year = Year(2020);

        Assert.Equal(SectorFigures.ChangesIn2020To21, year.Changes);
        Assert.Equal(34, year.AuthoritiesWithChange);
        int[] between = [.. Enumerable.Range(SectorFigures.FewestChangesSinceStartYear + 1, 2019 - SectorFigures.FewestChangesSinceStartYear).Select(y => Year(y).Changes)];
        Assert.Equal(8, between.Length);
        Assert.All(between, changes => Assert.True(changes > year.Changes, $"{changes} changes in a year between 2012/13 and 2019/20"));
        Assert.True(Year(SectorFigures.FewestChangesSinceStartYear).Changes <= year.Changes);
    }

    [Fact]
    public void Turnover_EveryYear_MatchesItsTarget_AndThePublishedAdcsYears()
    {
        Assert.Equal(
            SyntheticWorkforce.Targets.Select(t => (t.StartYear, t.Changes, t.AuthoritiesWithChange)),
            Years.Select(t => (t.Period.Start.Year, t.Changes, t.AuthoritiesWithChange)));
        foreach (PublishedTurnoverYear published in SectorFigures.AdcsTurnover.Where(p => p.StartYear <= 2022))
        {
            Assert.Equal(published.Changes, Year(published.StartYear).Changes);
            if (published.AuthoritiesWithChange is int authorities)
            {
                Assert.Equal(authorities, Year(published.StartYear).AuthoritiesWithChange);
            }
        }
    }

    [Fact]
    public void Turnover_InMostYears_AboutAThirdOfPostsChangeHands()
    {
        double[] rates = [.. Years.Select(t => t.ChangeRate!.Value)];

        Assert.True(rates.Count(r => Math.Abs(r - SectorFigures.AboutAThirdChangeEachYear) <= 0.08) >= 11, string.Join(", ", rates));
        Assert.InRange(rates.Average(), 0.30, 0.37);
    }

    [Theory]
    [InlineData(2019, 29)]
    [InlineData(2020, 29)]
    [InlineData(2021, 30)]
    public void TimeInPost_On31March_IsWithinAMonthOfAdcs(int year, int publishedMonths)
    {
        TenureSummary summary = TenureMeasures.TimeInPost(Workforce.Appointments, new LocalDate(year, 3, 31));

        Assert.Equal(151, summary.Count);
        Assert.InRange(summary.MeanMonths!.Value, publishedMonths - 1, publishedMonths + 1);
    }

    [Fact]
    public void Histories_HaveInterimAndActingSpells_AndEndCensored()
    {
        Assert.Contains(Workforce.Appointments, a => a.Kind == AppointmentKind.Interim && a.Start.Year == 2019);
        Assert.Contains(Workforce.Appointments, a => a.Kind == AppointmentKind.Acting);
        Assert.Equal(151, Workforce.Appointments.Count(a => a.End is null));
        Turnover lookingThrough = Turnover.Measure(Workforce.Appointments, Workforce.Register, TurnoverPeriods.FinancialYear(2019), lookThroughInterim: true);
        Assert.True(lookingThrough.Changes < Year(2019).Changes);
    }

    [Fact]
    public void Generate_TheDefaultSeed_GivesTheSameRecords()
    {
        SyntheticWorkforce again = SyntheticWorkforce.Generate(SyntheticWorkforce.DefaultSeed);

        Assert.Equal(Workforce.Appointments.ToArray(), again.Appointments.ToArray());
        Assert.Equal(Workforce.Register.Authorities.ToArray(), again.Register.Authorities.ToArray());
    }

    [Property]
    public Property Generate_AnySeed_MeetsTheTargetsWithUnbrokenHistories() =>
        Prop.ForAll(
            Generators.IntegersBetween(0, 1_000_000),
            seed =>
            {
                SyntheticWorkforce workforce = SyntheticWorkforce.Generate(seed);
                ImmutableArray<Turnover> years = Turnover.ByFinancialYear(workforce.Appointments, workforce.Register, 2008, 2022);
                Assert.Equal(
                    SyntheticWorkforce.Targets.Select(t => (t.Changes, t.AuthoritiesWithChange)),
                    years.Select(t => (t.Changes, t.AuthoritiesWithChange)));
                foreach (IGrouping<string, Appointment> history in workforce.Appointments.GroupBy(a => a.AuthorityCode))
                {
                    Appointment[] ordered = [.. history];
                    Assert.True(ordered[0].Start < SyntheticWorkforce.CoverageStart);
                    Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.Equal(pair.First.End!.Value.PlusDays(1), pair.Second.Start));
                    Assert.Null(ordered[^1].End);
                }
            });
}
