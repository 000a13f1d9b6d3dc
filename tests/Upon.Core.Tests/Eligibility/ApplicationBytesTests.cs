using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// A batch reads applications for their decisions straight from their bytes (<see cref="ApplicationBytes"/>) and falls
/// back to the document reader for any it does not take: the results are those of the document reader alone, record by
/// record, decisions and problems word for word, on realistic applications and on every kind of damage to them.
/// </summary>
public class ApplicationBytesTests
{
    private const string Mark = "@@MARK@@";

    private static readonly EligibilityBatch FromBytes = new(PolicyRegistry.BuiltIn);

    private static readonly EligibilityBatch Parsed = new(PolicyRegistry.BuiltIn) { ReadsBytes = false };

    /// <summary>Realistic applications (the benchmarks' corpus), each as a line of JSON.</summary>
    private static readonly string[] CorpusLines =
        [.. Encoding.UTF8.GetString(ApplicationCorpus.GenerateJsonLines(300, 7)).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>JSON values that a reader must treat with care, as raw JSON text (escapes included).</summary>
    private static readonly string[] RawValues =
    [
        "null", "\"\"", "\"   \"", "\"\\u00a0\"", "\"\u00a0\"", "\"\\t\"", "\" \\n\"", "\"\\u2028\\u3000\"", "\"x\u0085\"", "\"\\u0020x\"", "\"x\"",
        "0", "1", "0.5", "1.0", "1e0", "5E-1", "-0", "0.000", "1.0000000000000000000000000001", "0.0000000000000000000000000001", "1e400", "-0.5", "2",
        "true", "false", "{}", "[]", "[{}]", "{\"a\":1}",
        "\"2020-01-01\"", "\"2020-02-30\"", "\"2020-02-29\"", "\"1899-12-31\"", "\"1900-01-01\"", "\"2199-12-31\"", "\"2200-01-01\"", "\"+2020-01-01\"",
        "\"2020-1-1\"", "\"20\\u00320-01-01\"", "\"2020-01-01T00:00\"", "\" 2020-01-01\"", "\"0000-01-01\"",
        "\"director\"", "\"Director\"", "\"dir\\u0065ctor\"", "\"localAuthority\"", "\"education\"", "\"childrensServices\"", "\"met\"", "\"notMet\"", "\"Met\"",
        "\"2021/22\"", "\"2021/23\"", "\"2021\\/22\"", "\"2024/25\"", "\"1999/00\"",
        "\"\\uD800\"", "\"\\uD83D\\uDE00\"", "\"a\\uDC00\"", "\"\\uD83D\\n\"", "\"\\u0027\"", "\"it\\u2019s \\\" \\\\ \\/ done\"", "\"one two\\nthree\\tfour\"",
    ];

    private static readonly string[] ExtraNames = ["Id", "roles ", "comment", "equalityMonitoring", "title", "\\u0069d", "sponsor", "acting", "ethnicity", "White British"];

    [Property(MaxTest = 1000)]
    public Property Evaluate_FromBytes_GivesWhatTheDocumentReaderGives_OnDamagedApplications() =>
        Prop.ForAll(Arb.From(Batches()), batch =>
        {
            foreach (BatchFormat format in (BatchFormat[])[BatchFormat.JsonLines, BatchFormat.Auto])
            {
                Assert.Equal(Describe(Parsed, batch.Lines, format), Describe(FromBytes, batch.Lines, format));
            }

            Assert.Equal(Describe(Parsed, batch.Array, BatchFormat.JsonArray), Describe(FromBytes, batch.Array, BatchFormat.JsonArray));
            Assert.Equal(Describe(Parsed, batch.Single, BatchFormat.Auto), Describe(FromBytes, batch.Single, BatchFormat.Auto));
        });

    [Property(MaxTest = 1000)]
    public Property EvaluateAsync_FromBytes_GivesWhatTheDocumentReaderGives() =>
        Prop.ForAll(Arb.From(Batches()), Arb.From(Gen.Choose(1, 300)), (batch, chunk) =>
            Assert.Equal(
                Describe(Parsed, batch.Lines, BatchFormat.JsonLines),
                Describe(FromBytes.EvaluateAsync(new ChunkedStream(batch.Lines, chunk, int.MaxValue), BatchFormat.JsonLines).ToBlockingEnumerable())));

    [Property(MaxTest = 1000)]
    public Property TryRead_TakesEveryApplicationTheGeneratorsWrite() =>
        Prop.ForAll(Arb.From(EligibilityDocumentGenerators.Submissions()), submission =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(EligibilityDocumentGenerators.Json(submission.Application, submission.Monitoring));
            Assert.True(new ApplicationBytes().TryRead(bytes, out Application? read));
            Assert.Equal(submission.Application.Id, read.Id);
            Assert.Equal(submission.Application.Roles.Length, read.Roles.Length);
            Assert.Equal(StatementRule.CountWords(submission.Application.MoralPurposeStatement), read.StatementWords);
            Assert.Equal(Describe(Parsed, bytes, BatchFormat.Auto), Describe(FromBytes, bytes, BatchFormat.Auto));
        });

