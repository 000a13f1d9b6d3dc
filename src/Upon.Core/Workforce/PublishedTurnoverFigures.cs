using System.Diagnostics;

namespace Upon.Core.Workforce;

/// <summary>
/// The DCS turnover figures ADCS has published by financial year, as found in public reports and
/// collected in DOMAIN.md §4, as reference data for the same queries as a measured series.
/// </summary>
/// <remarks>
/// <para>
/// The series has gaps: 2014/15 and 2021/22 are missing, and several columns are blank in some years.
/// "Lowest since" questions over it can only compare with the years it holds: 39 changes in 2020/21
/// is the lowest in this series (which starts in 2013/14), while the DCS Update called it the fewest
/// since 2011/12, a year this series does not hold and so cannot confirm.
/// </para>
/// <para>Stateless and thread-safe; the data are immutable.</para>
/// </remarks>
public static class PublishedTurnoverFigures
{
    /// <summary>Where the figures come from.</summary>
    public const string Source = "ADCS figures on DCS turnover by financial year (1 April to 31 March), as found in public reports; collected in DOMAIN.md section 4.";

    /// <summary>Gets the published years, in order.</summary>
    public static ImmutableArray<PublishedTurnoverYear> Years { get; } =
    [
        new(2013, 61, null, null, null, null, null, null, null),
        new(2015, 55, null, null, 29, null, null, null, null),
        new(2016, 44, null, null, 16, null, null, null, null),
        new(2017, 65, 57, null, 27, 27, 26, 37, "A record number of changes."),
        new(2018, 51, 40, 152, 17, 20, 29, null, null),
        new(2019, 57, 48, 151, 24, 22, 29, null, null),
        new(2020, 39, 34, 151, 12, 17, 30, null, "The DCS Update called this the fewest changes since 2011/12."),
        new(2022, 50, 42, 152, 21, null, null, null, null),
        new(2023, 62, 49, 153, 21, 28, 33, null, null),
    ];

    /// <summary>Gets notes on reading the figures beside them.</summary>
    public static ImmutableArray<string> Notes { get; } =
    [
        "ADCS counts every change of post-holder, interim spells included, so changes are at least the authorities with a change.",
        "ADCS's average tenure is the mean time in post, at 31 March, of the DCSs then in post: unfinished tenures, neither a mean of completed tenures nor a Kaplan-Meier estimate.",
        "The number of authorities varies (151, 152, 153) and is given per year where published.",
        "2014/15 and 2021/22 are not in the public reports found; 2011/12 and 2012/13 are cited but without the table's figures.",
        "The DCS Update counted 39 changes in 2020/21, the fewest since 2011/12: the series here cannot confirm that comparison.",
        "CYP Now, for the 12 months to mid-2021: 37 of 151 authorities changed DCS, against 57 changes the year before (a rolling count, not a financial year).",
        "\"About a third of posts change hands each year\" is a journalists' figure (34.2% in 2012/13).",
    ];

    /// <summary>Gets the published figures for the financial year starting in <paramref name="startYear"/>.</summary>
    /// <param name="startYear">The calendar year the financial year starts in.</param>
    /// <returns>The figures, or null when none are published for that year.</returns>
    public static PublishedTurnoverYear? Find(int startYear)
    {
        foreach (PublishedTurnoverYear year in Years)
        {
            if (year.StartYear == startYear)
            {
                return year;
            }
        }

        return null;
    }

    /// <summary>Gets the published series of a measure, by financial year, null where not published.</summary>
    /// <param name="measure">
    /// The measure: <see cref="TurnoverMeasure.Changes"/>, <see cref="TurnoverMeasure.AuthoritiesWithChange"/>,
    /// <see cref="TurnoverMeasure.AuthorityCount"/>, <see cref="TurnoverMeasure.ChangeRate"/>,
    /// <see cref="TurnoverMeasure.AuthorityChangeRate"/>, <see cref="TurnoverMeasure.NewPermanent"/> or
    /// <see cref="TurnoverMeasure.InterimAppointments"/> (the others are not published).
    /// </param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measure"/> is undefined or not published.</exception>
    public static TurnoverSeries Series(TurnoverMeasure measure)
    {
        TurnoverSeries.CheckMeasure(measure);
        Guard.Against.OutOfRange(measure > TurnoverMeasure.InterimAppointments, "ADCS does not publish this measure.", nameof(measure));
        Func<PublishedTurnoverYear, double?> value = measure switch
        {
            TurnoverMeasure.Changes => static y => y.Changes,
            TurnoverMeasure.AuthoritiesWithChange => static y => y.AuthoritiesWithChange,
            TurnoverMeasure.AuthorityCount => static y => y.AuthorityCount,
            TurnoverMeasure.ChangeRate => static y => y.ChangeRate,
            TurnoverMeasure.AuthorityChangeRate => static y => y.AuthorityChangeRate,
            TurnoverMeasure.NewPermanent => static y => y.NewPermanent,
            TurnoverMeasure.InterimAppointments => static y => y.InterimAppointments,
            _ => throw new UnreachableException(),
        };
        return Series(value);
    }

    /// <summary>Gets the published series of any value of the published years, by financial year.</summary>
    /// <param name="measure">The value (null where not published), for example <c>y =&gt; y.AverageTenureMonths</c>.</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measure"/> is null.</exception>
    public static TurnoverSeries Series(Func<PublishedTurnoverYear, double?> measure)
    {
        Guard.Against.Null(measure);
        List<TurnoverPoint> points = new(Years.Length);
        foreach (PublishedTurnoverYear year in Years)
        {
            points.Add(new TurnoverPoint(year.StartYear, measure(year)));
        }

        return TurnoverSeries.FromValues(YearBasis.Financial, points);
    }
}
