using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Bad policy documents: typos never pass silently, and every problem is reported with its path and code.
/// The base document is the Year 2 policy: all [ any [local government, transferable], readiness, statement, assessment ].
/// </summary>
public sealed class PolicyDocumentBadInputTests
{
    private const string LocalGovernment = "$.rule.rules[0].rules[0]";
    private const string Readiness = "$.rule.rules[1]";
    private const string Statement = "$.rule.rules[2]";
    private const string Assessment = "$.rule.rules[3]";

    [Fact]
    public void Base_IsTheYear2Policy()
    {
        EligibilityPolicy read = Assert.Single(PolicyDocument.Parse(Mutate(_ => { })).GetValueOrThrow());

        Assert.Equal(BuiltInPolicies.Year2, read);
        Assert.Equal(BuiltInPolicies.LocalGovernmentRouteCode, Node(JsonNode.Parse(Mutate(_ => { }))!.AsObject(), LocalGovernment)["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("experiance")]
    [InlineData("Experience")]
    [InlineData("and")]
    [InlineData("")]
    [InlineData("assessor")]
    public void UnknownRuleKind_IsRuleKindUnknownAtTheKind_NotAnAssessorRule(string kind) =>
        AssertProblems(Mutate(root => Node(root, LocalGovernment)["kind"] = kind), (LocalGovernment + ".kind", EligibilityProblemCodes.RuleKindUnknown));

    [Fact]
    public void MissingRuleKind_IsRequired() =>
        AssertProblems(Mutate(root => Node(root, Readiness).Remove("kind")), (Readiness + ".kind", DocumentProblemCodes.Required));

    [Fact]
    public void TypoInARuleProperty_IsUnknownAndTheRealOneIsMissing() =>
        AssertProblems(
            Mutate(root => Rename(Node(root, LocalGovernment), "minimum", "minimun")),
            (LocalGovernment + ".minimun", DocumentProblemCodes.UnknownProperty),
            (LocalGovernment + ".minimum", DocumentProblemCodes.Required));

    [Fact]
    public void PropertyOfAnotherRuleKind_IsUnknown() =>
        AssertProblems(
            Mutate(root =>
            {
                Node(root, Readiness)["minimumWords"] = 3;
                Node(root, Statement)["within"] = "P3Y";
                Node(root, "$.rule")["rule"] = new JsonObject();
                Node(root, Assessment)["rules"] = new JsonArray();
            }),
            (Readiness + ".minimumWords", DocumentProblemCodes.UnknownProperty),
            (Statement + ".within", DocumentProblemCodes.UnknownProperty),
            ("$.rule.rule", DocumentProblemCodes.UnknownProperty),
            (Assessment + ".rules", DocumentProblemCodes.UnknownProperty));

    [Fact]
    public void TyposInAPatternAndThePolicy_AreUnknown() =>
        AssertProblems(
            Mutate(root =>
            {
                Rename(Node(root, LocalGovernment + ".qualifyingRoles[0]"), "sectors", "sector");
                Rename(root, "effectiveTo", "efectiveTo");
                Node(root, LocalGovernment + ".qualifyingRoles[0]")["levels"]!.AsArray().Add("director ");
            }),
            (LocalGovernment + ".qualifyingRoles[0].sector", DocumentProblemCodes.UnknownProperty),
            (LocalGovernment + ".qualifyingRoles[0].sectors", DocumentProblemCodes.Required),
            (LocalGovernment + ".qualifyingRoles[0].levels[5]", DocumentProblemCodes.UnknownValue),
            ("$.efectiveTo", DocumentProblemCodes.UnknownProperty));

    [Fact]
    public void EmptyArrays_AreCollectionEmpty() =>
        AssertProblems(
            Mutate(root =>
            {
                Node(root, "$.rule.rules[0]")["rules"] = new JsonArray();
                Node(root, Readiness)["kind"] = "all";
                Node(root, Readiness).Remove("within");
                Node(root, Readiness)["rules"] = new JsonArray();
            }),
            ("$.rule.rules[0].rules", DocumentProblemCodes.CollectionEmpty),
            (Readiness + ".rules", DocumentProblemCodes.CollectionEmpty));

    [Fact]
    public void EmptyPatternListsAndNoPatterns_AreCollectionEmpty() =>
        AssertProblems(
            Mutate(root =>
            {
                Node(root, LocalGovernment + ".qualifyingRoles[0]")["levels"] = new JsonArray();
                Node(root, "$.rule.rules[0].rules[1]")["qualifyingRoles"] = new JsonArray();
            }),
            (LocalGovernment + ".qualifyingRoles[0].levels", DocumentProblemCodes.CollectionEmpty),
            ("$.rule.rules[0].rules[1].qualifyingRoles", DocumentProblemCodes.CollectionEmpty));

    [Fact]
    public void EmptyTopLevelArray_HoldsNoPolicies() =>
        AssertProblems("[]", ("$", DocumentProblemCodes.CollectionEmpty));

    [Fact]
    public void MaximumWordsBelowMinimumWords_IsOutOfRangeAtTheMaximum()
    {
        AssertProblems(
            Mutate(root =>
            {
                Node(root, Statement)["minimumWords"] = 10;
                Node(root, Statement)["maximumWords"] = 5;
            }),
            (Statement + ".maximumWords", DocumentProblemCodes.OutOfRange));
        AssertProblems(Mutate(root => Node(root, Statement)["minimumWords"] = 0), (Statement + ".minimumWords", DocumentProblemCodes.OutOfRange));
        Assert.Empty(PolicyDocument.Parse(Mutate(root =>
        {
            Node(root, Statement)["minimumWords"] = 5;
            Node(root, Statement)["maximumWords"] = 5;
        })).Problems);
    }

    [Fact]
    public void DuplicateRuleCodes_AreReportedAtTheRule()
    {
        AssertProblems(
            Mutate(root => Node(root, Readiness)["code"] = BuiltInPolicies.StatementCode),
            ("$.rule", EligibilityProblemCodes.RuleCodeDuplicate));
        AssertProblems(
            Mutate(root => Node(root, LocalGovernment)["code"] = BuiltInPolicies.EligibilityCode),
            ("$.rule", EligibilityProblemCodes.RuleCodeDuplicate));
        DocumentProblem problem = Assert.Single(PolicyDocument.Parse(Mutate(root => Node(root, Readiness)["code"] = BuiltInPolicies.StatementCode)).Problems);
        Assert.Equal("Two rules share a code; codes must be unique within a policy.", problem.Message);
    }

    [Theory]
    [InlineData("P3X")]
    [InlineData("PT1H")]
    [InlineData("P3YT1H")]
    [InlineData("P-3Y")]
    [InlineData("3Y")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("three years")]
    public void BadPeriod_IsPeriodInvalid(string period) =>
        AssertProblems(
            Mutate(root =>
            {
                Node(root, Readiness)["within"] = period;
                Node(root, LocalGovernment)["minimum"] = period;
            }),
            (Readiness + ".within", DocumentProblemCodes.PeriodInvalid),
            (LocalGovernment + ".minimum", DocumentProblemCodes.PeriodInvalid));

    [Theory]
    [InlineData("P3Y")]
    [InlineData("P2Y6M")]
    [InlineData("P156W")]
    [InlineData("P0D")]
    public void GoodPeriod_IsRead(string period)
    {
        EligibilityPolicy read = Assert.Single(PolicyDocument.Parse(Mutate(root => Node(root, Readiness)["within"] = period)).GetValueOrThrow());

        Assert.Equal(NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).Value, Assert.IsType<ReadinessRule>(read.Rule.Rules[1]).Within);
    }

    [Fact]
    public void PolicyFields_BadValues_AreAllReported() =>
        AssertProblems(
            Mutate(root =>
            {
                root["version"] = 0;
                root["programmeYear"] = "2021/2022";
                root["effectiveFrom"] = "2022-09-01";
                root["title"] = " ";
                root["interpretation"]!.AsArray().Add(3);
                Node(root, LocalGovernment)["partTime"] = "prorata";
                Node(root, LocalGovernment)["actingCounts"] = "true";
                Node(root, Assessment)["criterion"] = "moral-purpose";
            }),
            ("$.version", DocumentProblemCodes.OutOfRange),
            ("$.programmeYear", EligibilityProblemCodes.ProgrammeYearInvalid),
            ("$.effectiveTo", DocumentProblemCodes.EndBeforeStart),
            ("$.title", DocumentProblemCodes.Empty),
            ($"$.interpretation[{BuiltInPolicies.Year2.Interpretation.Length}]", DocumentProblemCodes.TypeMismatch),
            (LocalGovernment + ".partTime", DocumentProblemCodes.UnknownValue),
            (LocalGovernment + ".actingCounts", DocumentProblemCodes.TypeMismatch),
            (Assessment + ".criterion", DocumentProblemCodes.UnknownValue));

    [Fact]
    public void InAnArray_ProblemsArePrefixedWithThePolicyIndex_AndAllPoliciesAreChecked()
    {
        JsonArray policies = [];
        foreach (EligibilityPolicy policy in BuiltInPolicies.All)
        {
            policies.Add(JsonNode.Parse(Json(policy)));
        }

        Node(policies[1]!.AsObject(), Readiness)["within"] = "P3X";
        policies[2]!["rule"]!["kind"] = "every";
        policies.Add(42);

        AssertProblems(
            policies.ToJsonString(),
            ("$[1]" + Readiness[1..] + ".within", DocumentProblemCodes.PeriodInvalid),
            ("$[2].rule.kind", EligibilityProblemCodes.RuleKindUnknown),
            ("$[3]", DocumentProblemCodes.TypeMismatch));
    }

    [Fact]
    public void Empty_IsDocumentEmpty() =>
        AssertProblems(" \r\n", ("$", DocumentProblemCodes.DocumentEmpty));

    [Theory]
    [InlineData("{")]
    [InlineData("[{}")]
    public void Malformed_IsJsonInvalid(string json) =>
        AssertProblems(json, ("$", DocumentProblemCodes.JsonInvalid));

    [Fact]
    public void TooLarge_IsDocumentTooLarge()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(Mutate(_ => { }));

        DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Read(new MemoryStream(utf8), maxBytes: 100);

        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal(("$", DocumentProblemCodes.DocumentTooLarge), (problem.Path, problem.Code));
        Assert.True(PolicyDocument.Read(new MemoryStream(utf8), maxBytes: utf8.Length).IsValid);
    }

    private static string Mutate(Action<JsonObject> change)
    {
        JsonObject root = JsonNode.Parse(Json(BuiltInPolicies.Year2))!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    /// <summary>Finds the object at a simple path such as <c>$.rule.rules[0]</c>.</summary>
    private static JsonObject Node(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (string step in path[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            int bracket = step.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? step : step[..bracket];
            node = node[name]!;
            if (bracket >= 0)
            {
                node = node[int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }

        return node.AsObject();
    }

    private static void Rename(JsonObject obj, string from, string to)
    {
        JsonNode? value = obj[from];
        obj.Remove(from);
        obj[to] = value;
    }

    private static void AssertProblems(string json, params (string Path, string Code)[] expected)
    {
        DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Parse(json);

        Assert.False(read.IsValid);
        Assert.Equal(
            expected.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal),
            read.Problems.Select(p => $"{p.Path} {p.Code}").Order(StringComparer.Ordinal));
    }
}
