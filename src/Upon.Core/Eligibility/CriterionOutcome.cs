namespace Upon.Core.Eligibility;

/// <summary>The outcome of one rule.</summary>
public enum CriterionOutcome
{
    /// <summary>The rule is met.</summary>
    Pass = 1,

    /// <summary>The rule is not met.</summary>
    Fail,

    /// <summary>The rule cannot be decided from the information given.</summary>
    Undecided,
}
