namespace Upon.Core.Cohorts;

/// <summary>
/// Counts of candidate records: every record read is a candidate or reported, so <see cref="Records"/> =
/// <see cref="Candidates"/> + <see cref="Reported"/> and nothing is dropped silently.
/// </summary>
/// <param name="Records">The records read.</param>
/// <param name="Candidates">The records that gave a candidate.</param>
/// <param name="Reported">The records reported with problems.</param>
public readonly record struct CandidateSummary(int Records, int Candidates, int Reported)
{
    /// <summary>Returns the summary with <paramref name="record"/> counted as a candidate or reported.</summary>
    /// <param name="record">A record.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public CandidateSummary Add(RecordResult<CandidateProfile> record)
    {
        Guard.Against.Null(record);
        return new CandidateSummary(Records + 1, Candidates + (record.IsValid ? 1 : 0), Reported + (record.IsValid ? 0 : 1));
    }

    /// <summary>Returns "N records: N candidates, N reported", with singulars where the count is one.</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Records} record{(Records == 1 ? string.Empty : "s")}: {Candidates} candidate{(Candidates == 1 ? string.Empty : "s")}, {Reported} reported");
}
