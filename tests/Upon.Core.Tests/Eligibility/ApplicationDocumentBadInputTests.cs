using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Bad application documents: every problem is reported in one read, each with its exact JSON path and
/// stable code, never an exception, and never a value of the document in a message.
/// </summary>
public sealed class ApplicationDocumentBadInputTests
{
    private const string Valid =
        """
        {
          "id": "A-1",
          "programmeYear": "2021/22",
          "assessedOn": "2021-06-01",
          "roles": [
            { "title": "Assistant Director", "organisation": "Northshire", "organisationType": "localAuthority", "sector": "childrensServices", "level": "assistantDirector", "start": "2017-09-04" },
            { "title": "Service Manager", "organisation": "Northshire", "organisationType": "localAuthority", "sector": "childrensServices", "level": "serviceManager", "start": "2014-04-01", "end": "2017-09-03", "partTimeFraction": 0.5, "acting": false }
          ],
          "readyBy": "2023-09-01",
          "moralPurposeStatement": "Children first.",
          "sponsor": { "name": "Sam Sponsor", "role": "DCS", "organisation": "Northshire" },
          "assessorOutcomes": { "moralPurpose": "met" },
          "equalityMonitoring": { "ethnicity": "white-british", "disability": "no" }
        }
        """;

    [Theory]
    [InlineData("\"equalityMonitoring\": { \"ethnicity\": \"white-british\", \"disability\": \"no\" }", "\"equalityMonitoring\": { \"ethnicity\": \"white-british\", \"x\": 1 }", "$.equalityMonitoring", "A property of the equality-monitoring answers is not part of the format (its only properties are ethnicity, disability, sex, ageBand, religion, sexualOrientation); names here are not repeated, since they may be answers.")]
    [InlineData("\"equalityMonitoring\": { \"ethnicity\": \"white-british\", \"disability\": \"no\" }", "\"equalityMonitoring\": { \"x\": 1, \"y\": 2 }", "$.equalityMonitoring", "2 properties of the equality-monitoring answers are not part of the format (its only properties are ethnicity, disability, sex, ageBand, religion, sexualOrientation); names here are not repeated, since they may be answers.")]
    [InlineData("\"partTimeFraction\": 0.5", "\"partTimeFraction\": 0", "$.roles[1].partTimeFraction", "\"partTimeFraction\" must be above 0 and at most 1.")]
    [InlineData("\"partTimeFraction\": 0.5", "\"partTimeFraction\": \"half\"", "$.roles[1].partTimeFraction", "Expected a number, but found a string.")]
    [InlineData("\"id\": \"A-1\"", "\"id\": {}", "$.id", "Expected a string, but found an object.")]
    [InlineData("\"id\": \"A-1\"", "\"id\": true", "$.id", "Expected a string, but found a boolean.")]
    [InlineData("\"id\": \"A-1\"", "\"id\": [1]", "$.id", "Expected a string, but found an array.")]
    [InlineData("\"moralPurpose\": \"met\"", "\"moralPurpose\": 3", "$.assessorOutcomes.moralPurpose", "Expected a string, but found a number.")]
    [InlineData("\"roles\": [", "\"roles\": [null, ", "$.roles[0]", "Expected a role object, but found null.")]
    [InlineData("\"sponsor\": {", "\"sponsor\": [], \"x\": {", "$.x", "This property is not part of the format; check its spelling. | $.sponsor: Expected a sponsor object, but found an array.")]
    public void Problems_AreWordedExactly(string part, string replacement, string path, string message)
    {
        DocumentResult<ApplicationSubmission> read = Read(Valid.Replace(part, replacement, StringComparison.Ordinal));

        Assert.Equal($"{path}: {message}", string.Join(" | ", read.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }

    [Fact]
    public void Valid_TheBaseDocumentOfTheseTests_IsValid()
    {
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(Valid);

        Assert.Empty(read.Problems);
        Assert.Equal(2, read.Value!.Application.Roles.Length);
        Assert.Equal(0.5m, read.Value.Application.Roles[1].PartTimeFraction);
        Assert.Equal("white-british", read.Value.Monitoring!.Ethnicity);
    }

    [Theory]
    [InlineData("{\"id\": ")]
    [InlineData("{\"id\": \"A-1\",}")]
    [InlineData("{\"id\": 'A-1'}")]
    [InlineData("{\"id\": \"A-1\"} {}")]
    [InlineData("{\"id\": \"A-1\"")]
    public void Malformed_IsOneJsonInvalidProblemAtTheRoot(string json)
    {
        AssertProblems(json, ("$", DocumentProblemCodes.JsonInvalid));
        AssertProblems(Read(json), ("$", DocumentProblemCodes.JsonInvalid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("\uFEFF")]
    public void Empty_IsOneDocumentEmptyProblemAtTheRoot(string json)
    {
        AssertProblems(json, ("$", DocumentProblemCodes.DocumentEmpty));
        AssertProblems(Read(json), ("$", DocumentProblemCodes.DocumentEmpty));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"an application\"")]
    [InlineData("[{\"id\": \"A-1\"}]")]
    public void RootNotAnObject_IsATypeMismatchAtTheRoot(string json) =>
        AssertProblems(json, ("$", DocumentProblemCodes.TypeMismatch));

    [Fact]
    public void WrongTypes_AreAllReportedInOneRead() =>
        AssertProblems(
            Mutate(root =>
            {
                root["id"] = 42;
                root["assessedOn"] = 20210601;
                root["readyBy"] = new JsonArray();
                root["moralPurposeStatement"] = false;
                Role(root, 0)["start"] = true;
                Role(root, 0)["acting"] = "yes";
                Role(root, 1)["partTimeFraction"] = "0.5";
                Role(root, 1)["level"] = 5;
                root["sponsor"] = "Sam";
                root["equalityMonitoring"]!["ethnicity"] = 3;
            }),
            ("$.id", DocumentProblemCodes.TypeMismatch),
            ("$.assessedOn", DocumentProblemCodes.TypeMismatch),
            ("$.readyBy", DocumentProblemCodes.TypeMismatch),
            ("$.moralPurposeStatement", DocumentProblemCodes.TypeMismatch),
            ("$.roles[0].start", DocumentProblemCodes.TypeMismatch),
            ("$.roles[0].acting", DocumentProblemCodes.TypeMismatch),
            ("$.roles[1].partTimeFraction", DocumentProblemCodes.TypeMismatch),
            ("$.roles[1].level", DocumentProblemCodes.TypeMismatch),
            ("$.sponsor", DocumentProblemCodes.TypeMismatch),
            ("$.equalityMonitoring.ethnicity", DocumentProblemCodes.TypeMismatch));

    [Fact]
    public void RolesNotAnArray_AndARoleNotAnObject_AreTypeMismatches()
    {
        AssertProblems(Mutate(root => root["roles"] = new JsonObject()), ("$.roles", DocumentProblemCodes.TypeMismatch));
        AssertProblems(Mutate(root => root["roles"]!.AsArray().Add("a role")), ("$.roles[2]", DocumentProblemCodes.TypeMismatch));
    }

    [Fact]
    public void UnknownProperties_AtTheRootAndInARole_AreReportedSoTyposDoNotPass() =>
        AssertProblems(
            Mutate(root =>
            {
                Rename(root, "assessedOn", "assesedOn");
                Rename(Role(root, 1), "organisation", "orgnisation");
                Role(root, 0)["Acting"] = true;
                root["sponsor"]!["email"] = "sam@example.org";
                root["equalityMonitoring"]!["gender"] = "x";
                root["assessorOutcomes"]!["moralpurpose"] = "met";
            }),
            ("$.assesedOn", DocumentProblemCodes.UnknownProperty),
            ("$.assessedOn", DocumentProblemCodes.Required),
            ("$.roles[0].Acting", DocumentProblemCodes.UnknownProperty),
            ("$.roles[1].orgnisation", DocumentProblemCodes.UnknownProperty),
            ("$.roles[1].organisation", DocumentProblemCodes.Required),
            ("$.sponsor.email", DocumentProblemCodes.UnknownProperty),
            ("$.equalityMonitoring", DocumentProblemCodes.UnknownProperty),
            ("$.assessorOutcomes.moralpurpose", DocumentProblemCodes.UnknownProperty));

    [Fact]
    public void UnknownPropertyWithAnOddName_HasAnEscapedPath() =>
        AssertProblems(Mutate(root => root["it's \\ odd"] = 1), ("$['it\\'s \\\\ odd']", DocumentProblemCodes.UnknownProperty));

    [Fact]
    public void MissingRequired_AtTheRoot_EachReported() =>
        AssertProblems(
            "{}",
            ("$.id", DocumentProblemCodes.Required),
            ("$.programmeYear", DocumentProblemCodes.Required),
            ("$.assessedOn", DocumentProblemCodes.Required),
            ("$.roles", DocumentProblemCodes.Required));

    [Fact]
    public void MissingRequired_InARoleAndTheSponsor_EachReported() =>
        AssertProblems(
            Mutate(root =>
            {
                root["roles"]!.AsArray().Add(new JsonObject());
                root["sponsor"] = new JsonObject { ["name"] = "Sam" };
                root["id"] = null;
            }),
            ("$.id", DocumentProblemCodes.Required),
            ("$.roles[2].title", DocumentProblemCodes.Required),
            ("$.roles[2].organisation", DocumentProblemCodes.Required),
            ("$.roles[2].organisationType", DocumentProblemCodes.Required),
            ("$.roles[2].sector", DocumentProblemCodes.Required),
            ("$.roles[2].level", DocumentProblemCodes.Required),
            ("$.roles[2].start", DocumentProblemCodes.Required),
            ("$.sponsor.role", DocumentProblemCodes.Required),
            ("$.sponsor.organisation", DocumentProblemCodes.Required));

    [Fact]
    public void EmptyStrings_WhereTextIsRequired_AreEmptyProblems_ButAnEmptyStatementIsAllowed()
    {
        AssertProblems(
            Mutate(root =>
            {
                root["id"] = " ";
                Role(root, 0)["title"] = string.Empty;
            }),
            ("$.id", DocumentProblemCodes.Empty),
            ("$.roles[0].title", DocumentProblemCodes.Empty));
        Assert.Equal(string.Empty, ApplicationDocument.Parse(Mutate(root => root["moralPurposeStatement"] = string.Empty)).GetValueOrThrow().Application.MoralPurposeStatement);
    }

    [Fact]
    public void EndBeforeStart_IsReportedAtTheRolesEnd() =>
        AssertProblems(
            Mutate(root =>
            {
                Role(root, 1)["end"] = "2014-03-31";
                Role(root, 0)["end"] = "2017-09-04";
            }),
            ("$.roles[1].end", DocumentProblemCodes.EndBeforeStart));

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("2021-13-01")]
    [InlineData("2021-6-1")]
    [InlineData("01/06/2021")]
    [InlineData("2021-06-01T00:00:00")]
    [InlineData("")]
    [InlineData("10000-01-01")]
    public void InvalidDate_IsDateInvalidWhereverItIs(string date) =>
        AssertProblems(
            Mutate(root =>
            {
                root["assessedOn"] = date;
                root["readyBy"] = date;
                Role(root, 0)["start"] = date;
                Role(root, 1)["end"] = date;
            }),
            ("$.assessedOn", DocumentProblemCodes.DateInvalid),
            ("$.readyBy", DocumentProblemCodes.DateInvalid),
            ("$.roles[0].start", DocumentProblemCodes.DateInvalid),
            ("$.roles[1].end", DocumentProblemCodes.DateInvalid));

    [Theory]
    [InlineData("childrenServices")]
    [InlineData("ChildrensServices")]
    [InlineData("childrens-services")]
    [InlineData("")]
    public void UnknownEnumNames_AreValueUnknown(string name) =>
        AssertProblems(
            Mutate(root =>
            {
                Role(root, 0)["sector"] = name;
                Role(root, 0)["level"] = name;
                Role(root, 1)["organisationType"] = name;
                root["assessorOutcomes"]!["experience"] = name;
            }),
            ("$.roles[0].sector", DocumentProblemCodes.UnknownValue),
            ("$.roles[0].level", DocumentProblemCodes.UnknownValue),
            ("$.roles[1].organisationType", DocumentProblemCodes.UnknownValue),
            ("$.assessorOutcomes.experience", DocumentProblemCodes.UnknownValue));

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("-0.5")]
    [InlineData("1.0000000001")]
    public void PartTimeFractionOutsideZeroToOne_IsOutOfRange(string fraction) =>
        AssertProblems(
            Mutate(root => Role(root, 1)["partTimeFraction"] = JsonNode.Parse(fraction)),
            ("$.roles[1].partTimeFraction", DocumentProblemCodes.OutOfRange));

    [Theory]
    [InlineData("1")]
    [InlineData("0.001")]
    [InlineData("1e-3")]
    public void PartTimeFractionWithinZeroToOne_IsAccepted(string fraction) =>
        Assert.Empty(ApplicationDocument.Parse(Mutate(root => Role(root, 1)["partTimeFraction"] = JsonNode.Parse(fraction))).Problems);

    [Theory]
    [InlineData("2021/23")]
    [InlineData("2021-22")]
    [InlineData("21/22")]
    [InlineData("2021/2022")]
    [InlineData("0000/01")]
    [InlineData("２０２１/22")]
    [InlineData("")]
    public void BadProgrammeYear_IsProgrammeYearInvalid(string year) =>
        AssertProblems(
            Mutate(root => root["programmeYear"] = year),
            ("$.programmeYear", string.IsNullOrEmpty(year) ? DocumentProblemCodes.Empty : EligibilityProblemCodes.ProgrammeYearInvalid));

    [Fact]
    public void ManyProblems_AreAllReportedInDocumentOrderInOneRead()
    {
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(Mutate(root =>
        {
            root["programmeYear"] = "2021/23";
            root["extra"] = 1;
            Role(root, 0)["sector"] = "childrenServices";
            Role(root, 0)["start"] = "2017-02-30";
            Role(root, 1)["end"] = "2010-01-01";
            Role(root, 1)["partTimeFraction"] = 0;
        }));

        Assert.False(read.IsValid);
        Assert.Null(read.Value);
        Assert.Equal(
            [
                "$.extra property.unknown",
                "$.programmeYear programme-year.invalid",
                "$.roles[0].sector value.unknown",
                "$.roles[0].start date.invalid",
                "$.roles[1].partTimeFraction value.out-of-range",
                "$.roles[1].end date.end-before-start",
            ],
            read.Problems.Select(p => $"{p.Path} {p.Code}"));
    }

    [Fact]
    public void TooLarge_IsOneProblem_AndADocumentOfExactlyTheLimitIsRead()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Valid);

