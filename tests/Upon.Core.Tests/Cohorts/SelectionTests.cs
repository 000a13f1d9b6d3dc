using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Selection by score with a per-authority cap, tie-breaks and a waiting list: examples, bad input and the laws that hold.</summary>
public sealed class SelectionTests
{
    private const EligibilityOutcome Eligible = EligibilityOutcome.Eligible;

    [Fact]
    public void Of_FillsPlacesByScore_ThenTheWaitingList()
    {
        SelectionCandidate[] candidates =
        [
            new("a", "X", Eligible, 70m),
            new("b", "Y", Eligible, 90m),
            new("c", "Z", EligibilityOutcome.Ineligible, 99m),
            new("d", "Z", Eligible, 80m),
            new("e", "Y", Eligible, 60m),
        ];

        Selection selection = Selection.Of(candidates, capacity: 2, seed: 1);

        Assert.Equal(["b", "d"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal([1, 2], selection.Selected.Select(o => o.Rank!.Value).ToArray());
        Assert.Equal(["a", "e"], selection.WaitingList.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal([1, 2], selection.WaitingList.Select(o => o.WaitingListPosition!.Value).ToArray());
        SelectionOutcome c = selection.Outcomes[2];
        Assert.Same(candidates[2], c.Candidate);
        Assert.Equal(SelectionStatus.NotSelected, c.Status);
        Assert.Equal(NotSelectedReason.NotEligible, c.Reason);
        Assert.Null(c.Rank);
        Assert.Null(c.WaitingListPosition);
        Assert.Equal(2, selection.Capacity);
        Assert.Null(selection.AuthorityCap);
        Assert.Null(selection.WaitingListLength);
        Assert.False(selection.PositiveActionTieBreak);
        Assert.Equal(1, selection.Seed);
    }

    [Fact]
    public void Of_AuthorityCap_PassesOverWithReasonAndKeepsOffTheWaitingList()
    {
        SelectionCandidate[] candidates =
        [
            new("a", "X", Eligible, 90m),
            new("b", "X", Eligible, 80m),
            new("c", "Y", Eligible, 70m),
            new("d", "X", Eligible, 60m),
            new("e", "Y", Eligible, 50m),
        ];

        Selection selection = Selection.Of(candidates, capacity: 2, seed: 0, authorityCap: 1);

        Assert.Equal(["a", "c"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal(NotSelectedReason.AuthorityCap, selection.Outcomes[1].Reason);
        Assert.Equal(NotSelectedReason.AuthorityCap, selection.Outcomes[3].Reason);
        Assert.Equal(NotSelectedReason.AuthorityCap, selection.Outcomes[4].Reason);
        Assert.Empty(selection.WaitingList);
    }

    [Fact]
    public void Of_WaitingListLength_LeavesTheRestNotSelectedOnScore()
    {
        SelectionCandidate[] candidates = [.. Enumerable.Range(0, 5).Select(i => new SelectionCandidate($"p{i}", "X", Eligible, 10 - i))];

        Selection selection = Selection.Of(candidates, capacity: 2, seed: 0, waitingListLength: 1);

        Assert.Equal(["p0", "p1"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal(["p2"], selection.WaitingList.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal(NotSelectedReason.Score, selection.Outcomes[3].Reason);
        Assert.Equal(NotSelectedReason.Score, selection.Outcomes[4].Reason);
    }

    [Fact]
    public void Of_PositiveAction_BreaksExactTiesOnly()
    {
        SelectionCandidate[] candidates =
        [
            new("high", "X", Eligible, 81m),
            new("tied", "Y", Eligible, 80m),
            new("tied-u", "Z", Eligible, 80.0m, underRepresented: true),
            new("lower-u", "W", Eligible, 79m, underRepresented: true),
        ];

        // Whatever the lottery, the under-represented candidate wins the exact tie at 80 = 80.0, and the one at 79 stays behind.
        for (long seed = 0; seed < 50; seed++)
        {
            Selection selection = Selection.Of(candidates, capacity: 2, seed, positiveActionTieBreak: true);
            Assert.Equal(["high", "tied-u"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
            Assert.Equal(["tied", "lower-u"], selection.WaitingList.Select(o => o.Candidate.ApplicantId).ToArray());
        }
    }

    [Fact]
    public void Of_Lottery_DependsOnTheSeed()
    {
        SelectionCandidate[] candidates = [.. Enumerable.Range(0, 20).Select(i => new SelectionCandidate($"p{i}", "X", Eligible, 5m))];

        HashSet<string> winners = [.. Enumerable.Range(0, 50).Select(seed => Selection.Of(candidates, 1, seed).Selected[0].Candidate.ApplicantId)];

        Assert.True(winners.Count > 1);
        Assert.Equal(Selection.Of(candidates, 1, 7).Selected[0].Candidate, Selection.Of(candidates, 1, 7).Selected[0].Candidate);
    }

    [Fact]
    public void Of_NoCandidates_SelectsNobody()
    {
        Selection selection = Selection.Of([], 3, 0);

        Assert.Empty(selection.Outcomes);
        Assert.Empty(selection.Selected);
        Assert.Empty(selection.WaitingList);
    }

    [Fact]
    public void Of_BadInput_NamesTheParameter()
    {
        SelectionCandidate[] candidates = [new("secret-id-1", "X", Eligible, 1m)];

        Assert.Equal("capacity", Assert.ThrowsAny<ArgumentException>(() => Selection.Of(candidates, 0, 0)).ParamName);
        Assert.Equal("capacity", Assert.ThrowsAny<ArgumentException>(() => Selection.Of(candidates, -1, 0)).ParamName);
        Assert.Equal("authorityCap", Assert.ThrowsAny<ArgumentException>(() => Selection.Of(candidates, 1, 0, authorityCap: 0)).ParamName);
        Assert.Equal("authorityCap", Assert.ThrowsAny<ArgumentException>(() => Selection.Of(candidates, 1, 0, authorityCap: -2)).ParamName);
        Assert.Equal("waitingListLength", Assert.ThrowsAny<ArgumentException>(() => Selection.Of(candidates, 1, 0, waitingListLength: -1)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentNullException>(() => Selection.Of(null!, 1, 0)).ParamName);
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => Selection.Of([candidates[0], null!], 1, 0)).ParamName);
    }

    [Fact]
    public void Of_DuplicateIds_AreRejectedWithoutNamingThem()
    {
        SelectionCandidate[] candidates =
        [
            new("secret-id-1", "X", Eligible, 1m),
            new("other", "X", Eligible, 2m),
            new("secret-id-1", "Y", Eligible, 3m),
        ];

        ArgumentException error = Assert.Throws<ArgumentException>(() => Selection.Of(candidates, 1, 0));

        Assert.Equal("candidates", error.ParamName);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("candidate 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("candidate 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidate_BadInput_NamesTheParameter()
    {
        Assert.Equal("applicantId", Assert.ThrowsAny<ArgumentException>(() => new SelectionCandidate(" ", "X", Eligible, 1m)).ParamName);
        Assert.Equal("applicantId", Assert.ThrowsAny<ArgumentException>(() => new SelectionCandidate(null!, "X", Eligible, 1m)).ParamName);
        Assert.Equal("authorityCode", Assert.ThrowsAny<ArgumentException>(() => new SelectionCandidate("a", "", Eligible, 1m)).ParamName);
        Assert.Equal("eligibility", Assert.ThrowsAny<ArgumentException>(() => new SelectionCandidate("a", "X", 0, 1m)).ParamName);
        Assert.Equal("eligibility", Assert.ThrowsAny<ArgumentException>(() => new SelectionCandidate("a", "X", (EligibilityOutcome)4, 1m)).ParamName);
    }

    [Property]
    public Property Law_EveryCandidateGetsExactlyOneConsistentOutcome() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        Selection s = c.Run();
        Assert.Equal(c.Candidates.Length, s.Outcomes.Length);
        for (int i = 0; i < c.Candidates.Length; i++)
        {
            SelectionOutcome o = s.Outcomes[i];
            Assert.Same(c.Candidates[i], o.Candidate);
            Assert.Equal(o.Status == SelectionStatus.Selected, o.Rank is not null);
            Assert.Equal(o.Status == SelectionStatus.WaitingList, o.WaitingListPosition is not null);
            Assert.Equal(o.Status == SelectionStatus.NotSelected, o.Reason != NotSelectedReason.None);
        }

        Assert.Equal(s.Outcomes.Where(o => o.Status == SelectionStatus.Selected).OrderBy(o => o.Rank), s.Selected);
        Assert.Equal(s.Outcomes.Where(o => o.Status == SelectionStatus.WaitingList).OrderBy(o => o.WaitingListPosition), s.WaitingList);
        Assert.Equal(Enumerable.Range(1, s.Selected.Length), s.Selected.Select(o => o.Rank!.Value));
        Assert.Equal(Enumerable.Range(1, s.WaitingList.Length), s.WaitingList.Select(o => o.WaitingListPosition!.Value));
    });

    [Property]
    public Property Law_NeverExceedsCapacityCapOrWaitingList() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        Selection s = c.Run();
        Assert.True(s.Selected.Length <= c.Capacity);
        if (c.AuthorityCap is int cap)
        {
            Assert.All(s.Selected.GroupBy(o => o.Candidate.AuthorityCode), g => Assert.True(g.Count() <= cap));
        }

        if (c.WaitingListLength is int length)
        {
            Assert.True(s.WaitingList.Length <= length);
        }

        // Places are left empty only when no eligible candidate could take them.
        if (s.Selected.Length < c.Capacity)
        {
            Assert.Empty(s.WaitingList);
            Assert.DoesNotContain(s.Outcomes, o => o.Reason == NotSelectedReason.Score);
        }
    });

    [Property]
    public Property Law_NeverSelectsAnIneligibleCandidate() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        foreach (SelectionOutcome o in c.Run().Outcomes)
        {
            Assert.Equal(o.Candidate.Eligibility != EligibilityOutcome.Eligible, o.Reason == NotSelectedReason.NotEligible);
        }
    });

    [Property]
    public Property Law_NeverPrefersALowerScoreExceptThroughTheCap() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        Selection s = c.Run();
        decimal? lowestSelected = s.Selected.Select(o => (decimal?)o.Candidate.Score).Min();
        decimal? lowestWaiting = s.WaitingList.Select(o => (decimal?)o.Candidate.Score).Min();
        foreach (SelectionOutcome o in s.Outcomes.Where(o => o.Status != SelectionStatus.Selected && o.Reason != NotSelectedReason.NotEligible))
        {
            Assert.True(o.Reason == NotSelectedReason.AuthorityCap || lowestSelected is null || o.Candidate.Score <= lowestSelected);
            Assert.True(o.Reason != NotSelectedReason.Score || lowestWaiting is null || o.Candidate.Score <= lowestWaiting);
        }

        Assert.True(IsDescending(s.Selected.Select(o => o.Candidate.Score)));
        Assert.True(IsDescending(s.WaitingList.Select(o => o.Candidate.Score)));
    });

    [Property]
    public Property Law_CapPassesOverOnlyWhenTheAuthorityIsFull() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        Selection s = c.Run();
        foreach (SelectionOutcome o in s.Outcomes.Where(o => o.Reason == NotSelectedReason.AuthorityCap))
        {
            int? cap = c.AuthorityCap;
            Assert.NotNull(cap);
            Assert.Equal(cap, s.Selected.Count(x => x.Candidate.AuthorityCode == o.Candidate.AuthorityCode && x.Candidate.Score >= o.Candidate.Score));
        }
    });

    [Property]
    public Property Law_PositiveActionChangesOnlyWhoIsSelectedWithinOneExactTie() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        Selection off = c.Run(positiveAction: false);
        Selection on = c.Run(positiveAction: true);
        Assert.Equal(off.Selected.Select(o => o.Candidate.Score), on.Selected.Select(o => o.Candidate.Score));
        // Whoever is selected with the tie-break and not without it is matched by someone of exactly the same score the other way round.
        HashSet<SelectionCandidate> gained = [.. on.Selected.Select(o => o.Candidate).Except(off.Selected.Select(o => o.Candidate))];
        HashSet<SelectionCandidate> lost = [.. off.Selected.Select(o => o.Candidate).Except(on.Selected.Select(o => o.Candidate))];
        Assert.Equal(
            gained.GroupBy(x => x.Score).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key),
            lost.GroupBy(x => x.Score).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key));
        Assert.All(gained, x => Assert.Contains(lost, y => y.Score == x.Score));
    });

    [Property]
    public Property Law_PositiveActionWithoutACap_PutsUnderRepresentedFirstWithinATie() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        SelectionCase uncapped = c with { AuthorityCap = null };
        Selection s = uncapped.Run(positiveAction: true);
        foreach (SelectionOutcome left in s.Outcomes.Where(o => o.Candidate.UnderRepresented && o.Status != SelectionStatus.Selected && o.Reason != NotSelectedReason.NotEligible))
        {
            Assert.DoesNotContain(s.Selected, o => !o.Candidate.UnderRepresented && o.Candidate.Score == left.Candidate.Score);
        }
    });

    [Property]
    public Property Law_SameInputAndSeedGiveTheSameOutcomeInAnyOrder() => Prop.ForAll(SelectionGenerators.Cases(), c =>
    {
        foreach (bool positiveAction in new[] { false, true })
        {
            Selection first = c.Run(positiveAction);
            Assert.Equal<SelectionOutcome>(first.Outcomes, c.Run(positiveAction).Outcomes);
            Selection shuffled = c.Run(c.Shuffled, c.Seed, positiveAction);
            Dictionary<string, SelectionOutcome> byId = shuffled.Outcomes.ToDictionary(o => o.Candidate.ApplicantId, StringComparer.Ordinal);
            Assert.All(first.Outcomes, o => Assert.Equal(o, byId[o.Candidate.ApplicantId]));
            Assert.Equal<SelectionOutcome>(first.Selected, shuffled.Selected);
            Assert.Equal<SelectionOutcome>(first.WaitingList, shuffled.WaitingList);
        }
    });

    private static bool IsDescending(IEnumerable<decimal> scores)
    {
        decimal? previous = null;
        foreach (decimal score in scores)
        {
            if (previous is decimal p && score > p)
            {
                return false;
            }

            previous = score;
        }

        return true;
    }
}
