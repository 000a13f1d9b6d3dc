namespace Upon.Core.Timelines;

/// <summary>Where a programme year stands on a date; the stages follow one another in this order.</summary>
/// <remarks><c>default</c> is <see cref="NotOpen"/>.</remarks>
public enum ProgrammeStage
{
    /// <summary>Before applications open (or, for a year without an applications-open milestone, before the programme starts).</summary>
    NotOpen = 0,

    /// <summary>From the day applications open to the day they close, both included.</summary>
    ApplicationsOpen = 1,

    /// <summary>After applications close (or from shortlisting or selection when there is no closing date) until the programme starts.</summary>
    InSelection = 2,

    /// <summary>From the first day of the programme window to the last, both included.</summary>
    Running = 3,

    /// <summary>After the last day of the programme window.</summary>
    Finished = 4,
}
