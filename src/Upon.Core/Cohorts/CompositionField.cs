namespace Upon.Core.Cohorts;

/// <summary>
/// An field of a <see cref="CandidateProfile"/> that a composition report counts: one dimension of a cohort's
/// make-up. Its JSON property name in a candidates document is its camelCase name (<c>organisationType</c>).
/// </summary>
public enum CompositionField
{
    /// <summary>Professional background, for example children's social care or education (JSON <c>background</c>; dimension "professional background").</summary>
    Background = 1,

    /// <summary>Ethnicity, for example British, Irish or African (JSON <c>ethnicity</c>; dimension "ethnicity").</summary>
    Ethnicity,

    /// <summary>Disability, as the person describes it (JSON <c>disability</c>; dimension "disability").</summary>
    Disability,

    /// <summary>Region of England, for example North West (JSON <c>region</c>; dimension "region").</summary>
    Region,

    /// <summary>Type of employing organisation, for example local authority or trust (JSON <c>organisationType</c>; dimension "organisation type").</summary>
    OrganisationType,
}
