using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// Found by the fuzz suite (issue 11, F5 and F6): documents that read as valid but held dates at the end of the
/// calendar made the computations behind them throw. The readers now bound their dates, as the application reader
/// always did, so that a document that reads as valid can be computed on and written.
/// </summary>
public sealed class ExtremeDateTests
{
    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2200-01-01")]
    [InlineData("1899-12-31")]
    public void ProgrammeYear_ASessionDateFarOutside1900To2199_IsOutOfRange(string date)
    {
        JsonNode year = JsonNode.Parse(DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.Aspirant2021To22)))!;
        year["sessions"]![1]!["dates"]!["end"] = date;

        DocumentResult<ProgrammeYear> read = ProgrammeYearDocument.Parse(year.ToJsonString());

        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal(("$.sessions[1].dates.end", DocumentProblemCodes.OutOfRange), (problem.Path, problem.Code));
        Assert.Equal("\"end\" must be from 1900-01-01 to 2199-12-31.", problem.Message);
    }

    [Fact]
    public void ProgrammeYear_DatesAtTheEndsOfTheRange_AreReadAndComputedOn()
    {
        JsonNode year = JsonNode.Parse(DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.Aspirant2021To22)))!;
        year["sessions"]![1]!["dates"]!["end"] = "2199-12-31";

        ProgrammeYear read = ProgrammeYearDocument.Parse(year.ToJsonString()).GetValueOrThrow();

        Assert.NotEmpty(TimelineValidator.Validate(read, Upon.Core.Calendars.WorkingDayCalendar.EnglandAndWales).Problems);
        Assert.NotEmpty(IcsExport.ToText(read, NodaTime.Instant.FromUtc(2026, 12, 5, 12, 0)));
    }

    [Theory]
    [InlineData("firstDay", "9999-12-31")]
    [InlineData("firstDay", "0001-01-01")]
    public void Decision_ExperienceFirstDayOutside1900To2199_IsOutOfRange(string property, string date)
    {
        JsonNode decision = ExampleDecision();
        JsonObject experience = Experience(decision);
        experience[property] = date;

        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(decision.ToJsonString());

        Assert.Contains(read.Problems, p => p.Code == DocumentProblemCodes.OutOfRange && p.Path.EndsWith("." + property, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Decision_ExperienceDaysBeyondTheDateRange_IsOutOfRange()
    {
        JsonNode decision = ExampleDecision();
        Experience(decision)["days"] = 2_000_000_000;

        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(decision.ToJsonString());

        Assert.Contains(read.Problems, p => p.Code == DocumentProblemCodes.OutOfRange && p.Path.EndsWith(".days", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Decision_TheLatestFirstDayAndMostDaysAllowed_ReadsAndWritesBack()
    {
        JsonNode decision = ExampleDecision();
        JsonObject experience = Experience(decision);
        experience["firstDay"] = "2199-12-31";
        experience["days"] = EligibilityDates.Range.Length;

        EligibilityDecision read = DecisionDocument.Parse(decision.ToJsonString()).GetValueOrThrow();
        using MemoryStream written = new();
        DecisionDocument.Write(written, read);

        Assert.True(DecisionDocument.Parse(System.Text.Encoding.UTF8.GetString(written.ToArray())).IsValid);
    }

    private static JsonNode ExampleDecision()
    {
        string line = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"))[0];
        Application application = ApplicationDocument.Parse(line).GetValueOrThrow().Application;
        Assert.True(PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision));
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return JsonNode.Parse(stream.ToArray())!;
    }

    /// <summary>The first experience criterion of a decision's explanation, wherever the rule tree puts it.</summary>
    private static JsonObject Experience(JsonNode decision) =>
        Objects(decision).First(o => o.ContainsKey("days") && o.ContainsKey("currentDailyRate"));

    private static System.Collections.Generic.IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (JsonNode? child in obj.Select(p => p.Value).ToList())
            {
                foreach (JsonObject inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? child in array.ToList())
            {
                foreach (JsonObject inner in Objects(child))
                {
                    yield return inner;
                }
            }
        }
    }
}
