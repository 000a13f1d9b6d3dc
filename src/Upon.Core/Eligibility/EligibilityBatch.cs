using System.IO.Pipelines;

namespace Upon.Core.Eligibility;

/// <summary>
/// Evaluates a batch of application documents, streaming: one document is in memory at a time, and
/// results come in input order. A document that cannot be read or has no governing policy gives an
/// error result and the batch goes on, so documents in = decisions + errors.
/// </summary>
/// <remarks>
/// <para>
/// Each application is decided by <see cref="Policy"/> when one is set, otherwise by the policy of
/// <see cref="Registry"/> that governs its programme year on the decision date. The decision date is
/// <see cref="AsOf"/> when set, otherwise the application's assessment date.
/// </para>
/// <para>
/// In JSON Lines, a line that cannot be read is an error for that line only. In an array, an element
/// that is well-formed JSON but not a valid application is an error for that element only; a syntax
/// error breaks the array's structure, so it ends the batch with one error result.
/// </para>
/// <para>Instances are immutable and may evaluate several batches at once.</para>
/// </remarks>
public sealed class EligibilityBatch
{
    private static readonly (string Plural, string Singular, string? ConfidentialObject) Names = ("applications", "an application", ApplicationDocument.MonitoringProperty);

    /// <summary>Initializes a batch evaluator.</summary>
    /// <param name="registry">The policies to choose from.</param>
    /// <param name="policy">A policy to decide every application with, whatever its year and date; null to choose from the registry.</param>
    /// <param name="asOf">A date to decide every application as of; null for each application's assessment date.</param>
    /// <param name="maxBytes">The largest record accepted (one application: an element of an array, a line of JSON Lines, or the whole document), in bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive, or <paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityBatch(PolicyRegistry registry, EligibilityPolicy? policy = null, LocalDate? asOf = null, int maxBytes = ApplicationDocument.DefaultMaxBytes)
    {
        Guard.Against.Null(registry);
        Guard.Against.NotPositive(maxBytes);
        if (asOf is LocalDate date)
        {
            EligibilityDates.Check(date, nameof(asOf));
        }

        Registry = registry;
        Policy = policy;
        AsOf = asOf;
        MaxBytes = maxBytes;
    }

    /// <summary>Gets the registry policies are chosen from.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>Gets the policy every application is decided with, or null to choose from the registry.</summary>
    public EligibilityPolicy? Policy { get; }

    /// <summary>Gets the date every application is decided as of, or null for each one's assessment date.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>
    /// Gets whether applications are read for their decisions straight from their bytes (the default), or every one is
    /// parsed and read by <see cref="ApplicationDocument"/>: the results are the same; off, for tests that compare them.
    /// </summary>
    internal bool ReadsBytes { get; init; } = true;

    /// <summary>Gets the largest record accepted, in bytes: <see cref="ApplicationDocument.DefaultMaxBytes"/> unless another limit was given.</summary>
    public int MaxBytes { get; }

    /// <summary>Evaluates the applications in <paramref name="utf8Json"/>, lazily: each result is produced as the enumeration reaches it.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the results are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public IEnumerable<RecordResult<EligibilityDecision>> Evaluate(Stream utf8Json, BatchFormat format = BatchFormat.Auto)
    {
        Guard.Against.Null(utf8Json);
        return EvaluateIterator(utf8Json, format);
    }

