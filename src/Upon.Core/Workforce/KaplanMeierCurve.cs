namespace Upon.Core.Workforce;

/// <summary>
/// A fitted Kaplan–Meier survival curve: R's <c>survfit</c> object for one group, with the summaries
/// R prints (median with confidence interval, restricted mean) and <c>summary(fit, times = ...)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The curve is a right-continuous step function: S(t) is 1 before the first point's time and equals
/// a point's <see cref="KaplanMeierPoint.Survival"/> from that point's time (included) to the next
/// one's (excluded). Beyond the last time the curve is not estimated.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed class KaplanMeierCurve
{
    private const double Tolerance = 1.4901161193847656e-08; // √ε, R's tolerance for "exactly 0.5"

    internal KaplanMeierCurve(
        ImmutableArray<KaplanMeierPoint> points,
        long recordCount,
        long eventCount,
        ConfidenceIntervalType confidenceType,
        double confidenceLevel)
    {
        Points = points;
        RecordCount = recordCount;
        EventCount = eventCount;
        ConfidenceType = confidenceType;
        ConfidenceLevel = confidenceLevel;
        Median = new SurvivalMedian(
            FirstAtOrBelowHalf(static p => p.Survival),
            FirstAtOrBelowHalf(static p => p.Lower),
            FirstAtOrBelowHalf(static p => p.Upper));
    }

    /// <summary>Gets the estimates at each distinct exit time (event or censoring), in increasing time order.</summary>
    public ImmutableArray<KaplanMeierPoint> Points { get; }

    /// <summary>Gets the number of records the curve was fitted to.</summary>
    public long RecordCount { get; }

    /// <summary>Gets the number of events among the records.</summary>
    public long EventCount { get; }

    /// <summary>Gets how the confidence limits were computed.</summary>
    public ConfidenceIntervalType ConfidenceType { get; }

    /// <summary>Gets the confidence level of the limits, above 0 and at most 0.999999.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the median survival time with its confidence interval (see <see cref="SurvivalMedian"/> for R's conventions).</summary>
    public SurvivalMedian Median { get; }

    /// <summary>Gets the estimate at <paramref name="time"/>, as R's <c>summary(fit, times = time)</c>.</summary>
    /// <param name="time">The time, at least 0.</param>
    /// <returns>The estimate, or null when <paramref name="time"/> is after the curve's last time (R drops such times) or the curve is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or NaN.</exception>
    public SurvivalEstimate? SurvivalAt(double time)
    {
        Guard.Against.OutOfRange(!(time >= 0), "The time must be at least 0.", nameof(time));

        ImmutableArray<KaplanMeierPoint> points = Points;
        if (points.IsEmpty || time > points[^1].Time)
        {
            return null;
        }

        int next = FirstIndexAtOrAfter(time);
        KaplanMeierPoint after = points[next];
        if (after.Time == time)
        {
            return new SurvivalEstimate(time, after.AtRisk, after.Survival, after.StandardError, after.Lower, after.Upper);
        }

        if (next == 0)
        {
            return new SurvivalEstimate(time, after.AtRisk, 1.0, 0.0, 1.0, 1.0);
        }

        KaplanMeierPoint before = points[next - 1];
        return new SurvivalEstimate(time, after.AtRisk, before.Survival, before.StandardError, before.Lower, before.Upper);
    }

    /// <summary>
    /// Gets R's <c>summary(fit, times = times)</c>: a row for each time, in increasing order, with the estimate at it (as
    /// <see cref="SurvivalAt"/>) and the events and censorings since the time before it (from the start, for the first).
    /// Times after the curve's last time are left out, as R leaves them out.
    /// </summary>
    /// <param name="times">The times, each at least 0, in any order.</param>
    /// <returns>The rows, by time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="times"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or NaN.</exception>
    public ImmutableArray<SurvivalSummaryRow> Summary(IEnumerable<double> times)
    {
        Guard.Against.Null(times);
        double[] sorted = [.. times];
        foreach (double time in sorted)
        {
            Guard.Against.OutOfRange(!(time >= 0), "Every time must be at least 0.", nameof(times));
        }

        Array.Sort(sorted);
        ImmutableArray<SurvivalSummaryRow>.Builder rows = ImmutableArray.CreateBuilder<SurvivalSummaryRow>(sorted.Length);
        int next = 0;
        foreach (double time in sorted)
        {
            // Not a pattern with a declaration: a mutation tool that inverts the test must still compile.
            SurvivalEstimate? estimate = SurvivalAt(time);
            if (estimate is null)
            {
                break;
            }

            long events = 0;
            long censored = 0;
            for (; next < Points.Length && Points[next].Time <= time; next++)
            {
                events += Points[next].Events;
                censored += Points[next].Censored;
            }

            rows.Add(new SurvivalSummaryRow(estimate.Value, events, censored));
        }

        return rows.DrainToImmutable();
    }

    /// <summary>Gets the restricted mean survival time from 0 to <paramref name="horizon"/>, as R's <c>print(fit, rmean = horizon)</c>.</summary>
    /// <param name="horizon">The horizon, finite and above 0.</param>
    /// <returns>The restricted mean and its standard error.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is not finite or not above 0.</exception>
    public RestrictedMean RestrictedMeanTo(double horizon)
    {
        Guard.Against.OutOfRange(!double.IsFinite(horizon) || horizon <= 0, "The horizon must be finite and above 0.", nameof(horizon));

        ImmutableArray<KaplanMeierPoint> points = Points;
        int kept = points.Length;
        while (kept > 0 && points[kept - 1].Time > horizon)
        {
            kept--;
        }

        // Walk backwards: 'after' is the area under the curve from the current point's time to the horizon.
        double after = 0;
        double variance = 0;
        double next = horizon;
        for (int k = kept - 1; k >= 0; k--)
        {
            KaplanMeierPoint point = points[k];
            after += (next - point.Time) * point.Survival;
            if (point.Events > 0 && point.AtRisk > point.Events)
            {
                variance += after * after * point.Events / ((double)point.AtRisk * (point.AtRisk - point.Events));
            }

            next = point.Time;
        }

        double mean = after + next; // the area from 0 to the first time, where S = 1
        return new RestrictedMean(horizon, mean, Math.Sqrt(variance));
    }

    /// <summary>R's <c>minmin</c> (in <c>survmean</c>): the first time the values fall to 0.5, with the midpoint rule for a flat at 0.5.</summary>
    private double? FirstAtOrBelowHalf(Func<KaplanMeierPoint, double> value)
    {
        ImmutableArray<KaplanMeierPoint> points = Points;
        for (int i = 0; i < points.Length; i++)
        {
            double y = value(points[i]);
            if (double.IsNaN(y) || !(y < 0.5 + Tolerance))
            {
                continue;
            }

            if (Math.Abs(y - 0.5) < Tolerance)
            {
                for (int j = i + 1; j < points.Length; j++)
                {
                    double later = value(points[j]);
                    if (later < y)
                    {
                        return (points[i].Time + points[j].Time) / 2;
                    }
                }
            }

            return points[i].Time;
        }

        return null;
    }

    private int FirstIndexAtOrAfter(double time) =>
        PartitionPoint.Find(0, Points.Length - 1, (Points, time), static (s, i) => s.Points[i].Time < s.time);

    /// <summary>
    /// Says what the curve is, as R's <c>print(survfit)</c> does: the records, the events, and the median with its
    /// confidence limits (in the curve's unit of time; <c>NA</c> where not reached), for example
    /// <c>Kaplan–Meier curve: n = 120, events = 80, median = 912 (95% CI 850 to 1004, log)</c>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Kaplan–Meier curve: n = {RecordCount}, events = {EventCount}, median = {SurvivalText.Number(Median.Estimate)} ({ConfidenceLevel * 100:0.##}% CI {SurvivalText.Number(Median.Lower)} to {SurvivalText.Number(Median.Upper)}, {SurvivalText.Name(ConfidenceType)})");
}
