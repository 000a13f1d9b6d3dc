using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Running conformance cases (<see cref="EligibilityCase.Run"/>, <see cref="EligibilityCaseRun"/>): which policy decides,
/// how the expectation is compared (outcome, eligible-from date, reasons as a set), what a failure says, and a policy
/// the registry lacks as a result with its code.
/// </summary>
public sealed class EligibilityCaseRunTests
{
    private static readonly LocalDate June2021 = new(2021, 6, 1);

    // Two years of experience by 1 June 2021, the role still current: ineligible under Year 2, eligible from 1 June 2022.
    private static readonly Application Short = new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 1))).Build();

    private static readonly EligibilityExpectation ShortExpected = new(EligibilityOutcome.Ineligible, new LocalDate(2022, 6, 1), [ReasonCodes.ExperienceInsufficient]);

    [Fact]
    public void ACaseWhoseDecisionMeetsTheExpectation_Passes()
    {
        EligibilityCaseResult result = new EligibilityCase("short", Short, "aspirant-2021-22", 1, June2021, ShortExpected).Run(PolicyRegistry.BuiltIn);

        Assert.Equal(EligibilityCaseStatus.Passed, result.Status);
        Assert.True(result.Passed);
        Assert.Null(result.Problem);
        Assert.Equal(("aspirant-2021-22", 1, June2021), (result.Decision.PolicyId, result.Decision.PolicyVersion, result.Decision.AsOf));
        Assert.Equal("short: passed", result.ToString());
        Assert.Equal(["short: passed"], result.ToLines().ToArray());
    }

    [Fact]
    public void EachDifference_IsSaid_ExpectedThenFound()
    {
        EligibilityCase wrong = new("wrong", Short, "aspirant-2021-22", null, June2021, new EligibilityExpectation(EligibilityOutcome.Eligible, new LocalDate(2022, 6, 2)));

        EligibilityCaseResult result = wrong.Run(PolicyRegistry.BuiltIn);

        Assert.Equal(EligibilityCaseStatus.Failed, result.Status);
        Assert.Equal(DecisionChanges.Outcome | DecisionChanges.EligibleFrom | DecisionChanges.Reasons, result.Differences);
        Assert.Equal(
            "outcome expected eligible, was ineligible; eligible from expected 2022-06-02, was 2022-06-01; reasons expected none, were experience.insufficient",
            result.DescribeDifferences());
        Assert.Equal("wrong: failed: " + result.DescribeDifferences(), result.ToString());
        Assert.Equal([result.ToString(), .. result.Decision!.ToLines().Select(l => "  " + l)], result.ToLines().ToArray());
    }

    [Fact]
    public void AnExpectedEligibleFromDate_WhenTheDecisionHasNone_Fails()
    {
        EligibilityCase value = new("none", new ApplicationBuilder().Build(), "aspirant-2021-22", 1, June2021, new EligibilityExpectation(EligibilityOutcome.Eligible, June2021));

        EligibilityCaseResult result = value.Run(PolicyRegistry.BuiltIn);

        Assert.Equal(DecisionChanges.EligibleFrom, result.Differences);
        Assert.Equal("eligible from expected 2021-06-01, was none", result.DescribeDifferences());
    }

    [Fact]
    public void Reasons_AreComparedAsASet_InAnyOrder_AndEveryOneMustDecide()
    {
        Application twoReasons = new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 1))).ReadyBy(new LocalDate(2025, 1, 1)).Build();
        EligibilityCase Expecting(params string[] reasons) =>
            new("two", twoReasons, "aspirant-2021-22", 1, June2021, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, reasons));

        Assert.True(Expecting(ReasonCodes.ExperienceInsufficient, ReasonCodes.ReadinessBeyondWindow).Run(PolicyRegistry.BuiltIn).Passed);
        Assert.True(Expecting(ReasonCodes.ReadinessBeyondWindow, ReasonCodes.ExperienceInsufficient).Run(PolicyRegistry.BuiltIn).Passed);
        EligibilityCaseResult fewer = Expecting(ReasonCodes.ExperienceInsufficient).Run(PolicyRegistry.BuiltIn);
        Assert.Equal(DecisionChanges.Reasons, fewer.Differences);
        Assert.Equal("reasons expected experience.insufficient, were experience.insufficient, readiness.beyond-window", fewer.DescribeDifferences());
        Assert.Equal(DecisionChanges.Reasons, Expecting(ReasonCodes.ExperienceInsufficient, ReasonCodes.ReadinessBeyondWindow, ReasonCodes.StatementTooLong).Run(PolicyRegistry.BuiltIn).Differences);
        Assert.Equal(DecisionChanges.Reasons, Expecting(ReasonCodes.ExperienceInsufficient, ReasonCodes.StatementTooLong).Run(PolicyRegistry.BuiltIn).Differences);
    }

    [Fact]
    public void WithoutAVersion_TheRegistrysLatestVersionDecides()
    {
        EligibilityPolicy version2 = new("aspirant-2021-22", 2, "2021/22", new LocalDate(2022, 9, 1), null, "Version 2", new ReadinessRule("readiness", "Ready within a year", Period.FromYears(1)), []);
        PolicyRegistry registry = PolicyRegistry.Create([.. BuiltInPolicies.All, version2]).GetValueOrThrow();

        EligibilityCaseResult latest = new EligibilityCase("latest", Short, "aspirant-2021-22", null, June2021, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.ReadinessBeyondWindow])).Run(registry);
        EligibilityCaseResult first = new EligibilityCase("first", Short, "aspirant-2021-22", 1, June2021, ShortExpected).Run(registry);

        Assert.True(latest.Passed, latest.ToString());
        Assert.Equal(2, latest.Decision.PolicyVersion);
        Assert.True(first.Passed, first.ToString());
        Assert.Equal(1, first.Decision.PolicyVersion);
    }

    [Theory]
    [InlineData("aspirant-2019-20", null)]
    [InlineData("aspirant-2021-22", 2)]
    public void APolicyTheRegistryLacks_IsNotRun_WithItsCode(string id, int? version)
    {
        EligibilityCaseResult result = new EligibilityCase("missing", Short, id, version, June2021, ShortExpected).Run(PolicyRegistry.BuiltIn);

        Assert.Equal(EligibilityCaseStatus.NotRun, result.Status);
        Assert.False(result.Passed);
        Assert.Null(result.Decision);
        Assert.Equal(DecisionChanges.None, result.Differences);
        Assert.Empty(result.Reasons);
        Assert.Equal(string.Empty, result.DescribeDifferences());
        DocumentProblem problem = result.Problem!.Value;
        Assert.Equal(("$.policy", EligibilityProblemCodes.CasePolicyNotFound), (problem.Path, problem.Code));
        Assert.Equal("missing: not run: The registry has no policy with the case's identifier and version (or, without a version, with its identifier). (case.policy-not-found)", result.ToString());
        Assert.DoesNotContain(id, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyGivenWhole_Decides_WhateverTheRegistry()
    {
        EligibilityPolicy local = new("local", 3, "2030/31", new LocalDate(2030, 1, 1), null, "Local", new ReadinessRule("readiness", "Ready within a year", Period.FromYears(1)), []);
        EligibilityCase value = new("inline", Short, local, June2021, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.ReadinessBeyondWindow]));

        EligibilityCaseResult result = value.Run(PolicyRegistry.Create([BuiltInPolicies.Year1]).GetValueOrThrow());

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(("local", 3), (result.Decision.PolicyId, result.Decision.PolicyVersion));
        Assert.Equal(("local", 3), (value.PolicyId, value.PolicyVersion));
    }

    [Fact]
    public void TheAsOfDate_IsTheCases_NotTheApplications()
    {
        EligibilityCase later = new("later", Short, "aspirant-2021-22", 1, new LocalDate(2022, 6, 1), new EligibilityExpectation(EligibilityOutcome.Eligible));

        EligibilityCaseResult result = later.Run(PolicyRegistry.BuiltIn);

        Assert.True(result.Passed, result.ToString());
        Assert.Equal(new LocalDate(2022, 6, 1), result.Decision.AsOf);
    }

    [Fact]
    public void ARun_CountsEveryCase_AndSaysEveryFailure()
    {
        EligibilityCase passing = new("passing", Short, "aspirant-2021-22", 1, June2021, ShortExpected);
        EligibilityCase failing = new("failing", Short, "aspirant-2021-22", 1, June2021, new EligibilityExpectation(EligibilityOutcome.Eligible));
        EligibilityCase missing = new("missing", Short, "aspirant-2019-20", null, June2021, ShortExpected);

        EligibilityCaseRun run = EligibilityCaseRun.Of([passing, failing, missing], PolicyRegistry.BuiltIn);

        Assert.Equal((3, 1, 2, 3), (run.Records, run.Passed, run.Failed, run.Results.Length));
        Assert.False(run.AllPassed);
        Assert.Equal(["failing", "missing"], run.Failures.Select(f => f.Case.Name));
        Assert.Equal("3 records: 3 cases (1 passed, 2 failed), 0 errors", run.ToString());
        Assert.Equal(
            [.. run.Results[1].ToLines(), string.Empty, run.Results[2].ToString(), string.Empty],
            run.DescribeFailures().ToArray());
        EligibilityCaseRun one = EligibilityCaseRun.Of([passing], PolicyRegistry.BuiltIn);
        Assert.Equal("1 record: 1 case (1 passed, 0 failed), 0 errors", one.ToString());
        Assert.True(one.AllPassed);
        Assert.Empty(one.DescribeFailures());
        Assert.True(EligibilityCaseRun.Of([], PolicyRegistry.BuiltIn).AllPassed);
    }

    [Fact]
    public void ARunOfAFile_CountsTheRecordsNotRead()
    {
        JsonNode file = JsonNode.Parse(EligibilityCaseGenerators.Json([new EligibilityCase("passing", Short, "aspirant-2021-22", 1, June2021, ShortExpected)]))!;
        file["cases"]!.AsArray().Add(new JsonObject { ["name"] = "broken" });
        string json = file.ToJsonString();

        EligibilityCaseRun run = EligibilityCaseRun.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), PolicyRegistry.BuiltIn);

        Assert.Equal((2, 1, 0, 1), (run.Records, run.Passed, run.Failed, run.Errors.Length));
        Assert.False(run.AllPassed);
        Assert.Equal(2, run.Errors[0].RecordNumber);
        Assert.Equal("2 records: 1 case (1 passed, 0 failed), 1 error", run.ToString());
        Assert.Equal(
            ["record 2: $.cases[1].application: \"application\" is required. (value.required)", "record 2: $.cases[1].policy: \"policy\" is required. (value.required)",
             "record 2: $.cases[1].asOf: \"asOf\" is required. (value.required)", "record 2: $.cases[1].expected: \"expected\" is required. (value.required)"],
            run.DescribeFailures().ToArray());
    }

    [Fact]
    public void FromDecision_ExpectsWhatThePolicyDecided()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(Short);

        EligibilityCase named = EligibilityCase.FromDecision("named", Short, decision, description: "Saved.");
        EligibilityCase whole = EligibilityCase.FromDecision("whole", Short, decision, BuiltInPolicies.Year2);

        Assert.Equal(ShortExpected, named.Expected);
        Assert.Equal(("aspirant-2021-22", (int?)1, (EligibilityPolicy?)null, June2021, "Saved."), (named.PolicyId, named.PolicyVersion, named.InlinePolicy, named.AsOf, named.Description));
        Assert.Same(BuiltInPolicies.Year2, whole.InlinePolicy);
        Assert.True(named.Run(PolicyRegistry.BuiltIn).Passed);
        Assert.True(whole.Run(PolicyRegistry.Create([BuiltInPolicies.Year1]).GetValueOrThrow()).Passed);
    }

    [Fact]
    public void Cases_AreEqualByValue_AndDescribeThemselvesWithoutTheApplicationsData()
    {
        EligibilityCase a = new("short", Short, "aspirant-2021-22", 1, June2021, ShortExpected);
        EligibilityCase b = new("short", new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 1))).Build(), "aspirant-2021-22", 1, June2021,
            new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2022, 6, 1), [ReasonCodes.ExperienceInsufficient]));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithExpected(new EligibilityExpectation(EligibilityOutcome.Ineligible)));
        Assert.NotEqual(a, new EligibilityCase("short", Short, "aspirant-2021-22", null, June2021, ShortExpected));
        Assert.NotEqual(a, new EligibilityCase("short", Short, "aspirant-2021-22", 1, June2021, ShortExpected, "A description."));
        Assert.False(a.Equals(null));
        Assert.Equal("short: A-0001 under aspirant-2021-22 v1 as of 2021-06-01, expected ineligible (eligible from 2022-06-01) because experience.insufficient", a.ToString());
        Assert.Equal("x: A-0001 under aspirant-2021-22 (latest) as of 2021-06-01, expected eligible", new EligibilityCase("x", Short, "aspirant-2021-22", null, June2021, new EligibilityExpectation(EligibilityOutcome.Eligible)).ToString());
        Assert.EndsWith("under aspirant-2021-22 v1 (inline) as of 2021-06-01, expected incomplete because readiness.missing, statement.missing",
            new EligibilityCase("y", Short, BuiltInPolicies.Year2, June2021, new EligibilityExpectation(EligibilityOutcome.Incomplete, null, [ReasonCodes.ReadinessMissing, ReasonCodes.StatementMissing])).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Expectations_CompareReasonsAsASet()
    {
        EligibilityExpectation ab = new(EligibilityOutcome.Ineligible, null, ["a", "b"]);

        Assert.Equal(ab, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, ["b", "a"]));
        Assert.Equal(ab.GetHashCode(), new EligibilityExpectation(EligibilityOutcome.Ineligible, null, ["b", "a"]).GetHashCode());
        Assert.NotEqual(ab, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, ["a"]));
        Assert.NotEqual(ab, new EligibilityExpectation(EligibilityOutcome.Ineligible, null, ["a", "c"]));
        Assert.NotEqual(ab, new EligibilityExpectation(EligibilityOutcome.Incomplete, null, ["a", "b"]));
        Assert.NotEqual(ab, new EligibilityExpectation(EligibilityOutcome.Ineligible, June2021, ["a", "b"]));
        Assert.Equal(["a", "b"], ab.Reasons.ToArray());
        Assert.Empty(new EligibilityExpectation(EligibilityOutcome.Eligible).Reasons);
        Assert.Equal("ineligible because a, b", ab.ToString());
    }

    [Fact]
    public void Arguments_AreChecked_NamingTheParameter()
    {
        EligibilityExpectation expected = ShortExpected;
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new EligibilityCase(" ", Short, "p", 1, June2021, expected)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new EligibilityCase(null!, Short, "p", 1, June2021, expected)).ParamName);
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => new EligibilityCase("n", null!, "p", 1, June2021, expected)).ParamName);
        Assert.Equal("policyId", Assert.Throws<ArgumentException>(() => new EligibilityCase("n", Short, "", 1, June2021, expected)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new EligibilityCase("n", Short, (EligibilityPolicy)null!, June2021, expected)).ParamName);
        ArgumentOutOfRangeException version = Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityCase("n", Short, "p", 0, June2021, expected));
        Assert.Equal("policyVersion", version.ParamName);
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityCase("n", Short, "p", 1, new LocalDate(2200, 1, 1), expected)).ParamName);
        Assert.Equal("expected", Assert.Throws<ArgumentNullException>(() => new EligibilityCase("n", Short, "p", 1, June2021, null!)).ParamName);
        ArgumentException description = Assert.Throws<ArgumentException>(() => new EligibilityCase("n", Short, "p", 1, June2021, expected, " "));
        Assert.Equal("description", description.ParamName);
        Assert.StartsWith("A description, when given, is not empty or white space.", description.Message, StringComparison.Ordinal);

        Assert.Equal("outcome", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityExpectation((EligibilityOutcome)0)).ParamName);
        Assert.Equal("eligibleFrom", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(1899, 12, 31))).ParamName);
        ArgumentException blank = Assert.Throws<ArgumentException>(() => new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [" "]));
        Assert.Equal("reasons", blank.ParamName);
        Assert.StartsWith("A reason is a reason code such as experience.insufficient, not null, empty or white space.", blank.Message, StringComparison.Ordinal);
        ArgumentException twice = Assert.Throws<ArgumentException>(() => new EligibilityExpectation(EligibilityOutcome.Ineligible, null, ["a", "a"]));
        Assert.StartsWith("A reason is listed twice; the reasons are compared as a set.", twice.Message, StringComparison.Ordinal);

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(Short);
        ArgumentException other = Assert.Throws<ArgumentException>(() => EligibilityCase.FromDecision("n", new ApplicationBuilder().WithId("B-1").Build(), decision));
        Assert.Equal("decision", other.ParamName);
        Assert.StartsWith("The decision is of another application.", other.Message, StringComparison.Ordinal);
        ArgumentException notThePolicy = Assert.Throws<ArgumentException>(() => EligibilityCase.FromDecision("n", Short, decision, BuiltInPolicies.Year1));
        Assert.Equal("inlinePolicy", notThePolicy.ParamName);
        Assert.StartsWith("The policy given whole is not the one that made the decision.", notThePolicy.Message, StringComparison.Ordinal);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => EligibilityExpectation.Of(null!)).ParamName);
        Assert.Equal("decision", Assert.Throws<ArgumentNullException>(() => expected.Compare(null!)).ParamName);

        EligibilityCase value = new("n", Short, "p", 1, June2021, expected);
        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => value.Run(null!)).ParamName);
        Assert.Equal("cases", Assert.Throws<ArgumentNullException>(() => EligibilityCaseRun.Of(null!, PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("cases", Assert.Throws<ArgumentNullException>(() => EligibilityCaseRun.Of([null!], PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => EligibilityCaseRun.Of([], null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => EligibilityCaseRun.Read(null!, PolicyRegistry.BuiltIn)).ParamName);
        Assert.Equal("registry", Assert.Throws<ArgumentNullException>(() => EligibilityCaseRun.Read(new MemoryStream(), null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityCaseRun.Read(new MemoryStream(), PolicyRegistry.BuiltIn, 0)).ParamName);
    }

    [Fact]
    public void Writing_RefusesWhatTheReaderWouldRefuse()
    {
        EligibilityCase value = new("same", Short, "aspirant-2021-22", 1, June2021, ShortExpected);

        ArgumentException empty = Assert.Throws<ArgumentException>(() => EligibilityCaseDocument.Write(new MemoryStream(), []));
        Assert.Equal("cases", empty.ParamName);
        ArgumentException twice = Assert.Throws<ArgumentException>(() => EligibilityCaseDocument.Write(new MemoryStream(), [value, value]));
        Assert.Equal("cases", twice.ParamName);
        Assert.StartsWith("Cases 0 and 1 share a name; names identify cases in reports.", twice.Message, StringComparison.Ordinal);
        Assert.Equal("cases", Assert.Throws<ArgumentNullException>(() => EligibilityCaseDocument.Write(new MemoryStream(), [value, null!])).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => EligibilityCaseDocument.Write((Stream)null!, [value])).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => EligibilityCaseDocument.Write((System.Text.Json.Utf8JsonWriter)null!, value)).ParamName);
    }
}
