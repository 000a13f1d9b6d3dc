namespace Upon.Core.Cohorts;

/// <summary>Why a candidate was not selected.</summary>
public enum NotSelectedReason
{
    /// <summary>The candidate was selected or is on the waiting list.</summary>
    None = 0,

    /// <summary>The candidate's eligibility outcome is ineligible or incomplete.</summary>
    NotEligible,

    /// <summary>Reached while its authority already had as many candidates selected as the per-authority cap allows.</summary>
    AuthorityCap,

    /// <summary>Eligible and not held back by the cap, but ranked below every place and below every waiting-list position.</summary>
    Score,
}
