namespace Upon.Core.Workforce;

/// <summary>
/// How pointwise confidence limits of a survival curve are computed from the Greenwood variance;
/// the names are those of R's <c>survfit(conf.type = ...)</c>.
/// </summary>
public enum ConfidenceIntervalType
{
    /// <summary>
    /// Symmetric limits on the log scale, R's default <c>"log"</c>: exp(log S ± z·σ), where σ is the
    /// standard error of log S; the upper limit is capped at 1. Undefined where S = 0.
    /// </summary>
    Log = 0,

    /// <summary>
    /// Symmetric limits on the survival scale, R's <c>"plain"</c>: S ± z·σ·S, clipped to [0, 1].
    /// </summary>
    Plain = 1,

    /// <summary>
    /// Symmetric limits on the log(−log) scale, R's <c>"log-log"</c>:
    /// exp(−exp(log(−log S) ∓ z·σ / log S)). Undefined where S is 0 or 1.
    /// </summary>
    LogLog = 2,
}
