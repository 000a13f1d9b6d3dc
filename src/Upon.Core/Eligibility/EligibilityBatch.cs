using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using Upon.Core.Guards;
using Upon.Core.Serialization;

namespace Upon.Core.Eligibility;

/// <summary>The layout of a batch of application documents.</summary>
public enum BatchFormat
{
    /// <summary>
    /// An array when the first significant character is <c>[</c>; JSON Lines when the first line holds a whole
    /// document; otherwise one document over several lines (such as an indented application).
    /// </summary>
    Auto = 0,

    /// <summary>One JSON array of application objects.</summary>
    JsonArray,

    /// <summary>JSON Lines: one application object a line; blank lines are skipped.</summary>
    JsonLines,
}

/// <summary>
/// The result for one document of a batch: a decision, or the problems that stopped it from being
/// decided. Exactly one of <see cref="Decision"/> and <see cref="Problems"/> is set.
/// </summary>
/// <remarks>Equality is by value, with <see cref="Problems"/> compared by reference.</remarks>
/// <param name="Index">The zero-based position of the document in the batch (blank lines of JSON Lines not counted).</param>
/// <param name="Line">For JSON Lines, the 1-based line number of the document; null for an array.</param>
/// <param name="Decision">The decision, when the document was decided.</param>
/// <param name="Problems">The problems, when it was not; paths are relative to the document (<c>$</c> is the document itself).</param>
public sealed record BatchItem(int Index, int? Line, EligibilityDecision? Decision, ImmutableArray<DocumentProblem> Problems)
{
    /// <summary>Gets a value indicating whether the document was decided.</summary>
    [MemberNotNullWhen(true, nameof(Decision))]
    public bool IsDecision => Decision is not null;
}

/// <summary>Counts of a batch's results: documents in always equals decisions plus errors.</summary>
/// <param name="Documents">The documents read.</param>
/// <param name="Decisions">The documents decided.</param>
/// <param name="Errors">The documents that could not be decided.</param>
/// <param name="Eligible">The eligible decisions.</param>
/// <param name="Ineligible">The ineligible decisions.</param>
/// <param name="Incomplete">The incomplete decisions.</param>
public readonly record struct BatchSummary(int Documents, int Decisions, int Errors, int Eligible, int Ineligible, int Incomplete)
{
    /// <summary>Returns the summary with <paramref name="item"/> counted.</summary>
    /// <param name="item">A batch result.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public BatchSummary Add(BatchItem item)
    {
        Guard.Against.Null(item);
        EligibilityOutcome? outcome = item.Decision?.Outcome;
        return new BatchSummary(
            Documents + 1,
            Decisions + (item.IsDecision ? 1 : 0),
            Errors + (item.IsDecision ? 0 : 1),
            Eligible + (outcome == EligibilityOutcome.Eligible ? 1 : 0),
            Ineligible + (outcome == EligibilityOutcome.Ineligible ? 1 : 0),
            Incomplete + (outcome == EligibilityOutcome.Incomplete ? 1 : 0));
    }

    /// <summary>Returns "N documents: N decisions (N eligible, N ineligible, N incomplete), N errors", with singulars where the count is one.</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() =>
        $"{Count(Documents, "document")}: {Count(Decisions, "decision")} ({Eligible} eligible, {Ineligible} ineligible, {Incomplete} incomplete), {Count(Errors, "error")}";

    private static string Count(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}

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
    /// <summary>Initializes a batch evaluator.</summary>
    /// <param name="registry">The policies to choose from.</param>
    /// <param name="policy">A policy to decide every application with, whatever its year and date; null to choose from the registry.</param>
    /// <param name="asOf">A date to decide every application as of; null for each application's assessment date.</param>
    /// <param name="maxDocumentBytes">The largest document accepted, in bytes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDocumentBytes"/> is not positive, or <paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityBatch(PolicyRegistry registry, EligibilityPolicy? policy = null, LocalDate? asOf = null, int maxDocumentBytes = ApplicationDocument.DefaultMaxBytes)
    {
        Guard.Against.Null(registry);
        Guard.Against.NotPositive(maxDocumentBytes);
        if (asOf is LocalDate date)
        {
            EligibilityDates.Check(date, nameof(asOf));
        }

        Registry = registry;
        Policy = policy;
        AsOf = asOf;
        MaxDocumentBytes = maxDocumentBytes;
    }

    /// <summary>Gets the registry policies are chosen from.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>Gets the policy every application is decided with, or null to choose from the registry.</summary>
    public EligibilityPolicy? Policy { get; }

    /// <summary>Gets the date every application is decided as of, or null for each one's assessment date.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets the largest document accepted, in bytes.</summary>
    public int MaxDocumentBytes { get; }

    /// <summary>Evaluates the applications in <paramref name="utf8Json"/>, lazily: each result is produced as the enumeration reaches it.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the results are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <returns>The results, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public IEnumerable<BatchItem> Evaluate(Stream utf8Json, BatchFormat format = BatchFormat.Auto)
    {
        Guard.Against.Null(utf8Json);
        return EvaluateIterator(utf8Json, format);
    }

    /// <summary>Decides one application: with <see cref="Policy"/>, or the registry's governing policy.</summary>
    /// <param name="application">The application.</param>
    /// <param name="index">Its position in the batch.</param>
    /// <param name="line">Its line number, for JSON Lines.</param>
    /// <returns>The decision, or a <see cref="EligibilityProblemCodes.PolicyNotFound"/> error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public BatchItem Decide(Application application, int index, int? line = null)
    {
        Guard.Against.Null(application);
        LocalDate asOf = AsOf ?? application.AssessedOn;
        EligibilityPolicy? policy = Policy ?? Registry.Find(application.ProgrammeYear, asOf);
        if (policy is null)
        {
            return new BatchItem(index, line, null, [new DocumentProblem(
                JsonPath.Property(JsonPath.Root, "programmeYear"),
                EligibilityProblemCodes.PolicyNotFound,
                $"No policy governs programme year {application.ProgrammeYear} on {DateText.Format(asOf)}.")]);
        }

        return new BatchItem(index, line, policy.Decide(application, asOf), []);
    }

    private IEnumerable<BatchItem> EvaluateIterator(Stream utf8Json, BatchFormat format)
    {
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, MaxDocumentBytes, "applications", "an application", ApplicationDocument.MonitoringProperty);
        int index = 0;
        while (documents.TryReadNext(out JsonDocument? document, out DocumentProblem? problem))
        {
            int? line = documents.IsJsonLines ? documents.Line : null;
            if (document is null)
            {
                yield return new BatchItem(index++, line, null, [problem!.Value]);
                continue;
            }

            DocumentResult<ApplicationSubmission> read;
            using (document)
            {
                read = ApplicationDocument.Read(document.RootElement, JsonPath.Root);
            }

            yield return read.IsValid ? Decide(read.Value.Application, index++, line) : new BatchItem(index++, line, null, read.Problems);
        }
    }
}
