using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class TimelineValidatorTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly DateInterval Window = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static ProgrammeYear Year(ImmutableArray<Session> sessions, ImmutableArray<Milestone>? milestones = null, int? required = null) =>
        new(
            "test",
            "Test year",
            ProgrammeStrand.AspirantDirectors,
            Window,
            milestones ?? [new Milestone(MilestoneKind.ProgrammeStart, Window.Start), new Milestone(MilestoneKind.ProgrammeEnd, Window.End)],
            sessions,
            required);

    private static Session Day(string id, LocalDate date, SessionKind kind = SessionKind.TaughtDay, string? group = null, bool allow = false) =>
        new(id, "Session " + id, kind, DeliveryMode.Virtual, new DateInterval(date, date), group: group, allowNonWorkingDay: allow);

    private static Session Timed(string id, LocalDate date, int startHour, int startMinute, int endHour, int endMinute, string? group = null) =>
        new(id, "Session " + id, SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(date, date), new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute), group, allowNonWorkingDay: true);

    [Fact]
    public void Validate_GoodYear_HasNoFindings()
    {
        TimelineReport report = Year([Day("a", new LocalDate(2022, 1, 13)), Day("b", new LocalDate(2022, 2, 10))], required: 2).Validate(Calendar);

        Assert.True(report.IsValid);
        Assert.Empty(report.Problems);
        Assert.Equal("test", report.ProgrammeId);
    }

    [Fact]
    public void Validate_NoMilestones_ReportsMilestonesNone()
    {
        TimelineReport report = Year([], milestones: []).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(new DocumentProblem("$.milestones", "milestones.none", "A programme year needs at least one milestone.", ProblemSeverity.Error), finding);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Validate_MilestonesOutOfOrder_ReportsEachLateKindAgainstTheLatestEarlierOne()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ProgrammeStart, Window.Start),
            new(MilestoneKind.Selection, new LocalDate(2022, 2, 1)),
            new(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 12, 1)),
            new(MilestoneKind.ProgrammeEnd, Window.End),
        ];

        TimelineReport report = Year([], milestones).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal("milestone.out-of-order", finding.Code);
        Assert.Equal("$.milestones[0].date", finding.Path);
        Assert.Equal(
            "Programme start (2022-01-01) is before selection (2022-02-01); milestones fall in the order applications open, applications close, shortlisting, selection, programme start, programme end.",
            finding.Message);
    }

    [Fact]
    public void Validate_DuplicateMilestoneKind_AndStartNotTheWindowStart_AreReported()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ProgrammeStart, new LocalDate(2022, 1, 3)),
            new(MilestoneKind.ProgrammeStart, new LocalDate(2022, 1, 3)),
        ];

        TimelineReport report = Year([], milestones).Validate(Calendar);

        Assert.Equal(
            ["milestone.window-mismatch", "milestone.duplicate", "milestone.window-mismatch"],
            report.Problems.Select(f => f.Code));
        Assert.Equal(ProblemSeverity.Warning, report.Problems[0].Severity);
        Assert.Equal("The programme-start milestone (2022-01-03) is not the first day of the window (2022-01-01).", report.Problems[0].Message);
        Assert.Equal("$.milestones[1].kind", report.Problems[1].Path);
    }

    [Fact]
    public void Validate_SessionOutsideWindow_IsReported()
    {
        TimelineReport report = Year([Day("late", new LocalDate(2023, 1, 3))]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            new DocumentProblem("$.sessions[0].dates", "session.outside-window", "The session 'late' (2023-01-03 to 2023-01-03) is not wholly inside the programme window, 2022-01-01 to 2022-12-31 inclusive.", ProblemSeverity.Error),
            finding);
    }

    [Fact]
    public void Validate_SessionOnBankHolidayAndWeekend_NamesTheDays()
    {
        Session session = new("r", "Residential", SessionKind.Residential, DeliveryMode.FaceToFace, new DateInterval(new LocalDate(2022, 6, 2), new LocalDate(2022, 6, 4)));

        TimelineReport report = Year([session]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal("session.non-working-day", finding.Code);
        Assert.Equal(
            "The session 'r' falls on days that are not a working day in the england-and-wales calendar: 2022-06-02 (Spring bank holiday), 2022-06-03 (Platinum Jubilee bank holiday), 2022-06-04 (Saturday); set allowNonWorkingDay if that is intended.",
            finding.Message);
    }

    [Fact]
    public void Validate_SessionOnWeekendAllowed_IsNotReported()
    {
        Assert.Empty(Year([Day("s", new LocalDate(2022, 1, 15), allow: true)]).Validate(Calendar).Problems);
    }

    [Fact]
    public void Validate_EndBeforeStart_IsAnError()
    {
        TimelineReport report = Year([Timed("w", new LocalDate(2022, 1, 14), 16, 0, 14, 0)]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            new DocumentProblem("$.sessions[0].endTime", "session.end-before-start", "The session 'w' ends (2022-01-14 14:00) at or before it starts (2022-01-14 16:00).", ProblemSeverity.Error),
            finding);
    }

    [Fact]
    public void Validate_StartInSpringForwardGap_SaysItWasSkippedAndShiftedForward()
    {
        TimelineReport report = Year([Timed("early", new LocalDate(2022, 3, 27), 1, 30, 4, 0)]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.True(report.IsValid);
        Assert.Equal(
            new DocumentProblem("$.sessions[0].startTime", "session.time-skipped", "The start of session 'early', 2022-03-27 01:30, does not exist in Europe/London: the clocks go forward from GMT (UTC+00:00) to BST (UTC+01:00) then. It was shifted forward by the length of the gap, to 2022-03-27 02:30 (BST (UTC+01:00)).", ProblemSeverity.Warning),
            finding);
    }

    [Fact]
    public void Validate_EndInFallBackHour_SaysItWasAmbiguousAndTheEarlierWasUsed()
    {
        TimelineReport report = Year([Timed("late", new LocalDate(2022, 10, 30), 0, 0, 1, 30)]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            new DocumentProblem("$.sessions[0].endTime", "session.time-ambiguous", "The end of session 'late', 2022-10-30 01:30, occurs twice in Europe/London: the clocks go back from BST (UTC+01:00) to GMT (UTC+00:00) then. The earlier occurrence was used, 2022-10-30 01:30 BST (UTC+01:00) (2022-10-30 00:30Z).", ProblemSeverity.Warning),
            finding);
    }

    [Fact]
    public void Validate_OverlappingSessionsForOneGroup_ReportsTheLaterOne()
    {
        LocalDate date = new(2022, 1, 14);
        TimelineReport report = Year(
        [
            Timed("b", date, 15, 0, 17, 0, group: "A"),
            Timed("a", date, 14, 0, 16, 0, group: "A"),
            Timed("c", date, 15, 0, 17, 0, group: "B"),
        ]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            new DocumentProblem("$.sessions[0].dates", "session.overlap", "The session 'b' (for group 'A') overlaps 'a' (for group 'A'), which runs until 2022-01-14 16:00.", ProblemSeverity.Error),
            finding);
    }

    [Fact]
    public void Validate_SessionForEveryone_OverlapsEveryGroup_AndBackToBackDoesNotOverlap()
    {
        LocalDate date = new(2022, 1, 14);
        TimelineReport report = Year(
        [
            Timed("set-a", date, 10, 0, 12, 0, group: "A"),
            Timed("set-b", date, 11, 0, 13, 0, group: "B"),
            Timed("plenary", date, 12, 0, 14, 0),
            Timed("after", date, 14, 0, 15, 0, group: "A"),
        ]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal("$.sessions[2].dates", finding.Path);
        Assert.Equal("The session 'plenary' (for everyone) overlaps 'set-b' (for group 'B'), which runs until 2022-01-14 13:00.", finding.Message);
    }

    [Fact]
    public void Validate_WholeDayAndTimedSessionOnOneDay_Overlap()
    {
        LocalDate date = new(2022, 1, 13);
        TimelineReport report = Year([Day("day", date), Timed("workshop", date, 14, 0, 16, 0)], required: 1).Validate(Calendar);

        Assert.Equal(["session.overlap"], report.Problems.Select(f => f.Code));
    }

    [Fact]
    public void Validate_DuplicateIds_AreReported()
    {
        TimelineReport report = Year([Day("x", new LocalDate(2022, 1, 13)), Day("x", new LocalDate(2022, 1, 20))], required: 2).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(new DocumentProblem("$.sessions[1].id", "session.duplicate-id", "Another session has the identifier 'x'; identifiers are unique within a programme year.", ProblemSeverity.Error), finding);
    }

    [Fact]
    public void Validate_TaughtDaysShort_IsReported()
    {
        TimelineReport report = Year([Day("a", new LocalDate(2022, 1, 13)), Day("v", new LocalDate(2022, 1, 20), SessionKind.LearningVisit)], required: 8).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(new DocumentProblem("$.requiredTaughtDays", "taught-days.count", "The year requires 8 taught days but its sessions hold 1.", ProblemSeverity.Error), finding);
    }

    [Fact]
    public void Validate_TaughtDaysByGroup_CountSessionsForEveryoneTowardsEachGroup()
    {
        TimelineReport report = Year(
        [
            Day("all", new LocalDate(2022, 1, 13)),
            Day("a", new LocalDate(2022, 1, 20), group: "A"),
            Day("b1", new LocalDate(2022, 1, 20), group: "B"),
            Day("b2", new LocalDate(2022, 1, 27), group: "B"),
        ], required: 2).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal("The year requires 2 taught days but group 'B' has 3 (counting taught days for everyone).", finding.Message);
    }

    [Fact]
    public void Validate_SessionOutsideCalendarCoverage_IsAWarning()
    {
        DateInterval window = new(new LocalDate(2100, 1, 1), new LocalDate(2100, 12, 31));
        ProgrammeYear year = new("future", "Future", ProgrammeStrand.NewDirectors, window, [new Milestone(MilestoneKind.ProgrammeStart, window.Start)], [Day("f", new LocalDate(2100, 3, 1))]);

        DocumentProblem finding = Assert.Single(year.Validate(Calendar).Problems);
        Assert.Equal("session.outside-calendar", finding.Code);
        Assert.Equal(ProblemSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Validate_ReportsEveryFinding_NotJustTheFirst()
    {
        TimelineReport report = Year(
        [
            Day("weekend", new LocalDate(2022, 1, 15)),
            Day("outside", new LocalDate(2023, 1, 3)),
            Timed("backwards", new LocalDate(2022, 1, 14), 16, 0, 14, 0),
        ], milestones: [], required: 5).Validate(Calendar);

        Assert.Equal(
            ["milestones.none", "session.end-before-start", "session.non-working-day", "session.outside-window", "taught-days.count"],
            report.Problems.Select(f => f.Code));
        Assert.Equal(5, report.Errors.Length);
        Assert.Empty(report.Warnings);
    }

    [Property]
    public Property Validate_FindingsDoNotDependOnSessionOrder()
    {
        return Prop.ForAll(TimelineGenerators.ProgrammeYearsWithPermutation(), pair =>
        {
            (ProgrammeYear year, int[] permutation) = pair;
            ImmutableArray<DocumentProblem> original = year.Validate(Calendar).Problems;
            ImmutableArray<DocumentProblem> permuted = TimelineGenerators.Permute(year, permutation).Validate(Calendar).Problems;

            // Map each location in the permuted year back to the session's original index.
            DocumentProblem[] mapped = [.. permuted.Select(f => f with { Path = MapLocation(f.Path, permutation) })];
            Assert.Equal(original, mapped);
        });
    }

    [Fact]
    public void Validate_GeneratedYearsOftenHaveFindingsOfEveryKind()
    {
        // Guards the order-independence property against a generator that never triggers a rule.
        FsCheck.Gen<ProgrammeYear> gen = TimelineGenerators.BuiltInTimelines().Generator;
        string[] codes =
        [
            .. FsCheck.Fluent.Gen.Sample(gen, 300)
                .SelectMany(year => year.Validate(Calendar).Problems)
                .Select(f => f.Code)
                .Distinct()
                .Order(System.StringComparer.Ordinal),
        ];

        Assert.Equal(
            [
                "milestone.duplicate", "milestone.out-of-order", "milestone.window-mismatch", "milestones.none",
                "session.end-before-start", "session.non-working-day", "session.outside-window", "session.overlap",
                "session.time-ambiguous", "session.time-skipped", "taught-days.count",
            ],
            codes);
    }

    private static string MapLocation(string location, int[] permutation)
    {
        const string Prefix = "$.sessions[";
        if (!location.StartsWith(Prefix, System.StringComparison.Ordinal))
        {
            return location;
        }

        int close = location.IndexOf(']', Prefix.Length);
        int index = int.Parse(location[Prefix.Length..close], CultureInfo.InvariantCulture);
        return Prefix + permutation[index].ToString(CultureInfo.InvariantCulture) + location[close..];
    }
}
