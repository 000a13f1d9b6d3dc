namespace Upon.Core.Cohorts;

/// <summary>
/// The stable codes of problems specific to cohort documents (candidates and published compositions), alongside
/// the general codes of <see cref="Serialization.DocumentProblemCodes"/> (<c>value.required</c>,
/// <c>value.type-mismatch</c>, <c>value.unknown</c>, <c>property.unknown</c>, <c>json.invalid</c>, ...).
/// A code never changes meaning once published.
/// </summary>
public static class CohortProblemCodes
{
    /// <summary>A candidate record has the same applicant id as an earlier record (the message gives that record's number, never the id).</summary>
    public const string ApplicantDuplicate = "applicant.duplicate";

    /// <summary>A dimension of a composition document is named twice.</summary>
    public const string DimensionDuplicate = "composition.dimension-duplicate";

    /// <summary>A category of a composition dimension is named twice.</summary>
    public const string CategoryDuplicate = "composition.category-duplicate";

    /// <summary>Every count of a composition dimension is zero: there is nothing to report shares of.</summary>
    public const string CountsAllZero = "composition.counts-all-zero";
}
