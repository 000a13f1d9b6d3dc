namespace Upon.Core.Eligibility;

/// <summary>
/// The stable codes of problems specific to eligibility documents and policy registries, alongside the
/// general codes of <see cref="Serialization.DocumentProblemCodes"/>.
/// </summary>
public static class EligibilityProblemCodes
{
    /// <summary>Two policies have the same identifier and version.</summary>
    public const string PolicyDuplicate = "policy.duplicate";

    /// <summary>Two policies for one programme year are in force on the same date.</summary>
    public const string PolicyOverlap = "policy.overlap";

    /// <summary>For one programme year, there is a date between two policies on which none is in force.</summary>
    public const string PolicyGap = "policy.gap";

    /// <summary>Later versions of a policy must take effect later.</summary>
    public const string PolicyVersionOrder = "policy.version-order";

    /// <summary>A policy identifier is used for more than one programme year.</summary>
    public const string PolicyIdYearMismatch = "policy.id-year-mismatch";

    /// <summary>No policy governs the application's programme year on its assessment date.</summary>
    public const string PolicyNotFound = "policy.not-found";

    /// <summary>A programme year is not written yyyy/yy with consecutive years.</summary>
    public const string ProgrammeYearInvalid = "programme-year.invalid";

    /// <summary>Two rules of a policy share a code.</summary>
    public const string RuleCodeDuplicate = "rule.duplicate-code";

    /// <summary>A rule's <c>kind</c> names no kind of rule (see <see cref="RuleKind"/>); the rule is not read as any other kind.</summary>
    public const string RuleKindUnknown = "rule.unknown-kind";

    /// <summary>
    /// The registry a conformance case is run against has no policy with the case's identifier and version (or, when
    /// the case gives no version, no policy with its identifier): the case is not run, and counts as failed.
    /// </summary>
    public const string CasePolicyNotFound = "case.policy-not-found";

    /// <summary>Two cases of one case file share a name; names identify cases in reports.</summary>
    public const string CaseNameDuplicate = "case.name-duplicate";

    /// <summary>A case lists one deciding reason twice; the reasons are compared as a set.</summary>
    public const string CaseReasonDuplicate = "case.reason-duplicate";

    /// <summary>A hash of a decision's fingerprint is not 64 lowercase hexadecimal characters.</summary>
    public const string FingerprintHashInvalid = "fingerprint.hash-invalid";

    /// <summary>A fingerprint's policy identifier or version is not the decision's.</summary>
    public const string FingerprintPolicyMismatch = "fingerprint.policy-mismatch";

    /// <summary>A fingerprint's value is not the hash of its parts (see <see cref="DecisionFingerprint.Value"/>).</summary>
    public const string FingerprintValueMismatch = "fingerprint.value-mismatch";
}
