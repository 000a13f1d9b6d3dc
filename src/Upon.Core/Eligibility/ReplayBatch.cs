namespace Upon.Core.Eligibility;

/// <summary>Recorded decisions made again on applications read from a stream: a result per decision, and every application that could not be read.</summary>
/// <param name="Results">A result per recorded decision, in the decisions' order.</param>
/// <param name="ApplicationErrors">The application records that could not be read, each with its number and problems, in order.</param>
public sealed record ReplayBatch(ImmutableArray<ReplayResult> Results, ImmutableArray<RecordResult<ApplicationSubmission>> ApplicationErrors)
{
    /// <summary>Gets the number of decisions made again and identical.</summary>
    public int Identical => Results.Count(r => r.Status == ReplayStatus.Identical);

    /// <summary>Gets the number of decisions made again that differ.</summary>
    public int Differs => Results.Count(r => r.Status == ReplayStatus.Differs);

    /// <summary>Gets the number of decisions not made again: no policy, or no single application with their identifier.</summary>
    public int NotReplayed => Results.Length - Identical - Differs;
}
