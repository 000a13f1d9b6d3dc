namespace Upon.Core.Eligibility;

/// <summary>
/// The stable reason codes of eligibility explanations. A code never changes meaning once published;
/// applications may switch on them (for example to choose their own wording for applicants).
/// </summary>
public static class ReasonCodes
{
    /// <summary>Every rule of an <c>all</c> passed.</summary>
    public const string AllPassed = "all.passed";

    /// <summary>At least one rule of an <c>all</c> failed.</summary>
    public const string AllFailed = "all.failed";

    /// <summary>No rule of an <c>all</c> failed, but at least one could not be decided.</summary>
    public const string AllUndecided = "all.undecided";

    /// <summary>At least one route of an <c>any</c> passed.</summary>
    public const string AnyPassed = "any.passed";

    /// <summary>Every route of an <c>any</c> failed.</summary>
    public const string AnyFailed = "any.failed";

    /// <summary>No route of an <c>any</c> passed, but at least one could not be decided.</summary>
    public const string AnyUndecided = "any.undecided";

    /// <summary>The rule under a <c>not</c> failed, so the <c>not</c> passed.</summary>
    public const string NotPassed = "not.passed";

    /// <summary>The rule under a <c>not</c> passed, so the <c>not</c> failed.</summary>
    public const string NotFailed = "not.failed";

    /// <summary>The rule under a <c>not</c> could not be decided.</summary>
    public const string NotUndecided = "not.undecided";

    /// <summary>Qualifying experience reaches the minimum.</summary>
    public const string ExperienceSufficient = "experience.sufficient";

    /// <summary>Qualifying experience falls short of the minimum.</summary>
    public const string ExperienceInsufficient = "experience.insufficient";

    /// <summary>The readiness date lies within the window.</summary>
    public const string ReadinessWithinWindow = "readiness.within-window";

    /// <summary>The readiness date lies beyond the window.</summary>
    public const string ReadinessBeyondWindow = "readiness.beyond-window";

    /// <summary>No readiness date was given: the criterion cannot be decided.</summary>
    public const string ReadinessMissing = "readiness.missing";

    /// <summary>The statement is present and within the length limits.</summary>
    public const string StatementPresent = "statement.present";

    /// <summary>No statement was given (or only white space): the criterion cannot be decided.</summary>
    public const string StatementMissing = "statement.missing";

    /// <summary>The statement has fewer words than the minimum.</summary>
    public const string StatementTooShort = "statement.too-short";

    /// <summary>The statement has more words than the maximum.</summary>
    public const string StatementTooLong = "statement.too-long";

    /// <summary>The assessors judged the criterion met.</summary>
    public const string AssessorMet = "assessor.met";

    /// <summary>The assessors judged the criterion not met.</summary>
    public const string AssessorNotMet = "assessor.not-met";

    /// <summary>The assessors have not judged the criterion, and the policy does not require them to have: the rule passes.</summary>
    public const string AssessorNotYetAssessed = "assessor.not-yet-assessed";

    /// <summary>The assessors have not judged the criterion, and the policy requires a judgement: the rule cannot be decided.</summary>
    public const string AssessorPending = "assessor.pending";

    /// <summary>The role counted towards experience.</summary>
    public const string RoleCounted = "role.counted";

    /// <summary>The role's level is not one the rule counts.</summary>
    public const string RoleLevelNotQualifying = "role.level-not-qualifying";

    /// <summary>The role's organisation type and sector are not a combination the rule counts.</summary>
    public const string RoleSectorNotQualifying = "role.sector-not-qualifying";

    /// <summary>The role was held on an acting basis, which the rule does not count.</summary>
    public const string RoleActingNotCounted = "role.acting-not-counted";

    /// <summary>The role starts on or after the as-of date, so none of it has been served yet.</summary>
    public const string RoleNotStarted = "role.not-started";
}
