using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class WorkingDayCalendarPropertyTests
{
    private static readonly WorkingDayCalendar EnglandAndWales = WorkingDayCalendar.EnglandAndWales;

    private static readonly WorkingDayCalendar FridaySaturdayWeekend =
        new(EnglandAndWalesBankHolidays.Calendar, [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday]);

    private static readonly WorkingDayCalendar NoWeekend =
        new(EnglandAndWalesBankHolidays.Calendar, []);

    private static FsCheck.Arbitrary<(LocalDate Date, int Days)> InnerDatesWithCounts() =>
        Arb.Zip(Generators.EnglandAndWalesInnerDates(), Generators.NonZeroWorkingDayCounts(500));

    private static FsCheck.Arbitrary<LocalDate> DatesWithWorkingDaysEitherSide() =>
        Generators.DatesBetween(new LocalDate(1978, 1, 4), new LocalDate(2099, 12, 30));

    private static FsCheck.Arbitrary<DateInterval> EnglandAndWalesIntervals() =>
        Generators.IntervalsBetween(EnglandAndWales.Coverage.Start, EnglandAndWales.Coverage.End);

    private static bool NaiveIsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        && !EnglandAndWalesBankHolidays.Calendar.GetHolidays(new DateInterval(date, date)).Any();

    private static int NaiveCount(WorkingDayCalendar calendar, LocalDate start, LocalDate end)
    {
        int count = 0;
        for (LocalDate date = start; date <= end; date = date.PlusDays(1))
        {
            if (calendar.IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    [Property]
    public Property IsWorkingDay_AnyDate_IsNeitherWeekendNorHoliday() =>
        Prop.ForAll(Generators.EnglandAndWalesDates(), date =>
            EnglandAndWales.IsWorkingDay(date) == NaiveIsWorkingDay(date)
            && EnglandAndWales.IsWorkingDay(date) == !(EnglandAndWales.IsWeekend(date) || EnglandAndWalesBankHolidays.Calendar.IsHoliday(date)));

    [Property]
    public Property AddWorkingDays_FromWorkingDay_ThenSubtracting_ReturnsToIt() =>
        Prop.ForAll(InnerDatesWithCounts(), pair =>
        {
            LocalDate start = EnglandAndWales.WorkingDayOnOrAfter(pair.Date);
            LocalDate there = EnglandAndWales.AddWorkingDays(start, pair.Days);
            Assert.Equal(start, EnglandAndWales.AddWorkingDays(there, -pair.Days));
        });

    [Property]
    public Property AddWorkingDays_FromAnyDate_ThenSubtracting_ReturnsToTheNearestWorkingDayOnTheOtherSide() =>
        Prop.ForAll(InnerDatesWithCounts(), pair =>
        {
            (LocalDate date, int days) = pair;
            LocalDate back = EnglandAndWales.AddWorkingDays(EnglandAndWales.AddWorkingDays(date, days), -days);

            Assert.True(EnglandAndWales.IsWorkingDay(back));
            LocalDate expected = EnglandAndWales.IsWorkingDay(date)
                ? date
                : days > 0 ? EnglandAndWales.WorkingDayOnOrBefore(date) : EnglandAndWales.WorkingDayOnOrAfter(date);
            Assert.Equal(expected, back);
        });

    [Property]
    public Property AddWorkingDays_Positive_IsWorkingDayAfterWithExactlyThatManyWorkingDaysBetween() =>
        Prop.ForAll(InnerDatesWithCounts(), pair =>
        {
            (LocalDate date, int days) = pair;
            int n = Math.Abs(days);
            LocalDate result = EnglandAndWales.AddWorkingDays(date, n);

            Assert.True(result > date);
            Assert.True(NaiveIsWorkingDay(result));
            Assert.Equal(n, NaiveCount(EnglandAndWales, date.PlusDays(1), result));
        });

    [Property]
    public Property AddWorkingDays_Negative_IsWorkingDayBeforeWithExactlyThatManyWorkingDaysBetween() =>
        Prop.ForAll(InnerDatesWithCounts(), pair =>
        {
            (LocalDate date, int days) = pair;
            int n = Math.Abs(days);
            LocalDate result = EnglandAndWales.AddWorkingDays(date, -n);

            Assert.True(result < date);
            Assert.True(NaiveIsWorkingDay(result));
            Assert.Equal(n, NaiveCount(EnglandAndWales, result, date.PlusDays(-1)));
        });

    [Property]
    public Property AddWorkingDays_Zero_IsIdentity() =>
        Prop.ForAll(Generators.EnglandAndWalesDates(), date => EnglandAndWales.AddWorkingDays(date, 0) == date);

    [Property]
    public Property AddWorkingDays_TwoSteps_EqualsOneStepFromAWorkingDay() =>
        Prop.ForAll(
            Arb.Zip(InnerDatesWithCounts(), Generators.NonZeroWorkingDayCounts(200)),
            pair =>
            {
                ((LocalDate date, int first), int second) = pair;
                LocalDate start = EnglandAndWales.WorkingDayOnOrAfter(date);
                LocalDate twoSteps = EnglandAndWales.AddWorkingDays(EnglandAndWales.AddWorkingDays(start, first), second);
                LocalDate oneStep = first + second == 0 ? start : EnglandAndWales.AddWorkingDays(start, first + second);
                Assert.Equal(oneStep, twoSteps);
            });

    [Property]
    public Property CountWorkingDays_EqualsNumberOfWorkingDatesInInterval() =>
        Prop.ForAll(EnglandAndWalesIntervals(), interval =>
            EnglandAndWales.CountWorkingDays(interval) == NaiveCount(EnglandAndWales, interval.Start, interval.End));

    [Property]
    public Property GetWorkingDays_HasCountWorkingDaysDates_AllWorkingDaysInIncreasingOrderInsideTheInterval() =>
        Prop.ForAll(EnglandAndWalesIntervals(), interval =>
        {
            ImmutableArray<LocalDate> days = EnglandAndWales.GetWorkingDays(interval);

            Assert.Equal(EnglandAndWales.CountWorkingDays(interval), days.Length);
            Assert.All(days, day => Assert.True(interval.Contains(day) && EnglandAndWales.IsWorkingDay(day)));
            for (int i = 1; i < days.Length; i++)
            {
                Assert.True(days[i - 1] < days[i]);
            }
        });

    [Property]
    public Property Summarize_PartsAddUpToIntervalLength_AndMatchNaiveCounts() =>
        Prop.ForAll(EnglandAndWalesIntervals(), interval =>
        {
            WorkingDaySummary summary = EnglandAndWales.Summarize(interval);
            int weekend = interval.Count(EnglandAndWales.IsWeekend);
            int holidaysOnWeekdays = interval.Count(d => !EnglandAndWales.IsWeekend(d) && EnglandAndWalesBankHolidays.Calendar.IsHoliday(d));

            Assert.Equal(interval, summary.Interval);
            Assert.Equal(interval.Length, summary.CalendarDays);
            Assert.Equal(summary.CalendarDays, summary.WeekendDays + summary.HolidaysOnWeekdays + summary.WorkingDays);
            Assert.Equal(weekend, summary.WeekendDays);
            Assert.Equal(holidaysOnWeekdays, summary.HolidaysOnWeekdays);
            Assert.Equal(EnglandAndWales.CountWorkingDays(interval), summary.WorkingDays);
            Assert.Equal<Holiday>(EnglandAndWalesBankHolidays.Calendar.GetHolidays(interval), summary.Holidays);
        });

    [Property]
    public Property NextWorkingDay_IsLaterWorkingDay_WithNoWorkingDayBetween() =>
        Prop.ForAll(DatesWithWorkingDaysEitherSide(), date =>
        {
            LocalDate next = EnglandAndWales.NextWorkingDay(date);

            Assert.True(next > date);
            Assert.True(NaiveIsWorkingDay(next));
            Assert.Equal(0, NaiveCount(EnglandAndWales, date.PlusDays(1), next.PlusDays(-1)));
        });

    [Property]
    public Property PreviousWorkingDay_IsEarlierWorkingDay_WithNoWorkingDayBetween() =>
        Prop.ForAll(DatesWithWorkingDaysEitherSide(), date =>
        {
            LocalDate previous = EnglandAndWales.PreviousWorkingDay(date);

            Assert.True(previous < date);
            Assert.True(NaiveIsWorkingDay(previous));
            Assert.Equal(0, NaiveCount(EnglandAndWales, previous.PlusDays(1), date.PlusDays(-1)));
        });

    [Property]
    public Property WorkingDayOnOrAfter_IsFirstWorkingDayNotBeforeDate() =>
        Prop.ForAll(DatesWithWorkingDaysEitherSide(), date =>
        {
            LocalDate result = EnglandAndWales.WorkingDayOnOrAfter(date);

            Assert.True(result >= date);
            Assert.True(NaiveIsWorkingDay(result));
            Assert.Equal(0, NaiveCount(EnglandAndWales, date, result.PlusDays(-1)));
        });

    [Property]
    public Property WorkingDayOnOrBefore_IsLastWorkingDayNotAfterDate() =>
        Prop.ForAll(DatesWithWorkingDaysEitherSide(), date =>
        {
            LocalDate result = EnglandAndWales.WorkingDayOnOrBefore(date);

            Assert.True(result <= date);
            Assert.True(NaiveIsWorkingDay(result));
            Assert.Equal(0, NaiveCount(EnglandAndWales, result.PlusDays(1), date));
        });

    [Property]
    public Property FridaySaturdayWeekend_AgreesWithNaiveDefinition() =>
        Prop.ForAll(Generators.EnglandAndWalesDates(), date =>
        {
            bool weekend = date.DayOfWeek is IsoDayOfWeek.Friday or IsoDayOfWeek.Saturday;
            Assert.Equal(weekend, FridaySaturdayWeekend.IsWeekend(date));
            Assert.Equal(!weekend && !EnglandAndWalesBankHolidays.Calendar.IsHoliday(date), FridaySaturdayWeekend.IsWorkingDay(date));
        });

    [Property]
    public Property EmptyWeekend_WorkingDaysAreExactlyTheNonHolidays() =>
        Prop.ForAll(Generators.EnglandAndWalesDates(), date =>
        {
            Assert.False(NoWeekend.IsWeekend(date));
            Assert.Equal(!EnglandAndWalesBankHolidays.Calendar.IsHoliday(date), NoWeekend.IsWorkingDay(date));
        });

    [Property]
    public Property AnyWeekendAndHolidays_AgreeWithNaiveDefinitionOnEveryCoveredDate()
    {
        DateInterval within = new(new LocalDate(2000, 1, 1), new LocalDate(2000, 12, 31));
        DateInterval mustCover = new(new LocalDate(2000, 6, 1), new LocalDate(2000, 6, 30));
        return Prop.ForAll(
            Arb.Zip(Generators.HolidayCalendars("custom", mustCover, within), Generators.Weekends()),
            pair =>
            {
                (HolidayCalendar holidays, IsoDayOfWeek[] weekend) = pair;
                WorkingDayCalendar calendar = new(holidays, weekend);

                Assert.Equal<IsoDayOfWeek>(weekend, calendar.Weekend);
                Assert.Equal(holidays.Coverage, calendar.Coverage);
                LocalDate? previousWorkingDay = null;
                foreach (LocalDate date in holidays.Coverage)
                {
                    bool expected = !weekend.Contains(date.DayOfWeek) && !holidays.Holidays.Any(h => h.Date == date);
                    Assert.Equal(expected, calendar.IsWorkingDay(date));
                    if (expected)
                    {
                        if (previousWorkingDay is LocalDate previous)
                        {
                            Assert.Equal(date, calendar.NextWorkingDay(previous));
                            Assert.Equal(previous, calendar.PreviousWorkingDay(date));
                        }

                        previousWorkingDay = date;
                    }
                }

                Assert.Equal(holidays.Coverage.Count(d => !weekend.Contains(d.DayOfWeek) && !holidays.IsHoliday(d)), calendar.CountWorkingDays(holidays.Coverage));
            });
    }
}
