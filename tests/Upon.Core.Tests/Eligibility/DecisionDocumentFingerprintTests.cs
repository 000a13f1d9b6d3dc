using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// <see cref="DecisionDocument"/> and fingerprints: written when a decision has one, read back equal, absent from older
/// documents (which stay readable), and every damaged part reported at its path with its code and no input value.
/// </summary>
public sealed class DecisionDocumentFingerprintTests
{
    private static readonly EligibilityDecision Decided = BuiltInPolicies.Year2.Decide(DecisionFingerprintTests.Golden);

    [Fact]
    public void Write_ADecidedDecision_WritesEveryPartOfItsFingerprint()
    {
        JsonObject fingerprint = Written(Decided)["fingerprint"]!.AsObject();
        DecisionFingerprint expected = Decided.Fingerprint!;

        Assert.Equal(["value", "application", "policyId", "policyVersion", "policyContent", "libraryVersion"], fingerprint.Select(p => p.Key));
        Assert.Equal(expected.Value, (string?)fingerprint["value"]);
        Assert.Equal(expected.Application, (string?)fingerprint["application"]);
        Assert.Equal("aspirant-2021-22", (string?)fingerprint["policyId"]);
        Assert.Equal(1, (int)fingerprint["policyVersion"]!);
        Assert.Equal(expected.PolicyContent, (string?)fingerprint["policyContent"]);
        Assert.Equal(DecisionFingerprint.CurrentLibraryVersion, (string?)fingerprint["libraryVersion"]);
    }

    [Fact]
    public void WriteThenRead_GivesAnEqualDecisionWithAnEqualFingerprint()
    {
        EligibilityDecision read = DecisionDocument.Parse(Written(Decided).ToJsonString()).GetValueOrThrow();

        Assert.Equal(Decided, read);
        Assert.Equal(Decided.Fingerprint, read.Fingerprint);
    }

    [Fact]
    public void ADecisionWithoutAFingerprint_IsWrittenWithout_AndAnOlderDocumentWithoutOne_IsRead()
    {
        JsonObject written = Written(Decided with { Fingerprint = null });

        Assert.False(written.ContainsKey("fingerprint"));
        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(written.ToJsonString());
        Assert.True(read.IsValid);
        Assert.Null(read.Value.Fingerprint);
        Assert.Equal(Decided, read.Value);
    }

    [Theory]
    [InlineData("value")]
    [InlineData("application")]
    [InlineData("policyContent")]
    public void AHashNotOf64LowercaseHexDigits_IsReportedAtItsPath(string name)
    {
        foreach (string bad in new[] { "ABC", new string('A', 64), new string('0', 65), new string('z', 64) })
        {
            JsonObject document = Written(Decided);
            document["fingerprint"]![name] = bad;

            DocumentProblem problem = Assert.Single(DecisionDocument.Parse(document.ToJsonString()).Problems);

            Assert.Equal(($"$.fingerprint.{name}", EligibilityProblemCodes.FingerprintHashInvalid), (problem.Path, problem.Code));
            Assert.Equal("A hash must be 64 lowercase hexadecimal characters.", problem.Message);
        }
    }

    [Theory]
    [InlineData("policyId", "aspirant-2020-21", "The fingerprint's policy identifier is not the decision's.")]
    [InlineData("policyVersion", 2, "The fingerprint's policy version is not the decision's.")]
    public void APolicyOtherThanTheDecisions_IsReported(string name, object value, string message)
    {
        JsonObject document = Written(Decided);
        document["fingerprint"]![name] = JsonValue.Create(value);

        DocumentProblem problem = Assert.Single(DecisionDocument.Parse(document.ToJsonString()).Problems);

        Assert.Equal(($"$.fingerprint.{name}", EligibilityProblemCodes.FingerprintPolicyMismatch, message), (problem.Path, problem.Code, problem.Message));
    }

