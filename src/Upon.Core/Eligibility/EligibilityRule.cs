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

    /// <summary>
    /// Says what the rule requires, in words, for a person reading a policy: for example <c>all of:</c>,
    /// <c>ready within 3 years</c> or <c>at least 3 years; part time pro rata; acting roles count; levels director,
    /// head of service</c>. Written in the invariant culture; <c>upon eligibility policies --show</c> prints it.
    /// </summary>
    /// <returns>The requirement, without the rule's code or title.</returns>
    public abstract string Describe();

    /// <summary>Turns a member name such as <c>HeadOfService</c> into words (<c>head of service</c>).</summary>
    /// <param name="name">A PascalCase name.</param>
    /// <returns>The lower-case words.</returns>
    private protected static string Words(string name)
    {
        System.Text.StringBuilder words = new(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>Returns <c>kind code</c>, for example <c>Readiness readiness</c>, for every kind of rule (sealed, so that a rule record does not print its members instead).</summary>
    /// <returns>A short description.</returns>
    public sealed override string ToString() => $"{Kind} {Code}";
}
