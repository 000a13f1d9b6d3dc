using System.Text;
using NodaTime.TimeZones;
using Upon.Core.Calendars;

namespace Upon.Core.Timelines;

/// <summary>
/// Checks a <see cref="ProgrammeYear"/> against the rules of a timeline and reports every finding,
/// never stopping at the first.
/// </summary>
/// <remarks>
/// <para>The rules, with their codes (<see cref="TimelineFindingCodes"/>):</para>
/// <list type="bullet">
/// <item>the year has at least one milestone, at most one of each kind, and they fall in the order of
/// <see cref="MilestoneKind"/> (equal dates allowed); the programme-start and programme-end milestones
/// are the window's first and last days (a warning otherwise);</item>
/// <item>session identifiers are unique; every session lies wholly inside the window (both ends included);</item>
/// <item>no session falls on a weekend or bank holiday of the calendar unless it allows it;</item>
/// <item>every session ends after it starts; a start or end time in a clock-change hour of Europe/London is
/// a warning that says whether it was skipped or ambiguous and how it was resolved;</item>
/// <item>no two sessions for one group overlap in time (start included, end excluded); a session without a
/// group is for everyone and so conflicts with every group's sessions. Each session that overlaps an earlier
/// one (in the order of <see cref="ProgrammeYear.GetSessionsInOrder"/>) is reported once, naming the earlier
/// session that runs latest;</item>
/// <item>when the year states <see cref="ProgrammeYear.RequiredTaughtDays"/>, the taught days (the days of
/// <see cref="SessionKind.TaughtDay"/> sessions) equal it: for everyone when no taught day names a group,
/// otherwise for each group named, counting sessions for everyone towards every group.</item>
/// </list>
/// <para>The findings and their order do not depend on the order the sessions are listed in.</para>
/// </remarks>
public static class TimelineValidator
{
    /// <summary>Validates <paramref name="year"/> against <paramref name="calendar"/>.</summary>
    /// <param name="year">The programme year.</param>
    /// <param name="calendar">The working-day calendar sessions are checked against.</param>
    /// <returns>A report listing every finding.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TimelineReport Validate(ProgrammeYear year, WorkingDayCalendar calendar)
    {
        Guard.Against.Null(year);
        Guard.Against.Null(calendar);

        List<(int Section, int Rank, DocumentProblem Finding)> findings = [];
        CheckMilestones(year, findings);
        CheckSessions(year, calendar, findings);
        CheckTaughtDays(year, findings);

        ImmutableArray<DocumentProblem> ordered =
        [
            .. findings
                .OrderBy(f => f.Section)
                .ThenBy(f => f.Rank)
                .ThenBy(f => f.Finding.Code, StringComparer.Ordinal)
                .ThenBy(f => f.Finding.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Finding.Message, StringComparer.Ordinal)
                .Select(f => f.Finding),
        ];
        return new TimelineReport(year.Id, ordered);
    }

