using NodaTime.Text;

namespace Upon.Core.Eligibility;

/// <summary>
/// Writes and reads eligibility decisions as JSON: the outcome, the policy and version, the as-of date,
/// the eligible-from date, the explanation tree with every rule's reason code, figures (ISO 8601
/// periods), message and evidence, and the decision's fingerprint when it has one. Writing then reading a decision
/// gives an equal decision with an equal fingerprint.
/// </summary>
/// <remarks>
/// The format is documented with an example in docs/eligibility.md. Reading reports every problem with its JSON
/// path and a stable code, and never throws for bad input.
/// </remarks>
public static class DecisionDocument
{
    /// <summary>The largest decision document read unless another limit is given, in bytes: 4 MiB.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private static readonly string[] DecisionProperties = ["applicationId", "outcome", "policy", "asOf", "eligibleFrom", "explanation", "fingerprint"];

    private static readonly string[] FingerprintProperties = ["value", "application", "policyId", "policyVersion", "policyContent", "libraryVersion"];

    private static readonly string[] ResultProperties =
        ["code", "title", "kind", "outcome", "reason", "message", "measured", "required", "difference", "metOn", "words", "minimumWords", "maximumWords", "experience", "results"];

    private static readonly string[] ExperienceProperties = ["days", "period", "firstDay", "currentDailyRate", "roles"];

    private static readonly string[] EvidenceProperties = ["roleIndex", "reason", "counted", "days"];

    /// <summary>Writes a decision as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, EligibilityDecision decision)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(decision);
        writer.WriteStartObject();
        WriteHeading(writer, decision);
        writer.WritePropertyName(Names.Explanation);
        WriteResult(writer, decision.Explanation);
        if (decision.Fingerprint is DecisionFingerprint fingerprint)
        {
            writer.WriteStartObject(Names.Fingerprint);
            writer.WriteString(Names.Value, fingerprint.Value);
            writer.WriteString(Names.Application, fingerprint.Application);
            writer.WriteString(Names.PolicyId, fingerprint.PolicyId);
            writer.WriteNumber(Names.PolicyVersion, fingerprint.PolicyVersion);
            writer.WriteString(Names.PolicyContent, fingerprint.PolicyContent);
            writer.WriteString(Names.LibraryVersion, fingerprint.LibraryVersion);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a decision's summary as one JSON object (<see cref="DecisionDetail.Summary"/>): <c>applicationId</c>,
    /// <c>outcome</c>, <c>policy</c> (<c>id</c>, <c>version</c>), <c>asOf</c>, <c>eligibleFrom</c> when known, and
    /// <c>causes</c>: for an outcome other than eligible, the criteria that decided it
    /// (<see cref="EligibilityExplanation.Causes"/>), each as <c>{"code", "reason"}</c> (the rule's code, unique within
    /// its policy, and its reason code), in the policy's order; empty for an eligible decision. No message, figure or
    /// evidence, and no fingerprint.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteSummary(Utf8JsonWriter writer, EligibilityDecision decision)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(decision);
        writer.WriteStartObject();
        WriteHeading(writer, decision);
        writer.WriteStartArray(Names.Causes);
        if (decision.Outcome != EligibilityOutcome.Eligible)
        {
            EligibilityExplanation.ForEachCause(decision.Explanation, writer, static (cause, writer) =>
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Code, cause.Code);
                writer.WriteString(Names.Reason, cause.Reason);
                writer.WriteEndObject();
            });
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a decision in the given detail: the whole decision as <see cref="Write(Utf8JsonWriter, EligibilityDecision)"/>
    /// writes it, or its summary as <see cref="WriteSummary"/> does.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="detail">How much of the decision to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a member of <see cref="DecisionDetail"/>.</exception>
    public static void Write(Utf8JsonWriter writer, EligibilityDecision decision, DecisionDetail detail)
    {
        if (Guard.Against.UndefinedEnum(detail) == DecisionDetail.Summary)
        {
            WriteSummary(writer, decision);
        }
        else
        {
            Write(writer, decision);
        }
    }

    /// <summary>
    /// Writes one record of a batch as the JSON object <c>upon eligibility check --format jsonl</c> writes a line and
    /// the service's JSON Lines endpoint answers a line: <c>{"record": N, "decision": {…}}</c> for a decided application,
    /// <c>{"record": N, "errors": [{"path", "code", "message"}, …]}</c> for a record that could not be decided.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="record">The record's result, numbered as the batch numbers it (a line of JSON Lines, from 1).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteRecord(Utf8JsonWriter writer, RecordResult<EligibilityDecision> record) => WriteRecord(writer, record, DecisionDetail.Full);

