using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class EnglandAndWalesBankHolidaysTests
{
    private static readonly HolidayCalendar Calendar = EnglandAndWalesBankHolidays.Calendar;
    private static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.EnglandAndWales;

    private static IReadOnlyList<Holiday> HolidaysOn(LocalDate date) => Calendar.GetHolidays(new DateInterval(date, date));

    private static void AssertSingleHoliday(LocalDate date, string name, string notes = "")
    {
        Assert.Equal([new Holiday(date, name, notes)], HolidaysOn(date));
        Assert.True(Calendar.IsHoliday(date));
        Assert.False(WorkingDays.IsWorkingDay(date));
    }

    private static void AssertWorkingDay(LocalDate date)
    {
        Assert.Empty(HolidaysOn(date));
        Assert.False(Calendar.IsHoliday(date));
        Assert.True(WorkingDays.IsWorkingDay(date));
    }

    [Fact]
    public void Calendar_HasIdAndCoverage1978To2099()
    {
        Assert.Equal("england-and-wales", Calendar.Id);
        Assert.Equal(new DateInterval(new LocalDate(1978, 1, 1), new LocalDate(2099, 12, 31)), Calendar.Coverage);
        Assert.Equal((1978, 2099), Calendar.GetWholeYears());
    }

    [Fact]
    public void EarlyMay1995_MovedTo8MayForVEDay_And1MayIsAWorkingDay()
    {
        AssertSingleHoliday(new LocalDate(1995, 5, 8), "Early May bank holiday (VE day)");
        AssertWorkingDay(new LocalDate(1995, 5, 1));
    }

    [Fact]
    public void EarlyMay2020_MovedTo8MayForVEDay_And4MayIsAWorkingDay()
    {
        AssertSingleHoliday(new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)");
        AssertWorkingDay(new LocalDate(2020, 5, 4));
    }

    [Fact]
    public void GoldenJubilee2002_SpringBankHolidayMovedTo4June_ExtraDayOn3June()
    {
        AssertWorkingDay(new LocalDate(2002, 5, 27));
        AssertSingleHoliday(new LocalDate(2002, 6, 3), "Golden Jubilee bank holiday");
        AssertSingleHoliday(new LocalDate(2002, 6, 4), EnglandAndWalesBankHolidays.Spring);
        Assert.Equal(9, Calendar.GetHolidays(2002).Count);
    }

    [Fact]
    public void DiamondJubilee2012_SpringBankHolidayMovedTo4June_ExtraDayOn5June()
    {
        AssertWorkingDay(new LocalDate(2012, 5, 28));
        AssertSingleHoliday(new LocalDate(2012, 6, 4), EnglandAndWalesBankHolidays.Spring);
        AssertSingleHoliday(new LocalDate(2012, 6, 5), "Queen’s Diamond Jubilee");
        Assert.Equal(9, Calendar.GetHolidays(2012).Count);
    }

    [Fact]
    public void PlatinumJubilee2022_SpringBankHolidayMovedTo2June_ExtraDayOn3June()
    {
        AssertWorkingDay(new LocalDate(2022, 5, 30));
        AssertSingleHoliday(new LocalDate(2022, 6, 2), EnglandAndWalesBankHolidays.Spring);
        AssertSingleHoliday(new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday");
    }

    [Fact]
    public void Millennium_31December1999_IsAHoliday()
    {
        AssertSingleHoliday(new LocalDate(1999, 12, 31), "Millennium celebrations");
        Assert.Equal(9, Calendar.GetHolidays(1999).Count);
    }

    [Fact]
    public void RoyalWedding_29July1981_IsAHoliday() =>
        AssertSingleHoliday(new LocalDate(1981, 7, 29), "Royal wedding");

    [Fact]
    public void RoyalWedding_29April2011_IsAHoliday() =>
        AssertSingleHoliday(new LocalDate(2011, 4, 29), "Royal wedding");

    [Fact]
    public void StateFuneralOfQueenElizabethII_19September2022_IsAHoliday()
    {
        AssertSingleHoliday(new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II");
        Assert.Equal(10, Calendar.GetHolidays(2022).Count);
    }

    [Fact]
    public void CoronationOfKingCharlesIII_8May2023_IsAHoliday_AndEarlyMayStaysOn1May()
    {
        AssertSingleHoliday(new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III");
        AssertSingleHoliday(new LocalDate(2023, 5, 1), EnglandAndWalesBankHolidays.EarlyMay);
        Assert.Equal(9, Calendar.GetHolidays(2023).Count);
    }

    [Fact]
    public void ChristmasOnSaturday2021_BothSubstitutesFollowOnMondayAndTuesday()
    {
        Assert.Empty(Calendar.GetHolidays(new DateInterval(new LocalDate(2021, 12, 25), new LocalDate(2021, 12, 26))));
        AssertSingleHoliday(new LocalDate(2021, 12, 27), EnglandAndWalesBankHolidays.ChristmasDay, Holiday.SubstituteDayNote);
        AssertSingleHoliday(new LocalDate(2021, 12, 28), EnglandAndWalesBankHolidays.BoxingDay, Holiday.SubstituteDayNote);
        Assert.True(HolidaysOn(new LocalDate(2021, 12, 27))[0].IsSubstituteDay);
    }

    [Fact]
    public void ChristmasOnSunday2022_BoxingDayKeepsMonday_ChristmasSubstituteOnTuesday()
    {
        Assert.Empty(HolidaysOn(new LocalDate(2022, 12, 25)));
        AssertSingleHoliday(new LocalDate(2022, 12, 26), EnglandAndWalesBankHolidays.BoxingDay);
        AssertSingleHoliday(new LocalDate(2022, 12, 27), EnglandAndWalesBankHolidays.ChristmasDay, Holiday.SubstituteDayNote);
        Assert.False(HolidaysOn(new LocalDate(2022, 12, 26))[0].IsSubstituteDay);
    }

    [Fact]
    public void ChristmasOnFriday2020_BoxingDaySubstituteOnMonday28th()
    {
        AssertSingleHoliday(new LocalDate(2020, 12, 25), EnglandAndWalesBankHolidays.ChristmasDay);
        Assert.Empty(HolidaysOn(new LocalDate(2020, 12, 26)));
        AssertSingleHoliday(new LocalDate(2020, 12, 28), EnglandAndWalesBankHolidays.BoxingDay, Holiday.SubstituteDayNote);
        AssertWorkingDay(new LocalDate(2020, 12, 29));
    }

    [Fact]
    public void NewYearsDayOnSaturday2022_SubstituteOnMonday3January()
    {
        Assert.Empty(HolidaysOn(new LocalDate(2022, 1, 1)));
        AssertSingleHoliday(new LocalDate(2022, 1, 3), "New Year’s Day", Holiday.SubstituteDayNote);
    }

    [Fact]
    public void NewYearsDayOnSunday2023_SubstituteOnMonday2January()
    {
        Assert.Empty(HolidaysOn(new LocalDate(2023, 1, 1)));
        AssertSingleHoliday(new LocalDate(2023, 1, 2), "New Year’s Day", Holiday.SubstituteDayNote);
        AssertWorkingDay(new LocalDate(2023, 1, 3));
    }

    [Fact]
    public void NewYearsDayName_UsesTypographicApostrophe() =>
        Assert.Equal("New Year\u2019s Day", EnglandAndWalesBankHolidays.NewYearsDay);

    [Fact]
    public void ByRules2020_HasEarlyMayOn4May_WithoutTheVEDayChange()
    {
        ImmutableArray<Holiday> holidays = EnglandAndWalesBankHolidays.ByRules(2020);

        Assert.Contains(new Holiday(new LocalDate(2020, 5, 4), EnglandAndWalesBankHolidays.EarlyMay), holidays);
        Assert.DoesNotContain(holidays, h => h.Date == new LocalDate(2020, 5, 8));
    }

    [Fact]
    public void ByRules2022_HasSpringOn30May_AndNoJubileeOrFuneral()
    {
        ImmutableArray<Holiday> holidays = EnglandAndWalesBankHolidays.ByRules(2022);

        Assert.Equal<Holiday>(
            [
                Holiday.SubstituteDay(new LocalDate(2022, 1, 3), EnglandAndWalesBankHolidays.NewYearsDay),
                new Holiday(new LocalDate(2022, 4, 15), EnglandAndWalesBankHolidays.GoodFriday),
                new Holiday(new LocalDate(2022, 4, 18), EnglandAndWalesBankHolidays.EasterMonday),
                new Holiday(new LocalDate(2022, 5, 2), EnglandAndWalesBankHolidays.EarlyMay),
                new Holiday(new LocalDate(2022, 5, 30), EnglandAndWalesBankHolidays.Spring),
                new Holiday(new LocalDate(2022, 8, 29), EnglandAndWalesBankHolidays.Summer),
                new Holiday(new LocalDate(2022, 12, 26), EnglandAndWalesBankHolidays.BoxingDay),
                Holiday.SubstituteDay(new LocalDate(2022, 12, 27), EnglandAndWalesBankHolidays.ChristmasDay),
            ],
            holidays);
    }

    [Theory]
    [InlineData(EnglandAndWalesBankHolidays.FirstYear - 1)]
    [InlineData(EnglandAndWalesBankHolidays.LastYear + 1)]
    public void ByRules_YearOutsideCoverage_ThrowsNamingYear(int year) =>
        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWalesBankHolidays.ByRules(year)).ParamName);

    [Theory]
    [InlineData(EnglandAndWalesBankHolidays.FirstYear - 1)]
    [InlineData(EnglandAndWalesBankHolidays.LastYear + 1)]
    public void GetHolidaysOfYear_YearOutsideCoverage_Throws(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.GetHolidays(year));

    [Fact]
    public void Changes_AreInDateOrder_EachInCoverage_MovesReplaceARuleDateOfTheSameYear()
    {
        ImmutableArray<HolidayChange> changes = EnglandAndWalesBankHolidays.Changes;

        Assert.Equal(13, changes.Length);
        Assert.Equal<HolidayChange>(changes.OrderBy(c => c.Date), changes);
        foreach (HolidayChange change in changes)
        {
            Assert.True(Calendar.Coverage.Contains(change.Date));
            if (change.Replaces is LocalDate replaced)
            {
                Assert.Equal(change.Date.Year, replaced.Year);
                Assert.Contains(EnglandAndWalesBankHolidays.ByRules(replaced.Year), h => h.Date == replaced);
            }
        }
    }

    [Property]
    public Property EveryYear_IsByRulesWithThatYearsChangesApplied() =>
        Prop.ForAll(Generators.EnglandAndWalesYears(), year =>
        {
            HolidayChange[] changes = [.. EnglandAndWalesBankHolidays.Changes.Where(c => c.Date.Year == year)];
            HashSet<LocalDate> moved = [.. changes.Where(c => c.IsMove).Select(c => c.Replaces!.Value)];
            IEnumerable<Holiday> kept = EnglandAndWalesBankHolidays.ByRules(year).Where(h => !moved.Contains(h.Date));
            IEnumerable<Holiday> added = changes.Select(c => new Holiday(c.Date, c.Name, string.Empty));
            Holiday[] expected = [.. kept.Concat(added).OrderBy(h => h.Date).ThenBy(h => h.Name, StringComparer.Ordinal)];

            Assert.Equal(expected, Calendar.GetHolidays(year));
        });

    [Property]
    public Property EveryYear_ByRules_HasEightHolidaysOnDistinctWeekdays_OneOfEachName() =>
        Prop.ForAll(Generators.EnglandAndWalesYears(), year =>
        {
            ImmutableArray<Holiday> holidays = EnglandAndWalesBankHolidays.ByRules(year);

            Assert.Equal(8, holidays.Length);
            Assert.Equal(8, holidays.Select(h => h.Date).Distinct().Count());
            Assert.Equal(
                [
                    EnglandAndWalesBankHolidays.BoxingDay, EnglandAndWalesBankHolidays.ChristmasDay, EnglandAndWalesBankHolidays.EarlyMay,
                    EnglandAndWalesBankHolidays.EasterMonday, EnglandAndWalesBankHolidays.GoodFriday, EnglandAndWalesBankHolidays.NewYearsDay,
                    EnglandAndWalesBankHolidays.Spring, EnglandAndWalesBankHolidays.Summer,
                ],
                holidays.Select(h => h.Name).Order(StringComparer.Ordinal));
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.Equal<Holiday>(holidays.Order(), holidays);
        });

    [Property]
    public Property EveryYear_NoHolidayFallsAtAWeekend() =>
        Prop.ForAll(Generators.EnglandAndWalesYears(), year =>
            Calendar.GetHolidays(year).Concat(EnglandAndWalesBankHolidays.ByRules(year))
                .All(h => h.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)));

    [Property]
    public Property EveryYear_SubstitutesStandInForAWeekendHoliday_OnTheFirstFreeWeekdayAfterIt() =>
        Prop.ForAll(Generators.EnglandAndWalesYears(), year =>
        {
            ImmutableArray<Holiday> holidays = EnglandAndWalesBankHolidays.ByRules(year);
            (LocalDate Usual, string Name)[] fixedDates =
            [
                (new LocalDate(year, 1, 1), EnglandAndWalesBankHolidays.NewYearsDay),
                (new LocalDate(year, 12, 25), EnglandAndWalesBankHolidays.ChristmasDay),
                (new LocalDate(year, 12, 26), EnglandAndWalesBankHolidays.BoxingDay),
            ];

            foreach ((LocalDate usual, string name) in fixedDates)
            {
                Holiday observed = Assert.Single(holidays, h => h.Name == name);
                bool atWeekend = usual.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
                Assert.Equal(atWeekend, observed.IsSubstituteDay);
                if (!atWeekend)
                {
                    Assert.Equal(usual, observed.Date);
                    continue;
                }

                // A substitute lies after the usual date, within three days, and every weekday between is another holiday.
                Assert.InRange(Period.DaysBetween(usual, observed.Date), 1, 3);
                for (LocalDate between = usual.PlusDays(1); between < observed.Date; between = between.PlusDays(1))
                {
                    bool weekend = between.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
                    Assert.True(weekend || holidays.Any(h => h.Date == between));
                }
            }

            Assert.All(holidays.Where(h => h.Notes.Length > 0), h => Assert.Equal(Holiday.SubstituteDayNote, h.Notes));
        });
}
