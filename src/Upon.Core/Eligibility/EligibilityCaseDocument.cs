namespace Upon.Core.Eligibility;

/// <summary>
/// Reads and writes conformance case files (JSON; the schema is docs/schemas/eligibility-cases.schema.json): one
/// document, <c>{"cases": [ … ]}</c>, each case an object with its name, an application, the policy (by identifier and
/// version, or a policy object given whole), the as-of date and the decision expected.
/// </summary>
/// <remarks>
/// <para>
/// Reading gives one <see cref="RecordResult{T}"/> for each element of <c>cases</c>, numbered from 1 in order, with
/// the case or every problem found in it (JSON path from the document's root, a stable code, a message that never
/// holds a value of the file), and goes on with the next case. A problem of the file as a whole (it is empty, too
/// large, not UTF-8 or not JSON; its root is not an object; <c>cases</c> is missing, not an array or empty; a property
/// other than <c>cases</c>) is one more record, number 0, given first. So records in = cases read + records with
/// problems: one per case, and at most one for the file.
/// </para>
/// <para>
/// Unknown properties are refused at every level (<see cref="DocumentProblemCodes.UnknownProperty"/>): a typo must not
/// pass silently. So are equality-monitoring answers in a case's application: they never change a decision, and a
/// case file is no place to keep them. Two cases may not share a name (<see cref="EligibilityProblemCodes.CaseNameDuplicate"/>,
/// at the later), nor a case list a reason twice (<see cref="EligibilityProblemCodes.CaseReasonDuplicate"/>). Writing
/// then reading cases gives equal cases. Every member is pure and safe to call from many threads.
/// </para>
/// </remarks>
public static class EligibilityCaseDocument
{
    /// <summary>The size limit of a case file unless a reader is given another: 16 MiB.</summary>
    public const int DefaultMaxBytes = 16 * 1024 * 1024;

    private static readonly string[] RootProperties = ["cases"];

    private static readonly string[] CaseProperties = ["name", "description", "application", "policy", "asOf", "expected"];

    private static readonly string[] ReferenceProperties = ["id", "version"];

    private static readonly string[] ExpectedProperties = ["outcome", "eligibleFrom", "reasons"];

    /// <summary>Reads a case file from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest file accepted, in bytes; a larger one is one record 0 with <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <returns>A record for each case, in order, after a record 0 when the file as a whole has a problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static ImmutableArray<RecordResult<EligibilityCase>> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        Records(DocumentSource.Read(utf8Json, maxBytes, Read, ApplicationDocument.MonitoringProperty));

    /// <summary>
    /// Reads a case file from a string with the default size limit, <see cref="DefaultMaxBytes"/>; see
    /// <see cref="Parse(string, int)"/>. (A separate overload, so that a method group such as <c>Select(Parse)</c> cannot
    /// pass an index as the size limit.)
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>A record for each case, in order, after a record 0 when the file as a whole has a problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ImmutableArray<RecordResult<EligibilityCase>> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads a case file from the JSON text <paramref name="json"/>, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest file accepted, in bytes of UTF-8.</param>
    /// <returns>A record for each case, in order, after a record 0 when the file as a whole has a problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static ImmutableArray<RecordResult<EligibilityCase>> Parse(string json, int maxBytes) =>
        Records(DocumentSource.Read(json, maxBytes, Read, ApplicationDocument.MonitoringProperty));

    /// <summary>Writes one case as a JSON object, for example inside a larger document.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The case.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, EligibilityCase value)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(value);
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        if (value.Description is string description)
        {
            writer.WriteString("description", description);
        }

        writer.WritePropertyName("application");
        ApplicationDocument.Write(writer, value.Application);
        writer.WritePropertyName("policy");
        if (value.InlinePolicy is EligibilityPolicy policy)
        {
            PolicyDocument.Write(writer, policy);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("id", value.PolicyId);
            if (value.PolicyVersion is int version)
            {
                writer.WriteNumber("version", version);
            }

            writer.WriteEndObject();
        }

