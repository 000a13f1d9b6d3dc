using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked examples of docs/timelines.md: each snippet is compiled and run here.</summary>
public sealed partial class TimelineDocExamples
{
    [Fact]
    public void BuiltInYear()
    {
        // begin-snippet: timeline-built-in
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22;          // or BuiltInTimelines.TryFind("2021/22", out ...)
        TimelineReport report = year.Validate(WorkingDayCalendar.EnglandAndWales);

        Assert.True(report.IsValid);
        Assert.Empty(report.Problems);
        Assert.Equal(8, year.RequiredTaughtDays);
        Assert.Equal(new LocalDate(2021, 9, 1), year.Window.Start);     // assumed: the sources say "September 2021"
        Assert.True(year.GetMilestone(MilestoneKind.ProgrammeStart)!.Value.IsAssumed);
        // end-snippet
    }

    [Fact]
    public void ClockChange()
    {
        // begin-snippet: timeline-clock-change
        DateTimeZone london = ProgrammeYear.TimeZone;                   // Europe/London from TZDB
        Session night = new(
            "night", "Overnight exercise", SessionKind.LeadershipChallenge, DeliveryMode.Virtual,
            new DateInterval(new LocalDate(2022, 3, 27), new LocalDate(2022, 3, 27)),
            startTime: new LocalTime(0, 30), endTime: new LocalTime(3, 30), allowNonWorkingDay: true);

        // 00:30 GMT to 03:30 BST: the clocks go forward at 01:00, so it lasts two hours, not three.
        Assert.Equal(Duration.FromHours(2), night.GetDuration(london));

        Session early = new(
            "early", "Early start", SessionKind.VirtualWorkshop, DeliveryMode.Virtual,
            new DateInterval(new LocalDate(2022, 3, 27), new LocalDate(2022, 3, 27)),
            startTime: new LocalTime(1, 30), endTime: new LocalTime(4, 0), allowNonWorkingDay: true);
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22.WithSessions([early]);

        DocumentProblem finding = year.Validate(WorkingDayCalendar.EnglandAndWales).Problems.Single();
        Assert.Equal("session.time-skipped", finding.Code);           // a warning: 01:30 does not exist that day
        Assert.Equal("$.sessions[0].startTime", finding.Path);
        Assert.Contains("shifted forward by the length of the gap, to 2022-03-27 02:30", finding.Message, StringComparison.Ordinal);
        // end-snippet
    }

    [Fact]
    public void Validation()
    {
        // begin-snippet: timeline-validate
        LocalDate friday = new(2022, 1, 14);
        ProgrammeYear year = new(
            "pilot-2022", "Pilot year", ProgrammeStrand.AspirantDirectors,
            new DateInterval(new LocalDate(2022, 1, 1), new LocalDate(2022, 6, 30)),
            milestones:
            [
                new Milestone(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 11, 1)),
                new Milestone(MilestoneKind.ApplicationsClose, new LocalDate(2021, 10, 1)),   // before it opened
            ],
            sessions:
            [
                new Session("set-a", "Set A", SessionKind.ActionLearningSet, DeliveryMode.Virtual, new DateInterval(friday, friday), new LocalTime(10, 0), new LocalTime(12, 0), group: "A"),
                new Session("set-a2", "Set A again", SessionKind.ActionLearningSet, DeliveryMode.Virtual, new DateInterval(friday, friday), new LocalTime(11, 0), new LocalTime(13, 0), group: "A"),
                new Session("day-1", "Taught day 1", SessionKind.TaughtDay, DeliveryMode.FaceToFace, new DateInterval(new LocalDate(2022, 6, 2), new LocalDate(2022, 6, 2))),
            ],
            requiredTaughtDays: 2);

        TimelineReport report = year.Validate(WorkingDayCalendar.EnglandAndWales);

