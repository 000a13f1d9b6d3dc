using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Docs;

/// <summary>The examples of docs/calendar.md, run.</summary>
public class CalendarDocExamples
{
    [Fact]
    public void IsWorkingDay()
    {
        // begin-snippet: calendar-is-working-day
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;

        bool christmasEve = calendar.IsWorkingDay(new LocalDate(2026, 12, 24)); // true: a Thursday
        bool boxingDay = calendar.IsWorkingDay(new LocalDate(2026, 12, 28)); // false: Boxing Day's substitute day
        bool saturday = calendar.IsWorkingDay(new LocalDate(2026, 12, 26));  // false: a Saturday
        // end-snippet
        Assert.True(christmasEve);
        Assert.False(boxingDay);
        Assert.False(saturday);
    }

    [Fact]
    public void HolidaysInAYear()
    {
        // begin-snippet: calendar-holidays-in-year
        IReadOnlyList<Holiday> holidays = EnglandAndWalesBankHolidays.Calendar.GetHolidays(2026);
        foreach (Holiday holiday in holidays)
        {
            Console.WriteLine(holiday);
        }

        // 2026-01-01 New Year’s Day
        // 2026-04-03 Good Friday
        // 2026-04-06 Easter Monday
        // 2026-05-04 Early May bank holiday
        // 2026-05-25 Spring bank holiday
        // 2026-08-31 Summer bank holiday
        // 2026-12-25 Christmas Day
        // 2026-12-28 Boxing Day (Substitute day)
        // end-snippet
        Assert.Equal(
            [
                "2026-01-01 New Year’s Day",
                "2026-04-03 Good Friday",
                "2026-04-06 Easter Monday",
                "2026-05-04 Early May bank holiday",
                "2026-05-25 Spring bank holiday",
                "2026-08-31 Summer bank holiday",
                "2026-12-25 Christmas Day",
                "2026-12-28 Boxing Day (Substitute day)",
            ],
            holidays.Select(h => h.ToString()));
        Assert.True(holidays[^1].IsSubstituteDay);
    }

    [Fact]
    public void AddWorkingDays()
    {
        // begin-snippet: calendar-add-working-days
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        LocalDate thursday = new(2026, 12, 24);

        LocalDate next = calendar.AddWorkingDays(thursday, 1);       // 2026-12-29: skips Christmas, the weekend and Boxing Day's substitute
        LocalDate tenDays = calendar.AddWorkingDays(thursday, 10);   // 2027-01-12
        LocalDate back = calendar.AddWorkingDays(next, -1);          // 2026-12-24
        LocalDate fromSaturday = calendar.AddWorkingDays(new LocalDate(2027, 1, 2), 1); // 2027-01-04, the Monday
        LocalDate same = calendar.AddWorkingDays(new LocalDate(2027, 1, 2), 0);         // 2027-01-02, not a working day
        // end-snippet
        Assert.Equal(new LocalDate(2026, 12, 29), next);
        Assert.Equal(new LocalDate(2027, 1, 12), tenDays);
        Assert.Equal(thursday, back);
        Assert.Equal(new LocalDate(2027, 1, 4), fromSaturday);
        Assert.Equal(new LocalDate(2027, 1, 2), same);
    }

    [Fact]
    public void CountWorkingDays()
    {
        // begin-snippet: calendar-count-working-days
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        DateInterval christmas = new(new LocalDate(2026, 12, 21), new LocalDate(2027, 1, 8)); // both dates included

        int working = calendar.CountWorkingDays(christmas); // 12

        WorkingDaySummary summary = calendar.Summarize(christmas);
        // summary.CalendarDays 19, WeekendDays 4, HolidaysOnWeekdays 3, WorkingDays 12;
        // summary.Holidays: Christmas Day, Boxing Day (substitute day), New Year’s Day
        // end-snippet
        Assert.Equal(12, working);
        Assert.Equal(19, summary.CalendarDays);
        Assert.Equal(4, summary.WeekendDays);
        Assert.Equal(3, summary.HolidaysOnWeekdays);
        Assert.Equal(12, summary.WorkingDays);
        Assert.Equal([EnglandAndWalesBankHolidays.ChristmasDay, EnglandAndWalesBankHolidays.BoxingDay, EnglandAndWalesBankHolidays.NewYearsDay], summary.Holidays.Select(h => h.Name));
    }

