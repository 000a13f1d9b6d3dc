namespace Upon.Core.Eligibility;

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
