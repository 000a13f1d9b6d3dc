using Upon.Core.Eligibility;

namespace Upon.Core.Cohorts;

/// <summary>One assessed applicant offered to a <see cref="Selection"/>: who, from which authority, whether eligible, and the assessment score.</summary>
/// <remarks>Equality is by value (strings compared ordinally). Instances are immutable.</remarks>
public sealed record SelectionCandidate
{
    /// <summary>Initializes a candidate.</summary>
    /// <param name="applicantId">The applicant's identifier: not empty, unique within a selection. It never appears in error messages.</param>
    /// <param name="authorityCode">The code of the applicant's authority, compared ordinally (case matters): not empty.</param>
    /// <param name="eligibility">The eligibility outcome: only <see cref="EligibilityOutcome.Eligible"/> candidates can be selected.</param>
    /// <param name="score">The assessment score: any decimal, higher is better; equal scores are exact ties.</param>
    /// <param name="underRepresented">
    /// Whether the applicant is from an under-represented group. Used only to break exact ties, and only when the
    /// selection's positive-action tie-break is switched on (Equality Act 2010 s.159).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="applicantId"/> or <paramref name="authorityCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="applicantId"/> or <paramref name="authorityCode"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eligibility"/> is not a defined outcome.</exception>
    public SelectionCandidate(string applicantId, string authorityCode, EligibilityOutcome eligibility, decimal score, bool underRepresented = false)
    {
        Guard.Against.NullOrWhiteSpace(applicantId);
        Guard.Against.NullOrWhiteSpace(authorityCode);
        Guard.Against.UndefinedEnum(eligibility);
        ApplicantId = applicantId;
        AuthorityCode = authorityCode;
        Eligibility = eligibility;
        Score = score;
        UnderRepresented = underRepresented;
    }

    /// <summary>Gets the applicant's identifier (not empty).</summary>
    public string ApplicantId { get; }

    /// <summary>Gets the code of the applicant's authority (not empty).</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the eligibility outcome; only eligible candidates can be selected.</summary>
    public EligibilityOutcome Eligibility { get; }

    /// <summary>Gets the assessment score (higher is better).</summary>
    public decimal Score { get; }

    /// <summary>Gets whether the applicant is from an under-represented group (a tie-break only, and only when switched on).</summary>
    public bool UnderRepresented { get; }
}