    private static void CheckMilestones(ProgrammeYear year, List<(int, int, DocumentProblem)> findings)
    {
        if (year.Milestones.IsEmpty)
        {
            findings.Add((0, -1, Error(TimelineFindingCodes.MilestonesNone, "$.milestones", "A programme year needs at least one milestone.")));
            return;
        }

        (Milestone Milestone, int Index)[] sorted =
        [
            .. year.Milestones.Select((milestone, index) => (milestone, index))
                .OrderBy(pair => pair.milestone.Kind)
                .ThenBy(pair => pair.milestone.Date)
                .ThenBy(pair => pair.index),
        ];
        Milestone? latestEarlier = null;
        Milestone? previous = null;
        Milestone? latestOfPreviousKinds = null;
        for (int rank = 0; rank < sorted.Length; rank++)
        {
            (Milestone milestone, int index) = sorted[rank];
            string path = JsonPath.Index("$.milestones", index);
            if (previous is Milestone before && before.Kind != milestone.Kind)
            {
                latestOfPreviousKinds = latestEarlier;
            }

            if (previous is Milestone same && same.Kind == milestone.Kind)
            {
                findings.Add((0, rank, Error(
                    TimelineFindingCodes.MilestoneDuplicate,
                    JsonPath.Property(path, "kind"),
                    $"The year has more than one {Describe(milestone.Kind)} milestone; it may have one of each kind.")));
            }

            if (latestOfPreviousKinds is Milestone earlier && milestone.Date < earlier.Date)
            {
                findings.Add((0, rank, Error(
                    TimelineFindingCodes.MilestoneOutOfOrder,
                    JsonPath.Property(path, "date"),
                    $"{Capitalize(Describe(milestone.Kind))} ({Format(milestone.Date)}) is before {Describe(earlier.Kind)} ({Format(earlier.Date)}); milestones fall in the order applications open, applications close, shortlisting, selection, programme start, programme end.")));
            }

            if (latestEarlier is not Milestone latest || milestone.Date > latest.Date)
            {
                latestEarlier = milestone;
            }

            previous = milestone;

            if (milestone.Kind == MilestoneKind.ProgrammeStart && milestone.Date != year.Window.Start)
            {
                findings.Add((0, rank, Warning(
                    TimelineFindingCodes.MilestoneWindowMismatch,
                    JsonPath.Property(path, "date"),
                    $"The programme-start milestone ({Format(milestone.Date)}) is not the first day of the window ({Format(year.Window.Start)}).")));
            }
            else if (milestone.Kind == MilestoneKind.ProgrammeEnd && milestone.Date != year.Window.End)
            {
                findings.Add((0, rank, Warning(
                    TimelineFindingCodes.MilestoneWindowMismatch,
                    JsonPath.Property(path, "date"),
                    $"The programme-end milestone ({Format(milestone.Date)}) is not the last day of the window ({Format(year.Window.End)}).")));
            }
        }
    }

    private static void CheckSessions(ProgrammeYear year, WorkingDayCalendar calendar, List<(int, int, DocumentProblem)> findings)
    {
        DateTimeZone zone = ProgrammeYear.TimeZone;
        (Session Session, int Index)[] sorted = [.. year.Sessions.Select((session, index) => (session, index))];
        Array.Sort(sorted, SessionOrder.Instance);

        HashSet<string> ids = new(StringComparer.Ordinal);
        Dictionary<string, (Session Session, Instant End)> latestByGroup = new(StringComparer.Ordinal);
        (Session Session, Instant End)? latestForEveryone = null;

        for (int rank = 0; rank < sorted.Length; rank++)
        {
            (Session session, int index) = sorted[rank];
            string path = JsonPath.Index("$.sessions", index);

            if (!ids.Add(session.Id))
            {
                findings.Add((1, rank, Error(
                    TimelineFindingCodes.SessionDuplicateId,
                    JsonPath.Property(path, "id"),
                    $"Another session has the identifier '{session.Id}'; identifiers are unique within a programme year.")));
            }

            if (!year.Window.Contains(session.Dates))
            {
                findings.Add((1, rank, Error(
                    TimelineFindingCodes.SessionOutsideWindow,
                    JsonPath.Property(path, "dates"),
                    $"The session '{session.Id}' ({Format(session.Dates)}) is not wholly inside the programme window, {Format(year.Window)} inclusive.")));
            }

            if (!session.AllowNonWorkingDay)
            {
                CheckWorkingDays(session, calendar, path, rank, findings);
            }

            if (session.HasTimes)
            {
                CheckLocalTime(zone, session, session.LocalStart, "start", JsonPath.Property(path, "startTime"), rank, findings);
                CheckLocalTime(zone, session, session.LocalEnd, "end", JsonPath.Property(path, "endTime"), rank, findings);
            }

            if (!session.TryGetInterval(zone, out Interval interval))
            {
                findings.Add((1, rank, Error(
                    TimelineFindingCodes.SessionEndBeforeStart,
                    JsonPath.Property(path, "endTime"),
                    $"The session '{session.Id}' ends ({Format(session.LocalEnd)}) at or before it starts ({Format(session.LocalStart)}).")));
                continue;
            }

            (Session Session, Instant End)? clash = null;
            if (session.Group is null)
            {
                foreach ((Session Session, Instant End) other in latestByGroup.Values)
                {
                    clash = Later(clash, other, interval.Start);
                }
            }
            else if (latestByGroup.TryGetValue(session.Group, out (Session Session, Instant End) sameGroup))
            {
                clash = Later(clash, sameGroup, interval.Start);
            }

            if (latestForEveryone is { } everyone)
            {
                clash = Later(clash, everyone, interval.Start);
            }

            if (clash is { } found)
            {
                findings.Add((1, rank, Error(
                    TimelineFindingCodes.SessionOverlap,
                    JsonPath.Property(path, "dates"),
                    $"The session '{session.Id}' ({DescribeGroup(session.Group)}) overlaps '{found.Session.Id}' ({DescribeGroup(found.Session.Group)}), which runs until {Format(found.Session.LocalEnd)}.")));
            }

            if (session.Group is null)
            {
                if (latestForEveryone is not { } current || interval.End > current.End)
                {
                    latestForEveryone = (session, interval.End);
                }
            }
            else if (!latestByGroup.TryGetValue(session.Group, out (Session Session, Instant End) current) || interval.End > current.End)
            {
                latestByGroup[session.Group] = (session, interval.End);
            }
        }
    }

