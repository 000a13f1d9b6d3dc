using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class ProgrammeYearDocumentTests
{
    private const string Minimal = """
        {
          "id": "y",
          "name": "Year",
          "strand": "aspirantDirectors",
          "window": { "start": "2022-01-01", "end": "2022-12-31" },
          "milestones": [ { "kind": "programmeStart", "date": "2022-01-01" } ]
        }
        """;

    private static DocumentResult<ProgrammeYear> Read(string json)
    {
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));
        return ProgrammeYearDocument.Read(stream);
    }

    [Fact]
    public void RoundTrip_BuiltInYears_IsIdentity()
    {
        foreach (ProgrammeYear year in BuiltInTimelines.All)
        {
            Assert.Equal(year, Read(DocumentText.Of(s => ProgrammeYearDocument.Write(s, year, indented: true))).GetValueOrThrow());
        }
    }

    [Fact]
    public void Write_Workshop_UsesCamelCaseEnumsAndIsoTimes()
    {
        string json = DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.NewDirectors2021To22));
        using JsonDocument document = JsonDocument.Parse(json);

        Assert.Equal(
            """{"id":"workshop-1","title":"New Directors virtual workshop 1","kind":"virtualWorkshop","mode":"virtual","dates":{"start":"2021-12-10","end":"2021-12-10"},"startTime":"14:00:00","endTime":"16:00:00","allowNonWorkingDay":false,"isAssumed":false}""",
            document.RootElement.GetProperty("sessions")[0].GetRawText());
    }

    [Fact]
    public void Read_Minimal_IsValid()
    {
        ProgrammeYear year = Read(Minimal).GetValueOrThrow();

        Assert.Equal("y", year.Id);
        Assert.Empty(year.Sessions);
        Assert.Null(year.RequiredTaughtDays);
    }

    [Fact]
    public void Read_NotJson_IsJsonInvalid()
    {
        DocumentProblem problem = Assert.Single(Read("{ \"id\": ").Problems);

        Assert.Equal("json.invalid", problem.Code);
        Assert.Equal("$", problem.Path);
    }

    [Fact]
    public void Read_NoMilestones_IsCollectionEmpty()
    {
        DocumentProblem problem = Assert.Single(Read(Minimal.Replace("""[ { "kind": "programmeStart", "date": "2022-01-01" } ]""", "[]")).Problems);

        Assert.Equal(new DocumentProblem("$.milestones", "collection.empty", "A programme year needs at least one milestone."), problem);
    }

    [Fact]
    public void Read_WindowEndBeforeStart_IsReportedAtTheEnd()
    {
        DocumentProblem problem = Assert.Single(Read(Minimal.Replace("\"end\": \"2022-12-31\"", "\"end\": \"2021-12-31\"")).Problems);

        Assert.Equal(
            new DocumentProblem("$.window.end", "interval.end-before-start", "The \"end\" date must not be before the \"start\" date; both are included."),
            problem);
    }

    [Fact]
    public void Read_EveryProblem_IsReportedWithItsPathAndCode()
    {
        const string Json = """
            {
              "id": "y",
              "name": "",
              "strand": "aspirant",
              "window": { "start": "2022-02-30", "end": "2022-12-31" },
              "requiredTaughtDays": -1,
              "milestones": [ { "kind": "programmeStart", "date": "2022-01-01", "colour": "red" } ],
              "sessions": [
                { "id": "a", "title": "A", "kind": "masterclass", "mode": "virtual", "dates": { "start": "2022-01-14", "end": "2022-01-14" } },
                { "id": "b", "title": "B", "kind": "virtualWorkshop", "mode": "virtual", "dates": { "start": "2022-01-14", "end": "2022-01-14" }, "startTime": "16:00", "endTime": "14:00" },
                { "id": "c", "title": "C", "kind": "residential", "mode": "faceToFace", "dates": { "start": "2022-02-08", "end": "2022-02-07" } },
                { "id": "d", "title": "D", "kind": "taughtDay", "mode": "blended", "dates": { "start": "2022-03-01", "end": "2022-03-01" }, "startTime": "9am" },
                { "title": "E", "kind": "taughtDay", "mode": "blended", "dates": { "start": "2022-03-01", "end": "2022-03-01" }, "isAssumed": "yes" }
              ]
            }
            """;

        DocumentResult<ProgrammeYear> result = Read(Json);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(
            [
                "$.name value.empty",
                "$.strand value.unknown",
                "$.window.start date.invalid",
                "$.requiredTaughtDays value.out-of-range",
                "$.milestones[0].colour property.unknown",
                "$.sessions[0].kind value.unknown",
                "$.sessions[1].endTime time.end-before-start",
                "$.sessions[2].dates.end interval.end-before-start",
                "$.sessions[3].startTime time.invalid",
                "$.sessions[3].endTime time.incomplete",
                "$.sessions[4].id value.required",
                "$.sessions[4].isAssumed value.type-mismatch",
            ],
            result.Problems.Select(p => p.Path + " " + p.Code));
        Assert.Equal(
            "Expected one of: taughtDay, learningVisit, actionLearningSet, leadershipChallenge, virtualWorkshop, residential.",
            result.Problems[5].Message);
    }

    [Fact]
    public void Read_UnknownTopLevelProperty_IsReported()
    {
        DocumentProblem problem = Assert.Single(Read(Minimal.Replace("\"id\": \"y\",", "\"id\": \"y\", \"Name\": \"x\",")).Problems);

        Assert.Equal("$.Name", problem.Path);
        Assert.Equal("property.unknown", problem.Code);
        Assert.Equal("This property is not part of the format; check its spelling.", problem.Message);
    }

    [Fact]
    public void Read_RootNotAnObject_IsTypeMismatch()
    {
        DocumentProblem problem = Assert.Single(Read("[]").Problems);

        Assert.Equal(new DocumentProblem("$", "value.type-mismatch", "Expected a programme-year object, but found an array."), problem);
    }

    [Fact]
    public void Read_ClockChangeTimes_AreReadAndLeftToTheValidator()
    {
        const string Session = """{ "id": "s", "title": "S", "kind": "virtualWorkshop", "mode": "virtual", "dates": { "start": "2022-03-27", "end": "2022-03-27" }, "startTime": "01:30", "endTime": "03:00", "allowNonWorkingDay": true }""";
        string json = Minimal.Replace("\"milestones\":", "\"sessions\": [" + Session + "], \"milestones\":");

        ProgrammeYear year = Read(json).GetValueOrThrow();

        Assert.Equal(["session.time-skipped"], year.Validate(Upon.Core.Calendars.WorkingDayCalendar.EnglandAndWales).Problems.Select(f => f.Code));
    }
}
