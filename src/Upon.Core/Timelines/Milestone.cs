namespace Upon.Core.Timelines;

/// <summary>
/// A dated milestone of a programme year, such as the day applications open.
/// </summary>
/// <remarks>
/// Equality is by value over every member. <c>default</c> is an applications-open milestone on
/// 1 January of year 1, published (not assumed), without a note: a value with no meaning in this domain.
/// </remarks>
/// <param name="Kind">What happens on the date.</param>
/// <param name="Date">The date, in the ISO calendar, as a local date in Europe/London.</param>
/// <param name="IsAssumed">
/// Whether the date is an assumption made by this library (the sources give only a month or a season)
/// rather than a published date.
/// </param>
/// <param name="Note">Why the date was assumed, or any other remark; null when there is none.</param>
public readonly record struct Milestone(MilestoneKind Kind, LocalDate Date, bool IsAssumed = false, string? Note = null)
{
    /// <summary>Returns the milestone as <c>2020-09-14 ApplicationsOpen</c>, with <c>(assumed)</c> when assumed.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{DateText.Format(Date)} {Kind}{(IsAssumed ? " (assumed)" : string.Empty)}";

    /// <summary>Creates a milestone whose date is assumed, with the reason.</summary>
    /// <param name="kind">What happens on the date.</param>
    /// <param name="date">The assumed date.</param>
    /// <param name="note">Why the date was assumed and what the sources say; not empty.</param>
    /// <returns>The milestone.</returns>
    /// <exception cref="ArgumentException"><paramref name="note"/> is null or empty.</exception>
    public static Milestone Assumed(MilestoneKind kind, LocalDate date, string note)
    {
        Guard.Against.NullOrEmpty(note);
        return new Milestone(kind, date, IsAssumed: true, note);
    }
}
