using System.Collections.Generic;
using System.Linq;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Support;

/// <summary>Walks decision explanations.</summary>
public static class Explanations
{
    /// <summary>Returns <paramref name="result"/> and every result under it, parents first.</summary>
    public static IEnumerable<CriterionResult> Flatten(CriterionResult result) =>
        [result, .. result.Results.SelectMany(Flatten)];

    /// <summary>Returns the result of the rule with <paramref name="code"/> in <paramref name="decision"/>.</summary>
    public static CriterionResult Find(EligibilityDecision decision, string code) =>
        Flatten(decision.Explanation).Single(r => r.Code == code);
}
