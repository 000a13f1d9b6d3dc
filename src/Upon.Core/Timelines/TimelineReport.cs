namespace Upon.Core.Timelines;

/// <summary>
/// The outcome of validating a programme year: every problem found, errors and warnings, in a deterministic order,
/// in the one problem type every reader and review of the library reports with.
/// </summary>
/// <remarks>
/// Problems are ordered by subject (milestones by kind then date, then sessions in the order of
/// <see cref="ProgrammeYear.GetSessionsInOrder"/>, then the year as a whole), then by code: the order,
/// like the problems themselves, does not depend on the order sessions are listed in. Each problem's
/// <see cref="DocumentProblem.Path"/> is the JSON path of its subject in the programme-year document
/// (for example <c>$.sessions[2]</c>), or <c>$</c> for the year as a whole. Instances are immutable and safe
/// to share between threads.
/// </remarks>
public sealed class TimelineReport
{
    internal TimelineReport(string programmeId, ImmutableArray<DocumentProblem> problems)
    {
        ProgrammeId = programmeId;
        Problems = problems;
    }

    /// <summary>Gets the identifier of the programme year validated.</summary>
    public string ProgrammeId { get; }

    /// <summary>Gets every problem, errors and warnings; empty when the year breaks no rule and needs no look.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; }

    /// <summary>Gets a value indicating whether no problem is an error (warnings allowed).</summary>
    public bool IsValid => !Problems.Any(problem => problem.IsError);

    /// <summary>Gets the problems of severity <see cref="ProblemSeverity.Error"/>.</summary>
    public ImmutableArray<DocumentProblem> Errors => [.. Problems.Where(problem => problem.IsError)];

    /// <summary>Gets the problems of severity <see cref="ProblemSeverity.Warning"/>.</summary>
    public ImmutableArray<DocumentProblem> Warnings => [.. Problems.Where(problem => !problem.IsError)];
}
