namespace Upon.Core.Eligibility;

/// <summary>Short factories for the rules of a policy, for use with <see cref="EligibilityPolicyBuilder"/>.</summary>
public static class EligibilityRules
{
    /// <summary>The levels from head of service up: the built-in policies' senior levels.</summary>
    public static IReadOnlyList<RoleLevel> SeniorLevels { get; } =
        [RoleLevel.HeadOfService, RoleLevel.AssistantDirector, RoleLevel.DeputyDirector, RoleLevel.Director, RoleLevel.ChiefExecutive];

    /// <summary>Creates an <see cref="AllRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rules">The rules combined.</param>
    /// <returns>The rule.</returns>
    public static AllRule All(string code, string title, params IEnumerable<EligibilityRule> rules) => new(code, title, rules);

    /// <summary>Creates an <see cref="AnyRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="routes">The routes.</param>
    /// <returns>The rule.</returns>
    public static AnyRule Any(string code, string title, params IEnumerable<EligibilityRule> routes) => new(code, title, routes);

    /// <summary>Creates a <see cref="NotRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rule">The rule negated.</param>
    /// <returns>The rule.</returns>
    public static NotRule Not(string code, string title, EligibilityRule rule) => new(code, title, rule);

    /// <summary>Creates an <see cref="ExperienceRule"/> with one pattern of qualifying roles.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="minimum">The minimum.</param>
    /// <param name="levels">The qualifying levels.</param>
    /// <param name="organisationTypes">The qualifying organisation types.</param>
    /// <param name="sectors">The qualifying sectors.</param>
    /// <param name="partTime">How part-time roles count; pro rata by default.</param>
    /// <param name="actingCounts">Whether acting roles count; true by default.</param>
    /// <returns>The rule.</returns>
    public static ExperienceRule Experience(
        string code,
        string title,
        Period minimum,
        IEnumerable<RoleLevel> levels,
        IEnumerable<OrganisationType> organisationTypes,
        IEnumerable<Sector> sectors,
        PartTimeCounting partTime = PartTimeCounting.ProRata,
        bool actingCounts = true) =>
        new(code, title, minimum, [new RolePattern(levels, organisationTypes, sectors)], partTime, actingCounts);

    /// <summary>Creates a <see cref="ReadinessRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="within">The window after the assessment date.</param>
    /// <returns>The rule.</returns>
    public static ReadinessRule Readiness(string code, string title, Period within) => new(code, title, within);

    /// <summary>Creates a <see cref="StatementRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="minimumWords">The fewest words allowed.</param>
    /// <param name="maximumWords">The most words allowed.</param>
    /// <returns>The rule.</returns>
    public static StatementRule Statement(string code, string title, int minimumWords, int maximumWords) => new(code, title, minimumWords, maximumWords);

    /// <summary>Creates an <see cref="AssessorOutcomeRule"/>.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="criterion">The criterion judged.</param>
    /// <param name="requireOutcome">Whether a judgement must exist for the rule to pass; false by default.</param>
    /// <returns>The rule.</returns>
    public static AssessorOutcomeRule Assessed(string code, string title, AssessedCriterion criterion, bool requireOutcome = false) =>
        new(code, title, criterion, requireOutcome);
}
