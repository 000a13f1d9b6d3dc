using System.Collections.Immutable;
using System.Linq;

namespace Upon.Core.Timelines;

/// <summary>The outcome of validating a programme year: every finding, errors and warnings, in a deterministic order.</summary>
/// <remarks>
/// Findings are ordered by subject (milestones by kind then date, then sessions in the order of
/// <see cref="ProgrammeYear.GetSessionsInOrder"/>, then the year as a whole), then by code: the order,
/// like the findings themselves, does not depend on the order sessions are listed in. Instances are
/// immutable and safe to share between threads.
/// </remarks>
public sealed class TimelineReport
{
    internal TimelineReport(string programmeId, ImmutableArray<TimelineFinding> findings)
    {
        ProgrammeId = programmeId;
        Findings = findings;
    }

    /// <summary>Gets the identifier of the programme year validated.</summary>
    public string ProgrammeId { get; }

    /// <summary>Gets every finding; empty when the year breaks no rule and needs no look.</summary>
    public ImmutableArray<TimelineFinding> Findings { get; }

    /// <summary>Gets a value indicating whether there is no finding of severity <see cref="FindingSeverity.Error"/>.</summary>
    public bool IsValid => !Findings.Any(finding => finding.Severity == FindingSeverity.Error);

    /// <summary>Gets the findings of severity <see cref="FindingSeverity.Error"/>.</summary>
    public ImmutableArray<TimelineFinding> Errors => [.. Findings.Where(finding => finding.Severity == FindingSeverity.Error)];

    /// <summary>Gets the findings of severity <see cref="FindingSeverity.Warning"/>.</summary>
    public ImmutableArray<TimelineFinding> Warnings => [.. Findings.Where(finding => finding.Severity == FindingSeverity.Warning)];
}
