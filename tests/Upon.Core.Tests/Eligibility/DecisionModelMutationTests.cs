using System;
using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// What the mutation run of the eligibility-rules-decisions part (2026-12-07) found unpinned in the decision model: an
/// application's equality and hash part by part, the readiness date's range, the guards of the rules, the equality of
/// combining rules, the texts that stand for records with personal data, and a few sentences.
/// </summary>
public sealed class DecisionModelMutationTests
{
    private static readonly Role Senior = new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2016, 1, 1), null);

    private static readonly Application Base = new(
        "A-1", "2021/22", new LocalDate(2021, 6, 1), [Senior], new LocalDate(2023, 1, 1), "Children first.",
        new Sponsor("Name", "Role", "Organisation"), new AssessorOutcomes(MoralPurpose: AssessorOutcome.Met));

    public static TheoryData<string> Parts => new() { "id", "programmeYear", "assessedOn", "roles", "readyBy", "statement", "sponsor", "assessorOutcomes" };

    [Theory]
    [MemberData(nameof(Parts))]
    public void Applications_ThatDifferInOnePart_AreNotEqual(string part)
    {
        Application other = Differing(part);

        Assert.NotEqual(Base, other);
        Assert.False(Base.Equals(other));
        Assert.False(other.Equals(Base));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("programmeYear")]
    [InlineData("assessedOn")]
    [InlineData("roles")]
    [InlineData("readyBy")]
    public void Applications_ThatDifferInAPartOfTheHash_HashDifferently(string part) =>
        // The hash covers the id, programme year, dates and roles; two applications that differ in one of them share a
        // hash only by a 32-bit coincidence.
        Assert.NotEqual(Base.GetHashCode(), Differing(part).GetHashCode());

    [Fact]
    public void AnApplication_IsEqualToACopyOfItself_WithTheSameHash()
    {
        Application copy = new(
            "A-1", "2021/22", new LocalDate(2021, 6, 1), [Senior], new LocalDate(2023, 1, 1), "Children first.",
            new Sponsor("Name", "Role", "Organisation"), new AssessorOutcomes(MoralPurpose: AssessorOutcome.Met));

        Assert.Equal(Base, copy);
        Assert.Equal(Base.GetHashCode(), copy.GetHashCode());
        Assert.False(Base.Equals(null));
    }

    [Theory]
    [InlineData(1899, 12, 31)]
    [InlineData(2200, 1, 1)]
    public void AReadinessDateOutsideTheRange_IsRefused_NamingIt(int year, int month, int day)
    {
        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Application("A-1", "2021/22", new LocalDate(2021, 6, 1), [Senior], new LocalDate(year, month, day)));

        Assert.Equal("readyBy", refused.ParamName);
    }

    [Fact]
    public void TheRulesGuards_RefuseWhatTheyMust()
    {
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new AllRule("all", " ", [])).ParamName);
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => new NotRule("not", "Not", null!)).ParamName);
        Assert.Equal("within", Assert.Throws<ArgumentException>(() => new ReadinessRule("ready", "Ready", Period.FromDays(-1))).ParamName);
        Assert.Equal("within", Assert.Throws<ArgumentOutOfRangeException>(() => new ReadinessRule("ready", "Ready", Period.FromYears(101))).ParamName);
    }

    [Fact]
    public void CombiningRules_AreEqual_OnlyWithTheSameKindCodeTitleAndRules()
    {
        StatementRule statement = new("statement", "Statement", 1, 500);
        ReadinessRule readiness = new("readiness", "Readiness", Period.FromYears(3));
        AllRule all = new("top", "Top", [statement, readiness]);

        Assert.Equal(all, new AllRule("top", "Top", [statement, readiness]));
        Assert.NotEqual<EligibilityRule>(all, new AnyRule("top", "Top", [statement, readiness]));
        Assert.NotEqual(all, new AllRule("other", "Top", [statement, readiness]));
        Assert.NotEqual(all, new AllRule("top", "Another title", [statement, readiness]));
        Assert.NotEqual(all, new AllRule("top", "Top", [readiness, statement]));
        Assert.NotEqual(all, new AllRule("top", "Top", [statement]));
    }

    [Fact]
    public void RecordsWithPersonalData_StandForThemselvesWithoutIt()
    {
        EqualityMonitoring monitoring = new("white-british", "no", "female", "35-44", "none", "prefer-not-to-say");
        Sponsor sponsor = new("Jane Example", "Director", "A council");

        Assert.Equal("EqualityMonitoring (redacted)", monitoring.ToString());
        Assert.Equal("Sponsor", sponsor.ToString());
    }

    [Fact]
    public void Texts_SayWhatTheyStandFor()
    {
        CriterionResult result = new("readiness", "Readiness", RuleKind.Readiness, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing);
        EligibilityDecision later = BuiltInPolicies.Year1.Decide(new Application(
            "D-1", "2020/21", new LocalDate(2020, 10, 1), [new Role("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2018, 3, 1), null)], new LocalDate(2022, 9, 1), "Children first."));

        Assert.Equal("readiness: Undecided (readiness.missing)", result.ToString());
        Assert.Equal("Readiness ready", new ReadinessRule("ready", "Ready", Period.FromYears(3)).ToString());
        Assert.Equal("not:", new NotRule("not", "Not", new StatementRule("s", "S", 1, 2)).Describe());
        Assert.Equal("assessors' judgement of moral purpose, if given", new AssessorOutcomeRule("a", "A", AssessedCriterion.MoralPurpose, requireOutcome: false).Describe());
        Assert.Equal("assessors' judgement of moral purpose, required", new AssessorOutcomeRule("a", "A", AssessedCriterion.MoralPurpose, requireOutcome: true).Describe());
        Assert.Equal("D-1: Ineligible under aspirant-2020-21 v1 as of 2020-10-01; eligible from 2021-03-01", later.ToString());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    public void RoleEvidence_IsWrittenTheSameInEveryCulture_OneDayAsADay(string culture)
    {
        System.Globalization.CultureInfo saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            DateInterval counted = new(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 3));

            Assert.Equal("role 0: role.counted, 2020-01-01 to 2020-01-03, 1.5 days", new RoleEvidence(0, ReasonCodes.RoleCounted, counted, 1.5m).ToString());
            Assert.Equal("role 2: role.counted, 2020-01-01 to 2020-01-03, 1 day", new RoleEvidence(2, ReasonCodes.RoleCounted, counted, 1m).ToString());
            Assert.Equal("role 1: role.level-not-qualifying", new RoleEvidence(1, ReasonCodes.RoleLevelNotQualifying, null, 0m).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AnIncompleteDecisionsTopRule_CountsTheRequirementsThatCannotBeDecided()
    {
        Application noReadiness = new("I-1", "2021/22", new LocalDate(2021, 6, 1), [Senior], null, "Children first.");

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(noReadiness);

        Assert.Equal(EligibilityOutcome.Incomplete, decision.Outcome);
        Assert.Equal("1 of 4 requirements cannot be decided from the information given.", decision.Explanation.Message);
    }

    [Fact]
    public void AnUndecidedNot_IsItsOwnCause_NotAlsoTheRuleItNegates()
    {
        CriterionResult undecided = new("readiness", "Readiness", RuleKind.Readiness, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing);
        CriterionResult not = new("not", "Not", RuleKind.Not, CriterionOutcome.Undecided, ReasonCodes.NotUndecided) { Results = [undecided] };

        Assert.Equal([not], not.Causes().ToArray());
    }

    private static Application Differing(string part) => part switch
    {
        "id" => new("A-2", Base.ProgrammeYear, Base.AssessedOn, Base.Roles, Base.ReadyBy, Base.MoralPurposeStatement, Base.Sponsor, Base.AssessorOutcomes),
        "programmeYear" => new(Base.Id, "2022/23", Base.AssessedOn, Base.Roles, Base.ReadyBy, Base.MoralPurposeStatement, Base.Sponsor, Base.AssessorOutcomes),
        "assessedOn" => Base.WithAssessedOn(new LocalDate(2021, 6, 2)),
        "roles" => Base.WithRoles([Senior, new Role("Assistant Director", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2012, 1, 1), new LocalDate(2015, 12, 31))]),
        "readyBy" => new(Base.Id, Base.ProgrammeYear, Base.AssessedOn, Base.Roles, new LocalDate(2023, 1, 2), Base.MoralPurposeStatement, Base.Sponsor, Base.AssessorOutcomes),
        "statement" => new(Base.Id, Base.ProgrammeYear, Base.AssessedOn, Base.Roles, Base.ReadyBy, "Children second.", Base.Sponsor, Base.AssessorOutcomes),
        "sponsor" => new(Base.Id, Base.ProgrammeYear, Base.AssessedOn, Base.Roles, Base.ReadyBy, Base.MoralPurposeStatement, new Sponsor("Name", "Role", "Another"), Base.AssessorOutcomes),
        _ => new(Base.Id, Base.ProgrammeYear, Base.AssessedOn, Base.Roles, Base.ReadyBy, Base.MoralPurposeStatement, Base.Sponsor, new AssessorOutcomes(MoralPurpose: AssessorOutcome.NotMet)),
    };
}
