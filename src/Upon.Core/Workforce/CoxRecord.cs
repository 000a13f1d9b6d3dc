namespace Upon.Core.Workforce;

/// <summary>
/// One stretch of time under observation for Cox proportional-hazards regression
/// (<see cref="ProportionalHazards.Fit"/>), in R's counting-process form <c>Surv(start, stop, event)</c>: the subject
/// is at risk from <see cref="Start"/> (exclusive) to <see cref="Stop"/> (inclusive) with the covariate values
/// <see cref="Covariates"/>, and the stretch ends in an event (<see cref="IsEvent"/>, a tenure that ended) or not
/// (censored, or the covariates change and a next record carries on).
/// </summary>
/// <remarks>
/// <para>
/// Times are plain numbers in one unit of the caller's choosing (months in post, say), as for
/// <see cref="TenureRecord"/>: the fit never converts them, and only their order matters. A positive
/// <see cref="Start"/> is delayed entry (left truncation): a DCS already in post when observation began.
/// A covariate that changes during a tenure (an Ofsted judgement, a change of contract) is written as several
/// records of one subject, one per stretch with constant values, each but the last censored; give them one
/// <see cref="Cluster"/> so that a robust variance treats them as one subject (R's <c>cluster(id)</c>).
/// This is the shape R's <c>tmerge</c> and <c>survSplit</c> produce.
/// </para>
/// <para>
/// <see cref="Stratum"/> names the record's stratum (R's <c>strata(...)</c>): each stratum has its own baseline
/// hazard and its own risk sets, and all share the coefficients. Null is a stratum like any other, the only one
/// when no record names one. Strata and clusters are compared ordinally (case matters).
/// </para>
/// <para>
/// Equality is by value over every member, the covariate values compared one by one (<see cref="double.Equals(double)"/>).
/// <c>default</c> is not a valid record (it has no covariates and its stop is not after its start); the fit refuses it.
/// </para>
/// </remarks>
public readonly record struct CoxRecord
{
    /// <summary>Initializes a record observed from time 0: right-censored data, R's <c>Surv(stop, event)</c>.</summary>
    /// <param name="stop">The time the observation ended, finite and above 0.</param>
    /// <param name="isEvent">True when the observation ended in the event (the tenure ended); false when censored.</param>
    /// <param name="covariates">The covariate values, finite, at least one; every record of a fit has as many.</param>
    /// <param name="stratum">The record's stratum, or null.</param>
    /// <param name="cluster">The subject (cluster) the record belongs to for a robust variance, or null for a cluster of its own.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stop"/> is not finite or not above 0.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariates"/> is default or empty, or holds a value that is not finite.</exception>
    public CoxRecord(double stop, bool isEvent, ImmutableArray<double> covariates, string? stratum = null, string? cluster = null)
        : this(0, stop, isEvent, covariates, stratum, cluster)
    {
    }

    /// <summary>Initializes a record in counting-process form: R's <c>Surv(start, stop, event)</c>.</summary>
    /// <param name="start">The time the record joined the risk set (excluded from it), finite; may be negative.</param>
    /// <param name="stop">The time the observation ended (included), finite and above <paramref name="start"/>.</param>
    /// <param name="isEvent">True when the observation ended in the event (the tenure ended); false when censored.</param>
    /// <param name="covariates">The covariate values over (<paramref name="start"/>, <paramref name="stop"/>], finite, at least one; every record of a fit has as many.</param>
    /// <param name="stratum">The record's stratum, or null.</param>
    /// <param name="cluster">The subject (cluster) the record belongs to for a robust variance, or null for a cluster of its own.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is not finite, or <paramref name="stop"/> is not finite or not above <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariates"/> is default or empty, or holds a value that is not finite.</exception>
    public CoxRecord(double start, double stop, bool isEvent, ImmutableArray<double> covariates, string? stratum = null, string? cluster = null)
    {
        Guard.Against.OutOfRange(!double.IsFinite(start), "The start time must be finite.", nameof(start));
        Guard.Against.OutOfRange(!double.IsFinite(stop) || stop <= start, "The stop time must be finite and after the start time.", nameof(stop));
        Guard.Against.Invalid(covariates.IsDefaultOrEmpty, "A record needs at least one covariate value.", nameof(covariates));
        for (int i = 0; i < covariates.Length; i++)
        {
            Guard.Against.Invalid(!double.IsFinite(covariates[i]), $"Covariate {i} is not finite.", nameof(covariates));
        }

        Start = start;
        Stop = stop;
        IsEvent = isEvent;
        Covariates = covariates;
        Stratum = stratum;
        Cluster = cluster;
    }

    /// <summary>Gets the time the record joined the risk set (excluded from it): 0 unless entry was delayed.</summary>
    public double Start { get; }

    /// <summary>Gets the time the observation ended (included in it): the event time or the censoring time.</summary>
    public double Stop { get; }

    /// <summary>Gets a value indicating whether the observation ended in the event (the tenure ended at <see cref="Stop"/>).</summary>
    public bool IsEvent { get; }

    /// <summary>Gets the covariate values over the record's stretch of time, in the order of the fit's covariate names.</summary>
    public ImmutableArray<double> Covariates { get; }

    /// <summary>Gets the record's stratum (its own baseline hazard), or null.</summary>
    public string? Stratum { get; }

    /// <summary>Gets the subject the record belongs to for a robust variance, or null when it is a cluster of its own.</summary>
    public string? Cluster { get; }

    /// <summary>Gets a value indicating whether the record is valid: false only for <c>default</c>.</summary>
    internal bool IsValid => !Covariates.IsDefaultOrEmpty;

    /// <summary>Compares every member, the covariate values one by one.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns>True when the records are equal.</returns>
    public bool Equals(CoxRecord other) =>
        Start.Equals(other.Start)
        && Stop.Equals(other.Stop)
        && IsEvent == other.IsEvent
        && string.Equals(Stratum, other.Stratum, StringComparison.Ordinal)
        && string.Equals(Cluster, other.Cluster, StringComparison.Ordinal)
        && Covariates.AsSpan().SequenceEqual(other.Covariates.AsSpan());

    /// <summary>Gets a hash code over every member.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Start);
        hash.Add(Stop);
        hash.Add(IsEvent);
        hash.Add(Stratum, StringComparer.Ordinal);
        hash.Add(Cluster, StringComparer.Ordinal);
        foreach (double value in Covariates.AsSpan())
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
