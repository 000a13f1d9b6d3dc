namespace Upon.Core.Eligibility;

/// <summary>How <see cref="EligibilityBoundaryCases.Generate"/> writes the cases it generates.</summary>
/// <remarks>Equality is by value. Instances are immutable and safe to share between threads.</remarks>
public sealed record BoundaryCaseOptions
{
    /// <summary>Gets the options used when none are given: the cases name their policy by identifier and version.</summary>
    public static BoundaryCaseOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether each case holds the policy whole (<see cref="EligibilityCase.InlinePolicy"/>), so
    /// that it runs without a registry that has the policy; false (the default) names the policy by identifier and
    /// version, for a case file kept beside a registry or the built-in policies.
    /// </summary>
    public bool InlinePolicy { get; init; }
}
