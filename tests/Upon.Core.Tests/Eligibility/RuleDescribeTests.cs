using System.Linq;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

public sealed class RuleDescribeTests
{
    [Fact]
    public void Describe_TheYearTwoPolicy_SaysWhatEachRuleRequires()
    {
        string[] lines = [.. BuiltInPolicies.Year2.Rule.DescendantsAndSelf().Select(rule => $"{rule.Code}: {rule.Describe()}")];

        Assert.Equal(
            [
                "eligibility: all of:",
                "senior-leadership: any of:",
                "senior-leadership.local-government: at least 3 years; part time pro rata; acting roles count; levels head of service, assistant director, deputy director, director, chief executive",
                "senior-leadership.transferable: at least 3 years; part time pro rata; acting roles count; levels head of service, assistant director, deputy director, director, chief executive",
                "readiness: ready within 3 years",
                "moral-purpose.statement: 1 to 500 words",
                "moral-purpose.assessment: assessors' judgement of moral purpose, if given",
            ],
            lines);
    }

    [Fact]
    public void Describe_EveryRuleOfEveryBuiltInPolicy_IsAPhraseWithoutItsCodeOrTitle()
    {
        EligibilityRule[] rules = [.. BuiltInPolicies.All.SelectMany(policy => policy.Rule.DescendantsAndSelf())];

        Assert.All(rules, rule =>
        {
            string text = rule.Describe();
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain(rule.Code, text, System.StringComparison.Ordinal);
            Assert.DoesNotContain(rule.Title, text, System.StringComparison.Ordinal);
        });
    }
}
