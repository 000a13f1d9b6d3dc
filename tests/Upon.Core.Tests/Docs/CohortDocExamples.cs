using System.Collections.Generic;
using System.Linq;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked examples of docs/cohorts.md: each snippet is compiled and run here.</summary>
public sealed class CohortDocExamples
{
    [Fact]
    public void SplitIntoSets()
    {
        // begin-snippet: cohort-split-sets
        GroupSizeBounds sets = new(5, 8);                       // action-learning sets of 5 to 8, both included

        GroupSplit year2 = GroupSplit.Of(35, sets);              // Year 2: 35 places
        Assert.True(year2.IsFeasible);
        Assert.Equal([7, 7, 7, 7, 7], year2.Sizes.ToArray());

        GroupSplit nine = GroupSplit.Of(9, sets);
        Assert.False(nine.IsFeasible);
        Assert.Equal("9 participants cannot be split into groups of 5 to 8: 1 group holds at most 8, 2 groups need at least 10.", nine.Reason);
        Assert.Equal(8, nine.NearestFeasibleBelow);
        Assert.Equal(10, nine.NearestFeasibleAbove);
        // end-snippet
    }

    [Fact]
    public void SplitIntoCohortsAndSets()
    {
        // begin-snippet: cohort-split-two-level
        CohortSplit split = CohortSplit.Of(100, GroupSizeBounds.AtMost(50), new GroupSizeBounds(5, 8));

        Assert.Equal([50, 50], split.Cohorts.Select(c => c.Participants).ToArray());   // "two cohorts of around 50"
        Assert.Equal([8, 7, 7, 7, 7, 7, 7], split.Cohorts[0].Sizes.ToArray());
        Assert.Equal(14, split.SetCount);

        // 18 people in cohorts of at most 9: two cohorts of 9 cannot be split into sets of 5 to 8, three of 6 can.
        Assert.Equal([6, 6, 6], CohortSplit.Of(18, GroupSizeBounds.AtMost(9), new GroupSizeBounds(5, 8)).Cohorts.Select(c => c.Participants).ToArray());
        // end-snippet
    }

    [Fact]
    public void Apportion()
    {
        // begin-snippet: cohort-apportion
        // 20 places shared between three groups in proportion 72.5 : 15.5 : 12 (quotas 14.5, 3.1 and 2.4).
        Apportionment places = Apportionment.LargestRemainder(20, [72.5m, 15.5m, 12m]);
        Assert.Equal([15, 3, 2], places.Places.ToArray());     // 14 + 3 + 2 = 19; the last place goes to the largest remainder, 0.5
        Assert.Equal([14.5m, 3.1m, 2.4m], places.Quotas.ToArray());

        // Equal remainders: the earlier group first.
        Assert.Equal([2, 1, 1], Apportionment.LargestRemainder(4, [1m, 1m, 1m]).Places.ToArray());

        // The Alabama paradox: one more place in total, one fewer for the third group.
        Assert.Equal([4, 4, 2], Apportionment.LargestRemainder(10, [6m, 6m, 2m]).Places.ToArray());
        Assert.Equal([5, 5, 1], Apportionment.LargestRemainder(11, [6m, 6m, 2m]).Places.ToArray());
        // end-snippet
    }

    [Fact]
    public void Year1Composition()
    {
        // begin-snippet: cohort-composition-year1
        CompositionBreakdown backgrounds = CompositionBreakdown.Create(
            "professional background",
            [
                new("children's social care", 14),
                new("education", 3),
                new("adult social care", 1),
                new("commissioning", 1),
                new("inclusion", 1),
            ],
            statedTotal: 19);                                    // the same article says 19 took part

        Assert.Equal(20, backgrounds.Total);
        Assert.False(backgrounds.MatchesStatedTotal);
        Assert.Equal("The professional background counts sum to 20, not to the stated total of 19: a difference of +1.", backgrounds.TotalMismatch);
        Assert.Equal(0.7m, backgrounds.Cells[0].Share);

        PublishedBreakdown published = backgrounds.Suppress();  // threshold 5
        Assert.Equal([14, null, null, null, null], published.Cells.Select(c => c.Count).ToArray());
        Assert.Equal(20, published.Total);                       // the four hidden cells sum to 6: none can be told
        // end-snippet
    }

    [Fact]
    public void Year1Ethnicity()
    {
        // begin-snippet: cohort-composition-reference
        CompositionBreakdown ethnicity = CompositionBreakdown.Create(
            "ethnicity",
            [new("British", 14), new("Irish", 3), new("African", 2)],
            statedTotal: 19,
            referenceShares: new Dictionary<string, decimal> { ["British"] = 0.8m });   // serving DCSs: 80% white British

        CompositionCell british = ethnicity.Cells[0];
        Assert.True(ethnicity.MatchesStatedTotal);
        Assert.Equal(14m / 19m, british.Share);                  // 0.7368…
        Assert.Equal(14m / 19m - 0.8m, british.Difference);      // about 6 percentage points under
        Assert.Equal(14m / 19m / 0.8m, british.RepresentationRatio);

        // One small cell alone would be recoverable from the total, so the next smallest is suppressed too.
        PublishedBreakdown regions = CompositionBreakdown.Create("region", [new("north", 12), new("south", 3), new("east", 7), new("west", 0)]).Suppress();
        Assert.Equal([12, null, null, 0], regions.Cells.Select(c => c.Count).ToArray());
        Assert.Equal(SuppressionReason.Secondary, regions.Cells[2].Reason);
        // end-snippet
    }

