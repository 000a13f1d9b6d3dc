using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using Upon.Core.Guards;

namespace Upon.Core.Eligibility;

/// <summary>
/// One rule of an eligibility policy: a criterion (<see cref="ExperienceRule"/>, <see cref="ReadinessRule"/>,
/// <see cref="StatementRule"/>, <see cref="AssessorOutcomeRule"/>) or a combination of rules
/// (<see cref="AllRule"/>, <see cref="AnyRule"/>, <see cref="NotRule"/>).
/// </summary>
/// <remarks>
/// Rules are data: immutable, compared by value (child rules element by element), and written to and
/// read from policy documents. Every rule has a <see cref="Code"/>, stable within its policy, that
/// names it in decisions.
/// </remarks>
public abstract record EligibilityRule
{
    private protected EligibilityRule(string code, string title)
    {
        Guard.Against.NullOrWhiteSpace(code);
        Guard.Against.NullOrWhiteSpace(title);
        Code = code;
        Title = title;
    }

    /// <summary>Gets the rule's code, for example <c>experience.local-government</c>; unique within its policy.</summary>
    public string Code { get; }

    /// <summary>Gets the rule's title, for people, for example "Three years' senior leadership in local government children's services".</summary>
    public string Title { get; }

    /// <summary>Gets the kind of rule.</summary>
    public abstract RuleKind Kind { get; }

    /// <summary>Gets the rules directly under this one (empty for a criterion).</summary>
    public abstract ImmutableArray<EligibilityRule> Rules { get; }

    /// <summary>Enumerates this rule and every rule under it, depth first, parents before children.</summary>
    /// <returns>The rules.</returns>
    public IEnumerable<EligibilityRule> DescendantsAndSelf()
    {
        yield return this;
        foreach (EligibilityRule child in Rules)
        {
            foreach (EligibilityRule rule in child.DescendantsAndSelf())
            {
                yield return rule;
            }
        }
    }

    /// <summary>Returns <c>kind code</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Kind} {Code}";
}

/// <summary>The kinds of <see cref="EligibilityRule"/>.</summary>
public enum RuleKind
{
    /// <summary>Passes when every rule under it passes.</summary>
    All = 1,

    /// <summary>Passes when at least one rule (route) under it passes.</summary>
    Any,

    /// <summary>Passes when the rule under it fails.</summary>
    Not,

    /// <summary>Effective experience in qualifying roles reaches a minimum.</summary>
    Experience,

    /// <summary>The applicant will be ready to become a DCS within a window.</summary>
    Readiness,

    /// <summary>A written statement is present and within length limits.</summary>
    Statement,

    /// <summary>The assessors' judgement of a criterion.</summary>
    AssessorOutcome,
}

/// <summary>Passes when every rule under it passes; fails when any fails; otherwise cannot be decided.</summary>
public sealed record AllRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rules">The rules combined; at least one.</param>
    /// <exception cref="ArgumentException">A string is empty or <paramref name="rules"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public AllRule(string code, string title, IEnumerable<EligibilityRule> rules)
        : base(code, title) => Rules = RuleList.Of(rules);

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.All;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules { get; }

    /// <inheritdoc />
    public bool Equals(AllRule? other) => other is not null && Code == other.Code && Title == other.Title && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, Rules.Length);
}

/// <summary>Passes when at least one route under it passes; fails when all fail; otherwise cannot be decided. Its explanation shows every route tried.</summary>
public sealed record AnyRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rules">The routes; at least one.</param>
    /// <exception cref="ArgumentException">A string is empty or <paramref name="rules"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public AnyRule(string code, string title, IEnumerable<EligibilityRule> rules)
        : base(code, title) => Rules = RuleList.Of(rules);

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Any;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules { get; }

    /// <inheritdoc />
    public bool Equals(AnyRule? other) => other is not null && Code == other.Code && Title == other.Title && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, Rules.Length);
}

/// <summary>Passes when the rule under it fails, and fails when it passes.</summary>
public sealed record NotRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rule">The rule negated.</param>
    /// <exception cref="ArgumentException">A string is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public NotRule(string code, string title, EligibilityRule rule)
        : base(code, title)
    {
        Guard.Against.Null(rule);
        Rule = rule;
    }

    /// <summary>Gets the rule negated.</summary>
    public EligibilityRule Rule { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Not;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [Rule];
}

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
        if (patterns.IsEmpty)
        {
            throw new ArgumentException("At least one role pattern is needed.", nameof(qualifyingRoles));
        }

        foreach (RolePattern pattern in patterns)
        {
            Guard.Against.Null(pattern, nameof(qualifyingRoles));
        }

        Minimum = minimum;
        QualifyingRoles = patterns;
        PartTime = partTime;
        ActingCounts = actingCounts;
        ExclusionFunction = Exclusion;
    }

    /// <summary>Gets the minimum, in calendar terms.</summary>
    public Period Minimum { get; }

    /// <summary>Gets the patterns of qualifying roles: a role counts when it matches at least one.</summary>
    public ImmutableArray<RolePattern> QualifyingRoles { get; }

    /// <summary>Gets how part-time roles count.</summary>
    public PartTimeCounting PartTime { get; }

    /// <summary>Gets a value indicating whether roles held on an acting basis count.</summary>
    public bool ActingCounts { get; }

    /// <summary>Gets <see cref="Exclusion"/> as a delegate, made once.</summary>
    internal Func<Role, string?> ExclusionFunction { get; }

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
        if (role.IsActing && !ActingCounts)
        {
            return ReasonCodes.RoleActingNotCounted;
        }

        bool levelMatched = false;
        foreach (RolePattern pattern in QualifyingRoles)
        {
            if (pattern.Levels.Contains(role.Level))
            {
                levelMatched = true;
                if (pattern.OrganisationTypes.Contains(role.OrganisationType) && pattern.Sectors.Contains(role.Sector))
                {
                    return null;
                }
            }
        }

        return levelMatched ? ReasonCodes.RoleSectorNotQualifying : ReasonCodes.RoleLevelNotQualifying;
    }

    /// <inheritdoc />
    public bool Equals(ExperienceRule? other) =>
        other is not null && Code == other.Code && Title == other.Title && Minimum.Equals(other.Minimum)
        && QualifyingRoles.SequenceEqual(other.QualifyingRoles) && PartTime == other.PartTime && ActingCounts == other.ActingCounts;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, Minimum, PartTime, ActingCounts);
}

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
        if (Levels.IsEmpty || OrganisationTypes.IsEmpty || Sectors.IsEmpty)
        {
            throw new ArgumentException("A role pattern needs at least one level, organisation type and sector.");
        }

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

