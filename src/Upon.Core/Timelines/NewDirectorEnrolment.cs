namespace Upon.Core.Timelines;

/// <summary>
/// A new DCS's enrolment on the New Directors programme, which is automatic on appointment: the support
/// window (the first year in post) and the sessions that fall inside it.
/// </summary>
/// <remarks>
/// The support window runs from the appointment date to the day before its first anniversary, both
/// included. The anniversary follows NodaTime's <see cref="Period"/> arithmetic: from 29 February it is
/// 28 February of the next year, so the window of a director appointed on 29 February 2024 ends on
/// 27 February 2025. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class NewDirectorEnrolment
{
    private NewDirectorEnrolment(LocalDate appointedOn, DateInterval supportWindow, ImmutableArray<Session> sessions)
    {
        AppointedOn = appointedOn;
        SupportWindow = supportWindow;
        Sessions = sessions;
    }

    /// <summary>Gets the date the director was appointed (and enrolled).</summary>
    public LocalDate AppointedOn { get; }

    /// <summary>Gets the first year in post; both ends are included.</summary>
    public DateInterval SupportWindow { get; }

    /// <summary>Gets the New Directors sessions wholly inside the support window, in chronological order.</summary>
    public ImmutableArray<Session> Sessions { get; }

    /// <summary>Gets the support window of a director appointed on <paramref name="appointedOn"/>.</summary>
    /// <param name="appointedOn">The appointment date, in the ISO calendar, no later than 31 December 9998.</param>
    /// <returns>The dates from the appointment to the day before its first anniversary, both included.</returns>
    public static DateInterval SupportWindowFrom(LocalDate appointedOn)
    {
        Guard.Against.NonIsoCalendar(appointedOn);
        return new DateInterval(appointedOn, appointedOn.Plus(Period.FromYears(1)).PlusDays(-1));
    }

    /// <summary>Enrols a director appointed on <paramref name="appointedOn"/> and finds the sessions inside the support window.</summary>
    /// <param name="appointedOn">The appointment date.</param>
    /// <param name="programmes">The programme years to take sessions from; only those of the <see cref="ProgrammeStrand.NewDirectors"/> strand are used.</param>
    /// <returns>The enrolment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programmes"/> or one of them is null.</exception>
    public static NewDirectorEnrolment OnAppointment(LocalDate appointedOn, IEnumerable<ProgrammeYear> programmes)
    {
        Guard.Against.Null(programmes);
        DateInterval window = SupportWindowFrom(appointedOn);
        List<Session> sessions = [];
        foreach (ProgrammeYear programme in programmes)
        {
            Guard.Against.Null(programme, nameof(programmes));
            if (programme.Strand == ProgrammeStrand.NewDirectors)
            {
                sessions.AddRange(programme.GetSessionsInOrder().Where(session => window.Contains(session.Dates)));
            }
        }

        sessions.Sort(SessionOrder.CompareSessions);
        return new NewDirectorEnrolment(appointedOn, window, [.. sessions]);
    }
}
