namespace Upon.Core.Eligibility;

/// <summary>
/// A decision on one application under one policy version, with its full explanation: every rule,
/// passed or failed, with its reason code, figures and evidence.
/// </summary>
/// <remarks>
/// <para>
/// A decision holds no personal data beyond the application's identifier: roles are named by index.
/// Instances are immutable and thread-safe.
/// </para>
/// <para>
/// <see cref="Fingerprint"/> says what the decision was made from (provenance). A decision made by
/// <see cref="EligibilityPolicy.Decide(Application, LocalDate)"/> computes it on first use, from the application and the
/// policy it keeps (hashing is not part of deciding); one read by <see cref="DecisionDocument"/> has the fingerprint
/// stored with it, or none. Equality is by value over the positional members only: the fingerprint, and what it is
/// computed from, take no part, so a decision made again equals the one recorded whatever library version made each.
/// </para>
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
    /// <summary>The application decided, kept to compute <see cref="Fingerprint"/> on first use; null once a fingerprint is given.</summary>
    private Application? source;

    /// <summary>The policy that decided, kept with <see cref="source"/>.</summary>
    private EligibilityPolicy? sourcePolicy;

    /// <summary>The fingerprint, given or computed.</summary>
    private DecisionFingerprint? fingerprint;

    /// <summary>Initializes a decision made by <paramref name="policy"/>, whose fingerprint is computed on first use.</summary>
    internal EligibilityDecision(Application application, EligibilityPolicy policy, EligibilityOutcome outcome, LocalDate asOf, CriterionResult explanation, LocalDate? eligibleFrom)
        : this(application.Id, outcome, policy.Id, policy.Version, asOf, explanation, eligibleFrom)
    {
        source = application;
        sourcePolicy = policy;
    }

    /// <summary>
    /// Gets what the decision was made from: hashes of the application and the policy, the policy's identifier and
    /// version, and the library version (see <see cref="DecisionFingerprint"/>). Computed on first use, at most once
    /// observed, for a decision made by a policy; the stored one, or null, for a decision read from a document or
    /// constructed without one. Setting it (<c>with { Fingerprint = … }</c>) replaces the computed one.
    /// </summary>
    public DecisionFingerprint? Fingerprint
    {
        get
        {
            DecisionFingerprint? value = Volatile.Read(ref fingerprint);
            if (value is null && source is Application application && sourcePolicy is EligibilityPolicy policy)
            {
                value = DecisionFingerprint.Of(application, policy);
                value = Interlocked.CompareExchange(ref fingerprint, value, null) ?? value;
            }

            return value;
        }

        init
        {
            fingerprint = value;
            source = null;
            sourcePolicy = null;
        }
    }

    /// <summary>Gets a value indicating whether the outcome is <see cref="EligibilityOutcome.Eligible"/>.</summary>
    public bool IsEligible => Outcome == EligibilityOutcome.Eligible;

    /// <summary>Determines whether <paramref name="other"/> has equal positional members (the fingerprint takes no part).</summary>
    /// <param name="other">The other decision.</param>
    /// <returns>True when every positional member is equal.</returns>
    public bool Equals(EligibilityDecision? other) =>
        other is not null
        && ApplicationId == other.ApplicationId
        && Outcome == other.Outcome
        && PolicyId == other.PolicyId
        && PolicyVersion == other.PolicyVersion
        && AsOf == other.AsOf
        && EligibleFrom == other.EligibleFrom
        && Explanation.Equals(other.Explanation);

    /// <summary>Returns a hash code of the positional members.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(ApplicationId, Outcome, PolicyId, PolicyVersion, AsOf, EligibleFrom, Explanation);

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
