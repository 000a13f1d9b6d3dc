using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

public sealed class PolicyRegistryTests
{
    [Fact]
    public void Create_TheSamePolicyTwice_ReportsTheDuplicateAndTheOverlapAtTheLaterIndex()
    {
        DocumentResult<PolicyRegistry> result = PolicyRegistry.Create([BuiltInPolicies.Year2, BuiltInPolicies.Year1, BuiltInPolicies.Year1]);

        Assert.False(result.IsValid);
        Assert.Equal<(string, string)>(
            [("$[2]", EligibilityProblemCodes.PolicyDuplicate), ("$[2]", EligibilityProblemCodes.PolicyOverlap)],
            result.Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal("Policy aspirant-2020-21 version 1 is also policy 1.", result.Problems[0].Message);
    }

    [Fact]
    public void Create_OverlappingPolicies_AreRefused()
    {
        DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(
        [
            Policy("b", 1, new LocalDate(2021, 3, 1), null),
            Policy("a", 1, new LocalDate(2020, 9, 1), new LocalDate(2021, 3, 1)),
        ]);

        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$[1]", problem.Path);
        Assert.Equal(EligibilityProblemCodes.PolicyOverlap, problem.Code);
        Assert.Equal("Policies a v1 and b v1 for 2020/21 are both in force on 2021-03-01.", problem.Message);
    }

    [Fact]
    public void Create_PoliciesWithAGap_AreRefused()
    {
        DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(
        [
            Policy("a", 1, new LocalDate(2020, 9, 1), new LocalDate(2021, 3, 31)),
            Policy("b", 1, new LocalDate(2021, 4, 2), null),
        ]);

        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$[1]", problem.Path);
        Assert.Equal(EligibilityProblemCodes.PolicyGap, problem.Code);
        Assert.Equal("No policy for 2020/21 is in force from 2021-04-01 to 2021-04-01, between a v1 and b v1.", problem.Message);
    }

    [Fact]
    public void Create_ALaterVersionTakingEffectEarlier_IsRefused()
    {
        DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(
        [
            Policy("p", 1, new LocalDate(2021, 4, 1), null),
            Policy("p", 2, new LocalDate(2020, 9, 1), new LocalDate(2021, 3, 31)),
        ]);

        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$[1]", problem.Path);
        Assert.Equal(EligibilityProblemCodes.PolicyVersionOrder, problem.Code);
    }

    [Fact]
    public void Create_OneIdentifierForTwoProgrammeYears_IsRefused()
    {
        DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(
        [
            Policy("p", 1, new LocalDate(2020, 9, 1), null),
            Policy("p", 2, new LocalDate(2021, 9, 1), null, "2021/22"),
        ]);

        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$[1]", problem.Path);
        Assert.Equal(EligibilityProblemCodes.PolicyIdYearMismatch, problem.Code);
    }

    [Fact]
    public void FindById_GivesTheLatestVersionOrTheOneAskedFor_AndTryDecideSaysWhenNoneGoverns()
    {
        EligibilityPolicy first = Policy("p", 1, new LocalDate(2020, 9, 1), new LocalDate(2021, 3, 31));
        EligibilityPolicy second = Policy("p", 2, new LocalDate(2021, 4, 1), null);
        PolicyRegistry registry = PolicyRegistry.Create([second, first]).GetValueOrThrow();

        Assert.Equal<EligibilityPolicy>([first, second], registry.Policies);
        Assert.Same(second, registry.FindById("p"));
        Assert.Same(first, registry.FindById("p", 1));
        Assert.Null(registry.FindById("p", 3));
        Assert.Null(registry.FindById("q"));
        Assert.Same(first, registry.Find("2020/21", new LocalDate(2021, 3, 31)));
        Assert.Same(second, registry.Find("2020/21", new LocalDate(2021, 4, 1)));

        Application early = new("A-1", "2020/21", new LocalDate(2020, 8, 31), []);
        Application otherYear = new("A-2", "2021/22", new LocalDate(2021, 4, 1), []);
        Assert.False(registry.TryDecide(early, out EligibilityDecision? none));
        Assert.Null(none);
        Assert.False(registry.TryDecide(otherYear, out _));
        Assert.True(registry.TryDecide(early.WithAssessedOn(new LocalDate(2022, 1, 1)), out EligibilityDecision? decision));
        Assert.Equal("p", decision.PolicyId);
        Assert.Equal(2, decision.PolicyVersion);
        Assert.Equal(new LocalDate(2022, 1, 1), decision.AsOf);
    }

    private static EligibilityPolicy Policy(string id, int version, LocalDate from, LocalDate? to, string year = "2020/21") =>
        new(id, version, year, from, to, "Policy " + id, EligibilityGenerators.ThreeYears(), []);
}
