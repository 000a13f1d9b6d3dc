namespace Upon.Core.Workforce;

/// <summary>
/// The test of proportional hazards of a Cox model (see <see cref="CoxFit.TestProportionalHazards"/>), as R's
/// <c>cox.zph</c> (survival 3.0 and later): per covariate and globally, does the hazard ratio drift with time?
/// </summary>
/// <remarks>
/// <para>
/// For each covariate x the model is widened with x·g(t), g the chosen function of time centred on its mean over
/// the events, and the score test of that term's coefficient being 0 is computed at the fitted β (one
/// Newton–Raphson step from the fit, so nothing is refitted): with U the score of the 2p coefficients (β, θ) at
/// (β̂, 0), whose β part is 0, and I their information, χ² = U<sub>θ</sub>ᵀ·(I⁻¹)<sub>θθ</sub>·U<sub>θ</sub>. The score
/// for θ is Σ g(t<sub>i</sub>)·(x<sub>i</sub> − x̄(t<sub>i</sub>)) over the events, a weighted sum of Schoenfeld
/// residuals; x̄ and the information follow the fit's Breslow or Efron rule and strata. The global test does the
/// same for all θ together. These are R's numbers; its older versions (before 3.0) correlated scaled Schoenfeld
/// residuals with g(t) instead, which differs a little.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed class ProportionalHazardsTest
{
    internal ProportionalHazardsTest(CoxTimeTransform transform, ImmutableArray<ProportionalHazardsTerm> terms, ProportionalHazardsTerm global)
    {
        Transform = transform;
        Terms = terms;
        Global = global;
    }

    /// <summary>Gets the function of time the residuals were tested against.</summary>
    public CoxTimeTransform Transform { get; }

    /// <summary>Gets the test of each covariate that is not aliased, in the fit's order.</summary>
    public ImmutableArray<ProportionalHazardsTerm> Terms { get; }

    /// <summary>Gets the global test of all those covariates together (R's <c>GLOBAL</c> row).</summary>
    public ProportionalHazardsTerm Global { get; }

    /// <summary>Lists the table as R prints it, one line per term and the global test last: <c>name chisq df p</c>.</summary>
    /// <returns>The table, in the invariant culture.</returns>
    public override string ToString() =>
        string.Join(
            Environment.NewLine,
            Terms.Append(Global).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.ChiSquare:G4} {t.DegreesOfFreedom} {t.PValue:G2}")));
}