    [Fact]
    public void TryRead_TakesTheWholeCorpus_AndKeepsNoPersonalText()
    {
        ApplicationBytes reader = new();
        foreach (string line in CorpusLines)
        {
            Assert.True(reader.TryRead(Encoding.UTF8.GetBytes(line), out Application? application), line[..40]);
            Assert.Null(application.MoralPurposeStatement);
            Assert.Null(application.Sponsor);
            Assert.All(application.Roles, role => Assert.Equal((string.Empty, string.Empty), (role.Title, role.Organisation)));
        }
    }

    [Property(MaxTest = 1000)]
    public Property TryRead_TakesApplicationsWithComments_AndDecidesThemAsWithout() =>
        Prop.ForAll(
            Arb.From(
                from line in Gen.Elements(CorpusLines)
                from every in Gen.Choose(1, 12)
                from comment in Gen.Elements("/* c */", "/**/", "// to the end of the line\n", "/* a // b, \"c\": [1] */")
                select (Plain: line, Commented: WithComments(line, every, comment))),
            pair =>
            {
                // The reader tries first without comments (faster) and reads again, skipping them, when it meets one.
                byte[] commented = Encoding.UTF8.GetBytes(pair.Commented);
                bool taken = new ApplicationBytes().TryRead(commented, out Application? application);
                byte[] array = Encoding.UTF8.GetBytes("[" + pair.Commented + "]");
                return taken
                    && Describe(FromBytes, array, BatchFormat.JsonArray).SequenceEqual(Describe(Parsed, array, BatchFormat.JsonArray))
                    && PolicyRegistry.BuiltIn.TryDecide(application!, out EligibilityDecision? withComments)
                    && PolicyRegistry.BuiltIn.TryDecide(Read(pair.Plain), out EligibilityDecision? without)
                    && Json(withComments) == Json(without);
            });

