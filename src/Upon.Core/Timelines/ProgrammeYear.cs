using Upon.Core.Calendars;

namespace Upon.Core.Timelines;

/// <summary>
/// One year of a strand of the programme: its window, milestones and sessions, the number of taught
/// days it requires, and notes that list every date assumed rather than published.
/// </summary>
/// <remarks>
/// <para>
/// A programme year keeps its milestones and sessions in the order given (so that JSON round-trips
/// exactly); nothing here depends on that order. It is not checked on construction beyond its
/// arguments being present: call <see cref="Validate(WorkingDayCalendar)"/> for a report of every finding.
/// </para>
/// <para>
/// Dates and times are local to Europe/London (<see cref="TimeZone"/>). Equality is by value over
/// every member, collections compared element by element in order. Instances are immutable and safe
/// to share between threads.
/// </para>
/// </remarks>
public sealed class ProgrammeYear : IEquatable<ProgrammeYear>
{
    /// <summary>Initializes a programme year.</summary>
    /// <param name="id">The identifier, for example <c>aspirant-2021-22</c>; not empty.</param>
    /// <param name="name">The name people see; not empty.</param>
    /// <param name="strand">The strand of the programme.</param>
    /// <param name="window">The dates the programme runs, both ends included.</param>
    /// <param name="milestones">The milestones, in any order; a default array is read as empty.</param>
    /// <param name="sessions">The sessions, in any order; a default array is read as empty.</param>
    /// <param name="requiredTaughtDays">How many taught days the year requires, or null when the sources do not say; not negative.</param>
    /// <param name="notes">Remarks, including one for every assumed date; a default array is read as empty.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or empty, or a note is null.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> or a session is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requiredTaughtDays"/> is negative.</exception>
    public ProgrammeYear(
        string id,
        string name,
        ProgrammeStrand strand,
        DateInterval window,
        ImmutableArray<Milestone> milestones,
        ImmutableArray<Session> sessions,
        int? requiredTaughtDays = null,
        ImmutableArray<string> notes = default)
    {
        Guard.Against.NullOrEmpty(id);
        Guard.Against.NullOrEmpty(name);
        Guard.Against.Null(window);
        Guard.Against.NonIsoCalendar(window.Start, nameof(window));
        if (requiredTaughtDays is int required)
        {
            Guard.Against.LessThan(required, 0, nameof(requiredTaughtDays));
        }

        sessions = sessions.IsDefault ? [] : sessions;
        Guard.Against.NullItem(sessions, nameof(sessions));

        notes = notes.IsDefault ? [] : notes;
        Guard.Against.Invalid(notes.Any(note => note is null), "A note must not be null.", nameof(notes));

        Id = id;
        Name = name;
        Strand = strand;
        Window = window;
        Milestones = milestones.IsDefault ? [] : milestones;
        Sessions = sessions;
        RequiredTaughtDays = requiredTaughtDays;
        Notes = notes;
    }

    /// <summary>Gets the time zone every date and time of a programme year is local to: Europe/London from TZDB.</summary>
    public static DateTimeZone TimeZone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Gets the identifier, for example <c>aspirant-2021-22</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the name people see.</summary>
    public string Name { get; }

    /// <summary>Gets the strand of the programme.</summary>
    public ProgrammeStrand Strand { get; }

    /// <summary>Gets the dates the programme runs; both ends are included.</summary>
    public DateInterval Window { get; }

    /// <summary>Gets the milestones, in the order given.</summary>
    public ImmutableArray<Milestone> Milestones { get; }

    /// <summary>Gets the sessions, in the order given.</summary>
    public ImmutableArray<Session> Sessions { get; }

    /// <summary>Gets how many taught days the year requires, or null when the sources do not say.</summary>
    public int? RequiredTaughtDays { get; }

    /// <summary>Gets the remarks on the year, including one for every assumed date.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the milestone of <paramref name="kind"/>, or null when the year has none (the first listed when there are several).</summary>
    /// <param name="kind">The kind of milestone.</param>
    /// <returns>The milestone, or null.</returns>
    public Milestone? GetMilestone(MilestoneKind kind)
    {
        foreach (Milestone milestone in Milestones)
        {
            if (milestone.Kind == kind)
            {
                return milestone;
            }
        }

        return null;
    }

    /// <summary>Gets the sessions in chronological order: by start instant, then end instant, then identifier (ordinal), then kind.</summary>
    /// <returns>The sessions, sorted; the order does not depend on the order they were given in.</returns>
    public ImmutableArray<Session> GetSessionsInOrder() =>
        [.. Sessions.Select((session, index) => (Session: session, Index: index)).Order(SessionOrder.Instance).Select(pair => pair.Session)];

    /// <summary>Validates the year against <paramref name="calendar"/>; see <see cref="TimelineValidator"/>.</summary>
    /// <param name="calendar">The working-day calendar sessions are checked against, for example <see cref="WorkingDayCalendar.EnglandAndWales"/>.</param>
    /// <returns>A report listing every finding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public TimelineReport Validate(WorkingDayCalendar calendar) => TimelineValidator.Validate(this, calendar);

    /// <summary>Returns a copy with <paramref name="sessions"/> in place of the sessions.</summary>
    /// <param name="sessions">The new sessions.</param>
    /// <returns>The new programme year.</returns>
    public ProgrammeYear WithSessions(ImmutableArray<Session> sessions) =>
        new(Id, Name, Strand, Window, Milestones, sessions, RequiredTaughtDays, Notes);

    /// <inheritdoc />
    public bool Equals(ProgrammeYear? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Name == other.Name
                && Strand == other.Strand
                && Window.Equals(other.Window)
                && RequiredTaughtDays == other.RequiredTaughtDays
                && Milestones.SequenceEqual(other.Milestones)
                && Sessions.SequenceEqual(other.Sessions)
                && Notes.SequenceEqual(other.Notes, StringComparer.Ordinal)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProgrammeYear);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Strand);
        hash.Add(Window);
        hash.Add(RequiredTaughtDays);
        hash.Add(Milestones.Length);
        hash.Add(Sessions.Length);
        return hash.ToHashCode();
    }

    /// <summary>Returns the identifier and window, for example <c>aspirant-2021-22 (2021-09-01 to 2022-03-31)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Id} ({DateText.Format(Window.Start)} to {DateText.Format(Window.End)})";
}
