namespace Upon.Core.Eligibility;

/// <summary>The outcome of an eligibility decision.</summary>
public enum EligibilityOutcome
{
    /// <summary>The application meets the policy.</summary>
    Eligible = 1,

    /// <summary>The application does not meet the policy.</summary>
    Ineligible,

    /// <summary>The policy cannot be decided: information is missing (for example no readiness date).</summary>
    Incomplete,
}
