namespace Upon.Core.Workforce;

/// <summary>
/// One group's tenure in a <see cref="TenureReport"/> (the only group, named "all", when the spells are not grouped).
/// Months are average months of <see cref="TenureMeasures.DaysPerMonth"/> days. A Kaplan–Meier group has
/// <see cref="Records"/>, <see cref="Events"/>, <see cref="Survival"/>, <see cref="Median"/> and
/// <see cref="RestrictedMean"/>; a group of completed tenures or of time in post has <see cref="Count"/>,
/// <see cref="MeanMonths"/> and <see cref="MedianMonths"/>; the others are null.
/// </summary>
/// <remarks>Equality is by reference of <see cref="Survival"/>.</remarks>
/// <param name="Group">The group's name.</param>
/// <param name="Count">The tenures measured (completed tenures, time in post).</param>
/// <param name="MeanMonths">Their mean, or null without any.</param>
/// <param name="MedianMonths">Their median, or null without any.</param>
/// <param name="Records">The spells (Kaplan–Meier).</param>
/// <param name="Events">The spells that ended (Kaplan–Meier).</param>
/// <param name="Survival">The estimates at 12, 24 and 36 months (or the months asked for) that the curve reaches (Kaplan–Meier).</param>
/// <param name="Median">The median with its limits (Kaplan–Meier).</param>
/// <param name="RestrictedMean">The restricted mean up to the horizon, or null without spells (Kaplan–Meier).</param>
public sealed record TenureReportGroup(
    string Group,
    int? Count,
    double? MeanMonths,
    double? MedianMonths,
    long? Records,
    long? Events,
    IReadOnlyList<TenureReportSurvival>? Survival,
    TenureReportMedian? Median,
    TenureReportRestrictedMean? RestrictedMean)
{
    /// <summary>Gets the months at which a Kaplan–Meier group gives the share still in post: 12, 24 and 36.</summary>
    public static ImmutableArray<int> SurvivalMonths { get; } = [12, 24, 36];

    /// <summary>Makes the group of a tenure summary (completed tenures, or time in post), in months.</summary>
    /// <param name="name">The group's name.</param>
    /// <param name="summary">The summary.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static TenureReportGroup FromSummary(string name, TenureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(name, summary.Count, summary.MeanMonths, summary.MedianMonths, null, null, null, null, null);
    }

    /// <summary>
    /// Makes the group of a Kaplan–Meier curve over tenure in days: the estimates at <see cref="SurvivalMonths"/> that
    /// the curve reaches, the median with its limits and the restricted mean up to <paramref name="horizonMonths"/>,
    /// all in months; a figure that is not finite (R's NA or Inf) is null.
    /// </summary>
    /// <param name="name">The group's name.</param>
    /// <param name="curve">The curve, with time in days.</param>
    /// <param name="horizonMonths">The horizon of the restricted mean, in months: 1 or more.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonMonths"/> is less than 1.</exception>
    public static TenureReportGroup FromCurve(string name, KaplanMeierCurve curve, int horizonMonths) =>
        FromCurve(name, curve, horizonMonths, SurvivalMonths);

    /// <summary>
    /// Makes the group of a Kaplan–Meier curve as <see cref="FromCurve(string, KaplanMeierCurve, int)"/> does, with the
    /// estimates at <paramref name="months"/> (R's <c>summary(fit, times)</c> in months: sorted, each with the spells
    /// at risk and those that ended or were censored since the time before; times after the curve's end left out).
    /// </summary>
    /// <param name="name">The group's name.</param>
    /// <param name="curve">The curve, with time in days.</param>
    /// <param name="horizonMonths">The horizon of the restricted mean, in months: 1 or more.</param>
    /// <param name="months">The months at which to give the share still in post, each 0 or more.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="curve"/> or <paramref name="months"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonMonths"/> is less than 1, or a month is negative.</exception>
    public static TenureReportGroup FromCurve(string name, KaplanMeierCurve curve, int horizonMonths, IEnumerable<int> months)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonMonths, 1);
        List<TenureReportSurvival> survival = [];
        foreach (SurvivalSummaryRow at in curve.Summary(months.Select(m => m < 0 ? -1 : m * TenureMeasures.DaysPerMonth)))
        {
            survival.Add(new TenureReportSurvival(
                Math.Round(at.Time / TenureMeasures.DaysPerMonth, 9), at.AtRisk, at.Events, at.Censored, at.Survival, Finite(at.SurvivalStandardError), Finite(at.Estimate.Lower), Finite(at.Estimate.Upper)));
        }

        // Without records the curve is empty and its area is the whole horizon: no estimate, not a mean of the horizon.
        RestrictedMean? mean = curve.RecordCount == 0 ? null : curve.RestrictedMeanTo(horizonMonths * TenureMeasures.DaysPerMonth);
        return new TenureReportGroup(
            name,
            null,
            null,
            null,
            curve.RecordCount,
            curve.EventCount,
            survival,
            new TenureReportMedian(InMonths(curve.Median.Estimate), InMonths(curve.Median.Lower), InMonths(curve.Median.Upper)),
            mean is RestrictedMean m ? new TenureReportRestrictedMean(horizonMonths, m.Mean / TenureMeasures.DaysPerMonth, m.StandardError / TenureMeasures.DaysPerMonth) : null);
    }

    private static double? InMonths(double? days) => days / TenureMeasures.DaysPerMonth;

    /// <summary>A number, or null when it is not finite (JSON has no NaN or infinity).</summary>
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
