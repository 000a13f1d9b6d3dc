using System.Text;

namespace Upon.Core.Timelines;

/// <summary>
/// Writes a programme year's sessions as an iCalendar file (RFC 5545) that calendar clients import: one
/// VEVENT per session, times in Europe/London with its VTIMEZONE, whole-day sessions as all-day events.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lines end in CRLF and are folded at 75 octets (continuation lines start with a space); a fold
/// never splits a UTF-8 sequence. Text values escape backslash, semicolon, comma and newline.</item>
/// <item>UIDs are stable: <c>{session id}.{programme id}@upon-core</c>, never random, so that importing an
/// updated file updates the events. DTSTAMP is the instant supplied, never the wall clock.</item>
/// <item>A timed session has <c>DTSTART;TZID=Europe/London</c> and <c>DTEND;TZID=Europe/London</c> local
/// times; a client resolves a time in a clock-change hour as NodaTime's lenient resolver does (RFC 5545
/// §3.3.5). A session without times is an all-day event: <c>DTSTART;VALUE=DATE</c> on its first date and
/// <c>DTEND;VALUE=DATE</c> on the day after its last (exclusive).</item>
/// <item>The VTIMEZONE gives the United Kingdom's rules since 1996 (BST from 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October); sessions before 1996 would be shown with those rules.</item>
/// <item>SUMMARY is the title; DESCRIPTION the kind, delivery mode, group and any note; CATEGORIES the kind;
/// STATUS is TENTATIVE for assumed dates and CONFIRMED otherwise. Events are in chronological order.</item>
/// </list>
/// </remarks>
public static class IcsExport
{
    /// <summary>The product identifier written in PRODID.</summary>
    public const string ProductId = "-//Upon.Core//Programme timelines//EN";

    private const int MaxOctets = 75;