    [Fact]
    public void Sizing()
    {
        // begin-snippet: cohort-sizing
        SizingModel model = SizingModel.FromMeanTenure(
            authorities: 151,
            meanTenureMonths: 30m,            // ADCS 2020/21: vacancy rate 12 / 30 = 0.4
            firstTimeShare: 0.42m,            // 21 new permanent DCSs of 50 changes (2022/23)
            programmeShare: 0.48m,            // aim: the alumni share of serving DCSs
            appointmentProbability: 0.11m);   // 11% of participants appointed so far

        Assert.Equal(60.4m, model.AnnualVacancies);
        Assert.Equal(12.17664m, model.TargetAppointments);
        Assert.Equal(111, model.WholePlacesNeeded);
        Assert.Equal(3.85m, model.ExpectedAppointments(35));   // Year 2's 35 places

        IReadOnlyList<SensitivityRow> table = model.Sensitivity(
        [
            new(SizingInput.AppointmentProbability, [0.11m, 0.2m, 0.3m]),
            new(SizingInput.VacancyRate, [12m / 47m, 0.4m]),   // mean tenure 47 or 30 months
        ]);
        Assert.Equal([111, 61, 41, 71, 111], table.Select(r => r.WholePlacesNeeded).ToArray());
        // end-snippet
    }

    [Fact]
    public void Select()
    {
        // begin-snippet: cohort-select
        // Three places, at most two from one authority, positive action on for exact ties.
        SelectionCandidate[] candidates =
        [
            new("A01", "LA1", EligibilityOutcome.Eligible, 82m),
            new("A02", "LA1", EligibilityOutcome.Eligible, 78m),
            new("A03", "LA2", EligibilityOutcome.Eligible, 78m, underRepresented: true),
            new("A04", "LA3", EligibilityOutcome.Eligible, 78m),
            new("A05", "LA4", EligibilityOutcome.Ineligible, 95m),
            new("A06", "LA1", EligibilityOutcome.Eligible, 90m),
        ];

        Selection selection = Selection.Of(candidates, capacity: 3, seed: 2026, authorityCap: 2, positiveActionTieBreak: true);

        Assert.Equal(["A06", "A01", "A03"], selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal(["A04"], selection.WaitingList.Select(o => o.Candidate.ApplicantId).ToArray());
        Assert.Equal(NotSelectedReason.AuthorityCap, selection.Outcomes[1].Reason);   // A02: LA1 already has two places
        Assert.Equal(NotSelectedReason.NotEligible, selection.Outcomes[4].Reason);    // A05: the highest score, but ineligible
        Assert.Equal(3, selection.Outcomes[2].Rank);                                    // A03 wins the tie at 78 by positive action
        // end-snippet
    }

    [Fact]
    public void AllocateToSets()
    {
        // begin-snippet: cohort-allocate-sets
        // Twelve participants: three from Kent; eight from children's social care, two each from education and health.
        SetParticipant[] participants =
        [
            new("P01", "Kent", "children's social care"),
            new("P02", "Kent", "children's social care"),
            new("P03", "Kent", "education"),
            new("P04", "Leeds", "children's social care"),
            new("P05", "Essex", "children's social care"),
            new("P06", "Devon", "health"),
            new("P07", "Hull", "children's social care"),
            new("P08", "Bury", "children's social care"),
            new("P09", "York", "education"),
            new("P10", "Bath", "children's social care"),
            new("P11", "Wirral", "health"),
            new("P12", "Sutton", "children's social care"),
        ];

        SetAllocation allocation = SetAllocation.Of(participants, new GroupSizeBounds(5, 8), seed: 2022);

        Assert.Equal([6, 6], allocation.Sets.Select(s => s.Size).ToArray());
        Assert.Equal(1, allocation.MinimumAuthorityClashes);       // three from Kent in two sets: two must meet
        Assert.Equal([0, 1], allocation.Sets.Select(s => s.AuthorityClashes).ToArray());
        Assert.True(allocation.ReachesMinimumAuthorityClashes);

        AllocatedSet first = allocation.Sets[0];
        Assert.Equal(["P01", "P04", "P08", "P09", "P11", "P12"], first.Participants.Select(p => p.ParticipantId).ToArray());
        Assert.Equal(3, first.DistinctBackgrounds);                 // of at most 3
        Assert.Equal(1m, first.MixScore);                           // 4 : 1 : 1, the same shares as the twelve
        Assert.Equal(3, allocation.EvenlySpreadBackgrounds);        // of 3
        // end-snippet
    }
}
