using NodaTime.Text;

namespace Upon.Core.Timelines;

/// <summary>
/// Reads and writes a <see cref="ProgrammeYear"/> as JSON (schema in docs/schemas/programme-year.schema.json):
/// what <see cref="Write(Stream, ProgrammeYear, bool)"/> writes, <see cref="Read(Stream, int)"/> reads back as an equal year.
/// Reading reports every problem with its JSON path and a stable code.
/// </summary>
/// <remarks>
/// <para>
/// The document is one object
/// <c>{"id", "name", "strand", "window": {"start", "end"}, "milestones": [...], "sessions"?: [...], "requiredTaughtDays"?, "notes"?: [...]}</c>;
/// a milestone is <c>{"kind", "date", "isAssumed"?, "note"?}</c> and a session
/// <c>{"id", "title", "kind", "mode", "dates": {"start", "end"}, "startTime"?, "endTime"?, "group"?, "allowNonWorkingDay"?, "isAssumed"?, "note"?}</c>.
/// Dates are ISO 8601 <c>yyyy-MM-dd</c>, both ends of an interval included; times are local to Europe/London,
/// written <c>HH:mm:ss</c> (with a fraction when there is one) and read as <c>HH:mm</c> or <c>HH:mm:ss</c>. Enum values are
/// camelCase strings (<c>"taughtDay"</c>, <c>"faceToFace"</c>). Writing leaves out <c>requiredTaughtDays</c>,
/// <c>startTime</c>, <c>endTime</c>, <c>group</c> and <c>note</c> when they are null, and writes every other property.
/// </para>
/// <para>
/// Dates must lie from 1 January 1900 to 31 December 2199 (<see cref="DocumentProblemCodes.OutOfRange"/> otherwise),
/// so that every computation on a year that reads as valid stays inside the calendar.
/// Codes come from <see cref="DocumentProblemCodes"/> and <see cref="TimelineDocumentCodes"/>. Reading never
/// stops at the first problem and never throws for bad input. Property names are matched exactly
/// (camelCase); a property the format does not define is a problem, so that a misspelt name is not
/// silently ignored; a property whose value is <c>null</c> is treated as absent.
/// </para>
/// <para>
/// The reader checks the document's shape; the rules of a timeline (milestone order, working days,
/// overlaps, clock-change hours, taught-day count) are <see cref="TimelineValidator"/>'s. A document
/// without milestones is a problem here as well, because a programme year is defined by its dates.
/// </para>
/// </remarks>
public static class ProgrammeYearDocument
{
    /// <summary>The largest programme-year document read unless another limit is given, in bytes: 16 MiB.</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The dates a programme-year document may hold: 1 January 1900 to 31 December 2199, both included.</summary>
    private static readonly DateInterval DateRange = new(new LocalDate(1900, 1, 1), new LocalDate(2199, 12, 31));

    private static readonly string[] YearProperties = ["id", "name", "strand", "window", "milestones", "sessions", "requiredTaughtDays", "notes"];

    private static readonly string[] MilestoneProperties = ["kind", "date", "isAssumed", "note"];

    private static readonly string[] SessionProperties = ["id", "title", "kind", "mode", "dates", "startTime", "endTime", "group", "allowNonWorkingDay", "isAssumed", "note"];

    private static readonly string[] IntervalProperties = ["start", "end"];

