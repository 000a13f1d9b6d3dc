using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class HolidayCalendarTests
{
    private static readonly DateInterval Within = new(new LocalDate(2000, 1, 1), new LocalDate(2000, 12, 31));
    private static readonly DateInterval MustCover = new(new LocalDate(2000, 5, 1), new LocalDate(2000, 8, 31));

    private static FsCheck.Arbitrary<HolidayCalendar> Calendars(string id) => Generators.HolidayCalendars(id, MustCover, Within);

    private static IEnumerable<Holiday> Naive(HolidayCalendar calendar, DateInterval interval) =>
        calendar.Holidays.Where(h => interval.Contains(h.Date));

    [Property]
    public Property IsHoliday_EqualsAnyHolidayOnThatDateInAnyIntervalAroundIt() =>
        Prop.ForAll(
            Arb.Zip(Calendars("c"), Arb.Zip(Generators.IntervalsBetween(MustCover.Start, MustCover.End), Generators.IntegersBetween(0, 1000))),
            input =>
            {
                (HolidayCalendar calendar, (DateInterval interval, int pick)) = input;
                LocalDate date = interval.Start.PlusDays(pick % interval.Length);

                Assert.Equal(calendar.GetHolidays(interval).Any(h => h.Date == date), calendar.IsHoliday(date));
                Assert.Equal(calendar.Holidays.Any(h => h.Date == date), calendar.IsHoliday(date));
            });

    [Property]
    public Property GetHolidays_IsTheHolidaysInsideTheInterval_InOrder() =>
        Prop.ForAll(
            Arb.Zip(Calendars("c"), Generators.IntervalsBetween(MustCover.Start, MustCover.End)),
            input =>
            {
                (HolidayCalendar calendar, DateInterval interval) = input;
                IReadOnlyList<Holiday> holidays = calendar.GetHolidays(interval);

                Assert.Equal<Holiday>(Naive(calendar, interval).Order(), holidays);
            });

    [Property]
    public Property GetHolidays_OverWholeCoverage_IsEveryHoliday() =>
        Prop.ForAll(Calendars("c"), calendar =>
            calendar.GetHolidays(calendar.Coverage).SequenceEqual(calendar.Holidays)
            && calendar.Holidays.SequenceEqual(calendar.Holidays.Order()));

    [Property]
    public Property Combine_IsHolidayWhenEitherIs_OverTheCommonCoverage() =>
        Prop.ForAll(Arb.Zip(Calendars("a"), Calendars("b")), pair =>
        {
            (HolidayCalendar a, HolidayCalendar b) = pair;
            HolidayCalendar combined = HolidayCalendar.Combine("a+b", a, b);
            DateInterval common = new(LocalDate.Max(a.Coverage.Start, b.Coverage.Start), LocalDate.Min(a.Coverage.End, b.Coverage.End));

            Assert.Equal("a+b", combined.Id);
            Assert.Equal(common, combined.Coverage);
            foreach (LocalDate date in common)
            {
                Assert.Equal(a.IsHoliday(date) || b.IsHoliday(date), combined.IsHoliday(date));
            }

            Assert.Equal<Holiday>(Naive(a, common).Union(Naive(b, common)).Order(), combined.Holidays);
        });

    [Property]
    public Property Combine_WithItself_IsTheSameHolidays() =>
        Prop.ForAll(Calendars("a"), a =>
            HolidayCalendar.Combine("a", a, a).Holidays.SequenceEqual(a.Holidays.Distinct()));

    [Property]
    public Property WithHolidays_AddsExactlyTheExtraDates() =>
        Prop.ForAll(Arb.Zip(Calendars("base"), Calendars("extra")), pair =>
        {
            (HolidayCalendar original, HolidayCalendar source) = pair;
            Holiday[] extra = [.. source.Holidays.Where(h => original.Coverage.Contains(h.Date))];
            HolidayCalendar with = original.WithHolidays("with", extra);

            Assert.Equal("with", with.Id);
            Assert.Equal(original.Coverage, with.Coverage);
            Assert.Equal<Holiday>(original.Holidays.Concat(extra).Order(), with.Holidays);
            foreach (LocalDate date in original.Coverage)
            {
                Assert.Equal(original.IsHoliday(date) || extra.Any(h => h.Date == date), with.IsHoliday(date));
            }
        });

    [Fact]
    public void WithHolidays_LeavesTheOriginalUnchanged()
    {
        HolidayCalendar original = new("c", MustCover, [new Holiday(new LocalDate(2000, 5, 29), "Spring bank holiday")]);
        LocalDate closure = new(2000, 6, 1);

        HolidayCalendar with = original.WithHolidays("c2", [new Holiday(closure, "Closure day")]);

        Assert.True(with.IsHoliday(closure));
        Assert.False(original.IsHoliday(closure));
        Assert.Single(original.Holidays);
    }

    [Fact]
    public void Constructor_SeveralHolidaysOnOneDate_KeepsThemAll_GetHolidaysReturnsEach()
    {
        LocalDate date = new(2000, 6, 1);
        HolidayCalendar calendar = new("c", MustCover, [new Holiday(date, "B"), new Holiday(date, "A"), new Holiday(date.PlusDays(1), "C")]);

        Assert.Equal<Holiday>([new Holiday(date, "A"), new Holiday(date, "B")], calendar.GetHolidays(new DateInterval(date, date)));
    }

    [Fact]
    public void Constructor_HolidayOutsideCoverage_Throws() =>
        Assert.Equal("holidays", Assert.Throws<ArgumentException>(
            () => new HolidayCalendar("c", MustCover, [new Holiday(MustCover.End.PlusDays(1), "Too late")])).ParamName);

    [Fact]
    public void Constructor_HolidayWithoutName_Throws() =>
        Assert.Throws<ArgumentException>(() => new HolidayCalendar("c", MustCover, [new Holiday(MustCover.Start, " ")]));

    [Fact]
    public void Constructor_EmptyId_Throws() =>
        Assert.Throws<ArgumentException>(() => new HolidayCalendar("", MustCover, []));

    [Fact]
    public void Constructor_NonIsoCoverage_Throws() =>
        Assert.Throws<ArgumentException>(() => new HolidayCalendar(
            "c",
            new DateInterval(new LocalDate(2000, 1, 1, CalendarSystem.Julian), new LocalDate(2000, 12, 31, CalendarSystem.Julian)),
            []));

    [Fact]
    public void IsHoliday_OutsideCoverage_ThrowsNamingDate()
    {
        HolidayCalendar calendar = new("c", MustCover, []);

        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsHoliday(MustCover.Start.PlusDays(-1))).ParamName);
        Assert.Equal("date", Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsHoliday(MustCover.End.PlusDays(1))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.GetHolidays(new DateInterval(MustCover.Start.PlusDays(-1), MustCover.End)));
    }

    [Fact]
    public void Combine_DisjointCoverages_Throws()
    {
        HolidayCalendar early = new("early", new DateInterval(new LocalDate(2000, 1, 1), new LocalDate(2000, 6, 30)), []);
        HolidayCalendar late = new("late", new DateInterval(new LocalDate(2000, 7, 1), new LocalDate(2000, 12, 31)), []);

        Assert.Throws<ArgumentException>(() => HolidayCalendar.Combine("both", early, late));
    }

    [Fact]
    public void Combine_NoCalendars_Throws() =>
        Assert.Throws<ArgumentException>(() => HolidayCalendar.Combine("none"));

    [Fact]
    public void Combine_EnglandAndWalesWithClosureDays_AddsTheClosureDaysOverTheCommonCoverage()
    {
        DateInterval year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
        HolidayCalendar closures = new("leeds-closure-days", year2024, [new Holiday(new LocalDate(2024, 12, 24), "Closure day")]);

        HolidayCalendar combined = HolidayCalendar.Combine("combined", EnglandAndWalesBankHolidays.Calendar, closures);
        WorkingDayCalendar workingDays = new(combined);

        Assert.Equal(year2024, combined.Coverage);
        Assert.Equal(9, combined.Holidays.Length);
        Assert.Equal(253, workingDays.CountWorkingDays(year2024));
        Assert.Equal(new LocalDate(2024, 12, 27), workingDays.NextWorkingDay(new LocalDate(2024, 12, 23)));
    }

    [Fact]
    public void GetWholeYears_PartialYears_AreLeftOut()
    {
        Assert.Equal((2000, 2000), new HolidayCalendar("c", Within, []).GetWholeYears());
        Assert.Null(new HolidayCalendar("c", MustCover, []).GetWholeYears());
        Assert.Equal(
            (2001, 2002),
            new HolidayCalendar("c", new DateInterval(new LocalDate(2000, 1, 2), new LocalDate(2003, 12, 30)), []).GetWholeYears());
    }
}
