using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Serialization;

namespace Upon.Core.Timelines;

/// <summary>
/// Reads a <see cref="ProgrammeYear"/> from its JSON form (the form <see cref="UponJson"/> writes; schema in
/// docs/schemas/programme-year.schema.json), reporting every problem with its JSON path and a stable code.
/// </summary>
/// <remarks>
/// <para>
/// Dates must lie from 1 January 1900 to 31 December 2199 (<see cref="DocumentProblemCodes.OutOfRange"/> otherwise),
/// so that every computation on a year that reads as valid stays inside the calendar.
/// Codes come from <see cref="DocumentProblemCodes"/> and <see cref="TimelineDocumentCodes"/>. Reading never
/// stops at the first problem and never throws for bad input. Property names are matched exactly
/// (camelCase); a property the format does not define is a problem, so that a misspelt name is not
/// silently ignored. Enum values are camelCase strings (<c>"taughtDay"</c>, <c>"faceToFace"</c>).
/// </para>
/// <para>
/// The reader checks the document's shape; the rules of a timeline (milestone order, working days,
/// overlaps, clock-change hours, taught-day count) are <see cref="TimelineValidator"/>'s. A document
/// without milestones is a problem here as well, because a programme year is defined by its dates.
/// </para>
/// </remarks>
public static class ProgrammeYearDocument
{
    /// <summary>The dates a programme-year document may hold: 1 January 1900 to 31 December 2199, both included.</summary>
    private static readonly DateInterval DateRange = new(new LocalDate(1900, 1, 1), new LocalDate(2199, 12, 31));

    /// <summary>The largest programme-year document read, in bytes (16 MiB); a larger one is reported as too large.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Reads a programme year from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end (at most <see cref="MaxDocumentBytes"/>) and left open.</param>
    /// <returns>The programme year, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static DocumentResult<ProgrammeYear> Read(Stream utf8Json)
    {
        Guard.Against.Null(utf8Json);
        using JsonDocument? document = DocumentSource.Parse(utf8Json, MaxDocumentBytes, out DocumentProblem? problem);
        return document is null ? DocumentResult.Failure<ProgrammeYear>([problem!.Value]) : Read(document.RootElement);
    }

    /// <summary>Reads a programme year from the JSON text <paramref name="json"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The programme year, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<ProgrammeYear> Parse(string json)
    {
        Guard.Against.Null(json);
        using JsonDocument? document = DocumentSource.Parse(System.Text.Encoding.UTF8.GetBytes(json), out DocumentProblem? problem);
        return document is null ? DocumentResult.Failure<ProgrammeYear>([problem!.Value]) : Read(document.RootElement);
    }

    private static DocumentResult<ProgrammeYear> Read(JsonElement root)
    {
        List<DocumentProblem> problems = [];
        ProgrammeYear? year = ReadYear(root, problems);
        return problems.Count == 0 && year is not null
            ? DocumentResult.Success(year)
            : DocumentResult.Failure<ProgrammeYear>([.. problems]);
    }

