namespace Upon.Core.Workforce;

/// <summary>
/// Harrell's concordance of a Cox model's risk scores with the event times, with its standard error, as R's
/// <c>fit$concordance</c> (<c>concordance(fit)</c> with <c>timewt = "n"</c>).
/// </summary>
/// <remarks>
/// <para>
/// A pair of records of one stratum is comparable when one has the event at a time t at which the other is at risk
/// without having the event at t (it is censored at t or its stop is later, and it started before t). The pair is
/// concordant when the one with the event has the higher risk score xβ, discordant when the lower, and tied on the
/// risk score when they are equal. The concordance is (concordant + tied/2) / (concordant + discordant + tied): 0.5
/// is no better than chance, 1 orders every comparable pair correctly. Pairs with the event at the same time are
/// not comparable; they are counted in <see cref="TiedOnTime"/> and <see cref="TiedOnBoth"/>.
/// </para>
/// <para>
/// The standard error is R's: the square root of Σ D<sub>c</sub>²/4 over clusters (each record its own unless the fit
/// has clusters), where D<sub>c</sub> sums over the cluster's records the influence
/// (n<sub>c</sub> − n<sub>d</sub>)/N − (S/N)·(n<sub>c</sub> + n<sub>d</sub> + n<sub>t</sub>) of each, with n<sub>c</sub>,
/// n<sub>d</sub>, n<sub>t</sub> the record's concordant, discordant and tied comparable pairs, N all comparable
/// pairs and S = (concordant − discordant)/N, Somers' d.
/// </para>
/// <para>Equality is by value.</para>
/// </remarks>
/// <param name="Concordant">The comparable pairs in which the record with the event has the higher risk score.</param>
/// <param name="Discordant">The comparable pairs in which it has the lower risk score.</param>
/// <param name="TiedOnRisk">The comparable pairs with equal risk scores (R's <c>tied.x</c>).</param>
/// <param name="TiedOnTime">The pairs with the event at the same time and different risk scores (R's <c>tied.y</c>).</param>
/// <param name="TiedOnBoth">The pairs with the event at the same time and equal risk scores (R's <c>tied.xy</c>).</param>
/// <param name="Value">The concordance, in [0, 1]; NaN when no pair is comparable.</param>
/// <param name="StandardError">The standard error of <paramref name="Value"/>; NaN when no pair is comparable.</param>
public readonly record struct CoxConcordance(
    long Concordant, long Discordant, long TiedOnRisk, long TiedOnTime, long TiedOnBoth, double Value, double StandardError);
