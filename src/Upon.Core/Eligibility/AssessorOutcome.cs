namespace Upon.Core.Eligibility;

/// <summary>An assessor's judgement of one criterion.</summary>
public enum AssessorOutcome
{
    /// <summary>The assessors judged the criterion met.</summary>
    Met = 1,

    /// <summary>The assessors judged the criterion not met.</summary>
    NotMet,
}
