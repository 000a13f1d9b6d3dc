using System;
using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

public sealed class EligibilityPolicyBuilderTests
{
    [Fact]
    public void Build_WithTheBuiltInPieces_EqualsTheBuiltInYear2Policy()
    {
        EligibilityPolicy year2 = BuiltInPolicies.Year2;
        EligibilityPolicyBuilder builder = new EligibilityPolicyBuilder(year2.Id, year2.Version, year2.ProgrammeYear)
            .EffectiveFrom(year2.EffectiveFrom)
            .EffectiveTo(year2.EffectiveTo)
            .WithTitle(year2.Title)
            .WithRule(year2.Rule);
        foreach (string sentence in year2.Interpretation)
        {
            builder.WithInterpretation(sentence);
        }

        Assert.Equal(year2, builder.Build());
    }

    [Fact]
    public void Build_WithoutARule_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => new EligibilityPolicyBuilder("p", 1, "2024/25").EffectiveFrom(new LocalDate(2024, 1, 1)).WithTitle("T").Build());

    [Fact]
    public void Build_WithoutAnEffectiveDate_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => new EligibilityPolicyBuilder("p", 1, "2024/25").WithTitle("T").WithRule(BuiltInPolicies.Year1.Rule).Build());

    [Theory]
    [InlineData("", 1, "2024/25", "id")]
    [InlineData("p", 0, "2024/25", "version")]
    [InlineData("p", 1, "2024-25", "programmeYear")]
    public void Constructor_BadArguments_ThrowNamingTheParameter(string id, int version, string year, string parameter) =>
        Assert.Equal(parameter, Assert.ThrowsAny<ArgumentException>(() => new EligibilityPolicyBuilder(id, version, year)).ParamName);

    [Fact]
    public void NextVersionOf_CopiesThePolicyWithTheNextVersionAndDate()
    {
        EligibilityPolicy next = EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, new LocalDate(2021, 9, 1)).Build();

        Assert.Equal(2, next.Version);
        Assert.Equal(BuiltInPolicies.Year2.Id, next.Id);
        Assert.Equal(new LocalDate(2021, 9, 1), next.EffectiveFrom);
        Assert.Equal(BuiltInPolicies.Year2.EffectiveTo, next.EffectiveTo);
        Assert.Equal(BuiltInPolicies.Year2.Rule, next.Rule);
        Assert.Equal<string>(BuiltInPolicies.Year2.Interpretation, next.Interpretation);
    }

    [Fact]
    public void NextVersionOf_WithThePreviousClosedTheDayBefore_MakesAConsistentRegistry()
    {
        EligibilityPolicy next = EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, new LocalDate(2021, 9, 1)).Build();
        EligibilityPolicy closed = BuiltInPolicies.Year2.WithEffectiveTo(new LocalDate(2021, 8, 31));

        PolicyRegistry registry = PolicyRegistry.Create([closed, next]).GetValueOrThrow();

        Assert.Equal(1, registry.Find("2021/22", new LocalDate(2021, 8, 31))!.Version);
        Assert.Equal(2, registry.Find("2021/22", new LocalDate(2021, 9, 1))!.Version);
        Assert.Equal(2, registry.FindById(BuiltInPolicies.Year2.Id)!.Version);
    }

    [Fact]
    public void NextVersionOf_WithoutClosingThePrevious_IsRefusedAsAnOverlap()
    {
        EligibilityPolicy next = EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, new LocalDate(2021, 9, 1)).Build();

        Assert.Equal(EligibilityProblemCodes.PolicyOverlap, PolicyRegistry.Create([BuiltInPolicies.Year2, next]).Problems.Single().Code);
    }

    [Fact]
    public void NextVersionOf_OnThePreviousVersionsLastDay_IsAVersionOfOneDay()
    {
        LocalDate last = BuiltInPolicies.Year2.EffectiveTo!.Value;
        EligibilityPolicy next = EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, last).Build();

        Assert.Equal(last, next.EffectiveFrom);
        Assert.Equal(last, next.EffectiveTo);
    }

    [Fact]
    public void NextVersionOf_NoPreviousVersion_ThrowsNamingIt_AndADateOutside_SaysWhy()
    {
        Assert.Equal("previous", Assert.Throws<ArgumentNullException>(() => EligibilityPolicyBuilder.NextVersionOf(null!, new LocalDate(2021, 9, 1))).ParamName);
        ArgumentOutOfRangeException outside = Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, BuiltInPolicies.Year2.EffectiveFrom));
        Assert.StartsWith("The next version must take effect after the previous version's first date", outside.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_ThatDifferOnlyInVersionOrProgrammeYear_AreNotEqual()
    {
        EligibilityPolicy year2 = BuiltInPolicies.Year2;
        EligibilityPolicy nextVersion = EligibilityPolicyBuilder.NextVersionOf(year2, year2.EffectiveFrom.PlusDays(1)).EffectiveFrom(year2.EffectiveFrom).Build();
        EligibilityPolicyBuilder builder = new EligibilityPolicyBuilder(year2.Id, year2.Version, "2022/23")
            .EffectiveFrom(year2.EffectiveFrom).EffectiveTo(year2.EffectiveTo!.Value).WithTitle(year2.Title).WithRule(year2.Rule);
        foreach (string sentence in year2.Interpretation)
        {
            builder.WithInterpretation(sentence);
        }

        EligibilityPolicy otherYear = builder.Build();

        Assert.NotEqual(year2, nextVersion);
        Assert.NotEqual(year2, otherYear);
        Assert.False(year2.Equals((EligibilityPolicy?)null));
    }

    [Theory]
    [InlineData(2021, 3, 1)]
    [InlineData(2020, 1, 1)]
    [InlineData(2022, 9, 1)]
    public void NextVersionOf_ADateNotInsideThePrevious_Throws(int year, int month, int day) =>
        Assert.Equal("effectiveFrom", Assert.Throws<ArgumentOutOfRangeException>(
            () => EligibilityPolicyBuilder.NextVersionOf(BuiltInPolicies.Year2, new LocalDate(year, month, day))).ParamName);

    [Fact]
    public void EligibilityRules_Factories_MakeTheSameRulesAsTheConstructors()
    {
        Assert.Equal(
            new ExperienceRule("e", "E", Period.FromYears(3), [new RolePattern(EligibilityRules.SeniorLevels, [OrganisationType.NhsBody], [Sector.Health])], PartTimeCounting.ProRata, true),
            EligibilityRules.Experience("e", "E", Period.FromYears(3), EligibilityRules.SeniorLevels, [OrganisationType.NhsBody], [Sector.Health]));
        Assert.Equal(new ReadinessRule("r", "R", Period.FromYears(2)), EligibilityRules.Readiness("r", "R", Period.FromYears(2)));
        Assert.Equal(new StatementRule("s", "S", 1, 10), EligibilityRules.Statement("s", "S", 1, 10));
        Assert.Equal(new AssessorOutcomeRule("a", "A", AssessedCriterion.Readiness, false), EligibilityRules.Assessed("a", "A", AssessedCriterion.Readiness));
    }
}