    [Theory]
    [InlineData("application")]
    [InlineData("policyContent")]
    [InlineData("value")]
    public void AnAlteredPart_MakesTheValueNotTheHashOfTheParts(string name)
    {
        JsonObject document = Written(Decided);
        string hash = (string)document["fingerprint"]![name]!;
        document["fingerprint"]![name] = (hash[0] == '0' ? "1" : "0") + hash[1..];

        DocumentProblem problem = Assert.Single(DecisionDocument.Parse(document.ToJsonString()).Problems);

        Assert.Equal(("$.fingerprint.value", EligibilityProblemCodes.FingerprintValueMismatch), (problem.Path, problem.Code));
        Assert.Equal("The fingerprint's value is not the hash of its parts: the fingerprint was altered.", problem.Message);
    }

    [Fact]
    public void AnotherLibraryVersion_IsRead_ForItIsNotPartOfTheValue()
    {
        JsonObject document = Written(Decided);
        document["fingerprint"]!["libraryVersion"] = "0.0.1-alpha";

        EligibilityDecision read = DecisionDocument.Parse(document.ToJsonString()).GetValueOrThrow();

        Assert.Equal("0.0.1-alpha", read.Fingerprint!.LibraryVersion);
        Assert.Equal(Decided.Fingerprint!.Value, read.Fingerprint.Value);
    }

    [Theory]
    [InlineData("value", DocumentProblemCodes.Required)]
    [InlineData("application", DocumentProblemCodes.Required)]
    [InlineData("policyId", DocumentProblemCodes.Required)]
    [InlineData("policyVersion", DocumentProblemCodes.Required)]
    [InlineData("policyContent", DocumentProblemCodes.Required)]
    [InlineData("libraryVersion", DocumentProblemCodes.Required)]
    public void ARequiredPartLeftOut_IsReportedAtItsPath(string name, string code)
    {
        JsonObject document = Written(Decided);
        document["fingerprint"]!.AsObject().Remove(name);

        DocumentProblem problem = Assert.Single(DecisionDocument.Parse(document.ToJsonString()).Problems);

        Assert.Equal(($"$.fingerprint.{name}", code), (problem.Path, problem.Code));
    }

    [Fact]
    public void OtherDamage_IsReportedAtItsPath()
    {
        (Action<JsonObject> Damage, string Path, string Code)[] cases =
        [
            (d => d["fingerprint"] = "abc", "$.fingerprint", DocumentProblemCodes.TypeMismatch),
            (d => d["fingerprint"]!["extra"] = 1, "$.fingerprint.extra", DocumentProblemCodes.UnknownProperty),
            (d => d["fingerprint"]!["libraryVersion"] = " ", "$.fingerprint.libraryVersion", DocumentProblemCodes.Empty),
            (d => d["fingerprint"]!["policyVersion"] = 0, "$.fingerprint.policyVersion", DocumentProblemCodes.OutOfRange),
            (d => d["fingerprint"]!["value"] = 5, "$.fingerprint.value", DocumentProblemCodes.TypeMismatch),
        ];

        foreach ((Action<JsonObject> damage, string path, string code) in cases)
        {
            JsonObject document = Written(Decided);
            damage(document);

            DocumentProblem problem = Assert.Single(DecisionDocument.Parse(document.ToJsonString()).Problems);

            Assert.Equal((path, code), (problem.Path, problem.Code));
        }
    }

    [Fact]
    public void Messages_NeverHoldTheValuesRead()
    {
        JsonObject document = Written(Decided);
        document["fingerprint"]!["application"] = "SECRET-VALUE";
        document["fingerprint"]!["policyId"] = "SECRET-POLICY";

        foreach (DocumentProblem problem in DecisionDocument.Parse(document.ToJsonString()).Problems)
        {
            Assert.DoesNotContain("SECRET", problem.Message, StringComparison.Ordinal);
        }
    }

    internal static JsonObject Written(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return JsonNode.Parse(stream.ToArray())!.AsObject();
    }
}
