using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The cases the sources and the issue name, decided by the built-in policies.</summary>
public sealed class BuiltInPolicyExampleTests
{
    private static readonly LocalDate ReadyBy = new(2022, 9, 1);

    [Fact]
    public void Decide_RoleStartedThreeYearsBeforeToTheDay_IsEligible()
    {
        Application application = Applicant(new LocalDate(2020, 10, 1), AssistantDirector(new LocalDate(2017, 10, 1)));

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        CriterionResult experience = Find(decision, BuiltInPolicies.LocalGovernmentRouteCode);
        Assert.Equal(Period.FromYears(3), experience.Measured);
        Assert.Equal(Period.Zero, experience.Difference);
        Assert.Equal("3 years of qualifying experience; 3 years required; met.", experience.Message);
        Assert.Null(decision.EligibleFrom);
    }

    [Fact]
    public void Decide_OneDayShort_IsIneligibleAndEligibleNextDay()
    {
        Application application = Applicant(new LocalDate(2020, 9, 30), AssistantDirector(new LocalDate(2017, 10, 1)));

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        CriterionResult experience = Find(decision, BuiltInPolicies.LocalGovernmentRouteCode);
        Assert.Equal(ReasonCodes.ExperienceInsufficient, experience.Reason);
        Assert.Equal(Period.FromDays(1), experience.Difference);
        Assert.Equal(new LocalDate(2020, 10, 1), decision.EligibleFrom);
    }

    [Fact]
    public void Decide_TwoYearsSevenMonths_ExplainsTheShortfallInWords()
    {
        Application application = Applicant(new LocalDate(2020, 10, 1), AssistantDirector(new LocalDate(2018, 3, 1)));

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        CriterionResult experience = Find(decision, BuiltInPolicies.LocalGovernmentRouteCode);
        Assert.Equal(
            "2 years 7 months of qualifying experience; 3 years required; short by 5 months; met on 2021-03-01 if current roles continue.",
            experience.Message);
        Assert.Equal(new LocalDate(2021, 3, 1), decision.EligibleFrom);
    }

