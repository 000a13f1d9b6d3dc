using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Eligibility;

/// <summary>
/// The result of running one conformance case: passed; failed, with what differs and the decision with its full
/// explanation; or not run, with the problem that kept it from being decided.
/// </summary>
/// <remarks>
/// A case that was not run counts as a failure (<see cref="Passed"/> is false): a case whose policy is missing pins
/// nothing. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class EligibilityCaseResult
{
    internal EligibilityCaseResult(EligibilityCase @case, EligibilityDecision? decision, DecisionChanges differences, DocumentProblem? problem)
    {
        Case = @case;
        Decision = decision;
        Differences = differences;
        Problem = problem;
    }

    /// <summary>Gets the case run.</summary>
    public EligibilityCase Case { get; }

    /// <summary>Gets the decision the case's policy made, with its explanation; null when the case was not run.</summary>
    public EligibilityDecision? Decision { get; }

    /// <summary>Gets what differs between the decision and the expectation; <see cref="DecisionChanges.None"/> when the case passed or was not run.</summary>
    public DecisionChanges Differences { get; }

    /// <summary>
    /// Gets why the case was not run, or null when it was: at <c>$.policy</c> (the case's policy), with the code
    /// <see cref="EligibilityProblemCodes.CasePolicyNotFound"/>. The message holds no value of the case.
    /// </summary>
    public DocumentProblem? Problem { get; }

    /// <summary>Gets whether the case passed, failed or was not run.</summary>
    public EligibilityCaseStatus Status =>
        Decision is null ? EligibilityCaseStatus.NotRun
        : Differences == DecisionChanges.None ? EligibilityCaseStatus.Passed
        : EligibilityCaseStatus.Failed;

    /// <summary>Gets whether the case passed: it was run and its decision met the expectation.</summary>
    [MemberNotNullWhen(true, nameof(Decision))]
    public bool Passed => Decision is not null && Differences == DecisionChanges.None;

    /// <summary>Gets the decision's deciding reasons (<see cref="PolicyComparison.DecidingReasons"/>); empty when the case was not run.</summary>
    public ImmutableArray<string> Reasons => Decision is null ? [] : PolicyComparison.DecidingReasons(Decision);

    /// <summary>
    /// Says what differs, each difference as <c>what expected X, was Y</c>, separated by <c>"; "</c>:
    /// <c>outcome expected eligible, was ineligible; reasons expected none, were experience.insufficient</c>. Empty when
    /// the case passed or was not run.
    /// </summary>
    /// <returns>The differences, for people.</returns>
    public string DescribeDifferences()
    {
        if (Decision is not EligibilityDecision decision)
        {
            return string.Empty;
        }

        List<string> parts = [];
        EligibilityExpectation expected = Case.Expected;
        if (Differences.HasFlag(DecisionChanges.Outcome))
        {
            parts.Add($"outcome expected {EligibilityExpectation.OutcomeName(expected.Outcome)}, was {EligibilityExpectation.OutcomeName(decision.Outcome)}");
        }

        if (Differences.HasFlag(DecisionChanges.EligibleFrom))
        {
            parts.Add($"eligible from expected {Date(expected.EligibleFrom)}, was {Date(decision.EligibleFrom)}");
        }

        if (Differences.HasFlag(DecisionChanges.Reasons))
        {
            parts.Add($"reasons expected {List(expected.Reasons)}, were {List(Reasons)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// Describes the result in lines, without line ends: <see cref="ToString"/>; then, for a failed case, its decision's
    /// whole explanation (<see cref="EligibilityExplanation.ToLines(EligibilityDecision)"/>), each line indented two spaces.
    /// </summary>
    /// <returns>The lines.</returns>
    public ImmutableArray<string> ToLines() =>
        Status == EligibilityCaseStatus.Failed
            ? [ToString(), .. Decision!.ToLines().Select(line => "  " + line)]
            : [ToString()];

    /// <summary>
    /// Returns <c>name: passed</c>, <c>name: failed: </c> and what differs (<see cref="DescribeDifferences"/>), or
    /// <c>name: not run: </c> and the problem's message and code.
    /// </summary>
    /// <returns>One line.</returns>
    public override string ToString() => Status switch
    {
        EligibilityCaseStatus.Passed => $"{Case.Name}: passed",
        EligibilityCaseStatus.Failed => $"{Case.Name}: failed: {DescribeDifferences()}",
        _ => $"{Case.Name}: not run: {Problem!.Value.Message} ({Problem.Value.Code})",
    };

    private static string Date(LocalDate? date) => date is LocalDate value ? DateText.Format(value) : "none";

    private static string List(ImmutableArray<string> reasons) => reasons.IsEmpty ? "none" : string.Join(", ", reasons);
}
