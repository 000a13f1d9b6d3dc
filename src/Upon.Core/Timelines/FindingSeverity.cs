namespace Upon.Core.Timelines;

/// <summary>How serious a <see cref="TimelineFinding"/> is.</summary>
/// <remarks><c>default</c> is <see cref="Error"/>.</remarks>
public enum FindingSeverity
{
    /// <summary>The timeline breaks a rule; a report with an error is not valid.</summary>
    Error = 0,

    /// <summary>The timeline is usable but something needs a look (for example a time in a clock-change hour); warnings do not make a report invalid.</summary>
    Warning = 1,
}
