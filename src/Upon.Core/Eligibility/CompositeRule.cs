namespace Upon.Core.Eligibility;

/// <summary>
/// A rule that combines the rules under it: <see cref="AllRule"/> (every rule must pass) or <see cref="AnyRule"/>
/// (one route must pass).
/// </summary>
/// <remarks>
/// Two combinations are equal when they are of the same kind and have the same code, title and rules, element by
/// element in order.
/// </remarks>
public abstract record CompositeRule : EligibilityRule
{
    private protected CompositeRule(string code, string title, IEnumerable<EligibilityRule> rules)
        : base(code, title) => Rules = RuleList.Of(rules);

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules { get; }

    /// <inheritdoc />
    public virtual bool Equals(CompositeRule? other) =>
        other is not null && EqualityContract == other.EqualityContract && Code == other.Code && Title == other.Title && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, Rules.Length);
}