    [Fact]
    public void Decide_SeniorNhsLeader_IsIneligibleInYear1AndEligibleInYear2ByTheSecondRoute()
    {
        Role nhs = new("Director of Nursing", "An NHS trust", OrganisationType.NhsBody, Sector.Health, RoleLevel.Director, new LocalDate(2016, 1, 4));

        EligibilityDecision year1 = BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), nhs));
        EligibilityDecision year2 = BuiltInPolicies.Year2.Decide(Applicant(new LocalDate(2021, 6, 1), nhs) with { });

        Assert.Equal(EligibilityOutcome.Ineligible, year1.Outcome);
        Assert.Equal(ReasonCodes.RoleSectorNotQualifying, Find(year1, BuiltInPolicies.LocalGovernmentRouteCode).Experience!.Roles[0].Reason);
        Assert.Null(year1.EligibleFrom);
        Assert.Equal(EligibilityOutcome.Eligible, year2.Outcome);
        CriterionResult routes = Find(year2, BuiltInPolicies.ExperienceCode);
        Assert.Equal(2, routes.Results.Length);
        Assert.Equal(CriterionOutcome.Fail, routes.Results[0].Outcome);
        Assert.Equal(CriterionOutcome.Pass, routes.Results[1].Outcome);
        Assert.Equal("Met by the route \"Three years' senior leadership in children's services or related sectors\" (2 routes tried).", routes.Message);
    }

    [Fact]
    public void Decide_OverlappingRoles_CountOnce_AndGapsDoNotCount()
    {
        Application application = Applicant(
            new LocalDate(2021, 1, 1),
            AssistantDirector(new LocalDate(2017, 1, 1), new LocalDate(2018, 12, 31)),
            AssistantDirector(new LocalDate(2018, 1, 1), new LocalDate(2019, 6, 30)),
            AssistantDirector(new LocalDate(2020, 1, 1)));

        EffectiveExperience experience = Find(BuiltInPolicies.Year1.Decide(application), BuiltInPolicies.LocalGovernmentRouteCode).Experience!;

        // 2017-01-01..2019-06-30 (911 days) plus 2020-01-01..2020-12-31 (366 days).
        Assert.Equal(911 + 366, experience.Days);
        Assert.Equal(new LocalDate(2017, 1, 1), experience.FirstDay);
    }

    [Fact]
    public void Decide_HalfTimeRole_CountsProRata()
    {
        Role halfTime = new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2014, 10, 1), partTimeFraction: 0.5m);

        CriterionResult result = Find(BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), halfTime)), BuiltInPolicies.LocalGovernmentRouteCode);

        Assert.Equal(CriterionOutcome.Pass, result.Outcome);
        Assert.Equal(Period.DaysBetween(new LocalDate(2014, 10, 1), new LocalDate(2020, 10, 1)) / 2m, result.Experience!.Days);
    }

    [Fact]
    public void Decide_FutureRole_CountsNothing()
    {
        CriterionResult result = Find(
            BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), AssistantDirector(new LocalDate(2020, 10, 1)))),
            BuiltInPolicies.LocalGovernmentRouteCode);

        Assert.Equal(0m, result.Experience!.Days);
        Assert.Equal(ReasonCodes.RoleNotStarted, result.Experience.Roles[0].Reason);
        Assert.Equal(Period.FromYears(3), result.Difference);
    }

    [Fact]
    public void Decide_NoReadinessDate_IsIncomplete()
    {
        Application application = new("A-1", "2020/21", new LocalDate(2020, 10, 1), [AssistantDirector(new LocalDate(2015, 1, 1))], readyBy: null, moralPurposeStatement: "Children first.");

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        Assert.Equal(EligibilityOutcome.Incomplete, decision.Outcome);
        Assert.Equal(ReasonCodes.ReadinessMissing, Find(decision, BuiltInPolicies.ReadinessCode).Reason);
    }

    [Fact]
    public void Decide_ReadinessBeyondTheWindow_SaysByHowMuch()
    {
        Application application = new("A-1", "2020/21", new LocalDate(2020, 10, 1), [AssistantDirector(new LocalDate(2015, 1, 1))], readyBy: new LocalDate(2024, 2, 1), moralPurposeStatement: "Children first.");

        CriterionResult readiness = Find(BuiltInPolicies.Year1.Decide(application), BuiltInPolicies.ReadinessCode);

        Assert.Equal(CriterionOutcome.Fail, readiness.Outcome);
        Assert.Equal(Period.FromMonths(4), readiness.Difference);
        Assert.Equal("Ready to become a DCS in 3 years 4 months; within 3 years required; beyond the window by 4 months.", readiness.Message);
    }

    [Fact]
    public void BuiltInRegistry_FindsThePolicyByYearAndDate()
    {
        Assert.Equal("aspirant-2021-22", PolicyRegistry.BuiltIn.Find("2021/22", new LocalDate(2021, 5, 1))?.Id);
        Assert.Null(PolicyRegistry.BuiltIn.Find("2021/22", new LocalDate(2020, 5, 1)));
        Assert.Equal(3, PolicyRegistry.BuiltIn.Policies.Length);
    }

    private static CriterionResult Find(EligibilityDecision decision, string code) => Flatten(decision.Explanation).Single(r => r.Code == code);

    private static System.Collections.Generic.IEnumerable<CriterionResult> Flatten(CriterionResult result) =>
        [result, .. result.Results.SelectMany(Flatten)];

    private static Role AssistantDirector(LocalDate start, LocalDate? end = null) =>
        new("Assistant Director", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, start, end);

    private static Application Applicant(LocalDate assessedOn, params Role[] roles) =>
        new("A-1", ProgrammeYears.Format(assessedOn.Year), assessedOn, roles, ReadyBy, "I will champion every child.");
}
