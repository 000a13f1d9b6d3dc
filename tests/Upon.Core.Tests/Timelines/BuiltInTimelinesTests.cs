using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class BuiltInTimelinesTests
{
    public static TheoryData<string> BuiltInIds => [.. BuiltInTimelines.All.Select(year => year.Id)];

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void BuiltInYear_ValidatesWithoutFindings(string id)
    {
        Assert.True(BuiltInTimelines.TryFind(id, out ProgrammeYear? year));

        Assert.Empty(year.Validate(WorkingDayCalendar.EnglandAndWales).Problems);
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void BuiltInYear_NotesListEveryAssumedDate(string id)
    {
        Assert.True(BuiltInTimelines.TryFind(id, out ProgrammeYear? year));
        string notes = string.Join("\n", year.Notes);

        foreach (Milestone milestone in year.Milestones.Where(m => m.IsAssumed))
        {
            Assert.Contains("Assumed date: " + milestone.Date.ToString("uuuu-MM-dd", null), notes.Replace("Assumed date: " + DescribePrefix(notes, milestone), "Assumed date: ", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(milestone.Note));
        }

        foreach (Session session in year.Sessions.Where(s => s.IsAssumed))
        {
            Assert.Contains($"Assumed date: {session.Title} {session.Dates.Start:uuuu-MM-dd}.", notes, System.StringComparison.Ordinal);
        }

        static string DescribePrefix(string notes, Milestone milestone)
        {
            string date = milestone.Date.ToString("uuuu-MM-dd", null);
            int at = notes.IndexOf(" " + date + ".", System.StringComparison.Ordinal);
            Assert.True(at > 0, $"The notes do not list the assumed date {date}.");
            int start = notes.LastIndexOf("Assumed date: ", at, System.StringComparison.Ordinal) + "Assumed date: ".Length;
            return notes[start..(at + 1)];
        }
    }

    [Fact]
    public void Year1_OpenedOn14September2020_ThePublishedDate()
    {
        Milestone open = BuiltInTimelines.Aspirant2020To21.GetMilestone(MilestoneKind.ApplicationsOpen)!.Value;

        Assert.Equal(new LocalDate(2020, 9, 14), open.Date);
        Assert.False(open.IsAssumed);
    }

    [Fact]
    public void Year2_RequiresEightTaughtDays_AndHasThem()
    {
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22;

        Assert.Equal(8, year.RequiredTaughtDays);
        Assert.Equal(8, year.Sessions.Count(s => s.Kind == SessionKind.TaughtDay));
        Assert.All(year.Sessions, s => Assert.True(s.IsAssumed));
        Assert.Equal(new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 3, 31)), year.Window);
    }

    [Fact]
    public void Year2_WithoutOneTaughtDay_ReportsExactlyTheTaughtDayCount()
    {
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22;
        ProgrammeYear shorter = year.WithSessions(year.Sessions.RemoveAt(0));

        DocumentProblem finding = Assert.Single(shorter.Validate(WorkingDayCalendar.EnglandAndWales).Problems);
        Assert.Equal("taught-days.count", finding.Code);
        Assert.Equal("The year requires 8 taught days but its sessions hold 7.", finding.Message);
    }

    [Fact]
    public void NewDirectors2021To22_HasThePublishedSessions()
    {
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22;
        Session[] workshops = [.. year.Sessions.Where(s => s.Kind == SessionKind.VirtualWorkshop)];

        Assert.Equal(ProgrammeStrand.NewDirectors, year.Strand);
        Assert.Equal(
            [new LocalDate(2021, 12, 10), new LocalDate(2022, 1, 14), new LocalDate(2022, 3, 25), new LocalDate(2022, 4, 29)],
            workshops.Select(s => s.Dates.Start));
        Assert.All(workshops, s =>
        {
            Assert.Equal(IsoDayOfWeek.Friday, s.Dates.Start.DayOfWeek);
            Assert.Equal(1, s.Dates.Length);
            Assert.Equal(new LocalTime(14, 0), s.StartTime);
            Assert.Equal(new LocalTime(16, 0), s.EndTime);
            Assert.Equal(DeliveryMode.Virtual, s.Mode);
            Assert.False(s.IsAssumed);
        });

        Session residential = Assert.Single(year.Sessions, s => s.Kind == SessionKind.Residential);
        Assert.Equal(new DateInterval(new LocalDate(2022, 2, 7), new LocalDate(2022, 2, 8)), residential.Dates);
        Assert.Equal(DeliveryMode.FaceToFace, residential.Mode);
        Assert.False(residential.HasTimes);
    }

    [Fact]
    public void NewDirectors2021To22_LastWorkshopIsInBst()
    {
        Session last = BuiltInTimelines.NewDirectors2021To22.Sessions.Single(s => s.Id == "workshop-4");

        Assert.Equal(Instant.FromUtc(2022, 4, 29, 13, 0), last.GetInterval(ProgrammeYear.TimeZone).Start);
    }

    [Theory]
    [InlineData("aspirant-2021-22", "aspirant-2021-22")]
    [InlineData("2021/22", "aspirant-2021-22")]
    [InlineData("2020-21", "aspirant-2020-21")]
    [InlineData("YEAR-3", "aspirant-2022-23")]
    [InlineData(" new-directors-2021/22 ", "new-directors-2021-22")]
    public void TryFind_IdOrAlias_FindsTheYear(string text, string id)
    {
        Assert.True(BuiltInTimelines.TryFind(text, out ProgrammeYear? year));
        Assert.Equal(id, year.Id);
    }

    [Fact]
    public void TryFind_Unknown_ReturnsFalse()
    {
        Assert.False(BuiltInTimelines.TryFind("2019/20", out ProgrammeYear? year));
        Assert.Null(year);
    }
}
