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
