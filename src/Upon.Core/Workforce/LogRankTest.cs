namespace Upon.Core.Workforce;

/// <summary>
/// The result of the log-rank test of equal survival in two or more groups (<see cref="LogRank.Compare{TGroup}"/>), as R's <c>survdiff(Surv(time, event) ~ group)</c>
/// (ρ = 0).
/// </summary>
/// <remarks>
/// <para>
/// At each distinct event time t with d events among n at risk (nₖ and dₖ in group k), group k expects
/// Eₖ = Σ d · nₖ / n events; the variance matrix is V = Σ d (n − d) / (n − 1) · (nₖ/n)(δₖₗ − nₗ/n).
/// Groups with no expected events are left out; of the rest, the first is dropped and
/// χ² = (O − E)ᵀ V⁻¹ (O − E) over the others, with their count minus one degrees of freedom.
/// With fewer than two groups expecting events, χ² is 0 with 0 degrees of freedom and the p-value 1.
/// Where V is singular (R's <c>survdiff</c> then stops with an error) a generalised inverse is used:
/// directions with no variance are dropped and the degrees of freedom are V's rank.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
/// <typeparam name="TGroup">The group key.</typeparam>
public sealed class LogRankTest<TGroup>
    where TGroup : notnull
{
    internal LogRankTest(ImmutableArray<LogRankGroup<TGroup>> groups, double chiSquare, int degreesOfFreedom)
    {
        Groups = groups;
        ChiSquare = chiSquare;
        DegreesOfFreedom = degreesOfFreedom;
        PValue = degreesOfFreedom == 0 ? 1.0 : SurvivalMath.ChiSquareUpperTail(chiSquare, degreesOfFreedom);
    }

    /// <summary>Gets the groups in the order they first appear in the records, with their observed and expected events.</summary>
    public ImmutableArray<LogRankGroup<TGroup>> Groups { get; }

    /// <summary>Gets the chi-square statistic, at least 0.</summary>
    public double ChiSquare { get; }

    /// <summary>Gets the degrees of freedom: the number of groups with expected events, less one (0 when fewer than two), or the variance matrix's rank where it is singular.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets the p-value: the chance that a chi-square variable with <see cref="DegreesOfFreedom"/> exceeds <see cref="ChiSquare"/>, in [0, 1].</summary>
    public double PValue { get; }

    /// <summary>
    /// Says what the test found, as R's <c>print(survdiff)</c> ends: for example
    /// <c>Log-rank test of 3 groups: chi-square = 4.12 on 2 degrees of freedom, p = 0.128</c>.
    /// </summary>
    /// <returns>The description, in the invariant culture (three significant digits).</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Log-rank test of {Groups.Length} groups: chi-square = {ChiSquare:G3} on {DegreesOfFreedom} degrees of freedom, p = {PValue:G3}");
}