    /// <summary>Picks, of the best clash so far and <paramref name="other"/>, the one that runs latest past <paramref name="start"/> (the earlier-sorted on a tie).</summary>
    private static (Session Session, Instant End)? Later((Session Session, Instant End)? best, (Session Session, Instant End) other, Instant start)
    {
        if (other.End <= start)
        {
            return best;
        }

        if (best is not { } current)
        {
            return other;
        }

        if (other.End != current.End)
        {
            return other.End > current.End ? other : current;
        }

        return SessionOrder.CompareSessions(other.Session, current.Session) < 0 ? other : current;
    }

    private static void CheckWorkingDays(Session session, WorkingDayCalendar calendar, string path, int rank, List<(int, int, DocumentProblem)> findings)
    {
        if (!calendar.Coverage.Contains(session.Dates))
        {
            findings.Add((1, rank, Warning(
                TimelineFindingCodes.SessionOutsideCalendar,
                JsonPath.Property(path, "dates"),
                $"The session '{session.Id}' ({Format(session.Dates)}) is not wholly inside the {calendar.Holidays.Id} calendar's coverage, {Format(calendar.Coverage)}, so its working days were not checked.")));
            return;
        }

        List<LocalDate>? nonWorking = null;
        foreach (LocalDate date in session.Dates)
        {
            if (!calendar.IsWorkingDay(date))
            {
                (nonWorking ??= []).Add(date);
            }
        }

        if (nonWorking is null)
        {
            return;
        }

        StringBuilder days = new();
        foreach (LocalDate date in nonWorking)
        {
            if (days.Length > 0)
            {
                days.Append(", ");
            }

            days.Append(Format(date)).Append(" (");
            IReadOnlyList<Holiday> holidays = calendar.Holidays.IsHoliday(date) ? calendar.Holidays.GetHolidays(new DateInterval(date, date)) : [];
            days.Append(holidays.Count > 0 ? holidays[0].Name : date.DayOfWeek.ToString()).Append(')');
        }

        findings.Add((1, rank, Error(
            TimelineFindingCodes.SessionNonWorkingDay,
            JsonPath.Property(path, "dates"),
            $"The session '{session.Id}' falls on {(nonWorking.Count == 1 ? "a day that is" : "days that are")} not a working day in the {calendar.Holidays.Id} calendar: {days}; set allowNonWorkingDay if that is intended.")));
    }

