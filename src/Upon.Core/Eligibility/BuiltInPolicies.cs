namespace Upon.Core.Eligibility;

/// <summary>
/// The built-in eligibility policies of the Aspirant Directors programme, Years 1 to 3: each an
/// interpretation of the published criteria, with the choices it makes listed in
/// <see cref="EligibilityPolicy.Interpretation"/> and in docs/eligibility.md.
/// </summary>
/// <remarks>
/// <para>The published criteria, the same in each year: applicants must have</para>
/// <list type="number">
/// <item>at least three years' effective senior strategic leadership and management experience in local
/// government children's services or related fields and sectors;</item>
/// <item>be ready to make the move to DCS within the next three years;</item>
/// <item>a strong moral purpose and passion to champion children and young people and their outcomes.</item>
/// </list>
/// <para>
/// Year 2 (2021/22) changed the application process to focus on transferable skills: senior leadership
/// in related sectors outside local government counts, as a second route.
/// </para>
/// </remarks>
public static class BuiltInPolicies
{
    /// <summary>The code of every built-in policy's top rule.</summary>
    public const string EligibilityCode = "eligibility";

    /// <summary>The code of the experience requirement (an <c>any</c> of routes from Year 2).</summary>
    public const string ExperienceCode = "senior-leadership";

    /// <summary>The code of the local-government route.</summary>
    public const string LocalGovernmentRouteCode = "senior-leadership.local-government";

    /// <summary>The code of the transferable-skills route (Year 2 on).</summary>
    public const string TransferableRouteCode = "senior-leadership.transferable";

    /// <summary>The code of the readiness rule.</summary>
    public const string ReadinessCode = "readiness";

    /// <summary>The code of the moral-purpose statement rule.</summary>
    public const string StatementCode = "moral-purpose.statement";

    /// <summary>The code of the assessors' moral-purpose judgement.</summary>
    public const string AssessmentCode = "moral-purpose.assessment";

    private static readonly Period ThreeYears = Period.FromYears(3);

    private static readonly IReadOnlyList<RoleLevel> SeniorLevels = EligibilityRules.SeniorLevels;

    private static readonly ExperienceRule LocalGovernmentRoute = new(
        LocalGovernmentRouteCode,
        "Three years' senior leadership in local government children's services",
        ThreeYears,
        [new RolePattern(SeniorLevels, [OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust], [Sector.ChildrensServices, Sector.Education])],
        PartTimeCounting.ProRata,
        actingCounts: true);

    private static readonly ExperienceRule TransferableRoute = new(
        TransferableRouteCode,
        "Three years' senior leadership in children's services or related sectors",
        ThreeYears,
        [
            new RolePattern(
                SeniorLevels,
                [
                    OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust, OrganisationType.NhsBody, OrganisationType.SchoolOrAcademyTrust,
                    OrganisationType.VoluntarySector, OrganisationType.CentralGovernment, OrganisationType.PoliceOrJustice,
                ],
                [
                    Sector.ChildrensServices, Sector.Education, Sector.Health, Sector.AdultSocialCare, Sector.PolicingAndJustice,
                    Sector.Housing, Sector.CentralGovernment, Sector.VoluntaryAndCommunity,
                ]),
        ],
        PartTimeCounting.ProRata,
        actingCounts: true);

    private static readonly ReadinessRule Readiness = new(ReadinessCode, "Ready to become a DCS within three years", ThreeYears);

    private static readonly StatementRule Statement = new(StatementCode, "A statement of moral purpose", minimumWords: 1, maximumWords: 500);

    private static readonly AssessorOutcomeRule Assessment = new(AssessmentCode, "Moral purpose judged by the assessors", AssessedCriterion.MoralPurpose, requireOutcome: false);

    private static readonly ImmutableArray<string> CommonInterpretation =
    [
        "Senior strategic leadership and management means a role at head of service level or above: head of service, assistant director, deputy director, director or chief executive.",
        "Effective experience is time actually in qualifying roles before the assessment date: concurrent roles count once, gaps do not count, a current role counts up to the day before the assessment date, and a role not yet started counts nothing.",
        "Three years means three calendar years: experience is laid end to end from its first day and must reach the same date as three calendar years would.",
        "Part-time roles count pro rata to their fraction of full time; concurrent roles never add up: each day counts the largest fraction held that day, and a part of a day is rounded up to a whole day in calendar terms.",
        "Roles held on an acting or interim basis count at the level acted in.",
        "Ready to move to DCS within the next three years means a readiness date no later than three calendar years after the assessment date; an application without one cannot be decided.",
        "The moral-purpose statement is judged by assessors: the policy checks only that it is present and at most 500 words, and fails an application the assessors judged not to meet it. An application not yet assessed is not held back.",
        "Equality-monitoring answers are not part of the application the policy sees and never change a decision.",
    ];

    /// <summary>Gets the Year 1 (2020/21) policy: experience in local government children's services only.</summary>
    public static EligibilityPolicy Year1 { get; } = new(
        "aspirant-2020-21",
        1,
        "2020/21",
        new LocalDate(2020, 9, 1),
        new LocalDate(2021, 8, 31),
        "Aspirant Directors programme, Year 1 (2020/21)",
        new AllRule(EligibilityCode, "Eligible for the Aspirant Directors programme", [LocalGovernmentRoute, Readiness, Statement, Assessment]),
        [
            "Related fields and sectors are read as related fields within local government: senior roles in a local authority or children's trust in children's services or education count; roles outside local government do not.",
            .. CommonInterpretation,
        ]);

    /// <summary>Gets the Year 2 (2021/22) policy: the transferable-skills change adds senior leadership in related sectors as a second route.</summary>
    public static EligibilityPolicy Year2 { get; } = new(
        "aspirant-2021-22",
        1,
        "2021/22",
        new LocalDate(2021, 3, 1),
        new LocalDate(2022, 8, 31),
        "Aspirant Directors programme, Year 2 (2021/22)",
        new AllRule(
            EligibilityCode,
            "Eligible for the Aspirant Directors programme",
            [
                new AnyRule(ExperienceCode, "Three years' senior strategic leadership and management experience", [LocalGovernmentRoute, TransferableRoute]),
                Readiness,
                Statement,
                Assessment,
            ]),
        [
            "Two routes to the experience requirement: the Year 1 route (local government children's services), or the transferable-skills route, in which senior roles in related sectors count together with local government ones.",
            "Related sectors are health, adult social care, education, policing and justice, housing, central government and the voluntary and community sector, in local authorities, children's trusts, NHS bodies, schools and academy trusts, voluntary organisations, central government and police or justice bodies. Private-sector roles do not count.",
            .. CommonInterpretation,
        ]);

    /// <summary>Gets the Year 3 (2022/23) policy: Year 2's criteria carried forward, as no change was published.</summary>
    public static EligibilityPolicy Year3 { get; } = new(
        "aspirant-2022-23",
        1,
        "2022/23",
        new LocalDate(2022, 1, 1),
        new LocalDate(2023, 8, 31),
        "Aspirant Directors programme, Year 3 (2022/23)",
        Year2.Rule,
        [
            "No change to the criteria was published for Year 3: the Year 2 rules, both routes included, are carried forward.",
            .. Year2.Interpretation,
        ]);

    /// <summary>Gets every built-in policy, Year 1 first.</summary>
    public static ImmutableArray<EligibilityPolicy> All { get; } = [Year1, Year2, Year3];
}
