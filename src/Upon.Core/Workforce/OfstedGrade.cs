namespace Upon.Core.Workforce;

/// <summary>
/// The overall effectiveness grade Ofsted gives a local authority's children's services at a graded inspection
/// (ILACS since 2018, the single inspection framework before it), from best to worst. Each member's value is Ofsted's
/// own numeric grade, as its management information gives it (1 outstanding to 4 inadequate).
/// </summary>
/// <remarks>
/// In files a grade is written as its code (<see cref="OfstedGrades.Code"/>): <c>outstanding</c>, <c>good</c>,
/// <c>requires-improvement</c> (Ofsted's "requires improvement to be good") or <c>inadequate</c>.
/// </remarks>
public enum OfstedGrade
{
    /// <summary>Outstanding (Ofsted's grade 1; code <c>outstanding</c>).</summary>
    Outstanding = 1,

    /// <summary>Good (Ofsted's grade 2; code <c>good</c>).</summary>
    Good = 2,

    /// <summary>Requires improvement to be good (Ofsted's grade 3; code <c>requires-improvement</c>).</summary>
    RequiresImprovement = 3,

    /// <summary>Inadequate (Ofsted's grade 4; code <c>inadequate</c>).</summary>
    Inadequate = 4,
}
