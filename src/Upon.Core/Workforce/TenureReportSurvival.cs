namespace Upon.Core.Workforce;

/// <summary>
/// The Kaplan–Meier estimate of still being in post after some months, in a <see cref="TenureReport"/>, with R's
/// <c>summary(fit, times)</c> standard error of S and 95% confidence limits (null where not finite).
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Months">The months in post (of <see cref="TenureMeasures.DaysPerMonth"/> days).</param>
/// <param name="AtRisk">The spells still followed at that time (R's <c>n.risk</c>).</param>
/// <param name="Events">The spells that ended since the previous time of the report, or from the start for the first (R's <c>n.event</c>).</param>
/// <param name="Censored">The spells censored in the same interval (R's <c>n.censor</c>): still in post at the window's end, or cut by it.</param>
/// <param name="Survival">The estimated share still in post.</param>
/// <param name="StandardError">The standard error of <paramref name="Survival"/> (Greenwood), or null.</param>
/// <param name="Lower">The lower confidence limit, or null.</param>
/// <param name="Upper">The upper confidence limit, or null.</param>
public sealed record TenureReportSurvival(double Months, long AtRisk, long Events, long Censored, double Survival, double? StandardError, double? Lower, double? Upper);
