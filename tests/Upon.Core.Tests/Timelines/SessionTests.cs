using System;
using NodaTime;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class SessionTests
{
    private static readonly DateTimeZone London = ProgrammeYear.TimeZone;

    private static Session Timed(LocalDate date, LocalTime start, LocalTime end) =>
        new("s", "Session", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(date, date), start, end);

    [Fact]
    public void TimeZone_IsEuropeLondonFromTzdb()
    {
        Assert.Equal("Europe/London", ProgrammeYear.TimeZone.Id);
    }

    [Fact]
    public void GetDuration_SpringForward_0030To0330_IsTwoHours()
    {
        Session session = Timed(new LocalDate(2022, 3, 27), new LocalTime(0, 30), new LocalTime(3, 30));

        Assert.Equal(Duration.FromHours(2), session.GetDuration(London));
        Assert.Equal(Instant.FromUtc(2022, 3, 27, 0, 30), session.GetInterval(London).Start);
        Assert.Equal(Instant.FromUtc(2022, 3, 27, 2, 30), session.GetInterval(London).End);
    }

    [Fact]
    public void GetDuration_FallBack_0030To0330_IsFourHours()
    {
        Session session = Timed(new LocalDate(2022, 10, 30), new LocalTime(0, 30), new LocalTime(3, 30));

        Assert.Equal(Duration.FromHours(4), session.GetDuration(London));
        Assert.Equal(Instant.FromUtc(2022, 10, 29, 23, 30), session.GetInterval(London).Start);
        Assert.Equal(Instant.FromUtc(2022, 10, 30, 3, 30), session.GetInterval(London).End);
    }

    [Fact]
    public void GetInterval_StartInSpringForwardGap_IsShiftedForwardByTheGap()
    {
        Session session = Timed(new LocalDate(2022, 3, 27), new LocalTime(1, 30), new LocalTime(4, 0));

        // 01:30 does not exist; it becomes 02:30 BST, 01:30 UTC.
        Assert.Equal(Instant.FromUtc(2022, 3, 27, 1, 30), session.GetInterval(London).Start);
        Assert.Equal(Duration.FromMinutes(90), session.GetDuration(London));
    }

    [Fact]
    public void GetInterval_StartInFallBackHour_UsesTheEarlierOffset()
    {
        Session session = Timed(new LocalDate(2022, 10, 30), new LocalTime(1, 30), new LocalTime(2, 0));

        // 01:30 happens twice; the first (BST, 00:30 UTC) is used. 02:00 is GMT.
        Assert.Equal(Instant.FromUtc(2022, 10, 30, 0, 30), session.GetInterval(London).Start);
        Assert.Equal(Duration.FromMinutes(90), session.GetDuration(London));
    }

    [Fact]
    public void GetInterval_WorkshopInWinterAndSummer_FollowsGmtAndBst()
    {
        Assert.Equal(
            new Interval(Instant.FromUtc(2021, 12, 10, 14, 0), Instant.FromUtc(2021, 12, 10, 16, 0)),
            Timed(new LocalDate(2021, 12, 10), new LocalTime(14, 0), new LocalTime(16, 0)).GetInterval(London));
        Assert.Equal(
            new Interval(Instant.FromUtc(2022, 4, 29, 13, 0), Instant.FromUtc(2022, 4, 29, 15, 0)),
            Timed(new LocalDate(2022, 4, 29), new LocalTime(14, 0), new LocalTime(16, 0)).GetInterval(London));
    }

    [Fact]
    public void GetInterval_WholeDaySession_RunsFromMidnightToTheMidnightAfterItsLastDay()
    {
        Session residential = new("r", "Residential", SessionKind.Residential, DeliveryMode.FaceToFace, new DateInterval(new LocalDate(2022, 2, 7), new LocalDate(2022, 2, 8)));

        Assert.False(residential.HasTimes);
        Assert.Equal(new Interval(Instant.FromUtc(2022, 2, 7, 0, 0), Instant.FromUtc(2022, 2, 9, 0, 0)), residential.GetInterval(London));
    }

    [Fact]
    public void GetDuration_WholeDayOnSpringForwardSunday_IsTwentyThreeHours()
    {
        Session day = new("d", "Day", SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 3, 27), new LocalDate(2022, 3, 27)));

        Assert.Equal(Duration.FromHours(23), day.GetDuration(London));
    }

    [Fact]
    public void GetInterval_MultiDayTimedSession_RunsFromFirstDayStartToLastDayEnd()
    {
        Session residential = new(
            "r", "Residential", SessionKind.Residential, DeliveryMode.FaceToFace,
            new DateInterval(new LocalDate(2022, 2, 7), new LocalDate(2022, 2, 8)), new LocalTime(10, 0), new LocalTime(15, 0));

        Assert.Equal(Duration.FromHours(29), residential.GetDuration(London));
    }

    [Fact]
    public void GetInterval_EndBeforeStart_Throws()
    {
        Session session = Timed(new LocalDate(2022, 1, 14), new LocalTime(16, 0), new LocalTime(14, 0));

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => session.GetInterval(London));
        Assert.Equal("The session does not end after it starts, so it has no interval.", ex.Message);
    }

    [Fact]
    public void Constructor_OnlyAStartTime_Throws()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new Session(
            "s", "Session", SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 1, 14), new LocalDate(2022, 1, 14)), startTime: new LocalTime(9, 0)));

        Assert.Equal("endTime", ex.ParamName);
        Assert.StartsWith("A session has both a start and an end time, or neither.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyId_Throws()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new Session(
            "", "Session", SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 1, 14), new LocalDate(2022, 1, 14))));

        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Session a = Timed(new LocalDate(2022, 1, 14), new LocalTime(14, 0), new LocalTime(16, 0));
        Session b = Timed(new LocalDate(2022, 1, 14), new LocalTime(14, 0), new LocalTime(16, 0));
        Session c = Timed(new LocalDate(2022, 1, 14), new LocalTime(14, 0), new LocalTime(17, 0));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }
}
