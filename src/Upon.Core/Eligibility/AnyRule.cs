namespace Upon.Core.Eligibility;

/// <summary>Passes when at least one route under it passes; fails when all fail; otherwise cannot be decided. Its explanation shows every route tried.</summary>
public sealed record AnyRule : CompositeRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rules">The routes; at least one.</param>
    /// <exception cref="ArgumentException">A string is empty or <paramref name="rules"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public AnyRule(string code, string title, IEnumerable<EligibilityRule> rules)
        : base(code, title, rules)
    {
    }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Any;

    /// <inheritdoc />
    public override string Describe() => "any of:";
}
