using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// The published figures about Directors of Children's Services in England, as the sources give them
/// (DOMAIN.md §3 and §4), for tests that check a calculation against them. Real published figures, not
/// synthetic ones; <see cref="SyntheticWorkforce"/> is built to reproduce the turnover ones.
/// </summary>
/// <remarks>Every member is immutable and safe to share between threads.</remarks>
public static class SectorFigures
{
    /// <summary>Local authorities with children's services in England in 2020/21: 151.</summary>
    public const int Authorities = 151;

    /// <summary>Authorities that changed DCS in the 12 months to mid-2021 (CYP Now): 37 of <see cref="Authorities"/>.</summary>
    public const int AuthoritiesChangingDcsInYearToMid2021 = 37;

    /// <summary>Changes of DCS in the 12 months before that (CYP Now): 57.</summary>
    public const int ChangesInPreviousYearToMid2020 = 57;

    /// <summary>Changes of DCS in 2020/21 counted by the DCS Update: 39, the fewest since 2011/12.</summary>
    public const int ChangesIn2020To21 = 39;

    /// <summary>The financial year (by its start year) before which 2020/21's changes were last as few: 2011 (2011/12).</summary>
    public const int FewestChangesSinceStartYear = 2011;

    /// <summary>"In most years around a third of DCS posts change hands": 1/3.</summary>
    public const double AboutAThirdChangeEachYear = 1.0 / 3.0;

    /// <summary>The average tenure of a DCS quoted by ADCS: 30 months (mean time in post on 31 March of the DCSs then in post).</summary>
    public const int AdcsAverageTenureMonths = 30;

    /// <summary>The average tenure quoted on the programme's own page: 47 months (computed another way).</summary>
    public const int ProgrammeAverageTenureMonths = 47;

    /// <summary>The share of serving DCSs who identify as white British: 0.80.</summary>
    public const decimal ServingDcsWhiteBritishShare = 0.80m;

    /// <summary>The share of serving DCSs who had completed the aspirant programme (partners' figure): 0.48.</summary>
    public const decimal ServingDcsCompletedAspirantShare = 0.48m;

    /// <summary>The share of those on the programme since 2020 already appointed DCS (partners' figure): 0.11.</summary>
    public const decimal AspirantsAppointedDcsShare = 0.11m;

    /// <summary>The share of authorities with an (unplanned) change of DCS in 2018/19 quoted by the programme's page: over 0.25.</summary>
    public const decimal UnplannedChangeShare2018To19 = 0.25m;

    /// <summary>
    /// Gets ADCS's published turnover figures by financial year (1 April to 31 March), where found, as the
    /// library holds them (<see cref="PublishedTurnoverFigures.Years"/>); missing figures are null. Changes
    /// count every change of post-holder, interims included.
    /// </summary>
    public static ImmutableArray<PublishedTurnoverYear> AdcsTurnover => PublishedTurnoverFigures.Years;
}
