using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>The order in which an applicant lists their roles never matters.</summary>
public sealed class RoleOrderPropertyTests
{
    [Property]
    public Property Decide_AnyPermutationOfTheRoles_GivesTheSameDecisionAndExperience() =>
        Prop.ForAll(EligibilityGenerators.PermutedApplications(), pair =>
        {
            (EligibilityPolicy policy, PermutedApplication permuted) = pair;
            Application original = permuted.Application;
            Application reordered = permuted.Permuted;

            EligibilityDecision before = policy.Decide(original);
            EligibilityDecision after = policy.Decide(reordered);

            Assert.Equal(before.Outcome, after.Outcome);
            Assert.Equal(before.EligibleFrom, after.EligibleFrom);
            CriterionResult[] beforeResults = [.. Explanations.Flatten(before.Explanation)];
            CriterionResult[] afterResults = [.. Explanations.Flatten(after.Explanation)];
            Assert.Equal(beforeResults.Length, afterResults.Length);
            for (int i = 0; i < beforeResults.Length; i++)
            {
                Assert.Equal(beforeResults[i].Code, afterResults[i].Code);
                Assert.Equal(beforeResults[i].Outcome, afterResults[i].Outcome);
                Assert.Equal(beforeResults[i].Reason, afterResults[i].Reason);
                Assert.Equal(beforeResults[i].Measured, afterResults[i].Measured);
                Assert.Equal(beforeResults[i].Difference, afterResults[i].Difference);
                Assert.Equal(beforeResults[i].MetOn, afterResults[i].MetOn);
                Assert.Equal(beforeResults[i].Message, afterResults[i].Message);
                if (beforeResults[i].Experience is EffectiveExperience x)
                {
                    EffectiveExperience y = afterResults[i].Experience!;
                    Assert.Equal(x.Days, y.Days);
                    Assert.Equal(x.Period, y.Period);
                    Assert.Equal(x.FirstDay, y.FirstDay);
                    Assert.Equal(x.CurrentDailyRate, y.CurrentDailyRate);
                    Assert.Equal(Evidence(original.Roles, x), Evidence(reordered.Roles, y));
                }
            }
        });

    /// <summary>The evidence as a multiset: each role (by value) with how it counted, with how often it occurs.</summary>
    private static Dictionary<string, int> Evidence(ImmutableArray<Role> roles, EffectiveExperience experience) =>
        experience.Roles
            .Select(e => $"{roles[e.RoleIndex].Title}|{roles[e.RoleIndex].Organisation}|{roles[e.RoleIndex]}|{roles[e.RoleIndex].PartTimeFraction}|{roles[e.RoleIndex].IsActing}|{e.Reason}|{e.Counted}|{e.Days}")
            .GroupBy(key => key, System.StringComparer.Ordinal)
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
}