        AssertProblems(ApplicationDocument.Read(new MemoryStream(utf8), maxBytes: 100), ("$", DocumentProblemCodes.DocumentTooLarge));
        AssertProblems(ApplicationDocument.Read(new MemoryStream(utf8), maxBytes: utf8.Length - 1), ("$", DocumentProblemCodes.DocumentTooLarge));
        Assert.Empty(ApplicationDocument.Read(new MemoryStream(utf8), maxBytes: utf8.Length).Problems);
    }

    [Fact]
    public void TooLarge_IsFoundWithoutReadingTheWholeStream()
    {
        EndlessStream endless = new((byte)' ');

        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(endless, maxBytes: 1000);

        AssertProblems(read, ("$", DocumentProblemCodes.DocumentTooLarge));
        Assert.InRange(endless.BytesRead, 1001, 200_000);
    }

    [Fact]
    public void Read_ChecksItsArguments()
    {
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Read(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationDocument.Read(new MemoryStream(), maxBytes: 0));
        Assert.Throws<ArgumentNullException>(() => ApplicationDocument.Parse(null!));
    }

    [Property]
    public Property Messages_NeverContainAValueOfTheDocument()
    {
        Gen<string> secret = Secret();
        Gen<(string Json, string[] Secrets, (string Path, string Code)[] Expected)> documents =
            from application in Applications(secret, secret, secret, maxRoles: 3).Where(a => a.Roles.Length > 0)
            from monitoring in Monitoring(secret)
            from faultSecrets in Gen.ArrayOf(secret, Faults.Length)
            from mask in Gen.Choose(1, (1 << Faults.Length) - 1)
            select Fault(application, monitoring, faultSecrets, mask);

        return Prop.ForAll(Arb.From(documents), document =>
        {
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(document.Json);

            Assert.False(read.IsValid);
            Assert.Equal(
                document.Expected.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal),
                read.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
            foreach (DocumentProblem problem in read.Problems)
            {
                foreach (string value in document.Secrets)
                {
                    // The path names the property (an unknown one included), but never holds a value.
                    Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
                    Assert.DoesNotContain(value, problem.Path, StringComparison.Ordinal);
                }
            }
        });
    }

    /// <summary>The faults the privacy property injects: each changes one field, whatever the others do, and its expected problem.</summary>
    private static readonly (Action<JsonObject, string> Apply, string Path, string Code)[] Faults =
    [
        ((root, s) => root[s] = s + "V", "$.{0}", DocumentProblemCodes.UnknownProperty),
        ((root, s) => Role(root, 0)[s] = s + "V", "$.roles[0].{0}", DocumentProblemCodes.UnknownProperty),
        ((root, s) => root["assessedOn"] = s, "$.assessedOn", DocumentProblemCodes.DateInvalid),
        ((root, s) => Role(root, 0)["start"] = s, "$.roles[0].start", DocumentProblemCodes.DateInvalid),
        ((root, s) => Role(root, 0)["organisationType"] = s, "$.roles[0].organisationType", DocumentProblemCodes.UnknownValue),
        ((root, s) => Role(root, 0)["sector"] = s, "$.roles[0].sector", DocumentProblemCodes.UnknownValue),
        ((root, s) => Role(root, 0)["level"] = s, "$.roles[0].level", DocumentProblemCodes.UnknownValue),
        ((root, s) => root["programmeYear"] = s, "$.programmeYear", EligibilityProblemCodes.ProgrammeYearInvalid),
        ((root, _) => Role(root, 0)["partTimeFraction"] = 1.5m, "$.roles[0].partTimeFraction", DocumentProblemCodes.OutOfRange),
        ((root, _) => root["id"] = 42, "$.id", DocumentProblemCodes.TypeMismatch),
        ((root, _) => Role(root, 0).Remove("title"), "$.roles[0].title", DocumentProblemCodes.Required),
        ((root, s) => root["readyBy"] = s, "$.readyBy", DocumentProblemCodes.DateInvalid),
        ((root, _) => MonitoringOf(root)["ethnicity"] = 7, "$.equalityMonitoring.ethnicity", DocumentProblemCodes.TypeMismatch),
        ((root, s) => MonitoringOf(root)[s] = s + "V", "$.equalityMonitoring", DocumentProblemCodes.UnknownProperty),
        ((root, s) => root["assessorOutcomes"] = new JsonObject { ["readiness"] = s }, "$.assessorOutcomes.readiness", DocumentProblemCodes.UnknownValue),
    ];

    private static (string Json, string[] Secrets, (string Path, string Code)[] Expected) Fault(
        Application application, EqualityMonitoring monitoring, string[] faultSecrets, int mask)
    {
        JsonObject root = JsonNode.Parse(Json(application, monitoring))!.AsObject();
        List<(string Path, string Code)> expected = [];
        for (int i = 0; i < Faults.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                Faults[i].Apply(root, faultSecrets[i]);
                expected.Add((string.Format(System.Globalization.CultureInfo.InvariantCulture, Faults[i].Path, faultSecrets[i]), Faults[i].Code));
            }
        }

        // Every free-text value and every faulty value was drawn from Secret(): collect them all from the document.
        string[] secrets = [.. ValuesOf(root).Where(s => s.StartsWith('Q'))];
        Assert.NotEmpty(secrets);
        return (root.ToJsonString(), secrets, [.. expected]);
    }

    private static IEnumerable<string> ValuesOf(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => ValuesOf(p.Value)),
        JsonArray array => array.SelectMany(ValuesOf),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => [],
    };

    private static JsonObject Role(JsonObject root, int index) => root["roles"]![index]!.AsObject();

    private static JsonObject MonitoringOf(JsonObject root)
    {
        if (root["equalityMonitoring"] is not JsonObject monitoring)
        {
            monitoring = [];
            root["equalityMonitoring"] = monitoring;
        }

        return monitoring;
    }

    private static void Rename(JsonObject obj, string from, string to)
    {
        JsonNode? value = obj[from];
        obj.Remove(from);
        obj[to] = value?.DeepClone();
    }

    private static string Mutate(Action<JsonObject> change)
    {
        JsonObject root = JsonNode.Parse(Valid)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static DocumentResult<ApplicationSubmission> Read(string json) =>
        ApplicationDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static void AssertProblems(string json, params (string Path, string Code)[] expected) =>
        AssertProblems(ApplicationDocument.Parse(json), expected);

    private static void AssertProblems(DocumentResult<ApplicationSubmission> read, params (string Path, string Code)[] expected)
    {
        Assert.False(read.IsValid);
        Assert.Null(read.Value);
        Assert.Equal(
            expected.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal),
            read.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
        Assert.All(read.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    /// <summary>A stream that never ends, counting the bytes read from it.</summary>
    private sealed class EndlessStream(byte fill) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill(fill);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
