using System;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Testing;

/// <summary><see cref="EligibilityCaseAssertions"/>: a case file or list passes whole, or the failure names every failing case with its explanation.</summary>
public sealed class EligibilityCaseAssertionsTests
{
    private static readonly Application Short = new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 1))).Build();

    private static readonly EligibilityCase Passing = new("passing", Short, "aspirant-2021-22", 1, new LocalDate(2021, 6, 1),
        new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2022, 6, 1), [ReasonCodes.ExperienceInsufficient]));

    private static readonly EligibilityCase Failing = new("failing", Short, "aspirant-2021-22", 1, new LocalDate(2021, 6, 1),
        new EligibilityExpectation(EligibilityOutcome.Eligible));

    [Fact]
    public void AFileWhoseCasesAllPass_GivesTheRun()
    {
        using MemoryStream file = new(Encoding.UTF8.GetBytes(EligibilityCaseGenerators.Json([Passing])));

        EligibilityCaseRun run = EligibilityCaseAssertions.AllPass(file);

        Assert.Equal(1, run.Passed);
        Assert.Same(run, run.ShouldAllPass());
        Assert.Equal(1, EligibilityCaseAssertions.AllPass([Passing]).Passed);
    }

    [Fact]
    public void AFailingCase_ThrowsWithTheSummary_WhatDiffers_AndTheWholeExplanation()
    {
        using MemoryStream file = new(Encoding.UTF8.GetBytes(EligibilityCaseGenerators.Json([Passing, Failing])));

        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => EligibilityCaseAssertions.AllPass(file));

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(Short);
        Assert.Equal(
            "Expected every case to pass, but 2 records: 2 cases (1 passed, 1 failed), 0 errors.\n\n"
            + "failing: failed: outcome expected eligible, was ineligible; eligible from expected none, was 2022-06-01; reasons expected none, were experience.insufficient\n"
            + string.Join('\n', decision.ToLines().Select(l => "  " + l)),
            failure.Message);
    }

    [Fact]
    public void TheRegistryGiven_IsTheOneTheCasesAreRunAgainst()
    {
        PolicyRegistry year1Only = PolicyRegistry.Create([BuiltInPolicies.Year1]).GetValueOrThrow();

        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => EligibilityCaseAssertions.AllPass([Passing], year1Only));

        Assert.Contains("passing: not run: The registry has no policy with the case's identifier and version", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordThatCannotBeRead_Fails()
    {
        using MemoryStream file = new(Encoding.UTF8.GetBytes("""{"cases": [42]}"""));

        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => EligibilityCaseAssertions.AllPass(file));

        Assert.Equal(
            "Expected every case to pass, but 1 record: 0 cases (0 passed, 0 failed), 1 error.\n\nrecord 1: $.cases[0]: Expected a case object, but found a number. (value.type-mismatch)",
            failure.Message);
    }

    [Fact]
    public void Nulls_AreProgrammerErrors()
    {
        Assert.Equal("caseFile", Assert.Throws<ArgumentNullException>(() => EligibilityCaseAssertions.AllPass((Stream)null!)).ParamName);
        Assert.Equal("cases", Assert.Throws<ArgumentNullException>(() => EligibilityCaseAssertions.AllPass((EligibilityCase[])null!)).ParamName);
        Assert.Equal("run", Assert.Throws<ArgumentNullException>(() => ((EligibilityCaseRun)null!).ShouldAllPass()).ParamName);
    }
}
