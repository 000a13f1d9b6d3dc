namespace Upon.Core.Eligibility;

/// <summary>
/// An application as submitted: the <see cref="Eligibility.Application"/> a policy decides, and the
/// equality-monitoring answers kept apart from it.
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Application">The application.</param>
/// <param name="Monitoring">The equality-monitoring answers, or null when none were given.</param>
public sealed record ApplicationSubmission(Application Application, EqualityMonitoring? Monitoring);

/// <summary>
/// Reads and writes application documents (JSON; the schema is docs/schemas/application.schema.json).
/// </summary>
/// <remarks>
/// <para>
/// Reading reports every problem in the document with its JSON path and a stable code
/// (<see cref="DocumentProblemCodes"/>), and never throws for bad input: malformed JSON, wrong types,
/// unknown properties (a typo must not pass silently), unknown names of enum values, an end date before
/// a start date, a part-time fraction outside (0, 1], a document over the size limit. Messages never
/// contain values from the document: it holds personal data and equality-monitoring answers.
/// </para>
/// <para>The equality-monitoring answers are returned beside the application, never inside it.</para>
/// </remarks>
public static class ApplicationDocument
{
    /// <summary>The size limit of one application document unless a reader is given another: 1 MiB.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>Reads one application document from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes.</param>
    /// <returns>The submission, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ApplicationSubmission> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, root => Read(root, JsonPath.Root), MonitoringProperty);

