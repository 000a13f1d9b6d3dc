using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ical.Net.CalendarComponents;
using NodaTime;
using Upon.Core.Timelines;
using IcalCalendar = Ical.Net.Calendar;
using Interval = NodaTime.Interval;

namespace Upon.Core.Tests.Timelines;

/// <summary>
/// Every .ics the library writes, read back by Ical.Net (an independent iCalendar parser): the events, their UIDs,
/// their instants in UTC (across both clock changes of Europe/London) and the exclusive ends of all-day events agree
/// with the timeline that wrote them. The CLI's <c>timeline ics</c> writes exactly <see cref="IcsExport.ToText"/>
/// (TimelineCommandTests), so this covers its files too.
/// </summary>
public sealed class IcsExportIcalNetTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 22, 9, 30, 15);
    private static readonly DateTimeZone London = ProgrammeYear.TimeZone;

    [Fact]
    public void BuiltInTimelines_ReadByIcalNet_AgreeWithTheTimeline()
    {
        Assert.All(BuiltInTimelines.All, year => AssertIcalNetReadsTheTimeline(year, IcsExport.ToText(year, Stamp)));
    }

    [Property]
    public Property GeneratedTimelines_ReadByIcalNet_AgreeWithTheTimeline() =>
        Prop.ForAll(TimelineGenerators.BuiltInTimelines(), generated =>
        {
            // The export refuses sessions that end before they start (the validator reports them), so they are left out.
            ProgrammeYear year = generated.WithSessions([.. generated.Sessions.Where(s => s.TryGetInterval(London, out _))]);
            AssertIcalNetReadsTheTimeline(year, IcsExport.ToText(year, Stamp));
        });

    [Theory]
    // BST starts at 01:00 UTC on Sunday 30 March 2025: clocks go from 01:00 GMT to 02:00 BST.
    [InlineData("across-spring", "2025-03-29", "22:00", "2025-03-30", "04:00", "2025-03-29T22:00:00Z", "2025-03-30T03:00:00Z")]
    [InlineData("spring-before", "2025-03-30", "00:15", "2025-03-30", "00:45", "2025-03-30T00:15:00Z", "2025-03-30T00:45:00Z")]
    [InlineData("spring-after", "2025-03-30", "02:00", "2025-03-30", "03:00", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z")]
    // 01:30 does not exist that night: read leniently, it is 02:30 BST (the time before the gap, moved on by the gap).
    [InlineData("spring-gap", "2025-03-30", "01:30", "2025-03-30", "03:00", "2025-03-30T01:30:00Z", "2025-03-30T02:00:00Z")]
    // BST ends at 01:00 UTC on Sunday 26 October 2025: clocks go from 02:00 BST back to 01:00 GMT.
    [InlineData("across-autumn", "2025-10-25", "22:00", "2025-10-26", "04:00", "2025-10-25T21:00:00Z", "2025-10-26T04:00:00Z")]
    [InlineData("autumn-before", "2025-10-26", "00:15", "2025-10-26", "00:45", "2025-10-25T23:15:00Z", "2025-10-25T23:45:00Z")]
    [InlineData("autumn-after", "2025-10-26", "02:00", "2025-10-26", "03:00", "2025-10-26T02:00:00Z", "2025-10-26T03:00:00Z")]
    // 01:30 happens twice that night: read leniently, it is the first, 01:30 BST.
    [InlineData("autumn-twice", "2025-10-26", "01:30", "2025-10-26", "02:30", "2025-10-26T00:30:00Z", "2025-10-26T02:30:00Z")]
    // From summer time to summer time across the winter, and from winter time to winter time across the summer.
    [InlineData("across-both", "2025-03-29", "09:00", "2025-10-27", "17:00", "2025-03-29T09:00:00Z", "2025-10-27T17:00:00Z")]
    [InlineData("across-winter", "2024-10-26", "09:00", "2025-03-31", "17:00", "2024-10-26T08:00:00Z", "2025-03-31T16:00:00Z")]
    public void ClockChangeSessions_2025_ReadByIcalNet_AreAtTheExpectedUtcInstants(
        string id, string firstDate, string startTime, string lastDate, string endTime, string utcStart, string utcEnd)
    {
        Session session = new(
            id, id, SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(Date(firstDate), Date(lastDate)), Time(startTime), Time(endTime), allowNonWorkingDay: true);
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22.WithSessions([session]);

        CalendarEvent ev = Assert.Single(IcalCalendar.Load(IcsExport.ToText(year, Stamp))!.Events);

        Assert.Equal(id + ".new-directors-2021-22@upon-core", ev.Uid);
        Assert.Equal("Europe/London", ev.DtStart!.TzId);
        Assert.Equal(Utc(utcStart), ev.DtStart.AsUtc);
        Assert.Equal(Utc(utcEnd), ev.DtEnd!.AsUtc);
        // The library's own reading of the session agrees with the hand-written instants.
        Assert.Equal(new Interval(Instant.FromDateTimeUtc(Utc(utcStart)), Instant.FromDateTimeUtc(Utc(utcEnd))), session.GetInterval(London));
    }

    [Theory]
    [InlineData("2025-03-30", "2025-03-30", "2025-03-31")]
    [InlineData("2025-03-29", "2025-03-31", "2025-04-01")]
    [InlineData("2025-10-26", "2025-10-26", "2025-10-27")]
    [InlineData("2025-10-25", "2025-10-27", "2025-10-28")]
    public void AllDaySessionsOnClockChanges_2025_ReadByIcalNet_EndTheDayAfterTheirLastDate(string firstDate, string lastDate, string exclusiveEnd)
    {
        Session session = new(
            "day", "Day", SessionKind.TaughtDay, DeliveryMode.FaceToFace, new DateInterval(Date(firstDate), Date(lastDate)), allowNonWorkingDay: true);
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22.WithSessions([session]);

        CalendarEvent ev = Assert.Single(IcalCalendar.Load(IcsExport.ToText(year, Stamp))!.Events);

        Assert.True(ev.IsAllDay);
        Assert.False(ev.DtStart!.HasTime);
        Assert.Equal(DateOnly.Parse(firstDate, System.Globalization.CultureInfo.InvariantCulture), ev.DtStart.Date);
        Assert.Equal(DateOnly.Parse(exclusiveEnd, System.Globalization.CultureInfo.InvariantCulture), ev.DtEnd!.Date);
    }

    /// <summary>Reads <paramref name="text"/> with Ical.Net and checks it against <paramref name="year"/>, session by session.</summary>
    private static void AssertIcalNetReadsTheTimeline(ProgrammeYear year, string text)
    {
        IcalCalendar calendar = IcalCalendar.Load(text)!;

        Assert.Equal(IcsExport.ProductId, calendar.ProductId);
        Assert.Equal(London.Id, Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(year.Sessions.Length, calendar.Events.Count);
        Dictionary<string, CalendarEvent> byUid = calendar.Events.ToDictionary(e => e.Uid!, StringComparer.Ordinal);
        foreach (Session session in year.Sessions)
        {
            CalendarEvent ev = byUid[session.Id + "." + year.Id + "@upon-core"];
            Assert.Equal(session.Title.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), ev.Summary);
            Assert.Equal(Stamp.ToDateTimeUtc(), ev.DtStamp!.AsUtc);
            Assert.Equal(session.IsAssumed ? "TENTATIVE" : "CONFIRMED", ev.Status);
            if (session.HasTimes)
            {
                Interval interval = session.GetInterval(London);
                Assert.False(ev.IsAllDay);
                Assert.Equal(London.Id, ev.DtStart!.TzId);
                Assert.Equal(interval.Start.ToDateTimeUtc(), ev.DtStart.AsUtc);
                Assert.Equal(interval.End.ToDateTimeUtc(), ev.DtEnd!.AsUtc);
            }
            else
            {
                // An all-day event ends at the start of the day after its last date (RFC 5545: DTEND is exclusive).
                Assert.True(ev.IsAllDay);
                Assert.False(ev.DtStart!.HasTime);
                Assert.Equal(session.Dates.Start.ToDateOnly(), ev.DtStart.Date);
                Assert.Equal(session.Dates.End.PlusDays(1).ToDateOnly(), ev.DtEnd!.Date);
            }
        }
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    private static LocalTime Time(string text) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;

    private static DateTime Utc(string text) => NodaTime.Text.InstantPattern.General.Parse(text).Value.ToDateTimeUtc();
}
