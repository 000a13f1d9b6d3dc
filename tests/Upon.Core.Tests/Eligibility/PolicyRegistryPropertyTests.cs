using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>A registry accepts contiguous policies, finds the one in force, and refuses any gap or overlap.</summary>
public sealed class PolicyRegistryPropertyTests
{
    [Property]
    public Property Create_ContiguousPolicies_Succeeds_AndFindReturnsThePolicyInForce() =>
        Prop.ForAll(EligibilityGenerators.PolicySequences(), sequence =>
        {
            DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(sequence.Policies);

            Assert.True(result.IsValid, string.Join("; ", result.Problems));
            foreach (string year in sequence.Policies.Select(p => p.ProgrammeYear).Distinct())
            {
                EligibilityPolicy[] inForce = [.. sequence.Policies.Where(p => p.Governs(year, sequence.Probe))];
                Assert.True(inForce.Length <= 1);
                Assert.Equal(inForce.SingleOrDefault(), result.Value.Find(year, sequence.Probe));
                EligibilityPolicy first = sequence.Policies.Where(p => p.ProgrammeYear == year).MinBy(p => p.EffectiveFrom)!;
                Assert.Null(result.Value.Find(year, first.EffectiveFrom.PlusDays(-1)));
                Assert.Same(first, result.Value.Find(year, first.EffectiveFrom));
            }

            foreach (EligibilityPolicy policy in sequence.Policies)
            {
                Assert.Same(policy, result.Value.Find(policy.ProgrammeYear, policy.EffectiveFrom));
                if (policy.EffectiveTo is LocalDate to)
                {
                    Assert.Same(policy, result.Value.Find(policy.ProgrammeYear, to));
                }
            }
        });

    [Property]
    public Property Create_WithAGapIntroduced_IsRefusedWithTheGapCode() =>
        Prop.ForAll(EligibilityGenerators.PolicySequences(), sequence =>
        {
            if (Boundary(sequence) is not (int previous, int next))
            {
                return;
            }

            EligibilityPolicy before = sequence.Policies[previous];
            int length = Period.DaysBetween(before.EffectiveFrom, before.EffectiveTo!.Value) + 1;
            int shift = 1 + ((sequence.Shift - 1) % (length - 1));
            ImmutableArray<EligibilityPolicy> gapped = sequence.Policies.SetItem(
                previous,
                EligibilityGenerators.WithDates(before, before.EffectiveFrom, before.EffectiveTo.Value.PlusDays(-shift)));

            DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(gapped);

            Assert.False(result.IsValid);
            DocumentProblem problem = Assert.Single(result.Problems);
            Assert.Equal(EligibilityProblemCodes.PolicyGap, problem.Code);
            Assert.Equal($"$[{System.Math.Max(previous, next)}]", problem.Path);
        });

    [Property]
    public Property Create_WithAnOverlapIntroduced_IsRefusedWithTheOverlapCode() =>
        Prop.ForAll(EligibilityGenerators.PolicySequences(), sequence =>
        {
            if (Boundary(sequence) is not (int previous, int next))
            {
                return;
            }

            EligibilityPolicy before = sequence.Policies[previous];
            LocalDate? to = sequence.Shift % 5 == 0 ? null : before.EffectiveTo!.Value.PlusDays(sequence.Shift);
            ImmutableArray<EligibilityPolicy> overlapping = sequence.Policies.SetItem(previous, EligibilityGenerators.WithDates(before, before.EffectiveFrom, to));

            DocumentResult<PolicyRegistry> result = PolicyRegistry.Create(overlapping);

            Assert.False(result.IsValid);
            DocumentProblem problem = Assert.Single(result.Problems);
            Assert.Equal(EligibilityProblemCodes.PolicyOverlap, problem.Code);
            Assert.Equal($"$[{System.Math.Max(previous, next)}]", problem.Path);
        });

    /// <summary>Picks a boundary between two policies of one programme year, or null when every year has one policy.</summary>
    private static (int Previous, int Next)? Boundary(PolicySequence sequence)
    {
        ImmutableArray<(int Previous, int Next)> boundaries = sequence.Boundaries();
        return boundaries.IsEmpty ? null : boundaries[sequence.Pick % boundaries.Length];
    }
}
