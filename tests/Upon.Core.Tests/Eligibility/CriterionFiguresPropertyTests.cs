using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// The calendar figures of an explanation (<see cref="CriterionResult.Measured"/>, <see cref="CriterionResult.Difference"/>),
/// which a decision works out only when they are read: they are what the rules say, whoever reads them first, from
/// however many threads, and a copy that changes what they come from keeps the figures of the decision it copies.
/// </summary>
public sealed class CriterionFiguresPropertyTests
{
    [Property]
    public Property ExperienceAndReadinessFigures_AreTheCalendarArithmeticOfTheRule() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            EligibilityDecision decision = policy.Decide(application);
            foreach (CriterionResult result in Explanations.Flatten(decision.Explanation))
            {
                (Period? measured, Period? difference) = Expected(result, application, decision.AsOf);
                Assert.Equal(measured, result.Measured);
                Assert.Equal(difference, result.Difference);
            }
        });

    [Property]
    public Property FiguresRead_FromManyThreadsAtOnce_AreThoseOfOneThread() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            CriterionResult[] expected = [.. Explanations.Flatten(policy.Decide(application).Explanation)];
            CriterionResult[] shared = [.. Explanations.Flatten(policy.Decide(application).Explanation)];
            (Period? Measured, Period? Difference)[] read = new (Period?, Period?)[shared.Length * 8];

            Parallel.For(0, read.Length, i => read[i] = (shared[i % shared.Length].Measured, shared[i % shared.Length].Difference));

            for (int i = 0; i < read.Length; i++)
            {
                Assert.Equal(expected[i % shared.Length].Measured, read[i].Measured);
                Assert.Equal(expected[i % shared.Length].Difference, read[i].Difference);
            }
        });

    [Property]
    public Property ACopyThatChangesWhatTheFiguresComeFrom_KeepsTheFiguresOfTheDecisionItCopies() =>
        Prop.ForAll(EligibilityGenerators.PolicyAndApplications(), pair =>
        {
            (EligibilityPolicy policy, Application application) = pair;
            CriterionResult[] expected = [.. Explanations.Flatten(policy.Decide(application).Explanation)];
            CriterionResult[] unread = [.. Explanations.Flatten(policy.Decide(application).Explanation)];
            for (int i = 0; i < unread.Length; i++)
            {
                // Copied before anything was read: the copy's figures were left to be worked out, from what it now replaces.
                CriterionResult other = unread[i] with { Required = Period.FromYears(40), Experience = null };
                Assert.Equal(expected[i].Measured, other.Measured);
                Assert.Equal(expected[i].Difference, other.Difference);
                Assert.Equal(Period.FromYears(40), other.Required);
                Assert.Null(other.Experience);

                // The result copied is unchanged.
                Assert.Equal(expected[i], unread[i]);
            }
        });

    [Fact]
    public void AFigureSetOnACopy_ReplacesTheOneLeftToBeWorkedOut_AndLeavesTheOther()
    {
        Application application = new(
            "A-1",
            "2021/22",
            new LocalDate(2021, 6, 1),
            [new Role("AD", "Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2019, 6, 1))],
            new LocalDate(2024, 9, 1),
            "Children first.");
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);
        CriterionResult readiness = Explanations.Flatten(decision.Explanation).Single(r => r.Kind == RuleKind.Readiness);
        CriterionResult experience = Explanations.Flatten(decision.Explanation).First(r => r.Kind == RuleKind.Experience);

        CriterionResult copy = readiness with { Measured = Period.FromDays(1) };
        CriterionResult shortCopy = experience with { Difference = Period.FromDays(2) };

        // Ready by 1 September 2024 from 1 June 2021: 3 years 3 months, beyond Year 2's window of 3 years by 3 months.
        Assert.Equal(Period.FromDays(1), copy.Measured);
        Assert.Equal(Period.FromMonths(3), copy.Difference);
        Assert.Equal(new PeriodBuilder { Years = 3, Months = 3 }.Build(), readiness.Measured);
        Assert.Equal(new PeriodBuilder { Years = 2 }.Build(), experience.Measured);
        Assert.Equal(new PeriodBuilder { Years = 2 }.Build(), shortCopy.Measured);
        Assert.Equal(Period.FromDays(2), shortCopy.Difference);
    }

    /// <summary>The figures a result should have, worked out from the public members of its rule's evidence.</summary>
    private static (Period? Measured, Period? Difference) Expected(CriterionResult result, Application application, LocalDate asOf)
    {
        switch (result.Kind)
        {
            case RuleKind.Experience:
                EffectiveExperience experience = result.Experience!;
                if (experience.FirstDay is not LocalDate first)
                {
                    return (Period.Zero, result.Required);
                }

                LocalDate reached = first.PlusDays((int)decimal.Ceiling(experience.Days));
                LocalDate target = first.Plus(result.Required!);
                return (Period.Between(first, reached, PeriodUnits.YearMonthDay), reached >= target ? Period.Zero : Period.Between(reached, target, PeriodUnits.YearMonthDay));
            case RuleKind.Readiness when application.ReadyBy is LocalDate readyBy:
                LocalDate limit = asOf.Plus(result.Required!);
                return (
                    readyBy <= asOf ? Period.Zero : Period.Between(asOf, readyBy, PeriodUnits.YearMonthDay),
                    readyBy <= limit ? Period.Zero : Period.Between(limit, readyBy, PeriodUnits.YearMonthDay));
            default:
                return (null, null);
        }
    }
}
