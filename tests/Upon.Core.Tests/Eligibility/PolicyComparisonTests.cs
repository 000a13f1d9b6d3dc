using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary><see cref="PolicyComparison"/>: two policies on the same applications, what changes and how many move each way.</summary>
public sealed class PolicyComparisonTests
{
    private static readonly EligibilityPolicy[] Policies = [.. BuiltInPolicies.All];

    /// <summary>Eligible, near-miss and incomplete applications for any built-in policy (shared with the equality-impact tests).</summary>
    internal static Gen<Application> Applications { get; } = Gen.OneOf(
        ApplicationGenerators.Eligible(BuiltInPolicies.Year1).Generator,
        ApplicationGenerators.Eligible(BuiltInPolicies.Year2).Generator,
        ApplicationGenerators.NearMisses().Generator,
        ApplicationGenerators.Incomplete().Generator);

    /// <summary>Any two built-in policies, the same one twice too.</summary>
    internal static Arbitrary<(EligibilityPolicy From, EligibilityPolicy To)> PolicyPairs() =>
        Arb.From(from a in Gen.Elements(Policies) from b in Gen.Elements(Policies) select (a, b));

    /// <summary>Batches of up to 12 applications.</summary>
    private static Arbitrary<Application[]> Batches() => Arb.From(Applications.ArrayOf().Select(a => a.Take(12).ToArray()));

    [Property]
    public Property EveryApplicationIsCounted_OncePerPairOfOutcomes_AndTheChangedAreThoseWhoseDecisionDiffers() =>
        Prop.ForAll(Batches(), PolicyPairs(), (applications, pair) =>
        {
            PolicyComparison comparison = PolicyComparison.Compare(applications, pair.From, pair.To);

            Assert.Equal(applications.Length, comparison.Applications);
            Assert.Equal(applications.Length, comparison.Totals.Sum(t => t.Count));
            Assert.Equal(comparison.Totals.Length, comparison.Totals.Select(t => (t.From, t.To)).Distinct().Count());
            string[] expected =
            [
                .. applications
                    .Select(a => (a.Id, From: pair.From.Decide(a), To: pair.To.Decide(a)))
                    .Where(d => d.From.Outcome != d.To.Outcome || d.From.EligibleFrom != d.To.EligibleFrom
                        || !PolicyComparison.DecidingReasons(d.From).SequenceEqual(PolicyComparison.DecidingReasons(d.To)))
                    .Select(d => d.Id),
            ];
            Assert.Equal(expected, comparison.Changed.Select(r => r.ApplicationId));
            Assert.All(comparison.Changed, row =>
            {
                Assert.NotEqual(DecisionChanges.None, row.Change);
                Assert.Equal(row.From.Outcome != row.To.Outcome, row.Change.HasFlag(DecisionChanges.Outcome));
                Assert.Equal(pair.From.Id, row.From.PolicyId);
                Assert.Equal(pair.To.Id, row.To.PolicyId);
            });
            Assert.Equal(comparison.Changed.Count(r => r.To.IsEligible && !r.From.IsEligible), comparison.LetIn);
            Assert.Equal(comparison.Changed.Count(r => r.From.IsEligible && !r.To.IsEligible), comparison.KeptOut);
        });

    [Property]
    public Property APolicyComparedWithItself_ChangesNothing() =>
        Prop.ForAll(Batches(), Arb.From(Gen.Elements(Policies)), (applications, policy) =>
        {
            PolicyComparison comparison = PolicyComparison.Compare(applications, policy, policy);
            return comparison.Changed.IsEmpty && comparison.Totals.All(t => t.From == t.To) && comparison.LetIn == 0 && comparison.KeptOut == 0;
        });

    [Property]
    public Property SwappingThePolicies_TransposesTheTotals_AndChangesTheSameApplications() =>
        Prop.ForAll(Batches(), PolicyPairs(), (applications, pair) =>
        {
            PolicyComparison forward = PolicyComparison.Compare(applications, pair.From, pair.To);
            PolicyComparison back = PolicyComparison.Compare(applications, pair.To, pair.From);
            return forward.Changed.Select(r => r.ApplicationId).SequenceEqual(back.Changed.Select(r => r.ApplicationId))
                && forward.Totals.OrderBy(t => t.From).ThenBy(t => t.To).SequenceEqual(back.Totals.Select(t => new OutcomeChange(t.To, t.From, t.Count)).OrderBy(t => t.From).ThenBy(t => t.To))
                && forward.LetIn == back.KeptOut;
        });

