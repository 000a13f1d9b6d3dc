namespace Upon.Core.Workforce;

/// <summary>
/// How long DCSs stay in post, by a named method, with what was measured: the document that <c>upon tenure --format
/// json</c> writes (camelCase names, ISO dates, nulls left out; see docs/workforce.md).
/// </summary>
/// <remarks>Equality is by reference of the lists. Serialise it with the library's JSON conventions (<c>UponJson</c>).</remarks>
/// <param name="Method"><c>km</c> (Kaplan–Meier), <c>completed</c> or <c>in-post</c>.</param>
/// <param name="AsOf">The date the records are known to.</param>
/// <param name="On">For <c>in-post</c>: the day time in post was measured on; else null.</param>
/// <param name="Window">For <c>km</c> and <c>completed</c>: the window, both ends included; else null.</param>
/// <param name="LookThroughInterim">Whether interim and acting holders were looked through to the permanent holders.</param>
/// <param name="By">How the spells were grouped (<c>kind</c>, <c>start-year</c>, <c>start-financial-year</c>), or null.</param>
/// <param name="HorizonMonths">For <c>km</c>: the horizon of the restricted mean, in months; else null.</param>
/// <param name="Input">What was measured.</param>
/// <param name="Groups">The groups, in order.</param>
/// <param name="LogRank">The log-rank test across the groups, when there are two or more and no spell began before the window; else null.</param>
public sealed record TenureReport(
    string Method,
    LocalDate AsOf,
    LocalDate? On,
    DateInterval? Window,
    bool LookThroughInterim,
    string? By,
    int? HorizonMonths,
    WorkforceInputSummary Input,
    IReadOnlyList<TenureReportGroup> Groups,
    TenureReportLogRank? LogRank);
