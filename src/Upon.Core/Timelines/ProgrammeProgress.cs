namespace Upon.Core.Timelines;

/// <summary>
/// Where a programme year stands at an instant: the stage, the next milestone and session, the sessions
/// done and left, and the days to go.
/// </summary>
/// <remarks>
/// <para>
/// A session is done once its end has passed: a timed session at its end instant, a whole-day session at the
/// start of the day after its last date (Europe/London). A session under way is left, not done. As time
/// passes the stage only moves forward and <see cref="Done"/> only grows (given milestones in order).
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class ProgrammeProgress
{
    private ProgrammeProgress(ProgrammeYear programme, Instant asOf, LocalDate date, ProgrammeStage stage, Milestone? nextMilestone, ImmutableArray<Session> done, ImmutableArray<Session> left, int daysToGo)
    {
        Programme = programme;
        AsOf = asOf;
        Date = date;
        Stage = stage;
        NextMilestone = nextMilestone;
        Done = done;
        Left = left;
        DaysToGo = daysToGo;
    }

    /// <summary>Gets the programme year.</summary>
    public ProgrammeYear Programme { get; }

    /// <summary>Gets the instant progress is measured at.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the local date in Europe/London at <see cref="AsOf"/>.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the stage on <see cref="Date"/>.</summary>
    public ProgrammeStage Stage { get; }

    /// <summary>Gets the first milestone on or after <see cref="Date"/> (by date, then kind), or null when none is left.</summary>
    public Milestone? NextMilestone { get; }

    /// <summary>Gets the first session not yet done (it may be under way), or null when every session is done.</summary>
    public Session? NextSession => Left.IsEmpty ? null : Left[0];

    /// <summary>Gets the sessions that have ended, in chronological order (<see cref="ProgrammeYear.GetSessionsInOrder"/>).</summary>
    public ImmutableArray<Session> Done { get; }

    /// <summary>Gets the sessions that have not ended, in chronological order.</summary>
    public ImmutableArray<Session> Left { get; }

    /// <summary>Gets the number of days from <see cref="Date"/> to the last day of the window; 0 on that day and after it.</summary>
    public int DaysToGo { get; }

    /// <summary>Measures progress at the start of <paramref name="asOf"/> in Europe/London: sessions on that day are not yet done.</summary>
    /// <param name="programme">The programme year.</param>
    /// <param name="asOf">The date, in the ISO calendar.</param>
    /// <returns>The progress.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> is null.</exception>
    public static ProgrammeProgress Of(ProgrammeYear programme, LocalDate asOf)
    {
        Guard.Against.Null(programme);
        Guard.Against.NonIsoCalendar(asOf);
        return Of(programme, ProgrammeYear.TimeZone.AtStartOfDay(asOf).ToInstant());
    }

    /// <summary>Measures progress at the instant <paramref name="asOf"/> (take it from an <see cref="IClock"/>).</summary>
    /// <param name="programme">The programme year.</param>
    /// <param name="asOf">The instant.</param>
    /// <returns>The progress.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programme"/> is null.</exception>
    public static ProgrammeProgress Of(ProgrammeYear programme, Instant asOf)
    {
        Guard.Against.Null(programme);
        DateTimeZone zone = ProgrammeYear.TimeZone;
        LocalDate date = asOf.InZone(zone).Date;

        ImmutableArray<Session>.Builder done = ImmutableArray.CreateBuilder<Session>();
        ImmutableArray<Session>.Builder left = ImmutableArray.CreateBuilder<Session>();
        foreach (Session session in programme.GetSessionsInOrder())
        {
            (session.GetEndOrDayEnd(zone) <= asOf ? done : left).Add(session);
        }

        Milestone? next = null;
        foreach (Milestone milestone in programme.Milestones.OrderBy(m => m.Date).ThenBy(m => m.Kind))
        {
            if (milestone.Date >= date)
            {
                next = milestone;
                break;
            }
        }

        int daysToGo = Math.Max(0, Period.DaysBetween(date, programme.Window.End));
        return new ProgrammeProgress(programme, asOf, date, StageOn(programme, date), next, done.ToImmutable(), left.ToImmutable(), daysToGo);
    }

    private static ProgrammeStage StageOn(ProgrammeYear programme, LocalDate date)
    {
        if (date > programme.Window.End)
        {
            return ProgrammeStage.Finished;
        }

        if (date >= programme.Window.Start)
        {
            return ProgrammeStage.Running;
        }

        if (programme.GetMilestone(MilestoneKind.ApplicationsOpen) is not Milestone open || date < open.Date)
        {
            return ProgrammeStage.NotOpen;
        }

        LocalDate? selectionFrom = programme.GetMilestone(MilestoneKind.ApplicationsClose) is Milestone close
            ? close.Date.PlusDays(1)
            : programme.Milestones
                .Where(m => m.Kind is MilestoneKind.Shortlisting or MilestoneKind.Selection)
                .Select(m => (LocalDate?)m.Date)
                .Min();
        return selectionFrom is LocalDate from && date >= from ? ProgrammeStage.InSelection : ProgrammeStage.ApplicationsOpen;
    }
}
