using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>All, any and not follow three-valued (Kleene) logic on random rule trees.</summary>
public sealed class RuleLogicPropertyTests
{
    [Fact]
    public void NotOfNot_HasTheOutcomeOfTheRuleUnderIt() =>
        Property.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityRule x = trees.A.Build("x");

            Assert.Equal(
                Outcome(x, trees.Application),
                Outcome(new NotRule("not-not", "Not not", new NotRule("not", "Not", x)), trees.Application));
        });

    [Fact]
    public void AllAndAnyOfOneRule_HaveThatRulesOutcome() =>
        Property.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityRule x = trees.A.Build("x");
            CriterionOutcome expected = Outcome(x, trees.Application);

            Assert.Equal(expected, Outcome(new AllRule("all", "All", [x]), trees.Application));
            Assert.Equal(expected, Outcome(new AnyRule("any", "Any", [x]), trees.Application));
        });

    [Fact]
    public void DeMorgan_NotAllIsAnyOfNots_AndNotAnyIsAllOfNots() =>
        Property.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityRule a = trees.A.Build("a");
            EligibilityRule b = trees.B.Build("b");
            Application application = trees.Application;

            Assert.Equal(
                Outcome(new NotRule("not", "Not", new AllRule("all", "All", [a, b])), application),
                Outcome(new AnyRule("any", "Any", [new NotRule("not-a", "Not a", a), new NotRule("not-b", "Not b", b)]), application));
            Assert.Equal(
                Outcome(new NotRule("not", "Not", new AnyRule("any", "Any", [a, b])), application),
                Outcome(new AllRule("all", "All", [new NotRule("not-a", "Not a", a), new NotRule("not-b", "Not b", b)]), application));
        });

    [Fact]
    public void DecisionOutcome_FollowsTheTopRule_PassEligible_FailIneligible_UndecidedIncomplete() =>
        Property.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityDecision decision = EligibilityGenerators.PolicyOf(trees.A.Build("x")).Decide(trees.Application);

            EligibilityOutcome expected = decision.Explanation.Outcome switch
            {
                CriterionOutcome.Pass => EligibilityOutcome.Eligible,
                CriterionOutcome.Fail => EligibilityOutcome.Ineligible,
                _ => EligibilityOutcome.Incomplete,
            };
            Assert.Equal(expected, decision.Outcome);
        });

    private static CriterionOutcome Outcome(EligibilityRule rule, Application application) =>
        EligibilityGenerators.PolicyOf(rule).Decide(application).Explanation.Outcome;
}
