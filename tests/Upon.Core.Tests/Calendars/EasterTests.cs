using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class EasterTests
{
    [Theory]
    [InlineData(1978, 3, 26)]
    [InlineData(1981, 4, 19)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2020, 4, 12)]
    [InlineData(2021, 4, 4)]
    [InlineData(2022, 4, 17)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void Sunday_KnownYears_MatchesPublishedDate(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), Easter.Sunday(year));

    [Property]
    public Property Sunday_AnyYear_IsSundayBetween22MarchAnd25April() =>
        Prop.ForAll(Arb.From(Gen.Choose(Easter.MinYear, Easter.MaxYear)), year =>
        {
            LocalDate sunday = Easter.Sunday(year);
            return sunday.DayOfWeek == IsoDayOfWeek.Sunday
                && sunday.Year == year
                && sunday >= new LocalDate(year, 3, 22)
                && sunday <= new LocalDate(year, 4, 25);
        });

    [Property]
    public Property GoodFridayAndMonday_AreTwoDaysBeforeAndOneDayAfter() =>
        Prop.ForAll(Arb.From(Gen.Choose(Easter.MinYear, Easter.MaxYear - 1)), year =>
            Easter.GoodFriday(year) == Easter.Sunday(year).PlusDays(-2)
            && Easter.Monday(year) == Easter.Sunday(year).PlusDays(1)
            && Easter.GoodFriday(year).DayOfWeek == IsoDayOfWeek.Friday);

    [Theory]
    [InlineData(Easter.MinYear - 1)]
    [InlineData(Easter.MaxYear + 1)]
    public void Sunday_YearOutOfRange_Throws(int year)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => Easter.Sunday(year));
        Assert.Equal("year", ex.ParamName);
    }
}
