using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class IcsExportTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 22, 9, 30, 15);
    private static readonly DateTimeZone London = ProgrammeYear.TimeZone;

    [Property]
    public Property ExportThenParse_KeepsEveryEventsStartEndAndSummary()
    {
        return Prop.ForAll(TimelineGenerators.BuiltInTimelines(), generated =>
        {
            ProgrammeYear year = generated.WithSessions([.. generated.Sessions.Where(s => s.TryGetInterval(London, out _))]);
            string text = IcsExport.ToText(year, Stamp);

            List<IcsReader.Event> events = IcsReader.ReadEvents(text, London);

            Assert.Equal(year.Sessions.Length, events.Count);
            Assert.All(IcsReader.PhysicalLineOctets(text), octets => Assert.True(octets <= 75, $"A line has {octets} octets."));
            Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count());
            foreach ((Session session, IcsReader.Event ev) in year.GetSessionsInOrder().Zip(events))
            {
                NodaTime.Interval interval = session.GetInterval(London);
                Assert.Equal(session.Id + ".generated@upon-core", ev.Uid);
                Assert.Equal(session.Title.Replace("\r\n", "\n", StringComparison.Ordinal), ev.Summary);
                Assert.Equal(interval.Start, ev.Start);
                Assert.Equal(interval.End, ev.End);
                Assert.Equal(!session.HasTimes, ev.IsAllDay);
            }
        });
    }

    [Fact]
    public void Export_NewDirectors_IsTheExpectedCalendar()
    {
        string text = IcsExport.ToText(BuiltInTimelines.NewDirectors2021To22, Stamp);
        string[] lines = text.Split("\r\n");

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Upon.Core//Programme timelines//EN\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Replace("\r\n", string.Empty, StringComparison.Ordinal), c => c is '\r' or '\n');
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", lines);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", lines);
        Assert.Equal(5, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(5, lines.Count(l => l == "DTSTAMP:20261122T093015Z"));

        string firstEvent = text[text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal)..(text.IndexOf("END:VEVENT", StringComparison.Ordinal) + "END:VEVENT\r\n".Length)];
        Assert.Equal(
            "BEGIN:VEVENT\r\n" +
            "UID:workshop-1.new-directors-2021-22@upon-core\r\n" +
            "DTSTAMP:20261122T093015Z\r\n" +
            "DTSTART;TZID=Europe/London:20211210T140000\r\n" +
            "DTEND;TZID=Europe/London:20211210T160000\r\n" +
            "SUMMARY:New Directors virtual workshop 1\r\n" +
            "DESCRIPTION:Virtual workshop\\, virtual. For everyone.\r\n" +
            "CATEGORIES:Virtual workshop\r\n" +
            "STATUS:CONFIRMED\r\n" +
            "TRANSP:OPAQUE\r\n" +
            "END:VEVENT\r\n",
            firstEvent);
        Assert.Contains("DTSTART;VALUE=DATE:20220207", lines);
        Assert.Contains("DTEND;VALUE=DATE:20220209", lines);
    }

    [Fact]
    public void Export_IsTheSameEveryTime()
    {
        Assert.Equal(IcsExport.ToText(BuiltInTimelines.Aspirant2021To22, Stamp), IcsExport.ToText(BuiltInTimelines.Aspirant2021To22, Stamp));
        Assert.Contains("STATUS:TENTATIVE\r\n", IcsExport.ToText(BuiltInTimelines.Aspirant2021To22, Stamp), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ToStream_IsUtf8WithoutByteOrderMark()
    {
        using MemoryStream stream = new();
        IcsExport.Write(BuiltInTimelines.NewDirectors2021To22, stream, Stamp);

        byte[] bytes = stream.ToArray();
        Assert.Equal((byte)'B', bytes[0]);
        Assert.Equal(IcsExport.ToText(BuiltInTimelines.NewDirectors2021To22, Stamp), Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne")]
    [InlineData("x\r\ny\rz", "x\\ny\\nz")]
    public void Escape_EscapesTextSpecials(string text, string escaped)
    {
        Assert.Equal(escaped, IcsExport.Escape(text));
        Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), IcsReader.Unescape(escaped));
    }

    [Fact]
    public void Fold_NeverSplitsAUtf8Sequence()
    {
        Session session = new(
            "s", new string('€', 60), SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 1, 13), new LocalDate(2022, 1, 13)));
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22.WithSessions([session]);

        string text = IcsExport.ToText(year, Stamp);

        // Decoding with a throwing decoder would fail on a split sequence; every physical line is valid UTF-8 on its own.
        UTF8Encoding strict = new(false, throwOnInvalidBytes: true);
        foreach (string line in text.Split("\r\n"))
        {
            Assert.Equal(line, strict.GetString(strict.GetBytes(line)));
        }

        string summary = text.Split("\r\n").First(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        // 8 octets of name and colon, then 22 three-octet euro signs: 74 octets; a 23rd would need 77.
        Assert.Equal("SUMMARY:" + new string('€', 22), summary);
        Assert.Equal(new string('€', 60), IcsReader.ReadEvents(text, London).Single().Summary);
    }

    [Fact]
    public void Export_SessionEndingBeforeItStarts_Throws()
    {
        Session bad = new("bad", "Bad", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 1, 14), new LocalDate(2022, 1, 14)), new LocalTime(16, 0), new LocalTime(14, 0));

        ArgumentException ex = Assert.Throws<ArgumentException>(() => IcsExport.ToText(BuiltInTimelines.NewDirectors2021To22.WithSessions([bad]), Stamp));
        Assert.Equal("programme", ex.ParamName);
        Assert.Equal("Session 0 does not end after it starts, so it cannot be exported; validate the programme year first. (Parameter 'programme')", ex.Message);
    }

    [Fact]
    public void Export_ClockChangeSessions_KeepTheirElapsedTime()
    {
        Session spring = new("spring", "Spring", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 3, 27), new LocalDate(2022, 3, 27)), new LocalTime(0, 30), new LocalTime(3, 30), allowNonWorkingDay: true);
        Session autumn = new("autumn", "Autumn", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 10, 30), new LocalDate(2022, 10, 30)), new LocalTime(0, 30), new LocalTime(3, 30), allowNonWorkingDay: true);
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22.WithSessions([spring, autumn]);

        List<IcsReader.Event> events = IcsReader.ReadEvents(IcsExport.ToText(year, Stamp), London);

        Assert.Equal(Duration.FromHours(2), events[0].End - events[0].Start);
        Assert.Equal(Duration.FromHours(4), events[1].End - events[1].Start);
    }
}
