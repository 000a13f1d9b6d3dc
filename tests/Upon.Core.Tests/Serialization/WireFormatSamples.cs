using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// Every document type written through <see cref="UponJson"/> (the ones whose NodaTime values go through JSON
/// converters; since 0.2.0 programme years through <see cref="ProgrammeYearDocument"/>), with values that reach each written form: the golden file Golden/wire-formats.txt holds what this
/// wrote before NodaTime.Serialization.SystemTextJson replaced Upon.Core's own converters (see Golden/README.md).
/// </summary>
internal static class WireFormatSamples
{
    /// <summary>Writes every sample, each under a line "## name", in a fixed order.</summary>
    public static string Write()
    {
        StringBuilder text = new();
        foreach ((string name, string json) in Samples())
        {
            text.Append("## ").Append(name).Append('\n').Append(json).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes a programme year as the CLI does: <see cref="ProgrammeYearDocument"/>, indented (until 0.2.0, <see cref="UponJson"/> wrote it).</summary>
    public static string WriteIndented(ProgrammeYear year)
    {
        using System.IO.MemoryStream stream = new();
        ProgrammeYearDocument.Write(stream, year, indented: true);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Each sample's name and JSON text.</summary>
    public static IEnumerable<(string Name, string Json)> Samples()
    {
        IHolidayCalendar holidays = EnglandAndWalesBankHolidays.Calendar;
        yield return ("holiday-list 1978-2099", UponJson.Serialize(
            HolidayList.For(holidays, new DateInterval(new LocalDate(1978, 1, 1), new LocalDate(2099, 12, 31))), writeIndented: true));
        for (int year = 1978; year <= 2099; year++)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"working-day-summary {year}"), UponJson.Serialize(
                WorkingDayCalendar.EnglandAndWales.Summarize(new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)))));
        }

        yield return ("holiday-change", UponJson.Serialize(
            new HolidayChange(new LocalDate(2022, 9, 19), "State funeral", new LocalDate(2022, 9, 18), "One-off")));
        foreach (ProgrammeYear year in BuiltInTimelines.All)
        {
            yield return ("programme-year " + year.Id, WriteIndented(year));
            yield return ("timeline-report " + year.Id, UponJson.Serialize(year.Validate(WorkingDayCalendar.EnglandAndWales), writeIndented: true));
        }

        yield return ("local-dates", string.Join(",", new[] { new LocalDate(1, 1, 1), new LocalDate(2024, 2, 29), new LocalDate(9999, 12, 31) }.Select(v => UponJson.Serialize(v))));
        yield return ("periods", string.Join(",", new[]
        {
            Period.Zero, Period.FromMonths(12), Period.FromYears(3) + Period.FromMonths(2), Period.FromWeeks(2),
            Period.FromHours(1) + Period.FromMinutes(30), Period.FromYears(-1) + Period.FromMonths(2),
            Period.FromSeconds(1) + Period.FromMilliseconds(500) + Period.FromTicks(3) + Period.FromNanoseconds(7),
        }.Select(v => UponJson.Serialize(v))));
        yield return ("local-times", string.Join(",", new[] { LocalTime.Midnight, new LocalTime(14, 0), new LocalTime(9, 5, 30, 500), LocalTime.MaxValue }.Select(v => UponJson.Serialize(v))));
        yield return ("local-date-times", string.Join(",", new[] { new LocalDateTime(2022, 2, 7, 9, 30), new LocalDateTime(1, 1, 1, 0, 0).PlusNanoseconds(1), new LocalDateTime(9999, 12, 31, 23, 59, 59, 999) }.Select(v => UponJson.Serialize(v))));
        yield return ("instants", string.Join(",", new[] { Instant.FromUtc(2021, 12, 10, 14, 0), Instant.MinValue, Instant.MaxValue, NodaConstants.UnixEpoch }.Select(v => UponJson.Serialize(v))));
        yield return ("date-intervals", string.Join(",", new[]
        {
            new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30)),
            new DateInterval(new LocalDate(2020, 9, 14), new LocalDate(2020, 9, 14)),
        }.Select(v => UponJson.Serialize(v))));
        yield return ("zones", string.Join(",", DateTimeZoneProviders.Tzdb.Ids.Select(id => UponJson.Serialize(DateTimeZoneProviders.Tzdb[id]))));
    }
}
