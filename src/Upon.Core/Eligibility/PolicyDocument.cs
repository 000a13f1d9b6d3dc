using System.Diagnostics;
using NodaTime.Text;

namespace Upon.Core.Eligibility;

/// <summary>
/// Reads and writes eligibility policy documents: one policy (an object) or a set of policies (an
/// array of them). The schema is docs/schemas/eligibility-policy.schema.json.
/// </summary>
/// <remarks>
/// Reading reports every problem with its JSON path and a stable code, and never throws for bad input.
/// Unknown properties are problems (<see cref="DocumentProblemCodes.UnknownProperty"/>): a typo in a
/// policy must not pass silently. Writing then reading a policy gives an equal policy.
/// </remarks>
public static class PolicyDocument
{
    /// <summary>The size limit of a policy document: 4 MiB.</summary>
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private static readonly string[] PolicyProperties = ["id", "version", "programmeYear", "effectiveFrom", "effectiveTo", "title", "interpretation", "rule"];

    private static readonly string[] PatternProperties = ["levels", "organisationTypes", "sectors"];

    /// <summary>Reads a document holding one policy or an array of policies.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes.</param>
    /// <returns>The policies in document order, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<IReadOnlyList<EligibilityPolicy>> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, Read);

    /// <summary>
    /// Reads one policy document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<IReadOnlyList<EligibilityPolicy>>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
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
    /// <returns>The policies in document order, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<IReadOnlyList<EligibilityPolicy>> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads a document holding one policy or an array of policies from a string, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The policies in document order, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<IReadOnlyList<EligibilityPolicy>> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, Read);

    /// <summary>Writes one policy as an object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, EligibilityPolicy policy)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(policy);
        writer.WriteStartObject();
        writer.WriteString("id", policy.Id);
        writer.WriteNumber("version", policy.Version);
        writer.WriteString("programmeYear", policy.ProgrammeYear);
        writer.WriteString("effectiveFrom", DateText.Format(policy.EffectiveFrom));
        if (policy.EffectiveTo is LocalDate to)
        {
            writer.WriteString("effectiveTo", DateText.Format(to));
        }

        writer.WriteString("title", policy.Title);
        writer.WriteStartArray("interpretation");
        foreach (string sentence in policy.Interpretation)
        {
            writer.WriteStringValue(sentence);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("rule");
        WriteRule(writer, policy.Rule);
        writer.WriteEndObject();
    }

