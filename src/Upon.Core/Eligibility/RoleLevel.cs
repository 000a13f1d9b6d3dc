namespace Upon.Core.Eligibility;

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
