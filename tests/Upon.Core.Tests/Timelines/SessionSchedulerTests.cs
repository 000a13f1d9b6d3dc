using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class SessionSchedulerTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    [Property]
    public Property Generate_WhenItSucceeds_MeetsEveryRuleAndTheScheduleValidates()
    {
        return Prop.ForAll(TimelineGenerators.ScheduleRequests(), request =>
        {
            ScheduleResult result = SessionScheduler.Generate(request, Calendar);
            if (!result.IsValid)
            {
                return;
            }

            ImmutableArray<LocalDate> dates = result.Dates;
            Assert.Equal(request.Count, dates.Length);
            Assert.Empty(result.Problems);
            for (int i = 0; i < dates.Length; i++)
            {
                Assert.True(request.Between.Contains(dates[i]));
                Assert.True(Calendar.IsWorkingDay(dates[i]));
                Assert.DoesNotContain(request.Blackouts, blackout => blackout.Contains(dates[i]));
                Assert.True(request.PreferredDays.IsEmpty || request.PreferredDays.Contains(dates[i].DayOfWeek));
                if (i > 0)
                {
                    Assert.True(dates[i] > dates[i - 1]);
                    Assert.True(Period.DaysBetween(dates[i - 1], dates[i]) >= request.MinimumGapDays);
                }
            }

            ProgrammeYear year = new(
                "generated",
                "Generated",
                ProgrammeStrand.AspirantDirectors,
                request.Between,
                [new Milestone(MilestoneKind.ProgrammeStart, request.Between.Start), new Milestone(MilestoneKind.ProgrammeEnd, request.Between.End)],
                result.ToSessions("s", "Session", DeliveryMode.Blended, new LocalTime(10, 0), new LocalTime(16, 0)),
                request.Kind == SessionKind.TaughtDay ? request.Count : null);
            Assert.Empty(year.Validate(Calendar).Problems);
        });
    }

    [Property]
    public Property Generate_FailsExactlyWhenNoScheduleExists_AndSaysWhy()
    {
        return Prop.ForAll(TimelineGenerators.ScheduleRequests(), request =>
        {
            // An independent check: the greedy earliest-first choice fits the most sessions possible.
            List<LocalDate> available = [.. request.Between.Where(d =>
                Calendar.IsWorkingDay(d)
                && (request.PreferredDays.IsEmpty || request.PreferredDays.Contains(d.DayOfWeek))
                && !request.Blackouts.Any(b => b.Contains(d)))];
            int most = 0;
            LocalDate? last = null;
            foreach (LocalDate date in available)
            {
                if (last is not LocalDate previous || Period.DaysBetween(previous, date) >= request.MinimumGapDays)
                {
                    most++;
                    last = date;
                }
            }

            ScheduleResult result = SessionScheduler.Generate(request, Calendar);

            Assert.Equal(most >= request.Count, result.IsValid);
            Assert.Equal(available.Count, result.AvailableDays);
            if (!result.IsValid)
            {
                Assert.Empty(result.Dates);
                Assert.Equal(most, result.MostThatFit);
                Assert.Equal(available.Count == 0 ? ScheduleFailureCodes.NoAvailableDays : ScheduleFailureCodes.DoesNotFit, result.Problems[0].Code);
            }
        });
    }

    [Property]
    public Property Generate_IsDeterministic()
    {
        return Prop.ForAll(TimelineGenerators.ScheduleRequests(), request =>
            Assert.Equal(SessionScheduler.Generate(request, Calendar).Dates.ToArray(), SessionScheduler.Generate(request, Calendar).Dates.ToArray()));
    }

    [Fact]
    public void Generate_EightThursdayTaughtDays_SpreadOverYear2_AvoidingChristmas()
    {
        // 212 days in 8 slices of 26.5: the aims are days 13, 39, 66, 92, 119, 145, 172 and 198 (14 Sep, 10 Oct,
        // 6 Nov, 2 Dec, 29 Dec, 24 Jan, 20 Feb, 18 Mar); each takes the nearest Thursday, and the Christmas
        // blackout moves the fifth to 6 January.
        ScheduleRequest request = new(
            SessionKind.TaughtDay,
            8,
            new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 3, 31)),
            [IsoDayOfWeek.Thursday],
            [new DateInterval(new LocalDate(2021, 12, 18), new LocalDate(2022, 1, 3))],
            minimumGapDays: 14);

        ScheduleResult result = SessionScheduler.Generate(request, Calendar);

        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new LocalDate(2021, 9, 16), new LocalDate(2021, 10, 7), new LocalDate(2021, 11, 4), new LocalDate(2021, 12, 2),
                new LocalDate(2022, 1, 6), new LocalDate(2022, 1, 27), new LocalDate(2022, 2, 17), new LocalDate(2022, 3, 17),
            ],
            result.Dates.ToArray());
    }

    [Fact]
    public void Generate_TooManyForTheGap_SaysHowManyFit()
    {
        ScheduleRequest request = new(SessionKind.ActionLearningSet, 5, new DateInterval(new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 31)), minimumGapDays: 7);

        ScheduleResult result = SessionScheduler.Generate(request, Calendar);

        Assert.False(result.IsValid);
        Assert.Equal(4, result.MostThatFit);
        Assert.Equal(ScheduleFailureCodes.DoesNotFit, result.Problems[0].Code);
        Assert.Equal(
            "Only 4 of the 5 sessions fit: 20 days from 2022-01-03 to 2022-01-31 are working days outside the blackouts, and sessions must be at least 7 days apart.",
            result.Problems[0].Message);
    }

    [Fact]
    public void Generate_NoAvailableDay_SaysSo()
    {
        ScheduleRequest request = new(SessionKind.TaughtDay, 1, new DateInterval(new LocalDate(2022, 12, 24), new LocalDate(2022, 12, 27)), [IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday]);

        ScheduleResult result = SessionScheduler.Generate(request, Calendar);

        Assert.Equal(ScheduleFailureCodes.NoAvailableDays, result.Problems[0].Code);
        Assert.Equal("No day from 2022-12-24 to 2022-12-27 is a working day on a Monday or Saturday outside the blackouts.", result.Problems[0].Message);
    }

    [Fact]
    public void Request_CountBelowOne_Throws()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ScheduleRequest(SessionKind.TaughtDay, 0, new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 1, 31))));

        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void Generate_OutsideCalendarCoverage_Throws()
    {
        ScheduleRequest request = new(SessionKind.TaughtDay, 1, new DateInterval(new LocalDate(2099, 12, 1), new LocalDate(2100, 1, 31)));

        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => SessionScheduler.Generate(request, Calendar));
        Assert.Equal("request", ex.ParamName);
    }
}
