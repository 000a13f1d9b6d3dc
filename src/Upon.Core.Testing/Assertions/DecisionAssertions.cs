using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// Assertions on eligibility decisions for any test framework (xunit, NUnit, MSTest, or none): each returns the decision
/// when it holds and otherwise throws <see cref="DecisionAssertionException"/>, whose message says what was expected,
/// what the decision is, and its whole explanation, rule by rule, so that a failing test shows why.
/// </summary>
/// <example>
/// <code>
/// BuiltInPolicies.Year2.Decide(application).ShouldBeIneligibleBecause(ReasonCodes.ExperienceInsufficient);
/// </code>
/// </example>
public static class DecisionAssertions
{
    /// <summary>Asserts that <paramref name="decision"/> is eligible.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">It is not eligible.</exception>
    public static EligibilityDecision ShouldBeEligible(this EligibilityDecision decision) =>
        Expect(decision, EligibilityOutcome.Eligible, [], "eligible");

    /// <summary>Asserts that <paramref name="decision"/> is ineligible, and that each of <paramref name="reasons"/> is among the reasons that decided it.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="reasons">Reason codes (see <see cref="ReasonCodes"/>), such as <c>experience.insufficient</c>; none to check the outcome alone.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="reasons"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">It is not ineligible, or a reason did not decide it.</exception>
    public static EligibilityDecision ShouldBeIneligibleBecause(this EligibilityDecision decision, params string[] reasons) =>
        Expect(decision, EligibilityOutcome.Ineligible, reasons, "ineligible");

    /// <summary>Asserts that <paramref name="decision"/> is incomplete (it cannot be decided from what the application gives), and that each of <paramref name="reasons"/> is among the reasons that left it undecided.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="reasons">Reason codes, such as <c>readiness.missing</c>; none to check the outcome alone.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> or <paramref name="reasons"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">It is not incomplete, or a reason did not leave it undecided.</exception>
    public static EligibilityDecision ShouldBeIncompleteBecause(this EligibilityDecision decision, params string[] reasons) =>
        Expect(decision, EligibilityOutcome.Incomplete, reasons, "incomplete");

    /// <summary>Asserts that <paramref name="decision"/> is ineligible now and would be eligible from <paramref name="date"/> if the current roles continue.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="date">The eligible-from date expected.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">It is not ineligible, or its eligible-from date is another or none.</exception>
    public static EligibilityDecision ShouldBeEligibleFrom(this EligibilityDecision decision, LocalDate date)
    {
        Expect(decision, EligibilityOutcome.Ineligible, [], "ineligible");
        if (decision.EligibleFrom != date)
        {
            throw Failure(decision, $"eligible from {Iso(date)}", decision.EligibleFrom is LocalDate from ? $"eligible from {Iso(from)}" : "no eligible-from date");
        }

        return decision;
    }

    private static EligibilityDecision Expect(EligibilityDecision decision, EligibilityOutcome outcome, string[] reasons, string expected)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(reasons);
        string wanted = reasons.Length == 0 ? expected : $"{expected} because {string.Join(" and ", reasons)}";
        if (decision.Outcome != outcome)
        {
            throw Failure(decision, wanted, Outcome(decision.Outcome));
        }

        ImmutableArray<string> deciding = PolicyComparison.DecidingReasons(decision);
        string[] missing = [.. reasons.Where(r => !deciding.Contains(r, StringComparer.Ordinal))];
        if (missing.Length > 0)
        {
            throw Failure(decision, wanted, $"{expected} because {string.Join(" and ", deciding)}");
        }

        return decision;
    }

    private static DecisionAssertionException Failure(EligibilityDecision decision, string expected, string found) =>
        new($"Expected {decision.ApplicationId} to be {expected}, but it was {found} (under {decision.PolicyId} v{decision.PolicyVersion} as of {Iso(decision.AsOf)}).\nThe explanation:\n{decision.ToText()}");

    private static string Outcome(EligibilityOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}

/// <summary>An assertion of <see cref="DecisionAssertions"/> that does not hold: its message has the decision's whole explanation.</summary>
public sealed class DecisionAssertionException : Exception
{
    /// <summary>Initializes an exception with no message.</summary>
    public DecisionAssertionException()
    {
    }

    /// <summary>Initializes an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What was expected, what was found and the explanation.</param>
    public DecisionAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DecisionAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
