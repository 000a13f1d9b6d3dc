using System.IO;
using System.Text;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

/// <summary>Every problem the programme-year reader reports, pinned by path, code and message; and the defaults of optional properties.</summary>
public sealed class ProgrammeYearDocumentProblemTests
{
    private const string Valid = """
        {
          "id": "y",
          "name": "Year",
          "strand": "aspirantDirectors",
          "window": { "start": "2022-01-01", "end": "2022-12-31" },
          "milestones": [ { "kind": "programmeStart", "date": "2022-01-01" } ],
          "sessions": [ { "id": "s", "title": "S", "kind": "taughtDay", "mode": "virtual", "dates": { "start": "2022-01-13", "end": "2022-01-13" } } ]
        }
        """;

    private static DocumentResult<ProgrammeYear> Read(string json)
    {
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));
        return ProgrammeYearDocument.Read(stream);
    }

    private static DocumentProblem ReadOneProblem(string replace, string with)
    {
        string json = Valid.Replace(replace, with, System.StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);
        DocumentResult<ProgrammeYear> result = Read(json);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        return Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("\"id\": \"y\",", "$.id", "id")]
    [InlineData("\"name\": \"Year\",", "$.name", "name")]
    [InlineData("\"strand\": \"aspirantDirectors\",", "$.strand", "strand")]
    [InlineData("\"window\": { \"start\": \"2022-01-01\", \"end\": \"2022-12-31\" },", "$.window", "window")]
    [InlineData("\"start\": \"2022-01-01\", ", "$.window.start", "start")]
    [InlineData(", \"end\": \"2022-12-31\"", "$.window.end", "end")]
    [InlineData("\"milestones\": [ { \"kind\": \"programmeStart\", \"date\": \"2022-01-01\" } ],", "$.milestones", "milestones")]
    [InlineData("\"kind\": \"programmeStart\", ", "$.milestones[0].kind", "kind")]
    [InlineData(", \"date\": \"2022-01-01\"", "$.milestones[0].date", "date")]
    [InlineData("\"id\": \"s\", ", "$.sessions[0].id", "id")]
    [InlineData("\"title\": \"S\", ", "$.sessions[0].title", "title")]
    [InlineData("\"kind\": \"taughtDay\", ", "$.sessions[0].kind", "kind")]
    [InlineData("\"mode\": \"virtual\", ", "$.sessions[0].mode", "mode")]
    [InlineData(", \"dates\": { \"start\": \"2022-01-13\", \"end\": \"2022-01-13\" }", "$.sessions[0].dates", "dates")]
    [InlineData("\"start\": \"2022-01-13\", ", "$.sessions[0].dates.start", "start")]
    public void Read_RequiredPropertyMissing_IsReportedAsRequired(string property, string path, string name)
    {
        DocumentProblem problem = ReadOneProblem(property, string.Empty);

        Assert.Equal(new DocumentProblem(path, "value.required", $"\"{name}\" is required."), problem);
    }

    [Theory]
    [InlineData("[ { \"kind\": \"programmeStart\", \"date\": \"2022-01-01\" } ]", "[ 1 ]", "$.milestones[0]", "Expected a milestone object with \"kind\" and \"date\", but found a number.")]
    [InlineData("[ { \"id\": \"s\",", "[ \"s\", { \"id\": \"s\",", "$.sessions[0]", "Expected a session object, but found a string.")]
    [InlineData("{ \"start\": \"2022-01-01\", \"end\": \"2022-12-31\" }", "\"2022\"", "$.window", "Expected an object with inclusive \"start\" and \"end\" dates, but found a string.")]
    [InlineData("\"mode\": \"virtual\",", "\"mode\": \"virtual\", \"startTime\": 9, \"endTime\": \"10:00\",", "$.sessions[0].startTime", "Expected a string holding a time of day, but found a number.")]
    public void Read_ValueOfTheWrongType_IsATypeMismatch(string replace, string with, string path, string message)
    {
        DocumentProblem problem = ReadOneProblem(replace, with);

        Assert.Equal(new DocumentProblem(path, "value.type-mismatch", message), problem);
    }

    [Theory]
    [InlineData("\"mode\": \"virtual\",", "\"mode\": \"virtual\", \"colour\": \"red\",", "$.sessions[0].colour")]
    [InlineData("\"end\": \"2022-01-13\"", "\"end\": \"2022-01-13\", \"time\": \"10:00\"", "$.sessions[0].dates.time")]
    [InlineData("\"end\": \"2022-12-31\"", "\"end\": \"2022-12-31\", \"inclusive\": true", "$.window.inclusive")]
    public void Read_UnknownPropertyInASessionOrInterval_IsReported(string replace, string with, string path)
    {
        DocumentProblem problem = ReadOneProblem(replace, with);

        Assert.Equal(new DocumentProblem(path, "property.unknown", "This property is not part of the format; check its spelling."), problem);
    }

    [Theory]
    [InlineData("\"startTime\": \"10:00\"", "$.sessions[0].endTime", "A session with a \"startTime\" needs an \"endTime\" too; a session without times lasts whole days.")]
    [InlineData("\"endTime\": \"10:00\"", "$.sessions[0].startTime", "A session with an \"endTime\" needs a \"startTime\" too; a session without times lasts whole days.")]
    public void Read_OnlyOneOfTheTimes_IsTimeIncomplete(string time, string path, string message)
    {
        DocumentProblem problem = ReadOneProblem("\"mode\": \"virtual\",", "\"mode\": \"virtual\", " + time + ",");

        Assert.Equal(new DocumentProblem(path, "time.incomplete", message), problem);
    }

    [Theory]
    [InlineData("10:00", "10:00")]
    [InlineData("10:00", "09:59:59")]
    public void Read_OneDaySessionEndingAtOrBeforeItsStart_IsTimeEndBeforeStart(string start, string end)
    {
        DocumentProblem problem = ReadOneProblem("\"mode\": \"virtual\",", $"\"mode\": \"virtual\", \"startTime\": \"{start}\", \"endTime\": \"{end}\",");

        Assert.Equal(new DocumentProblem("$.sessions[0].endTime", "time.end-before-start", "A one-day session's \"endTime\" must be after its \"startTime\"."), problem);
    }

    [Fact]
    public void Read_OneDaySessionEndingOneSecondAfterItsStart_IsValid()
    {
        Session session = Assert.Single(Read(Valid.Replace("\"mode\": \"virtual\",", "\"mode\": \"virtual\", \"startTime\": \"10:00\", \"endTime\": \"10:00:01\",", System.StringComparison.Ordinal)).GetValueOrThrow().Sessions);

        Assert.Equal(new NodaTime.LocalTime(10, 0, 1), session.EndTime);
    }

    [Fact]
    public void Read_TimeNotInIsoForm_IsTimeInvalid()
    {
        DocumentProblem problem = ReadOneProblem("\"mode\": \"virtual\",", "\"mode\": \"virtual\", \"startTime\": \"10am\", \"endTime\": \"11:00\",");

        Assert.Equal(new DocumentProblem("$.sessions[0].startTime", "time.invalid", "Expected a time of day in ISO 8601 form HH:mm or HH:mm:ss, local to Europe/London."), problem);
    }

    [Fact]
    public void Read_NegativeTaughtDays_IsOutOfRange()
    {
        DocumentProblem problem = ReadOneProblem("\"strand\": \"aspirantDirectors\",", "\"strand\": \"aspirantDirectors\", \"requiredTaughtDays\": -1,");

        Assert.Equal(new DocumentProblem("$.requiredTaughtDays", "value.out-of-range", "The number of taught days required must not be negative."), problem);
    }

    [Fact]
    public void Read_MilestoneOfUnknownKind_IsOneProblem()
    {
        DocumentProblem problem = ReadOneProblem("\"programmeStart\"", "\"start\"");

        Assert.Equal("$.milestones[0].kind value.unknown", problem.Path + " " + problem.Code);
    }

    [Fact]
    public void Read_OptionalPropertiesAbsent_AreFalseAndNull()
    {
        ProgrammeYear year = Read(Valid).GetValueOrThrow();

        Milestone milestone = Assert.Single(year.Milestones);
        Assert.False(milestone.IsAssumed);
        Assert.Null(milestone.Note);
        Session session = Assert.Single(year.Sessions);
        Assert.False(session.AllowNonWorkingDay);
        Assert.False(session.IsAssumed);
        Assert.Null(session.Group);
        Assert.Null(session.Note);
        Assert.Null(session.StartTime);
        Assert.Empty(year.Notes);
        Assert.Null(year.RequiredTaughtDays);
    }

    [Fact]
    public void Read_EmptyNotesAndGroup_AreAllowed()
    {
        string json = Valid
            .Replace("\"date\": \"2022-01-01\"", "\"date\": \"2022-01-01\", \"isAssumed\": true, \"note\": \"\"", System.StringComparison.Ordinal)
            .Replace("\"mode\": \"virtual\",", "\"mode\": \"virtual\", \"group\": \"\", \"note\": \"\", \"isAssumed\": true, \"allowNonWorkingDay\": true,", System.StringComparison.Ordinal);

        ProgrammeYear year = Read(json).GetValueOrThrow();

        Milestone milestone = Assert.Single(year.Milestones);
        Assert.True(milestone.IsAssumed);
        Assert.Equal(string.Empty, milestone.Note);
        Session session = Assert.Single(year.Sessions);
        Assert.Equal(string.Empty, session.Group);
        Assert.Equal(string.Empty, session.Note);
        Assert.True(session.IsAssumed);
        Assert.True(session.AllowNonWorkingDay);
    }
}
