using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Upon.Core.Tests.Timelines;

/// <summary>
/// A small RFC 5545 reader for the tests: unfolds lines, splits name, parameters and value, unescapes
/// TEXT, and reads the VEVENTs' start, end and summary (TZID=Europe/London local times resolved as RFC 5545
/// §3.3.5 says, VALUE=DATE dates at the start of the day in Europe/London, UTC times with Z).
/// </summary>
internal static class IcsReader
{
    public sealed record ContentLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public sealed record Event(string Uid, string Summary, Instant Start, Instant End, bool IsAllDay, IReadOnlyList<ContentLine> Lines);

    /// <summary>Unfolds the text: a CRLF followed by a space or tab is removed. Throws on a bare LF or CR.</summary>
    public static List<string> Unfold(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            throw new FormatException("The text does not end with CRLF.");
        }

        List<string> lines = [];
        foreach (string physical in text[..^2].Split("\r\n"))
        {
            if (physical.Contains('\n', StringComparison.Ordinal) || physical.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException("A line ends with a bare LF or CR.");
            }

            if (physical.Length > 0 && (physical[0] == ' ' || physical[0] == '\t'))
            {
                lines[^1] += physical[1..];
            }
            else
            {
                lines.Add(physical);
            }
        }

        return lines;
    }

    public static ContentLine Parse(string line)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        string head = line[..colon];
        string[] parts = head.Split(';');
        Dictionary<string, string> parameters = new(StringComparer.OrdinalIgnoreCase);
        foreach (string parameter in parts.Skip(1))
        {
            int equals = parameter.IndexOf('=', StringComparison.Ordinal);
            parameters[parameter[..equals]] = parameter[(equals + 1)..];
        }

        return new ContentLine(parts[0], parameters, line[(colon + 1)..]);
    }

    public static string Unescape(string value)
    {
        StringBuilder builder = new(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                builder.Append(value[i]);
                continue;
            }

            char next = value[++i];
            builder.Append(next switch
            {
                'n' or 'N' => '\n',
                '\\' or ';' or ',' => next,
                _ => throw new FormatException($"Unknown escape \\{next}."),
            });
        }

        return builder.ToString();
    }

    public static List<Event> ReadEvents(string text, DateTimeZone zone)
    {
        List<Event> events = [];
        List<ContentLine>? current = null;
        foreach (string line in Unfold(text))
        {
            ContentLine content = Parse(line);
            if (content is { Name: "BEGIN", Value: "VEVENT" })
            {
                current = [];
            }
            else if (content is { Name: "END", Value: "VEVENT" })
            {
                events.Add(ToEvent(current!, zone));
                current = null;
            }
            else
            {
                current?.Add(content);
            }
        }

        return events;
    }

    private static Event ToEvent(List<ContentLine> lines, DateTimeZone zone)
    {
        ContentLine Single(string name) => lines.Single(l => l.Name == name);
        (Instant start, bool allDay) = ReadTime(Single("DTSTART"), zone);
        (Instant end, _) = ReadTime(Single("DTEND"), zone);
        return new Event(Unescape(Single("UID").Value), Unescape(Single("SUMMARY").Value), start, end, allDay, lines);
    }

    private static (Instant Instant, bool IsDate) ReadTime(ContentLine line, DateTimeZone zone)
    {
        if (line.Parameters.TryGetValue("VALUE", out string? type) && type == "DATE")
        {
            LocalDate date = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd").Parse(line.Value).GetValueOrThrow();
            return (zone.AtStartOfDay(date).ToInstant(), true);
        }

        if (line.Value.EndsWith('Z'))
        {
            return (InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'").Parse(line.Value).GetValueOrThrow(), false);
        }

        if (line.Parameters["TZID"] != zone.Id)
        {
            throw new FormatException("Unexpected TZID.");
        }

        LocalDateTime local = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss").Parse(line.Value).GetValueOrThrow();
        return (zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant(), false);
    }

    /// <summary>The length in UTF-8 octets of each physical line, CRLF excluded.</summary>
    public static IEnumerable<int> PhysicalLineOctets(string text) =>
        text[..^2].Split("\r\n").Select(line => Encoding.UTF8.GetByteCount(line));

    public static string Format(Instant instant) => instant.ToString("g", CultureInfo.InvariantCulture);
}
