using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The laws of deciding: monotone in qualifying roles, deterministic, and eligible-from consistent with deciding later.</summary>
public sealed class EligibilityPolicyPropertyTests
{
    [Property]
    public Property AddingAQualifyingFullTimeRole_NeverTurnsEligibleIntoIneligible() =>
        Prop.ForAll(EligibilityGenerators.ApplicationsAndQualifyingRoles(partTime: false), pair =>
        {
            (EligibilityPolicy policy, ApplicationAndRole added) = pair;
            if (policy.Decide(added.Application).Outcome == EligibilityOutcome.Eligible)
            {
                Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(added.Application.WithRoles(added.Application.Roles.Add(added.Role))).Outcome);
            }
        });

    // With part-time roles too, under every generated policy (pro rata and in full). The case that once broke it: a
    // current full-time role from 1 March 2020 is eligible on 1 March 2023 (1,095 days), and adding a half-time role
    // on 20 February 2020 alone moves the first day back across 29 February 2020, so three years need 1,096 days;
    // experience rounds a part of a day up to a whole day, so the half day added is enough.
    [Property]
    public Property AddingAQualifyingPartTimeRole_NeverTurnsEligibleIntoIneligible() =>
        Prop.ForAll(EligibilityGenerators.ApplicationsAndQualifyingRoles(partTime: true), pair =>
        {
            (EligibilityPolicy policy, ApplicationAndRole added) = pair;
            if (policy.Decide(added.Application).Outcome == EligibilityOutcome.Eligible)
            {
                Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(added.Application.WithRoles(added.Application.Roles.Add(added.Role))).Outcome);
            }
        });

    [Fact]
    public void AddingAHalfTimeRoleAcrossALeapDay_KeepsTheApplicationEligible()
    {
        EligibilityPolicy policy = EligibilityGenerators.Policies.Single(p => p.Id == "experience-pro-rata");
        Role current = new("AD", "Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2020, 3, 1));
        Role halfDay = new("AD", "Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2020, 2, 20), new LocalDate(2020, 2, 20), partTimeFraction: 0.5m);
        Application application = new("A-1", "2022/23", new LocalDate(2023, 3, 1), [current], new LocalDate(2024, 1, 1), "Children first.");

        Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(application).Outcome);
        Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(application.WithRoles([current, halfDay])).Outcome);
    }

    [Fact]
    public void TheGeneratedApplications_IncludeEligibleOnes_SoTheMonotonyLawsAreTested()
    {
        // Guards the two laws above against a generator that never produces an eligible application.
        int eligible = EligibilityGenerators.ApplicationsAndQualifyingRoles(partTime: false).Generator.Sample(3000)
            .Count(pair => pair.Policy.Decide(pair.Case.Application).IsEligible);

        Assert.InRange(eligible, 10, 3000);
    }

    [Property]
    public Property Decide_TheSameInputTwice_GivesEqualDecisions() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            EligibilityDecision first = policy.Decide(application);
            EligibilityDecision second = policy.Decide(application);
            EligibilityDecision copy = policy.Decide(application.WithRoles([.. application.Roles]));

            Assert.Equal(first, second);
            Assert.Equal(first, copy);
            Assert.Equal(first.ToString(), second.ToString());
            Assert.Equal<string>(Explanations.Flatten(first.Explanation).Select(r => r.Message), Explanations.Flatten(second.Explanation).Select(r => r.Message));
        });

    [Property]
    public Property Decide_FromManyThreadsAtOnce_GivesTheSameDecisionsAsOneThread()
    {
        Arbitrary<(EligibilityPolicy, Application[])> batches = Arb.From(
            from policy in Gen.Elements(EligibilityGenerators.Policies.AsEnumerable())
            from count in Gen.Choose(1, 8)
            from applications in Gen.ArrayOf(EligibilityGenerators.ApplicationGen(), count)
            select (policy, applications),
            pair => Enumerable.Range(0, pair.Item2.Length).Where(_ => pair.Item2.Length > 1).Select(i => (pair.Item1, pair.Item2.Where((_, j) => j != i).ToArray())));

        return Prop.ForAll(batches, pair =>
        {
            (EligibilityPolicy policy, Application[] applications) = pair;
            EligibilityDecision[] expected = [.. applications.Select(policy.Decide)];
            EligibilityDecision[] parallel = new EligibilityDecision[applications.Length * 8];

            Parallel.For(0, parallel.Length, i => parallel[i] = policy.Decide(applications[i % applications.Length]));

            for (int i = 0; i < parallel.Length; i++)
            {
                Assert.Equal(expected[i % applications.Length], parallel[i]);
                Assert.Equal(expected[i % applications.Length].Explanation.Message, parallel[i].Explanation.Message);
            }
        });
    }

    [Property]
    public Property EligibleFrom_IsAfterTheAsOfDate_EligibleOnIt_AndNotTheDayBefore() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(futureRoles: false), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            EligibilityDecision decision = policy.Decide(application);
            if (decision.EligibleFrom is not LocalDate from)
            {
                return;
            }

            Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
            Assert.True(from > decision.AsOf, $"eligible from {from}, as of {decision.AsOf}");
            Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(application, from).Outcome);
            Assert.NotEqual(EligibilityOutcome.Eligible, policy.Decide(application, from.PlusDays(-1)).Outcome);
        });

    [Fact]
    public void TheGeneratedApplications_IncludeOnesWithAnEligibleFromDate_SoTheLawIsTested()
    {
        // A guard against a generator that never exercises the law: a large sample and a low bar, so it cannot flake.
        int withDate = EligibilityGenerators.PolicyAndApplications(futureRoles: false).Generator.Sample(3000)
            .Count(pair => pair.Policy.Decide(pair.Application).EligibleFrom is not null);

        Assert.InRange(withDate, 10, 3000);
    }
}
