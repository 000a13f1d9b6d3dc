namespace Upon.Core.Workforce;

/// <summary>
/// The outcome of validating Ofsted judgement records: the judgements to use, arranged for lookups, the records
/// reported with their problems, and the counts, with records in = used + reported + skipped.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed class OfstedJudgementValidationResult
{
    internal OfstedJudgementValidationResult(OfstedJudgements judgements, ImmutableArray<RecordResult<OfstedJudgement>> reported, WorkforceRecordCounts summary, bool stopped)
    {
        Judgements = judgements;
        Reported = reported;
        Summary = summary;
        Stopped = stopped;
    }

    /// <summary>Gets the judgements of the records used: at most one an authority a day, looked up by authority and date.</summary>
    public OfstedJudgements Judgements { get; }

    /// <summary>
    /// Gets the records reported, in record order, each with every problem found in it: record 0, the problems with the
    /// file as a whole (a bad CSV header), first when there is one.
    /// </summary>
    public ImmutableArray<RecordResult<OfstedJudgement>> Reported { get; }

    /// <summary>Gets the counts of records read, used, reported and skipped; record 0 is not a record read, so it is in none of them.</summary>
    public WorkforceRecordCounts Summary { get; }

    /// <summary>Gets a value indicating whether the validation stopped at a problem (<see cref="ProblemHandling.Stop"/>).</summary>
    public bool Stopped { get; }
}
