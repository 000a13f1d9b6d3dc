namespace Upon.Core.Workforce;

/// <summary>
/// The Kaplan–Meier estimate at one distinct exit time of a <see cref="KaplanMeierCurve"/>: one row of
/// R's <c>survfit</c> object (<c>time</c>, <c>n.risk</c>, <c>n.event</c>, <c>n.censor</c>, <c>surv</c>,
/// <c>std.err</c>, <c>lower</c>, <c>upper</c>, <c>cumhaz</c>, <c>std.chaz</c>).
/// </summary>
/// <remarks>
/// The estimate holds from <see cref="Time"/> (included) to the next point's time (excluded). Limits
/// that are undefined (R's <c>NA</c>) are <see cref="double.NaN"/>. Equality is by value; <c>default</c>
/// is an all-zero row that no curve contains.
/// </remarks>
public readonly record struct KaplanMeierPoint
{
    internal KaplanMeierPoint(
        double time,
        long atRisk,
        long events,
        long censored,
        double survival,
        double standardError,
        double lower,
        double upper,
        double cumulativeHazard,
        double cumulativeHazardStandardError)
    {
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
        Survival = survival;
        StandardError = standardError;
        Lower = lower;
        Upper = upper;
        CumulativeHazard = cumulativeHazard;
        CumulativeHazardStandardError = cumulativeHazardStandardError;
    }

    /// <summary>Gets the exit time (an event time, a censoring time or both).</summary>
    public double Time { get; }

    /// <summary>Gets the number at risk just before <see cref="Time"/>: records with entry &lt; time ≤ exit.</summary>
    public long AtRisk { get; }

    /// <summary>Gets the number of events at <see cref="Time"/>.</summary>
    public long Events { get; }

    /// <summary>Gets the number of records censored at <see cref="Time"/>.</summary>
    public long Censored { get; }

    /// <summary>Gets the Kaplan–Meier survival S(t) = ∏ (1 − events / at risk) over the times up to and including <see cref="Time"/>, in [0, 1].</summary>
    public double Survival { get; }

    /// <summary>
    /// Gets the Greenwood standard error of log S(t), √ Σ events / (at risk · (at risk − events)): R's
    /// <c>std.err</c>. Multiply by <see cref="Survival"/> for the standard error of S(t) itself. Infinite
    /// from the time the curve reaches 0.
    /// </summary>
    public double StandardError { get; }

    /// <summary>Gets the lower confidence limit of S(t) for the curve's interval type and level, in [0, 1], or NaN where undefined.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper confidence limit of S(t) for the curve's interval type and level, in [0, 1], or NaN where undefined.</summary>
    public double Upper { get; }

    /// <summary>Gets the Nelson–Aalen cumulative hazard Σ events / at risk up to and including <see cref="Time"/>: R's <c>cumhaz</c>.</summary>
    public double CumulativeHazard { get; }

    /// <summary>Gets the standard error of the Nelson–Aalen cumulative hazard, √ Σ events / at risk²: R's <c>std.chaz</c>.</summary>
    public double CumulativeHazardStandardError { get; }
}
