using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

/// <summary>Validator findings pinned word for word, with the boundaries of milestone order and of the overlap sweep.</summary>
public sealed class TimelineValidatorMessageTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly DateInterval Window = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private static readonly LocalDate Thursday = new(2022, 1, 13);

    [Fact]
    public void Validate_DuplicateMilestoneKind_ReportsTheLaterDatedOneAndTheEndNotTheWindowEnd()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ProgrammeStart, Window.Start),
            new(MilestoneKind.ProgrammeEnd, Window.End),
            new(MilestoneKind.ProgrammeEnd, new LocalDate(2022, 6, 30)),
        ];

        TimelineReport report = Year([], milestones).Validate(Calendar);

        Assert.Equal(
            [
                new DocumentProblem("$.milestones[2].date", "milestone.window-mismatch", "The programme-end milestone (2022-06-30) is not the last day of the window (2022-12-31).", ProblemSeverity.Warning),
                new DocumentProblem("$.milestones[1].kind", "milestone.duplicate", "The year has more than one programme end milestone; it may have one of each kind.", ProblemSeverity.Error),
            ],
            report.Problems.ToArray());
    }

    [Fact]
    public void Validate_MilestoneOnTheSameDayAsAnEarlierKind_IsInOrder()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 11, 1)),
            new(MilestoneKind.ApplicationsClose, new LocalDate(2021, 11, 1)),
            new(MilestoneKind.ProgrammeStart, Window.Start),
        ];

        Assert.Empty(Year([], milestones).Validate(Calendar).Problems);
    }

    [Fact]
    public void Validate_MilestoneBeforeTwoEarlierKindsOnOneDay_NamesTheFirstOfThem()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 11, 1)),
            new(MilestoneKind.ApplicationsClose, new LocalDate(2021, 11, 1)),
            new(MilestoneKind.Shortlisting, new LocalDate(2021, 10, 1)),
            new(MilestoneKind.ProgrammeStart, Window.Start),
        ];

        DocumentProblem finding = Assert.Single(Year([], milestones).Validate(Calendar).Problems);

        Assert.Equal(
            new DocumentProblem(
                "$.milestones[2].date",
                "milestone.out-of-order",
                "Shortlisting (2021-10-01) is before applications open (2021-11-01); milestones fall in the order applications open, applications close, shortlisting, selection, programme start, programme end.",
                ProblemSeverity.Error),
            finding);
    }

    [Fact]
    public void Validate_SessionOnOneNonWorkingDay_SaysADayThatIs()
    {
        DocumentProblem finding = Assert.Single(Year([Day("sat", new LocalDate(2022, 1, 15))]).Validate(Calendar).Problems);

        Assert.Equal(
            new DocumentProblem(
                "$.sessions[0].dates",
                "session.non-working-day",
                "The session 'sat' falls on a day that is not a working day in the england-and-wales calendar: 2022-01-15 (Saturday); set allowNonWorkingDay if that is intended.",
                ProblemSeverity.Error),
            finding);
    }

    [Fact]
    public void Validate_SessionOutsideCalendarCoverage_SaysWhichCalendarAndItsCoverage()
    {
        DateInterval window = new(new LocalDate(2100, 1, 1), new LocalDate(2100, 12, 31));
        ProgrammeYear year = new("future", "Future", ProgrammeStrand.NewDirectors, window, [new Milestone(MilestoneKind.ProgrammeStart, window.Start)], [Day("f", new LocalDate(2100, 3, 1))]);

        DocumentProblem finding = Assert.Single(year.Validate(Calendar).Problems);

        Assert.Equal(
            new DocumentProblem(
                "$.sessions[0].dates",
                "session.outside-calendar",
                $"The session 'f' (2100-03-01 to 2100-03-01) is not wholly inside the england-and-wales calendar's coverage, {Calendar.Coverage.Start:uuuu-MM-dd} to {Calendar.Coverage.End:uuuu-MM-dd}, so its working days were not checked.",
                ProblemSeverity.Warning),
            finding);
    }

    [Fact]
    public void Validate_SessionEndingBeforeItStarts_IsNotAlsoReportedAsAnOverlap()
    {
        TimelineReport report = Year([Timed("good", Thursday, 10, 0, 12, 0), Timed("bad", Thursday.PlusDays(7), 16, 0, 14, 0)]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            new DocumentProblem("$.sessions[1].endTime", "session.end-before-start", "The session 'bad' ends (2022-01-20 14:00) at or before it starts (2022-01-20 16:00).", ProblemSeverity.Error),
            finding);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("g")]
    public void Validate_SessionInsideAnEarlierLongerOne_DoesNotHideTheLongerOneFromALaterSession(string? group)
    {
        TimelineReport report = Year(
        [
            Timed("long", Thursday, 9, 0, 17, 0, group),
            Timed("short", Thursday, 10, 0, 11, 0, group),
            Timed("later", Thursday, 12, 0, 13, 0, group),
        ]).Validate(Calendar);

        Assert.Equal(["long", "long"], report.Problems.Select(OverlappedId));
        Assert.Equal(["$.sessions[1].dates", "$.sessions[2].dates"], report.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_LaterSessionsInOneGroup_AreEachComparedWithTheLatestEnding()
    {
        TimelineReport report = Year(
        [
            Timed("a", Thursday, 9, 0, 12, 0, "g"),
            Timed("b", Thursday, 13, 0, 17, 0, "g"),
            Timed("c", Thursday, 16, 0, 18, 0, "g"),
        ]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal(
            "The session 'c' (for group 'g') overlaps 'b' (for group 'g'), which runs until 2022-01-13 17:00.",
            finding.Message);
    }

    [Fact]
    public void Validate_TwoSessionsEndingTogether_TheEarlierSortedIsTheOneOverlapped()
    {
        TimelineReport report = Year(
        [
            Timed("a", Thursday, 10, 0, 12, 0, "g"),
            Timed("b", Thursday, 11, 0, 12, 0, "g"),
            Timed("c", Thursday, 11, 30, 13, 0, "g"),
        ]).Validate(Calendar);

        Assert.Equal(["a", "a"], report.Problems.Select(OverlappedId));
    }

    [Theory]
    [InlineData(12, 14, "b", "g2")] // the group seen last runs latest
    [InlineData(14, 12, "a", "g1")] // the group seen first runs latest: the one seen last must not take its place
    public void Validate_SessionForEveryone_IsReportedAgainstTheGroupSessionRunningLatest(int firstEnds, int lastEnds, string overlapped, string group)
    {
        TimelineReport report = Year(
        [
            Timed("a", Thursday, 9, 0, firstEnds, 0, "g1"),
            Timed("b", Thursday, 10, 0, lastEnds, 0, "g2"),
            Timed("c", Thursday, 11, 0, 13, 0),
        ]).Validate(Calendar);

        DocumentProblem finding = Assert.Single(report.Problems);
        Assert.Equal($"The session 'c' (for everyone) overlaps '{overlapped}' (for group '{group}'), which runs until 2022-01-13 14:00.", finding.Message);
    }

    [Fact]
    public void Validate_GroupSession_WhenTheSessionForEveryoneEndsSooner_IsReportedAgainstItsGroupsSession()
    {
        TimelineReport report = Year(
        [
            Timed("a", Thursday, 9, 0, 12, 0),
            Timed("b", Thursday, 9, 30, 14, 0, "g1"),
            Timed("c", Thursday, 11, 0, 13, 0, "g1"),
        ]).Validate(Calendar);

        Assert.Equal(["a", "b"], report.Problems.Select(OverlappedId));
        Assert.Equal(["$.sessions[1].dates", "$.sessions[2].dates"], report.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_ProgrammeStartNotTheWindowStart_IsAWarningAtItsDate()
    {
        ImmutableArray<Milestone> milestones =
        [
            new(MilestoneKind.ProgrammeStart, new LocalDate(2022, 1, 4)),
            new(MilestoneKind.ProgrammeEnd, Window.End),
        ];

        DocumentProblem finding = Assert.Single(Year([], milestones).Validate(Calendar).Problems);

        Assert.Equal(
            new DocumentProblem("$.milestones[0].date", "milestone.window-mismatch", "The programme-start milestone (2022-01-04) is not the first day of the window (2022-01-01).", ProblemSeverity.Warning),
            finding);
    }

    [Fact]
    public void Validate_SessionForEveryone_OnATieOfEnds_IsReportedAgainstTheEarlierSorted()
    {
        // The first group seen holds the earlier-sorted session in one year and the later-sorted one in the other.
        TimelineReport firstSeenIsEarlier = Year(
        [
            Timed("a", Thursday, 9, 30, 12, 0, "g1"),
            Timed("b", Thursday, 10, 0, 12, 0, "g2"),
            Timed("c", Thursday, 11, 0, 13, 0),
        ]).Validate(Calendar);
        TimelineReport firstSeenIsLater = Year(
        [
            Timed("a", Thursday, 8, 0, 9, 0, "g1"),
            Timed("b", Thursday, 9, 30, 12, 0, "g2"),
            Timed("d", Thursday, 10, 0, 12, 0, "g1"),
            Timed("c", Thursday, 11, 0, 13, 0),
        ]).Validate(Calendar);

        Assert.Equal(["a"], firstSeenIsEarlier.Problems.Select(OverlappedId));
        Assert.Equal(["b"], firstSeenIsLater.Problems.Select(OverlappedId));
    }

    [Fact]
    public void Validate_StartAndEndBothInTheFallBackHour_AreReportedStartLast()
    {
        Session session = new("s", "S", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(new LocalDate(2022, 10, 30), new LocalDate(2022, 10, 30)), new LocalTime(1, 10), new LocalTime(1, 50), allowNonWorkingDay: true);

        TimelineReport report = Year([session]).Validate(Calendar);

        Assert.Equal(["$.sessions[0].endTime", "$.sessions[0].startTime"], report.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_TaughtDaysShortInTwoGroups_ReportsTheGroupsInOrdinalOrder()
    {
        // Ordinal order of the groups ("g" before "g 2") is not the ordinal order of the messages ("g 2'" before "g'").
        TimelineReport report = Year(
        [
            Day("a", Thursday, group: "g"),
            Day("b", Thursday, group: "g 2"),
        ], required: 2).Validate(Calendar);

        Assert.Equal(
            [
                new DocumentProblem("$.requiredTaughtDays", "taught-days.count", "The year requires 2 taught days but group 'g' has 1 (counting taught days for everyone).", ProblemSeverity.Error),
                new DocumentProblem("$.requiredTaughtDays", "taught-days.count", "The year requires 2 taught days but group 'g 2' has 1 (counting taught days for everyone).", ProblemSeverity.Error),
            ],
            report.Problems.ToArray());
    }

    [Fact]
    public void Validate_ExactDuplicateSessions_AreReportedInTheOrderListed()
    {
        // More than 16, so that the sort is not an insertion sort: only the position in the list tells them apart.
        ImmutableArray<Session> sessions = [.. Enumerable.Repeat(Day("x", Thursday), 20)];

        TimelineReport report = Year(sessions, required: 20).Validate(Calendar);

        Assert.Equal(
            Enumerable.Range(1, 19).Select(i => $"$.sessions[{i}].id"),
            report.Problems.Where(p => p.Code == "session.duplicate-id").Select(p => p.Path));
    }

    [Fact]
    public void Validate_NullArguments_Throw()
    {
        ProgrammeYear year = Year([]);

        Assert.Equal("year", Assert.Throws<ArgumentNullException>(() => TimelineValidator.Validate(null!, Calendar)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => TimelineValidator.Validate(year, null!)).ParamName);
    }

    private static string OverlappedId(DocumentProblem finding)
    {
        Assert.Equal("session.overlap", finding.Code);
        int start = finding.Message.IndexOf(" overlaps '", StringComparison.Ordinal) + " overlaps '".Length;
        return finding.Message[start..finding.Message.IndexOf('\'', start)];
    }

    private static ProgrammeYear Year(ImmutableArray<Session> sessions, ImmutableArray<Milestone>? milestones = null, int? required = null) =>
        new(
            "test",
            "Test year",
            ProgrammeStrand.AspirantDirectors,
            Window,
            milestones ?? [new Milestone(MilestoneKind.ProgrammeStart, Window.Start), new Milestone(MilestoneKind.ProgrammeEnd, Window.End)],
            sessions,
            required);

    private static Session Day(string id, LocalDate date, string? group = null) =>
        new(id, "Session " + id, SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(date, date), group: group);

    private static Session Timed(string id, LocalDate date, int startHour, int startMinute, int endHour, int endMinute, string? group = null) =>
        new(id, "Session " + id, SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(date, date), new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute), group, allowNonWorkingDay: true);
}
