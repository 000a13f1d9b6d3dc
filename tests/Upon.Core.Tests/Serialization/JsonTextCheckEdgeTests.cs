using System.Text;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The invalid-text check: a name that only begins like the confidential object's is no such object, a malformed
/// escape is the parser's to report, and a document that is not well-formed gives no text problem.
/// </summary>
public sealed class JsonTextCheckEdgeTests
{
    private const string Monitoring = "equalityMonitoring";

    [Theory]
    [InlineData("""{"equalityMonitoring":{"ethnicity":"\uD800"}}""", "$.equalityMonitoring")]
    [InlineData("""{"Equality_Monitoring":{"ethnicity":"\uD800"}}""", "$.Equality_Monitoring")]
    [InlineData("""{"equalityMonitoringX":{"ethnicity":"\uD800"}}""", "$.equalityMonitoringX.ethnicity")]
    [InlineData("""{"equalityMonitoring2":{"ethnicity":"\uD800"}}""", "$.equalityMonitoring2.ethnicity")]
    [InlineData("""{"xequalityMonitoring":{"ethnicity":"\uD800"}}""", "$.xequalityMonitoring.ethnicity")]
    [InlineData("""{"equality":{"ethnicity":"\uD800"}}""", "$.equality.ethnicity")]
    public void FindInvalid_NamesKeysOnlyOutsideTheConfidentialObject_AndANameLongerThanItsIsNotIt(string json, string path)
    {
        DocumentProblem? problem = JsonTextCheck.FindInvalid(Encoding.UTF8.GetBytes(json), JsonPath.Root, Monitoring);
        Assert.NotNull(problem);
        Assert.Equal(path, problem.Value.Path);
        Assert.Equal(DocumentProblemCodes.TextInvalid, problem.Value.Code);
    }

    [Theory]
    [InlineData("\\u12")]
    [InlineData("\\u12G4")]
    [InlineData("\\uZZZZ")]
    [InlineData("\\uD800\\u12")]
    [InlineData("a\\u")]
    public void HasLoneSurrogateEscape_AMalformedEscape_IsLeftToTheParser(string raw) =>
        Assert.False(JsonTextCheck.HasLoneSurrogateEscape(Encoding.UTF8.GetBytes(raw)));

    [Theory]
    [InlineData("""{"a":"\uD800" """)]
    [InlineData("""["\uD800", """)]
    [InlineData("""{"a":"\uD800"}}""")]
    public void FindInvalid_ADocumentThatIsNotWellFormed_IsLeftToTheParser(string json) =>
        Assert.Null(JsonTextCheck.FindInvalid(Encoding.UTF8.GetBytes(json)));
}
