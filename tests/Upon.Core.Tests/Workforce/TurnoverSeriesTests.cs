using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Turnover series and their queries, and the published ADCS figures.</summary>
public sealed class TurnoverSeriesTests
{
    [Fact]
    public void Published_ChangesIn2020_AreTheLowestInTheSeries_WhichCannotReach2011()
    {
        TurnoverSeries changes = PublishedTurnoverFigures.Series(TurnoverMeasure.Changes);

        Assert.Equal(39, changes.ValueIn(2020));
        Assert.Null(changes.LowestSince(2020));       // lower than every earlier published year (from 2013/14)
        Assert.Equal(2013, changes.Points[0].Year);   // so "fewest since 2011/12" cannot be checked here
        Assert.Equal<int>([2014, 2021], changes.MissingYears);
        Assert.Equal(2020, changes.LowestSince(2022)); // 50 in 2022/23: the lowest since 2020/21's 39
        Assert.Equal(2017, changes.HighestSince(2023)); // 62 in 2023/24: the highest since 2017/18's record 65
        Assert.Null(changes.HighestSince(2017));
        Assert.Null(changes.LowestSince(2016));        // 44 in 2016/17
        Assert.Equal(-18, changes.ChangeOnPreviousYear(2020));
        Assert.Null(changes.ChangeOnPreviousYear(2022)); // 2021/22 is not published
        Assert.Equal(53, changes.Mean(2017, 2020));
        Assert.Equal("2020/21", changes.YearLabel(2020));
    }

    [Fact]
    public void Published_RatesUseEachYearsOwnNumberOfAuthorities()
    {
        TurnoverSeries share = PublishedTurnoverFigures.Series(TurnoverMeasure.AuthorityChangeRate);
        Assert.Equal(34.0 / 151, share.ValueIn(2020));
        Assert.Equal(49.0 / 153, share.ValueIn(2023));
        Assert.Null(share.ValueIn(2017));                // 57 authorities, but out of how many is not published
        Assert.Equal(51.0 / 152, PublishedTurnoverFigures.Series(TurnoverMeasure.ChangeRate).ValueIn(2018));
        Assert.Equal([152.0, 151, 151, 152, 153], PublishedTurnoverFigures.Series(TurnoverMeasure.AuthorityCount).Points.Where(p => p.Value is not null).Select(p => p.Value!.Value));
        Assert.Equal(30, PublishedTurnoverFigures.Series(y => y.AverageTenureMonths).ValueIn(2020));
        Assert.Equal(37, PublishedTurnoverFigures.Find(2017)!.Value.AveragePermanentTenureMonths);
        Assert.Null(PublishedTurnoverFigures.Find(2021));
    }

    [Fact]
    public void Published_FiguresAreTheTableInTheDomainNotes()
    {
        Assert.Equal([2013, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023], PublishedTurnoverFigures.Years.Select(y => y.StartYear));
        Assert.Equal([61, 55, 44, 65, 51, 57, 39, 50, 62], PublishedTurnoverFigures.Years.Select(y => y.Changes));
        Assert.Equal([null, null, null, 57, 40, 48, 34, 42, 49], PublishedTurnoverFigures.Years.Select(y => y.AuthoritiesWithChange));
        Assert.Equal([null, 29, 16, 27, 17, 24, 12, 21, 21], PublishedTurnoverFigures.Years.Select(y => y.NewPermanent));
        Assert.Equal([null, null, null, 27, 20, 22, 17, null, 28], PublishedTurnoverFigures.Years.Select(y => y.InterimAppointments));
        Assert.Equal([null, null, null, 26, 29, 29, 30, null, 33], PublishedTurnoverFigures.Years.Select(y => y.AverageTenureMonths));
        Assert.All(PublishedTurnoverFigures.Years, y => Assert.True(y.AuthoritiesWithChange is null || y.AuthoritiesWithChange <= y.Changes));
        Assert.NotEmpty(PublishedTurnoverFigures.Notes);
    }

