using System;
using BenchmarkDotNet.Attributes;
using Upon.Core.Workforce;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Competing risks. Target (issue 16): the Aalen–Johansen cumulative incidence, with standard errors and confidence
/// limits, of 1,000,000 records with 5 exit reasons in under 300 ms.
/// </summary>
[MemoryDiagnoser]
public class CumulativeIncidenceBenchmarks
{
    private const int RecordCount = 1_000_000;

    /// <summary>The five exit reasons, each one string shared by every record, as a file reader gives them.</summary>
    private static readonly string[] Reasons = ["moved", "retired", "left", "interim-ended", "unknown"];

    /// <summary>
    /// A million tenure records in days, seeded: whole-day exits up to 15 years (short tenures commoner), a tenth
    /// entering late, a quarter censored, and the reasons in unequal shares (moved 35%, retired 25%, left 20%,
    /// interim ended 12%, unknown 8%), the interim spells ending sooner.
    /// </summary>
    private static readonly CompetingRiskRecord[] Records = BuildRecords(RecordCount);

    /// <summary>The same records keyed by one of nine regions.</summary>
    private static readonly (int Region, CompetingRiskRecord Record)[] ByRegion = BuildByRegion(Records);

    /// <summary>Cumulative incidence of 5 reasons with log confidence limits over 1,000,000 records.</summary>
    [Benchmark]
    public CumulativeIncidenceCurve CumulativeIncidence1MillionRecords() => CumulativeIncidence.Estimate(Records);

    /// <summary>The same, by region: nine strata of about 111,000 records.</summary>
    [Benchmark]
    public StratifiedCumulativeIncidence<int> CumulativeIncidenceByRegion1MillionRecords() => CumulativeIncidence.EstimateBy(ByRegion);

    private static CompetingRiskRecord[] BuildRecords(int count)
    {
        Random random = new(20240401);
        CompetingRiskRecord[] records = new CompetingRiskRecord[count];
        for (int i = 0; i < count; i++)
        {
            int roll = random.Next(100);
            string reason = roll switch { < 35 => Reasons[0], < 60 => Reasons[1], < 80 => Reasons[2], < 92 => Reasons[3], _ => Reasons[4] };
            int longest = reason == Reasons[3] ? 730 : 5479;

            // The smaller of two draws: more short tenures than long ones.
            int exit = Math.Min(random.Next(1, longest), random.Next(1, longest));
            bool delayed = random.Next(10) == 0;
            int entry = delayed ? random.Next(0, exit) : 0;
            bool censored = random.Next(4) == 0;
            records[i] = new CompetingRiskRecord(entry, exit, censored ? null : reason);
        }

        return records;
    }

    private static (int, CompetingRiskRecord)[] BuildByRegion(CompetingRiskRecord[] records)
    {
        Random random = new(20240402);
        (int, CompetingRiskRecord)[] keyed = new (int, CompetingRiskRecord)[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            keyed[i] = (random.Next(9), records[i]);
        }

        return keyed;
    }
}
