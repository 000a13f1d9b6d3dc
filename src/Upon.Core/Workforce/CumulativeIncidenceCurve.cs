using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Fitted Aalen–Johansen cumulative incidence curves, one per exit reason, with the probability of still
/// being in post: R's multi-state <c>survfit</c> object for one group (see <see cref="CumulativeIncidence.Estimate"/>).
/// </summary>
/// <remarks>
/// <para>
/// Each curve is a right-continuous step function: before the first point's time everyone is in post
/// (probability 1, every incidence 0), and from a point's time (included) to the next one's (excluded) the
/// values are that point's. Beyond the last time nothing is estimated.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed class CumulativeIncidenceCurve
{
    private readonly double z;

    internal CumulativeIncidenceCurve(
        ImmutableArray<string> reasons,
        ImmutableArray<CumulativeIncidencePoint> points,
        long recordCount,
        ImmutableArray<long> eventCounts,
        ConfidenceIntervalType confidenceType,
        double confidenceLevel,
        double z)
    {
        Reasons = reasons;
        Points = points;
        RecordCount = recordCount;
        EventCounts = eventCounts;
        ConfidenceType = confidenceType;
        ConfidenceLevel = confidenceLevel;
        this.z = z;
        long censored = recordCount;
        foreach (long count in eventCounts)
        {
            censored -= count;
        }

        CensoredCount = censored;
    }

    /// <summary>
    /// Gets the exit reasons, in the order of every per-reason array of the curve: the reasons the caller
    /// gave, or else those found in the records in ordinal order. A reason may have no exits.
    /// </summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Gets the estimates at each distinct exit time (exit or censoring), in increasing time order.</summary>
    public ImmutableArray<CumulativeIncidencePoint> Points { get; }

    /// <summary>Gets the number of records the curve was fitted to.</summary>
    public long RecordCount { get; }

    /// <summary>Gets the number of exits for each reason among the records, in the order of <see cref="Reasons"/>.</summary>
    public ImmutableArray<long> EventCounts { get; }

    /// <summary>Gets the number of censored records (still in post when observation stopped).</summary>
    public long CensoredCount { get; }

    /// <summary>Gets how the confidence limits were computed.</summary>
    public ConfidenceIntervalType ConfidenceType { get; }

    /// <summary>Gets the confidence level of the limits, above 0 and at most 0.999999.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the position of <paramref name="reason"/> in <see cref="Reasons"/> (and in every per-reason array).</summary>
    /// <param name="reason">The reason, compared ordinally.</param>
    /// <returns>The position from 0, or −1 when the curve has no such reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public int IndexOf(string reason)
    {
        Guard.Against.Null(reason);
        for (int i = 0; i < Reasons.Length; i++)
        {
            if (string.Equals(Reasons[i], reason, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Gets the probability of still being in post at <paramref name="time"/>: the value of the last point at or before
    /// it, as R's <c>summary(fit, times = time)</c> gives it for state <c>(s0)</c>.
    /// </summary>
    /// <param name="time">The time, at least 0.</param>
    /// <returns>
    /// The estimate; before the first point's time, probability 1 with standard error 0 and the limits the interval type gives
    /// them (where R's <c>summary</c> prints 0 for both limits); null when <paramref name="time"/> is after the last point's
    /// time (R drops such times) or the curve has no points.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or NaN.</exception>
    public StateProbability? InPostAt(double time)
    {
        Guard.Against.OutOfRange(!(time >= 0), "The time must be at least 0.", nameof(time));
        int index = LastIndexAtOrBefore(time);
        return index switch
        {
            -2 => null,
            -1 => Start(1.0),
            _ => Points[index].InPost,
        };
    }

    /// <summary>
    /// Gets the cumulative incidence of <paramref name="reason"/> at <paramref name="time"/>: the value of the last point at
    /// or before it, as R's <c>summary(fit, times = time)</c> gives it for that state.
    /// </summary>
    /// <param name="reason">The reason, one of <see cref="Reasons"/>.</param>
    /// <param name="time">The time, at least 0.</param>
    /// <returns>
    /// The estimate; before the first point's time, incidence 0 with standard error 0 and the limits the interval type gives
    /// them (R's <c>summary</c> prints 0 for both); null when <paramref name="time"/> is after the last point's time (R drops
    /// such times) or the curve has no points.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is not one of <see cref="Reasons"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is negative or NaN.</exception>
    public StateProbability? IncidenceAt(string reason, double time)
    {
        int position = IndexOf(reason);
        Guard.Against.Invalid(position < 0, "The reason is not one of the curve's reasons.", nameof(reason));
        Guard.Against.OutOfRange(!(time >= 0), "The time must be at least 0.", nameof(time));
        int index = LastIndexAtOrBefore(time);
        return index switch
        {
            -2 => null,
            -1 => Start(0.0),
            _ => Points[index].Incidence[position],
        };
    }

    /// <summary>
    /// Says what the curves are: the records, then the probability of being in post and each reason's cumulative incidence
    /// (with its exits) at the last time, for example
    /// <c>Cumulative incidence: n = 1384; by 424: in post 0, pcm 0.1613 (115 exits), death 0.8387 (860 exits)</c>
    /// ("1 exit" for one).
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString()
    {
        StringBuilder text = new();
        text.Append(CultureInfo.InvariantCulture, $"Cumulative incidence: n = {RecordCount}");
        if (Points.IsEmpty)
        {
            return text.ToString();
        }

        CumulativeIncidencePoint last = Points[^1];
        text.Append(CultureInfo.InvariantCulture, $"; by {SurvivalText.Number(last.Time)}: in post {SurvivalText.Number(last.InPost.Probability)}");
        for (int i = 0; i < Reasons.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Reasons[i]} {SurvivalText.Number(last.Incidence[i].Probability)} ({EventCounts[i]} {(EventCounts[i] == 1 ? "exit" : "exits")})");
        }

        return text.ToString();
    }

    /// <summary>The estimate before the first time: <paramref name="probability"/> (1 in post, 0 for a reason) with standard error 0.</summary>
    private StateProbability Start(double probability)
    {
        (double lower, double upper) = CumulativeIncidence.Limits(probability, 0, ConfidenceType, z);
        return new StateProbability(probability, 0, lower, upper);
    }

    /// <summary>The index of the last point at or before <paramref name="time"/>: −1 before the first, −2 after the last or with no points.</summary>
    private int LastIndexAtOrBefore(double time)
    {
        ImmutableArray<CumulativeIncidencePoint> points = Points;
        if (points.IsEmpty || time > points[^1].Time)
        {
            return -2;
        }

        return PartitionPoint.Find(0, points.Length, (points, time), static (s, i) => s.points[i].Time <= s.time) - 1;
    }
}