    /// <summary>
    /// Writes one record of a batch as <see cref="WriteRecord(Utf8JsonWriter, RecordResult{EligibilityDecision})"/>
    /// does, its decision in the given detail: <c>{"record": N, "decision": {…}}</c> with the whole decision or its
    /// summary (<see cref="WriteSummary"/>), or <c>{"record": N, "errors": […]}</c> whatever the detail.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="record">The record's result, numbered as the batch numbers it (a line of JSON Lines, from 1).</param>
    /// <param name="detail">How much of a decision to write.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a member of <see cref="DecisionDetail"/>.</exception>
    public static void WriteRecord(Utf8JsonWriter writer, RecordResult<EligibilityDecision> record, DecisionDetail detail)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(record);
        Guard.Against.UndefinedEnum(detail);
        writer.WriteStartObject();
        writer.WriteNumber(Names.Record, record.RecordNumber);
        if (record.Value is EligibilityDecision decision)
        {
            writer.WritePropertyName(Names.Decision);
            Write(writer, decision, detail);
        }
        else
        {
            writer.WriteStartArray(Names.Errors);
            foreach (DocumentProblem problem in record.Problems)
            {
                writer.WriteStartObject();
                writer.WriteString(Names.Path, problem.Path);
                writer.WriteString(Names.Code, problem.Code);
                writer.WriteString(Names.Message, problem.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a decision to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream utf8Json, EligibilityDecision decision, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, decision);
    }

    /// <summary>Reads a decision written by <see cref="Write(Stream, EligibilityDecision, bool)"/> from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; a larger one is reported as <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <returns>The decision, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<EligibilityDecision> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, Read);

    /// <summary>
    /// Reads one decision document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<EligibilityDecision>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
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
    /// <returns>The decision, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<EligibilityDecision> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads a decision from the JSON text <paramref name="json"/>, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The decision, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<EligibilityDecision> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, Read);

    private static DocumentResult<EligibilityDecision> Read(JsonElement root)
    {
        JsonElementReader reader = new();
        EligibilityDecision? decision = ReadDecision(reader, root, JsonPath.Root);
        return decision is not null && reader.Problems.Count == 0
            ? DocumentResult.Success(decision)
            : DocumentResult.Failure<EligibilityDecision>([.. reader.Problems]);
    }

    /// <summary>The properties a decision and its summary both begin with: application, outcome, policy, dates.</summary>
    private static void WriteHeading(Utf8JsonWriter writer, EligibilityDecision decision)
    {
        writer.WriteString(Names.ApplicationId, decision.ApplicationId);
        writer.WriteString(Names.Outcome, EnumNames<EligibilityOutcome>.EncodedName(decision.Outcome));
        writer.WriteStartObject(Names.Policy);
        writer.WriteString(Names.Id, decision.PolicyId);
        writer.WriteNumber(Names.Version, decision.PolicyVersion);
        writer.WriteEndObject();
        WriteDate(writer, Names.AsOf, decision.AsOf);
        if (decision.EligibleFrom is LocalDate from)
        {
            WriteDate(writer, Names.EligibleFrom, from);
        }
    }

    private static void WriteResult(Utf8JsonWriter writer, CriterionResult result)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Code, result.Code);
        writer.WriteString(Names.Title, result.Title);
        writer.WriteString(Names.Kind, EnumNames<RuleKind>.EncodedName(result.Kind));
        writer.WriteString(Names.Outcome, EnumNames<CriterionOutcome>.EncodedName(result.Outcome));
        writer.WriteString(Names.Reason, result.Reason);
        writer.WriteString(Names.Message, result.Message);
        WritePeriod(writer, Names.Measured, result.Measured);
        WritePeriod(writer, Names.Required, result.Required);
        WritePeriod(writer, Names.Difference, result.Difference);
        if (result.MetOn is LocalDate metOn)
        {
            WriteDate(writer, Names.MetOn, metOn);
        }

