namespace Upon.Core.Workforce;

/// <content>What a series says in words: the "lowest since" and "highest since" notes the sector quotes, and its description.</content>
public sealed partial class TurnoverSeries
{
    /// <summary>
    /// Describes a year's value the way the sector quotes a record, when it is one: "the lowest since 2015/16", "the
    /// highest since the series began in 2008/09" (the series begins with its first year, with a value or not). A year is described when its value is the lowest (or highest) of
    /// the series so far, or the lowest (or highest) for more than a year: the last earlier year with a value as low
    /// (or as high) is two or more years before it. Years without a value are skipped, as in <see cref="LowestSince"/>.
    /// </summary>
    /// <param name="year">A year of the series with a value.</param>
    /// <returns>
    /// The phrase, in lower case without a full stop, or null when the year is not such a record: it is the first year
    /// with a value, or an equal or more extreme value came in the year before.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> has no value in the series.</exception>
    public string? DescribeSince(int year)
    {
        int? lowest = LowestSince(year);
        int? highest = HighestSince(year);
        string first = YearLabel(Points[0].Year);
        return lowest is null && highest is null ? null
            : lowest is null ? $"the lowest since the series began in {first}"
            : highest is null ? $"the highest since the series began in {first}"
            : lowest < year - 1 ? $"the lowest since {YearLabel(lowest.Value)}"
            : highest < year - 1 ? $"the highest since {YearLabel(highest.Value)}"
            : null;
    }

    /// <summary>
    /// Writes the notes on the latest of a run of yearly turnovers that <c>upon turnover</c> prints: for the change
    /// rate, the authority change rate and the stability index in turn, a sentence such as "2022/23: the change rate,
    /// 10.6%, is the lowest since 2015/16." where <see cref="DescribeSince"/> describes the latest year's value (rates
    /// as percentages to one decimal place).
    /// </summary>
    /// <param name="turnovers">Turnovers over whole financial years or whole calendar years, as <see cref="Of(IEnumerable{Turnover}, TurnoverMeasure)"/> takes them.</param>
    /// <returns>The notes, none when there are fewer than three turnovers (too short a series to quote a record from) or nothing to say.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="turnovers"/> or a turnover is null.</exception>
    /// <exception cref="ArgumentException">A turnover's period is not a whole financial or calendar year, the bases are mixed, or a year appears twice.</exception>
    public static ImmutableArray<string> Notes(IReadOnlyCollection<Turnover> turnovers)
    {
        ArgumentNullException.ThrowIfNull(turnovers);
        ImmutableArray<string>.Builder notes = ImmutableArray.CreateBuilder<string>();
        if (turnovers.Count < 3)
        {
            return notes.ToImmutable();
        }

        foreach ((string name, TurnoverMeasure measure) in new[] { ("change rate", TurnoverMeasure.ChangeRate), ("authority change rate", TurnoverMeasure.AuthorityChangeRate), ("stability index", TurnoverMeasure.StabilityIndex) })
        {
            TurnoverSeries series = Of(turnovers, measure);
            int year = series.Points[^1].Year;
            if (series.ValueIn(year) is double value && series.DescribeSince(year) is string since)
            {
                string percent = (value * 100).ToString("0.0", CultureInfo.InvariantCulture);
                notes.Add($"{series.YearLabel(year)}: the {name}, {percent}%, is {since}.");
            }
        }

        return notes.ToImmutable();
    }

    /// <summary>
    /// Says what the series is: for example <c>Turnover series by financial year, 2013/14 to 2023/24: 11 years, 2 without
    /// a value (2014/15, 2021/22)</c>, or <c>Turnover series by calendar year: empty</c>.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        string basis = Basis == YearBasis.Financial ? "financial year" : "calendar year";
        if (Points.IsEmpty)
        {
            return $"Turnover series by {basis}: empty";
        }

        int first = Points[0].Year;
        int last = Points[^1].Year;
        string missing = MissingYears.IsEmpty ? string.Empty : $", {MissingYears.Length} without a value ({string.Join(", ", MissingYears.Select(YearLabel))})";
        int years = last - first + 1;
        return string.Create(CultureInfo.InvariantCulture, $"Turnover series by {basis}, {YearLabel(first)} to {YearLabel(last)}: {years} {(years == 1 ? "year" : "years")}{missing}");
    }
}
