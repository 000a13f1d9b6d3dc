using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The statement and assessor-outcome criteria, under the built-in policies and custom rules.</summary>
public sealed class CriterionRuleTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData(" \t\r\n ", 0)]
    [InlineData("children", 1)]
    [InlineData("  every   child\tdeserves\na\r\nchampion  ", 5)]
    [InlineData("non-breaking\u00A0space, and punctuation: counts!", 5)]
    [InlineData("ready—now", 1)]
    public void CountWords_CountsRunsOfNonWhiteSpace(string? text, int words) =>
        Assert.Equal(words, StatementRule.CountWords(text));

    [Theory]
    [InlineData(null)]
    [InlineData("   \n ")]
    public void Statement_MissingOrBlank_UnderTheBuiltIns_IsIncomplete(string? statement)
    {
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(Applicant(statement: statement));

        Assert.Equal(EligibilityOutcome.Incomplete, decision.Outcome);
        CriterionResult result = Explanations.Find(decision, BuiltInPolicies.StatementCode);
        Assert.Equal(CriterionOutcome.Undecided, result.Outcome);
        Assert.Equal(ReasonCodes.StatementMissing, result.Reason);
        Assert.Equal("No statement given; 1 to 500 words allowed.", result.Message);
    }

    [Fact]
    public void Statement_Of500Words_Passes_And501WordsIsTooLong()
    {
        EligibilityDecision fits = BuiltInPolicies.Year1.Decide(Applicant(statement: Words(500)));
        EligibilityDecision tooLong = BuiltInPolicies.Year1.Decide(Applicant(statement: Words(501)));

        Assert.Equal(EligibilityOutcome.Eligible, fits.Outcome);
        Assert.Equal("500 words; 1 to 500 words allowed; met.", Explanations.Find(fits, BuiltInPolicies.StatementCode).Message);
        Assert.Equal(EligibilityOutcome.Ineligible, tooLong.Outcome);
        CriterionResult result = Explanations.Find(tooLong, BuiltInPolicies.StatementCode);
        Assert.Equal(ReasonCodes.StatementTooLong, result.Reason);
        Assert.Equal(501, result.Words);
        Assert.Equal("501 words; 1 to 500 words allowed; too long.", result.Message);
        Assert.Null(tooLong.EligibleFrom);
    }

    [Fact]
    public void Statement_BelowACustomMinimum_IsTooShort()
    {
        EligibilityPolicy policy = EligibilityGenerators.PolicyOf(new StatementRule("statement", "A statement", 10, 20));

        CriterionResult result = policy.Decide(Applicant(statement: Words(9))).Explanation;

        Assert.Equal(CriterionOutcome.Fail, result.Outcome);
        Assert.Equal(ReasonCodes.StatementTooShort, result.Reason);
        Assert.Equal("9 words; 10 to 20 words allowed; too short.", result.Message);
    }

    [Fact]
    public void StatementRule_RefusesBadWordLimits()
    {
        Assert.Equal("minimumWords", Assert.Throws<System.ArgumentOutOfRangeException>(() => new StatementRule("s", "S", 0, 10)).ParamName);
        Assert.Equal("maximumWords", Assert.Throws<System.ArgumentOutOfRangeException>(() => new StatementRule("s", "S", 10, 9)).ParamName);
    }

    [Fact]
    public void AssessorOutcome_NotMet_FailsTheBuiltIns_AndMetPasses()
    {
        EligibilityDecision notMet = BuiltInPolicies.Year1.Decide(Applicant(outcomes: new AssessorOutcomes(MoralPurpose: AssessorOutcome.NotMet)));
        EligibilityDecision met = BuiltInPolicies.Year1.Decide(Applicant(outcomes: new AssessorOutcomes(MoralPurpose: AssessorOutcome.Met)));
        EligibilityDecision notYet = BuiltInPolicies.Year1.Decide(Applicant(outcomes: null));

        Assert.Equal(EligibilityOutcome.Ineligible, notMet.Outcome);
        CriterionResult failed = Explanations.Find(notMet, BuiltInPolicies.AssessmentCode);
        Assert.Equal(ReasonCodes.AssessorNotMet, failed.Reason);
        Assert.Equal("The assessors judged this not met.", failed.Message);
        Assert.Equal(EligibilityOutcome.Eligible, met.Outcome);
        Assert.Equal(ReasonCodes.AssessorMet, Explanations.Find(met, BuiltInPolicies.AssessmentCode).Reason);
        Assert.Equal(EligibilityOutcome.Eligible, notYet.Outcome);
        Assert.Equal(ReasonCodes.AssessorNotYetAssessed, Explanations.Find(notYet, BuiltInPolicies.AssessmentCode).Reason);
    }

    [Fact]
    public void AssessorOutcome_OtherCriteriaJudged_DoNotAffectTheMoralPurposeRule()
    {
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(Applicant(outcomes: new AssessorOutcomes(Experience: AssessorOutcome.NotMet, Readiness: AssessorOutcome.NotMet)));

        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        Assert.Equal(ReasonCodes.AssessorNotYetAssessed, Explanations.Find(decision, BuiltInPolicies.AssessmentCode).Reason);
    }

    [Fact]
    public void AssessorOutcomeRule_RequiringAnOutcome_WithoutOne_IsIncomplete()
    {
        EligibilityPolicy policy = EligibilityGenerators.PolicyOf(new AssessorOutcomeRule("readiness.assessed", "Readiness judged", AssessedCriterion.Readiness, requireOutcome: true));

        EligibilityDecision pending = policy.Decide(Applicant(outcomes: new AssessorOutcomes(MoralPurpose: AssessorOutcome.Met)));
        EligibilityDecision judged = policy.Decide(Applicant(outcomes: new AssessorOutcomes(Readiness: AssessorOutcome.Met)));

        Assert.Equal(EligibilityOutcome.Incomplete, pending.Outcome);
        Assert.Equal(ReasonCodes.AssessorPending, pending.Explanation.Reason);
        Assert.Equal("Not yet judged by the assessors, and a judgement is required.", pending.Explanation.Message);
        Assert.Null(pending.EligibleFrom);
        Assert.Equal(EligibilityOutcome.Eligible, judged.Outcome);
    }

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("child", count));

    private static Application Applicant(string? statement = "I will champion every child.", AssessorOutcomes? outcomes = null) =>
        new(
            "A-1",
            "2020/21",
            new LocalDate(2020, 10, 1),
            [new Role("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2015, 1, 1))],
            new LocalDate(2021, 9, 1),
            statement,
            assessorOutcomes: outcomes);
}
