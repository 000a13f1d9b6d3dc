using System.Diagnostics;

namespace Upon.Core.Cohorts;

/// <summary>
/// One assessed applicant as a candidates document gives it: the <see cref="SelectionCandidate"/> a
/// <see cref="Selection"/> ranks, and the optional attributes a composition report counts.
/// </summary>
/// <remarks>
/// The attributes never take part in selection (only <see cref="SelectionCandidate.UnderRepresented"/> can, as a
/// tie-break). Equality is by value (strings compared ordinally). Instances are immutable.
/// </remarks>
/// <param name="Candidate">The candidate: id, authority, eligibility, score and under-representation flag.</param>
/// <param name="Background">The professional background, or null when not stated.</param>
/// <param name="Ethnicity">The ethnicity, or null when not stated.</param>
/// <param name="Disability">The disability answer, or null when not stated.</param>
/// <param name="Region">The region, or null when not stated.</param>
/// <param name="OrganisationType">The type of employing organisation, or null when not stated.</param>
public sealed record CandidateProfile(
    SelectionCandidate Candidate,
    string? Background = null,
    string? Ethnicity = null,
    string? Disability = null,
    string? Region = null,
    string? OrganisationType = null)
{
    /// <summary>Gets the candidate; checked not to be null.</summary>
    public SelectionCandidate Candidate { get; init; } = Guard.Against.Null(Candidate);

    /// <summary>Gets the value of one attribute.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <returns>Its value, or null when not stated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attribute"/> is not a defined attribute.</exception>
    public string? Get(CompositionField attribute) => Guard.Against.UndefinedEnum(attribute, nameof(attribute), "Not a composition attribute.") switch
    {
        CompositionField.Background => Background,
        CompositionField.Ethnicity => Ethnicity,
        CompositionField.Disability => Disability,
        CompositionField.Region => Region,
        CompositionField.OrganisationType => OrganisationType,
        _ => throw new UnreachableException(),
    };
}
