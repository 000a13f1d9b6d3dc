using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Serialization;

namespace Upon.Core.Calendars;

/// <summary>
/// Reads holiday calendars from a document in the shape the UK government publishes its bank holidays:
/// <c>{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]}}</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each top-level property is a division and becomes one <see cref="HolidayCalendar"/> whose
/// <see cref="HolidayCalendar.Id"/> is the property name. A division's coverage is 1 January of the
/// year of its earliest event to 31 December of the year of its latest: the published data lists
/// whole years.
/// </para>
/// <para>
/// Every problem in the document is reported, each with its JSON path and a stable code from
/// <see cref="DocumentProblemCodes"/>; reading never throws for bad input. <c>notes</c> and
/// <c>bunting</c> are optional; other properties are ignored, so that additions to the published
/// format do not break reading.
/// </para>
/// </remarks>
public static class BankHolidayDocument
{
    /// <summary>Reads every division of the document in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <returns>The calendars by division name (ordinal order), or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Read(Stream utf8Json)
    {
        Guard.Against.Null(utf8Json);
        using JsonDocument? document = DocumentSource.Parse(utf8Json, int.MaxValue, out DocumentProblem? problem);
        return document is null
            ? DocumentResult.Failure<ImmutableSortedDictionary<string, HolidayCalendar>>([problem!.Value])
            : Read(document.RootElement);
    }

    /// <summary>Reads every division of the document <paramref name="json"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The calendars by division name (ordinal order), or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Parse(string json)
    {
        Guard.Against.Null(json);
        using JsonDocument? document = DocumentSource.Parse(System.Text.Encoding.UTF8.GetBytes(json), out DocumentProblem? problem);
        return document is null
            ? DocumentResult.Failure<ImmutableSortedDictionary<string, HolidayCalendar>>([problem!.Value])
            : Read(document.RootElement);
    }

    /// <summary>Reads one division of the document in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="division">The division, for example <c>england-and-wales</c>, <c>scotland</c> or <c>northern-ireland</c>.</param>
    /// <returns>
    /// The division's calendar, or every problem found. A document with problems in any division is
    /// reported whole; a valid document without the division has a <see cref="DocumentProblemCodes.NotFound"/> problem.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DocumentResult<HolidayCalendar> ReadDivision(Stream utf8Json, string division)
    {
        Guard.Against.Null(division);
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> all = Read(utf8Json);
        if (!all.IsValid)
        {
            return DocumentResult.Failure<HolidayCalendar>(all.Problems);
        }

        return all.Value.TryGetValue(division, out HolidayCalendar? calendar)
            ? DocumentResult.Success(calendar)
            : DocumentResult.Failure<HolidayCalendar>(
                [new DocumentProblem(JsonPath.Root, DocumentProblemCodes.NotFound, string.Create(CultureInfo.InvariantCulture, $"The document has no division of the name asked for; it has {all.Value.Count} {(all.Value.Count == 1 ? "division" : "divisions")}. Division names are not repeated here, since they come from the document."))]);
    }

    private static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Read(JsonElement root)
    {
        List<DocumentProblem> problems = [];
        ImmutableSortedDictionary<string, HolidayCalendar>.Builder calendars = ImmutableSortedDictionary.CreateBuilder<string, HolidayCalendar>(StringComparer.Ordinal);

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(TypeMismatch(JsonPath.Root, "an object whose properties are divisions", root.ValueKind));
        }
        else
        {
            foreach (JsonProperty division in root.EnumerateObject())
            {
                HolidayCalendar? calendar = ReadDivision(division, JsonPath.Property(JsonPath.Root, division.Name), problems);
                if (calendar is not null)
                {
                    calendars[division.Name] = calendar;
                }
            }

            if (problems.Count == 0 && calendars.Count == 0)
            {
                problems.Add(new DocumentProblem(JsonPath.Root, DocumentProblemCodes.CollectionEmpty, "The document has no divisions."));
            }
        }

