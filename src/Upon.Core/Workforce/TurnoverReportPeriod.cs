namespace Upon.Core.Workforce;

/// <summary>One period of a <see cref="TurnoverReport"/>: the figures of a <see cref="Turnover"/> with the period's name.</summary>
/// <remarks>Equality is by value. Rates are shares (0.25 is 25%).</remarks>
/// <param name="Label">The period's name, such as "2020/21", "2020" or "2020-07-01 to 2021-06-30".</param>
/// <param name="Period">The period, both ends included.</param>
/// <param name="Authorities">The authorities in the register for the period: the rates' denominator.</param>
/// <param name="Changes">The changes of DCS.</param>
/// <param name="AuthoritiesWithChange">The authorities with at least one change.</param>
/// <param name="ChangesOutsideRegister">Changes in authorities not in the register for the period: in no rate.</param>
/// <param name="ChangeRate">Changes ÷ authorities, or null without authorities.</param>
/// <param name="AuthorityChangeRate">Authorities with a change ÷ authorities, or null without authorities.</param>
/// <param name="Stability">The stability index.</param>
/// <param name="Origins">Where the new DCSs came from.</param>
/// <param name="NewPermanent">Permanent appointments that began in the period.</param>
/// <param name="InterimAppointments">Interim and acting appointments that began in the period.</param>
public sealed record TurnoverReportPeriod(
    string Label,
    DateInterval Period,
    int Authorities,
    int Changes,
    int AuthoritiesWithChange,
    int ChangesOutsideRegister,
    double? ChangeRate,
    double? AuthorityChangeRate,
    TurnoverReportStability Stability,
    TurnoverReportOrigins Origins,
    int NewPermanent,
    int InterimAppointments)
{
    /// <summary>Copies the figures of a turnover under a name.</summary>
    /// <param name="label">The period's name.</param>
    /// <param name="turnover">The turnover.</param>
    /// <returns>The period's figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="label"/> or <paramref name="turnover"/> is null.</exception>
    public static TurnoverReportPeriod Of(string label, Turnover turnover)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(turnover);
        return new(
            label,
            turnover.Period,
            turnover.AuthorityCount,
            turnover.Changes,
            turnover.AuthoritiesWithChange,
            turnover.ChangesOutsideRegister,
            turnover.ChangeRate,
            turnover.AuthorityChangeRate,
            TurnoverReportStability.Of(turnover.Stability),
            new TurnoverReportOrigins(turnover.HistoryFrom, turnover.Origins.FirstTime, turnover.Origins.Moves, turnover.Origins.Returns, turnover.Origins.Unknown),
            turnover.NewPermanent,
            turnover.InterimAppointments);
    }
}
