namespace Upon.Core.Workforce;

/// <summary>
/// One Ofsted judgement of a local authority's children's services: the overall effectiveness grade of a graded
/// inspection and the date it was published. A judgement is an event in the authority's history (DOMAIN.md §5): in a
/// model of DCS tenure it is a time-varying covariate, such as "an inadequate judgement in the last 12 months".
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Date"/> is the day Ofsted published the inspection report, not the last day of the inspection, which
/// comes some weeks before it. The publication date is the day the judgement is known to everyone (the council, the
/// DCS's employer, the press), the one date every report and Ofsted's management information state for every
/// framework, and it never puts a judgement before the day anyone could act on it: a covariate read from it cannot
/// look ahead. Files from a source that gives the inspection dates only should say so, since the dates then mean
/// something else.
/// </para>
/// <para>
/// Only graded inspections are judgements: monitoring visits, focused visits and joint targeted area inspections
/// give no overall grade and have no record here.
/// </para>
/// <para>Equality is by value over every member. Instances are immutable.</para>
/// </remarks>
public sealed record OfstedJudgement
{
    /// <summary>Initializes a judgement.</summary>
    /// <param name="authorityCode">The local authority's code, as in the <see cref="AuthorityRegister"/>; not empty.</param>
    /// <param name="date">The day the inspection report was published, in the ISO calendar.</param>
    /// <param name="grade">The overall effectiveness grade.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authorityCode"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="authorityCode"/> is empty, or <paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not a defined grade.</exception>
    public OfstedJudgement(string authorityCode, LocalDate date, OfstedGrade grade)
    {
        Guard.Against.NullOrEmpty(authorityCode);
        Guard.Against.NonIsoCalendar(date);
        Guard.Against.UndefinedEnum(grade, nameof(grade), "The grade must be Outstanding, Good, RequiresImprovement or Inadequate.");
        AuthorityCode = authorityCode;
        Date = date;
        Grade = grade;
    }

    /// <summary>Gets the local authority's code.</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the day the inspection report was published (see the remarks of <see cref="OfstedJudgement"/>).</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the overall effectiveness grade.</summary>
    public OfstedGrade Grade { get; }
}
