namespace Upon.Core.Eligibility;

/// <summary>
/// Conformance cases run against a registry: the result of each case, in order, and the records of a case file that
/// could not be read. Every record is counted: <see cref="Records"/> = cases run + records not read.
/// </summary>
/// <remarks>
/// <para>
/// Each case is decided by its own policy (<see cref="EligibilityCase.Run"/>): one named in the registry, or one given
/// whole. A case whose policy the registry does not have is not run and counts as failed, with the code
/// <see cref="EligibilityProblemCodes.CasePolicyNotFound"/>; nothing throws for a case.
/// </para>
/// <para>Instances are immutable and safe to share between threads; making one is pure.</para>
/// </remarks>
public sealed class EligibilityCaseRun
{
    private EligibilityCaseRun(ImmutableArray<EligibilityCaseResult> results, ImmutableArray<RecordResult<EligibilityCase>> errors)
    {
        Results = results;
        Errors = errors;
    }

    /// <summary>Gets the result of every case run, in the order given.</summary>
    public ImmutableArray<EligibilityCaseResult> Results { get; }

    /// <summary>Gets the records of the case file that could not be read, each with its number and problems, in order; empty for cases given in code.</summary>
    public ImmutableArray<RecordResult<EligibilityCase>> Errors { get; }

    /// <summary>Gets the number of records: the cases run and the records not read.</summary>
    public int Records => Results.Length + Errors.Length;

    /// <summary>Gets the number of cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Gets the number of cases that failed or were not run.</summary>
    public int Failed => Results.Length - Passed;

    /// <summary>Gets whether every case passed and every record was read. True for no cases at all and no record.</summary>
    public bool AllPassed => Failed == 0 && Errors.IsEmpty;

    /// <summary>Gets the results of the cases that failed or were not run, in order.</summary>
    public ImmutableArray<EligibilityCaseResult> Failures => [.. Results.Where(r => !r.Passed)];

    /// <summary>Runs <paramref name="cases"/> against <paramref name="registry"/>.</summary>
    /// <param name="cases">The cases; enumerated once.</param>
    /// <param name="registry">The registry to find the named policies in.</param>
    /// <returns>The run, with no errors.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or a case is.</exception>
    public static EligibilityCaseRun Of(IEnumerable<EligibilityCase> cases, PolicyRegistry registry)
    {
        Guard.Against.Null(cases);
        Guard.Against.Null(registry);
        ImmutableArray<EligibilityCaseResult>.Builder results = ImmutableArray.CreateBuilder<EligibilityCaseResult>();
        foreach (EligibilityCase value in cases)
        {
            Guard.Against.Null(value, nameof(cases));
            results.Add(value.Run(registry));
        }

        return new EligibilityCaseRun(results.ToImmutable(), []);
    }

    /// <summary>
    /// Reads a case file (<see cref="EligibilityCaseDocument.Read(Stream, int)"/>) and runs every case read against
    /// <paramref name="registry"/>; a record that could not be read is in <see cref="Errors"/>, never lost.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="registry">The registry to find the named policies in.</param>
    /// <param name="maxBytes">The largest file accepted, in bytes.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="registry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static EligibilityCaseRun Read(Stream utf8Json, PolicyRegistry registry, int maxBytes = EligibilityCaseDocument.DefaultMaxBytes)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(registry);
        Guard.Against.NotPositive(maxBytes);
        ImmutableArray<RecordResult<EligibilityCase>> records = EligibilityCaseDocument.Read(utf8Json, maxBytes);
        return new EligibilityCaseRun(
            [.. records.Where(r => r.IsValid).Select(r => r.Value!.Run(registry))],
            [.. records.Where(r => !r.IsValid)]);
    }

    /// <summary>
    /// Returns the summary line: <c>4 records: 3 cases (2 passed, 1 failed), 1 error</c>, with singulars where a count is
    /// one. A case not run counts as failed.
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Count(Records, "record")}: {Count(Results.Length, "case")} ({Passed} passed, {Failed} failed), {Count(Errors.Length, "error")}";

    /// <summary>
    /// Describes every failure in lines, without line ends: each case that failed or was not run
    /// (<see cref="EligibilityCaseResult.ToLines"/>, so a failed case with its whole explanation), each followed by an
    /// empty line; then each record not read, one line a problem, <c>record N: path: message (code)</c>. Empty when
    /// <see cref="AllPassed"/>.
    /// </summary>
    /// <returns>The lines.</returns>
    public ImmutableArray<string> DescribeFailures()
    {
        ImmutableArray<string>.Builder lines = ImmutableArray.CreateBuilder<string>();
        foreach (EligibilityCaseResult failure in Failures)
        {
            lines.AddRange(failure.ToLines());
            lines.Add(string.Empty);
        }

        foreach (RecordResult<EligibilityCase> error in Errors)
        {
            foreach (DocumentProblem problem in error.Problems)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"record {error.RecordNumber}: {problem}"));
            }
        }

        return lines.ToImmutable();
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
