namespace Upon.Core.Eligibility;

/// <summary>
/// A set of roles: those whose level, organisation type and sector are each among the listed ones.
/// </summary>
/// <remarks>Equality is by value, comparing the sets (order and repeats do not matter).</remarks>
public sealed record RolePattern
{
    /// <summary>Initializes the pattern.</summary>
    /// <param name="levels">The levels that match; at least one.</param>
    /// <param name="organisationTypes">The organisation types that match; at least one.</param>
    /// <param name="sectors">The sectors that match; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A list is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is undefined.</exception>
    public RolePattern(IEnumerable<RoleLevel> levels, IEnumerable<OrganisationType> organisationTypes, IEnumerable<Sector> sectors)
    {
        Guard.Against.Null(levels);
        Guard.Against.Null(organisationTypes);
        Guard.Against.Null(sectors);
        Levels = [.. levels.Distinct().Order()];
        OrganisationTypes = [.. organisationTypes.Distinct().Order()];
        Sectors = [.. sectors.Distinct().Order()];
        Guard.Against.Invalid(Levels.IsEmpty || OrganisationTypes.IsEmpty || Sectors.IsEmpty, "A role pattern needs at least one level, organisation type and sector.", parameterName: null);

        foreach (RoleLevel level in Levels)
        {
            Guard.Against.UndefinedEnum(level, nameof(levels));
        }

        foreach (OrganisationType type in OrganisationTypes)
        {
            Guard.Against.UndefinedEnum(type, nameof(organisationTypes));
        }

        foreach (Sector sector in Sectors)
        {
            Guard.Against.UndefinedEnum(sector, nameof(sectors));
        }
    }

    /// <summary>Gets the levels that match, in ascending order.</summary>
    public ImmutableArray<RoleLevel> Levels { get; }

    /// <summary>Gets the organisation types that match, in declaration order.</summary>
    public ImmutableArray<OrganisationType> OrganisationTypes { get; }

    /// <summary>Gets the sectors that match, in declaration order.</summary>
    public ImmutableArray<Sector> Sectors { get; }

    /// <inheritdoc />
    public bool Equals(RolePattern? other) =>
        other is not null && Levels.SequenceEqual(other.Levels) && OrganisationTypes.SequenceEqual(other.OrganisationTypes) && Sectors.SequenceEqual(other.Sectors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Levels.Length, OrganisationTypes.Length, Sectors.Length);
}
