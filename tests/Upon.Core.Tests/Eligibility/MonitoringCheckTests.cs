using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// A batch checks the equality-monitoring answers without keeping them: the problems are exactly those of the reader
/// that keeps them, whatever the answers are.
/// </summary>
public class MonitoringCheckTests
{
    private static readonly string[] Answers =
    [
        "absent", "null", "\"\"", "\" \"", "\"   \"", "\" x \"", "\"Asian\"", "\"\\t\"", "\"\\u0020\"", "\"\\u00a0\"", "\"\u00a0\"",
        "\"\u2003\"", "\"\\u2003 \"", "\"a\\\"\"", "\"\\\"\"", "5", "true", "{}", "[]", "\"\u00e9\"", "\"\\n\"",
    ];

    private static readonly string[] Fields = ["ethnicity", "disability", "sex", "ageBand", "religion", "sexualOrientation"];

    [Property]
    public Property CheckingTheAnswers_ReportsWhatReadingThemReports() =>
        Prop.ForAll(Arb.From(Gen.Elements(Answers).ArrayOf(Fields.Length)), Arb.From(Gen.Elements(false, true)), (answers, extra) =>
        {
            string monitoring = "{" + string.Join(",", Fields.Zip(answers).Where(p => p.Second != "absent").Select(p => $"\"{p.First}\":{p.Second}").Concat(extra ? ["\"favouriteColour\":\"x\""] : [])) + "}";
            string json = $$"""{"id":"A-1","programmeYear":"2021/22","assessedOn":"2021-06-01","roles":[],"equalityMonitoring":{{monitoring}}}""";
            using JsonDocument document = JsonDocument.Parse(json);
            DocumentResult<ApplicationSubmission> kept = ApplicationDocument.Read(document.RootElement, JsonPath.Root);
            DocumentResult<ApplicationSubmission> checkedOnly = ApplicationDocument.Read(document.RootElement, JsonPath.Root, keepMonitoring: false);
            Assert.Equal(string.Join("\n", kept.Problems), string.Join("\n", checkedOnly.Problems));
            Assert.Equal(kept.IsValid, checkedOnly.IsValid);
            Assert.Null(checkedOnly.Value?.Monitoring);
            Assert.Equal(kept.Value?.Application, checkedOnly.Value?.Application);
        });

    [Fact]
    public void BlankAnswers_AreReportedWhenOnlyChecked()
    {
        using JsonDocument document = JsonDocument.Parse("""{"id":"A-1","programmeYear":"2021/22","assessedOn":"2021-06-01","roles":[],"equalityMonitoring":{"sex":"  ","religion":"\u2003","ageBand":7}}""");
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(document.RootElement, JsonPath.Root, keepMonitoring: false);
        Assert.Equal(
            ["$.equalityMonitoring.sex|value.empty", "$.equalityMonitoring.ageBand|value.type-mismatch", "$.equalityMonitoring.religion|value.empty"],
            read.Problems.Select(p => $"{p.Path}|{p.Code}"));
    }
}
