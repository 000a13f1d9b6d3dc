using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>The "lowest since" notes of <see cref="TurnoverSeries"/> and the whole years of <see cref="TurnoverPeriods"/>.</summary>
public sealed class TurnoverNotesTests
{
    [Theory]
    [InlineData(2013, null)]                                            // the first year: nothing to compare with
    [InlineData(2016, "the lowest since the series began in 2013/14")] // 44, below every earlier year
    [InlineData(2017, "the highest since the series began in 2013/14")] // 65, the record
    [InlineData(2020, "the lowest since the series began in 2013/14")] // 39
    [InlineData(2022, "the lowest since 2020/21")]                      // 50: 2021/22 is missing, so 2020/21 is two years before
    [InlineData(2023, "the highest since 2017/18")]                     // 62
    public void DescribeSince_PublishedChanges(int year, string? expected) =>
        Assert.Equal(expected, PublishedTurnoverFigures.Series(TurnoverMeasure.Changes).DescribeSince(year));

    [Fact]
    public void DescribeSince_SaysNothing_WhenTheYearBeforeWasAsLowOrAsHigh()
    {
        TurnoverSeries series = TurnoverSeries.FromValues(YearBasis.Calendar, [new(2010, 5), new(2011, 3), new(2012, 2), new(2013, 2), new(2014, 4), new(2015, 1)]);

        Assert.Equal("the lowest since the series began in 2010", series.DescribeSince(2012));
        Assert.Null(series.DescribeSince(2013));                       // equal to 2012: lowest since 2012, the year before
        Assert.Equal("the highest since 2010", series.DescribeSince(2014));
        Assert.Equal("the lowest since the series began in 2010", series.DescribeSince(2015));
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => series.DescribeSince(2016)).ParamName);
    }

    [Fact]
    public void DescribeSince_BeginsTheSeriesAtItsFirstYear_WithAValueOrNot()
    {
        TurnoverSeries series = TurnoverSeries.FromValues(YearBasis.Financial, [new(2010, null), new(2011, 3), new(2012, 2)]);

        Assert.Equal("the lowest since the series began in 2010/11", series.DescribeSince(2012));
    }

    [Fact]
    public void Notes_OnTheSyntheticWorkforce_AreTheDemosNotes()
    {
        SyntheticWorkforce workforce = SyntheticWorkforce.Default;
        ImmutableArray<Turnover> turnovers = Turnover.ByFinancialYear(workforce.Appointments, workforce.Register, 2008, 2020, lookThroughInterim: false);

        ImmutableArray<string> notes = TurnoverSeries.Notes(turnovers);

        Assert.Contains("2020/21: the change rate, 25.8%, is the lowest since 2011/12.", notes);
        Assert.All(notes, n => Assert.StartsWith("2020/21: the ", n, StringComparison.Ordinal));
        Assert.Empty(TurnoverSeries.Notes(turnovers[..2]));
        Assert.Equal("turnovers", Assert.Throws<ArgumentNullException>(() => TurnoverSeries.Notes(null!)).ParamName);
    }

    [Property]
    public Property Notes_EachMeasure_AreDescribeSinceOfTheLatestYear_AsAPercentage() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            Appointment[] appointments = input.Appointments;
            AuthorityRegister register = new(appointments.Select(a => a.AuthorityCode).Distinct().Select(code => new Authority(code, code, "R", new LocalDate(1990, 1, 1))));
            Turnover[] turnovers = [.. Enumerable.Range(2015, 4).Select(year => Turnover.Measure(appointments, register, TurnoverPeriods.CalendarYear(year)))];
            TurnoverSeries changeRate = TurnoverSeries.Of(turnovers, TurnoverMeasure.ChangeRate);

            ImmutableArray<string> notes = TurnoverSeries.Notes(turnovers);

            string? expected = changeRate.ValueIn(2018) is double value && changeRate.DescribeSince(2018) is string since
                ? $"2018: the change rate, {(value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%, is {since}."
                : null;
            Assert.Equal(expected, notes.FirstOrDefault(n => n.StartsWith("2018: the change rate,", StringComparison.Ordinal)));
            Assert.InRange(notes.Length, 0, 3);
        });

    [Theory]
    [InlineData(YearBasis.Financial, "2021-03-31", 2020)]
    [InlineData(YearBasis.Financial, "2021-03-30", 2019)]
    [InlineData(YearBasis.Financial, "2021-04-01", 2020)]
    [InlineData(YearBasis.Calendar, "2021-12-31", 2021)]
    [InlineData(YearBasis.Calendar, "2021-12-30", 2020)]
    [InlineData(YearBasis.Calendar, "2022-01-01", 2021)]
    public void LastWholeYear_IsTheLatestYearEndingByTheDate(YearBasis basis, string asOf, int expected)
    {
        LocalDate date = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).Value;

        Assert.Equal(expected, TurnoverPeriods.LastWholeYear(basis, date));
        Assert.True(TurnoverPeriods.Year(basis, expected).End <= date);
        Assert.True(TurnoverPeriods.Year(basis, expected + 1).End > date);
    }

    [Property]
    public Property YearContaining_AndYear_Agree() =>
        Prop.ForAll(Generators.AnyDate(), date =>
        {
            foreach (YearBasis basis in new[] { YearBasis.Financial, YearBasis.Calendar })
            {
                if (date.Year is < 2 or > 9998)
                {
                    continue;
                }

                int year = TurnoverPeriods.YearContaining(basis, date);
                Assert.True(TurnoverPeriods.Year(basis, year).Contains(date));
                Assert.InRange(TurnoverPeriods.LastWholeYear(basis, date), year - 1, year);
            }
        });

    [Fact]
    public void Year_RefusesAnUndefinedBasis_AndYearsOutOfRange()
    {
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.Year((YearBasis)3, 2020)).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.YearContaining(0, new LocalDate(2020, 1, 1))).ParamName);
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.Year(YearBasis.Calendar, 9999)).ParamName);
        Assert.Equal("startYear", Assert.Throws<ArgumentOutOfRangeException>(() => TurnoverPeriods.Year(YearBasis.Financial, 0)).ParamName);
    }
}
