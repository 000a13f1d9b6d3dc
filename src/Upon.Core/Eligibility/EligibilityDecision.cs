namespace Upon.Core.Eligibility;

/// <summary>
/// A decision on one application under one policy version, with its full explanation: every rule,
/// passed or failed, with its reason code, figures and evidence.
/// </summary>
/// <remarks>
/// A decision holds no personal data beyond the application's identifier: roles are named by index.
/// Equality is by value over every member. Instances are immutable.
/// </remarks>
/// <param name="ApplicationId">The application decided.</param>
/// <param name="Outcome">Eligible, ineligible or incomplete.</param>
/// <param name="PolicyId">The identifier of the policy that made the decision.</param>
/// <param name="PolicyVersion">The version of that policy.</param>
/// <param name="AsOf">The date the decision was made as of (normally the application's assessment date).</param>
/// <param name="Explanation">The result of the policy's top rule, with every rule under it.</param>
/// <param name="EligibleFrom">
/// For an ineligible application that would become eligible with more experience alone (a qualifying
/// role still current, nothing else failing): the first date on which it would be eligible if the
/// current roles continue. Null otherwise.
/// </param>
public sealed record EligibilityDecision(
    string ApplicationId,
    EligibilityOutcome Outcome,
    string PolicyId,
    int PolicyVersion,
    LocalDate AsOf,
    CriterionResult Explanation,
    LocalDate? EligibleFrom)
{
    /// <summary>Gets a value indicating whether the outcome is <see cref="EligibilityOutcome.Eligible"/>.</summary>
    public bool IsEligible => Outcome == EligibilityOutcome.Eligible;

    /// <summary>Returns a one-line summary: application, outcome, policy and date.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{ApplicationId}: {Outcome} under {PolicyId} v{PolicyVersion} as of {DateText.Format(AsOf)}"
        + (EligibleFrom is LocalDate from ? $"; eligible from {DateText.Format(from)}" : string.Empty);

    /// <summary>Maps a top-rule outcome to a decision outcome.</summary>
    internal static EligibilityOutcome From(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Pass => EligibilityOutcome.Eligible,
        CriterionOutcome.Fail => EligibilityOutcome.Ineligible,
        _ => EligibilityOutcome.Incomplete,
    };

    /// <summary>Checks the invariants of a decision read from a document.</summary>
    internal static void CheckOutcome(EligibilityOutcome outcome)
    {
        Guard.Against.UndefinedEnum(outcome);
    }
}
