using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The laws of effective experience: union of days, no double counting, calendar terms.</summary>
public sealed class EffectiveExperiencePropertyTests
{
    private static readonly Period ThreeYears = Period.FromYears(3);

    [Property]
    public Property DuplicatingARole_NeverChangesEffectiveExperience_WhenPartTimeCountsInFull() =>
        Prop.ForAll(EligibilityGenerators.PickedRoles(partTime: true), picked =>
            AssertSameExperience(picked.Roles, picked.WithDuplicate, picked.AsOf, PartTimeCounting.Full, compareMetOn: true));

    // Concurrent roles take the largest weight of the day, so a part-time role entered twice counts once.
    [Property]
    public Property DuplicatingARole_NeverChangesEffectiveExperience_ProRata() =>
        Prop.ForAll(EligibilityGenerators.PickedRoles(partTime: true), picked =>
            AssertSameExperience(picked.Roles, picked.WithDuplicate, picked.AsOf, PartTimeCounting.ProRata, compareMetOn: true));

    [Property]
    public Property SplittingARoleIntoTwoAdjacentRoles_NeverChangesEffectiveExperience() =>
        Prop.ForAll(EligibilityGenerators.PickedRoles(partTime: true), picked =>
        {
            if (picked.WithSplit is not ImmutableArray<Role> split)
            {
                return;
            }

            // MetOn projects only roles already started, so it is compared when the second part has started.
            bool secondStarted = split[^1].Start < picked.AsOf;
            AssertSameExperience(picked.Roles, split, picked.AsOf, PartTimeCounting.ProRata, secondStarted);
            AssertSameExperience(picked.Roles, split, picked.AsOf, PartTimeCounting.Full, secondStarted);
        });

    [Property]
    public Property EffectiveExperience_NeverExceedsTheSpanFromTheEarliestStartToTheAsOfDate() =>
        Prop.ForAll(EligibilityGenerators.Applications(), application =>
        {
            foreach (PartTimeCounting counting in new[] { PartTimeCounting.ProRata, PartTimeCounting.Full })
            {
                EffectiveExperience experience = Measure(application.Roles, application.AssessedOn, counting);
                LocalDate? earliest = application.Roles.IsEmpty ? null : application.Roles.Min(r => r.Start);
                int span = earliest is LocalDate first && first < application.AssessedOn ? Period.DaysBetween(first, application.AssessedOn) : 0;

                Assert.InRange(experience.Days, 0m, span);
                if (experience.FirstDay is LocalDate firstDay)
                {
                    Assert.True(firstDay >= earliest);
                    Assert.True(firstDay.Plus(experience.Period) <= application.AssessedOn, $"{firstDay} + {experience.Period} is after {application.AssessedOn}");
                }
                else
                {
                    Assert.Equal(0m, experience.Days);
                    Assert.Equal(Period.Zero, experience.Period);
                }
            }
        });

    [Property]
    public Property EffectiveExperience_OfDisjointFullTimeRoles_IsTheSumOfTheirLengths() =>
        Prop.ForAll(EligibilityGenerators.DisjointRoles(), pair =>
        {
            (ImmutableArray<Role> roles, LocalDate asOf) = pair;
            int sum = roles.Sum(r => r.CountedBefore(asOf)?.Length ?? 0);

            EffectiveExperience experience = Measure(roles, asOf, PartTimeCounting.ProRata);

            Assert.Equal(sum, experience.Days);
            Assert.Equal(sum, experience.Roles.Sum(e => e.Days));
            if (roles.Length == 1 && roles[0].CountedBefore(asOf) is DateInterval counted)
            {
                // A single continuous period is exact in calendar terms.
                Assert.Equal(Period.Between(counted.Start, counted.End.PlusDays(1), PeriodUnits.YearMonthDay), experience.Period);
            }
        });

    [Property]
    public Property ExactlyThreeCalendarYears_IsEligible_AndOneDayLessIsNot() =>
        Prop.ForAll(EligibilityGenerators.StartDates(), start =>
        {
            EligibilityPolicy policy = EligibilityGenerators.PolicyOf(EligibilityGenerators.ThreeYears());
            LocalDate threeYearsOn = start.Plus(ThreeYears);
            Application current = Applicant(threeYearsOn, Role(start, null));

            EligibilityDecision onTheDay = policy.Decide(current);
            EligibilityDecision dayBefore = policy.Decide(current, threeYearsOn.PlusDays(-1));

            Assert.Equal(EligibilityOutcome.Eligible, onTheDay.Outcome);
            Assert.Equal(ThreeYears, onTheDay.Explanation.Measured);
            Assert.Equal(EligibilityOutcome.Ineligible, dayBefore.Outcome);
            Assert.Equal(threeYearsOn, dayBefore.EligibleFrom);

            // A past role whose last day is the day before the three years are up counts exactly three years; a day shorter does not.
            Application ended = Applicant(threeYearsOn.PlusDays(400), Role(start, threeYearsOn.PlusDays(-1)));
            Application shorter = ended.WithRoles([Role(start, threeYearsOn.PlusDays(-2))]);
            Assert.Equal(EligibilityOutcome.Eligible, policy.Decide(ended).Outcome);
            Assert.Equal(EligibilityOutcome.Ineligible, policy.Decide(shorter).Outcome);
            Assert.Null(policy.Decide(shorter).EligibleFrom);
        });

    [Property]
    public Property MetOn_OfASingleCurrentFullTimeRoleNotYetEnough_IsThreeYearsAfterItsStart() =>
        Prop.ForAll(EligibilityGenerators.StartDates(), start =>
        {
            LocalDate threeYearsOn = start.Plus(ThreeYears);
            int span = Period.DaysBetween(start, threeYearsOn);
            foreach (int offset in new[] { 1, 2, span / 3, span / 2, span - 1 })
            {
                LocalDate asOf = start.PlusDays(offset);
                EffectiveExperience experience = Measure([Role(start, null)], asOf, PartTimeCounting.ProRata);

                Assert.False(experience.Meets(ThreeYears));
                Assert.Equal(threeYearsOn, experience.MetOn(ThreeYears));
                Assert.Equal(1m, experience.CurrentDailyRate);
            }
        });

    private static void AssertSameExperience(ImmutableArray<Role> roles, ImmutableArray<Role> changed, LocalDate asOf, PartTimeCounting counting, bool compareMetOn)
    {
        EffectiveExperience before = Measure(roles, asOf, counting);
        EffectiveExperience after = Measure(changed, asOf, counting);

        Assert.Equal(before.Days, after.Days);
        Assert.Equal(before.FirstDay, after.FirstDay);
        Assert.Equal(before.Period, after.Period);
        Assert.Equal(before.CurrentDailyRate, after.CurrentDailyRate);
        Assert.Equal(before.Meets(ThreeYears), after.Meets(ThreeYears));
        Assert.Equal(before.Shortfall(ThreeYears), after.Shortfall(ThreeYears));
        if (compareMetOn)
        {
            Assert.Equal(before.MetOn(ThreeYears), after.MetOn(ThreeYears));
        }
    }

    private static EffectiveExperience Measure(IReadOnlyList<Role> roles, LocalDate asOf, PartTimeCounting counting)
    {
        ExperienceRule rule = EligibilityGenerators.ThreeYears(counting);
        return EffectiveExperience.Measure(roles, asOf, rule.Exclusion, counting);
    }

    private static Role Role(LocalDate start, LocalDate? end) =>
        new("Head of Early Help & Safeguarding", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, end);

    private static Application Applicant(LocalDate assessedOn, params Role[] roles) =>
        new("A-1", "2020/21", assessedOn, roles);
}