    [Fact]
    public void Published_UnpublishedMeasures_AreRefused()
    {
        Assert.Equal("measure", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedTurnoverFigures.Series(TurnoverMeasure.Moves)).ParamName);
        Assert.Equal("measure", Assert.Throws<ArgumentOutOfRangeException>(() => PublishedTurnoverFigures.Series((TurnoverMeasure)0)).ParamName);
        Assert.Equal("measure", Assert.Throws<ArgumentNullException>(() => PublishedTurnoverFigures.Series((Func<PublishedTurnoverYear, double?>)null!)).ParamName);
    }

    [Fact]
    public void Queries_OnAYearWithoutAValue_AreRefused()
    {
        TurnoverSeries changes = PublishedTurnoverFigures.Series(TurnoverMeasure.Changes);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => changes.LowestSince(2021));
        Assert.Equal("year", e.ParamName);
        Assert.StartsWith("The year has no value in the series.", e.Message, StringComparison.Ordinal);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => changes.HighestSince(2030)).ParamName);
        Assert.Equal("toYear", Assert.Throws<ArgumentOutOfRangeException>(() => changes.Mean(2020, 2019)).ParamName);
        Assert.Null(changes.Mean(2014, 2014));
    }

    [Fact]
    public void FromValues_RefusesRepeatedYearsAndNonFiniteValues()
    {
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => TurnoverSeries.FromValues(YearBasis.Calendar, [new(2020, 1), new(2020, 2)])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues(YearBasis.Calendar, [new(2020, double.NaN)])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues(YearBasis.Calendar, [new(0, 1)])).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.FromValues((YearBasis)7, [])).ParamName);
        Assert.Equal("2020", TurnoverSeries.FromValues(YearBasis.Calendar, []).YearLabel(2020));
        Assert.Equal("1999/00", TurnoverSeries.Label(YearBasis.Financial, 1999));
    }

    [Fact]
    public void Of_TakesWholeFinancialOrCalendarYears_OfOneKind()
    {
        AuthorityRegister register = WorkforceGenerators.Register;
        Appointment[] none = [];
        Turnover financial = Turnover.Measure(none, register, TurnoverPeriods.FinancialYear(2020));
        Turnover calendar = Turnover.Measure(none, register, TurnoverPeriods.CalendarYear(2020));
        Turnover rolling = Turnover.Measure(none, register, TurnoverPeriods.Rolling12Months(new LocalDate(2021, 6, 30)));

        Assert.Equal(YearBasis.Calendar, TurnoverSeries.Of([calendar], TurnoverMeasure.Changes).Basis);
        Assert.Equal(YearBasis.Financial, TurnoverSeries.Of([financial], TurnoverMeasure.Changes).Basis);
        Assert.Equal("turnovers", Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([financial, calendar], TurnoverMeasure.Changes)).ParamName);
        Assert.Equal("turnovers", Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([rolling], TurnoverMeasure.Changes)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => TurnoverSeries.Of([financial, financial], TurnoverMeasure.Changes)).ParamName);
        Assert.Equal("measure", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverSeries.Of([financial], (TurnoverMeasure)12)).ParamName);
        Assert.Equal(5, TurnoverSeries.Of([financial], TurnoverMeasure.AuthorityCount).ValueIn(2020)); // A to E
    }

    [Property]
    public Property Series_OfMeasuredYears_FollowsTheChosenMeasure() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            var years = Turnover.ByFinancialYear(input.Appointments, WorkforceGenerators.Register, 2014, 2024);
            foreach (TurnoverMeasure measure in Enum.GetValues<TurnoverMeasure>())
            {
                TurnoverSeries series = TurnoverSeries.Of(years.Reverse(), measure);
                Assert.Equal(Enumerable.Range(2014, 11), series.Points.Select(p => p.Year));
                Assert.Equal(YearBasis.Financial, series.Basis);
                Func<Turnover, double?> value = measure switch
                {
                    TurnoverMeasure.Changes => t => t.Changes,
                    TurnoverMeasure.AuthoritiesWithChange => t => t.AuthoritiesWithChange,
                    TurnoverMeasure.AuthorityCount => t => t.AuthorityCount,
                    TurnoverMeasure.ChangeRate => t => t.ChangeRate,
                    TurnoverMeasure.AuthorityChangeRate => t => t.AuthorityChangeRate,
                    TurnoverMeasure.NewPermanent => t => t.NewPermanent,
                    TurnoverMeasure.InterimAppointments => t => t.InterimAppointments,
                    TurnoverMeasure.FirstTime => t => t.Origins.FirstTime,
                    TurnoverMeasure.Moves => t => t.Origins.Moves,
                    TurnoverMeasure.Returns => t => t.Origins.Returns,
                    _ => t => t.Stability.Value,
                };
                Assert.Equal(years.Select(value), series.Points.Select(p => p.Value));
            }
        });

    [Property]
    public Property LowestSince_IsTheLatestEarlierYearAtOrBelow_WithOnlyHigherYearsBetween() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.SeriesPoints(), points =>
        {
            TurnoverSeries series = TurnoverSeries.FromValues(YearBasis.Financial, points.Reverse());
            foreach (TurnoverPoint point in points.Where(p => p.Value is not null))
            {
                double value = point.Value!.Value;
                int? since = series.LowestSince(point.Year);
                TurnoverPoint[] earlier = [.. points.Where(p => p.Year < point.Year && p.Value is not null)];
                if (since is int year)
                {
                    Assert.True(year < point.Year);
                    Assert.True(series.ValueIn(year) <= value);
                    Assert.All(earlier.Where(p => p.Year > year), p => Assert.True(p.Value > value));
                }
                else
                {
                    Assert.All(earlier, p => Assert.True(p.Value > value));
                }
            }
        });

    [Property]
    public Property HighestSince_IsLowestSinceOfTheNegatedSeries() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.SeriesPoints(), points =>
        {
            TurnoverSeries series = TurnoverSeries.FromValues(YearBasis.Calendar, points);
            TurnoverSeries negated = TurnoverSeries.FromValues(YearBasis.Calendar, points.Select(p => p with { Value = -p.Value }));
            foreach (TurnoverPoint point in points.Where(p => p.Value is not null))
            {
                Assert.Equal(negated.LowestSince(point.Year), series.HighestSince(point.Year));
            }
        });

    [Property]
    public Property MeanChangeAndGaps_FollowTheirDefinitions() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.SeriesPoints(), points =>
        {
            TurnoverSeries series = TurnoverSeries.FromValues(YearBasis.Financial, points);
            double[] values = [.. points.Where(p => p.Value is not null).Select(p => p.Value!.Value)];
            Assert.Equal(values.Length == 0 ? null : values.Average(), series.Mean(1, 9998));
            if (points.Length > 0)
            {
                int first = points[0].Year;
                int last = points[^1].Year;
                Assert.Equal<int>(Enumerable.Range(first, last - first + 1).Where(y => series.ValueIn(y) is null), series.MissingYears);
                foreach (int year in Enumerable.Range(first, last - first + 1))
                {
                    double? change = series.ChangeOnPreviousYear(year);
                    Assert.Equal(series.ValueIn(year) is double now && series.ValueIn(year - 1) is double before ? now - before : null, change);
                }
            }
        });
}
