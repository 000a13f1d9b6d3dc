using System;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Testing;

/// <summary><see cref="DecisionAssertions"/>: framework-neutral assertions whose failures print the whole explanation.</summary>
public sealed class DecisionAssertionsTests
{
    private static readonly EligibilityDecision Eligible = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().Build());

    // Two years of experience by the assessment date, the role still current: ineligible, eligible from 1 June 2022.
    private static readonly EligibilityDecision Short = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().WithRole(r => r.From(new LocalDate(2019, 6, 1))).Build());

    private static readonly EligibilityDecision NoReadiness = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().ReadyBy(null).Build());

    [Fact]
    public void AssertionsThatHold_ReturnTheDecision()
    {
        Assert.Same(Eligible, Eligible.ShouldBeEligible());
        Assert.Same(Short, Short.ShouldBeIneligibleBecause(ReasonCodes.ExperienceInsufficient));
        Assert.Same(Short, Short.ShouldBeIneligibleBecause());
        Assert.Same(Short, Short.ShouldBeEligibleFrom(new LocalDate(2022, 6, 1)));
        Assert.Same(NoReadiness, NoReadiness.ShouldBeIncompleteBecause(ReasonCodes.ReadinessMissing));
    }

    [Fact]
    public void AWrongOutcome_SaysWhatWasExpected_WhatItWas_AndTheWholeExplanation()
    {
        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => Short.ShouldBeEligible());

        Assert.StartsWith("Expected A-0001 to be eligible, but it was ineligible (under aspirant-2021-22 v1 as of 2021-06-01).\nThe explanation:\n", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith(Short.ToText(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReasonThatDidNotDecide_FailsWithTheReasonsThatDid()
    {
        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => Short.ShouldBeIneligibleBecause(ReasonCodes.ReadinessBeyondWindow));

        Assert.StartsWith("Expected A-0001 to be ineligible because readiness.beyond-window, but it was ineligible because experience.insufficient", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherEligibleFromDate_OrNone_Fails()
    {
        Assert.Contains("to be eligible from 2022-06-02, but it was eligible from 2022-06-01", Assert.Throws<DecisionAssertionException>(() => Short.ShouldBeEligibleFrom(new LocalDate(2022, 6, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("to be ineligible, but it was eligible", Assert.Throws<DecisionAssertionException>(() => Eligible.ShouldBeEligibleFrom(new LocalDate(2022, 6, 2))).Message, StringComparison.Ordinal);
        Assert.Contains("to be incomplete because readiness.missing, but it was eligible", Assert.Throws<DecisionAssertionException>(() => Eligible.ShouldBeIncompleteBecause(ReasonCodes.ReadinessMissing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_AreProgrammerErrors()
    {
        Assert.Throws<ArgumentNullException>(() => ((EligibilityDecision)null!).ShouldBeEligible());
        Assert.Throws<ArgumentNullException>(() => Short.ShouldBeIneligibleBecause(null!));
    }
}
