namespace Upon.Core.Calendars;

/// <summary>
/// Reads and writes holiday calendars in the shape the UK government publishes its bank holidays:
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
/// <para>
/// Writing gives the same shape, divisions in ordinal order of their names, each event with its
/// <c>title</c>, <c>date</c> and <c>notes</c> (<c>bunting</c> is not kept, so not written). What is written
/// reads back as the same holidays. A calendar's coverage is not part of the format: a calendar reads back
/// with the whole years of its holidays as its coverage, and a calendar with two holidays on one date is
/// written as it is but reads back as <see cref="DocumentProblemCodes.DateDuplicate"/>.
/// </para>
/// </remarks>
public static class BankHolidayDocument
{
    /// <summary>The largest document read unless another limit is given, in bytes: 16 MiB (the published document is about 30 KB).</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    private const string DivisionProperty = "division";

    private const string EventsProperty = "events";

    private static readonly string[] EventProperties = ["title", "date", "notes", "bunting"];

    /// <summary>Reads every division of the document in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; a larger one is reported as <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <returns>The calendars by division name (ordinal order), or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, Read);

    /// <summary>
    /// Reads one bank-holiday document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return DocumentSource.ReadAsync(utf8Json, maxBytes, Read, confidentialObject: null, cancellationToken);
    }

    /// <summary>
    /// Reads the document from a string with the default size limit, <see cref="DefaultMaxBytes"/>; see
    /// <see cref="Parse(string, int)"/>. (A separate overload, so that a method group such as <c>Select(Parse)</c> cannot
    /// pass an index as the size limit.)
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The calendars by division name (ordinal order), or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads every division of the document <paramref name="json"/>, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The calendars by division name (ordinal order), or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, Read);

    /// <summary>Reads one division of the document in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="division">The division, for example <c>england-and-wales</c>, <c>scotland</c> or <c>northern-ireland</c>.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes.</param>
    /// <returns>
    /// The division's calendar, or every problem found. A document with problems in any division is
    /// reported whole; a valid document without the division has a <see cref="DocumentProblemCodes.NotFound"/> problem.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<HolidayCalendar> ReadDivision(Stream utf8Json, string division, int maxBytes = DefaultMaxBytes)
    {
        Guard.Against.Null(division);
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> all = Read(utf8Json, maxBytes);
        if (!all.IsValid)
        {
            return DocumentResult.Failure<HolidayCalendar>(all.Problems);
        }

        return all.Value.TryGetValue(division, out HolidayCalendar? calendar)
            ? DocumentResult.Success(calendar)
            : DocumentResult.Failure<HolidayCalendar>(
                [new DocumentProblem(JsonPath.Root, DocumentProblemCodes.NotFound, string.Create(CultureInfo.InvariantCulture, $"The document has no division of the name asked for; it has {all.Value.Count} {(all.Value.Count == 1 ? "division" : "divisions")}. Division names are not repeated here, since they come from the document."))]);
    }

    /// <summary>Writes <paramref name="value"/> as a bank-holiday document to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="value">The calendars by division name; each is written under its key, in ordinal order of the keys.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="value"/> (or one of its calendars) is null.</exception>
    public static void Write(Stream utf8Json, IReadOnlyDictionary<string, HolidayCalendar> value, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(value);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> as a bank-holiday object, for example inside a larger document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The calendars by division name; each is written under its key, in ordinal order of the keys.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> (or one of its calendars) is null.</exception>
    public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, HolidayCalendar> value)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(value);
        writer.WriteStartObject();
        foreach (KeyValuePair<string, HolidayCalendar> division in value.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Guard.Against.Null(division.Value, nameof(value));
            writer.WriteStartObject(division.Key);
            writer.WriteString(DivisionProperty, division.Key);
            writer.WriteStartArray(EventsProperty);
            foreach (Holiday holiday in division.Value.Holidays)
            {
                writer.WriteStartObject();
                writer.WriteString(EventProperties[0], holiday.Name);
                writer.WriteString(EventProperties[1], DateText.Format(holiday.Date));
                writer.WriteString(EventProperties[2], holiday.Notes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> Read(JsonElement root)
    {
        JsonElementReader json = new();
        ImmutableSortedDictionary<string, HolidayCalendar>.Builder calendars = ImmutableSortedDictionary.CreateBuilder<string, HolidayCalendar>(StringComparer.Ordinal);
        if (json.IsObject(root, JsonPath.Root, "an object whose properties are divisions"))
        {
            foreach (JsonProperty division in root.EnumerateObject())
            {
                HolidayCalendar? calendar = ReadDivision(json, division, JsonPath.Property(JsonPath.Root, division.Name));
                if (calendar is not null)
                {
                    calendars[division.Name] = calendar;
                }
            }

            if (json.Problems.Count == 0 && calendars.Count == 0)
            {
                json.Add(JsonPath.Root, DocumentProblemCodes.CollectionEmpty, "The document has no divisions.");
            }
        }

        return json.Problems.Count == 0
            ? DocumentResult.Success(calendars.ToImmutable())
            : DocumentResult.Failure<ImmutableSortedDictionary<string, HolidayCalendar>>([.. json.Problems]);
    }

    private static HolidayCalendar? ReadDivision(JsonElementReader json, JsonProperty division, string path)
    {
        int problemsBefore = json.Problems.Count;
        if (string.IsNullOrWhiteSpace(division.Name))
        {
            json.Add(path, DocumentProblemCodes.Empty, "A division's name must not be empty.");
        }

        if (!json.IsObject(division.Value, path, "an object with \"division\" and \"events\""))
        {
            return null;
        }

        json.String(division.Value, path, DivisionProperty, required: false, allowEmpty: true);
        if (!json.Array(division.Value, path, EventsProperty, required: true, out JsonElement events, out string eventsPath))
        {
            return null;
        }

        if (events.GetArrayLength() == 0)
        {
            json.Add(eventsPath, DocumentProblemCodes.CollectionEmpty, "A division needs at least one event, since its coverage is the years its events span.");
            return null;
        }

        List<Holiday> holidays = [];
        Dictionary<LocalDate, int> seen = [];
        int index = 0;
        foreach (JsonElement item in events.EnumerateArray())
        {
            string itemPath = JsonPath.Index(eventsPath, index);
            if (ReadEvent(json, item, itemPath) is Holiday holiday)
            {
                if (seen.TryGetValue(holiday.Date, out int first))
                {
                    json.Add(
                        JsonPath.Property(itemPath, EventProperties[1]),
                        DocumentProblemCodes.DateDuplicate,
                        string.Create(CultureInfo.InvariantCulture, $"The date of this event is the date of event {first} too; a division lists each date once."));
                }
                else
                {
                    seen.Add(holiday.Date, index);
                    holidays.Add(holiday);
                }
            }

            index++;
        }

        if (json.Problems.Count > problemsBefore)
        {
            return null;
        }

        int firstYear = holidays.Min(holiday => holiday.Date.Year);
        int lastYear = holidays.Max(holiday => holiday.Date.Year);
        return new HolidayCalendar(
            division.Name,
            new DateInterval(new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31)),
            holidays);
    }

    private static Holiday? ReadEvent(JsonElementReader json, JsonElement item, string path)
    {
        if (!json.IsObject(item, path, "an event object with \"title\" and \"date\""))
        {
            return null;
        }

        string? title = json.String(item, path, EventProperties[0], required: true);
        LocalDate? date = json.Date(item, path, EventProperties[1], required: true);
        if (date is { Year: < 1 })
        {
            // ISO 8601 has a year 0; the calendars of the library start at year 1.
            json.Add(JsonPath.Property(path, EventProperties[1]), DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.");
            date = null;
        }

        string notes = json.String(item, path, EventProperties[2], required: false, allowEmpty: true) ?? string.Empty;
        json.Bool(item, path, EventProperties[3], required: false);
        return title is not null && date is not null ? new Holiday(date.Value, title, notes) : null;
    }
}
