using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

/// <summary>
/// Boundaries, orders, equality and argument checks of the smaller Timelines types: the scheduler's ties and messages,
/// the next milestone, the start of selection, session order, enrolment order, completion and programme-year equality.
/// </summary>
public sealed class TimelineBoundaryTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly DateInterval Window = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private static readonly LocalDate Monday = new(2022, 1, 10);

    [Fact]
    public void Generate_TargetHalfwayBetweenTwoAvailableDays_TakesTheEarlier()
    {
        // One session in Monday to Wednesday aims at Tuesday, which is not a preferred day; Monday and Wednesday are a day away each.
        ScheduleRequest request = new(SessionKind.TaughtDay, 1, new DateInterval(Monday, Monday.PlusDays(2)), [IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday]);

        Assert.Equal([Monday], SessionScheduler.Generate(request, Calendar).Dates.ToArray());
    }

    [Fact]
    public void Generate_PreferredDayGivenTwice_IsStillPreferred()
    {
        ScheduleRequest request = new(SessionKind.TaughtDay, 1, new DateInterval(Monday, Monday.PlusDays(4)), [IsoDayOfWeek.Monday, IsoDayOfWeek.Monday]);

        Assert.Equal([Monday], SessionScheduler.Generate(request, Calendar).Dates.ToArray());
    }

    [Fact]
    public void Generate_NoWorkingDay_SaysWhichDays()
    {
        ScheduleRequest request = new(SessionKind.TaughtDay, 1, new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 1, 2)));

        ScheduleResult result = SessionScheduler.Generate(request, Calendar);

        Assert.Equal(
            [new DocumentProblem("$.between", "schedule.no-available-days", "No day from 2022-01-01 to 2022-01-02 is a working day outside the blackouts.")],
            result.Problems.ToArray());
    }

    [Theory]
    [InlineData(0, 2, "Only 1 of the 2 sessions fit: 1 day from 2022-01-10 to 2022-01-10 is a working day outside the blackouts, and sessions must be at least 1 day apart.")]
    [InlineData(1, 3, "Only 2 of the 3 sessions fit: 2 days from 2022-01-10 to 2022-01-11 are working days outside the blackouts, and sessions must be at least 1 day apart.")]
    public void Generate_TooManySessions_SaysHowManyFit(int extraDays, int count, string message)
    {
        ScheduleRequest request = new(SessionKind.TaughtDay, count, new DateInterval(Monday, Monday.PlusDays(extraDays)));

        ScheduleResult result = SessionScheduler.Generate(request, Calendar);

        Assert.Equal([new DocumentProblem("$.count", "schedule.does-not-fit", message)], result.Problems.ToArray());
    }

    [Fact]
    public void ToSessions_NumbersTheSessionsFromOne()
    {
        ScheduleResult result = SessionScheduler.Generate(new ScheduleRequest(SessionKind.TaughtDay, 2, new DateInterval(Monday, Monday.PlusDays(1))), Calendar);

        ImmutableArray<Session> sessions = result.ToSessions("day", "Taught day", DeliveryMode.Virtual);

        Assert.Equal(["day-1", "day-2"], sessions.Select(s => s.Id));
        Assert.Equal(["Taught day 1", "Taught day 2"], sessions.Select(s => s.Title));
    }

    [Fact]
    public void NextMilestone_IsTheEarliestOnOrAfterTheDate_TheFirstKindOnATie()
    {
        LocalDate day = new(2021, 6, 1);
        ProgrammeYear year = Year(
        [
            new Milestone(MilestoneKind.ProgrammeEnd, Window.End),
            new Milestone(MilestoneKind.Selection, day),
            new Milestone(MilestoneKind.Shortlisting, day),
            new Milestone(MilestoneKind.ProgrammeStart, Window.Start),
            new Milestone(MilestoneKind.ApplicationsOpen, day.PlusDays(-1)),
        ]);

        Assert.Equal(new Milestone(MilestoneKind.Shortlisting, day), ProgrammeProgress.Of(year, day).NextMilestone);
        Assert.Equal(new Milestone(MilestoneKind.ProgrammeStart, Window.Start), ProgrammeProgress.Of(year, day.PlusDays(1)).NextMilestone);
    }

    [Fact]
    public void Stage_WithoutAClosingDate_SelectionStartsAtTheEarliestShortlistingOrSelection()
    {
        ProgrammeYear year = Year(
        [
            new Milestone(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 1, 1)),
            new Milestone(MilestoneKind.Shortlisting, new LocalDate(2021, 3, 1)),
            new Milestone(MilestoneKind.Selection, new LocalDate(2021, 5, 1)),
            new Milestone(MilestoneKind.ProgrammeStart, Window.Start),
        ]);

        Assert.Equal(ProgrammeStage.ApplicationsOpen, ProgrammeProgress.Of(year, new LocalDate(2021, 2, 28)).Stage);
        Assert.Equal(ProgrammeStage.InSelection, ProgrammeProgress.Of(year, new LocalDate(2021, 3, 1)).Stage);
        Assert.Equal(ProgrammeStage.InSelection, ProgrammeProgress.Of(year, new LocalDate(2021, 4, 1)).Stage);
    }

    [Property]
    public Property SessionsInOrder_DoNotDependOnTheOrderTheyAreListedIn()
    {
        // Sessions starting together that differ only in the later sort keys: any listing gives the same order.
        Gen<Session> sessions =
            from id in Gen.Elements("a", "b")
            from kind in Gen.Elements(SessionKind.TaughtDay, SessionKind.Residential)
            from title in Gen.Elements("A", "B")
            from grp in Gen.Elements<string?>(null, "g", "h")
            from mode in Gen.Elements(DeliveryMode.Virtual, DeliveryMode.Blended)
            from allow in Gen.Elements(false, true)
            from assumed in Gen.Elements(false, true)
            from note in Gen.Elements<string?>(null, "n", "m")
            from endHour in Gen.Elements(12, 13)
            select new Session(id, title, kind, mode, new DateInterval(Monday, Monday), new LocalTime(10, 0), new LocalTime(endHour, 0), grp, allow, assumed, note);
        Gen<(List<Session> Listed, List<Session> Shuffled)> lists =
            from listed in sessions.ListOf().Select(l => l.ToList())
            from shuffled in Gen.Shuffle(listed.ToArray())
            select (listed, shuffled.ToList());

        return Prop.ForAll(lists.ToArbitrary(), pair =>
            Assert.Equal(Year([], [.. pair.Listed]).GetSessionsInOrder().ToArray(), Year([], [.. pair.Shuffled]).GetSessionsInOrder().ToArray()));
    }

    [Fact]
    public void OnAppointment_SessionsOfSeveralYears_AreInDateOrder()
    {
        Session early = Day("early", Monday);
        Session late = Day("late", Monday.PlusDays(7));
        ProgrammeYear first = new("second", "Second", ProgrammeStrand.NewDirectors, Window, [new Milestone(MilestoneKind.ProgrammeStart, Window.Start)], [late]);
        ProgrammeYear second = new("first", "First", ProgrammeStrand.NewDirectors, Window, [new Milestone(MilestoneKind.ProgrammeStart, Window.Start)], [early]);

        NewDirectorEnrolment enrolment = NewDirectorEnrolment.OnAppointment(Monday.PlusDays(-1), [first, second]);

        Assert.Equal([early, late], enrolment.Sessions.ToArray());
    }

    [Fact]
    public void Assess_UnknownSessionIds_AreInOrdinalOrder()
    {
        ProgrammeYear year = Year([], [Day("a", Monday)]);

        ParticipantCompletion completion = ParticipantCompletion.Assess(year, ["z", "a", "B", "m"]);

        Assert.Equal(["B", "m", "z"], completion.UnknownSessionIds.ToArray());
    }

    [Fact]
    public void Equals_YearsDifferingInOneProperty_AreNotEqual()
    {
        ProgrammeYear year = new("y", "Year", ProgrammeStrand.AspirantDirectors, Window, [new Milestone(MilestoneKind.ProgrammeStart, Window.Start)], [Day("a", Monday)], 1, ["note"]);
        ProgrammeYear same = new("y", "Year", ProgrammeStrand.AspirantDirectors, Window, [new Milestone(MilestoneKind.ProgrammeStart, Window.Start)], [Day("a", Monday)], 1, ["note"]);
        ProgrammeYear[] others =
        [
            new("x", year.Name, year.Strand, year.Window, year.Milestones, year.Sessions, year.RequiredTaughtDays, year.Notes),
            new(year.Id, "Other", year.Strand, year.Window, year.Milestones, year.Sessions, year.RequiredTaughtDays, year.Notes),
            new(year.Id, year.Name, ProgrammeStrand.NewDirectors, year.Window, year.Milestones, year.Sessions, year.RequiredTaughtDays, year.Notes),
            new(year.Id, year.Name, year.Strand, new DateInterval(Window.Start, Window.End.PlusDays(-1)), year.Milestones, year.Sessions, year.RequiredTaughtDays, year.Notes),
            new(year.Id, year.Name, year.Strand, year.Window, year.Milestones, year.Sessions, 2, year.Notes),
            new(year.Id, year.Name, year.Strand, year.Window, [new Milestone(MilestoneKind.ProgrammeStart, Window.Start.PlusDays(1))], year.Sessions, year.RequiredTaughtDays, year.Notes),
            new(year.Id, year.Name, year.Strand, year.Window, year.Milestones, [Day("b", Monday)], year.RequiredTaughtDays, year.Notes),
            new(year.Id, year.Name, year.Strand, year.Window, year.Milestones, year.Sessions, year.RequiredTaughtDays, ["other"]),
        ];

        Assert.True(year.Equals(same));
        Assert.Equal(year.GetHashCode(), same.GetHashCode());
        Assert.False(year.Equals(null));
        Assert.False(year.Equals((object)"y"));
        Assert.All(others, other => Assert.False(year.Equals(other)));
        Assert.All(others, other => Assert.False(other.Equals(year)));
    }

    [Fact]
    public void ToString_SaysTheYearAndTheMilestone()
    {
        Assert.Equal("y (2022-01-01 to 2022-12-31)", Year([]).ToString());
        Assert.Equal("2022-01-01 ProgrammeStart (assumed)", new Milestone(MilestoneKind.ProgrammeStart, Window.Start, IsAssumed: true).ToString());
        Assert.Equal("2022-01-01 ProgrammeStart", new Milestone(MilestoneKind.ProgrammeStart, Window.Start).ToString());
    }

    [Fact]
    public void NullAndOutOfRangeArguments_Throw()
    {
        ProgrammeYear year = Year([]);
        LocalDate julian = Monday.WithCalendar(CalendarSystem.Julian);
        ScheduleResult result = SessionScheduler.Generate(new ScheduleRequest(SessionKind.TaughtDay, 1, new DateInterval(Monday, Monday)), Calendar);

        Assert.Equal("idOrAlias", Assert.Throws<ArgumentNullException>(() => BuiltInTimelines.TryFind(null!, out _)).ParamName);
        Assert.Equal("programme", Assert.Throws<ArgumentNullException>(() => ProgrammeProgress.Of(null!, Monday)).ParamName);
        Assert.Equal("programme", Assert.Throws<ArgumentNullException>(() => ProgrammeProgress.Of(null!, Instant.FromUtc(2022, 1, 1, 0, 0))).ParamName);

        // Task-returning readers check their arguments before any task is made: the exception is thrown, not a faulted task.
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => { _ = ProgrammeYearDocument.ReadAsync(null!); }).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = ProgrammeYearDocument.ReadAsync(new MemoryStream(), maxBytes: 0); }).ParamName);
        Assert.Equal("asOf", Assert.ThrowsAny<ArgumentException>(() => ProgrammeProgress.Of(year, julian)).ParamName);
        Assert.Equal("appointedOn", Assert.ThrowsAny<ArgumentException>(() => NewDirectorEnrolment.SupportWindowFrom(julian)).ParamName);
        Assert.Equal("programmes", Assert.Throws<ArgumentNullException>(() => NewDirectorEnrolment.OnAppointment(Monday, null!)).ParamName);
        Assert.Equal("programmes", Assert.Throws<ArgumentNullException>(() => NewDirectorEnrolment.OnAppointment(Monday, [year, null!])).ParamName);
        Assert.Equal("programme", Assert.Throws<ArgumentNullException>(() => ParticipantCompletion.Assess(null!, [])).ParamName);
        Assert.Equal("attendedSessionIds", Assert.Throws<ArgumentNullException>(() => ParticipantCompletion.Assess(year, null!)).ParamName);
        Assert.Equal("threshold", Assert.ThrowsAny<ArgumentException>(() => ParticipantCompletion.Assess(year, [], 0m)).ParamName);
        Assert.Equal("between", Assert.Throws<ArgumentNullException>(() => new ScheduleRequest(SessionKind.TaughtDay, 1, null!)).ParamName);
        Assert.Equal("minimumGapDays", Assert.ThrowsAny<ArgumentException>(() => new ScheduleRequest(SessionKind.TaughtDay, 1, Window, minimumGapDays: 0)).ParamName);
        Assert.Equal("blackouts", Assert.Throws<ArgumentNullException>(() => new ScheduleRequest(SessionKind.TaughtDay, 1, Window, blackouts: [null!])).ParamName);
        ArgumentException day = Assert.ThrowsAny<ArgumentException>(() => new ScheduleRequest(SessionKind.TaughtDay, 1, Window, [IsoDayOfWeek.None]));
        Assert.Equal("preferredDays", day.ParamName);
        Assert.StartsWith("A preferred day must be Monday to Sunday.", day.Message, StringComparison.Ordinal);
        ArgumentException note = Assert.ThrowsAny<ArgumentException>(() => new ProgrammeYear("y", "Y", ProgrammeStrand.NewDirectors, Window, [], [], notes: [null!]));
        Assert.Equal("notes", note.ParamName);
        Assert.StartsWith("A note must not be null.", note.Message, StringComparison.Ordinal);
        Assert.Equal("idPrefix", Assert.ThrowsAny<ArgumentException>(() => result.ToSessions(string.Empty, "T", DeliveryMode.Virtual)).ParamName);
        Assert.Equal("title", Assert.ThrowsAny<ArgumentException>(() => result.ToSessions("t", string.Empty, DeliveryMode.Virtual)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => SessionScheduler.Generate(null!, Calendar)).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => SessionScheduler.Generate(result.Request, null!)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => Day("a", Monday).GetInterval(null!)).ParamName);
        Assert.Equal("endTime", Assert.ThrowsAny<ArgumentException>(() => new Session("a", "A", SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(Monday, Monday), startTime: new LocalTime(10, 0))).ParamName);
        Assert.Equal("startTime", Assert.ThrowsAny<ArgumentException>(() => new Session("a", "A", SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(Monday, Monday), endTime: new LocalTime(10, 0))).ParamName);
    }

    [Fact]
    public void GetInterval_SessionEndingWhenItStarts_HasNoInterval()
    {
        Session instant = new("a", "A", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(Monday, Monday), new LocalTime(10, 0), new LocalTime(10, 0));

        Assert.False(instant.TryGetInterval(ProgrammeYear.TimeZone, out _));
        Assert.True(new Session("a", "A", SessionKind.VirtualWorkshop, DeliveryMode.Virtual, new DateInterval(Monday, Monday), new LocalTime(10, 0), new LocalTime(10, 0, 1)).TryGetInterval(ProgrammeYear.TimeZone, out NodaTime.Interval interval));
        Assert.Equal(Duration.FromSeconds(1), interval.Duration);
    }

    private static ProgrammeYear Year(ImmutableArray<Milestone> milestones, ImmutableArray<Session> sessions = default) =>
        new("y", "Year", ProgrammeStrand.AspirantDirectors, Window, milestones.IsEmpty ? [new Milestone(MilestoneKind.ProgrammeStart, Window.Start)] : milestones, sessions.IsDefault ? [] : sessions);

    private static Session Day(string id, LocalDate date) =>
        new(id, "Session " + id, SessionKind.TaughtDay, DeliveryMode.Virtual, new DateInterval(date, date));
}
