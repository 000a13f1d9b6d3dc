namespace Upon.Core.Workforce;

/// <summary>
/// The function of time g(t) that the test of proportional hazards (<see cref="CoxFit.TestProportionalHazards"/>)
/// correlates the Schoenfeld residuals with; the names are those of R's <c>cox.zph(transform = ...)</c>.
/// </summary>
public enum CoxTimeTransform
{
    /// <summary>
    /// R's default <c>"km"</c>: g(t) = 1 − S(t−), one minus the Kaplan–Meier estimate of all the records together
    /// (strata pooled, delayed entry respected) just before t. It spreads the event times evenly and is not swayed
    /// by a few long tenures.
    /// </summary>
    KaplanMeier = 0,

    /// <summary>R's <c>"identity"</c>: g(t) = t.</summary>
    Identity = 1,

    /// <summary>R's <c>"rank"</c>: g(t) = the rank of t among the stop times of all records, ties given their mean rank.</summary>
    Rank = 2,

    /// <summary>R's <c>"log"</c>: g(t) = log t; every stop time must then be above 0.</summary>
    Log = 3,
}