        return problems.Count == 0
            ? DocumentResult.Success(calendars.ToImmutable())
            : DocumentResult.Failure<ImmutableSortedDictionary<string, HolidayCalendar>>([.. problems]);
    }

    private static HolidayCalendar? ReadDivision(JsonProperty division, string path, List<DocumentProblem> problems)
    {
        int problemsBefore = problems.Count;
        if (string.IsNullOrWhiteSpace(division.Name))
        {
            problems.Add(new DocumentProblem(path, DocumentProblemCodes.Empty, "A division's name must not be empty."));
        }

        if (division.Value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(TypeMismatch(path, "an object with \"division\" and \"events\"", division.Value.ValueKind));
            return null;
        }

        if (division.Value.TryGetProperty("division", out JsonElement name) && name.ValueKind != JsonValueKind.String)
        {
            problems.Add(TypeMismatch(JsonPath.Property(path, "division"), "a string", name.ValueKind));
        }

        string eventsPath = JsonPath.Property(path, "events");
        if (!division.Value.TryGetProperty("events", out JsonElement events) || events.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new DocumentProblem(eventsPath, DocumentProblemCodes.Required, "A division needs an \"events\" array."));
            return null;
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            problems.Add(TypeMismatch(eventsPath, "an array of events", events.ValueKind));
            return null;
        }

        if (events.GetArrayLength() == 0)
        {
            problems.Add(new DocumentProblem(eventsPath, DocumentProblemCodes.CollectionEmpty, "A division needs at least one event, since its coverage is the years its events span."));
            return null;
        }

        List<Holiday> holidays = [];
        Dictionary<LocalDate, int> seen = [];
        int index = 0;
        foreach (JsonElement item in events.EnumerateArray())
        {
            string itemPath = JsonPath.Index(eventsPath, index);
            if (ReadEvent(item, itemPath, problems) is Holiday holiday)
            {
                if (seen.TryGetValue(holiday.Date, out int first))
                {
                    problems.Add(new DocumentProblem(
                        JsonPath.Property(itemPath, "date"),
                        DocumentProblemCodes.DateDuplicate,
                        $"The date of this event is the date of event {first} too; a division lists each date once."));
                }
                else
                {
                    seen.Add(holiday.Date, index);
                    holidays.Add(holiday);
                }
            }

            index++;
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        int firstYear = int.MaxValue;
        int lastYear = int.MinValue;
        foreach (Holiday holiday in holidays)
        {
            firstYear = Math.Min(firstYear, holiday.Date.Year);
            lastYear = Math.Max(lastYear, holiday.Date.Year);
        }

        return new HolidayCalendar(
            division.Name,
            new DateInterval(new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31)),
            holidays);
    }

    private static Holiday? ReadEvent(JsonElement item, string path, List<DocumentProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(TypeMismatch(path, "an event object with \"title\" and \"date\"", item.ValueKind));
            return null;
        }

        string? title = RequiredString(item, path, "title", problems);
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new DocumentProblem(JsonPath.Property(path, "title"), DocumentProblemCodes.Empty, "An event's title must not be empty."));
            title = null;
        }

        LocalDate? date = null;
        string? dateText = RequiredString(item, path, "date", problems);
        if (dateText is not null)
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(dateText);
            if (parsed.Success && parsed.Value.Year >= 1)
            {
                date = parsed.Value;
            }
            else
            {
                problems.Add(new DocumentProblem(
                    JsonPath.Property(path, "date"),
                    DocumentProblemCodes.DateInvalid,
                    "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."));
            }
        }

        string notes = string.Empty;
        if (item.TryGetProperty("notes", out JsonElement notesElement) && notesElement.ValueKind != JsonValueKind.Null)
        {
            if (notesElement.ValueKind == JsonValueKind.String)
            {
                notes = notesElement.GetString()!;
            }
            else
            {
                problems.Add(TypeMismatch(JsonPath.Property(path, "notes"), "a string", notesElement.ValueKind));
            }
        }

        if (item.TryGetProperty("bunting", out JsonElement bunting)
            && bunting.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            problems.Add(TypeMismatch(JsonPath.Property(path, "bunting"), "true or false", bunting.ValueKind));
        }

        return title is not null && date is not null ? new Holiday(date.Value, title, notes) : null;
    }

    private static string? RequiredString(JsonElement item, string path, string property, List<DocumentProblem> problems)
    {
        string propertyPath = JsonPath.Property(path, property);
        if (!item.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new DocumentProblem(propertyPath, DocumentProblemCodes.Required, $"An event needs a \"{property}\"."));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(TypeMismatch(propertyPath, "a string", value.ValueKind));
            return null;
        }

        return value.GetString();
    }

    private static DocumentProblem TypeMismatch(string path, string expected, JsonValueKind found) =>
        new(path, DocumentProblemCodes.TypeMismatch, $"Expected {expected}, but found {JsonElementReader.Describe(found)}.");
}
