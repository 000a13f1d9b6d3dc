namespace Upon.Core.Calendars;

/// <summary>
/// A one-off change to a year's bank holidays, made by royal proclamation: an extra holiday, or a
/// recurring holiday moved to another date.
/// </summary>
/// <remarks>Equality is by value over every member.</remarks>
/// <param name="Date">The date of the holiday after the change.</param>
/// <param name="Name">The holiday's name as published.</param>
/// <param name="Replaces">For a move, the date the recurring rule gives, which is then not a holiday; null for an extra holiday.</param>
/// <param name="Reason">Why the change was made, for example "Golden Jubilee of Queen Elizabeth II".</param>
public sealed record HolidayChange(LocalDate Date, string Name, LocalDate? Replaces, string Reason)
{
    /// <summary>Gets a value indicating whether the change moves a recurring holiday (rather than adding one).</summary>
    public bool IsMove => Replaces.HasValue;
}
