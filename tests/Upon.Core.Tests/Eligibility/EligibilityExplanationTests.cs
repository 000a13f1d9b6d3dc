using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary><see cref="EligibilityExplanation"/>: a decision's outcome, reasons and rule-by-rule explanation as text.</summary>
public sealed class EligibilityExplanationTests
{
    private static readonly CriterionResult Experience = new("experience", "Experience", RuleKind.Experience, CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient);
    private static readonly CriterionResult Readiness = new("readiness", "Readiness", RuleKind.Readiness, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing);
    private static readonly CriterionResult Statement = new("statement", "Statement", RuleKind.Statement, CriterionOutcome.Pass, ReasonCodes.StatementPresent);

    [Fact]
    public void DescribeOutcome_SaysTheOutcome_WithTheDateEligibleFromWhenKnown()
    {
        Assert.Equal("eligible", Decision(EligibilityOutcome.Eligible, Statement).DescribeOutcome());
        Assert.Equal("incomplete", Decision(EligibilityOutcome.Incomplete, Readiness).DescribeOutcome());
        Assert.Equal("ineligible", Decision(EligibilityOutcome.Ineligible, Experience).DescribeOutcome());
        Assert.Equal("ineligible (eligible from 2024-02-29)", (Decision(EligibilityOutcome.Ineligible, Experience) with { EligibleFrom = new LocalDate(2024, 2, 29) }).DescribeOutcome());
    }

    [Fact]
    public void Causes_OfAnAll_AreItsRulesWithItsOutcome_DownToTheCriteria_InOrder()
    {
        CriterionResult second = new("second", "Second", RuleKind.Experience, CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient);
        CriterionResult any = new("routes", "Routes", RuleKind.Any, CriterionOutcome.Fail, ReasonCodes.AnyFailed) { Results = [Experience, second] };
        CriterionResult top = new("top", "Top", RuleKind.All, CriterionOutcome.Fail, ReasonCodes.AllFailed) { Results = [Statement, any, Readiness, second] };

        Assert.Equal([Experience, second, second], top.Causes().ToArray());
    }

    [Fact]
    public void Causes_OfANot_AndOfACriterion_AreThemselves()
    {
        CriterionResult not = new("not", "Not", RuleKind.Not, CriterionOutcome.Pass, ReasonCodes.NotPassed) { Results = [Experience] };

        Assert.Equal([not], not.Causes().ToArray());
        Assert.Equal([Experience], Experience.Causes().ToArray());
    }

    [Fact]
    public void Causes_OfACombiningRuleNoneOfWhoseRulesSharesItsOutcome_IsItself()
    {
        CriterionResult empty = new("empty", "Empty", RuleKind.All, CriterionOutcome.Pass, ReasonCodes.AllPassed);

        Assert.Equal([empty], empty.Causes().ToArray());
    }

    [Fact]
    public void Summary_IsTheMessageWhenEligible_ElseTheDistinctReasonsOfTheCauses()
    {
        CriterionResult tooLong = new("statement", "Statement", RuleKind.Statement, CriterionOutcome.Fail, ReasonCodes.StatementTooLong);
        CriterionResult failed = new("top", "Top", RuleKind.All, CriterionOutcome.Fail, ReasonCodes.AllFailed) { Results = [Experience, Statement, tooLong, Experience] };
        CriterionResult undecided = new("top", "Top", RuleKind.All, CriterionOutcome.Undecided, ReasonCodes.AllUndecided) { Results = [Statement, Readiness] };
        CriterionResult passed = new("top", "Top", RuleKind.All, CriterionOutcome.Pass, ReasonCodes.AllPassed) { Results = [Statement] };

        Assert.Equal("experience.insufficient; statement.too-long", Decision(EligibilityOutcome.Ineligible, failed).Summary());
        Assert.Equal("readiness.missing", Decision(EligibilityOutcome.Incomplete, undecided).Summary());
        Assert.Equal("All 1 requirements met.", Decision(EligibilityOutcome.Eligible, passed).Summary());
    }

    [Fact]
    public void ToLines_OfAResult_MarksEachRule_AndIndentsTwoSpacesALevel()
    {
        CriterionResult top = new("top", "Top", RuleKind.All, CriterionOutcome.Undecided, ReasonCodes.AllUndecided) { Results = [Statement, Readiness] };

        Assert.Equal(
            [
                "[????] top (all.undecided): 1 of 2 requirements cannot be decided from the information given.",
                "  [pass] statement (statement.present): 0 words; a statement required; met.",
                "  [????] readiness (readiness.missing): No date given by which the applicant will be ready to become a DCS.",
            ],
            top.ToLines().ToArray());
        Assert.Equal("[FAIL] experience (experience.insufficient): Not met.", Experience.ToText());
    }

    [Fact]
    public void ToText_OfADecision_IsItsHeadingAndItsRules_JoinedByLineFeeds()
    {
        EligibilityDecision decision = Decision(EligibilityOutcome.Ineligible, Experience) with { EligibleFrom = new LocalDate(2023, 1, 5) };

        Assert.Equal(
            "A-1: ineligible (eligible from 2023-01-05) under policy v3, as of 2022-06-01\n  [FAIL] experience (experience.insufficient): Not met.",
            decision.ToText());
    }

    [Property]
    public Property ToLines_OfEveryGeneratedDecision_HasTheHeadingThenOneLinePerRule_InTheTreesOrder() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            EligibilityDecision decision = pair.Policy.Decide(pair.Application);
            ImmutableArray<string> lines = decision.ToLines();
            CriterionResult[] rules = [.. Flatten(decision.Explanation, 1).Select(r => r.Result)];
            int[] depths = [.. Flatten(decision.Explanation, 1).Select(r => r.Depth)];

            Assert.Equal(1 + decision.Explanation.Count, lines.Length);
            Assert.StartsWith($"{decision.ApplicationId}: {decision.DescribeOutcome()} under ", lines[0], StringComparison.Ordinal);
            for (int i = 0; i < rules.Length; i++)
            {
                Match line = Regex.Match(lines[i + 1], @"^( *)\[(pass|FAIL|\?\?\?\?)\] (\S+) \(([^)]+)\): ");
                Assert.True(line.Success, lines[i + 1]);
                Assert.Equal(depths[i] * 2, line.Groups[1].Length);
                Assert.Equal(rules[i].Code, line.Groups[3].Value);
                Assert.Equal(rules[i].Reason, line.Groups[4].Value);
                Assert.EndsWith(rules[i].Message, lines[i + 1], StringComparison.Ordinal);
            }

            Assert.All(decision.Explanation.Causes(), c => Assert.Equal(decision.Explanation.Outcome, c.Outcome));
        });

    [Fact]
    public void EveryMethod_RefusesNull()
    {
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.DescribeOutcome(null!)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.Summary(null!)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.ToLines((EligibilityDecision)null!)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.ToText((EligibilityDecision)null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.ToLines((CriterionResult)null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.ToText((CriterionResult)null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => EligibilityExplanation.Causes(null!)).ParamName);
    }

    private static EligibilityDecision Decision(EligibilityOutcome outcome, CriterionResult explanation) =>
        new("A-1", outcome, "policy", 3, new LocalDate(2022, 6, 1), explanation, null);

    private static System.Collections.Generic.IEnumerable<(CriterionResult Result, int Depth)> Flatten(CriterionResult result, int depth) =>
        new[] { (result, depth) }.Concat(result.Results.SelectMany(r => Flatten(r, depth + 1)));
}
