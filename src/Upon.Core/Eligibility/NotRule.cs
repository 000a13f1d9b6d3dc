namespace Upon.Core.Eligibility;

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

    /// <inheritdoc />
    public override string Describe() => "not:";
}
