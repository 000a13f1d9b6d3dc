namespace Upon.Core.Eligibility;

/// <summary>Passes when every rule under it passes; fails when any fails; otherwise cannot be decided.</summary>
public sealed record AllRule : CompositeRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="rules">The rules combined; at least one.</param>
    /// <exception cref="ArgumentException">A string is empty or <paramref name="rules"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    public AllRule(string code, string title, IEnumerable<EligibilityRule> rules)
        : base(code, title, rules)
    {
    }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.All;

    /// <inheritdoc />
    public override string Describe() => "all of:";
}
