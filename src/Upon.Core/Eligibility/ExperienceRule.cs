namespace Upon.Core.Eligibility;

/// <summary>
/// Effective experience (see <see cref="EffectiveExperience"/>) in qualifying roles, as of the
/// assessment date, reaches <see cref="Minimum"/>.
/// </summary>
public sealed record ExperienceRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="minimum">The minimum, in calendar terms, for example three years; not negative.</param>
    /// <param name="qualifyingRoles">The roles that count: a role counts when it matches at least one pattern.</param>
    /// <param name="partTime">How part-time roles count.</param>
    /// <param name="actingCounts">Whether roles held on an acting basis count.</param>
    /// <exception cref="ArgumentException">A string is empty, <paramref name="qualifyingRoles"/> is empty, or <paramref name="minimum"/> has time units or negative units.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is longer than <see cref="EligibilityDates.MaxRulePeriod"/>.</exception>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partTime"/> is undefined.</exception>
    public ExperienceRule(string code, string title, Period minimum, IEnumerable<RolePattern> qualifyingRoles, PartTimeCounting partTime, bool actingCounts)
        : base(code, title)
    {
        Guard.Against.Null(qualifyingRoles);
        EligibilityDates.CheckRulePeriod(minimum);

        Guard.Against.UndefinedEnum(partTime);
        ImmutableArray<RolePattern> patterns = [.. qualifyingRoles];
        Guard.Against.Empty(patterns, "role pattern", nameof(qualifyingRoles));

        Guard.Against.NullItem(patterns, nameof(qualifyingRoles));

        Minimum = minimum;
        QualifyingRoles = patterns;
        PartTime = partTime;
        ActingCounts = actingCounts;
        masks = [.. patterns.Select(p => new PatternMasks(MaskOf(p.Levels.Select(l => (int)l)), MaskOf(p.OrganisationTypes.Select(t => (int)t)), MaskOf(p.Sectors.Select(s => (int)s))))];
    }

    /// <summary>The patterns as sets of bits, one bit per enum value, in the order of <see cref="QualifyingRoles"/>.</summary>
    private readonly PatternMasks[] masks;

    /// <summary>Gets the minimum, in calendar terms.</summary>
    public Period Minimum { get; }

    /// <summary>Gets the patterns of qualifying roles: a role counts when it matches at least one.</summary>
    public ImmutableArray<RolePattern> QualifyingRoles { get; }

    /// <summary>Gets how part-time roles count.</summary>
    public PartTimeCounting PartTime { get; }

    /// <summary>Gets a value indicating whether roles held on an acting basis count.</summary>
    public bool ActingCounts { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Experience;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];

    /// <summary>Decides whether <paramref name="role"/> qualifies under this rule.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Null when it qualifies; otherwise the reason code why not (<see cref="ReasonCodes"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is null.</exception>
    public string? Exclusion(Role role)
    {
        Guard.Against.Null(role);
        return ExclusionOf(role);
    }

    /// <summary><see cref="Exclusion"/> without the argument check, for a role known not to be null.</summary>
    internal string? ExclusionOf(Role role)
    {
        if (role.IsActing && !ActingCounts)
        {
            return ReasonCodes.RoleActingNotCounted;
        }

        ulong level = Bit((int)role.Level);
        ulong type = Bit((int)role.OrganisationType);
        ulong sector = Bit((int)role.Sector);
        bool levelMatched = false;
        foreach (PatternMasks pattern in masks)
        {
            if ((pattern.Levels & level) != 0)
            {
                levelMatched = true;
                if ((pattern.OrganisationTypes & type) != 0 && (pattern.Sectors & sector) != 0)
                {
                    return null;
                }
            }
        }

        return levelMatched ? ReasonCodes.RoleSectorNotQualifying : ReasonCodes.RoleLevelNotQualifying;
    }

    /// <summary>
    /// Determines whether this rule and <paramref name="other"/> measure <paramref name="roles"/> alike: the same part-time
    /// counting, and for every role the same <see cref="Exclusion"/> (both null, or the same reason), so that
    /// <see cref="EffectiveExperience.Measure(IReadOnlyList{Role}, LocalDate, Func{Role, string?}, PartTimeCounting)"/>
    /// gives equal experience under both.
    /// </summary>
    internal bool TreatsAlike(ExperienceRule other, ImmutableArray<Role> roles)
    {
        if (PartTime != other.PartTime)
        {
            return false;
        }

        foreach (Role role in roles)
        {
            if (!string.Equals(ExclusionOf(role), other.ExclusionOf(role), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bit of an enum value; the enums of a role have fewer than 64 values, each from 0 up.</summary>
    private static ulong Bit(int value) => (uint)value < 64 ? 1UL << value : 0UL;

    private static ulong MaskOf(IEnumerable<int> values)
    {
        ulong mask = 0;
        foreach (int value in values)
        {
            mask |= Bit(value);
        }

        return mask;
    }

    /// <inheritdoc />
    public bool Equals(ExperienceRule? other) =>
        other is not null && Code == other.Code && Title == other.Title && Minimum.Equals(other.Minimum)
        && QualifyingRoles.SequenceEqual(other.QualifyingRoles) && PartTime == other.PartTime && ActingCounts == other.ActingCounts;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, Minimum, PartTime, ActingCounts);

    /// <inheritdoc />
    public override string Describe() =>
        $"at least {PeriodText.Describe(Minimum)}; part time {(PartTime == PartTimeCounting.ProRata ? "pro rata" : "in full")}; acting roles {(ActingCounts ? "count" : "do not count")}; levels {string.Join(", ", QualifyingRoles.SelectMany(p => p.Levels).Distinct().Select(l => Words(l.ToString())))}";

    /// <summary>A role pattern as sets of bits.</summary>
    private readonly record struct PatternMasks(ulong Levels, ulong OrganisationTypes, ulong Sectors);
}
