namespace Upon.Core.Eligibility;

/// <summary>The kind of organisation a role was held in.</summary>
public enum OrganisationType
{
    /// <summary>A local authority (council) with children's services.</summary>
    LocalAuthority = 1,

    /// <summary>A children's services trust running an authority's children's services.</summary>
    ChildrensTrust,

    /// <summary>An NHS body: trust, integrated care board, NHS England.</summary>
    NhsBody,

    /// <summary>A school, academy or multi-academy trust.</summary>
    SchoolOrAcademyTrust,

    /// <summary>A voluntary or community sector organisation, including charities.</summary>
    VoluntarySector,

    /// <summary>A central government department or agency (for example the DfE or Ofsted).</summary>
    CentralGovernment,

    /// <summary>A police force, probation service, youth justice board or other justice body.</summary>
    PoliceOrJustice,

    /// <summary>A private company, including independent providers of children's services.</summary>
    Private,
}

/// <summary>The field or sector a role's work was in, whatever the kind of organisation.</summary>
public enum Sector
{
    /// <summary>Children's services: children's social care, early help, and education services run by a local authority.</summary>
    ChildrensServices = 1,

    /// <summary>Education outside local-authority children's services (schools, academies, further education).</summary>
    Education,

    /// <summary>Health, including public health.</summary>
    Health,

    /// <summary>Adult social care.</summary>
    AdultSocialCare,

    /// <summary>Policing, probation and youth or criminal justice.</summary>
    PolicingAndJustice,

    /// <summary>Housing.</summary>
    Housing,

    /// <summary>Central government policy and regulation.</summary>
    CentralGovernment,

    /// <summary>Community and voluntary-sector services.</summary>
    VoluntaryAndCommunity,

    /// <summary>Any other field.</summary>
    Other,
}

/// <summary>The level of a role, from front-line management to the head of an organisation.</summary>
/// <remarks>Levels are ordered: a higher value is a more senior level.</remarks>
public enum RoleLevel
{
    /// <summary>A practitioner or professional without management responsibility.</summary>
    Practitioner = 1,

    /// <summary>A team manager.</summary>
    TeamManager,

    /// <summary>A service manager, managing several teams.</summary>
    ServiceManager,

    /// <summary>A head of service.</summary>
    HeadOfService,

    /// <summary>An assistant director.</summary>
    AssistantDirector,

    /// <summary>A deputy director.</summary>
    DeputyDirector,

    /// <summary>A director (including a Director of Children's Services).</summary>
    Director,

    /// <summary>A chief executive or chief officer.</summary>
    ChiefExecutive,
}

/// <summary>An assessor's judgement of one criterion.</summary>
public enum AssessorOutcome
{
    /// <summary>The assessors judged the criterion met.</summary>
    Met = 1,

    /// <summary>The assessors judged the criterion not met.</summary>
    NotMet,
}
