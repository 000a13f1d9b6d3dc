namespace Upon.Core.Workforce;

/// <summary>
/// A turnover measure year by year, with the questions the sector asks of it: the lowest (or highest)
/// since when, the change on the year before, the mean over a range.
/// </summary>
/// <remarks>
/// <para>
/// A series may have gaps: years missing between its first and last, or years present with no value.
/// The queries skip them, so "lowest since" compares only with the years that have values; see
/// <see cref="MissingYears"/> before quoting one.
/// </para>
/// <para>Instances are immutable and thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed partial class TurnoverSeries
{
    private readonly Dictionary<int, double?> values;

    private TurnoverSeries(YearBasis basis, ImmutableArray<TurnoverPoint> points)
    {
        Basis = basis;
        Points = points;
        values = new Dictionary<int, double?>(points.Length);
        ImmutableArray<int>.Builder missing = ImmutableArray.CreateBuilder<int>();
        foreach (TurnoverPoint point in points)
        {
            values.Add(point.Year, point.Value);
        }

        if (!points.IsEmpty)
        {
            for (int year = points[0].Year; year <= points[^1].Year; year++)
            {
                if (ValueIn(year) is null)
                {
                    missing.Add(year);
                }
            }
        }

        MissingYears = missing.ToImmutable();
    }

    /// <summary>Gets what the years are.</summary>
    public YearBasis Basis { get; }

    /// <summary>Gets the years in increasing order, each once.</summary>
    public ImmutableArray<TurnoverPoint> Points { get; }

    /// <summary>Gets the years between the first and the last that have no value (absent, or present with a null value), in order.</summary>
    public ImmutableArray<int> MissingYears { get; }

    /// <summary>Makes a series from values.</summary>
    /// <param name="basis">What the years are.</param>
    /// <param name="points">The values, in any order, each year at most once; years 1 to 9998.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="points"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is undefined, or a year or value is out of range (values must be finite).</exception>
    /// <exception cref="ArgumentException">A year appears twice.</exception>
    public static TurnoverSeries FromValues(YearBasis basis, IEnumerable<TurnoverPoint> points)
    {
        Guard.Against.Null(points);
        CheckBasis(basis);
        List<TurnoverPoint> list = [];
        HashSet<int> years = [];
        foreach (TurnoverPoint point in points)
        {
            Guard.Against.LessThan(point.Year, 1, nameof(points));
            Guard.Against.GreaterThan(point.Year, 9998, nameof(points));
            Guard.Against.OutOfRange(point.Value is double v && !double.IsFinite(v), "A series value must be finite.", nameof(points));
            Guard.Against.Invalid(!years.Add(point.Year), "A year appears more than once in the series.", nameof(points));

            list.Add(point);
        }

        list.Sort(static (a, b) => a.Year.CompareTo(b.Year));
        return new TurnoverSeries(basis, [.. list]);
    }

    /// <summary>Makes the series of one measure of turnovers measured over whole financial years or whole calendar years.</summary>
    /// <param name="turnovers">The turnovers, in any order; all over financial years or all over calendar years, each year once.</param>
    /// <param name="measure">The measure to follow.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="turnovers"/> or a turnover is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measure"/> is undefined.</exception>
    /// <exception cref="ArgumentException">A turnover's period is not a whole financial or calendar year, the bases are mixed, or a year appears twice.</exception>
    public static TurnoverSeries Of(IEnumerable<Turnover> turnovers, TurnoverMeasure measure)
    {
        CheckMeasure(measure);
        return Of(turnovers, t => ValueOf(t, measure));
    }

    /// <summary>Makes the series of any value of turnovers measured over whole financial years or whole calendar years.</summary>
    /// <param name="turnovers">The turnovers, in any order; all over financial years or all over calendar years, each year once.</param>
    /// <param name="measure">The value to follow (null where unknown); its values must be finite.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="turnovers"/>, a turnover or <paramref name="measure"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    /// <exception cref="ArgumentException">A turnover's period is not a whole financial or calendar year, the bases are mixed, or a year appears twice.</exception>
    public static TurnoverSeries Of(IEnumerable<Turnover> turnovers, Func<Turnover, double?> measure)
    {
        Guard.Against.Null(turnovers);
        Guard.Against.Null(measure);
        YearBasis? basis = null;
        List<TurnoverPoint> points = [];
        foreach (Turnover turnover in turnovers)
        {
            Guard.Against.Null(turnover, nameof(turnovers));
            (YearBasis Basis, int Year)? yearOf = YearOf(turnover.Period);
            Guard.Against.Invalid(yearOf is null, "A series takes turnovers over whole financial or calendar years.", nameof(turnovers));
            (YearBasis b, int year) = yearOf.Value;
            Guard.Against.Invalid(basis is YearBasis existing && existing != b, "The turnovers mix financial and calendar years.", nameof(turnovers));

            basis = b;
            points.Add(new TurnoverPoint(year, measure(turnover)));
        }

        return FromValues(basis ?? YearBasis.Financial, points);
    }

    /// <summary>Gets the value in <paramref name="year"/>.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The value, or null when the year is not in the series or has no value.</returns>
    public double? ValueIn(int year) => values.TryGetValue(year, out double? value) ? value : null;

    /// <summary>
    /// Answers "lowest since when?": the most recent year before <paramref name="year"/> whose value is
    /// equal to or lower than <paramref name="year"/>'s. Years without a value are skipped.
    /// </summary>
    /// <param name="year">A year of the series with a value.</param>
    /// <returns>That earlier year, or null when every earlier value is higher (the lowest in the series so far).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> has no value in the series.</exception>
    public int? LowestSince(int year) => Since(year, static (earlier, value) => earlier <= value);

    /// <summary>
    /// Answers "highest since when?": the most recent year before <paramref name="year"/> whose value is
    /// equal to or higher than <paramref name="year"/>'s. Years without a value are skipped.
    /// </summary>
    /// <param name="year">A year of the series with a value.</param>
    /// <returns>That earlier year, or null when every earlier value is lower (the highest in the series so far).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> has no value in the series.</exception>
    public int? HighestSince(int year) => Since(year, static (earlier, value) => earlier >= value);

    /// <summary>Gets the change on the year before: value in <paramref name="year"/> − value in <paramref name="year"/> − 1.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The change, or null when either year has no value.</returns>
    public double? ChangeOnPreviousYear(int year) => ValueIn(year) - ValueIn(year - 1);

    /// <summary>Gets the mean of the values from <paramref name="fromYear"/> to <paramref name="toYear"/>, both included, over the years that have values.</summary>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year, at least <paramref name="fromYear"/>.</param>
    /// <returns>The mean, or null when no year in the range has a value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public double? Mean(int fromYear, int toYear)
    {
        Guard.Against.LessThan(toYear, fromYear);
        double sum = 0;
        int count = 0;
        foreach (TurnoverPoint point in Points)
        {
            if (point.Year >= fromYear && point.Year <= toYear && point.Value is double value)
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>Gets the name of <paramref name="year"/>: "2020/21" for a financial year, "2020" for a calendar year.</summary>
    /// <param name="year">The year, 1 to 9998.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public string YearLabel(int year) => Label(Basis, year);

    /// <summary>Gets the name of a year: "2020/21" for the financial year starting in 2020, "2020" for a calendar year.</summary>
    /// <param name="basis">What the year is.</param>
    /// <param name="year">The year, 1 to 9998.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is undefined or <paramref name="year"/> is out of range.</exception>
    public static string Label(YearBasis basis, int year)
    {
        CheckBasis(basis);
        Guard.Against.LessThan(year, 1);
        Guard.Against.GreaterThan(year, 9998);
        return basis == YearBasis.Financial
            ? string.Create(CultureInfo.InvariantCulture, $"{year}/{(year + 1) % 100:00}")
            : year.ToString(CultureInfo.InvariantCulture);
    }

    internal static void CheckMeasure(TurnoverMeasure measure)
    {
        Guard.Against.UndefinedEnum(measure, nameof(measure), "The measure is not a defined TurnoverMeasure.");
    }

    private static double? ValueOf(Turnover turnover, TurnoverMeasure measure) => measure switch
    {
        TurnoverMeasure.Changes => turnover.Changes,
        TurnoverMeasure.AuthoritiesWithChange => turnover.AuthoritiesWithChange,
        TurnoverMeasure.AuthorityCount => turnover.AuthorityCount,
        TurnoverMeasure.ChangeRate => turnover.ChangeRate,
        TurnoverMeasure.AuthorityChangeRate => turnover.AuthorityChangeRate,
        TurnoverMeasure.NewPermanent => turnover.NewPermanent,
        TurnoverMeasure.InterimAppointments => turnover.InterimAppointments,
        TurnoverMeasure.FirstTime => turnover.Origins.FirstTime,
        TurnoverMeasure.Moves => turnover.Origins.Moves,
        TurnoverMeasure.Returns => turnover.Origins.Returns,
        _ => turnover.Stability.Value,
    };

    private static void CheckBasis(YearBasis basis)
    {
        Guard.Against.UndefinedEnum(basis, nameof(basis), "The year basis must be Financial or Calendar.");
    }

    private static (YearBasis Basis, int Year)? YearOf(DateInterval period)
    {
        LocalDate start = period.Start;
        LocalDate end = period.End;
        if (start.Month == 4 && start.Day == 1 && end == new LocalDate(start.Year + 1, 3, 31))
        {
            return (YearBasis.Financial, start.Year);
        }

        if (start.Month == 1 && start.Day == 1 && end == new LocalDate(start.Year, 12, 31) && start.Year <= 9998)
        {
            return (YearBasis.Calendar, start.Year);
        }

        return null;
    }

    private int? Since(int year, Func<double, double, bool> qualifies)
    {
        double? valueIn = ValueIn(year);
        Guard.Against.OutOfRange(valueIn is null, "The year has no value in the series.", nameof(year));
        double value = valueIn.Value;

        for (int i = Points.Length - 1; i >= 0; i--)
        {
            if (Points[i].Year < year && Points[i].Value is double earlier && qualifies(earlier, value))
            {
                return Points[i].Year;
            }
        }

        return null;
    }
}
