namespace Upon.Core.Workforce;

/// <summary>Where the new DCSs of a period in a <see cref="TurnoverReport"/> came from; the four add up to the changes (see <see cref="ChangeOrigins"/>).</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="HistoryFrom">The first day from which the records hold every appointment: a holder in post by then is of unknown origin.</param>
/// <param name="FirstTime">New DCSs in their first DCS post.</param>
/// <param name="Moves">New DCSs who were DCS of another authority before.</param>
/// <param name="Returns">New DCSs returning to a post they held before.</param>
/// <param name="Unknown">New DCSs whose earlier posts the records cannot tell.</param>
public sealed record TurnoverReportOrigins(LocalDate HistoryFrom, int FirstTime, int Moves, int Returns, int Unknown);
