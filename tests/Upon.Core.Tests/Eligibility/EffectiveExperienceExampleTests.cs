using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The tricky cases of effective experience: leap days, overlaps, gaps, current and future roles, part time, acting up, two routes.</summary>
public sealed class EffectiveExperienceExampleTests
{
    private static readonly Period ThreeYears = Period.FromYears(3);

    [Fact]
    public void RoleStartedOn29February_NodaTimeTruncatesThreeYearsOnTo28February_AndThatDayIsEligible()
    {
        LocalDate leapDay = new(2016, 2, 29);

        // NodaTime adds years and then truncates to the month's last day: 29 Feb 2016 + 3 years = 28 Feb 2019,
        // and the period between those dates is exactly 3 years (1,095 days).
        Assert.Equal(new LocalDate(2019, 2, 28), leapDay.Plus(ThreeYears));
        Assert.Equal(ThreeYears, Period.Between(leapDay, new LocalDate(2019, 2, 28), PeriodUnits.YearMonthDay));

        EligibilityDecision onTheDay = BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2019, 2, 28), Head(leapDay)));
        EligibilityDecision dayBefore = BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2019, 2, 27), Head(leapDay)));

        Assert.Equal(EligibilityOutcome.Eligible, onTheDay.Outcome);
        Assert.Equal(1095m, Experience(onTheDay).Experience!.Days);
        Assert.Equal(ThreeYears, Experience(onTheDay).Measured);
        Assert.Equal(EligibilityOutcome.Ineligible, dayBefore.Outcome);
        Assert.Equal(Period.FromDays(1), Experience(dayBefore).Difference);
        Assert.Equal(new LocalDate(2019, 2, 28), dayBefore.EligibleFrom);
    }

    [Fact]
    public void PastRoleEndingOn29February_ThatCompletesThreeCalendarYears_IsEligible()
    {
        // 1 March 2017 to 29 February 2020 (last day in post, included) is 1,096 days: exactly three calendar years.
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), Head(new LocalDate(2017, 3, 1), new LocalDate(2020, 2, 29))));

        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        Assert.Equal(1096m, Experience(decision).Experience!.Days);
        Assert.Equal(ThreeYears, Experience(decision).Measured);
        Assert.Null(decision.EligibleFrom);
    }

    [Fact]
    public void RoleNestedInsideAnother_CountsOnce()
    {
        Role outer = Head(new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31));
        Role inner = Head(new LocalDate(2015, 6, 1), new LocalDate(2015, 9, 30));

        EffectiveExperience experience = Experience(BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), outer, inner))).Experience!;

        Assert.Equal(731m, experience.Days);
        Assert.Equal(Period.FromYears(2), experience.Period);
        Assert.Equal(731m, experience.Roles[0].Days);
        Assert.Equal(122m, experience.Roles[1].Days);
        Assert.Equal(0m, experience.CurrentDailyRate);
    }

    [Fact]
    public void SeparatePeriods_AddUpAsIfWorkedWithoutABreakFromTheFirst()
    {
        // 2015-2016 (731 days) and 2018 (365 days): 1,096 days from 1 January 2015 reach 1 January 2018, three calendar years.
        Application application = Applicant(
            new LocalDate(2020, 10, 1),
            Head(new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31)),
            Head(new LocalDate(2018, 1, 1), new LocalDate(2018, 12, 31)));

        CriterionResult result = Experience(BuiltInPolicies.Year1.Decide(application));

        Assert.Equal(1096m, result.Experience!.Days);
        Assert.Equal(ThreeYears, result.Measured);
        Assert.Equal(CriterionOutcome.Pass, result.Outcome);
        Assert.Equal("3 years of qualifying experience; 3 years required; met.", result.Message);
    }

    [Fact]
    public void GapBetweenRoles_DoesNotCount_AndNothingIsProjectedFromRolesThatHaveEnded()
    {
        Application application = Applicant(
            new LocalDate(2020, 10, 1),
            Head(new LocalDate(2016, 1, 1), new LocalDate(2016, 12, 31)),
            Head(new LocalDate(2019, 1, 1), new LocalDate(2019, 12, 31)));

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        Assert.Equal(366m + 365m, Experience(decision).Experience!.Days);
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Null(Experience(decision).MetOn);
        Assert.Null(decision.EligibleFrom);
        Assert.EndsWith("; 3 years required; short by 1 year.", Experience(decision).Message);
    }

    [Fact]
    public void CurrentRole_CountsUpToTheDayBeforeTheAsOfDate()
    {
        EffectiveExperience experience = Experience(BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), Head(new LocalDate(2020, 1, 1))))).Experience!;

        RoleEvidence evidence = Assert.Single(experience.Roles);
        Assert.Equal(ReasonCodes.RoleCounted, evidence.Reason);
        Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2020, 9, 30)), evidence.Counted);
        Assert.Equal(274m, experience.Days);
        Assert.Equal(1m, experience.CurrentDailyRate);
    }

    [Fact]
    public void FutureRole_CountsNothing_AndIsNotAssumedForEligibleFrom()
    {
        Application application = Applicant(
            new LocalDate(2020, 10, 1),
            Head(new LocalDate(2018, 10, 1), new LocalDate(2020, 9, 30)),
            Head(new LocalDate(2020, 11, 1)));

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        EffectiveExperience experience = Experience(decision).Experience!;
        Assert.Equal(ReasonCodes.RoleNotStarted, experience.Roles[1].Reason);
        Assert.Null(experience.Roles[1].Counted);
        Assert.Equal(0m, experience.Roles[1].Days);
        Assert.Equal(731m, experience.Days);
        Assert.Equal(0m, experience.CurrentDailyRate);
        Assert.Null(decision.EligibleFrom);
    }

    [Fact]
    public void PartTimeRole_CountsProRataOrInFull_AsTheRuleSays()
    {
        // 0.6 of full time for four years (1,461 days): 876.6 days pro rata, 1,461 days in full.
        Role partTime = new("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2016, 1, 1), partTimeFraction: 0.6m);
        Application application = Applicant(new LocalDate(2020, 1, 1), partTime);

        CriterionResult proRata = EligibilityGenerators.PolicyOf(EligibilityGenerators.ThreeYears(PartTimeCounting.ProRata)).Decide(application).Explanation;
        CriterionResult full = EligibilityGenerators.PolicyOf(EligibilityGenerators.ThreeYears(PartTimeCounting.Full)).Decide(application).Explanation;

        Assert.Equal(876.6m, proRata.Experience!.Days);
        Assert.Equal(CriterionOutcome.Fail, proRata.Outcome);
        Assert.Equal(0.6m, proRata.Experience.CurrentDailyRate);
        Assert.Equal(1461m, full.Experience!.Days);
        Assert.Equal(CriterionOutcome.Pass, full.Outcome);
    }

    [Fact]
    public void PartTimeFraction_IsCountedInThousandthsOfADay()
    {
        Role third = new("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 10), partTimeFraction: 1m / 3m);

        EffectiveExperience experience = Experience(BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), third))).Experience!;

        // 10 days at 0.333 make 3.33 days; in calendar terms a part of a day rounds up, so 4 days.
        Assert.Equal(3.33m, experience.Days);
        Assert.Equal(Period.FromDays(4), experience.Period);
    }

    [Fact]
    public void TwoHalfTimeRolesHeldTogether_CountAsTheLargerWeightNotTheSum_ProRata()
    {
        LocalDate start = new(2017, 10, 1);
        Role half = new("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, partTimeFraction: 0.5m);
        Role otherHalf = new("Interim Lead for Family Hubs", "Riverside Children's Trust", OrganisationType.ChildrensTrust, Sector.Education, RoleLevel.AssistantDirector, start, partTimeFraction: 0.5m);

        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), half, otherHalf));

        // Concurrent roles never count twice: each day takes the largest weight held, here a half day.
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Equal(548m, Experience(decision).Experience!.Days);
        Assert.Equal(0.5m, Experience(decision).Experience!.CurrentDailyRate);
    }

    [Fact]
    public void ActingUp_CountsUnderTheBuiltIns_AndNotUnderARuleThatExcludesIt()
    {
        Role acting = new("Interim Lead for Family Hubs", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2017, 1, 1), isActing: true);
        Application application = Applicant(new LocalDate(2020, 10, 1), acting);
        ExperienceRule excluding = new("experience", "Three years, acting not counted", ThreeYears, [EligibilityGenerators.LocalGovernment], PartTimeCounting.ProRata, actingCounts: false);

        EligibilityDecision builtIn = BuiltInPolicies.Year1.Decide(application);
        EligibilityDecision custom = EligibilityGenerators.PolicyOf(excluding).Decide(application);

        Assert.Equal(EligibilityOutcome.Eligible, builtIn.Outcome);
        Assert.Equal(ReasonCodes.RoleCounted, Experience(builtIn).Experience!.Roles[0].Reason);
        Assert.Equal(EligibilityOutcome.Ineligible, custom.Outcome);
        Assert.Equal(ReasonCodes.RoleActingNotCounted, custom.Explanation.Experience!.Roles[0].Reason);
        Assert.Equal(0m, custom.Explanation.Experience.Days);
        Assert.Null(custom.EligibleFrom);
    }

    [Fact]
    public void RoleLevelAndSector_ExclusionsHaveTheirOwnReasons()
    {
        Role teamManager = new("Principal Social Worker (North)", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.TeamManager, new LocalDate(2010, 1, 1));
        Role privateDirector = new("Strategic Lead, Corporate Parenting", "Harbour Youth Charity", OrganisationType.Private, Sector.ChildrensServices, RoleLevel.Director, new LocalDate(2010, 1, 1));

        EffectiveExperience experience = Experience(BuiltInPolicies.Year1.Decide(Applicant(new LocalDate(2020, 10, 1), teamManager, privateDirector))).Experience!;

        Assert.Equal(ReasonCodes.RoleLevelNotQualifying, experience.Roles[0].Reason);
        Assert.Equal(ReasonCodes.RoleSectorNotQualifying, experience.Roles[1].Reason);
        Assert.Null(experience.FirstDay);
        Assert.Equal(Period.Zero, experience.Period);
    }

    [Fact]
    public void TwoRoutes_TheTransferableRouteCountsLocalGovernmentAndRelatedSectorRolesTogether()
    {
        // Eighteen months in an NHS body, then eighteen months in a council: neither route alone has three years of
        // local-government experience, but the transferable route counts both.
        Role nhs = new("Strategic Lead, Corporate Parenting", "Eastmoor NHS Foundation Trust", OrganisationType.NhsBody, Sector.Health, RoleLevel.Director, new LocalDate(2018, 1, 1), new LocalDate(2019, 6, 30));
        Role council = Head(new LocalDate(2019, 7, 1));
        Application application = new("A-2", "2021/22", new LocalDate(2021, 1, 1), [nhs, council], new LocalDate(2022, 9, 1), "I will champion every child.");

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);

        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        CriterionResult routes = Explanations.Find(decision, BuiltInPolicies.ExperienceCode);
        Assert.Equal(RuleKind.Any, routes.Kind);
        Assert.Equal(2, routes.Results.Length);
        CriterionResult localGovernment = routes.Results[0];
        CriterionResult transferable = routes.Results[1];
        Assert.Equal(BuiltInPolicies.LocalGovernmentRouteCode, localGovernment.Code);
        Assert.Equal(CriterionOutcome.Fail, localGovernment.Outcome);
        Assert.Equal("1 year 6 months of qualifying experience; 3 years required; short by 1 year 6 months; met on 2022-07-01 if current roles continue.", localGovernment.Message);
        Assert.Equal(CriterionOutcome.Pass, transferable.Outcome);
        Assert.Equal(ThreeYears, transferable.Measured);
        Assert.Equal(ReasonCodes.AnyPassed, routes.Reason);
        Assert.Null(decision.EligibleFrom);
    }

    [Fact]
    public void TwoRoutes_WhenBothFail_EligibleFromIsTheEarlierRoute()
    {
        Role nhs = new("Strategic Lead, Corporate Parenting", "Eastmoor NHS Foundation Trust", OrganisationType.NhsBody, Sector.Health, RoleLevel.Director, new LocalDate(2019, 1, 1), new LocalDate(2019, 12, 31));
        Role council = Head(new LocalDate(2020, 1, 1));
        Application application = new("A-3", "2021/22", new LocalDate(2021, 6, 1), [nhs, council], new LocalDate(2022, 9, 1), "I will champion every child.");

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);

        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        CriterionResult routes = Explanations.Find(decision, BuiltInPolicies.ExperienceCode);
        Assert.Equal(new LocalDate(2023, 1, 1), routes.Results[0].MetOn);
        Assert.Equal(new LocalDate(2022, 1, 1), routes.Results[1].MetOn);
        Assert.Equal("None of the 2 routes met.", routes.Message);
        Assert.Equal(new LocalDate(2022, 1, 1), decision.EligibleFrom);
    }

    private static CriterionResult Experience(EligibilityDecision decision) => Explanations.Find(decision, BuiltInPolicies.LocalGovernmentRouteCode);

    private static Role Head(LocalDate start, LocalDate? end = null) =>
        new("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, end);

    private static Application Applicant(LocalDate assessedOn, params Role[] roles) =>
        new("A-1", "2020/21", assessedOn, roles, assessedOn.PlusYears(1), "I will champion every child.");
}
