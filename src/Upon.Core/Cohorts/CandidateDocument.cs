using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Upon.Core.Eligibility;

namespace Upon.Core.Cohorts;

/// <summary>
/// Reads and writes candidates documents: one record per assessed applicant, as a JSON array, JSON Lines or a
/// single object (the schema is docs/schemas/cohort-candidate.schema.json).
/// </summary>
/// <remarks>
/// <para>A record is an object
/// <c>{"applicantId", "authority", "eligibility", "score", "underRepresented"?, "background"?, "ethnicity"?,
/// "disability"?, "region"?, "organisationType"?}</c>: <c>eligibility</c> is <c>eligible</c>, <c>ineligible</c> or
/// <c>incomplete</c> (the names eligibility decisions are written with); <c>score</c> is a JSON number (a string is
/// refused); <c>underRepresented</c> is true or false (false when left out); the attributes are non-empty strings,
/// left out when not stated.</para>
/// <para>Reading streams: one record is in memory at a time, and records come in file order, each a candidate or
/// its problems with the record number, JSON path and stable code. A record whose applicant id an earlier record
/// already used is reported (<see cref="CohortProblemCodes.ApplicantDuplicate"/>) and not used, so records in =
/// candidates + records reported. Reading never throws for bad input, and messages never repeat values.</para>
/// </remarks>
public static class CandidateDocument
{
    /// <summary>The largest record accepted unless another limit is given, in bytes: 1 MiB.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    private static readonly (string Plural, string Singular, string? ConfidentialObject) Names = ("candidates", "a candidate", null);

    private static readonly string[] Properties =
        ["applicantId", "authority", "eligibility", "score", "underRepresented", "background", "ethnicity", "disability", "region", "organisationType"];

