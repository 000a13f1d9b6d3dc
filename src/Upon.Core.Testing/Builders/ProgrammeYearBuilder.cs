using Upon.Core.Timelines;

namespace Upon.Core.Testing;

/// <summary>
/// Builds a <see cref="ProgrammeYear"/> for example-based tests, with realistic defaults: an Aspirant Directors
/// year "test-2022-23" running from Monday 5 September 2022 to Friday 31 March 2023, starting and ending with
/// programme milestones, no sessions and no required number of taught days. Sessions added with
/// <see cref="WithTaughtDay"/> are whole-day, face-to-face taught days.
/// </summary>
/// <remarks>A builder is mutable and not thread-safe; the years it builds are immutable.</remarks>
public sealed class ProgrammeYearBuilder
{
    private readonly ImmutableArray<Milestone>.Builder milestones = ImmutableArray.CreateBuilder<Milestone>();
    private readonly ImmutableArray<Session>.Builder sessions = ImmutableArray.CreateBuilder<Session>();
    private readonly ImmutableArray<string>.Builder notes = ImmutableArray.CreateBuilder<string>();
    private string id = "test-2022-23";
    private string name = "Aspirant Directors programme (test year 2022/23)";
    private ProgrammeStrand strand = ProgrammeStrand.AspirantDirectors;
    private DateInterval window = new(new LocalDate(2022, 9, 5), new LocalDate(2023, 3, 31));
    private bool milestonesSet;
    private int? requiredTaughtDays;

    /// <summary>Starts from an existing year: its identifier, name, strand, window, milestones, sessions, required days and notes.</summary>
    /// <param name="year">The year to start from, for example <see cref="BuiltInTimelines.Aspirant2021To22"/>.</param>
    /// <returns>A builder holding a copy of the year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="year"/> is null.</exception>
    public static ProgrammeYearBuilder From(ProgrammeYear year)
    {
        Guard.Against.Null(year);
        ProgrammeYearBuilder builder = new()
        {
            id = year.Id,
            name = year.Name,
            strand = year.Strand,
            window = year.Window,
            requiredTaughtDays = year.RequiredTaughtDays,
            milestonesSet = true,
        };
        builder.milestones.AddRange(year.Milestones);
        builder.sessions.AddRange(year.Sessions);
        builder.notes.AddRange(year.Notes);
        return builder;
    }

    /// <summary>Sets the identifier and the name.</summary>
    /// <param name="newId">The identifier; not empty (checked by <see cref="Build"/>).</param>
    /// <param name="newName">The name; not empty (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public ProgrammeYearBuilder Named(string newId, string newName)
    {
        id = newId;
        name = newName;
        return this;
    }

    /// <summary>Sets the strand.</summary>
    /// <param name="value">The strand.</param>
    /// <returns>This builder.</returns>
    public ProgrammeYearBuilder ForStrand(ProgrammeStrand value) => this.Set(ref strand, value);

    /// <summary>Sets the dates the programme runs, both ends included.</summary>
    /// <param name="value">The window.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ProgrammeYearBuilder Running(DateInterval value) => this.Set(ref window, Guard.Against.Null(value));

    /// <summary>Adds a milestone (the first one added replaces the default start and end milestones).</summary>
    /// <param name="kind">The kind of milestone.</param>
    /// <param name="date">Its date.</param>
    /// <returns>This builder.</returns>
    public ProgrammeYearBuilder WithMilestone(MilestoneKind kind, LocalDate date)
    {
        milestonesSet = true;
        milestones.Add(new Milestone(kind, date));
        return this;
    }

    /// <summary>Adds a session.</summary>
    /// <param name="session">The session; its identifier must be unique in the year (checked by validation, not here).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is null.</exception>
    public ProgrammeYearBuilder WithSession(Session session)
    {
        Guard.Against.Null(session);
        sessions.Add(session);
        return this;
    }

    /// <summary>Adds a whole-day, face-to-face taught day for everyone.</summary>
    /// <param name="sessionId">The session's identifier, for example <c>taught-1</c>.</param>
    /// <param name="date">The day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is null or empty.</exception>
    public ProgrammeYearBuilder WithTaughtDay(string sessionId, LocalDate date) =>
        WithSession(new Session(sessionId, "Taught day " + sessionId, SessionKind.TaughtDay, DeliveryMode.FaceToFace, new DateInterval(date, date), null, null));

    /// <summary>Sets how many taught days the year requires; null (the default) when not said.</summary>
    /// <param name="value">The number of days, not negative (checked by <see cref="Build"/>), or null.</param>
    /// <returns>This builder.</returns>
    public ProgrammeYearBuilder RequiringTaughtDays(int? value) => this.Set(ref requiredTaughtDays, value);

    /// <summary>Adds a note.</summary>
    /// <param name="note">The note.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="note"/> is null.</exception>
    public ProgrammeYearBuilder WithNote(string note)
    {
        Guard.Against.Null(note);
        notes.Add(note);
        return this;
    }

    /// <summary>Builds the programme year.</summary>
    /// <returns>The year.</returns>
    /// <exception cref="ArgumentException">The attributes break a rule of <see cref="ProgrammeYear"/> (for example an empty identifier).</exception>
    public ProgrammeYear Build()
    {
        ImmutableArray<Milestone> chosen = milestonesSet
            ? milestones.ToImmutable()
            : [new Milestone(MilestoneKind.ProgrammeStart, window.Start), new Milestone(MilestoneKind.ProgrammeEnd, window.End)];
        return new ProgrammeYear(id, name, strand, window, chosen, sessions.ToImmutable(), requiredTaughtDays, notes.ToImmutable());
    }
}