    /// <summary>
    /// Reads one application document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<ApplicationSubmission>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return DocumentSource.ReadAsync(utf8Json, maxBytes, root => Read(root, JsonPath.Root), MonitoringProperty, cancellationToken);
    }

    /// <summary>
    /// Reads the document from a string with the default size limit, <see cref="DefaultMaxBytes"/>; see
    /// <see cref="Parse(string, int)"/>. (A separate overload, so that a method group such as <c>Select(Parse)</c> cannot
    /// pass an index as the size limit.)
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The submission, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<ApplicationSubmission> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads one application document from a string, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The submission, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<ApplicationSubmission> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, root => Read(root, JsonPath.Root), MonitoringProperty);

    /// <summary>Reads an application from a parsed element whose path is <paramref name="path"/>.</summary>
    internal static DocumentResult<ApplicationSubmission> Read(JsonElement root, string path, bool keepMonitoring = true)
    {
        JsonElementReader reader = new();
        ApplicationSubmission? submission = ReadSubmission(reader, root, path, keepMonitoring);
        return submission is not null && reader.Problems.Count == 0
            ? DocumentResult.Success(submission)
            : DocumentResult.Failure<ApplicationSubmission>([.. reader.Problems]);
    }

    /// <summary>Writes an application document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="application">The application.</param>
    /// <param name="monitoring">The equality-monitoring answers to write beside it, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="application"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, Application application, EqualityMonitoring? monitoring = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(application);
        writer.WriteStartObject();
        writer.WriteString("id", application.Id);
        writer.WriteString("programmeYear", application.ProgrammeYear);
        writer.WriteString("assessedOn", DateText.Format(application.AssessedOn));
        writer.WriteStartArray("roles");
        foreach (Role role in application.Roles)
        {
            writer.WriteStartObject();
            writer.WriteString("title", role.Title);
            writer.WriteString("organisation", role.Organisation);
            writer.WriteString("organisationType", EnumNames<OrganisationType>.Name(role.OrganisationType));
            writer.WriteString("sector", EnumNames<Sector>.Name(role.Sector));
            writer.WriteString("level", EnumNames<RoleLevel>.Name(role.Level));
            writer.WriteString("start", DateText.Format(role.Start));
            if (role.End is LocalDate end)
            {
                writer.WriteString("end", DateText.Format(end));
            }

            if (role.PartTimeFraction is decimal fraction)
            {
                writer.WriteNumber("partTimeFraction", fraction);
            }

            if (role.IsActing)
            {
                writer.WriteBoolean("acting", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (application.ReadyBy is LocalDate readyBy)
        {
            writer.WriteString("readyBy", DateText.Format(readyBy));
        }

        if (application.MoralPurposeStatement is string statement)
        {
            writer.WriteString("moralPurposeStatement", statement);
        }

        if (application.Sponsor is Sponsor sponsor)
        {
            writer.WriteStartObject("sponsor");
            writer.WriteString("name", sponsor.Name);
            writer.WriteString("role", sponsor.Role);
            writer.WriteString("organisation", sponsor.Organisation);
            writer.WriteEndObject();
        }

        if (application.AssessorOutcomes is AssessorOutcomes outcomes)
        {
            writer.WriteStartObject("assessorOutcomes");
            WriteOutcome(writer, "moralPurpose", outcomes.MoralPurpose);
            WriteOutcome(writer, "experience", outcomes.Experience);
            WriteOutcome(writer, "readiness", outcomes.Readiness);
            writer.WriteEndObject();
        }

        if (monitoring is not null)
        {
            writer.WriteStartObject("equalityMonitoring");
            WriteOptional(writer, "ethnicity", monitoring.Ethnicity);
            WriteOptional(writer, "disability", monitoring.Disability);
            WriteOptional(writer, "sex", monitoring.Sex);
            WriteOptional(writer, "ageBand", monitoring.AgeBand);
            WriteOptional(writer, "religion", monitoring.Religion);
            WriteOptional(writer, "sexualOrientation", monitoring.SexualOrientation);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a submission (an application and its equality-monitoring answers, if any) as an application document to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="value">The submission, as <see cref="Read(Stream, int)"/> returns it.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="value"/> is null.</exception>
    public static void Write(Stream utf8Json, ApplicationSubmission value, bool indented = false)
    {
        Guard.Against.Null(value);
        Write(utf8Json, value.Application, value.Monitoring, indented);
    }

    /// <summary>Writes a submission as an application object, for example inside a larger document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The submission, as <see cref="Read(Stream, int)"/> returns it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, ApplicationSubmission value)
    {
        Guard.Against.Null(value);
        Write(writer, value.Application, value.Monitoring);
    }

    /// <summary>Writes an application document to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="application">The application.</param>
    /// <param name="monitoring">The equality-monitoring answers, or null.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="application"/> is null.</exception>
    public static void Write(Stream utf8Json, Application application, EqualityMonitoring? monitoring = null, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, application, monitoring);
    }

    internal static readonly string[] RootProperties =
        ["id", "programmeYear", "assessedOn", "roles", "readyBy", "moralPurposeStatement", "sponsor", "assessorOutcomes", "equalityMonitoring"];

    internal static readonly string[] RoleProperties =
        ["title", "organisation", "organisationType", "sector", "level", "start", "end", "partTimeFraction", "acting"];

    internal static readonly string[] SponsorProperties = ["name", "role", "organisation"];

    internal static readonly string[] OutcomeProperties = ["moralPurpose", "experience", "readiness"];

    /// <summary>The property that holds the equality-monitoring answers: no problem path names a key inside it.</summary>
    internal const string MonitoringProperty = "equalityMonitoring";

    internal static readonly string[] MonitoringProperties = ["ethnicity", "disability", "sex", "ageBand", "religion", "sexualOrientation"];

    /// <summary>The paths of a top-level application's parts, made once.</summary>
    private static class RootPaths
    {
        public static readonly string Roles = JsonPath.Property(JsonPath.Root, "roles");
        public static readonly string Sponsor = JsonPath.Property(JsonPath.Root, "sponsor");
        public static readonly string Outcomes = JsonPath.Property(JsonPath.Root, "assessorOutcomes");
        public static readonly string Monitoring = JsonPath.Property(JsonPath.Root, MonitoringProperty);
        public static readonly string[] Role = [.. Enumerable.Range(0, 16).Select(i => JsonPath.Index(Roles, i))];
    }

    /// <summary>
    /// Reads an application and its monitoring answers; without <paramref name="keepMonitoring"/> the answers are checked
    /// as fully (the same problems) but not kept, for readers that only decide (a decision never holds them).
    /// </summary>
    private static ApplicationSubmission? ReadSubmission(JsonElementReader reader, JsonElement root, string path, bool keepMonitoring)
    {
        if (!reader.IsObject(root, path, "an application object"))
        {
            return null;
        }

        reader.RejectUnknown(root, path, RootProperties);
        string? id = reader.String(root, path, "id", required: true);
        string? programmeYear = reader.String(root, path, "programmeYear", required: true);
        if (programmeYear is not null && !ProgrammeYears.IsValid(programmeYear))
        {
            reader.Add(JsonPath.Property(path, "programmeYear"), EligibilityProblemCodes.ProgrammeYearInvalid, "A programme year is written yyyy/yy with consecutive years, for example 2021/22.");
            programmeYear = null;
        }

        LocalDate? assessedOn = reader.Date(root, path, "assessedOn", required: true, EligibilityDates.Range);
        // A document's own paths are constants for a top-level application (the usual case): a path is a string made
        // only when a problem is reported at it, or for an application nested in another document.
        bool atRoot = path == JsonPath.Root;
        List<Role> roles = [];
        string rolesPath = atRoot ? RootPaths.Roles : JsonPath.Property(path, "roles");
        if (reader.Array(root, path, "roles", rolesPath, required: true, out JsonElement roleArray))
        {
            roles.Capacity = roleArray.GetArrayLength();
            int index = 0;
            foreach (JsonElement item in roleArray.EnumerateArray())
            {
                string itemPath = atRoot && index < RootPaths.Role.Length ? RootPaths.Role[index] : JsonPath.Index(rolesPath, index);
                index++;
                if (ReadRole(reader, item, itemPath) is Role role)
                {
                    roles.Add(role);
                }
            }
        }

        LocalDate? readyBy = reader.Date(root, path, "readyBy", required: false, EligibilityDates.Range);
        string? statement = reader.String(root, path, "moralPurposeStatement", required: false, allowEmpty: true);
        Sponsor? sponsor = null;
        if (reader.TryGet(root, path, "sponsor", required: false, out JsonElement sponsorElement))
        {
            string sponsorPath = atRoot ? RootPaths.Sponsor : JsonPath.Property(path, "sponsor");
            if (reader.IsObject(sponsorElement, sponsorPath, "a sponsor object"))
            {
                reader.RejectUnknown(sponsorElement, sponsorPath, SponsorProperties);
                string? name = reader.String(sponsorElement, sponsorPath, "name", required: true);
                string? role = reader.String(sponsorElement, sponsorPath, "role", required: true);
                string? organisation = reader.String(sponsorElement, sponsorPath, "organisation", required: true);
                sponsor = name is not null && role is not null && organisation is not null ? new Sponsor(name, role, organisation) : null;
            }
        }

        AssessorOutcomes? outcomes = null;
        if (reader.TryGet(root, path, "assessorOutcomes", required: false, out JsonElement outcomesElement))
        {
            string outcomesPath = atRoot ? RootPaths.Outcomes : JsonPath.Property(path, "assessorOutcomes");
            if (reader.IsObject(outcomesElement, outcomesPath, "an object of assessor outcomes"))
            {
                reader.RejectUnknown(outcomesElement, outcomesPath, OutcomeProperties);
                outcomes = new AssessorOutcomes(
                    reader.Enum<AssessorOutcome>(outcomesElement, outcomesPath, "moralPurpose", required: false),
                    reader.Enum<AssessorOutcome>(outcomesElement, outcomesPath, "experience", required: false),
                    reader.Enum<AssessorOutcome>(outcomesElement, outcomesPath, "readiness", required: false));
            }
        }

        EqualityMonitoring? monitoring = null;
        if (reader.TryGet(root, path, "equalityMonitoring", required: false, out JsonElement monitoringElement))
        {
            string monitoringPath = atRoot ? RootPaths.Monitoring : JsonPath.Property(path, "equalityMonitoring");
            if (reader.IsObject(monitoringElement, monitoringPath, "an object of equality-monitoring answers"))
            {
                // A client may put answers in keys ({"White British": "yes"}): unknown keys are counted, never named.
                reader.RejectUnknownUnnamed(monitoringElement, monitoringPath, MonitoringProperties, "the equality-monitoring answers");
                if (keepMonitoring)
                {
                    monitoring = new EqualityMonitoring(
                        reader.String(monitoringElement, monitoringPath, "ethnicity", required: false),
                        reader.String(monitoringElement, monitoringPath, "disability", required: false),
                        reader.String(monitoringElement, monitoringPath, "sex", required: false),
                        reader.String(monitoringElement, monitoringPath, "ageBand", required: false),
                        reader.String(monitoringElement, monitoringPath, "religion", required: false),
                        reader.String(monitoringElement, monitoringPath, "sexualOrientation", required: false));
                }
                else
                {
                    foreach (string answer in MonitoringProperties)
                    {
                        reader.CheckString(monitoringElement, monitoringPath, answer);
                    }
                }
            }
        }

        if (reader.Problems.Count > 0 || id is null || programmeYear is null || assessedOn is null)
        {
            return null;
        }

        return new ApplicationSubmission(new Application(id, programmeYear, assessedOn.Value, roles, readyBy, statement, sponsor, outcomes), monitoring);
    }

    private static Role? ReadRole(JsonElementReader reader, JsonElement item, string path)
    {
        if (!reader.IsObject(item, path, "a role object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(item, path, RoleProperties);
        string? title = reader.String(item, path, "title", required: true);
        string? organisation = reader.String(item, path, "organisation", required: true);
        OrganisationType? type = reader.Enum<OrganisationType>(item, path, "organisationType", required: true);
        Sector? sector = reader.Enum<Sector>(item, path, "sector", required: true);
        RoleLevel? level = reader.Enum<RoleLevel>(item, path, "level", required: true);
        LocalDate? start = reader.Date(item, path, "start", required: true, EligibilityDates.Range);
        LocalDate? end = reader.Date(item, path, "end", required: false, EligibilityDates.Range);
        decimal? fraction = reader.Decimal(item, path, "partTimeFraction", required: false, 0m, 1m, minExclusive: true);
        bool acting = reader.Bool(item, path, "acting", required: false) ?? false;
        if (start is LocalDate first && end is LocalDate last && last < first)
        {
            reader.Add(JsonPath.Property(path, "end"), DocumentProblemCodes.EndBeforeStart, "A role's end date (its last day in post) cannot be before its start date.");
        }

        if (reader.Problems.Count > before || title is null || organisation is null || type is null || sector is null || level is null || start is null)
        {
            return null;
        }

        return new Role(title, organisation, type.Value, sector.Value, level.Value, start.Value, end, fraction, acting);
    }

    private static void WriteOutcome(Utf8JsonWriter writer, string name, AssessorOutcome? outcome)
    {
        if (outcome is AssessorOutcome value)
        {
            writer.WriteString(name, EnumNames<AssessorOutcome>.Name(value));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