    private static ProgrammeYear? ReadYear(JsonElement root, List<DocumentProblem> problems)
    {
        const string Path = JsonPath.Root;
        if (!ExpectObject(root, Path, "a programme-year object", problems))
        {
            return null;
        }

        CheckProperties(root, Path, ["id", "name", "strand", "window", "requiredTaughtDays", "milestones", "sessions", "notes"], problems);
        string? id = RequiredText(root, Path, "id", "A programme year", problems);
        string? name = RequiredText(root, Path, "name", "A programme year", problems);
        ProgrammeStrand? strand = RequiredEnum<ProgrammeStrand>(root, Path, "strand", "A programme year", problems);
        DateInterval? window = RequiredInterval(root, Path, "window", "A programme year", problems);

        int? requiredTaughtDays = null;
        if (Optional(root, "requiredTaughtDays") is JsonElement required)
        {
            string requiredPath = JsonPath.Property(Path, "requiredTaughtDays");
            if (required.ValueKind != JsonValueKind.Number || !required.TryGetInt32(out int count))
            {
                problems.Add(TypeMismatch(requiredPath, "a whole number", required.ValueKind));
            }
            else if (count < 0)
            {
                problems.Add(new DocumentProblem(requiredPath, TimelineDocumentCodes.ValueOutOfRange, "The number of taught days required must not be negative."));
            }
            else
            {
                requiredTaughtDays = count;
            }
        }

        ImmutableArray<Milestone> milestones = [];
        string milestonesPath = JsonPath.Property(Path, "milestones");
        if (Optional(root, "milestones") is not JsonElement milestonesElement)
        {
            problems.Add(new DocumentProblem(milestonesPath, DocumentProblemCodes.Required, "A programme year needs a \"milestones\" array with at least one milestone."));
        }
        else if (ExpectArray(milestonesElement, milestonesPath, "an array of milestones", problems))
        {
            if (milestonesElement.GetArrayLength() == 0)
            {
                problems.Add(new DocumentProblem(milestonesPath, DocumentProblemCodes.CollectionEmpty, "A programme year needs at least one milestone."));
            }

            milestones = [.. milestonesElement.EnumerateArray().Select((item, index) => ReadMilestone(item, JsonPath.Index(milestonesPath, index), problems)).OfType<Milestone>()];
        }

        ImmutableArray<Session> sessions = [];
        string sessionsPath = JsonPath.Property(Path, "sessions");
        if (Optional(root, "sessions") is JsonElement sessionsElement
            && ExpectArray(sessionsElement, sessionsPath, "an array of sessions", problems))
        {
            sessions = [.. sessionsElement.EnumerateArray().Select((item, index) => ReadSession(item, JsonPath.Index(sessionsPath, index), problems)).OfType<Session>()];
        }

        ImmutableArray<string> notes = [];
        string notesPath = JsonPath.Property(Path, "notes");
        if (Optional(root, "notes") is JsonElement notesElement
            && ExpectArray(notesElement, notesPath, "an array of strings", problems))
        {
            ImmutableArray<string>.Builder builder = ImmutableArray.CreateBuilder<string>();
            int index = 0;
            foreach (JsonElement note in notesElement.EnumerateArray())
            {
                if (note.ValueKind == JsonValueKind.String)
                {
                    builder.Add(note.GetString()!);
                }
                else
                {
                    problems.Add(TypeMismatch(JsonPath.Index(notesPath, index), "a string", note.ValueKind));
                }

                index++;
            }

            notes = builder.ToImmutable();
        }

        return problems.Count == 0 && id is not null && name is not null && strand is not null && window is not null
            ? new ProgrammeYear(id, name, strand.Value, window, milestones, sessions, requiredTaughtDays, notes)
            : null;
    }

    private static Milestone? ReadMilestone(JsonElement item, string path, List<DocumentProblem> problems)
    {
        if (!ExpectObject(item, path, "a milestone object with \"kind\" and \"date\"", problems))
        {
            return null;
        }

        CheckProperties(item, path, ["kind", "date", "isAssumed", "note"], problems);
        MilestoneKind? kind = RequiredEnum<MilestoneKind>(item, path, "kind", "A milestone", problems);
        LocalDate? date = RequiredDate(item, path, "date", "A milestone", problems);
        bool isAssumed = OptionalBoolean(item, path, "isAssumed", problems);
        string? note = OptionalText(item, path, "note", problems);
        return kind is not null && date is not null ? new Milestone(kind.Value, date.Value, isAssumed, note) : null;
    }

