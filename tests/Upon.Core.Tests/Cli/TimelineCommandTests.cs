using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Cli;

public sealed class TimelineCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-timeline-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Show_Alias_WritesTheNewDirectorsSessionsTable()
    {
        (int exitCode, string output, string error) = Run("timeline", "show", "new-directors-2021/22");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains(
            """
            Sessions
            Id           Dates                     Time         Kind              Mode          Group     Assumed
            -----------  ------------------------  -----------  ----------------  ------------  --------  -------
            workshop-1   2021-12-10                14:00-16:00  virtual workshop  virtual       everyone  no
            workshop-2   2022-01-14                14:00-16:00  virtual workshop  virtual       everyone  no
            residential  2022-02-07 to 2022-02-08  all day      residential       face to face  everyone  no
            workshop-3   2022-03-25                14:00-16:00  virtual workshop  virtual       everyone  no
            workshop-4   2022-04-29                14:00-16:00  virtual workshop  virtual       everyone  no
            """,
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Show_FormatJson_IsTheProgrammeYearDocument()
    {
        (int exitCode, string output, _) = Run("timeline", "show", "2021/22", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(BuiltInTimelines.Aspirant2021To22, ProgrammeYearDocument.Parse(output).GetValueOrThrow());
    }

    [Fact]
    public void Show_UnknownYear_IsAUsageError()
    {
        (int exitCode, _, string error) = Run("timeline", "show", "2019/20");

        Assert.Equal(2, exitCode);
        Assert.Equal("upon: '2019/20' is neither a built-in year (aspirant-2020-21, aspirant-2021-22, aspirant-2022-23, new-directors-2021-22) nor a file.\n", error);
    }

    [Fact]
    public void Validate_BadFile_ListsEveryProblemAndExitsOne()
    {
        string file = Write("bad.json", """{"id":"x","name":"X","strand":"newDirectors","window":{"start":"2022-01-01","end":"2022-12-31"},"milestones":[],"sessions":[{"id":"a","title":"A","kind":"seminar","mode":"virtual","dates":{"start":"2022-01-02","end":"2022-01-01"}}]}""");

        (int exitCode, string output, string error) = Run("timeline", "validate", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            """
            upon: the programme-year file 'bad.json' is not valid:
              $.milestones: A programme year needs at least one milestone. (collection.empty)
              $.sessions[0].kind: Expected one of: taughtDay, learningVisit, actionLearningSet, leadershipChallenge, virtualWorkshop, residential. (value.unknown)
              $.sessions[0].dates.end: The "end" date must not be before the "start" date; both are included. (interval.end-before-start)

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            error);
    }

    [Fact]
    public void Validate_FileWithRuleBreaks_ListsFindingsAndExitsOne()
    {
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22;
        string file = Write("year.json", DocumentText.Of(s => ProgrammeYearDocument.Write(s, year.WithSessions(year.Sessions.RemoveAt(0)))));

        (int exitCode, string output, _) = Run("timeline", "validate", file);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("aspirant-2021-22: not valid, 1 error, 0 warnings\n", output, StringComparison.Ordinal);
        Assert.Contains("error     taught-days.count  $.requiredTaughtDays  The year requires 8 taught days but its sessions hold 7.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodFile_FormatJson_ExitsZero()
    {
        string file = Write("year.json", DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.NewDirectors2021To22)));

        (int exitCode, string output, _) = Run("timeline", "validate", file, "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal("new-directors-2021-22", document.RootElement.GetProperty("programmeId").GetString());
        Assert.True(document.RootElement.GetProperty("isValid").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Progress_AsOf_WritesTheTable()
    {
        (int exitCode, string output, _) = Run("timeline", "progress", "new-directors-2021-22", "--as-of", "2022-02-01");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            """
            new-directors-2021-22 as of 2022-02-01

            Item            Value
            --------------  ---------------------------------------------------
            Stage           running
            Next milestone  programme end, 2022-08-31 (assumed)
            Next session    New Directors residential, 2022-02-07 to 2022-02-08
            Sessions done   2
            Sessions left   3
            Days to go      211

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            output);
    }

    [Fact]
    public void Progress_FormatJson_HasStageAndSessions()
    {
        (int exitCode, string output, _) = Run("timeline", "progress", "year-2", "--as-of", "2021-06-01", "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal("applicationsOpen", document.RootElement.GetProperty("stage").GetString());
        Assert.Equal("selection", document.RootElement.GetProperty("nextMilestone").GetProperty("kind").GetString());
        Assert.Equal("taught-day-1", document.RootElement.GetProperty("nextSession").GetString());
        Assert.Equal(8, document.RootElement.GetProperty("left").GetArrayLength());
    }

    [Fact]
    public void Progress_WithoutAsOf_IsAUsageError()
    {
        (int exitCode, _, _) = Run("timeline", "progress", "year-2");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Ics_WritesAFileWithTheGivenStamp()
    {
        string file = Path.Combine(folder, "nd.ics");

        (int exitCode, string output, _) = Run("timeline", "ics", "new-directors-2021-22", "-o", file, "--stamp", "2026-11-22T09:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.Equal($"Wrote 5 events to {file}.\n", output);
        Assert.Equal(IcsExport.ToText(BuiltInTimelines.NewDirectors2021To22, Instant.FromUtc(2026, 11, 22, 9, 0)), File.ReadAllText(file));
    }

    [Fact]
    public void Ics_WithoutAStamp_StampsTheStartOfTheYearsFirstDay_NotTheClock()
    {
        string file = Path.Combine(folder, "nd.ics");

        (int exitCode, _, string error) = Run("timeline", "ics", "new-directors-2021-22", "-o", file);
        string first = File.ReadAllText(file);
        (int again, _, _) = Run("timeline", "ics", "new-directors-2021-22", "-o", file);

        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22;
        Instant start = year.Window.Start.AtStartOfDayInZone(ProgrammeYear.TimeZone).ToInstant();
        Assert.Equal((0, 0, string.Empty), (exitCode, again, error));
        Assert.Equal(IcsExport.ToText(year, start), first);
        Assert.Equal(first, File.ReadAllText(file));
    }

    [Fact]
    public void Ics_FromAFile_Works()
    {
        string json = Write("year.json", DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.Aspirant2021To22)));
        string file = Path.Combine(folder, "y2.ics");

        (int exitCode, _, _) = Run("timeline", "ics", json, "-o", file, "--stamp", "2026-11-22T09:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.Equal(8, File.ReadAllLines(file).Count(l => l == "BEGIN:VEVENT"));
    }

    [Fact]
    public void Generate_EightThursdays_WritesTheDates()
    {
        (int exitCode, string output, _) = Run(
            "timeline", "generate", "--kind", "taught-day", "--count", "8", "--from", "2021-09-01", "--to", "2022-03-31",
            "--weekday", "thu", "--blackout", "2021-12-18..2022-01-03", "--min-gap-days", "14", "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal(
            ["2021-09-16", "2021-10-07", "2021-11-04", "2021-12-02", "2022-01-06", "2022-01-27", "2022-02-17", "2022-03-17"],
            document.RootElement.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("taughtDay", document.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public void Generate_Impossible_SaysWhyAndExitsOne()
    {
        (int exitCode, string output, string error) = Run("timeline", "generate", "--kind", "actionLearningSet", "--count", "5", "--from", "2022-01-03", "--to", "2022-01-31", "--min-gap-days", "7");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("upon: Only 4 of the 5 sessions fit: 20 days from 2022-01-03 to 2022-01-31 are working days outside the blackouts, and sessions must be at least 7 days apart. (schedule.does-not-fit)\n", error);
    }

    [Theory]
    [InlineData("--kind", "seminar")]
    [InlineData("--weekday", "thurs")]
    [InlineData("--blackout", "2022-01-10..2022-01-01")]
    public void Generate_BadOption_IsAUsageError(string option, string value)
    {
        string[] kind = option == "--kind" ? [] : ["--kind", "taughtDay"];
        (int exitCode, _, string error) = Run(
            ["timeline", "generate", .. kind, "--count", "2", "--from", "2022-01-01", "--to", "2022-03-31", option, value]);

        Assert.Equal(2, exitCode);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);
}