    /// <summary>Writes policies to a UTF-8 stream: one policy as an object, several as an array.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="policies">The policies; at least one.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policies"/> is empty.</exception>
    public static void Write(Stream utf8Json, IReadOnlyList<EligibilityPolicy> policies, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(policies);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, policies);
    }

    /// <summary>Writes policies as one document, for example inside a larger one: one policy as an object, several as an array.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="policies">The policies; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="policies"/> is empty.</exception>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<EligibilityPolicy> policies)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(policies);
        Guard.Against.Empty(policies, "policy");

        if (policies.Count == 1)
        {
            Write(writer, policies[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (EligibilityPolicy policy in policies)
        {
            Write(writer, policy);
        }

        writer.WriteEndArray();
    }

    private static DocumentResult<IReadOnlyList<EligibilityPolicy>> Read(JsonElement root)
    {
        JsonElementReader reader = new();
        List<EligibilityPolicy> policies = [];
        if (root.ValueKind == JsonValueKind.Array)
        {
            JsonElementReader.Items(root, JsonPath.Root, policies, (item, itemPath) => ReadPolicy(reader, item, itemPath));
            if (root.GetArrayLength() == 0)
            {
                reader.Add(JsonPath.Root, DocumentProblemCodes.CollectionEmpty, "The document holds no policies.");
            }
        }
        else if (ReadPolicy(reader, root, JsonPath.Root) is EligibilityPolicy policy)
        {
            policies.Add(policy);
        }

        return reader.Problems.Count == 0
            ? DocumentResult.Success<IReadOnlyList<EligibilityPolicy>>(policies.ToArray())
            : DocumentResult.Failure<IReadOnlyList<EligibilityPolicy>>([.. reader.Problems]);
    }

    /// <summary>Reads one policy object at <paramref name="path"/>, recording its problems in <paramref name="reader"/>; null when it has any.</summary>
    internal static EligibilityPolicy? ReadPolicy(JsonElementReader reader, JsonElement element, string path)
    {
        if (!reader.IsObject(element, path, "a policy object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, PolicyProperties);
        string? id = reader.String(element, path, "id", required: true);
        int? version = reader.Int(element, path, "version", required: true, 1, int.MaxValue);
        string? programmeYear = reader.String(element, path, "programmeYear", required: true);
        if (programmeYear is not null && !ProgrammeYears.IsValid(programmeYear))
        {
            reader.Add(JsonPath.Property(path, "programmeYear"), EligibilityProblemCodes.ProgrammeYearInvalid, "A programme year is written yyyy/yy with consecutive years, for example 2021/22.");
        }

        LocalDate? from = reader.Date(element, path, "effectiveFrom", required: true);
        LocalDate? to = reader.Date(element, path, "effectiveTo", required: false);
        if (from is LocalDate first && to is LocalDate last && last < first)
        {
            reader.Add(JsonPath.Property(path, "effectiveTo"), DocumentProblemCodes.EndBeforeStart, "A policy's last effective date cannot be before its first.");
        }

        string? title = reader.String(element, path, "title", required: true);
        List<string> interpretation = [];
        if (reader.Array(element, path, "interpretation", required: false, out JsonElement sentences, out string sentencesPath))
        {
            reader.Strings(sentences, sentencesPath, interpretation);
        }

        EligibilityRule? rule = null;
        if (reader.TryGet(element, path, "rule", required: true, out JsonElement ruleElement))
        {
            rule = ReadRule(reader, ruleElement, JsonPath.Property(path, "rule"));
        }

        if (rule is not null)
        {
            HashSet<string> codes = new(StringComparer.Ordinal);
            foreach (EligibilityRule descendant in rule.DescendantsAndSelf())
            {
                if (!codes.Add(descendant.Code))
                {
                    reader.Add(JsonPath.Property(path, "rule"), EligibilityProblemCodes.RuleCodeDuplicate, "Two rules share a code; codes must be unique within a policy.");
                }
            }
        }

        if (reader.Problems.Count > before || id is null || version is null || programmeYear is null || from is null || title is null || rule is null)
        {
            return null;
        }

        return new EligibilityPolicy(id, version.Value, programmeYear, from.Value, to, title, rule, interpretation);
    }

    private static EligibilityRule? ReadRule(JsonElementReader reader, JsonElement element, string path)
    {
        if (!reader.IsObject(element, path, "a rule object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        RuleKind? kind = ReadKind(reader, element, path);
        string? code = reader.String(element, path, "code", required: true);
        string? title = reader.String(element, path, "title", required: true);
        if (kind is null)
        {
            return null;
        }

        EligibilityRule? rule = null;
        switch (kind.Value)
        {
            case RuleKind.All:
            case RuleKind.Any:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "rules"]);
                List<EligibilityRule> children = [];
                if (reader.Array(element, path, "rules", required: true, out JsonElement array, out string rulesPath))
                {
                    JsonElementReader.Items(array, rulesPath, children, (child, childPath) => ReadRule(reader, child, childPath));
                    if (array.GetArrayLength() == 0)
                    {
                        reader.Add(rulesPath, DocumentProblemCodes.CollectionEmpty, "A combining rule needs at least one rule under it.");
                    }
                }

                if (reader.Problems.Count == before && code is not null && title is not null)
                {
                    rule = kind == RuleKind.All ? new AllRule(code, title, children) : new AnyRule(code, title, children);
                }

                break;
            case RuleKind.Not:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "rule"]);
                EligibilityRule? inner = reader.TryGet(element, path, "rule", required: true, out JsonElement innerElement)
                    ? ReadRule(reader, innerElement, JsonPath.Property(path, "rule"))
                    : null;
                if (reader.Problems.Count == before && code is not null && title is not null && inner is not null)
                {
                    rule = new NotRule(code, title, inner);
                }

                break;
            case RuleKind.Experience:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "minimum", "qualifyingRoles", "partTime", "actingCounts"]);
                Period? minimum = RulePeriod(reader, element, path, "minimum");
                PartTimeCounting? partTime = reader.Enum<PartTimeCounting>(element, path, "partTime", required: true);
                bool? acting = reader.Bool(element, path, "actingCounts", required: true);
                List<RolePattern> patterns = [];
                if (reader.Array(element, path, "qualifyingRoles", required: true, out JsonElement patternArray, out string patternsPath))
                {
                    JsonElementReader.Items(patternArray, patternsPath, patterns, (pattern, patternPath) => ReadPattern(reader, pattern, patternPath));
                    if (patternArray.GetArrayLength() == 0)
                    {
                        reader.Add(patternsPath, DocumentProblemCodes.CollectionEmpty, "An experience rule needs at least one pattern of qualifying roles.");
                    }
                }

                if (reader.Problems.Count == before && code is not null && title is not null && minimum is not null && partTime is not null && acting is not null)
                {
                    rule = new ExperienceRule(code, title, minimum, patterns, partTime.Value, acting.Value);
                }

                break;
            case RuleKind.Readiness:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "within"]);
                Period? within = RulePeriod(reader, element, path, "within");
                if (reader.Problems.Count == before && code is not null && title is not null && within is not null)
                {
                    rule = new ReadinessRule(code, title, within);
                }

                break;
            case RuleKind.Statement:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "minimumWords", "maximumWords"]);
                int? minimumWords = reader.Int(element, path, "minimumWords", required: true, 1, int.MaxValue);
                int? maximumWords = reader.Int(element, path, "maximumWords", required: true, 1, int.MaxValue);
                if (minimumWords is int min && maximumWords is int max && max < min)
                {
                    reader.Add(JsonPath.Property(path, "maximumWords"), DocumentProblemCodes.OutOfRange, "\"maximumWords\" must be at least \"minimumWords\".");
                }

                if (reader.Problems.Count == before && code is not null && title is not null && minimumWords is not null && maximumWords is not null)
                {
                    rule = new StatementRule(code, title, minimumWords.Value, maximumWords.Value);
                }

                break;
            case RuleKind.AssessorOutcome:
                reader.RejectUnknown(element, path, ["kind", "code", "title", "criterion", "requireOutcome"]);
                AssessedCriterion? criterion = reader.Enum<AssessedCriterion>(element, path, "criterion", required: true);
                bool? require = reader.Bool(element, path, "requireOutcome", required: true);
                if (reader.Problems.Count == before && code is not null && title is not null && criterion is not null && require is not null)
                {
                    rule = new AssessorOutcomeRule(code, title, criterion.Value, require.Value);
                }

                break;
            default:
                // A kind with no reader here is reported, never read as some other kind.
                reader.Add(JsonPath.Property(path, "kind"), EligibilityProblemCodes.RuleKindUnknown, UnknownKindMessage);
                break;
        }

        return rule;
    }

    private static readonly string UnknownKindMessage = $"Expected a rule kind, one of: {EnumNames<RuleKind>.List}.";

    private static RuleKind? ReadKind(JsonElementReader reader, JsonElement element, string path)
    {
        string? name = reader.String(element, path, "kind", required: true, allowEmpty: true);
        if (name is null)
        {
            return null;
        }

        if (EnumNames<RuleKind>.TryParse(name, out RuleKind kind))
        {
            return kind;
        }

        reader.Add(JsonPath.Property(path, "kind"), EligibilityProblemCodes.RuleKindUnknown, UnknownKindMessage);
        return null;
    }

    private static Period? RulePeriod(JsonElementReader reader, JsonElement element, string path, string name)
    {
        Period? period = reader.DatePeriod(element, path, name, required: true);
        if (period is not null && !EligibilityDates.IsValidRulePeriod(period))
        {
            reader.Add(JsonPath.Property(path, name), DocumentProblemCodes.OutOfRange, $"\"{name}\" is at most 100 years.");
            return null;
        }

        return period;
    }

    private static RolePattern? ReadPattern(JsonElementReader reader, JsonElement element, string path)
    {
        if (!reader.IsObject(element, path, "a role pattern object"))
        {
            return null;
        }

        int before = reader.Problems.Count;
        reader.RejectUnknown(element, path, PatternProperties);
        List<RoleLevel> levels = ReadEnumList<RoleLevel>(reader, element, path, "levels");
        List<OrganisationType> types = ReadEnumList<OrganisationType>(reader, element, path, "organisationTypes");
        List<Sector> sectors = ReadEnumList<Sector>(reader, element, path, "sectors");
        return reader.Problems.Count == before ? new RolePattern(levels, types, sectors) : null;
    }

    private static List<TEnum> ReadEnumList<TEnum>(JsonElementReader reader, JsonElement element, string path, string name)
        where TEnum : struct, Enum
    {
        List<TEnum> values = [];
        if (reader.Array(element, path, name, required: true, out JsonElement array, out string arrayPath))
        {
            JsonElementReader.Items(array, arrayPath, values, reader.EnumValue<TEnum>);
            if (array.GetArrayLength() == 0)
            {
                reader.Add(arrayPath, DocumentProblemCodes.CollectionEmpty, $"\"{name}\" needs at least one value.");
            }
        }

        return values;
    }

    private static void WriteRule(Utf8JsonWriter writer, EligibilityRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", EnumNames<RuleKind>.Name(rule.Kind));
        writer.WriteString("code", rule.Code);
        writer.WriteString("title", rule.Title);
        switch (rule)
        {
            case AllRule or AnyRule:
                writer.WriteStartArray("rules");
                foreach (EligibilityRule child in rule.Rules)
                {
                    WriteRule(writer, child);
                }

                writer.WriteEndArray();
                break;
            case NotRule not:
                writer.WritePropertyName("rule");
                WriteRule(writer, not.Rule);
                break;
            case ExperienceRule experience:
                writer.WriteString("minimum", PeriodPattern.Roundtrip.Format(experience.Minimum));
                writer.WriteString("partTime", EnumNames<PartTimeCounting>.Name(experience.PartTime));
                writer.WriteBoolean("actingCounts", experience.ActingCounts);
                writer.WriteStartArray("qualifyingRoles");
                foreach (RolePattern pattern in experience.QualifyingRoles)
                {
                    writer.WriteStartObject();
                    WriteEnumList(writer, "levels", pattern.Levels);
                    WriteEnumList(writer, "organisationTypes", pattern.OrganisationTypes);
                    WriteEnumList(writer, "sectors", pattern.Sectors);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case ReadinessRule readiness:
                writer.WriteString("within", PeriodPattern.Roundtrip.Format(readiness.Within));
                break;
            case StatementRule statement:
                writer.WriteNumber("minimumWords", statement.MinimumWords);
                writer.WriteNumber("maximumWords", statement.MaximumWords);
                break;
            case AssessorOutcomeRule assessor:
                writer.WriteString("criterion", EnumNames<AssessedCriterion>.Name(assessor.Criterion));
                writer.WriteBoolean("requireOutcome", assessor.RequireOutcome);
                break;
            default:
                throw new UnreachableException($"Unknown rule type {rule.GetType().Name}.");
        }

        writer.WriteEndObject();
    }

    private static void WriteEnumList<TEnum>(Utf8JsonWriter writer, string name, ImmutableArray<TEnum> values)
        where TEnum : struct, Enum
    {
        writer.WriteStartArray(name);
        foreach (TEnum value in values)
        {
            writer.WriteStringValue(EnumNames<TEnum>.Name(value));
        }

        writer.WriteEndArray();
    }
}
