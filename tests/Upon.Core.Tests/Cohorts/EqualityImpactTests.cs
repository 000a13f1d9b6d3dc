using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Cohorts;

/// <summary><see cref="EqualityImpact"/>: whom a policy change lets in, keeps out and leaves alone, by monitoring answer, suppressed.</summary>
public sealed class EqualityImpactTests
{
    private static readonly Gen<string?> Answers = Gen.Elements<string?>([null, string.Empty, .. EligibilityGenerators.MonitoringAnswers.Take(4)]);

    private static readonly Gen<EqualityMonitoring?> Monitoring =
        Gen.OneOf(
            Gen.Constant<EqualityMonitoring?>(null),
            from e in Answers
            from d in Answers
            from s in Answers
            from a in Answers
            from r in Answers
            from o in Answers
            select (EqualityMonitoring?)new EqualityMonitoring(e, d, s, a, r, o));

    private static Arbitrary<ApplicationSubmission[]> Submissions() =>
        Arb.From(Gen.OneOf(
                ApplicationGenerators.Eligible(BuiltInPolicies.Year1).Generator,
                ApplicationGenerators.Eligible(BuiltInPolicies.Year2).Generator,
                ApplicationGenerators.NearMisses().Generator,
                ApplicationGenerators.Incomplete().Generator)
            .SelectMany(application => Monitoring.Select(monitoring => new ApplicationSubmission(application, monitoring)))
            .ArrayOf()
            .Select(a => a.Take(30).ToArray()));

    private static Arbitrary<(EligibilityPolicy From, EligibilityPolicy To)> PolicyPairs() =>
        Arb.From(from a in Gen.Elements([.. BuiltInPolicies.All]) from b in Gen.Elements([.. BuiltInPolicies.All]) select (a, b));

    [Property]
    public Property ChangingOrRemovingEveryAnswer_ChangesNoDecisionAndNoRowOfTheComparison() =>
        Prop.ForAll(Submissions(), PolicyPairs(), Arb.From(Monitoring.ArrayOf(30)), (submissions, pair, others) =>
        {
            EqualityImpact given = EqualityImpact.Of(submissions, pair.From, pair.To);
            EqualityImpact changed = EqualityImpact.Of(submissions.Select((s, i) => s with { Monitoring = others[i] }), pair.From, pair.To);
            EqualityImpact removed = EqualityImpact.Of(submissions.Select(s => s with { Monitoring = null }), pair.From, pair.To);
            PolicyComparison plain = PolicyComparison.Compare(submissions.Select(s => s.Application), pair.From, pair.To);

            foreach (PolicyComparison comparison in (PolicyComparison[])[given.Comparison, changed.Comparison, removed.Comparison])
            {
                Assert.Equal(plain.Totals.ToArray(), comparison.Totals.ToArray());
                Assert.Equal(plain.Changed.Select(r => (r.ApplicationId, r.Change, r.From, r.To)), comparison.Changed.Select(r => (r.ApplicationId, r.Change, r.From, r.To)));
            }
        });

    [Property]
    public Property WithoutSuppression_EveryAnswersApplicantsAreTheSumOfTheThreeGroups() =>
        Prop.ForAll(Submissions(), PolicyPairs(), (submissions, pair) =>
        {
            EqualityImpact impact = EqualityImpact.Of(submissions, pair.From, pair.To, threshold: 1);
            Assert.Equal(6, impact.Dimensions.Length);
            foreach (EqualityImpactDimension dimension in impact.Dimensions)
            {
                Assert.Equal(submissions.Length == 0 ? null : submissions.Length, dimension.All?.Total);
                Assert.Equal(impact.Comparison.LetIn, dimension.LetIn?.Total ?? 0);
                Assert.Equal(impact.Comparison.KeptOut, dimension.KeptOut?.Total ?? 0);
                foreach (PublishedCell cell in dimension.All?.Cells ?? [])
                {
                    int Count(PublishedBreakdown? group) => group?.Cells.SingleOrDefault(c => c.Category == cell.Category)?.Count ?? 0;
                    Assert.Equal(cell.Count, Count(dimension.LetIn) + Count(dimension.KeptOut) + Count(dimension.LeftAlone));
                }
            }
        });

    [Property]
    public Property ByDefault_NoPublishedCountIsSmall() =>
        Prop.ForAll(Submissions(), PolicyPairs(), (submissions, pair) =>
            EqualityImpact.Of(submissions, pair.From, pair.To).Dimensions
                .SelectMany(d => (PublishedBreakdown?[])[d.All, d.LetIn, d.KeptOut, d.LeftAlone])
                .Where(b => b is not null)
                .SelectMany(b => b!.Cells)
                .All(c => c.Count is null or 0 or >= CompositionBreakdown.DefaultThreshold));

    [Fact]
    public void AnAnswerNotGiven_IsNotStated_CountedLast()
    {
        Application[] applications = [.. ApplicationGenerators.Eligible(BuiltInPolicies.Year2).Generator.Sample(3, 3)];
        ApplicationSubmission[] submissions =
        [
            new(applications[0], new EqualityMonitoring(Ethnicity: "white-british")),
            new(applications[1], new EqualityMonitoring(Ethnicity: string.Empty)),
            new(applications[2], null),
        ];

        EqualityImpactDimension ethnicity = EqualityImpact.Of(submissions, BuiltInPolicies.Year2, BuiltInPolicies.Year2, threshold: 1).Dimensions[0];

        Assert.Equal("ethnicity", ethnicity.Dimension);
        Assert.Equal([("white-british", (int?)1), (EqualityImpact.NotStated, 2)], ethnicity.All!.Cells.Select(c => (c.Category, c.Count)));
        Assert.Null(ethnicity.LetIn);
        Assert.Null(ethnicity.KeptOut);
        Assert.Equal(3, ethnicity.LeftAlone!.Total);
    }

    [Fact]
    public void Of_RefusesNullsAndAThresholdBelowOne()
    {
        Assert.Throws<ArgumentNullException>(() => EqualityImpact.Of(null!, BuiltInPolicies.Year1, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentNullException>(() => EqualityImpact.Of([], null!, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentNullException>(() => EqualityImpact.Of([], BuiltInPolicies.Year1, null!));
        Assert.Throws<ArgumentNullException>(() => EqualityImpact.Of([null!], BuiltInPolicies.Year1, BuiltInPolicies.Year2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EqualityImpact.Of([], BuiltInPolicies.Year1, BuiltInPolicies.Year2, threshold: 0));
    }
}
