namespace Upon.Core.Timelines;

/// <summary>The stable codes of the problems in a <see cref="TimelineReport"/>. A code never changes meaning once published.</summary>
public static class TimelineFindingCodes
{
    /// <summary>Error: the year has no milestones.</summary>
    public const string MilestonesNone = "milestones.none";

    /// <summary>Error: two milestones have the same kind.</summary>
    public const string MilestoneDuplicate = "milestone.duplicate";

    /// <summary>Error: a milestone falls before a milestone of a kind that must come first (see <see cref="MilestoneKind"/>).</summary>
    public const string MilestoneOutOfOrder = "milestone.out-of-order";

    /// <summary>Warning: the programme-start or programme-end milestone is not the first or last day of the window.</summary>
    public const string MilestoneWindowMismatch = "milestone.window-mismatch";

    /// <summary>Error: two sessions have the same identifier.</summary>
    public const string SessionDuplicateId = "session.duplicate-id";

    /// <summary>Error: a session's dates are not wholly inside the programme window.</summary>
    public const string SessionOutsideWindow = "session.outside-window";

    /// <summary>Error: a session falls on a weekend or bank holiday and is not marked as allowed to.</summary>
    public const string SessionNonWorkingDay = "session.non-working-day";

    /// <summary>Warning: a session's dates are outside the working-day calendar's coverage, so working days could not be checked.</summary>
    public const string SessionOutsideCalendar = "session.outside-calendar";

    /// <summary>Error: a session does not end after it starts.</summary>
    public const string SessionEndBeforeStart = "session.end-before-start";

    /// <summary>Warning: a start or end time does not exist on its date in Europe/London (spring forward); it was shifted forward by the length of the gap.</summary>
    public const string SessionTimeSkipped = "session.time-skipped";

    /// <summary>Warning: a start or end time occurs twice on its date in Europe/London (fall back); the earlier occurrence (BST) was used.</summary>
    public const string SessionTimeAmbiguous = "session.time-ambiguous";

    /// <summary>Error: a session overlaps another session for the same group (a session for everyone overlaps every group's).</summary>
    public const string SessionOverlap = "session.overlap";

    /// <summary>Error: the number of taught days is not the number the year requires.</summary>
    public const string TaughtDaysCount = "taught-days.count";
}
