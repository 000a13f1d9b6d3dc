namespace Upon.Core.Eligibility;

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

    /// <inheritdoc />
    public override string Describe() => "any of:";
}
