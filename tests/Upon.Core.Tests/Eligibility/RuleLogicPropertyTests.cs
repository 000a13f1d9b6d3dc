using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>All, any and not follow three-valued (Kleene) logic on random rule trees.</summary>
public sealed class RuleLogicPropertyTests
{
    [Property]
    public Property NotOfNot_HasTheOutcomeOfTheRuleUnderIt() =>
        Prop.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityRule x = trees.A.Build("x");

            Assert.Equal(
                Outcome(x, trees.Application),
                Outcome(new NotRule("not-not", "Not not", new NotRule("not", "Not", x)), trees.Application));
        });

    [Property]
    public Property AllAndAnyOfOneRule_HaveThatRulesOutcome() =>
        Prop.ForAll(EligibilityGenerators.RuleTrees(), trees =>
        {
            EligibilityRule x = trees.A.Build("x");
            CriterionOutcome expected = Outcome(x, trees.Application);

            Assert.Equal(expected, Outcome(new AllRule("all", "All", [x]), trees.Application));
            Assert.Equal(expected, Outcome(new AnyRule("any", "Any", [x]), trees.Application));
        });

    [Property]
    public Property DeMorgan_NotAllIsAnyOfNots_AndNotAnyIsAllOfNots() =>
        Prop.ForAll(EligibilityGenerators.RuleTrees(), trees =>
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

    [Property]
    public Property DecisionOutcome_FollowsTheTopRule_PassEligible_FailIneligible_UndecidedIncomplete() =>
        Prop.ForAll(EligibilityGenerators.RuleTrees(), trees =>
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
