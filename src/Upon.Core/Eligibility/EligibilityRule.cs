using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

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
