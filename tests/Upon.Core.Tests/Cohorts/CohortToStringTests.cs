using System;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Cohorts;

/// <summary>What the cohort and schedule results print: what they decided, not their type names.</summary>
public sealed class CohortToStringTests
{
    [Fact]
    public void CohortSplit_SaysTheCohortsAndSets_OrWhyThereIsNone()
    {
        Assert.Equal("60 participants in 2 cohorts (30, 30) and 8 sets", CohortSplit.Of(60, new GroupSizeBounds(1, 50), new GroupSizeBounds(5, 8)).ToString());
        Assert.Equal("7 participants in 1 cohort (7) and 1 set", CohortSplit.Of(7, new GroupSizeBounds(1, 50), new GroupSizeBounds(5, 8)).ToString());
        CohortSplit none = CohortSplit.Of(9, new GroupSizeBounds(1, 50), new GroupSizeBounds(5, 8));
        Assert.Equal($"No split of 9 participants: {none.Reason}", none.ToString());
    }

    [Fact]
    public void Selection_SaysHowManyWereSelectedWaitingAndNot()
    {
        SelectionCandidate[] candidates = [.. Enumerable.Range(1, 6).Select(i => new SelectionCandidate($"A{i}", $"LA{i}", i == 6 ? EligibilityOutcome.Ineligible : EligibilityOutcome.Eligible, i))];

        Selection selection = Selection.Of(candidates, 3, seed: 1, waitingListLength: 1);

        Assert.Equal("6 candidates for 3 places: 3 selected, 1 on the waiting list, 2 not selected", selection.ToString());
    }

    [Fact]
    public void SetAllocation_SaysTheSetsAndClashes()
    {
        SetParticipant[] participants = [.. Enumerable.Range(1, 10).Select(i => new SetParticipant($"P{i}", $"LA{i % 3}", i % 2 == 0 ? "education" : "social care"))];

        SetAllocation allocation = SetAllocation.Of(participants, new GroupSizeBounds(5, 8), seed: 7);

        Assert.Equal($"2 sets (5, 5), {allocation.AuthorityClashes} authority clashes (the fewest possible: {allocation.MinimumAuthorityClashes})", allocation.ToString());
        Assert.StartsWith("No allocation: ", SetAllocation.Of(participants[..3], new GroupSizeBounds(5, 8), seed: 7).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apportionment_SaysThePlaces()
    {
        Assert.Equal("35 places apportioned by largest remainder: 12, 12, 11", Apportionment.LargestRemainder(35, [1m, 1m, 1m]).ToString());
    }

    [Fact]
    public void ScheduleResult_SaysTheDates_OrWhyThereAreNone()
    {
        ScheduleResult result = SessionScheduler.Generate(
            new ScheduleRequest(SessionKind.TaughtDay, 8, new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 3, 31)), preferredDays: [IsoDayOfWeek.Thursday], blackouts: [new DateInterval(new LocalDate(2021, 12, 18), new LocalDate(2022, 1, 3))], minimumGapDays: 14),
            WorkingDayCalendar.EnglandAndWales);
        ScheduleResult tooMany = SessionScheduler.Generate(
            new ScheduleRequest(SessionKind.ActionLearningSet, 5, new DateInterval(new LocalDate(2022, 1, 3), new LocalDate(2022, 1, 31)), minimumGapDays: 7),
            WorkingDayCalendar.EnglandAndWales);

        Assert.Equal("8 dates from 2021-09-16 to 2022-03-17", result.ToString());
        Assert.Equal($"No schedule ({ScheduleFailureCodes.DoesNotFit}): at most 4 fit", tooMany.ToString());
    }
}
