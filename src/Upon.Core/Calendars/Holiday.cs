using System.Text.Json.Serialization;

namespace Upon.Core.Calendars;

/// <summary>
/// A day on which a calendar's working days do not fall: a bank holiday, a substitute day, or a
/// closure day that a user added.
/// </summary>
/// <remarks>
/// Equality is by value over <see cref="Date"/>, <see cref="Name"/> and <see cref="Notes"/>; ordering
/// (<see cref="CompareTo"/>) is by date, then name, then notes, with ordinal string comparison.
/// <c>default</c> is 1 January of year 1 with null name and notes; it is not a valid holiday.
/// </remarks>
/// <param name="Date">The date the holiday is observed on (for a substitute day, the substitute date).</param>
/// <param name="Name">The holiday's name as published, for example <c>Boxing Day</c>.</param>
/// <param name="Notes">
/// Published notes, or the empty string. The UK government's data writes <c>Substitute day</c> here when
/// the holiday is observed on a later date because its usual date falls at a weekend.
/// </param>
public readonly record struct Holiday(
    [property: JsonRequired] LocalDate Date,
    [property: JsonRequired] string Name,
    [property: JsonRequired] string Notes) : IComparable<Holiday>
{
    /// <summary>The notes the UK government's data gives a substitute day.</summary>
    public const string SubstituteDayNote = "Substitute day";

    /// <summary>Initializes a holiday with no notes.</summary>
    /// <param name="date">The date observed.</param>
    /// <param name="name">The holiday's name.</param>
    public Holiday(LocalDate date, string name)
        : this(date, name, string.Empty)
    {
    }

    /// <summary>
    /// Gets a value indicating whether this is a substitute day: <see cref="Notes"/> is
    /// <see cref="SubstituteDayNote"/> (compared ignoring case).
    /// </summary>
    [JsonIgnore]
    public bool IsSubstituteDay => string.Equals(Notes, SubstituteDayNote, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates a substitute day for the holiday <paramref name="name"/>, observed on <paramref name="date"/>.</summary>
    /// <param name="date">The substitute date.</param>
    /// <param name="name">The name of the holiday it stands in for.</param>
    /// <returns>A holiday whose notes are <see cref="SubstituteDayNote"/>.</returns>
    public static Holiday SubstituteDay(LocalDate date, string name) => new(date, name, SubstituteDayNote);

    /// <summary>Compares by date, then name, then notes (ordinal).</summary>
    /// <param name="other">The holiday to compare with.</param>
    /// <returns>Negative, zero or positive as this holiday sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(Holiday other)
    {
        int byDate = Date.CompareTo(other.Date);
        if (byDate != 0)
        {
            return byDate;
        }

        int byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Notes, other.Notes);
    }

    /// <summary>Returns the holiday as <c>yyyy-MM-dd Name</c>, with the notes in brackets when there are any.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.IsNullOrEmpty(Notes) ? $"{DateText.Format(Date)} {Name}" : $"{DateText.Format(Date)} {Name} ({Notes})";

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Holiday left, Holiday right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Holiday left, Holiday right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns>True unless <paramref name="left"/> sorts after.</returns>
    public static bool operator <=(Holiday left, Holiday right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns>True unless <paramref name="left"/> sorts before.</returns>
    public static bool operator >=(Holiday left, Holiday right) => left.CompareTo(right) >= 0;
}