        WriteNumber(writer, Names.Words, result.Words);
        WriteNumber(writer, Names.MinimumWords, result.MinimumWords);
        WriteNumber(writer, Names.MaximumWords, result.MaximumWords);
        if (result.Experience is EffectiveExperience experience)
        {
            writer.WriteStartObject(Names.Experience);
            writer.WriteNumber(Names.Days, experience.Days);
            WritePeriod(writer, Names.Period, experience.Period);
            if (experience.FirstDay is LocalDate first)
            {
                WriteDate(writer, Names.FirstDay, first);
            }

            writer.WriteNumber(Names.CurrentDailyRate, experience.CurrentDailyRate);
            writer.WriteStartArray(Names.Roles);
            foreach (RoleEvidence evidence in experience.Roles)
            {
                writer.WriteStartObject();
                writer.WriteNumber(Names.RoleIndex, evidence.RoleIndex);
                writer.WriteString(Names.Reason, evidence.Reason);
                if (evidence.Counted is DateInterval counted)
                {
                    writer.WriteStartObject(Names.Counted);
                    WriteDate(writer, Names.Start, counted.Start);
                    WriteDate(writer, Names.End, counted.End);
                    writer.WriteEndObject();
                }

                writer.WriteNumber(Names.Days, evidence.Days);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (!result.Results.IsEmpty)
        {
            writer.WriteStartArray(Names.Results);
            foreach (CriterionResult child in result.Results)
            {
                WriteResult(writer, child);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter writer, JsonEncodedText name, Period? period)
    {
        if (period is null)
        {
            return;
        }

        if (period.HasTimeComponent)
        {
            writer.WriteString(name, PeriodPattern.Roundtrip.Format(period));
            return;
        }

        Span<byte> text = stackalloc byte[PeriodText.MaxRoundtripUtf8Length];
        writer.WriteString(name, text[..PeriodText.FormatRoundtripUtf8(period, text)]);
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, LocalDate date)
    {
        Span<byte> text = stackalloc byte[DateText.MaxUtf8Length];
        writer.WriteString(name, text[..DateText.FormatUtf8(date, text)]);
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is int number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static EligibilityDecision? ReadDecision(JsonElementReader reader, JsonElement root, string path)
    {
        if (!reader.IsObject(root, path, "a decision object"))
        {
            return null;
        }

        reader.RejectUnknown(root, path, DecisionProperties);
        string? applicationId = reader.String(root, path, "applicationId", required: true);
        EligibilityOutcome? outcome = reader.Enum<EligibilityOutcome>(root, path, "outcome", required: true);
        string? policyId = null;
        int? version = null;
        if (reader.TryGet(root, path, "policy", required: true, out JsonElement policy))
        {
            string policyPath = JsonPath.Property(path, "policy");
            if (reader.IsObject(policy, policyPath, "an object with the policy's id and version"))
            {
                reader.RejectUnknown(policy, policyPath, ["id", "version"]);
                policyId = reader.String(policy, policyPath, "id", required: true);
                version = reader.Int(policy, policyPath, "version", required: true, 1, int.MaxValue);
            }
        }

        LocalDate? asOf = reader.Date(root, path, "asOf", required: true, EligibilityDates.Range);
        LocalDate? eligibleFrom = reader.Date(root, path, "eligibleFrom", required: false, EligibilityDates.Range);
        CriterionResult? explanation = null;
        if (asOf is LocalDate date && reader.TryGet(root, path, "explanation", required: true, out JsonElement element))
        {
            explanation = ReadResult(reader, element, JsonPath.Property(path, "explanation"), date);
        }

        DecisionFingerprint? fingerprint = reader.TryGet(root, path, "fingerprint", required: false, out JsonElement fingerprintElement)
            ? ReadFingerprint(reader, fingerprintElement, JsonPath.Property(path, "fingerprint"), policyId, version)
            : null;
        if (reader.Problems.Count > 0 || applicationId is null || outcome is null || policyId is null || version is null || asOf is null || explanation is null)
        {
            return null;
        }

        return new EligibilityDecision(applicationId, outcome.Value, policyId, version.Value, asOf.Value, explanation, eligibleFrom) { Fingerprint = fingerprint };
    }

    /// <summary>
    /// Reads a fingerprint: every part required, hashes of 64 lowercase hexadecimal characters, the policy's identifier
    /// and version those of the decision (when they could be read), and the value the hash of the parts.
    /// </summary>
    private static DecisionFingerprint? ReadFingerprint(JsonElementReader reader, JsonElement element, string path, string? decisionPolicyId, int? decisionVersion)
    {
        if (!reader.IsObject(element, path, "a fingerprint object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, FingerprintProperties);
        string? value = Hash("value");
        string? application = Hash("application");
        string? policyId = reader.String(element, path, "policyId", required: true);
        int? version = reader.Int(element, path, "policyVersion", required: true, 1, int.MaxValue);
        string? content = Hash("policyContent");
        string? library = reader.String(element, path, "libraryVersion", required: true);
        if (policyId is not null && decisionPolicyId is not null && !string.Equals(policyId, decisionPolicyId, StringComparison.Ordinal))
        {
            reader.Add(JsonPath.Property(path, "policyId"), EligibilityProblemCodes.FingerprintPolicyMismatch, "The fingerprint's policy identifier is not the decision's.");
        }

        if (version is int v && decisionVersion is int d && v != d)
        {
            reader.Add(JsonPath.Property(path, "policyVersion"), EligibilityProblemCodes.FingerprintPolicyMismatch, "The fingerprint's policy version is not the decision's.");
        }

        if (reader.Problems.Count > before || value is null || application is null || policyId is null || version is null || content is null || library is null)
        {
            return null;
        }

        DecisionFingerprint fingerprint = new(application, policyId, version.Value, content, library);
        if (!string.Equals(fingerprint.Value, value, StringComparison.Ordinal))
        {
            reader.Add(JsonPath.Property(path, "value"), EligibilityProblemCodes.FingerprintValueMismatch, "The fingerprint's value is not the hash of its parts: the fingerprint was altered.");
            return null;
        }

        return fingerprint;

        string? Hash(string name)
        {
            string? hash = reader.String(element, path, name, required: true);
            if (hash is not null && !DecisionFingerprint.IsHash(hash))
            {
                reader.Add(JsonPath.Property(path, name), EligibilityProblemCodes.FingerprintHashInvalid, "A hash must be 64 lowercase hexadecimal characters.");
                return null;
            }

            return hash;
        }
    }

    private static CriterionResult? ReadResult(JsonElementReader reader, JsonElement element, string path, LocalDate asOf)
    {
        if (!reader.IsObject(element, path, "a rule result object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, ResultProperties);
        string? code = reader.String(element, path, "code", required: true);
        string? title = reader.String(element, path, "title", required: true);
        RuleKind? kind = reader.Enum<RuleKind>(element, path, "kind", required: true);
        CriterionOutcome? outcome = reader.Enum<CriterionOutcome>(element, path, "outcome", required: true);
        string? reason = reader.String(element, path, "reason", required: true);
        reader.String(element, path, "message", required: false);
        Period? measured = reader.DatePeriod(element, path, "measured", required: false);
        Period? required = reader.DatePeriod(element, path, "required", required: false);
        Period? difference = reader.DatePeriod(element, path, "difference", required: false);
        LocalDate? metOn = reader.Date(element, path, "metOn", required: false, EligibilityDates.Range);
        int? words = reader.Int(element, path, "words", required: false, 0, int.MaxValue);
        int? minimumWords = reader.Int(element, path, "minimumWords", required: false, 1, int.MaxValue);
        int? maximumWords = reader.Int(element, path, "maximumWords", required: false, 1, int.MaxValue);
        EffectiveExperience? experience = reader.TryGet(element, path, "experience", required: false, out JsonElement experienceElement)
            ? ReadExperience(reader, experienceElement, JsonPath.Property(path, "experience"), asOf)
            : null;
        List<CriterionResult> results = [];
        if (reader.Array(element, path, "results", required: false, out JsonElement array, out string resultsPath))
        {
            JsonElementReader.Items(array, resultsPath, results, (child, childPath) => ReadResult(reader, child, childPath, asOf));
        }

        if (reader.Problems.Count > before || code is null || title is null || kind is null || outcome is null || reason is null)
        {
            return null;
        }

        return new CriterionResult(code, title, kind.Value, outcome.Value, reason)
        {
            Measured = measured,
            Required = required,
            Difference = difference,
            MetOn = metOn,
            Words = words,
            MinimumWords = minimumWords,
            MaximumWords = maximumWords,
            Experience = experience,
            Results = [.. results],
        };
    }

    private static EffectiveExperience? ReadExperience(JsonElementReader reader, JsonElement element, string path, LocalDate asOf)
    {
        if (!reader.IsObject(element, path, "an experience object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, ExperienceProperties);
        decimal? days = reader.Decimal(element, path, "days", required: true, 0m, EligibilityDates.Range.Length, minExclusive: false);
        reader.DatePeriod(element, path, "period", required: false);
        LocalDate? firstDay = reader.Date(element, path, "firstDay", required: false, EligibilityDates.Range);
        decimal? rate = reader.Decimal(element, path, "currentDailyRate", required: true, 0m, 1m, minExclusive: false);
        List<RoleEvidence> roles = [];
        if (reader.Array(element, path, "roles", required: true, out JsonElement array, out string rolesPath))
        {
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                string itemPath = JsonPath.Index(rolesPath, index++);
                if (!reader.IsObject(item, itemPath, "a role evidence object"))
                {
                    continue;
                }

                reader.RejectUnknown(item, itemPath, EvidenceProperties);
                int? roleIndex = reader.Int(item, itemPath, "roleIndex", required: true, 0, int.MaxValue);
                string? reason = reader.String(item, itemPath, "reason", required: true);
                decimal? roleDays = reader.Decimal(item, itemPath, "days", required: true, 0m, EligibilityDates.Range.Length, minExclusive: false);
                DateInterval? counted = null;
                if (reader.TryGet(item, itemPath, "counted", required: false, out JsonElement countedElement))
                {
                    string countedPath = JsonPath.Property(itemPath, "counted");
                    if (reader.IsObject(countedElement, countedPath, "an interval object"))
                    {
                        reader.RejectUnknown(countedElement, countedPath, ["start", "end"]);
                        LocalDate? start = reader.Date(countedElement, countedPath, "start", required: true, EligibilityDates.Range);
                        LocalDate? end = reader.Date(countedElement, countedPath, "end", required: true, EligibilityDates.Range);
                        if (start is LocalDate s && end is LocalDate e)
                        {
                            if (e < s)
                            {
                                reader.Add(JsonPath.Property(countedPath, "end"), DocumentProblemCodes.EndBeforeStart, "An interval's end cannot be before its start.");
                            }
                            else
                            {
                                counted = new DateInterval(s, e);
                            }
                        }
                    }
                }

                if (roleIndex is int i && reason is not null && roleDays is decimal d)
                {
                    roles.Add(new RoleEvidence(i, reason, counted, d));
                }
            }
        }

        if (reader.Problems.Count > before || days is null || rate is null)
        {
            return null;
        }

        return EffectiveExperience.FromFigures(asOf, firstDay, (long)(days.Value * EffectiveExperience.Scale), rate.Value, [.. roles]);
    }

    /// <summary>The property names the writers write, encoded once (ASCII names, which every encoder writes alike).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Application = JsonEncodedText.Encode("application");

        public static readonly JsonEncodedText ApplicationId = JsonEncodedText.Encode("applicationId");

        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");

        public static readonly JsonEncodedText Causes = JsonEncodedText.Encode("causes");

        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");

        public static readonly JsonEncodedText Counted = JsonEncodedText.Encode("counted");

        public static readonly JsonEncodedText CurrentDailyRate = JsonEncodedText.Encode("currentDailyRate");

        public static readonly JsonEncodedText Days = JsonEncodedText.Encode("days");

        public static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");

        public static readonly JsonEncodedText Difference = JsonEncodedText.Encode("difference");

        public static readonly JsonEncodedText EligibleFrom = JsonEncodedText.Encode("eligibleFrom");

        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");

        public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");

        public static readonly JsonEncodedText Experience = JsonEncodedText.Encode("experience");

        public static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");

        public static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");

        public static readonly JsonEncodedText FirstDay = JsonEncodedText.Encode("firstDay");

        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");

        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");

        public static readonly JsonEncodedText LibraryVersion = JsonEncodedText.Encode("libraryVersion");

        public static readonly JsonEncodedText MaximumWords = JsonEncodedText.Encode("maximumWords");

        public static readonly JsonEncodedText Measured = JsonEncodedText.Encode("measured");

        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

        public static readonly JsonEncodedText MetOn = JsonEncodedText.Encode("metOn");

        public static readonly JsonEncodedText MinimumWords = JsonEncodedText.Encode("minimumWords");

        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");

        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");

        public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");

        public static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");

        public static readonly JsonEncodedText PolicyContent = JsonEncodedText.Encode("policyContent");

        public static readonly JsonEncodedText PolicyId = JsonEncodedText.Encode("policyId");

        public static readonly JsonEncodedText PolicyVersion = JsonEncodedText.Encode("policyVersion");

        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

        public static readonly JsonEncodedText Record = JsonEncodedText.Encode("record");

        public static readonly JsonEncodedText Required = JsonEncodedText.Encode("required");

        public static readonly JsonEncodedText Results = JsonEncodedText.Encode("results");

        public static readonly JsonEncodedText RoleIndex = JsonEncodedText.Encode("roleIndex");

        public static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");

        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");

        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");

        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");

        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");

        public static readonly JsonEncodedText Words = JsonEncodedText.Encode("words");
    }
}
