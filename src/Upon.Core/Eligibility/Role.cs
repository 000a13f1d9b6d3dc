namespace Upon.Core.Eligibility;

/// <summary>A post an applicant holds or held: what, where, at what level, and when.</summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> is the first day in post and <see cref="End"/> the last day in post, both
/// included; a role without an end is current. A role that ends before it starts is invalid: the
/// constructor refuses it, and the document reader reports it.
/// </para>
/// <para>Equality is by value over every member. Instances are immutable.</para>
/// </remarks>
public sealed record Role
{
    /// <summary>Initializes a role.</summary>
    /// <param name="title">The job title, for example "Assistant Director, Early Help".</param>
    /// <param name="organisation">The organisation's name.</param>
    /// <param name="organisationType">The kind of organisation.</param>
    /// <param name="sector">The field or sector of the work.</param>
    /// <param name="level">The role's level.</param>
    /// <param name="start">The first day in post.</param>
    /// <param name="end">The last day in post (included), or null for a current role.</param>
    /// <param name="partTimeFraction">The fraction of full time worked, above 0 and at most 1; null for full time.</param>
    /// <param name="isActing">Whether the role was held on an acting or interim basis (acting up).</param>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> or <paramref name="organisation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined, a date is outside <see cref="EligibilityDates.Range"/>, <paramref name="end"/> is before <paramref name="start"/>, or <paramref name="partTimeFraction"/> is not in (0, 1].</exception>
    public Role(
        string title,
        string organisation,
        OrganisationType organisationType,
        Sector sector,
        RoleLevel level,
        LocalDate start,
        LocalDate? end = null,
        decimal? partTimeFraction = null,
        bool isActing = false)
    {
        Guard.Against.Null(title);
        Guard.Against.Null(organisation);
        Guard.Against.UndefinedEnum(organisationType);
        Guard.Against.UndefinedEnum(sector);
        Guard.Against.UndefinedEnum(level);
        EligibilityDates.Check(start);
        if (end is LocalDate last)
        {
            EligibilityDates.Check(last, nameof(end));
            Guard.Against.OutOfRange(last < start, "A role's last day cannot be before its first day.", nameof(end));
        }

        Guard.Against.OutOfRange(partTimeFraction is <= 0m or > 1m, "A part-time fraction must be above 0 and at most 1.", nameof(partTimeFraction));

        Title = title;
        Organisation = organisation;
        OrganisationType = organisationType;
        Sector = sector;
        Level = level;
        Start = start;
        End = end;
        PartTimeFraction = partTimeFraction;
        IsActing = isActing;
    }

    /// <summary>
    /// Initializes a role read for a decision only (see <see cref="Application.ForDecision"/>): its values already checked
    /// as the public constructor checks them, and without a title or organisation, which a decision never reads.
    /// </summary>
    private Role(OrganisationType organisationType, Sector sector, RoleLevel level, LocalDate start, LocalDate? end, decimal? partTimeFraction, bool isActing)
    {
        Title = string.Empty;
        Organisation = string.Empty;
        OrganisationType = organisationType;
        Sector = sector;
        Level = level;
        Start = start;
        End = end;
        PartTimeFraction = partTimeFraction;
        IsActing = isActing;
    }

    /// <summary>Gets the job title.</summary>
    public string Title { get; }

    /// <summary>Gets the organisation's name.</summary>
    public string Organisation { get; }

    /// <summary>Gets the kind of organisation.</summary>
    public OrganisationType OrganisationType { get; }

    /// <summary>Gets the field or sector of the work.</summary>
    public Sector Sector { get; }

    /// <summary>Gets the role's level.</summary>
    public RoleLevel Level { get; }

    /// <summary>Gets the first day in post.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day in post (included), or null while the role is current.</summary>
    public LocalDate? End { get; }

    /// <summary>Gets the fraction of full time worked, in (0, 1]; null for full time.</summary>
    public decimal? PartTimeFraction { get; }

    /// <summary>Gets a value indicating whether the role was held on an acting or interim basis.</summary>
    public bool IsActing { get; }

    /// <summary>Makes a role for a decision only, from values a reader has checked as the public constructor would.</summary>
    internal static Role ForDecision(OrganisationType organisationType, Sector sector, RoleLevel level, LocalDate start, LocalDate? end, decimal? partTimeFraction, bool isActing) =>
        new(organisationType, sector, level, start, end, partTimeFraction, isActing);

    /// <summary>Gets a value indicating whether the role is current: it has no end date.</summary>
    public bool IsCurrent => End is null;

    /// <summary>Gets the dates in post that lie before <paramref name="asOf"/>, both ends included: the part of the role that counts as experience on that date.</summary>
    /// <param name="asOf">The date experience is measured on; the day itself is not counted.</param>
    /// <returns>The interval from <see cref="Start"/> to the earlier of <see cref="End"/> and the day before <paramref name="asOf"/>, or null when the role starts on or after <paramref name="asOf"/>.</returns>
    public DateInterval? CountedBefore(LocalDate asOf)
    {
        if (Start >= asOf)
        {
            return null;
        }

        LocalDate dayBefore = asOf.PlusDays(-1);
        LocalDate last = End is LocalDate end && end < dayBefore ? end : dayBefore;
        return new DateInterval(Start, last);
    }

    /// <summary>Returns the role without personal detail: level, sector, organisation type and dates.</summary>
    /// <returns>A description safe for logs (no title or organisation name).</returns>
    public override string ToString() =>
        $"{Level} in {Sector} ({OrganisationType}), {DateText.Format(Start)} to {(End is LocalDate end ? DateText.Format(end) : "present")}";
}