        Assert.False(report.IsValid);
        Assert.Equal(
            ["milestone.out-of-order", "session.overlap", "session.non-working-day", "taught-days.count"],
            report.Problems.Select(f => f.Code));
        Assert.Equal("$.sessions[2].dates", report.Problems[2].Path);   // 2 June 2022 was the Spring bank holiday
        // end-snippet
    }

    [Fact]
    public void Json()
    {
        // begin-snippet: timeline-json
        using MemoryStream stream = new();
        ProgrammeYearDocument.Write(stream, BuiltInTimelines.NewDirectors2021To22, indented: true); // compact unless indented
        stream.Position = 0;
        DocumentResult<ProgrammeYear> read = ProgrammeYearDocument.Read(stream); // or Parse(string); both take maxBytes
        Assert.Equal(BuiltInTimelines.NewDirectors2021To22, read.Value);

        DocumentResult<ProgrammeYear> bad = ProgrammeYearDocument.Parse("""
            {
              "id": "x", "name": "X", "strand": "newDirectors",
              "window": { "start": "2022-01-01", "end": "2022-12-31" },
              "milestones": [],
              "sessions": [
                { "id": "a", "title": "A", "kind": "seminar", "mode": "virtual",
                  "dates": { "start": "2022-01-14", "end": "2022-01-14" }, "startTime": "16:00", "endTime": "14:00" }
              ]
            }
            """);
        Assert.Equal(
            ["$.milestones collection.empty", "$.sessions[0].kind value.unknown", "$.sessions[0].endTime time.end-before-start"],
            bad.Problems.Select(p => $"{p.Path} {p.Code}"));
        // end-snippet
    }

    [Fact]
    public void Generate()
    {
        // begin-snippet: timeline-generate
        ScheduleRequest request = new(
            SessionKind.TaughtDay,
            count: 8,
            between: new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 3, 31)),
            preferredDays: [IsoDayOfWeek.Thursday],
            blackouts: [new DateInterval(new LocalDate(2021, 12, 18), new LocalDate(2022, 1, 3))],   // Christmas
            minimumGapDays: 14);

        ScheduleResult result = SessionScheduler.Generate(request, WorkingDayCalendar.EnglandAndWales);

        Assert.True(result.IsValid);
        Assert.Equal(
            ["2021-09-16", "2021-10-07", "2021-11-04", "2021-12-02", "2022-01-06", "2022-01-27", "2022-02-17", "2022-03-17"],
            result.Dates.Select(d => d.ToString("uuuu-MM-dd", null)));

        ScheduleResult tooMany = SessionScheduler.Generate(
            new ScheduleRequest(SessionKind.ActionLearningSet, 5, new DateInterval(new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 31)), minimumGapDays: 7),
            WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(ScheduleFailureCodes.DoesNotFit, tooMany.Problems[0].Code);
        Assert.Equal(4, tooMany.MostThatFit);
        // end-snippet
    }

    [Fact]
    public void Progress()
    {
        // begin-snippet: timeline-progress
        ProgrammeProgress progress = ProgrammeProgress.Of(BuiltInTimelines.NewDirectors2021To22, new LocalDate(2022, 2, 1));
        Assert.Equal(ProgrammeStage.Running, progress.Stage);
        Assert.Equal(["workshop-1", "workshop-2"], progress.Done.Select(s => s.Id));
        Assert.Equal("residential", progress.NextSession!.Id);
        Assert.Equal(211, progress.DaysToGo);

        ParticipantCompletion completion = ParticipantCompletion.Assess(
            BuiltInTimelines.Aspirant2021To22,
            ["taught-day-1", "taught-day-2", "taught-day-3", "taught-day-5", "taught-day-6", "taught-day-8"],
            threshold: 0.75m);
        Assert.Equal(6, completion.DaysNeeded);                        // 75% of 8, rounded up
        Assert.True(completion.IsComplete);

        NewDirectorEnrolment enrolment = NewDirectorEnrolment.OnAppointment(new LocalDate(2022, 1, 20), BuiltInTimelines.All);
        Assert.Equal(new LocalDate(2023, 1, 19), enrolment.SupportWindow.End);
        Assert.Equal(["residential", "workshop-3", "workshop-4"], enrolment.Sessions.Select(s => s.Id));
        // end-snippet
    }

    [Fact]
    public void Ics()
    {
        // begin-snippet: timeline-ics
        FakeClock clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));   // an application reads SystemClock.Instance
        using MemoryStream file = new();
        IcsExport.Write(BuiltInTimelines.NewDirectors2021To22, file, clock.GetCurrentInstant());

        string text = Encoding.UTF8.GetString(file.ToArray());
        Assert.Contains("UID:workshop-1.new-directors-2021-22@upon-core\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/London:20211210T140000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20220207\r\nDTEND;VALUE=DATE:20220209\r\n", text, StringComparison.Ordinal);
        // end-snippet
    }

    [Fact]
    public void TimelinesDoc_SnippetsAreTheCodeOfTheseTests()
    {
        string markdown = File.ReadAllText(Repository.PathOf("docs", "timelines.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        string code = File.ReadAllText(Repository.PathOf("tests", "Upon.Core.Tests", "Docs", "TimelineDocExamples.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);

        MatchCollection inDoc = DocSnippet().Matches(markdown);
        Assert.Equal(7, inDoc.Count);
        foreach (Match snippet in inDoc)
        {
            Match source = Regex.Match(code, "// begin-snippet: " + Regex.Escape(snippet.Groups["name"].Value) + "\n(?<body>.*?)\n *// end-snippet", RegexOptions.Singleline);
            Assert.True(source.Success, $"No test holds the snippet {snippet.Groups["name"].Value}.");
            Assert.Equal(Dedent(source.Groups["body"].Value), snippet.Groups["body"].Value);
        }
    }

    [Fact]
    public void TimelinesDoc_ListsEveryAssumedDate()
    {
        string markdown = File.ReadAllText(Repository.PathOf("docs", "timelines.md"));
        foreach (ProgrammeYear year in BuiltInTimelines.All)
        {
            foreach (LocalDate date in year.Milestones.Where(m => m.IsAssumed).Select(m => m.Date).Concat(year.Sessions.Where(s => s.IsAssumed).Select(s => s.Dates.Start)))
            {
                Assert.Contains(date.ToString("uuuu-MM-dd", null), markdown, StringComparison.Ordinal);
            }
        }
    }

    private static string Dedent(string body)
    {
        string[] lines = body.Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex("<!-- snippet: (?<name>[a-z0-9-]+) -->\n```csharp\n(?<body>.*?)\n```\n<!-- endsnippet -->", RegexOptions.Singleline)]
    private static partial Regex DocSnippet();
}
