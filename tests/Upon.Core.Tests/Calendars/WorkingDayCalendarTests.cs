using System;
using System.Collections.Immutable;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar EnglandAndWales = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void AddWorkingDays_FridayPlusOne_IsMonday() =>
        Assert.Equal(new LocalDate(2024, 6, 10), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 7), 1));

    [Fact]
    public void AddWorkingDays_SaturdayPlusOne_IsMonday() =>
        Assert.Equal(new LocalDate(2024, 6, 10), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 8), 1));

    [Fact]
    public void AddWorkingDays_SundayPlusOne_IsMonday() =>
        Assert.Equal(new LocalDate(2024, 6, 10), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 9), 1));

    [Fact]
    public void AddWorkingDays_MondayMinusOne_IsFriday() =>
        Assert.Equal(new LocalDate(2024, 6, 7), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 10), -1));

    [Fact]
    public void AddWorkingDays_SaturdayMinusOne_IsFriday() =>
        Assert.Equal(new LocalDate(2024, 6, 7), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 8), -1));

    [Fact]
    public void AddWorkingDays_ThursdayBeforeGoodFridayPlusOne_IsTuesdayAfterEasterMonday()
    {
        LocalDate thursday = Easter.GoodFriday(2024).PlusDays(-1);
        Assert.Equal(new LocalDate(2024, 3, 28), thursday);
        Assert.Equal(new LocalDate(2024, 4, 2), EnglandAndWales.AddWorkingDays(thursday, 1));
    }

    [Fact]
    public void AddWorkingDays_TuesdayAfterEasterMondayMinusOne_IsThursdayBeforeGoodFriday() =>
        Assert.Equal(new LocalDate(2024, 3, 28), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 4, 2), -1));

    [Fact]
    public void AddWorkingDays_ChristmasEve2020PlusOne_SkipsChristmasWeekendAndBoxingDaySubstitute() =>
        Assert.Equal(new LocalDate(2020, 12, 29), EnglandAndWales.AddWorkingDays(new LocalDate(2020, 12, 24), 1));

    [Fact]
    public void AddWorkingDays_FiveFromMonday_IsNextMonday() =>
        Assert.Equal(new LocalDate(2024, 6, 17), EnglandAndWales.AddWorkingDays(new LocalDate(2024, 6, 10), 5));

    [Theory]
    [InlineData(2024, 6, 9)]   // Sunday
    [InlineData(2024, 6, 8)]   // Saturday
    [InlineData(2024, 12, 25)] // Christmas Day
    [InlineData(2024, 6, 10)]  // Monday, a working day
    public void AddWorkingDays_Zero_ReturnsTheDateItself(int year, int month, int day)
    {
        LocalDate date = new(year, month, day);
        Assert.Equal(date, EnglandAndWales.AddWorkingDays(date, 0));
    }

    [Fact]
    public void NextWorkingDay_ChristmasEve2021_IsWednesday29th() =>
        Assert.Equal(new LocalDate(2021, 12, 29), EnglandAndWales.NextWorkingDay(new LocalDate(2021, 12, 24)));

    [Fact]
    public void PreviousWorkingDay_NewYearSubstitute2022_IsFriday31December() =>
        Assert.Equal(new LocalDate(2021, 12, 31), EnglandAndWales.PreviousWorkingDay(new LocalDate(2022, 1, 3)));

    [Fact]
    public void WorkingDayOnOrAfter_WorkingDay_IsItself() =>
        Assert.Equal(new LocalDate(2024, 6, 10), EnglandAndWales.WorkingDayOnOrAfter(new LocalDate(2024, 6, 10)));

    [Fact]
    public void WorkingDayOnOrAfter_GoodFriday_IsTuesdayAfterEaster() =>
        Assert.Equal(new LocalDate(2024, 4, 2), EnglandAndWales.WorkingDayOnOrAfter(new LocalDate(2024, 3, 29)));

    [Fact]
    public void WorkingDayOnOrBefore_EasterMonday_IsThursdayBeforeGoodFriday() =>
        Assert.Equal(new LocalDate(2024, 3, 28), EnglandAndWales.WorkingDayOnOrBefore(new LocalDate(2024, 4, 1)));

    [Fact]
    public void WorkingDayOnOrBefore_WorkingDay_IsItself() =>
        Assert.Equal(new LocalDate(2024, 3, 28), EnglandAndWales.WorkingDayOnOrBefore(new LocalDate(2024, 3, 28)));

    [Theory]
    [InlineData(2024, 254)]
    [InlineData(2022, 250)]
    [InlineData(2023, 251)]
    [InlineData(2020, 254)]
    public void CountWorkingDays_WholeYear_MatchesKnownCount(int year, int expected) =>
        Assert.Equal(expected, EnglandAndWales.CountWorkingDays(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31))));

    [Fact]
    public void Summarize_2022_SplitsIntoWeekendsHolidaysAndWorkingDays()
    {
        WorkingDaySummary summary = EnglandAndWales.Summarize(new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31)));

        Assert.Equal(365, summary.CalendarDays);
        Assert.Equal(105, summary.WeekendDays);
        Assert.Equal(10, summary.HolidaysOnWeekdays);
        Assert.Equal(250, summary.WorkingDays);
        Assert.Equal(10, summary.Holidays.Length);
    }

    [Fact]
    public void Summarize_HolidayAtWeekend_CountsOnceAsWeekendDay()
    {
        // 2021-12-25 and 26 are a weekend; their substitutes are the 27th and 28th.
        WorkingDaySummary summary = EnglandAndWales.Summarize(new DateInterval(new LocalDate(2021, 12, 25), new LocalDate(2021, 12, 28)));

        Assert.Equal(4, summary.CalendarDays);
        Assert.Equal(2, summary.WeekendDays);
        Assert.Equal(2, summary.HolidaysOnWeekdays);
        Assert.Equal(0, summary.WorkingDays);
    }

    [Fact]
    public void GetWorkingDays_EasterWeek2024_SkipsGoodFridayWeekendAndEasterMonday()
    {
        ImmutableArray<LocalDate> days = EnglandAndWales.GetWorkingDays(new DateInterval(new LocalDate(2024, 3, 27), new LocalDate(2024, 4, 3)));

        Assert.Equal<LocalDate>([new LocalDate(2024, 3, 27), new LocalDate(2024, 3, 28), new LocalDate(2024, 4, 2), new LocalDate(2024, 4, 3)], days);
    }

    [Fact]
    public void IsWorkingDay_FirstCoveredDate_IsAnsweredAndIsASunday()
    {
        Assert.Equal(new LocalDate(1978, 1, 1), EnglandAndWales.Coverage.Start);
        Assert.False(EnglandAndWales.IsWorkingDay(new LocalDate(1978, 1, 1)));
        Assert.False(EnglandAndWales.IsWorkingDay(new LocalDate(1978, 1, 2))); // New Year's Day substitute
        Assert.True(EnglandAndWales.IsWorkingDay(new LocalDate(1978, 1, 3)));
    }

    [Fact]
    public void IsWorkingDay_LastCoveredDate_IsAnsweredAndIsAWorkingThursday()
    {
        Assert.Equal(new LocalDate(2099, 12, 31), EnglandAndWales.Coverage.End);
        Assert.True(EnglandAndWales.IsWorkingDay(new LocalDate(2099, 12, 31)));
        Assert.False(EnglandAndWales.IsWorkingDay(new LocalDate(2099, 12, 28))); // Boxing Day substitute
    }

    [Theory]
    [InlineData(1977, 12, 31)]
    [InlineData(2100, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void IsWorkingDay_OutsideCoverage_ThrowsNamingDateAndCoverage(int year, int month, int day)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => EnglandAndWales.IsWorkingDay(new LocalDate(year, month, day)));

        Assert.Equal("date", ex.ParamName);
        Assert.Contains("1978-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2099-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1977, 12, 31)]
    [InlineData(2100, 1, 1)]
    public void OtherDateQueries_OutsideCoverage_ThrowWithParamNameDate(int year, int month, int day)
    {
        LocalDate date = new(year, month, day);
        Action[] queries =
        [
            () => EnglandAndWales.AddWorkingDays(date, 1),
            () => EnglandAndWales.AddWorkingDays(date, 0),
            () => EnglandAndWales.NextWorkingDay(date),
            () => EnglandAndWales.PreviousWorkingDay(date),
            () => EnglandAndWales.WorkingDayOnOrAfter(date),
            () => EnglandAndWales.WorkingDayOnOrBefore(date),
            () => EnglandAndWalesBankHolidays.Calendar.IsHoliday(date),
        ];

        foreach (Action query in queries)
        {
            ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(query);
            Assert.Equal("date", ex.ParamName);
        }
    }

    [Fact]
    public void CountWorkingDays_IntervalReachingOutsideCoverage_Throws()
    {
        DateInterval interval = new(new LocalDate(2099, 12, 1), new LocalDate(2100, 1, 31));

        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.CountWorkingDays(interval));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.GetWorkingDays(interval));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.Summarize(interval));
    }

    [Fact]
    public void IsWorkingDay_NonIsoDate_ThrowsArgumentException()
    {
        LocalDate julian = new(2020, 1, 1, CalendarSystem.Julian);

        ArgumentException ex = Assert.Throws<ArgumentException>(() => EnglandAndWales.IsWorkingDay(julian));
        Assert.Equal("date", ex.ParamName);
        Assert.Throws<ArgumentException>(() => EnglandAndWales.AddWorkingDays(julian, 1));
        Assert.Throws<ArgumentException>(() => EnglandAndWalesBankHolidays.Calendar.IsHoliday(julian));
    }

    [Theory]
    [InlineData(2099, 12, 31, 1)]
    [InlineData(2099, 12, 1, 30)]
    [InlineData(1978, 1, 3, -1)]
    [InlineData(1978, 1, 31, -30)]
    [InlineData(2000, 1, 4, int.MaxValue)]
    [InlineData(2000, 1, 4, int.MinValue)]
    public void AddWorkingDays_LeavingCoverage_ThrowsNamingDays(int year, int month, int day, int days)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => EnglandAndWales.AddWorkingDays(new LocalDate(year, month, day), days));

        Assert.Equal("days", ex.ParamName);
        Assert.Contains("1978-01-01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2099-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextWorkingDay_LastCoveredDate_ThrowsNamingDays() =>
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.NextWorkingDay(new LocalDate(2099, 12, 31))).ParamName);

    [Fact]
    public void PreviousWorkingDay_FirstWorkingDay_ThrowsNamingDays() =>
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.PreviousWorkingDay(new LocalDate(1978, 1, 3))).ParamName);

    [Fact]
    public void AddWorkingDays_ToTheLastWorkingDays_Succeeds()
    {
        Assert.Equal(new LocalDate(2099, 12, 31), EnglandAndWales.AddWorkingDays(new LocalDate(2099, 12, 30), 1));
        Assert.Equal(new LocalDate(1978, 1, 3), EnglandAndWales.AddWorkingDays(new LocalDate(1978, 1, 4), -1));
        Assert.Equal(new LocalDate(1978, 1, 3), EnglandAndWales.AddWorkingDays(new LocalDate(1978, 1, 1), 1));
    }

    [Fact]
    public void Constructor_AllSevenDaysWeekend_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            EnglandAndWalesBankHolidays.Calendar,
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]));

    [Fact]
    public void Constructor_WeekendWithNone_ThrowsNamingWeekend() =>
        Assert.Equal("weekend", Assert.Throws<ArgumentOutOfRangeException>(
            () => new WorkingDayCalendar(EnglandAndWalesBankHolidays.Calendar, [IsoDayOfWeek.None])).ParamName);

    [Fact]
    public void Weekend_GivenOutOfOrderWithRepeats_IsListedOnceMondayFirst()
    {
        WorkingDayCalendar calendar = new(EnglandAndWalesBankHolidays.Calendar, [IsoDayOfWeek.Saturday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);

        Assert.Equal<IsoDayOfWeek>([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], calendar.Weekend);
        Assert.True(calendar.IsWorkingDay(new LocalDate(2024, 6, 9)));   // Sunday
        Assert.False(calendar.IsWorkingDay(new LocalDate(2024, 6, 7)));  // Friday
        Assert.False(calendar.IsWorkingDay(new LocalDate(2024, 12, 25))); // Christmas Day, a Wednesday
    }
}