    private static Session? ReadSession(JsonElement item, string path, List<DocumentProblem> problems)
    {
        if (!ExpectObject(item, path, "a session object", problems))
        {
            return null;
        }

        int problemsBefore = problems.Count;
        CheckProperties(item, path, ["id", "title", "kind", "mode", "dates", "startTime", "endTime", "group", "allowNonWorkingDay", "isAssumed", "note"], problems);
        string? id = RequiredText(item, path, "id", "A session", problems);
        string? title = RequiredText(item, path, "title", "A session", problems);
        SessionKind? kind = RequiredEnum<SessionKind>(item, path, "kind", "A session", problems);
        DeliveryMode? mode = RequiredEnum<DeliveryMode>(item, path, "mode", "A session", problems);
        DateInterval? dates = RequiredInterval(item, path, "dates", "A session", problems);
        (bool hasStart, LocalTime? startTime) = OptionalTime(item, path, "startTime", problems);
        (bool hasEnd, LocalTime? endTime) = OptionalTime(item, path, "endTime", problems);
        if (hasStart != hasEnd)
        {
            problems.Add(new DocumentProblem(
                JsonPath.Property(path, hasStart ? "endTime" : "startTime"),
                TimelineDocumentCodes.TimeIncomplete,
                $"A session with a{(hasStart ? " \"startTime\"" : "n \"endTime\"")} needs {(hasStart ? "an \"endTime\"" : "a \"startTime\"")} too; a session without times lasts whole days."));
        }
        else if (startTime is LocalTime start && endTime is LocalTime end && dates is not null && dates.Length == 1 && end <= start)
        {
            problems.Add(new DocumentProblem(
                JsonPath.Property(path, "endTime"),
                TimelineDocumentCodes.TimeEndBeforeStart,
                "A one-day session's \"endTime\" must be after its \"startTime\"."));
        }

        string? group = OptionalText(item, path, "group", problems);
        bool allowNonWorkingDay = OptionalBoolean(item, path, "allowNonWorkingDay", problems);
        bool isAssumed = OptionalBoolean(item, path, "isAssumed", problems);
        string? note = OptionalText(item, path, "note", problems);

        return problems.Count == problemsBefore && id is not null && title is not null && kind is not null && mode is not null && dates is not null
            ? new Session(id, title, kind.Value, mode.Value, dates, startTime, endTime, group, allowNonWorkingDay, isAssumed, note)
            : null;
    }

