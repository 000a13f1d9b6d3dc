namespace Upon.Core.Eligibility;

/// <summary>
/// An application to the Aspirant Directors programme: what an eligibility policy decides on.
/// Equality-monitoring answers are deliberately not part of it (see <see cref="EqualityMonitoring"/>),
/// so they cannot influence a decision.
/// </summary>
/// <remarks>
/// Equality is by value, comparing <see cref="Roles"/> element by element in order. Instances are
/// immutable and safe to share between threads. <see cref="ToString"/> never shows the statement,
/// the sponsor or role titles and organisations.
/// </remarks>
public sealed record Application
{
    /// <summary>Initializes an application.</summary>
    /// <param name="id">The application's identifier in the submitting system; not personal data.</param>
    /// <param name="programmeYear">The programme year applied for, as <c>yyyy/yy</c>, for example <c>2021/22</c>.</param>
    /// <param name="assessedOn">The date the application is assessed on: experience is counted up to the day before it.</param>
    /// <param name="roles">The applicant's roles, in any order.</param>
    /// <param name="readyBy">The date by which the applicant says they will be ready to become a DCS; null when not given.</param>
    /// <param name="moralPurposeStatement">The applicant's statement of moral purpose; null when not given.</param>
    /// <param name="sponsor">The applicant's sponsor, if any.</param>
    /// <param name="assessorOutcomes">The assessors' judgements, if the application has been assessed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="programmeYear"/> is null, or <paramref name="roles"/> holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or <paramref name="programmeYear"/> is not of the form <c>yyyy/yy</c> with consecutive years.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside <see cref="EligibilityDates.Range"/>.</exception>
    public Application(
        string id,
        string programmeYear,
        LocalDate assessedOn,
        IEnumerable<Role> roles,
        LocalDate? readyBy = null,
        string? moralPurposeStatement = null,
        Sponsor? sponsor = null,
        AssessorOutcomes? assessorOutcomes = null)
    {
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(roles);
        Guard.Against.Invalid(!ProgrammeYears.IsValid(programmeYear), "A programme year is written yyyy/yy with consecutive years, for example 2021/22.", nameof(programmeYear));

        EligibilityDates.Check(assessedOn);
        if (readyBy is LocalDate ready)
        {
            EligibilityDates.Check(ready, nameof(readyBy));
        }

        ImmutableArray<Role> list = [.. roles];
        Guard.Against.NullItem(list, nameof(roles));

        Id = id;
        ProgrammeYear = programmeYear;
        AssessedOn = assessedOn;
        Roles = list;
        ReadyBy = readyBy;
        MoralPurposeStatement = moralPurposeStatement;
        Sponsor = sponsor;
        AssessorOutcomes = assessorOutcomes;
    }

    /// <summary>
    /// Initializes an application read for a decision only (<see cref="ApplicationBytes"/>): its values already checked,
    /// its roles without titles or organisations, and of its statement only the number of words.
    /// </summary>
    private Application(string id, string programmeYear, LocalDate assessedOn, ImmutableArray<Role> roles, LocalDate? readyBy, int statementWords, AssessorOutcomes? assessorOutcomes)
    {
        Id = id;
        ProgrammeYear = programmeYear;
        AssessedOn = assessedOn;
        Roles = roles;
        ReadyBy = readyBy;
        this.statementWords = statementWords;
        AssessorOutcomes = assessorOutcomes;
    }

    /// <summary>The number of words of the statement, for an application read for a decision only; otherwise -1.</summary>
    private readonly int statementWords = -1;

    /// <summary>Gets the application's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the programme year applied for, <c>yyyy/yy</c>.</summary>
    public string ProgrammeYear { get; }

    /// <summary>Gets the date the application is assessed on.</summary>
    public LocalDate AssessedOn { get; }

    /// <summary>Gets the applicant's roles, in the order given.</summary>
    public ImmutableArray<Role> Roles { get; }

    /// <summary>Gets the date by which the applicant says they will be ready to become a DCS, or null.</summary>
    public LocalDate? ReadyBy { get; }

    /// <summary>Gets the statement of moral purpose, or null.</summary>
    public string? MoralPurposeStatement { get; }

    /// <summary>Gets the sponsor, or null.</summary>
    public Sponsor? Sponsor { get; }

    /// <summary>Gets the assessors' judgements, or null.</summary>
    public AssessorOutcomes? AssessorOutcomes { get; }

    /// <summary>Gets the number of words in the statement of moral purpose (0 when there is none).</summary>
    internal int StatementWords => statementWords >= 0 ? statementWords : StatementRule.CountWords(MoralPurposeStatement);

    /// <summary>
    /// Makes an application for a decision only, from values a reader has checked as the public constructor would:
    /// it keeps the statement's word count, not the statement, and no sponsor; the decision is the same.
    /// </summary>
    internal static Application ForDecision(string id, string programmeYear, LocalDate assessedOn, ImmutableArray<Role> roles, LocalDate? readyBy, int statementWords, AssessorOutcomes? assessorOutcomes) =>
        new(id, programmeYear, assessedOn, roles, readyBy, statementWords, assessorOutcomes);

    /// <summary>Returns a copy assessed on another date.</summary>
    /// <param name="assessedOn">The new assessment date.</param>
    /// <returns>The copy.</returns>
    public Application WithAssessedOn(LocalDate assessedOn) =>
        new(Id, ProgrammeYear, assessedOn, Roles, ReadyBy, MoralPurposeStatement, Sponsor, AssessorOutcomes);

    /// <summary>Returns a copy with other roles.</summary>
    /// <param name="roles">The new roles.</param>
    /// <returns>The copy.</returns>
    public Application WithRoles(IEnumerable<Role> roles) =>
        new(Id, ProgrammeYear, AssessedOn, roles, ReadyBy, MoralPurposeStatement, Sponsor, AssessorOutcomes);

    /// <inheritdoc />
    public bool Equals(Application? other) =>
        other is not null
        && Id == other.Id
        && ProgrammeYear == other.ProgrammeYear
        && AssessedOn == other.AssessedOn
        && Roles.SequenceEqual(other.Roles)
        && ReadyBy == other.ReadyBy
        && MoralPurposeStatement == other.MoralPurposeStatement
        && Equals(Sponsor, other.Sponsor)
        && Equals(AssessorOutcomes, other.AssessorOutcomes);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Id);
        hash.Add(ProgrammeYear);
        hash.Add(AssessedOn);
        foreach (Role role in Roles)
        {
            hash.Add(role);
        }

        hash.Add(ReadyBy);
        return hash.ToHashCode();
    }

    /// <summary>Returns the identifier, programme year, assessment date and number of roles; nothing personal.</summary>
    /// <returns>A description safe for logs.</returns>
    public override string ToString() =>
        $"Application {Id} for {ProgrammeYear}, assessed on {DateText.Format(AssessedOn)}, {Roles.Length} role(s)";
}
