namespace Upon.Core.Eligibility;

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

    /// <inheritdoc />
    public override string Describe() => $"assessors' judgement of {Words(Criterion.ToString())}{(RequireOutcome ? ", required" : ", if given")}";
}
