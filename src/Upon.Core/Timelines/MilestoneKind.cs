namespace Upon.Core.Timelines;

/// <summary>
/// The milestones of a programme year, in the order they must fall: each kind's date is on or after
/// the dates of every kind declared before it.
/// </summary>
/// <remarks><c>default</c> is <see cref="ApplicationsOpen"/>.</remarks>
public enum MilestoneKind
{
    /// <summary>Applications open.</summary>
    ApplicationsOpen = 0,

    /// <summary>Applications close (the last day an application is accepted).</summary>
    ApplicationsClose = 1,

    /// <summary>Applications are shortlisted.</summary>
    Shortlisting = 2,

    /// <summary>Participants are selected.</summary>
    Selection = 3,

    /// <summary>The programme starts.</summary>
    ProgrammeStart = 4,

    /// <summary>The programme ends.</summary>
    ProgrammeEnd = 5,
}
