namespace Upon.Core.Eligibility;

/// <summary>What running a conformance case (<see cref="EligibilityCase.Run"/>) gave.</summary>
public enum EligibilityCaseStatus
{
    /// <summary>The decision met the expectation: the same outcome, eligible-from date and deciding reasons.</summary>
    Passed = 1,

    /// <summary>The decision differs from the expectation in its outcome, its eligible-from date or its deciding reasons.</summary>
    Failed,

    /// <summary>The case could not be decided: the registry has no policy with its identifier and version.</summary>
    NotRun,
}
