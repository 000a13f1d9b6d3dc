using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>A JSON Lines body: its lines and the line ends between them (LF or CRLF), with or without a final one.</summary>
public sealed record LinesBody(string[] Lines, string[] Ends, bool FinalEnd)
{
    public string Text => string.Concat(Lines.Select((line, i) => line + (i < Lines.Length - 1 || FinalEnd ? Ends[i] : string.Empty)));

    public override string ToString() => Text;
}

/// <summary>
/// For any JSON Lines body of generated applications mixed with broken lines (not JSON, invalid fields, too large,
/// blank), the endpoint answers exactly one line for each line that is not blank, in order and numbered by its line,
/// each the record <see cref="EligibilityBatch"/> gives in process for the same bytes.
/// </summary>
public sealed class DecisionLinesProperties(PropertyHost host) : IClassFixture<PropertyHost>
{
    [Property]
    public Property JsonLines_AreAnsweredALinePerNonBlankLine_InOrder_EachAsDecidedInProcess() =>
        Prop.ForAll(Bodies(), body =>
        {
            string text = body.Text;
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            string answer = Task.Run(() => PostAsync(utf8)).GetAwaiter().GetResult();

            List<JsonNode> answered = Samples.Lines(answer);
            Assert.Equal(Samples.NonBlankLineNumbers(text), answered.Select(line => (int)line["record"]!));
            Assert.All(answered, line => Assert.True(line["decision"] is null != line["errors"] is null, line.ToJsonString()));
            List<JsonNode> expected = Samples.ExpectedRecords(utf8, new EligibilityBatch(PolicyRegistry.BuiltIn, maxBytes: PropertyHost.MaxApplicationBytes));
            Assert.Equal(expected.Count, answered.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(expected[i], answered[i]), $"Record {i + 1} differs: {answered[i].ToJsonString()}");
            }
        });

    [Property]
    public Property JsonLines_AskedForSummaries_AreAnsweredWithEachRecordsSummary_AsWrittenInProcess() =>
        Prop.ForAll(Bodies(), body =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(body.Text);
            string answer = Task.Run(() => PostAsync(utf8, "return=minimal")).GetAwaiter().GetResult();

            List<JsonNode> answered = Samples.Lines(answer);
            List<JsonNode> expected = Samples.ExpectedRecords(utf8, new EligibilityBatch(PolicyRegistry.BuiltIn, maxBytes: PropertyHost.MaxApplicationBytes), DecisionDetail.Summary);
            Assert.Equal(expected.Count, answered.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(expected[i], answered[i]), $"Record {i + 1} differs: {answered[i].ToJsonString()}");
                Assert.Null(answered[i]["decision"]?["explanation"]);
            }
        });

    private async Task<string> PostAsync(byte[] utf8, string? prefer = null)
    {
        using HttpClient client = host.CreateClient();
        using ByteArrayContent content = new(utf8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-ndjson; charset=utf-8");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(prefer is null ? [] : ["return=minimal"], response.Headers.TryGetValues("Preference-Applied", out IEnumerable<string>? applied) ? applied : []);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Bodies of 1 to 20 applications, 0 to 6 broken lines and 0 to 4 blank ones, shuffled; shrinks by dropping lines.</summary>
    private static Arbitrary<LinesBody> Bodies()
    {
        Gen<LinesBody> bodies =
            from applications in Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Applications(), n))
            from broken in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(BrokenLines(), n))
            from blank in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(string.Empty, " ", "\t", "  \t  "), n))
            from lines in Gen.Shuffle(applications.Concat(broken).Concat(blank))
            from ends in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant("\n")), (1, Gen.Constant("\r\n"))), lines.Length)
            from finalEnd in Gen.Elements(true, false)
            select new LinesBody(lines, ends, finalEnd);
        return Arb.From(bodies, Shrink);
    }

    private static IEnumerable<LinesBody> Shrink(LinesBody body) =>
        body.Lines.Length <= 1
            ? []
            : Enumerable.Range(0, body.Lines.Length).Select(i => body with { Lines = [.. body.Lines.Where((_, k) => k != i)], Ends = [.. body.Ends.Where((_, k) => k != i)] });

    /// <summary>Application documents: eligible, ineligible, near misses and incomplete under each built-in policy, and random ones (mostly of years no policy governs).</summary>
    private static Gen<string> Applications()
    {
        Gen<Application> known = Gen.Elements(BuiltInPolicies.All.ToArray()).SelectMany(policy => Gen.OneOf(
            ApplicationGenerators.Eligible(policy).Generator,
            ApplicationGenerators.Ineligible(IneligibilityReason.ExperienceInsufficient, policy).Generator,
            ApplicationGenerators.Ineligible(IneligibilityReason.ReadinessBeyondWindow, policy).Generator,
            ApplicationGenerators.Ineligible(IneligibilityReason.StatementTooLong, policy).Generator,
            ApplicationGenerators.Ineligible(IneligibilityReason.AssessorNotMet, policy).Generator,
            ApplicationGenerators.NearMisses(policy).Generator,
            ApplicationGenerators.Incomplete(policy).Generator));
        return Gen.Frequency(
            (4, known.Select(a => Samples.Document(a))),
            (1, EligibilityDocumentGenerators.Submissions().Select(s => Samples.Document(s.Application, s.Monitoring))));
    }

    /// <summary>Lines that are no valid application: one defect each, not JSON, not an object, or too large.</summary>
    private static Gen<string> BrokenLines() => Gen.OneOf(
        ApplicationDocumentGenerators.Invalid().Generator.Select(d => d.Json),
        Gen.Elements("not json", "{}", "[]", "null", "42", "\"an application\"", "{\"id\":", "{\"id\": \"A-1\"} {}", "{\"id\": \"A-1\"}}", "\u00e9t\u00e9"),
        Gen.Choose(PropertyHost.MaxApplicationBytes, PropertyHost.MaxApplicationBytes + 2000)
            .Select(n => Samples.Document(new ApplicationBuilder().WithId("A-LARGE").WithStatement(new string('x', n)).Build())));
}
