namespace Upon.Core.Serialization;

/// <summary>
/// How serious a <see cref="DocumentProblem"/> is. Every reader reports errors; the operations that review a value
/// as a whole (validating a timeline, scheduling sessions) may also report warnings.
/// </summary>
/// <remarks><c>default</c> is <see cref="Error"/>.</remarks>
public enum ProblemSeverity
{
    /// <summary>The value breaks a rule: a document with an error is not read, a report with one is not valid.</summary>
    Error = 0,

    /// <summary>
    /// The value is usable but something needs a look (for example a session time in a clock-change hour); warnings
    /// never make a result invalid.
    /// </summary>
    Warning = 1,
}