    private static void CheckLocalTime(DateTimeZone zone, Session session, LocalDateTime local, string which, string path, int rank, List<(int, int, DocumentProblem)> findings)
    {
        ZoneLocalMapping mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            ZonedDateTime resolved = zone.ResolveLocal(local, Resolvers.LenientResolver);
            findings.Add((1, rank, Warning(
                TimelineFindingCodes.SessionTimeSkipped,
                path,
                $"The {which} of session '{session.Id}', {Format(local)}, does not exist in {zone.Id}: the clocks go forward from {Offset(mapping.EarlyInterval.WallOffset)} to {Offset(mapping.LateInterval.WallOffset)} then. It was shifted forward by the length of the gap, to {Format(resolved.LocalDateTime)} ({Offset(resolved.Offset)}).")));
        }
        else if (mapping.Count == 2)
        {
            findings.Add((1, rank, Warning(
                TimelineFindingCodes.SessionTimeAmbiguous,
                path,
                $"The {which} of session '{session.Id}', {Format(local)}, occurs twice in {zone.Id}: the clocks go back from {Offset(mapping.First().Offset)} to {Offset(mapping.Last().Offset)} then. The earlier occurrence was used, {Format(local)} {Offset(mapping.First().Offset)} ({Format(mapping.First().ToInstant())}).")));
        }
    }

    private static void CheckTaughtDays(ProgrammeYear year, List<(int, int, DocumentProblem)> findings)
    {
        if (year.RequiredTaughtDays is not int required)
        {
            return;
        }

        int forEveryone = 0;
        SortedDictionary<string, int> byGroup = new(StringComparer.Ordinal);
        foreach (Session session in year.Sessions)
        {
            if (session.Kind != SessionKind.TaughtDay)
            {
                continue;
            }

            int days = session.Dates.Length;
            if (session.Group is null)
            {
                forEveryone = checked(forEveryone + days);
            }
            else
            {
                byGroup[session.Group] = checked(byGroup.GetValueOrDefault(session.Group) + days);
            }
        }

        if (byGroup.Count == 0)
        {
            if (forEveryone != required)
            {
                findings.Add((2, 0, Error(
                    TimelineFindingCodes.TaughtDaysCount,
                    "$.requiredTaughtDays",
                    $"The year requires {Days(required)} taught days but its sessions hold {Days(forEveryone)}.")));
            }

            return;
        }

        int rank = 0;
        foreach ((string group, int days) in byGroup)
        {
            int total = checked(days + forEveryone);
            if (total != required)
            {
                findings.Add((2, rank, Error(
                    TimelineFindingCodes.TaughtDaysCount,
                    "$.requiredTaughtDays",
                    $"The year requires {Days(required)} taught days but group '{group}' has {Days(total)} (counting taught days for everyone).")));
            }

            rank++;
        }
    }

    private static DocumentProblem Error(string code, string path, string message) => new(path, code, message, ProblemSeverity.Error);

    private static DocumentProblem Warning(string code, string path, string message) => new(path, code, message, ProblemSeverity.Warning);

    private static string Days(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string DescribeGroup(string? group) => group is null ? "for everyone" : $"for group '{group}'";

    internal static string Describe(MilestoneKind kind) => kind switch
    {
        MilestoneKind.ApplicationsOpen => "applications open",
        MilestoneKind.ApplicationsClose => "applications close",
        MilestoneKind.Shortlisting => "shortlisting",
        MilestoneKind.Selection => "selection",
        MilestoneKind.ProgrammeStart => "programme start",
        MilestoneKind.ProgrammeEnd => "programme end",
        _ => kind.ToString(),
    };

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Format(LocalDate date) => DateText.Format(date);

    private static string Format(DateInterval interval) => $"{Format(interval.Start)} to {Format(interval.End)}";

    private static string Format(LocalDateTime value) => value.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Format(Instant instant) => instant.ToString("uuuu-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Offset(Offset offset) => offset == NodaTime.Offset.Zero ? "GMT (UTC+00:00)" : "BST (UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture) + ")";
}
