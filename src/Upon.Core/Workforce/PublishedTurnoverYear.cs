namespace Upon.Core.Workforce;

/// <summary>
/// One financial year of ADCS's published DCS turnover figures (see <see cref="PublishedTurnoverFigures"/>).
/// Null where the public reports give no figure ("–" in the table).
/// </summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="StartYear">The calendar year the financial year starts in (2020 is 2020/21).</param>
/// <param name="Changes">The changes of DCS: every change of post-holder, interim spells included.</param>
/// <param name="AuthoritiesWithChange">The authorities with at least one change.</param>
/// <param name="AuthorityCount">The number of authorities the figures are out of (151, 152, 153).</param>
/// <param name="NewPermanent">The new permanent DCSs appointed.</param>
/// <param name="InterimAppointments">The interim appointments made.</param>
/// <param name="AverageTenureMonths">ADCS's "average tenure" in months: the mean time in post, at 31 March, of the DCSs then in post.</param>
/// <param name="AveragePermanentTenureMonths">The same average over permanent DCSs only, where published.</param>
/// <param name="Note">What the report says beside the figures, or null.</param>
public readonly record struct PublishedTurnoverYear(
    int StartYear,
    int Changes,
    int? AuthoritiesWithChange,
    int? AuthorityCount,
    int? NewPermanent,
    int? InterimAppointments,
    int? AverageTenureMonths,
    int? AveragePermanentTenureMonths,
    string? Note)
{
    /// <summary>Gets the year's name, for example "2020/21".</summary>
    public string Label => TurnoverSeries.Label(YearBasis.Financial, StartYear);

    /// <summary>Gets <see cref="Changes"/> / <see cref="AuthorityCount"/>, or null without a count.</summary>
    public double? ChangeRate => AuthorityCount is int count && count > 0 ? (double)Changes / count : null;

    /// <summary>Gets <see cref="AuthoritiesWithChange"/> / <see cref="AuthorityCount"/>, or null without both.</summary>
    public double? AuthorityChangeRate => AuthorityCount is int count && count > 0 && AuthoritiesWithChange is int with ? (double)with / count : null;
}