    /// <summary>Writes <paramref name="programme"/> to <paramref name="writer"/>.</summary>
    /// <param name="programme">The programme year; every session must end after it starts (see <see cref="TimelineValidator"/>).</param>
    /// <param name="writer">Where to write; left open. Its own newline setting is not used: lines end in CRLF.</param>
    /// <param name="stamp">The instant written as every event's DTSTAMP, for example the time of export from an <see cref="IClock"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException">A session does not end after it starts.</exception>
    public static void Write(ProgrammeYear programme, TextWriter writer, Instant stamp)
    {
        Guard.Against.Null(programme);
        Guard.Against.Null(writer);
        DateTimeZone zone = ProgrammeYear.TimeZone;
        for (int i = 0; i < programme.Sessions.Length; i++)
        {
            Guard.Against.Invalid(!programme.Sessions[i].TryGetInterval(zone, out _), $"Session {i} does not end after it starts, so it cannot be exported; validate the programme year first.", nameof(programme));
        }

        string dtstamp = stamp.ToString("uuuuMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(writer, "BEGIN:VCALENDAR");
        Line(writer, "VERSION:2.0");
        Line(writer, "PRODID:" + ProductId);
        Line(writer, "CALSCALE:GREGORIAN");
        Line(writer, "METHOD:PUBLISH");
        Line(writer, "X-WR-CALNAME:" + Escape(programme.Name));
        Line(writer, "X-WR-TIMEZONE:" + zone.Id);
        WriteTimeZone(writer, zone.Id);
        StringBuilder description = new();
        foreach (Session session in programme.GetSessionsInOrder())
        {
            Line(writer, "BEGIN:VEVENT");
            Line(writer, "UID:" + Escape(session.Id + "." + programme.Id + "@upon-core"));
            Line(writer, "DTSTAMP:" + dtstamp);
            if (session.HasTimes)
            {
                Line(writer, $"DTSTART;TZID={zone.Id}:{LocalDateTime(session.LocalStart)}");
                Line(writer, $"DTEND;TZID={zone.Id}:{LocalDateTime(session.LocalEnd)}");
            }
            else
            {
                Line(writer, "DTSTART;VALUE=DATE:" + Date(session.Dates.Start));
                Line(writer, "DTEND;VALUE=DATE:" + Date(session.Dates.End.PlusDays(1)));
            }

            Line(writer, "SUMMARY:" + Escape(session.Title));
            description.Clear()
                .Append(Describe(session.Kind)).Append(", ").Append(Describe(session.Mode)).Append('.')
                .Append(session.Group is null ? " For everyone." : $" For group {session.Group}.");
            if (session.IsAssumed)
            {
                description.Append(" The date is assumed, not published.");
            }

            if (!string.IsNullOrEmpty(session.Note))
            {
                description.Append('\n').Append(session.Note);
            }

            Line(writer, "DESCRIPTION:" + Escape(description.ToString()));
            Line(writer, "CATEGORIES:" + Escape(Describe(session.Kind)));
            Line(writer, "STATUS:" + (session.IsAssumed ? "TENTATIVE" : "CONFIRMED"));
            Line(writer, "TRANSP:OPAQUE");
            Line(writer, "END:VEVENT");
        }

        Line(writer, "END:VCALENDAR");
    }

    /// <summary>Writes <paramref name="programme"/> to <paramref name="utf8Stream"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="programme">The programme year; every session must end after it starts.</param>
    /// <param name="utf8Stream">Where to write; left open.</param>
    /// <param name="stamp">The instant written as every event's DTSTAMP.</param>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> or <paramref name="utf8Stream"/> is null.</exception>
    /// <exception cref="ArgumentException">A session does not end after it starts.</exception>
    public static void Write(ProgrammeYear programme, Stream utf8Stream, Instant stamp)
    {
        Guard.Against.Null(utf8Stream);
        using StreamWriter writer = new(utf8Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        Write(programme, writer, stamp);
    }

    /// <summary>Returns <paramref name="programme"/> as iCalendar text.</summary>
    /// <param name="programme">The programme year; every session must end after it starts.</param>
    /// <param name="stamp">The instant written as every event's DTSTAMP.</param>
    /// <returns>The text, CRLF line endings included.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> is null.</exception>
    /// <exception cref="ArgumentException">A session does not end after it starts.</exception>
    public static string ToText(ProgrammeYear programme, Instant stamp)
    {
        using StringWriter writer = new(CultureInfo.InvariantCulture);
        Write(programme, writer, stamp);
        return writer.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text; CR LF and lone CR become <c>\n</c> too.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    internal static string Escape(string text)
    {
        Guard.Against.Null(text);
        StringBuilder builder = new(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case ';': builder.Append(@"\;"); break;
                case ',': builder.Append(@"\,"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\r':
                    builder.Append(@"\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    // Other control characters are not allowed in TEXT values.
                    builder.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes one content line, folded at 75 octets without splitting a UTF-8 sequence, with CRLF.</summary>
    private static void Line(TextWriter writer, string line)
    {
        int octets = 0;
        int limit = MaxOctets;
        int chunkStart = 0;
        int index = 0;
        foreach (Rune rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > limit)
            {
                writer.Write(line.AsSpan(chunkStart, index - chunkStart));
                writer.Write("\r\n ");
                chunkStart = index;
                octets = 0;
                limit = MaxOctets - 1;
            }

            octets += rune.Utf8SequenceLength;
            index += rune.Utf16SequenceLength;
        }

        writer.Write(line.AsSpan(chunkStart));
        writer.Write("\r\n");
    }

    private static void WriteTimeZone(TextWriter writer, string id)
    {
        IEnumerable<string> lines =
        [
            "BEGIN:VTIMEZONE",
            "TZID:" + id,
            "X-LIC-LOCATION:" + id,
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "DTSTART:19700329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "DTSTART:19701025T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
        ];
        foreach (string line in lines)
        {
            Line(writer, line);
        }
    }

    private static string LocalDateTime(LocalDateTime value) => value.ToString("uuuuMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Date(LocalDate value) => value.ToString("uuuuMMdd", CultureInfo.InvariantCulture);

    internal static string Describe(SessionKind kind) => kind switch
    {
        SessionKind.TaughtDay => "Taught day",
        SessionKind.LearningVisit => "Learning visit",
        SessionKind.ActionLearningSet => "Action-learning set",
        SessionKind.LeadershipChallenge => "Leadership challenge",
        SessionKind.VirtualWorkshop => "Virtual workshop",
        SessionKind.Residential => "Residential",
        _ => kind.ToString(),
    };

    internal static string Describe(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Virtual => "virtual",
        DeliveryMode.FaceToFace => "face to face",
        DeliveryMode.Blended => "blended",
        _ => mode.ToString(),
    };
}
