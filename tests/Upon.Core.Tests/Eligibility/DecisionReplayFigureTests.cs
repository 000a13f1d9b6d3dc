using System;
using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// <see cref="DecisionReplay"/> on a recorded explanation that differs from the one made again in one thing only: every
/// member of a rule's result, at any depth, is a figure that differs; an outcome that differs with the figures alike is not.
/// </summary>
public sealed class DecisionReplayFigureTests
{
    private static readonly Application Application = DecisionFingerprintTests.Golden;

    private static readonly EligibilityDecision Fresh = BuiltInPolicies.Year2.Decide(Application);

    public static TheoryData<string> Changes() =>
    [
        "code", "title", "kind", "measured", "required", "difference", "met-on", "words", "minimum-words", "maximum-words",
        "experience", "results",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Replay_AResultThatDiffersInOneMember_DiffersInItsFiguresOnly(string change)
    {
        CriterionResult explanation = Replace(Fresh.Explanation, Target(change), result => Changed(result, change));
        ReplayResult replayed = DecisionReplay.Replay(Fresh with { Explanation = explanation }, Application, PolicyRegistry.BuiltIn);

        Assert.Equal(ReplayStatus.Differs, replayed.Status);
        Assert.Equal(DecisionChanges.Figures, replayed.Changes);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Replay_AnOutcomeThatDiffers_WithOneMemberOfAResult_DiffersInBoth(string change)
    {
        // With the outcome changed too, the figures are compared member by member (with nothing else changed they are not).
        EligibilityOutcome other = Fresh.Outcome == EligibilityOutcome.Eligible ? EligibilityOutcome.Ineligible : EligibilityOutcome.Eligible;
        CriterionResult explanation = Replace(Fresh.Explanation, Target(change), result => Changed(result, change));
        ReplayResult replayed = DecisionReplay.Replay(Fresh with { Outcome = other, Explanation = explanation }, Application, PolicyRegistry.BuiltIn);

        Assert.True(replayed.Changes.HasFlag(DecisionChanges.Outcome));
        Assert.True(replayed.Changes.HasFlag(DecisionChanges.Figures), change);
    }

    [Fact]
    public void Replay_AnOutcomeThatDiffers_WithEveryFigureAlike_IsNotAFigureChange()
    {
        EligibilityOutcome other = Fresh.Outcome == EligibilityOutcome.Eligible ? EligibilityOutcome.Ineligible : EligibilityOutcome.Eligible;
        ReplayResult replayed = DecisionReplay.Replay(Fresh with { Outcome = other }, Application, PolicyRegistry.BuiltIn);

        // The deciding reasons follow the outcome; nothing in the explanation differs.
        Assert.True(replayed.Changes.HasFlag(DecisionChanges.Outcome));
        Assert.False(replayed.Changes.HasFlag(DecisionChanges.Figures));
    }

    [Fact]
    public void ReplayBatch_CountsIdenticalDifferingAndNotReplayed()
    {
        EligibilityDecision changed = Fresh with { Explanation = Replace(Fresh.Explanation, r => r.Kind == RuleKind.Statement, r => Changed(r, "words")) };
        EligibilityDecision unknown = Fresh with { PolicyId = "no-such-policy" };
        ReplayBatch batch = new(
            [.. new[] { Fresh, changed, changed, unknown }.Select(d => DecisionReplay.Replay(d, Application, PolicyRegistry.BuiltIn))],
            []);

        Assert.Equal((1, 2, 1), (batch.Identical, batch.Differs, batch.NotReplayed));
    }

    /// <summary>Which result of the tree a change is made to: the statement's for its figures, the experience route's for its own, the deepest for the rest.</summary>
    private static Func<CriterionResult, bool> Target(string change) => change switch
    {
        "words" or "minimum-words" or "maximum-words" => r => r.Kind == RuleKind.Statement,
        "measured" or "required" or "difference" or "met-on" or "experience" => r => r.Kind == RuleKind.Experience,
        _ => r => r.Kind == RuleKind.AssessorOutcome,
    };

    private static CriterionResult Changed(CriterionResult r, string change) => change switch
    {
        "code" => Rebuild(r, code: r.Code + "-x"),
        "title" => Rebuild(r, title: r.Title + " (changed)"),
        "kind" => Rebuild(r, kind: RuleKind.Readiness),
        "measured" => r with { Measured = (r.Measured ?? Period.Zero) + Period.FromDays(1) },
        "required" => r with { Required = (r.Required ?? Period.Zero) + Period.FromDays(1) },
        "difference" => r with { Difference = (r.Difference ?? Period.Zero) + Period.FromDays(1) },
        "met-on" => r with { MetOn = (r.MetOn ?? new LocalDate(2000, 1, 1)).PlusDays(1) },
        "words" => r with { Words = (r.Words ?? 0) + 1 },
        "minimum-words" => r with { MinimumWords = (r.MinimumWords ?? 0) + 1 },
        "maximum-words" => r with { MaximumWords = (r.MaximumWords ?? 0) + 1 },
        "experience" => r with { Experience = null },
        "results" => r with { Results = r.Results.Add(new CriterionResult("extra", "Extra", RuleKind.AssessorOutcome, CriterionOutcome.Pass, ReasonCodes.AssessorMet)) },
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static CriterionResult Rebuild(CriterionResult r, string? code = null, string? title = null, RuleKind? kind = null) =>
        new(code ?? r.Code, title ?? r.Title, kind ?? r.Kind, r.Outcome, r.Reason)
        {
            Measured = r.Measured,
            Required = r.Required,
            Difference = r.Difference,
            MetOn = r.MetOn,
            Words = r.Words,
            MinimumWords = r.MinimumWords,
            MaximumWords = r.MaximumWords,
            Experience = r.Experience,
            Results = r.Results,
        };

    /// <summary>The tree with the first result (depth first) that <paramref name="match"/> accepts replaced.</summary>
    private static CriterionResult Replace(CriterionResult root, Func<CriterionResult, bool> match, Func<CriterionResult, CriterionResult> replace)
    {
        bool done = false;
        CriterionResult Walk(CriterionResult r)
        {
            if (!done && match(r))
            {
                done = true;
                return replace(r);
            }

            return r.Results.IsEmpty ? r : r with { Results = [.. r.Results.Select(Walk)] };
        }

        CriterionResult replaced = Walk(root);
        Assert.True(done, "The explanation has no result to change.");
        return replaced;
    }
}
