namespace Upon.Core.Eligibility;

/// <summary>
/// The decision a conformance case (<see cref="EligibilityCase"/>) expects: an outcome, an eligible-from date or none,
/// and the reasons that decided it.
/// </summary>
/// <remarks>
/// <para>
/// A decision meets the expectation when all three agree (<see cref="Compare"/>):
/// </para>
/// <list type="bullet">
/// <item>the outcome is <see cref="Outcome"/>;</item>
/// <item>the decision's <see cref="EligibilityDecision.EligibleFrom"/> is <see cref="EligibleFrom"/>: a null
/// expectation means the decision must have no eligible-from date, not that the date is not checked;</item>
/// <item>the decision's deciding reasons (<see cref="PolicyComparison.DecidingReasons"/>: none for an eligible
/// decision, otherwise the codes of the failing or undecided rules at the bottom of its explanation) are exactly
/// <see cref="Reasons"/>, <b>as a set</b>: every reason expected decided it, and nothing else did; the order is not
/// compared. A case pins what decided, so a reason that appears or disappears fails it, while a new version of a
/// policy that only lists its rules in another order does not. An eligible decision has no deciding reasons, so an
/// expectation of eligible lists none.</item>
/// </list>
/// <para>
/// Reason codes are those of <see cref="ReasonCodes"/>; a code the library never gives is not refused, but no decision
/// meets an expectation that lists it. Equality is by value, <see cref="Reasons"/> compared as a set. Instances are
/// immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class EligibilityExpectation : IEquatable<EligibilityExpectation>
{
    /// <summary>Initializes an expectation.</summary>
    /// <param name="outcome">The outcome expected.</param>
    /// <param name="eligibleFrom">The eligible-from date expected, or null when the decision must have none.</param>
    /// <param name="reasons">The deciding reasons expected, in any order, each once; null or empty for none (an eligible decision).</param>
    /// <exception cref="ArgumentException">A reason is null, empty or white space, or listed twice; or <paramref name="eligibleFrom"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined value, or <paramref name="eligibleFrom"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityExpectation(EligibilityOutcome outcome, LocalDate? eligibleFrom = null, IEnumerable<string>? reasons = null)
    {
        Guard.Against.UndefinedEnum(outcome);
        if (eligibleFrom is LocalDate from)
        {
            EligibilityDates.Check(from, nameof(eligibleFrom));
        }

        ImmutableArray<string> list = reasons is null ? [] : [.. reasons];
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (string? reason in list)
        {
            Guard.Against.Invalid(string.IsNullOrWhiteSpace(reason), "A reason is a reason code such as experience.insufficient, not null, empty or white space.", nameof(reasons));
            Guard.Against.Invalid(!seen.Add(reason), "A reason is listed twice; the reasons are compared as a set.", nameof(reasons));
        }

        Outcome = outcome;
        EligibleFrom = eligibleFrom;
        Reasons = list;
    }

    /// <summary>Gets the outcome expected.</summary>
    public EligibilityOutcome Outcome { get; }

    /// <summary>Gets the eligible-from date expected, or null when the decision must have none.</summary>
    public LocalDate? EligibleFrom { get; }

    /// <summary>Gets the deciding reasons expected, in the order given (compared as a set); empty for an eligible decision.</summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Makes the expectation that <paramref name="decision"/> meets: its outcome, eligible-from date and deciding reasons.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The expectation, its reasons in the order <see cref="PolicyComparison.DecidingReasons"/> gives them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static EligibilityExpectation Of(EligibilityDecision decision)
    {
        Guard.Against.Null(decision);
        return new EligibilityExpectation(decision.Outcome, decision.EligibleFrom, PolicyComparison.DecidingReasons(decision));
    }

    /// <summary>Compares <paramref name="decision"/> with the expectation.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>What differs (several flags at once); <see cref="DecisionChanges.None"/> when the decision meets the expectation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public DecisionChanges Compare(EligibilityDecision decision)
    {
        Guard.Against.Null(decision);
        DecisionChanges differences = DecisionChanges.None;
        if (decision.Outcome != Outcome)
        {
            differences |= DecisionChanges.Outcome;
        }

        if (decision.EligibleFrom != EligibleFrom)
        {
            differences |= DecisionChanges.EligibleFrom;
        }

        if (!SameReasons(PolicyComparison.DecidingReasons(decision), Reasons))
        {
            differences |= DecisionChanges.Reasons;
        }

        return differences;
    }

    /// <inheritdoc/>
    public bool Equals(EligibilityExpectation? other) =>
        other is not null && Outcome == other.Outcome && EligibleFrom == other.EligibleFrom && SameReasons(Reasons, other.Reasons);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EligibilityExpectation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, EligibleFrom, Reasons.Length);

    /// <summary>Returns the expectation as a phrase: <c>eligible</c>, <c>ineligible (eligible from 2022-06-02) because experience.insufficient</c>, <c>incomplete because readiness.missing</c>.</summary>
    /// <returns>The phrase.</returns>
    public override string ToString() =>
        Describe(Outcome, EligibleFrom) + (Reasons.IsEmpty ? string.Empty : " because " + string.Join(", ", Reasons));

    /// <summary>An outcome in lower case, with the eligible-from date when there is one.</summary>
    internal static string Describe(EligibilityOutcome outcome, LocalDate? eligibleFrom) =>
        OutcomeName(outcome) + (eligibleFrom is LocalDate from ? $" (eligible from {DateText.Format(from)})" : string.Empty);

    /// <summary>The outcome's name in lower case, as documents write it.</summary>
    internal static string OutcomeName(EligibilityOutcome outcome) => EnumNames<EligibilityOutcome>.Name(outcome);

    /// <summary>Whether two lists of distinct reasons hold the same codes, in any order.</summary>
    private static bool SameReasons(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.Length == b.Length && a.All(reason => b.Contains(reason, StringComparer.Ordinal));
}
