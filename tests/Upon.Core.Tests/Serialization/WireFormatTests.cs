using System;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The formats on the wire did not change when NodaTime.Serialization.SystemTextJson replaced Upon.Core's own
/// NodaTime converters: every document type written through <see cref="UponJson"/> is written byte for byte as
/// before (Golden/wire-formats.txt, written by the old converters), and reads back to the same bytes.
/// </summary>
public sealed class WireFormatTests
{
    [Fact]
    public void Write_EveryDocumentTypeAndValue_IsByteForByteWhatTheOwnConvertersWrote()
    {
        string golden = File.ReadAllText(Repository.GoldenFile("wire-formats.txt"));
        string[] expected = golden.Split("## ")[1..];
        string[] written = WireFormatSamples.Write().Split("## ")[1..];

        Assert.Equal(expected.Length, written.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // One sample at a time, so that a failure names the sample.
            Assert.Equal(expected[i], written[i]);
        }
    }

    [Fact]
    public void ReadAndWriteAgain_EveryDocument_GivesTheSameBytes()
    {
        // A timeline report is written only (it has no constructor to read into); the test above checks its bytes.
        foreach ((string name, string json) in WireFormatSamples.Samples().Where(s => !s.Name.StartsWith("timeline-report", StringComparison.Ordinal)))
        {
            string again = name.Split(' ')[0] switch
            {
                "holiday-list" => UponJson.Serialize(UponJson.Deserialize<HolidayList>(json), writeIndented: true),
                "working-day-summary" => UponJson.Serialize(UponJson.Deserialize<WorkingDaySummary>(json)),
                "holiday-change" => UponJson.Serialize(UponJson.Deserialize<HolidayChange>(json)),
                "programme-year" => WireFormatSamples.WriteIndented(ProgrammeYearDocument.Parse(json).GetValueOrThrow()),
                "local-dates" => Again<LocalDate>(json),
                "periods" => Again<Period>(json),
                "local-times" => Again<LocalTime>(json),
                "local-date-times" => Again<LocalDateTime>(json),
                "instants" => Again<Instant>(json),
                "date-intervals" => string.Join(",", json.Split("},{").Select((part, i) =>
                    UponJson.Serialize(UponJson.Deserialize<DateInterval>((i > 0 ? "{" : string.Empty) + part + (part.EndsWith('}') ? string.Empty : "}"))))),
                "zones" => Again<DateTimeZone>(json),
                _ => throw new InvalidOperationException("No reader for sample " + name),
            };
            Assert.True(json == again, $"Sample {name} reads back to other bytes.");
        }
    }

    private static string Again<T>(string commaSeparated) =>
        string.Join(",", commaSeparated.Split(',').Select(value => UponJson.Serialize(UponJson.Deserialize<T>(value))));
}