    [Fact]
    public void NextAndPrevious()
    {
        // begin-snippet: calendar-next-previous
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        LocalDate goodFriday = new(2026, 4, 3);

        LocalDate next = calendar.NextWorkingDay(goodFriday);           // 2026-04-07: after Easter Monday
        LocalDate previous = calendar.PreviousWorkingDay(goodFriday);   // 2026-04-02
        LocalDate onOrAfter = calendar.WorkingDayOnOrAfter(goodFriday); // 2026-04-07
        LocalDate onOrBefore = calendar.WorkingDayOnOrBefore(goodFriday); // 2026-04-02
        LocalDate unchanged = calendar.WorkingDayOnOrAfter(new LocalDate(2026, 4, 2)); // 2026-04-02, a working day
        // end-snippet
        Assert.Equal(new LocalDate(2026, 4, 7), next);
        Assert.Equal(new LocalDate(2026, 4, 2), previous);
        Assert.Equal(new LocalDate(2026, 4, 7), onOrAfter);
        Assert.Equal(new LocalDate(2026, 4, 2), onOrBefore);
        Assert.Equal(new LocalDate(2026, 4, 2), unchanged);
    }

    [Fact]
    public void ClosureDays()
    {
        // begin-snippet: calendar-closure-days
        HolidayCalendar closures = EnglandAndWalesBankHolidays.Calendar.WithHolidays(
            "council-closure-days",
            [
                new Holiday(new LocalDate(2026, 12, 29), "Council closure day"),
                new Holiday(new LocalDate(2026, 12, 30), "Council closure day"),
                new Holiday(new LocalDate(2026, 12, 31), "Council closure day"),
            ]);
        WorkingDayCalendar council = new(closures);

        LocalDate next = council.AddWorkingDays(new LocalDate(2026, 12, 24), 1); // 2027-01-04
        // end-snippet
        Assert.Equal(new LocalDate(2027, 1, 4), next);
        Assert.Equal("council-closure-days", closures.Id);
        Assert.Equal(EnglandAndWalesBankHolidays.Calendar.Coverage, closures.Coverage);
        Assert.Equal(new LocalDate(2026, 12, 29), WorkingDayCalendar.EnglandAndWales.AddWorkingDays(new LocalDate(2026, 12, 24), 1));
    }

    [Fact]
    public void Scotland()
    {
        // begin-snippet: calendar-scotland
        string json = """
            {
              "scotland": {
                "division": "scotland",
                "events": [
                  { "title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true },
                  { "title": "2nd January", "date": "2026-01-02", "notes": "", "bunting": true },
                  { "title": "Good Friday", "date": "2026-04-03", "notes": "", "bunting": false },
                  { "title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true },
                  { "title": "Spring bank holiday", "date": "2026-05-25", "notes": "", "bunting": true },
                  { "title": "Summer bank holiday", "date": "2026-08-03", "notes": "", "bunting": true },
                  { "title": "St Andrew’s Day", "date": "2026-11-30", "notes": "", "bunting": true },
                  { "title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true },
                  { "title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true }
                ]
              }
            }
            """;
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));

        DocumentResult<HolidayCalendar> result = BankHolidayDocument.ReadDivision(stream, "scotland");
        HolidayCalendar scotland = result.GetValueOrThrow(); // throws, listing every problem, if the document is invalid
        WorkingDayCalendar calendar = new(scotland);

        // scotland.Coverage is 2026-01-01 to 2026-12-31: the whole years the events span.
        bool easterMonday = calendar.IsWorkingDay(new LocalDate(2026, 4, 6)); // true in Scotland
        // end-snippet
        Assert.True(result.IsValid);
        Assert.Equal("scotland", scotland.Id);
        Assert.Equal(new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)), scotland.Coverage);
        Assert.Equal(9, scotland.Holidays.Length);
        Assert.True(easterMonday);
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 11, 30)));
    }

    [Fact]
    public void CustomWeekend()
    {
        // begin-snippet: calendar-custom-weekend
        // A team that works Monday to Thursday: Friday is part of its weekend.
        WorkingDayCalendar fourDayWeek = new(
            EnglandAndWalesBankHolidays.Calendar,
            [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]);

        LocalDate next = fourDayWeek.AddWorkingDays(new LocalDate(2026, 9, 10), 1); // 2026-09-14: Thursday to Monday
        // end-snippet
        Assert.Equal(new LocalDate(2026, 9, 14), next);
        Assert.Equal([IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], fourDayWeek.Weekend.ToArray());
    }

    [Fact]
    public void OutsideCoverage()
    {
        // begin-snippet: calendar-coverage
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        DateInterval coverage = calendar.Coverage; // 1978-01-01 to 2099-12-31, both included

        // Outside the coverage the calendar does not guess:
        // calendar.IsWorkingDay(new LocalDate(2100, 1, 4)) throws ArgumentOutOfRangeException.
        // end-snippet
        Assert.Equal(new DateInterval(new LocalDate(1978, 1, 1), new LocalDate(2099, 12, 31)), coverage);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(new LocalDate(2100, 1, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(new LocalDate(2099, 12, 31), 1));
        Assert.Throws<ArgumentException>(() => calendar.IsWorkingDay(new LocalDate(2026, 1, 5, CalendarSystem.Julian)));
    }
}