    /// <summary>Reads candidate records from JSON, lazily.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the records are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> tells an array, JSON Lines and a single object apart.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes; a larger one is reported as <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <returns>
    /// The records in file order. A syntax error inside an array ends the reading with one record of problems,
    /// since the array's structure is lost; in JSON Lines it affects its line only.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IEnumerable<RecordResult<CandidateProfile>> Read(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return ReadIterator(utf8Json, format, maxBytes);
    }

    /// <summary>Writes one candidate record as a JSON object; attributes not stated and a false flag are left out.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="profile">The candidate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="profile"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, CandidateProfile profile)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(profile);
        SelectionCandidate candidate = profile.Candidate;
        writer.WriteStartObject();
        writer.WriteString(Properties[0], candidate.ApplicantId);
        writer.WriteString(Properties[1], candidate.AuthorityCode);
        writer.WriteString(Properties[2], EnumNames<EligibilityOutcome>.Name(candidate.Eligibility));
        writer.WriteNumber(Properties[3], candidate.Score);
        if (candidate.UnderRepresented)
        {
            writer.WriteBoolean(Properties[4], true);
        }

        foreach (CompositionField attribute in Enum.GetValues<CompositionField>())
        {
            if (profile.Get(attribute) is string value)
            {
                writer.WriteString(EnumNames<CompositionField>.Name(attribute), value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes candidates in order: as JSON Lines (one compact object a line, each line ended by <c>\n</c>; also for
    /// <see cref="BatchFormat.Auto"/>, which reads it back), or as one JSON array.
    /// </summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="values">The candidates, written in order.</param>
    /// <param name="format">The layout: <see cref="BatchFormat.JsonLines"/> or <see cref="BatchFormat.JsonArray"/>.</param>
    /// <param name="indented">Whether to indent an array (two spaces, <c>\n</c> line ends); JSON Lines are never indented, since each record is one line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="values"/> (or one of its items) is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined <see cref="BatchFormat"/>.</exception>
    public static void Write(Stream utf8Json, IEnumerable<CandidateProfile> values, BatchFormat format = BatchFormat.JsonLines, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(values);
        Guard.Against.UndefinedEnum(format);
        JsonWriting.WriteBatch(utf8Json, values, format, indented, Write, nameof(values));
    }

    /// <summary>
    /// Reads candidate records from JSON as <see cref="Read"/> does, reading the stream asynchronously: the same records,
    /// in the same order, for the same bytes, however the stream splits them.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the records are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> tells an array, JSON Lines and a single object apart.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes; a larger one is reported as <see cref="DocumentProblemCodes.DocumentTooLarge"/>.</param>
    /// <param name="cancellationToken">
    /// Stops the reading: it is checked before each read of the stream and before each record, and the enumeration
    /// then throws <see cref="OperationCanceledException"/>; every record already given stands.
    /// </param>
    /// <returns>The records in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<CandidateProfile>> ReadAsync(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return ReadAsyncIterator(utf8Json, format, maxBytes, cancellationToken);
    }

    /// <summary>
    /// Reads candidate records from <paramref name="utf8Json"/> (for example an ASP.NET Core request's <c>BodyReader</c>)
    /// as <see cref="ReadAsync(Stream, BatchFormat, int, CancellationToken)"/> does from a stream.
    /// </summary>
    /// <param name="utf8Json">A pipe of UTF-8 JSON; read as the records are enumerated, and not completed.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> tells an array, JSON Lines and a single object apart.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>The records in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<CandidateProfile>> ReadAsync(PipeReader utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return JsonDocumentStream.FromPipe(utf8Json, (stream, token) => ReadAsyncIterator(stream, format, maxBytes, token), cancellationToken);
    }

    private static IEnumerable<RecordResult<CandidateProfile>> ReadIterator(Stream utf8Json, BatchFormat format, int maxBytes)
    {
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, maxBytes, Names.Plural, Names.Singular);
        foreach (RecordResult<CandidateProfile> record in documents.ReadRecords((element, number) => ReadObject(element, number, seen), RecordResult.Failure<CandidateProfile>))
        {
            yield return record;
        }
    }

    private static async IAsyncEnumerable<RecordResult<CandidateProfile>> ReadAsyncIterator(Stream utf8Json, BatchFormat format, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Applicant identifiers are checked for repeats within one reading, so each enumeration has its own set.
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        await foreach (RecordResult<CandidateProfile> record in JsonDocumentStream.ReadAllAsync(utf8Json, format, maxBytes, Names, (element, number) => ReadObject(element, number, seen), RecordResult.Failure<CandidateProfile>, null, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static RecordResult<CandidateProfile> ReadObject(JsonElement element, int number, Dictionary<string, int> seen)
    {
        const string Root = JsonPath.Root;
        JsonElementReader json = new();
        if (!json.IsObject(element, Root, "a candidate object"))
        {
            return RecordResult.Failure<CandidateProfile>(number, [.. json.Problems]);
        }

        json.RejectUnknown(element, Root, Properties);
        string? applicantId = json.String(element, Root, Properties[0], required: true);
        string? authority = json.String(element, Root, Properties[1], required: true);
        EligibilityOutcome? eligibility = json.Enum<EligibilityOutcome>(element, Root, Properties[2], required: true);
        decimal? score = json.Decimal(element, Root, Properties[3], required: true, decimal.MinValue, decimal.MaxValue, minExclusive: false);
        bool underRepresented = json.Bool(element, Root, Properties[4], required: false) ?? false;
        string?[] attributes = new string?[Properties.Length - 5];
        for (int i = 0; i < attributes.Length; i++)
        {
            attributes[i] = json.String(element, Root, Properties[5 + i], required: false);
        }

        if (applicantId is not null)
        {
            if (seen.TryGetValue(applicantId, out int first))
            {
                json.Add(JsonPath.Property(Root, Properties[0]), CohortProblemCodes.ApplicantDuplicate, FormattableString.Invariant($"The applicant id is already used by record {first}; applicant ids must be unique."));
            }
            else
            {
                seen.Add(applicantId, number);
            }
        }

        if (json.Problems.Count > 0 || applicantId is null || authority is null || eligibility is null || score is null)
        {
            return RecordResult.Failure<CandidateProfile>(number, [.. json.Problems]);
        }

        SelectionCandidate candidate = new(applicantId, authority, eligibility.Value, score.Value, underRepresented);
        return RecordResult.Success(number, new CandidateProfile(candidate, attributes[0], attributes[1], attributes[2], attributes[3], attributes[4]));
    }
}