/// <summary>
/// The applicant's readiness date (<see cref="Application.ReadyBy"/>) lies no later than
/// <see cref="Within"/> after the assessment date. A missing date cannot be decided.
/// </summary>
public sealed record ReadinessRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="within">The window, for example three years; a readiness date exactly at its end passes.</param>
    /// <exception cref="ArgumentException">A string is empty, or <paramref name="within"/> has time units or negative units.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is longer than <see cref="EligibilityDates.MaxRulePeriod"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="within"/> is null.</exception>
    public ReadinessRule(string code, string title, Period within)
        : base(code, title)
    {
        EligibilityDates.CheckRulePeriod(within);

        Within = within;
    }

    /// <summary>Gets the window after the assessment date.</summary>
    public Period Within { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Readiness;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];
}

/// <summary>
/// The moral-purpose statement is present and has between <see cref="MinimumWords"/> and
/// <see cref="MaximumWords"/> words. Only presence and length are checked: its content is for assessors.
/// </summary>
public sealed record StatementRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="minimumWords">The fewest words allowed; at least 1.</param>
    /// <param name="maximumWords">The most words allowed; at least <paramref name="minimumWords"/>.</param>
    /// <exception cref="ArgumentException">A string is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A word limit is out of range.</exception>
    public StatementRule(string code, string title, int minimumWords, int maximumWords)
        : base(code, title)
    {
        Guard.Against.LessThan(minimumWords, 1);
        Guard.Against.LessThan(maximumWords, minimumWords);
        MinimumWords = minimumWords;
        MaximumWords = maximumWords;
    }

    /// <summary>Gets the fewest words allowed.</summary>
    public int MinimumWords { get; }

    /// <summary>Gets the most words allowed.</summary>
    public int MaximumWords { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Statement;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];

    /// <summary>Counts the words of <paramref name="text"/>: maximal runs of characters that are not white space.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of words; zero for null or white space.</returns>
    public static int CountWords(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }
}

/// <summary>
/// The assessors' judgement of one criterion: passes when met, fails when not met; when there is no
/// judgement yet, passes unless <see cref="RequireOutcome"/>, in which case it cannot be decided.
/// </summary>
public sealed record AssessorOutcomeRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="criterion">The criterion judged.</param>
    /// <param name="requireOutcome">Whether a judgement must exist for the rule to pass.</param>
    /// <exception cref="ArgumentException">A string is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criterion"/> is undefined.</exception>
    public AssessorOutcomeRule(string code, string title, AssessedCriterion criterion, bool requireOutcome)
        : base(code, title)
    {
        Guard.Against.UndefinedEnum(criterion);
        Criterion = criterion;
        RequireOutcome = requireOutcome;
    }

    /// <summary>Gets the criterion judged.</summary>
    public AssessedCriterion Criterion { get; }

    /// <summary>Gets a value indicating whether a judgement must exist for the rule to pass.</summary>
    public bool RequireOutcome { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.AssessorOutcome;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];

    /// <summary>Gets the judgement of <see cref="Criterion"/> in <paramref name="outcomes"/>.</summary>
    /// <param name="outcomes">The assessors' outcomes, or null.</param>
    /// <returns>The judgement, or null when there is none.</returns>
    public AssessorOutcome? OutcomeIn(AssessorOutcomes? outcomes) => Criterion switch
    {
        AssessedCriterion.MoralPurpose => outcomes?.MoralPurpose,
        AssessedCriterion.Experience => outcomes?.Experience,
        _ => outcomes?.Readiness,
    };
}

/// <summary>The criteria assessors judge (see <see cref="AssessorOutcomes"/>).</summary>
public enum AssessedCriterion
{
    /// <summary>The moral-purpose statement.</summary>
    MoralPurpose = 1,

    /// <summary>The leadership experience described.</summary>
    Experience,

    /// <summary>Readiness to become a DCS within the window.</summary>
    Readiness,
}

/// <summary>Checks the child lists of combining rules.</summary>
internal static class RuleList
{
    public static ImmutableArray<EligibilityRule> Of(IEnumerable<EligibilityRule> rules)
    {
        Guard.Against.Null(rules);
        ImmutableArray<EligibilityRule> list = [.. rules];
        if (list.IsEmpty)
        {
            throw new ArgumentException("A combining rule needs at least one rule under it.", nameof(rules));
        }

        foreach (EligibilityRule rule in list)
        {
            Guard.Against.Null(rule, nameof(rules));
        }

        return list;
    }
}
