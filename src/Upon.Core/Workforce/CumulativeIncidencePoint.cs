namespace Upon.Core.Workforce;

/// <summary>
/// The Aalen–Johansen estimate at one distinct exit time of a <see cref="CumulativeIncidenceCurve"/>: one row
/// of R's multi-state <c>survfit</c> object (<c>time</c>, <c>n.risk</c>, <c>n.event</c>, <c>n.censor</c>, and
/// <c>pstate</c>, <c>std.err</c>, <c>lower</c>, <c>upper</c> for each state).
/// </summary>
/// <remarks>
/// <para>
/// The estimate holds from <see cref="Time"/> (included) to the next point's time (excluded). The per-reason
/// arrays <see cref="Events"/> and <see cref="Incidence"/> follow the curve's
/// <see cref="CumulativeIncidenceCurve.Reasons"/>. At every point the probability of being in post and the
/// cumulative incidences add up to 1 (to rounding).
/// </para>
/// <para>
/// Equality is by value, the arrays compared item by item. <c>default</c> is an all-zero row with empty
/// arrays that no curve contains.
/// </para>
/// </remarks>
public readonly record struct CumulativeIncidencePoint
{
    private readonly ImmutableArray<long> events;
    private readonly ImmutableArray<StateProbability> incidence;

    internal CumulativeIncidencePoint(
        double time,
        long atRisk,
        ImmutableArray<long> events,
        long censored,
        StateProbability inPost,
        ImmutableArray<StateProbability> incidence)
    {
        Time = time;
        AtRisk = atRisk;
        this.events = events;
        Censored = censored;
        InPost = inPost;
        this.incidence = incidence;
        long total = 0;
        foreach (long count in events)
        {
            total += count;
        }

        EventCount = total;
    }

    /// <summary>Gets the exit time (an exit time, a censoring time or both).</summary>
    public double Time { get; }

    /// <summary>Gets the number in post (at risk) just before <see cref="Time"/>: records with entry &lt; time ≤ exit.</summary>
    public long AtRisk { get; }

    /// <summary>Gets the number of exits at <see cref="Time"/> for each reason, in the order of the curve's reasons (R's <c>n.event</c>).</summary>
    public ImmutableArray<long> Events => events.IsDefault ? [] : events;

    /// <summary>Gets the number of exits at <see cref="Time"/> for all reasons together.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of records censored at <see cref="Time"/>.</summary>
    public long Censored { get; }

    /// <summary>
    /// Gets the probability of still being in post at <see cref="Time"/> (R's state <c>(s0)</c>), with its
    /// standard error and limits. Its probability is the Kaplan–Meier survival of all reasons together; without delayed
    /// entry its standard error is Greenwood's (0 once the probability is 0).
    /// </summary>
    public StateProbability InPost { get; }

    /// <summary>
    /// Gets the cumulative incidence of each reason at <see cref="Time"/>, in the order of the curve's reasons:
    /// the probability of having left for that reason by then, with its standard error and limits.
    /// </summary>
    public ImmutableArray<StateProbability> Incidence => incidence.IsDefault ? [] : incidence;

    /// <summary>
    /// Says what the point is, its probabilities to at most four decimal places and the per-reason figures in the curve's
    /// order of reasons: for example <c>t = 14: at risk 9, exits [0, 0, 1], censored 1; in post 0.8, incidence [0, 0.1, 0.1]</c>.
    /// </summary>
    /// <returns>The description, in the invariant culture.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"t = {SurvivalText.Number(Time)}: at risk {AtRisk}, exits [{string.Join(", ", Events)}], censored {Censored}; in post {SurvivalText.Number(InPost.Probability)}, incidence [{string.Join(", ", Incidence.Select(i => SurvivalText.Number(i.Probability)))}]");

    /// <summary>Compares two points by value, the per-reason arrays item by item.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(CumulativeIncidencePoint other) =>
        Time.Equals(other.Time)
        && AtRisk == other.AtRisk
        && Censored == other.Censored
        && InPost.Equals(other.InPost)
        && Events.AsSpan().SequenceEqual(other.Events.AsSpan())
        && Incidence.AsSpan().SequenceEqual(other.Incidence.AsSpan());

    /// <summary>Gets a hash code consistent with <see cref="Equals(CumulativeIncidencePoint)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Time);
        hash.Add(AtRisk);
        hash.Add(Censored);
        hash.Add(InPost);
        foreach (long count in Events)
        {
            hash.Add(count);
        }

        foreach (StateProbability incidence in Incidence)
        {
            hash.Add(incidence);
        }

        return hash.ToHashCode();
    }
}
