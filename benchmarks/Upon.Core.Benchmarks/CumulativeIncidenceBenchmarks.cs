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
    /// A million tenure records in days, made by the minimal standard generator from 20240401 so that R can make the very
    /// same ones (benchmarks/cif/time-survfit.R): the reasons in unequal shares (moved 35%, retired 25%, left 20%, interim
    /// ended 12%, unknown 8%), exits of 1 to 5,478 days (the smaller of two draws, so short tenures are commoner; interim
    /// spells end within 729 days), a tenth entering late, a quarter censored.
    /// </summary>
    private static readonly CompetingRiskRecord[] Records = BuildRecords(RecordCount);

    /// <summary>The same records keyed by one of nine regions (the minimal standard generator from 20240402).</summary>
    private static readonly (int Region, CompetingRiskRecord Record)[] ByRegion = BuildByRegion(Records);

    /// <summary>Cumulative incidence of 5 reasons with log confidence limits over 1,000,000 records.</summary>
    [Benchmark]
    public CumulativeIncidenceCurve CumulativeIncidence1MillionRecords() => CumulativeIncidence.Estimate(Records);

    /// <summary>The same, by region: nine strata of about 111,000 records.</summary>
    [Benchmark]
    public StratifiedCumulativeIncidence<int> CumulativeIncidenceByRegion1MillionRecords() => CumulativeIncidence.EstimateBy(ByRegion);

    /// <summary>Makes the records (see <see cref="Records"/>); time-survfit.R repeats this draw for draw.</summary>
    /// <param name="count">The number of records.</param>
    /// <returns>The records.</returns>
    public static CompetingRiskRecord[] BuildRecords(int count)
    {
        MinimalStandard random = new(20240401);
        CompetingRiskRecord[] records = new CompetingRiskRecord[count];
        for (int i = 0; i < count; i++)
        {
            double roll = random.Next();
            string reason = roll switch { < 0.35 => Reasons[0], < 0.60 => Reasons[1], < 0.80 => Reasons[2], < 0.92 => Reasons[3], _ => Reasons[4] };
            double longest = reason == Reasons[3] ? 729 : 5478;
            int exit = 1 + (int)Math.Min(Math.Floor(longest * random.Next()), Math.Floor(longest * random.Next()));
            int entry = random.Next() < 0.1 ? (int)Math.Floor(exit * random.Next()) : 0;
            bool censored = random.Next() < 0.25;
            records[i] = new CompetingRiskRecord(entry, exit, censored ? null : reason);
        }

        return records;
    }

    private static (int, CompetingRiskRecord)[] BuildByRegion(CompetingRiskRecord[] records)
    {
        MinimalStandard random = new(20240402);
        (int, CompetingRiskRecord)[] keyed = new (int, CompetingRiskRecord)[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            keyed[i] = ((int)Math.Floor(9 * random.Next()), records[i]);
        }

        return keyed;
    }
}