    private static void CheckProperties(JsonElement item, string path, string[] known, List<DocumentProblem> problems)
    {
        foreach (JsonProperty property in item.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add(new DocumentProblem(
                    JsonPath.Property(path, property.Name),
                    TimelineDocumentCodes.PropertyUnknown,
                    $"This object has no property of that name; its properties are {string.Join(", ", known)}."));
            }
        }
    }

    private static JsonElement? Optional(JsonElement item, string property) =>
        item.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool ExpectObject(JsonElement item, string path, string expected, List<DocumentProblem> problems)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        problems.Add(TypeMismatch(path, expected, item.ValueKind));
        return false;
    }

    private static bool ExpectArray(JsonElement item, string path, string expected, List<DocumentProblem> problems)
    {
        if (item.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        problems.Add(TypeMismatch(path, expected, item.ValueKind));
        return false;
    }

    private static string? RequiredString(JsonElement item, string path, string property, string owner, List<DocumentProblem> problems)
    {
        string propertyPath = JsonPath.Property(path, property);
        if (Optional(item, property) is not JsonElement value)
        {
            problems.Add(new DocumentProblem(propertyPath, DocumentProblemCodes.Required, $"{owner} needs a \"{property}\"."));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(TypeMismatch(propertyPath, "a string", value.ValueKind));
            return null;
        }

        return value.GetString();
    }

    private static string? RequiredText(JsonElement item, string path, string property, string owner, List<DocumentProblem> problems)
    {
        string? text = RequiredString(item, path, property, owner, problems);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new DocumentProblem(JsonPath.Property(path, property), DocumentProblemCodes.Empty, $"The \"{property}\" must not be empty."));
            return null;
        }

        return text;
    }

    private static string? OptionalText(JsonElement item, string path, string property, List<DocumentProblem> problems)
    {
        if (Optional(item, property) is not JsonElement value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(TypeMismatch(JsonPath.Property(path, property), "a string", value.ValueKind));
            return null;
        }

        return value.GetString();
    }

    private static bool OptionalBoolean(JsonElement item, string path, string property, List<DocumentProblem> problems)
    {
        if (Optional(item, property) is not JsonElement value)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add(TypeMismatch(JsonPath.Property(path, property), "true or false", value.ValueKind));
        return false;
    }

    private static TEnum? RequiredEnum<TEnum>(JsonElement item, string path, string property, string owner, List<DocumentProblem> problems)
        where TEnum : struct, Enum
    {
        string? text = RequiredString(item, path, property, owner, problems);
        if (text is null)
        {
            return null;
        }

        foreach (TEnum value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        problems.Add(new DocumentProblem(
            JsonPath.Property(path, property),
            TimelineDocumentCodes.ValueUnknown,
            $"Expected one of {string.Join(", ", Enum.GetValues<TEnum>().Select(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString())))}."));
        return null;
    }

    private static LocalDate? RequiredDate(JsonElement item, string path, string property, string owner, List<DocumentProblem> problems)
    {
        string? text = RequiredString(item, path, property, owner, problems);
        return text is null ? null : ParseDate(text, JsonPath.Property(path, property), problems);
    }

    private static LocalDate? ParseDate(string text, string path, List<DocumentProblem> problems)
    {
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success || parsed.Value.Year < 1)
        {
            problems.Add(new DocumentProblem(path, DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."));
            return null;
        }

        if (!DateRange.Contains(parsed.Value))
        {
            // Far from the range, the computations on a timeline (end of day, the day after, time zones) would leave the calendar.
            problems.Add(new DocumentProblem(path, DocumentProblemCodes.OutOfRange, "A date in a programme year must be from 1900-01-01 to 2199-12-31."));
            return null;
        }

        return parsed.Value;
    }

    private static DateInterval? RequiredInterval(JsonElement item, string path, string property, string owner, List<DocumentProblem> problems)
    {
        string intervalPath = JsonPath.Property(path, property);
        if (Optional(item, property) is not JsonElement value)
        {
            problems.Add(new DocumentProblem(intervalPath, DocumentProblemCodes.Required, $"{owner} needs \"{property}\", an object with inclusive \"start\" and \"end\" dates."));
            return null;
        }

        if (!ExpectObject(value, intervalPath, "an object with inclusive \"start\" and \"end\" dates", problems))
        {
            return null;
        }

        CheckProperties(value, intervalPath, ["start", "end"], problems);
        LocalDate? start = RequiredDate(value, intervalPath, "start", "A date interval", problems);
        LocalDate? end = RequiredDate(value, intervalPath, "end", "A date interval", problems);
        if (start is null || end is null)
        {
            return null;
        }

        if (end.Value < start.Value)
        {
            problems.Add(new DocumentProblem(
                JsonPath.Property(intervalPath, "end"),
                TimelineDocumentCodes.IntervalEndBeforeStart,
                "The \"end\" date must not be before the \"start\" date; both are included."));
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    private static (bool Present, LocalTime? Value) OptionalTime(JsonElement item, string path, string property, List<DocumentProblem> problems)
    {
        if (Optional(item, property) is not JsonElement value)
        {
            return (false, null);
        }

        string timePath = JsonPath.Property(path, property);
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(TypeMismatch(timePath, "a string holding a time of day", value.ValueKind));
            return (true, null);
        }

        string text = value.GetString()!;
        foreach (LocalTimePattern pattern in TimePatterns)
        {
            ParseResult<LocalTime> parsed = pattern.Parse(text);
            if (parsed.Success)
            {
                return (true, parsed.Value);
            }
        }

        problems.Add(new DocumentProblem(timePath, TimelineDocumentCodes.TimeInvalid, "Expected a time of day in ISO 8601 form HH:mm or HH:mm:ss, local to Europe/London."));
        return (true, null);
    }

    private static readonly LocalTimePattern[] TimePatterns = [LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH:mm")];

    private static DocumentProblem TypeMismatch(string path, string expected, JsonValueKind found) =>
        new(path, DocumentProblemCodes.TypeMismatch, $"Expected {expected}, but found {Describe(found)}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
