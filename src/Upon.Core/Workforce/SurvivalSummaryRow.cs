namespace Upon.Core.Workforce;

/// <summary>
/// One row of R's <c>summary(survfit, times = ...)</c>: the estimate at a chosen time, and the events and censorings
/// since the time before it (see <see cref="KaplanMeierCurve.Summary"/>).
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Estimate">The estimate at the time: R's <c>time</c>, <c>n.risk</c>, <c>surv</c> and the limits.</param>
/// <param name="Events">R's <c>n.event</c>: the events after the previous time of the summary (from the start, for the first) up to this one, included.</param>
/// <param name="Censored">R's <c>n.censor</c>: the records censored in the same interval.</param>
public readonly record struct SurvivalSummaryRow(SurvivalEstimate Estimate, long Events, long Censored)
{
    /// <summary>Gets the time asked about.</summary>
    public double Time => Estimate.Time;

    /// <summary>Gets R's <c>n.risk</c>: the number at risk at the curve's first time at or after <see cref="Time"/>.</summary>
    public long AtRisk => Estimate.AtRisk;

    /// <summary>Gets the survival at <see cref="Time"/>.</summary>
    public double Survival => Estimate.Survival;

    /// <summary>Gets R's <c>std.err</c> of this summary: the standard error of the survival itself (not of its logarithm).</summary>
    public double SurvivalStandardError => Estimate.StandardError * Estimate.Survival;
}
