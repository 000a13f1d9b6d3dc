using System.Linq;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Selection's order of merit where a fast approximate sort could go wrong: scores that differ only beyond a double's precision.</summary>
public sealed class SelectionOrderTests
{
    [Fact]
    public void Of_ScoresEqualAsDoublesButNotAsDecimals_AreOrderedExactly()
    {
        // All four are 1.0 as doubles; as decimals they are three different scores, and 1 equals 1.0.
        SelectionCandidate[] candidates =
        [
            new("low", "X", EligibilityOutcome.Eligible, 1m),
            new("high", "Y", EligibilityOutcome.Eligible, 1.0000000000000000000000000002m),
            new("low-too", "Z", EligibilityOutcome.Eligible, 1.0m, underRepresented: true),
            new("middle", "W", EligibilityOutcome.Eligible, 1.0000000000000000000000000001m),
        ];

        foreach (SelectionCandidate[] order in new[] { candidates, candidates.Reverse().ToArray() })
        {
            Selection selection = Selection.Of(order, capacity: 3, seed: 5, positiveActionTieBreak: true);

            Assert.Equal(["high", "middle", "low-too"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
            Assert.Equal(["low"], selection.WaitingList.Select(o => o.Candidate.ApplicantId).ToArray());
        }
    }
}
