using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Effective experience against a plain day-by-day model: for each day before the as-of date, the
/// largest weight among the qualifying roles held that day. The measure sweeps edges instead (one way
/// for up to 32 roles, another above), and projects the met-on date segment by segment; the model
/// does neither, so any slip in the sweeps or the projection shows as a difference.
/// </summary>
public sealed class EffectiveExperienceModelTests
{
    /// <summary>Roles the model and the tests treat as not qualifying are the acting ones, with this reason.</summary>
    private const string NotQualifying = ReasonCodes.RoleActingNotCounted;

    private static readonly LocalDate FirstAsOf = new(2020, 1, 1);

    // Above 128 roles the edges are kept on the heap rather than the stack.
    [Property]
    public Property Experience_Above32Roles_SweepGivesSameTotalAsDayByDay() =>
        Prop.ForAll(Cases(33, 160), @case => AssertAgreesWithModel(@case));

    [Property]
    public Property Experience_UpTo32Roles_SweepGivesSameTotalAsDayByDay() =>
        Prop.ForAll(Cases(0, 32), @case => AssertAgreesWithModel(@case));

    [Property]
    public Property MetOn_IsTheFirstDateOnWhichTheRolesAlreadyStartedMeetTheRequirement() =>
        Prop.ForAll(CasesWithRequirement(0, 40), pair =>
        {
            ((ImmutableArray<Role> roles, LocalDate asOf, PartTimeCounting counting), Period required) = pair;
            EffectiveExperience experience = Measure(roles, asOf, counting);
            LocalDate? metOn = experience.MetOn(required);

            // Roles that start after the as-of date are not assumed; a role starting on it is.
            ImmutableArray<Role> started = [.. roles.Where(r => r.Start <= asOf)];
            if (ModelMeets(started, asOf, counting, required))
            {
                Assert.Equal(asOf, metOn);
                return;
            }

            if (metOn is LocalDate on)
            {
                Assert.True(on > asOf, $"met on {on}, not after {asOf}");
                Assert.True(ModelMeets(started, on, counting, required), $"not met on {on}");
                Assert.False(ModelMeets(started, on.PlusDays(-1), counting, required), $"already met on {on.PlusDays(-1)}");
            }
            else
            {
                // Never met within the dates eligibility works with.
                Assert.False(Measure(started, EligibilityDates.Range.End, counting).Meets(required));
            }
        });

    private static void AssertAgreesWithModel((ImmutableArray<Role> Roles, LocalDate AsOf, PartTimeCounting Counting) @case)
    {
        (ImmutableArray<Role> roles, LocalDate asOf, PartTimeCounting counting) = @case;
        EffectiveExperience experience = Measure(roles, asOf, counting);
        long thousandths = ModelThousandths(roles, asOf, counting, out LocalDate? firstDay);

        Assert.Equal(thousandths / 1000m, experience.Days);
        Assert.Equal(firstDay, experience.FirstDay);
        Assert.Equal(asOf, experience.AsOf);

        // Held on the as-of date: started on or before it and not ended before it.
        int rate = roles.Where(r => Qualifies(r) && r.Start <= asOf && (r.End is null || r.End >= asOf))
            .Select(r => ModelWeight(r, counting)).DefaultIfEmpty(0).Max();
        Assert.Equal(rate / 1000m, experience.CurrentDailyRate);

        Assert.Equal(roles.Length, experience.Roles.Length);
        for (int i = 0; i < roles.Length; i++)
        {
            Role role = roles[i];
            RoleEvidence evidence = experience.Roles[i];
            Assert.Equal(i, evidence.RoleIndex);
            if (!Qualifies(role))
            {
                Assert.Equal(new RoleEvidence(i, NotQualifying, null, 0m), evidence);
            }
            else if (role.Start >= asOf)
            {
                Assert.Equal(new RoleEvidence(i, ReasonCodes.RoleNotStarted, null, 0m), evidence);
            }
            else
            {
                LocalDate last = role.End is LocalDate end && end < asOf ? end : asOf.PlusDays(-1);
                int length = Period.DaysBetween(role.Start, last) + 1;
                Assert.Equal(new RoleEvidence(i, ReasonCodes.RoleCounted, new DateInterval(role.Start, last), length * ModelWeight(role, counting) / 1000m), evidence);
            }
        }

        // Calendar terms: whole days (a part of a day rounded up) laid end to end from the first day.
        foreach (Period required in new[] { Period.Zero, Period.FromDays(1), Period.FromMonths(7), Period.FromYears(1) })
        {
            if (firstDay is LocalDate first)
            {
                LocalDate reached = first.PlusDays((int)((thousandths + 999) / 1000));
                LocalDate target = first.Plus(required);
                Assert.Equal(Period.Between(first, reached, PeriodUnits.YearMonthDay), experience.Period);
                Assert.Equal(reached >= target, experience.Meets(required));
                Assert.Equal(reached >= target ? Period.Zero : Period.Between(reached, target, PeriodUnits.YearMonthDay), experience.Shortfall(required));
            }
            else
            {
                Assert.Equal(Period.Zero, experience.Period);
                Assert.Equal(required.Equals(Period.Zero), experience.Meets(required));
                Assert.Equal(required, experience.Shortfall(required));
            }
        }
    }

