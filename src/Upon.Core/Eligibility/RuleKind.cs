namespace Upon.Core.Eligibility;

/// <summary>The kinds of <see cref="EligibilityRule"/>.</summary>
public enum RuleKind
{
    /// <summary>Passes when every rule under it passes.</summary>
    All = 1,

    /// <summary>Passes when at least one rule (route) under it passes.</summary>
    Any,

    /// <summary>Passes when the rule under it fails.</summary>
    Not,

    /// <summary>Effective experience in qualifying roles reaches a minimum.</summary>
    Experience,

    /// <summary>The applicant will be ready to become a DCS within a window.</summary>
    Readiness,

    /// <summary>A written statement is present and within length limits.</summary>
    Statement,

    /// <summary>The assessors' judgement of a criterion.</summary>
    AssessorOutcome,
}