    [Property]
    public Property ABatchReadFromJsonLines_IsComparedAsTheApplicationsAre_EveryRecordCounted() =>
        Prop.ForAll(Batches(), PolicyPairs(), Arb.From(Gen.Choose(0, 3)), (applications, pair, broken) =>
        {
            StringBuilder lines = new();
            foreach (Application application in applications)
            {
                using MemoryStream one = new();
                ApplicationDocument.Write(one, application);
                lines.Append(Encoding.UTF8.GetString(one.ToArray())).Append('\n');
            }

            lines.Append(string.Concat(Enumerable.Repeat("{\"id\": 1}\n", broken)));
            EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
            BatchComparison read = batch.Compare(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), pair.From, pair.To);
            PolicyComparison direct = PolicyComparison.Compare(applications, pair.From, pair.To);

            return read.Records == applications.Length + broken
                && read.Errors.Length == broken
                && read.Errors.Select(e => e.RecordNumber).SequenceEqual(Enumerable.Range(applications.Length + 1, broken))
                && read.Comparison.Totals.SequenceEqual(direct.Totals)
                && read.Comparison.Changed.Select(r => (r.ApplicationId, r.Change)).SequenceEqual(direct.Changed.Select(r => (r.ApplicationId, r.Change)));
        });

    [Fact]
    public void DecidingReasons_AreTheFailingRulesAtTheBottom_AndNoneForAnEligibleDecision()
    {
        Application year2 = ApplicationGenerators.Eligible(BuiltInPolicies.Year2).Generator.Sample(1, 1).Single();
        Assert.Empty(PolicyComparison.DecidingReasons(BuiltInPolicies.Year2.Decide(year2)));

        Application short1 = ApplicationGenerators.Ineligible(IneligibilityReason.ExperienceInsufficient, BuiltInPolicies.Year1).Generator.Sample(1, 1).Single();
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(short1);
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Equal(["experience.insufficient"], PolicyComparison.DecidingReasons(decision).ToArray());
    }

    [Fact]
    public void Compare_RefusesNulls_AndAnAsOfDateOutsideTheRange()
    {
        Assert.Throws<ArgumentNullException>(() => PolicyComparison.Compare(null!, BuiltInPolicies.Year1, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentNullException>(() => PolicyComparison.Compare([], null!, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentNullException>(() => PolicyComparison.Compare([], BuiltInPolicies.Year1, null!));
        Assert.Throws<ArgumentNullException>(() => PolicyComparison.Compare([null!], BuiltInPolicies.Year1, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyComparison.Compare([], BuiltInPolicies.Year1, BuiltInPolicies.Year2, new NodaTime.LocalDate(1, 1, 1)));
    }

    [Fact]
    public void Year1AgainstYear2_OnTheExampleApplications()
    {
        using FileStream file = File.OpenRead(Repository.PathOf("docs", "examples", "applications.jsonl"));
        BatchComparison read = new EligibilityBatch(PolicyRegistry.BuiltIn).Compare(file, BuiltInPolicies.Year1, BuiltInPolicies.Year2);

        Assert.Equal(5, read.Records);
        Assert.Equal(4, read.Comparison.Applications);
        Assert.Equal([5], read.Errors.Select(e => e.RecordNumber));
        // Year 2's route for senior leadership outside local government lets A-003 in; nothing else moves.
        PolicyComparisonRow row = Assert.Single(read.Comparison.Changed);
        Assert.Equal("A-003", row.ApplicationId);
        Assert.Equal((EligibilityOutcome.Ineligible, EligibilityOutcome.Eligible), (row.From.Outcome, row.To.Outcome));
        Assert.Equal(DecisionChanges.Outcome | DecisionChanges.Reasons, row.Change);
        Assert.Equal(["experience.insufficient"], row.FromReasons.ToArray());
        Assert.Empty(row.ToReasons);
        Assert.Equal(
            [
                new OutcomeChange(EligibilityOutcome.Eligible, EligibilityOutcome.Eligible, 1),
                new OutcomeChange(EligibilityOutcome.Ineligible, EligibilityOutcome.Eligible, 1),
                new OutcomeChange(EligibilityOutcome.Ineligible, EligibilityOutcome.Ineligible, 1),
                new OutcomeChange(EligibilityOutcome.Incomplete, EligibilityOutcome.Incomplete, 1),
            ],
            read.Comparison.Totals.ToArray());
        Assert.Equal((1, 0), (read.Comparison.LetIn, read.Comparison.KeptOut));
    }
}
