using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Eligibility;

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
        Arb.From(PolicyComparisonTests.Applications
            .SelectMany(application => Monitoring.Select(monitoring => new ApplicationSubmission(application, monitoring)))
            .ArrayOf()
            .Select(a => a.Take(30).ToArray()));

    private static Arbitrary<(EligibilityPolicy From, EligibilityPolicy To)> PolicyPairs() => PolicyComparisonTests.PolicyPairs();

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

    [Property]
    public Property Read_FromJsonLines_IsTheImpactOfTheSubmissions_EveryRecordCounted() =>
        Prop.ForAll(Submissions(), PolicyPairs(), Arb.From(Gen.Choose(0, 3)), (given, pair, broken) =>
        {
            // A document holds no empty answer (the reader reports one), so an empty answer is written as none.
            static string? Given(string? answer) => string.IsNullOrEmpty(answer) ? null : answer;
            ApplicationSubmission[] submissions = [.. given.Select(s => s with
            {
                Monitoring = s.Monitoring is EqualityMonitoring m
                    ? new EqualityMonitoring(Given(m.Ethnicity), Given(m.Disability), Given(m.Sex), Given(m.AgeBand), Given(m.Religion), Given(m.SexualOrientation))
                    : null,
            })];
            using MemoryStream lines = new();
            foreach (ApplicationSubmission submission in submissions)
            {
                ApplicationDocument.Write(lines, submission.Application, submission.Monitoring);
                lines.WriteByte((byte)'\n');
            }

            lines.Write(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"equalityMonitoring\": {\"ethnicity\": \"secret\"}}\n", broken))));
            lines.Position = 0;
            (EqualityImpact read, ImmutableArray<RecordResult<ApplicationSubmission>> errors) = EqualityImpact.Read(lines, pair.From, pair.To, threshold: 1);
            EqualityImpact direct = EqualityImpact.Of(submissions, pair.From, pair.To, threshold: 1);

            Assert.Equal(Enumerable.Range(submissions.Length + 1, broken), errors.Select(e => e.RecordNumber));
            Assert.DoesNotContain(errors.SelectMany(e => e.Problems), p => p.ToString().Contains("secret", StringComparison.Ordinal));
            Assert.Equal(direct.Comparison.Totals.ToArray(), read.Comparison.Totals.ToArray());
            Assert.Equal(
                direct.Dimensions.Select(d => (d.Dimension, d.All?.Total, d.LetIn?.Total, d.KeptOut?.Total, d.LeftAlone?.Total)),
                read.Dimensions.Select(d => (d.Dimension, d.All?.Total, d.LetIn?.Total, d.KeptOut?.Total, d.LeftAlone?.Total)));
        });

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
