namespace Upon.Core.Eligibility;

/// <summary>The criteria assessors judge (see <see cref="AssessorOutcomes"/>).</summary>
public enum AssessedCriterion
{
    /// <summary>The moral-purpose statement.</summary>
    MoralPurpose = 1,

    /// <summary>The leadership experience described.</summary>
    Experience,

    /// <summary>Readiness to become a DCS within the window.</summary>
    Readiness,
}