    /// <summary>
    /// Evaluates the applications in <paramref name="utf8Json"/> as <see cref="Evaluate"/> does, reading the stream
    /// asynchronously (for streams that must not be read synchronously, such as an ASP.NET Core request body): the same
    /// results, in the same order, for the same bytes, however the stream splits them.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the results are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="cancellationToken">
    /// Stops the evaluation: it is checked before each read of the stream and before each result, and the enumeration
    /// then throws <see cref="OperationCanceledException"/>; every result already given stands.
    /// </param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public IAsyncEnumerable<RecordResult<EligibilityDecision>> EvaluateAsync(Stream utf8Json, BatchFormat format = BatchFormat.Auto, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        return JsonDocumentStream.ReadAllAsync(utf8Json, format, MaxBytes, Names, EvaluateRecord, RecordResult.Failure<EligibilityDecision>, FromBytes(), cancellationToken);
    }

    /// <summary>
    /// Evaluates the applications read from <paramref name="utf8Json"/> (for example an ASP.NET Core request's
    /// <c>BodyReader</c>) as <see cref="EvaluateAsync(Stream, BatchFormat, CancellationToken)"/> does from a stream.
    /// </summary>
    /// <param name="utf8Json">A pipe of UTF-8 JSON; read as the results are enumerated, and not completed.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="cancellationToken">Stops the evaluation, as for a stream.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public IAsyncEnumerable<RecordResult<EligibilityDecision>> EvaluateAsync(PipeReader utf8Json, BatchFormat format = BatchFormat.Auto, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        return JsonDocumentStream.FromPipe(utf8Json, (stream, token) => EvaluateAsync(stream, format, token), cancellationToken);
    }

    /// <summary>
    /// Compares two policies on the applications in <paramref name="utf8Json"/> (see <see cref="PolicyComparison"/>):
    /// each application is read as <see cref="Evaluate"/> reads it and decided under both, as of <see cref="AsOf"/> or
    /// else its assessment date (the batch's <see cref="Policy"/> and registry are not used). Every record is counted:
    /// one that cannot be read is in <see cref="BatchComparison.Errors"/> with its problems, never lost.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read to its end, and left open.</param>
    /// <param name="from">The policy compared from.</param>
    /// <param name="to">The policy compared to.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <returns>The comparison, and the records that could not be read.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BatchComparison Compare(Stream utf8Json, EligibilityPolicy from, EligibilityPolicy to, BatchFormat format = BatchFormat.Auto)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(from);
        Guard.Against.Null(to);
        PolicyComparison.Builder comparison = new(from, to);
        ImmutableArray<RecordResult<PolicyComparisonRow>>.Builder errors = ImmutableArray.CreateBuilder<RecordResult<PolicyComparisonRow>>();
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, MaxBytes, Names.Plural, Names.Singular, Names.ConfidentialObject);
        ApplicationBytes bytes = new();
        RecordResult<PolicyComparisonRow> Row(Application application, int number) =>
            RecordResult.Success(number, PolicyComparison.Row(application, from, to, AsOf));

        RecordResult<PolicyComparisonRow> Read(JsonElement element, int number)
        {
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(element, JsonPath.Root, keepMonitoring: false);
            return read.IsValid ? Row(read.Value.Application, number) : RecordResult.Failure<PolicyComparisonRow>(number, read.Problems);
        }

        bool FromBytes(ReadOnlySpan<byte> utf8, int number, out RecordResult<PolicyComparisonRow> record)
        {
            bool taken = bytes.TryRead(utf8, out Application? application);
            record = taken ? Row(application!, number) : null!;
            return taken;
        }

        foreach (RecordResult<PolicyComparisonRow> record in documents.ReadRecords(Read, RecordResult.Failure<PolicyComparisonRow>, ReadsBytes ? FromBytes : null))
        {
            if (record.Value is PolicyComparisonRow row)
            {
                comparison.Add(row);
            }
            else
            {
                errors.Add(record);
            }
        }

        return new BatchComparison(comparison.Build(), errors.ToImmutable());
    }

    /// <summary>Decides one application: with <see cref="Policy"/>, or the registry's governing policy.</summary>
    /// <param name="application">The application.</param>
    /// <param name="recordNumber">
    /// Its 1-based record number: the line of JSON Lines, or the element of an array (see <see cref="RecordResult{T}.RecordNumber"/>).
    /// </param>
    /// <returns>The decision, or a <see cref="EligibilityProblemCodes.PolicyNotFound"/> error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public RecordResult<EligibilityDecision> Decide(Application application, int recordNumber)
    {
        Guard.Against.Null(application);
        Guard.Against.LessThan(recordNumber, 0);
        LocalDate asOf = AsOf ?? application.AssessedOn;
        EligibilityPolicy? policy = Policy ?? Registry.Find(application.ProgrammeYear, asOf);
        if (policy is null)
        {
            return RecordResult.Failure<EligibilityDecision>(recordNumber, new DocumentProblem(
                JsonPath.Property(JsonPath.Root, "programmeYear"),
                EligibilityProblemCodes.PolicyNotFound,
                $"No policy governs programme year {application.ProgrammeYear} on {DateText.Format(asOf)}."));
        }

        return RecordResult.Success(recordNumber, policy.Decide(application, asOf));
    }

    private IEnumerable<RecordResult<EligibilityDecision>> EvaluateIterator(Stream utf8Json, BatchFormat format)
    {
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, MaxBytes, Names.Plural, Names.Singular, Names.ConfidentialObject);
        foreach (RecordResult<EligibilityDecision> record in documents.ReadRecords(EvaluateRecord, RecordResult.Failure<EligibilityDecision>, FromBytes()))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Decides the applications <see cref="ApplicationBytes"/> reads straight from their bytes (almost all of a batch);
    /// it declines any other, which is parsed and read by <see cref="EvaluateRecord"/>. Null when <see cref="ReadsBytes"/>
    /// is off.
    /// </summary>
    private TryReadBytes<RecordResult<EligibilityDecision>>? FromBytes()
    {
        if (!ReadsBytes)
        {
            return null;
        }

        ApplicationBytes reader = new();
        return (ReadOnlySpan<byte> utf8Json, int number, out RecordResult<EligibilityDecision> record) =>
        {
            if (reader.TryRead(utf8Json, out Application? application))
            {
                record = Decide(application, number);
                return true;
            }

            record = null!;
            return false;
        };
    }

    private RecordResult<EligibilityDecision> EvaluateRecord(JsonElement element, int number)
    {
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(element, JsonPath.Root, keepMonitoring: false);
        return read.IsValid ? Decide(read.Value.Application, number) : RecordResult.Failure<EligibilityDecision>(number, read.Problems);
    }
}
