namespace Upon.Core.Workforce;

/// <summary>
/// DCS turnover over a run of periods, with what was measured and the notes on the latest: the document that
/// <c>upon turnover --format json</c> writes (camelCase names, ISO dates, nulls left out; see docs/workforce.md).
/// </summary>
/// <remarks>Equality is by reference of the lists. Serialise it with the library's JSON conventions (<c>UponJson</c>).</remarks>
/// <param name="By">The periods: <c>financial-year</c>, <c>calendar-year</c> or <c>rolling</c>.</param>
/// <param name="AsOf">The date the records are known to.</param>
/// <param name="LookThroughInterim">Whether interim and acting holders were looked through to the permanent holders.</param>
/// <param name="Input">What was measured.</param>
/// <param name="Periods">The periods, in order.</param>
/// <param name="Notes">The notes on the latest period (<see cref="TurnoverSeries.Notes"/>); none for rolling months.</param>
public sealed record TurnoverReport(
    string By,
    LocalDate AsOf,
    bool LookThroughInterim,
    WorkforceInputSummary Input,
    IReadOnlyList<TurnoverReportPeriod> Periods,
    IReadOnlyList<string> Notes);
