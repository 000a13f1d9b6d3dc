namespace Upon.Core.Eligibility;

/// <summary>Checks the child lists of combining rules.</summary>
internal static class RuleList
{
    public static ImmutableArray<EligibilityRule> Of(IEnumerable<EligibilityRule> rules)
    {
        Guard.Against.Null(rules);
        ImmutableArray<EligibilityRule> list = [.. rules];
        Guard.Against.Invalid(list.IsEmpty, "A combining rule needs at least one rule under it.", nameof(rules));

        Guard.Against.NullItem(list, nameof(rules));

        return list;
    }
}
