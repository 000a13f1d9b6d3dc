namespace Upon.Core.Eligibility;

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
    public BatchSummary Add(RecordResult<EligibilityDecision> item)
    {
        Guard.Against.Null(item);
        EligibilityOutcome? outcome = item.Value?.Outcome;
        return new BatchSummary(
            Documents + 1,
            Decisions + (item.IsValid ? 1 : 0),
            Errors + (item.IsValid ? 0 : 1),
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
