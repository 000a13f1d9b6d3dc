using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Cohorts. Targets (issue 5): selection over 100,000 applications in under 100 ms; allocation of 1,000
/// participants to action-learning sets in under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    private static readonly string[] Backgrounds =
        ["children's social care", "children's social care", "children's social care", "education", "education", "health", "adult social care", "commissioning", "inclusion"];

    private static readonly SelectionCandidate[] Applications = BuildApplications(100_000);
    private static readonly SetParticipant[] Participants = BuildParticipants(1_000);
    private static readonly GroupSizeBounds Sets = new(5, 8);

    /// <summary>Selects 1,000 places from 100,000 applications with at most 10 from one authority, positive action on, a waiting list of 200.</summary>
    [Benchmark]
    public Selection Selection100000Applications() =>
        Selection.Of(Applications, capacity: 1_000, seed: 2026, authorityCap: 10, positiveActionTieBreak: true, waitingListLength: 200);

    /// <summary>Allocates 1,000 participants to 125 sets of 8.</summary>
    [Benchmark]
    public SetAllocation AllocateSets1000Participants() => SetAllocation.Of(Participants, Sets, seed: 2026);

    // Applications from 151 authorities, nine in ten eligible, scores in halves from 0 to 100 (so exact ties are common).
    private static SelectionCandidate[] BuildApplications(int count)
    {
        Random random = new(20261122);
        return [.. Enumerable.Range(0, count).Select(i => new SelectionCandidate(
            $"APP-{i:D6}",
            $"LA{random.Next(151):D3}",
            random.Next(10) == 0 ? EligibilityOutcome.Ineligible : EligibilityOutcome.Eligible,
            random.Next(201) / 2m,
            underRepresented: random.Next(4) == 0))];
    }

    // Participants from 151 authorities with the backgrounds above (a third in children's social care).
    private static SetParticipant[] BuildParticipants(int count)
    {
        Random random = new(20220901);
        return [.. Enumerable.Range(0, count).Select(i => new SetParticipant($"P-{i:D4}", $"LA{random.Next(151):D3}", Backgrounds[random.Next(Backgrounds.Length)]))];
    }
}