        writer.WriteString("asOf", DateText.Format(value.AsOf));
        writer.WriteStartObject("expected");
        writer.WriteString("outcome", EligibilityExpectation.OutcomeName(value.Expected.Outcome));
        if (value.Expected.EligibleFrom is LocalDate from)
        {
            writer.WriteString("eligibleFrom", DateText.Format(from));
        }

        writer.WriteStartArray("reasons");
        foreach (string reason in value.Expected.Reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a case file, <c>{"cases": [ … ]}</c>, to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="cases">The cases, in order: at least one, their names unique, as the reader requires.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="cases"/> is null, or a case is.</exception>
    /// <exception cref="ArgumentException"><paramref name="cases"/> is empty, or two cases share a name.</exception>
    public static void Write(Stream utf8Json, IEnumerable<EligibilityCase> cases, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(cases);
        EligibilityCase[] list = [.. cases];
        Guard.Against.NullItem(list, nameof(cases));
        Guard.Against.Empty(list, "case", nameof(cases));
        Dictionary<string, int> names = new(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            Guard.Against.Duplicate(names, list[i].Name, i, (first, second) => $"Cases {first} and {second} share a name; names identify cases in reports.", nameof(cases));
        }

        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        writer.WriteStartObject();
        writer.WriteStartArray("cases");
        foreach (EligibilityCase value in list)
        {
            Write(writer, value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Turns the outcome of reading the whole file into its records: the records read, or one record 0 with the problem that kept the file from being read.</summary>
    private static ImmutableArray<RecordResult<EligibilityCase>> Records(DocumentResult<CaseRecords> read) =>
        read.IsValid ? read.Value.Records : [RecordResult.Failure<EligibilityCase>(0, read.Problems)];

    private static DocumentResult<CaseRecords> Read(JsonElement root)
    {
        JsonElementReader file = new();
        ImmutableArray<RecordResult<EligibilityCase>>.Builder records = ImmutableArray.CreateBuilder<RecordResult<EligibilityCase>>();
        if (file.IsObject(root, JsonPath.Root, "an object with the cases"))
        {
            file.RejectUnknown(root, JsonPath.Root, RootProperties);
            if (file.Array(root, JsonPath.Root, "cases", required: true, out JsonElement cases, out string casesPath))
            {
                if (cases.GetArrayLength() == 0)
                {
                    file.Add(casesPath, DocumentProblemCodes.CollectionEmpty, "The file holds no cases.");
                }

                Dictionary<string, int> names = new(StringComparer.Ordinal);
                int index = 0;
                foreach (JsonElement item in cases.EnumerateArray())
                {
                    string path = JsonPath.Index(casesPath, index);
                    JsonElementReader reader = new();
                    EligibilityCase? read = ReadCase(reader, item, path, out string? name);
                    if (name is not null && !names.TryAdd(name, index))
                    {
                        reader.Add(JsonPath.Property(path, "name"), EligibilityProblemCodes.CaseNameDuplicate, "An earlier case has the same name; names identify cases in reports.");
                    }

                    index++;
                    records.Add(read is not null && reader.Problems.Count == 0
                        ? RecordResult.Success(index, read)
                        : RecordResult.Failure<EligibilityCase>(index, [.. reader.Problems]));
                }
            }
        }

        if (file.Problems.Count > 0)
        {
            records.Insert(0, RecordResult.Failure<EligibilityCase>(0, [.. file.Problems]));
        }

        return DocumentResult.Success(new CaseRecords(records.ToImmutable()));
    }

    private static EligibilityCase? ReadCase(JsonElementReader reader, JsonElement element, string path, out string? name)
    {
        name = null;
        if (!reader.IsObject(element, path, "a case object"))
        {
            return null;
        }

        reader.RejectUnknown(element, path, CaseProperties);
        name = reader.String(element, path, "name", required: true);
        string? description = reader.String(element, path, "description", required: false);
        Application? application = null;
        if (reader.TryGet(element, path, "application", required: true, out JsonElement applicationElement))
        {
            string applicationPath = JsonPath.Property(path, "application");
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(applicationElement, applicationPath, keepMonitoring: false);
            reader.Problems.AddRange(read.Problems);
            if (applicationElement.ValueKind == JsonValueKind.Object
                && applicationElement.TryGetProperty(ApplicationDocument.MonitoringProperty, out JsonElement monitoring)
                && monitoring.ValueKind != JsonValueKind.Null)
            {
                reader.Add(
                    JsonPath.Property(applicationPath, ApplicationDocument.MonitoringProperty),
                    DocumentProblemCodes.UnknownProperty,
                    "A case holds no equality-monitoring answers: they never change a decision, and a case file is no place to keep them.");
            }

            application = read.Value?.Application;
        }

        string? policyId = null;
        int? policyVersion = null;
        EligibilityPolicy? inlinePolicy = null;
        if (reader.TryGet(element, path, "policy", required: true, out JsonElement policyElement))
        {
            string policyPath = JsonPath.Property(path, "policy");
            if (reader.IsObject(policyElement, policyPath, "a policy reference (id and version) or a policy object"))
            {
                // A policy object has a rule; a reference never has one.
                if (policyElement.TryGetProperty("rule", out _))
                {
                    inlinePolicy = PolicyDocument.ReadPolicy(reader, policyElement, policyPath);
                }
                else
                {
                    reader.RejectUnknown(policyElement, policyPath, ReferenceProperties);
                    policyId = reader.String(policyElement, policyPath, "id", required: true);
                    policyVersion = reader.Int(policyElement, policyPath, "version", required: false, 1, int.MaxValue);
                }
            }
        }

        LocalDate? asOf = reader.Date(element, path, "asOf", required: true, EligibilityDates.Range);
        EligibilityExpectation? expected = null;
        if (reader.TryGet(element, path, "expected", required: true, out JsonElement expectedElement))
        {
            expected = ReadExpected(reader, expectedElement, JsonPath.Property(path, "expected"));
        }

        if (reader.Problems.Count > 0 || name is null || application is null || asOf is null || expected is null)
        {
            return null;
        }

        return inlinePolicy is not null
            ? new EligibilityCase(name, application, inlinePolicy, asOf.Value, expected, description)
            : policyId is not null ? new EligibilityCase(name, application, policyId, policyVersion, asOf.Value, expected, description) : null;
    }

    private static EligibilityExpectation? ReadExpected(JsonElementReader reader, JsonElement element, string path)
    {
        if (!reader.IsObject(element, path, "an object with the outcome, eligible-from date and reasons expected"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, ExpectedProperties);
        EligibilityOutcome? outcome = reader.Enum<EligibilityOutcome>(element, path, "outcome", required: true);
        LocalDate? eligibleFrom = reader.Date(element, path, "eligibleFrom", required: false, EligibilityDates.Range);
        List<string> reasons = [];
        if (reader.Array(element, path, "reasons", required: false, out JsonElement array, out string reasonsPath))
        {
            HashSet<string> seen = new(StringComparer.Ordinal);
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                string itemPath = JsonPath.Index(reasonsPath, index++);
                if (item.ValueKind != JsonValueKind.String)
                {
                    reader.TypeMismatch(itemPath, "a reason code string", item.ValueKind);
                }
                else if (item.GetString() is not string reason || string.IsNullOrWhiteSpace(reason))
                {
                    reader.Add(itemPath, DocumentProblemCodes.Empty, "A reason must not be empty.");
                }
                else if (!seen.Add(reason))
                {
                    reader.Add(itemPath, EligibilityProblemCodes.CaseReasonDuplicate, "An earlier reason of this case is the same; the reasons are compared as a set.");
                }
                else
                {
                    reasons.Add(reason);
                }
            }
        }

        return reader.Problems.Count > before || outcome is null ? null : new EligibilityExpectation(outcome.Value, eligibleFrom, reasons);
    }

    /// <summary>The records of a file that could be parsed (a reference type, for <see cref="DocumentResult{T}"/>).</summary>
    private sealed record CaseRecords(ImmutableArray<RecordResult<EligibilityCase>> Records);
}
