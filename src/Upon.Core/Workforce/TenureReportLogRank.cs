namespace Upon.Core.Workforce;

/// <summary>The log-rank test across the groups of a <see cref="TenureReport"/> (R's <c>survdiff</c>; see <see cref="LogRankTest{TGroup}"/>).</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="ChiSquare">The test statistic.</param>
/// <param name="DegreesOfFreedom">The groups less one.</param>
/// <param name="PValue">The chance of a statistic as large if the groups' tenures were alike.</param>
public sealed record TenureReportLogRank(double ChiSquare, int DegreesOfFreedom, double PValue)
{
    /// <summary>Copies a log-rank test's result.</summary>
    /// <typeparam name="TGroup">The type of the groups.</typeparam>
    /// <param name="test">The test.</param>
    /// <returns>Its statistic, degrees of freedom and p-value.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="test"/> is null.</exception>
    public static TenureReportLogRank Of<TGroup>(LogRankTest<TGroup> test)
        where TGroup : notnull
    {
        System.ArgumentNullException.ThrowIfNull(test);
        return new(test.ChiSquare, test.DegreesOfFreedom, test.PValue);
    }
}
