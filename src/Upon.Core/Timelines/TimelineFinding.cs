namespace Upon.Core.Timelines;

/// <summary>One finding of <see cref="TimelineValidator"/>: what (a stable code), how serious, where, and a message for people.</summary>
/// <remarks>
/// Codes are stable (see <see cref="TimelineFindingCodes"/>); messages may be reworded. Equality is by
/// value over every member. <c>default</c> has null members and is not a finding the validator makes.
/// </remarks>
/// <param name="Code">The stable code, for example <c>session.overlap</c>.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Location">
/// Where it is, as a JSON path into the programme year's JSON form, for example <c>$.sessions[3].dates</c>;
/// indexes are positions in <see cref="ProgrammeYear.Sessions"/> and <see cref="ProgrammeYear.Milestones"/> as given.
/// </param>
/// <param name="Message">A sentence for people, in English.</param>
public readonly record struct TimelineFinding(string Code, FindingSeverity Severity, string Location, string Message)
{
    /// <summary>Returns the finding as <c>location: message (code, severity)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{Location}: {Message} ({Code}, {(Severity == FindingSeverity.Error ? "error" : "warning")})";
}