    private static readonly LocalTimePattern[] TimePatterns = [LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH:mm")];

    /// <summary>Reads a programme year from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; a larger one is reported as <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <returns>The programme year, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ProgrammeYear> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, Read);

    /// <summary>
    /// Reads one programme-year document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<ProgrammeYear>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
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
    /// <returns>The programme year, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<ProgrammeYear> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads a programme year from the JSON text <paramref name="json"/>, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The programme year, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ProgrammeYear> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, Read);

    /// <summary>Writes <paramref name="value"/> as a programme-year document to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="value">The programme year.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="value"/> is null.</exception>
    public static void Write(Stream utf8Json, ProgrammeYear value, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(value);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> as a programme-year object, for example inside a larger document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The programme year.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, ProgrammeYear value)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(value);
        writer.WriteStartObject();
        writer.WriteString(YearProperties[0], value.Id);
        writer.WriteString(YearProperties[1], value.Name);
        writer.WriteString(YearProperties[2], EnumNames<ProgrammeStrand>.Name(value.Strand));
        WriteInterval(writer, YearProperties[3], value.Window);
        writer.WriteStartArray(YearProperties[4]);
        foreach (Milestone milestone in value.Milestones)
        {
            writer.WriteStartObject();
            writer.WriteString(MilestoneProperties[0], EnumNames<MilestoneKind>.Name(milestone.Kind));
            writer.WriteString(MilestoneProperties[1], DateText.Format(milestone.Date));
            writer.WriteBoolean(MilestoneProperties[2], milestone.IsAssumed);
            if (milestone.Note is string note)
            {
                writer.WriteString(MilestoneProperties[3], note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(YearProperties[5]);
        foreach (Session session in value.Sessions)
        {
            WriteSession(writer, session);
        }

        writer.WriteEndArray();
        if (value.RequiredTaughtDays is int required)
        {
            writer.WriteNumber(YearProperties[6], required);
        }

        writer.WriteStartArray(YearProperties[7]);
        foreach (string note in value.Notes)
        {
            writer.WriteStringValue(note);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter writer, Session session)
    {
        writer.WriteStartObject();
        writer.WriteString(SessionProperties[0], session.Id);
        writer.WriteString(SessionProperties[1], session.Title);
        writer.WriteString(SessionProperties[2], EnumNames<SessionKind>.Name(session.Kind));
        writer.WriteString(SessionProperties[3], EnumNames<DeliveryMode>.Name(session.Mode));
        WriteInterval(writer, SessionProperties[4], session.Dates);
        if (session.StartTime is LocalTime start)
        {
            writer.WriteString(SessionProperties[5], LocalTimePattern.ExtendedIso.Format(start));
        }

        if (session.EndTime is LocalTime end)
        {
            writer.WriteString(SessionProperties[6], LocalTimePattern.ExtendedIso.Format(end));
        }

        if (session.Group is string group)
        {
            writer.WriteString(SessionProperties[7], group);
        }

        writer.WriteBoolean(SessionProperties[8], session.AllowNonWorkingDay);
        writer.WriteBoolean(SessionProperties[9], session.IsAssumed);
        if (session.Note is string note)
        {
            writer.WriteString(SessionProperties[10], note);
        }

        writer.WriteEndObject();
    }

    private static void WriteInterval(Utf8JsonWriter writer, string name, DateInterval interval)
    {
        writer.WriteStartObject(name);
        writer.WriteString(IntervalProperties[0], DateText.Format(interval.Start));
        writer.WriteString(IntervalProperties[1], DateText.Format(interval.End));
        writer.WriteEndObject();
    }

    private static DocumentResult<ProgrammeYear> Read(JsonElement root)
    {
        JsonElementReader json = new();
        ProgrammeYear? year = ReadYear(json, root);
        return json.Problems.Count == 0 && year is not null
            ? DocumentResult.Success(year)
            : DocumentResult.Failure<ProgrammeYear>([.. json.Problems]);
    }

    private static ProgrammeYear? ReadYear(JsonElementReader json, JsonElement root)
    {
        const string Path = JsonPath.Root;
        if (!json.IsObject(root, Path, "a programme-year object"))
        {
            return null;
        }

        json.RejectUnknown(root, Path, YearProperties);
        string? id = json.String(root, Path, YearProperties[0], required: true);
        string? name = json.String(root, Path, YearProperties[1], required: true);
        ProgrammeStrand? strand = json.Enum<ProgrammeStrand>(root, Path, YearProperties[2], required: true);
        DateInterval? window = ReadInterval(json, root, Path, YearProperties[3]);

        int? requiredTaughtDays = json.Int(root, Path, YearProperties[6], required: false, int.MinValue, int.MaxValue);
        if (requiredTaughtDays < 0)
        {
            json.Add(JsonPath.Property(Path, YearProperties[6]), DocumentProblemCodes.OutOfRange, "The number of taught days required must not be negative.");
            requiredTaughtDays = null;
        }

        ImmutableArray<Milestone>.Builder milestones = ImmutableArray.CreateBuilder<Milestone>();
        if (json.Array(root, Path, YearProperties[4], required: true, out JsonElement milestonesElement, out string milestonesPath))
        {
            if (milestonesElement.GetArrayLength() == 0)
            {
                json.Add(milestonesPath, DocumentProblemCodes.CollectionEmpty, "A programme year needs at least one milestone.");
            }

            JsonElementReader.Items(milestonesElement, milestonesPath, milestones, (item, itemPath) => ReadMilestone(json, item, itemPath));
        }

        ImmutableArray<Session>.Builder sessions = ImmutableArray.CreateBuilder<Session>();
        if (json.Array(root, Path, YearProperties[5], required: false, out JsonElement sessionsElement, out string sessionsPath))
        {
            JsonElementReader.Items(sessionsElement, sessionsPath, sessions, (item, itemPath) => ReadSession(json, item, itemPath));
        }

        ImmutableArray<string>.Builder notes = ImmutableArray.CreateBuilder<string>();
        if (json.Array(root, Path, YearProperties[7], required: false, out JsonElement notesElement, out string notesPath))
        {
            json.Strings(notesElement, notesPath, notes);
        }

        return json.Problems.Count == 0 && id is not null && name is not null && strand is not null && window is not null
            ? new ProgrammeYear(id, name, strand.Value, window, milestones.ToImmutable(), sessions.ToImmutable(), requiredTaughtDays, notes.ToImmutable())
            : null;
    }

    private static Milestone? ReadMilestone(JsonElementReader json, JsonElement item, string path)
    {
        if (!json.IsObject(item, path, "a milestone object with \"kind\" and \"date\""))
        {
            return null;
        }

        json.RejectUnknown(item, path, MilestoneProperties);
        MilestoneKind? kind = json.Enum<MilestoneKind>(item, path, MilestoneProperties[0], required: true);
        LocalDate? date = json.Date(item, path, MilestoneProperties[1], required: true, DateRange);
        bool isAssumed = json.Bool(item, path, MilestoneProperties[2], required: false) ?? false;
        string? note = json.String(item, path, MilestoneProperties[3], required: false, allowEmpty: true);
        return kind is not null && date is not null ? new Milestone(kind.Value, date.Value, isAssumed, note) : null;
    }

    private static Session? ReadSession(JsonElementReader json, JsonElement item, string path)
    {
        if (!json.IsObject(item, path, "a session object"))
        {
            return null;
        }

        int problemsBefore = json.Problems.Count;
        json.RejectUnknown(item, path, SessionProperties);
        string? id = json.String(item, path, SessionProperties[0], required: true);
        string? title = json.String(item, path, SessionProperties[1], required: true);
        SessionKind? kind = json.Enum<SessionKind>(item, path, SessionProperties[2], required: true);
        DeliveryMode? mode = json.Enum<DeliveryMode>(item, path, SessionProperties[3], required: true);
        DateInterval? dates = ReadInterval(json, item, path, SessionProperties[4]);
        LocalTime? startTime = ReadTime(json, item, path, SessionProperties[5], out bool hasStart);
        LocalTime? endTime = ReadTime(json, item, path, SessionProperties[6], out bool hasEnd);
        if (hasStart != hasEnd)
        {
            json.Add(
                JsonPath.Property(path, hasStart ? SessionProperties[6] : SessionProperties[5]),
                TimelineDocumentCodes.TimeIncomplete,
                $"A session with a{(hasStart ? " \"startTime\"" : "n \"endTime\"")} needs {(hasStart ? "an \"endTime\"" : "a \"startTime\"")} too; a session without times lasts whole days.");
        }
        else if (startTime is LocalTime start && endTime is LocalTime end && dates is not null && dates.Length == 1 && end <= start)
        {
            json.Add(
                JsonPath.Property(path, SessionProperties[6]),
                TimelineDocumentCodes.TimeEndBeforeStart,
                "A one-day session's \"endTime\" must be after its \"startTime\".");
        }

        string? group = json.String(item, path, SessionProperties[7], required: false, allowEmpty: true);
        bool allowNonWorkingDay = json.Bool(item, path, SessionProperties[8], required: false) ?? false;
        bool isAssumed = json.Bool(item, path, SessionProperties[9], required: false) ?? false;
        string? note = json.String(item, path, SessionProperties[10], required: false, allowEmpty: true);

        return json.Problems.Count == problemsBefore && id is not null && title is not null && kind is not null && mode is not null && dates is not null
            ? new Session(id, title, kind.Value, mode.Value, dates, startTime, endTime, group, allowNonWorkingDay, isAssumed, note)
            : null;
    }

    /// <summary>Reads a required date interval <c>{"start", "end"}</c>, both ends included and inside <see cref="DateRange"/>.</summary>
    private static DateInterval? ReadInterval(JsonElementReader json, JsonElement item, string path, string name)
    {
        if (!json.TryGet(item, path, name, required: true, out JsonElement value))
        {
            return null;
        }

        string intervalPath = JsonPath.Property(path, name);
        if (!json.IsObject(value, intervalPath, "an object with inclusive \"start\" and \"end\" dates"))
        {
            return null;
        }

        json.RejectUnknown(value, intervalPath, IntervalProperties);
        LocalDate? start = json.Date(value, intervalPath, IntervalProperties[0], required: true, DateRange);
        LocalDate? end = json.Date(value, intervalPath, IntervalProperties[1], required: true, DateRange);
        if (start is null || end is null)
        {
            return null;
        }

        if (end.Value < start.Value)
        {
            json.Add(
                JsonPath.Property(intervalPath, IntervalProperties[1]),
                TimelineDocumentCodes.IntervalEndBeforeStart,
                "The \"end\" date must not be before the \"start\" date; both are included.");
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    /// <summary>Reads an optional time of day; <paramref name="present"/> says whether the property was there (even when unreadable).</summary>
    private static LocalTime? ReadTime(JsonElementReader json, JsonElement item, string path, string name, out bool present)
    {
        present = json.TryGet(item, path, name, required: false, out JsonElement value);
        if (!present)
        {
            return null;
        }

        string timePath = JsonPath.Property(path, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            json.TypeMismatch(timePath, "a string holding a time of day", value.ValueKind);
            return null;
        }

        string text = value.GetString()!;
        foreach (LocalTimePattern pattern in TimePatterns)
        {
            ParseResult<LocalTime> parsed = pattern.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        json.Add(timePath, TimelineDocumentCodes.TimeInvalid, "Expected a time of day in ISO 8601 form HH:mm or HH:mm:ss, local to Europe/London.");
        return null;
    }
}
