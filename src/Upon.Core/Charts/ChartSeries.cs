using Upon.Core.Workforce;

namespace Upon.Core.Charts;

/// <summary>A named series of values by category, for example change rates by financial year.</summary>
/// <remarks>Equality is by value, with <see cref="Points"/> compared by reference.</remarks>
public sealed record ChartSeries
{
    /// <summary>Initializes a series.</summary>
    /// <param name="label">The label in the legend; may be empty.</param>
    /// <param name="points">The values in drawing order; each category at most once, each value finite and at least 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="label"/>, <paramref name="points"/> or a category is null.</exception>
    /// <exception cref="ArgumentException">A category appears twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or not finite.</exception>
    public ChartSeries(string label, IEnumerable<ChartPoint> points)
    {
        Guard.Against.Null(label);
        Guard.Against.Null(points);
        HashSet<string> seen = new(StringComparer.Ordinal);
        ImmutableArray<ChartPoint>.Builder all = ImmutableArray.CreateBuilder<ChartPoint>();
        foreach (ChartPoint point in points)
        {
            Guard.Against.Null(point.Category, nameof(points));
            Guard.Against.Invalid(!seen.Add(point.Category), "A category appears more than once in the series.", nameof(points));
            Guard.Against.OutOfRange(!double.IsFinite(point.Value) || point.Value < 0, "Every value must be finite and at least 0.", nameof(points));

            all.Add(point);
        }

        Label = label;
        Points = all.ToImmutable();
    }

    /// <summary>Gets the label in the legend.</summary>
    public string Label { get; }

    /// <summary>Gets the values in drawing order.</summary>
    public ImmutableArray<ChartPoint> Points { get; }

    /// <summary>
    /// Gets the change rates (<see cref="Turnover.ChangeRate"/>) of <paramref name="turnovers"/>, each in the
    /// category of its period: <c>2020/21</c> for a financial year, <c>2020</c> for a calendar year, otherwise
    /// the period's last day (<c>2021-06-30</c>). Periods without authorities (no rate) are left out.
    /// </summary>
    /// <param name="label">The label in the legend.</param>
    /// <param name="turnovers">The turnover of each period, for example from <see cref="Turnover.ByFinancialYear"/>.</param>
    /// <param name="byAuthority">Whether to take <see cref="Turnover.AuthorityChangeRate"/> (the share of authorities with a change) instead.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/>, <paramref name="turnovers"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two periods give the same category.</exception>
    public static ChartSeries ChangeRates(string label, IEnumerable<Turnover> turnovers, bool byAuthority = false)
    {
        Guard.Against.Null(turnovers);
        List<ChartPoint> points = [];
        foreach (Turnover turnover in turnovers)
        {
            Guard.Against.Null(turnover, nameof(turnovers));
            if ((byAuthority ? turnover.AuthorityChangeRate : turnover.ChangeRate) is double rate)
            {
                points.Add(new ChartPoint(Category(turnover.Period.Start, turnover.Period.End), rate));
            }
        }

        return new ChartSeries(label, points);
    }

    /// <summary>
    /// Gets the values of a <see cref="TurnoverSeries"/>, such as the published figures of
    /// <see cref="PublishedTurnoverFigures.Series(TurnoverMeasure)"/>, each in the category of its year (<c>2020/21</c> or
    /// <c>2020</c>); years without a value are left out, so a reference line breaks there.
    /// </summary>
    /// <param name="label">The label in the legend.</param>
    /// <param name="series">The series.</param>
    /// <returns>The chart series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative.</exception>
    public static ChartSeries Of(string label, TurnoverSeries series)
    {
        Guard.Against.Null(series);
        List<ChartPoint> points = [];
        foreach (TurnoverPoint point in series.Points)
        {
            if (point.Value is double value)
            {
                points.Add(new ChartPoint(series.YearLabel(point.Year), value));
            }
        }

        return new ChartSeries(label, points);
    }

    // The year's last day is built from the start's year, not by adding a year to the start: a calendar year
    // starting in 9999 has no day after it.
    private static string Category(NodaTime.LocalDate start, NodaTime.LocalDate end) =>
        start.Month == 4 && start.Day == 1 && start.Year is >= 1 and <= 9998 && end == new NodaTime.LocalDate(start.Year + 1, 3, 31) ? TurnoverSeries.Label(YearBasis.Financial, start.Year)
        : start.Month == 1 && start.Day == 1 && end == new NodaTime.LocalDate(start.Year, 12, 31) ? start.Year.ToString(CultureInfo.InvariantCulture)
        : DateText.Format(end);
}
