using System;
using System.IO;
using NodaTime;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

/// <summary>The exported calendar pinned character for character: header, every kind and mode, groups, assumed dates, notes and folding.</summary>
public sealed class IcsExportExactTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 22, 9, 30, 15);

    private static readonly ProgrammeYear Year = new(
        "p",
        "Year; one, two",
        ProgrammeStrand.AspirantDirectors,
        new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31)),
        [new Milestone(MilestoneKind.ProgrammeStart, new LocalDate(2022, 1, 1))],
        [
            Day("f", "F", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, 15),
            Day("a", "A", SessionKind.TaughtDay, DeliveryMode.FaceToFace, 10, group: "g1", note: "Bring a laptop"),
            Day("b", "B", SessionKind.LearningVisit, DeliveryMode.Blended, 11, isAssumed: true),
            new Session("c", "C", SessionKind.ActionLearningSet, DeliveryMode.Virtual, Days(12, 12), new LocalTime(10, 0), new LocalTime(12, 30)),
            Day("d", "D", SessionKind.LeadershipChallenge, DeliveryMode.Virtual, 13, note: string.Empty),
            new Session("e", "E", SessionKind.Residential, DeliveryMode.FaceToFace, Days(13, 14)),
        ]);

    private const string TimeZoneLines =
        "BEGIN:VTIMEZONE\r\n" +
        "TZID:Europe/London\r\n" +
        "X-LIC-LOCATION:Europe/London\r\n" +
        "BEGIN:DAYLIGHT\r\n" +
        "TZOFFSETFROM:+0000\r\n" +
        "TZOFFSETTO:+0100\r\n" +
        "TZNAME:BST\r\n" +
        "DTSTART:19700329T010000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" +
        "END:DAYLIGHT\r\n" +
        "BEGIN:STANDARD\r\n" +
        "TZOFFSETFROM:+0100\r\n" +
        "TZOFFSETTO:+0000\r\n" +
        "TZNAME:GMT\r\n" +
        "DTSTART:19701025T020000\r\n" +
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" +
        "END:STANDARD\r\n" +
        "END:VTIMEZONE\r\n";

    [Fact]
    public void Export_EveryKindModeGroupNoteAndAssumedDate_IsThisCalendarExactly()
    {
        string expected =
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "PRODID:-//Upon.Core//Programme timelines//EN\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:PUBLISH\r\n" +
            "X-WR-CALNAME:Year\\; one\\, two\r\n" +
            "X-WR-TIMEZONE:Europe/London\r\n" +
            TimeZoneLines +
            Event("a.p", "DTSTART;VALUE=DATE:20220110", "DTEND;VALUE=DATE:20220111", "A", "Taught day\\, face to face. For group g1.\\nBring a laptop", "Taught day", "CONFIRMED") +
            Event("b.p", "DTSTART;VALUE=DATE:20220111", "DTEND;VALUE=DATE:20220112", "B", "Learning visit\\, blended. For everyone. The date is assumed\\, n\r\n ot published.", "Learning visit", "TENTATIVE") +
            Event("c.p", "DTSTART;TZID=Europe/London:20220112T100000", "DTEND;TZID=Europe/London:20220112T123000", "C", "Action-learning set\\, virtual. For everyone.", "Action-learning set", "CONFIRMED") +
            Event("d.p", "DTSTART;VALUE=DATE:20220113", "DTEND;VALUE=DATE:20220114", "D", "Leadership challenge\\, virtual. For everyone.", "Leadership challenge", "CONFIRMED") +
            Event("e.p", "DTSTART;VALUE=DATE:20220113", "DTEND;VALUE=DATE:20220115", "E", "Residential\\, face to face. For everyone.", "Residential", "CONFIRMED") +
            Event("f.p", "DTSTART;VALUE=DATE:20220115", "DTEND;VALUE=DATE:20220116", "F", "Virtual workshop\\, virtual. For everyone.", "Virtual workshop", "CONFIRMED") +
            "END:VCALENDAR\r\n";

        Assert.Equal(expected, IcsExport.ToText(Year, Stamp));
    }

    [Fact]
    public void Export_LineOfExactly75Octets_IsNotFolded()
    {
        // "SUMMARY:" is 8 octets; 67 more make 75, the most a line may hold; 68 make 76, folded after 75.
        string seventyFive = Summary(new string('x', 67));
        string seventySix = Summary(new string('x', 68));

        Assert.Equal("SUMMARY:" + new string('x', 67), seventyFive);
        Assert.Equal("SUMMARY:" + new string('x', 67) + "\r\n x", seventySix);
    }

    [Fact]
    public void Export_ToStream_LeavesTheStreamOpen()
    {
        using MemoryStream stream = new();
        IcsExport.Write(Year, stream, Stamp);

        Assert.True(stream.CanWrite);
        stream.WriteByte((byte)'!');
        Assert.Equal(IcsExport.ToText(Year, Stamp).Length + 1, stream.Length);
    }

    [Fact]
    public void Export_NullArguments_Throw()
    {
        Assert.Equal("programme", Assert.Throws<ArgumentNullException>(() => IcsExport.Write(null!, TextWriter.Null, Stamp)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => IcsExport.Write(Year, (TextWriter)null!, Stamp)).ParamName);
        Assert.Equal("utf8Stream", Assert.Throws<ArgumentNullException>(() => IcsExport.Write(Year, (Stream)null!, Stamp)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => IcsExport.Escape(null!)).ParamName);
    }

    [Theory]
    [InlineData("a\r", "a\\n")]
    [InlineData("\r", "\\n")]
    [InlineData("\n\r\n", "\\n\\n")]
    [InlineData("a\tb\u0001c\u007fd", "a\tb c d")]
    public void Escape_CarriageReturnsAndControlCharacters(string text, string escaped)
    {
        Assert.Equal(escaped, IcsExport.Escape(text));
    }

    private static Session Day(string id, string title, SessionKind kind, DeliveryMode mode, int day, string? group = null, bool isAssumed = false, string? note = null) =>
        new(id, title, kind, mode, Days(day, day), group: group, isAssumed: isAssumed, note: note);

    private static DateInterval Days(int first, int last) => new(new LocalDate(2022, 1, first), new LocalDate(2022, 1, last));

    private static string Event(string uid, string start, string end, string summary, string description, string category, string status) =>
        "BEGIN:VEVENT\r\n" +
        "UID:" + uid + "@upon-core\r\n" +
        "DTSTAMP:20261122T093015Z\r\n" +
        start + "\r\n" +
        end + "\r\n" +
        "SUMMARY:" + summary + "\r\n" +
        "DESCRIPTION:" + description + "\r\n" +
        "CATEGORIES:" + category + "\r\n" +
        "STATUS:" + status + "\r\n" +
        "TRANSP:OPAQUE\r\n" +
        "END:VEVENT\r\n";

    private static string Summary(string title)
    {
        string text = IcsExport.ToText(Year.WithSessions([Day("s", title, SessionKind.TaughtDay, DeliveryMode.Virtual, 10)]), Stamp);
        int start = text.IndexOf("SUMMARY:", StringComparison.Ordinal);
        return text[start..text.IndexOf("\r\nDESCRIPTION:", start, StringComparison.Ordinal)];
    }
}