    /// <summary>The model: thousandths of a day, the largest weight of the day summed over the days before <paramref name="asOf"/>.</summary>
    private static long ModelThousandths(IEnumerable<Role> roles, LocalDate asOf, PartTimeCounting counting, out LocalDate? firstDay)
    {
        List<Role> counted = [.. roles.Where(r => Qualifies(r) && r.Start < asOf)];
        if (counted.Count == 0)
        {
            firstDay = null;
            return 0;
        }

        LocalDate first = counted.Min(r => r.Start);
        int[] best = new int[Period.DaysBetween(first, asOf)];
        foreach (Role role in counted)
        {
            LocalDate last = role.End is LocalDate end && end < asOf ? end : asOf.PlusDays(-1);
            int weight = ModelWeight(role, counting);
            for (int day = Period.DaysBetween(first, role.Start); day <= Period.DaysBetween(first, last); day++)
            {
                best[day] = Math.Max(best[day], weight);
            }
        }

        firstDay = first;
        return best.Sum(w => (long)w);
    }

    private static bool ModelMeets(IEnumerable<Role> roles, LocalDate asOf, PartTimeCounting counting, Period required)
    {
        long thousandths = ModelThousandths(roles, asOf, counting, out LocalDate? firstDay);
        return firstDay is LocalDate first
            ? first.PlusDays((int)((thousandths + 999) / 1000)) >= first.Plus(required)
            : required.Equals(Period.Zero);
    }

    /// <summary>A role's weight in thousandths of a day: 1000, or pro rata its fraction to the nearest thousandth (ties to even), never below one thousandth.</summary>
    private static int ModelWeight(Role role, PartTimeCounting counting) =>
        counting == PartTimeCounting.ProRata && role.PartTimeFraction is decimal fraction
            ? Math.Max(1, (int)Math.Round(fraction * 1000m, MidpointRounding.ToEven))
            : 1000;

    private static bool Qualifies(Role role) => !role.IsActing;

    private static EffectiveExperience Measure(IReadOnlyList<Role> roles, LocalDate asOf, PartTimeCounting counting) =>
        EffectiveExperience.Measure(roles, asOf, role => Qualifies(role) ? null : NotQualifying, counting);

    /// <summary>
    /// Role sets of <paramref name="min"/> to <paramref name="max"/> roles around an as-of date: many
    /// overlapping, many sharing a weight, many starting or ending on the as-of date or next to it, a
    /// fifth not qualifying, counted pro rata or in full.
    /// </summary>
    private static Arbitrary<(ImmutableArray<Role> Roles, LocalDate AsOf, PartTimeCounting Counting)> Cases(int min, int max) =>
        Arb.From(CaseGen(min, max), Shrink);

    private static Arbitrary<((ImmutableArray<Role> Roles, LocalDate AsOf, PartTimeCounting Counting) Case, Period Required)> CasesWithRequirement(int min, int max)
    {
        Gen<Period> required = Gen.OneOf(
            Gen.Constant(Period.Zero),
            Gen.Choose(1, 3).Select(Period.FromYears),
            Gen.Choose(1, 40).Select(Period.FromMonths),
            Gen.Choose(1, 1500).Select(n => Period.FromDays(n)));
        Gen<((ImmutableArray<Role>, LocalDate, PartTimeCounting), Period)> gen =
            from @case in CaseGen(min, max)
            from period in required
            select (@case, period);
        return Arb.From(gen, pair => Shrink(pair.Item1).Select(smaller => (smaller, pair.Item2)));
    }

    private static Gen<(ImmutableArray<Role>, LocalDate, PartTimeCounting)> CaseGen(int min, int max) =>
        from asOfDay in Gen.Choose(0, 1500)
        let asOf = FirstAsOf.PlusDays(asOfDay)
        from count in Gen.Choose(min, max)
        from roles in Gen.ArrayOf(RoleGen(asOf), count)
        from counting in Gen.Elements(PartTimeCounting.ProRata, PartTimeCounting.Full)
        select (roles.ToImmutableArray(), asOf, counting);

    private static Gen<Role> RoleGen(LocalDate asOf)
    {
        Gen<LocalDate> start = Gen.Frequency(
            (6, Gen.Choose(-900, 60).Select(n => asOf.PlusDays(n))),
            (1, Gen.Constant(asOf)),
            (1, Gen.Constant(asOf.PlusDays(-1))),
            (1, Gen.Constant(asOf.PlusDays(1))));
        Gen<decimal?> fraction = Gen.Frequency(
            (4, Gen.Constant<decimal?>(null)),
            (3, Gen.Elements<decimal?>(1m, 0.5m, 0.25m, 0.001m, 0.0004m, 0.0005m, 0.0015m, 0.6667m)),
            (2, Gen.Choose(1, 1000).Select(n => (decimal?)(n / 1000m))));
        return
            from first in start
            from end in Gen.Frequency(
                (2, Gen.Constant<LocalDate?>(null)),
                (5, Gen.Choose(0, 400).Select(n => (LocalDate?)first.PlusDays(n))),
                (1, Gen.Constant<LocalDate?>(asOf)),
                (1, Gen.Constant<LocalDate?>(asOf.PlusDays(-1))))
            from part in fraction
            from acting in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new Role(
                "Head of Service", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService,
                first, end is LocalDate last && last < first ? first : end, part, acting);
    }

    private static IEnumerable<(ImmutableArray<Role>, LocalDate, PartTimeCounting)> Shrink((ImmutableArray<Role> Roles, LocalDate AsOf, PartTimeCounting Counting) @case) =>
        EligibilityGenerators.ShrinkRoles(@case.Roles).Select(roles => (roles, @case.AsOf, @case.Counting));
}