    [Theory]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]}""", true, true)]
    [InlineData("""{"roles":[],"assessedOn":"2021-12-01","programmeYear":"2021/22","id":"A"}""", true, true)]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[],"readyBy":null,"sponsor":null,"moralPurposeStatement":null}""", true, true)]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]} /* done */""", true, true)]
    [InlineData("""{"id":"Children\u0027s","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[],"moralPurposeStatement":"I \u2019m \ud83d\ude00 here\nnow"}""", true, true)]
    [InlineData("""{"id":"A","id":"B","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]}""", false, true)]
    [InlineData("""{"\u0069d":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]}""", false, true)]
    [InlineData("""{"id":"\uD800","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]}""", false, false)]
    [InlineData("""{"id":"\u00a0","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]}""", false, false)]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"+2021-12-01","roles":[]}""", false, false)]
    [InlineData("""{"id":"A","programmeYear":"2021/23","assessedOn":"2021-12-01","roles":[]}""", false, false)]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01"}""", false, false)]
    [InlineData("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[]} {}""", false, false)]
    public void TryRead_TakesOnlyWhatTheDocumentReaderReadsWithoutAProblem(string json, bool taken, bool valid)
    {
        // Some valid documents are declined (a name with an escape, a property given twice): the document reader reads them.
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(taken, new ApplicationBytes().TryRead(bytes, out _));
        Assert.Equal(valid, ApplicationDocument.Read(new MemoryStream(bytes)).IsValid);
        Assert.Equal(Describe(Parsed, bytes, BatchFormat.Auto), Describe(FromBytes, bytes, BatchFormat.Auto));
    }

    [Theory]
    [InlineData("\\t")]
    [InlineData("\\u0020")]
    [InlineData(" \\n ")]
    [InlineData("\u00a0")]
    [InlineData("   ")]
    public void BlankMonitoringAnswer_IsAProblem_OnBothPaths(string answer)
    {
        // Checked, not kept: the batch reports a blank answer as the document reader does, whichever path reads it.
        byte[] bytes = Encoding.UTF8.GetBytes($$$"""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[],"equalityMonitoring":{"sex":"x","ethnicity":"{{{answer}}}"}}""");

        foreach (EligibilityBatch batch in (EligibilityBatch[])[FromBytes, Parsed])
        {
            RecordResult<EligibilityDecision> result = Assert.Single(batch.Evaluate(new MemoryStream(bytes)));
            DocumentProblem problem = Assert.Single(result.Problems);
            Assert.Equal(("$.equalityMonitoring.ethnicity", DocumentProblemCodes.Empty), (problem.Path, problem.Code));
        }
    }

    [Fact]
    public void PartOfTheMonitoringAnswers_IsNoProblem_OnBothPaths()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"id":"A","programmeYear":"2021/22","assessedOn":"2021-12-01","roles":[],"equalityMonitoring":{"sex":"x","ageBand":null}}""");

        Assert.All((EligibilityBatch[])[FromBytes, Parsed], batch => Assert.True(Assert.Single(batch.Evaluate(new MemoryStream(bytes))).IsValid));
    }

    /// <summary>A few applications, some damaged, as JSON Lines, as an array, and the first alone.</summary>
    private static Gen<(byte[] Lines, byte[] Array, byte[] Single)> Batches() =>
        from lines in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Line(), n))
        select (
            Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"),
            Encoding.UTF8.GetBytes("[" + string.Join(",\n", lines) + "]"),
            Encoding.UTF8.GetBytes(lines[0]));

    private static Gen<string> Line() =>
        from source in Gen.Frequency(
            (3, Gen.Elements(CorpusLines)),
            (1, EligibilityDocumentGenerators.Submissions().Select(s => EligibilityDocumentGenerators.Json(s.Application, s.Monitoring))))
        from damage in Gen.Choose(0, 11)
        from seed in Gen.Choose(0, int.MaxValue)
        select Damage(source, damage, new Random(seed));

    /// <summary>One kind of damage to an application's JSON, or none.</summary>
    private static string Damage(string json, int kind, Random random)
    {
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        List<(JsonObject Parent, string Name)> properties = [];
        Collect(root, properties);
        (JsonObject parent, string name) = properties[random.Next(properties.Count)];
        JsonSerializerOptions options = new() { Encoder = random.Next(2) == 0 ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string raw = RawValues[random.Next(RawValues.Length)];
        switch (kind)
        {
            case 0:
            case 1:
                parent[name] = Mark;
                return root.ToJsonString(options).Replace($"\"{Mark}\"", raw, StringComparison.Ordinal);
            case 2:
                parent.Remove(name);
                return root.ToJsonString(options);
            case 3:
                // The property again, with another value, at the end of its object.
                parent[name + Mark] = Mark;
                return root.ToJsonString(options).Replace($"{Mark}\":\"{Mark}\"", $"\":{raw}", StringComparison.Ordinal);
            case 4:
                parent[Mark] = Mark;
                return root.ToJsonString(options).Replace($"\"{Mark}\":\"{Mark}\"", $"\"{ExtraNames[random.Next(ExtraNames.Length)]}\":{raw}", StringComparison.Ordinal);
            case 5:
                // The name written with an escape, which means the same name.
                string text = root.ToJsonString(options);
                int at = text.IndexOf($"\"{name}\":", StringComparison.Ordinal);
                return text[..(at + 1)] + $"\\u{(int)name[0]:x4}" + text[(at + 2)..];
            case 6:
                // The properties of one object in reverse order.
                List<KeyValuePair<string, JsonNode?>> reversed = [.. parent.Reverse()];
                parent.Clear();
                foreach ((string key, JsonNode? value) in reversed)
                {
                    parent[key] = value;
                }

                return root.ToJsonString(options);
            case 7:
                string whole = root.ToJsonString(options);
                int cut = random.Next(whole.Length);
                string with = new[] { "{", "}", "[", "]", "\"", ",", ":", " ", "/*c*/", "\\", "x", "\u00ff", "\t" }[random.Next(13)];
                return random.Next(3) switch
                {
                    0 => whole[..cut] + with + whole[(cut + 1)..],
                    1 => whole[..cut] + with + whole[cut..],
                    _ => whole[..cut] + whole[(cut + 1)..],
                };
            case 8:
                return root.ToJsonString(options) + new[] { " ", " x", " {}", " // c", "/* c */", ",", "\t" }[random.Next(7)];
            default:
                return root.ToJsonString(options);
        }
    }

    private static void Collect(JsonNode node, List<(JsonObject Parent, string Name)> properties)
    {
        if (node is JsonObject obj)
        {
            foreach ((string name, JsonNode? value) in obj)
            {
                properties.Add((obj, name));
                if (value is not null)
                {
                    Collect(value, properties);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                if (item is not null)
                {
                    Collect(item, properties);
                }
            }
        }
    }

    /// <summary>The line with <paramref name="comment"/> after every <paramref name="every"/>-th comma outside strings, and before the document.</summary>
    private static string WithComments(string line, int every, string comment)
    {
        StringBuilder commented = new(comment);
        bool inString = false;
        int commas = 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            commented.Append(c);
            if (inString)
            {
                inString = c != '"';
                i += c == '\\' ? 1 : 0;
                commented.Append(c == '\\' ? line[i].ToString() : "");
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == ',' && ++commas % every == 0)
            {
                commented.Append(comment);
            }
        }

        return commented.ToString();
    }

    private static Application Read(string line)
    {
        Assert.True(new ApplicationBytes().TryRead(Encoding.UTF8.GetBytes(line), out Application? application));
        return application;
    }

    private static List<string> Describe(EligibilityBatch batch, byte[] bytes, BatchFormat format) =>
        Describe(batch.Evaluate(new MemoryStream(bytes), format));

    private static List<string> Describe(IEnumerable<RecordResult<EligibilityDecision>> records) =>
        [.. records.Select(r => $"{r.RecordNumber}|{string.Join(";", r.Problems)}|{(r.IsValid ? Json(r.Value) : "-")}")];

    private static string Json(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
