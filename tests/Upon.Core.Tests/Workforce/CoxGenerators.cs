using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// FsCheck generators for Cox regression data: 15 to 40 records with 1 to 3 covariates on a grid of eighths from −5 to 5, times in
/// halves so that events, censorings and entries tie, two events in three, and strata "a" and "b" in one list out of three. Every list
/// has at least three events.
/// </summary>
public static class CoxGenerators
{
    /// <summary>The factors <see cref="ScaledCovariates"/> multiplies a covariate by.</summary>
    private static readonly double[] Factors = [-3, -0.5, 0.125, 2, 10, 1000];

    /// <summary>Lists with delayed entry: the first record starts at 0, the second later, and a third of the rest later than 0.</summary>
    public static Gen<CoxRecord[]> DelayedEntryLists() => Lists(delayed: true);

    /// <summary>Lists either right-censored (every record from 0) or with delayed entry, one of each in two.</summary>
    public static Gen<CoxRecord[]> AnyLists() =>
        from delayed in Gen.Elements(false, true)
        from records in Lists(delayed)
        select records;

    /// <summary>A list, a covariate of it and a factor to multiply that covariate by.</summary>
    public static Arbitrary<(CoxRecord[] Records, int Covariate, double Factor)> ScaledCovariates() =>
        Arb.From(
            from records in AnyLists()
            from covariate in Gen.Choose(0, records[0].Covariates.Length - 1)
            from factor in Gen.Elements(Factors)
            select (records, covariate, factor));

    /// <summary>
    /// A list, a covariate of it that is not all −1, 0 and 1 (which R leaves as they are) and a power of two (2^k, k up to
    /// ±480, where the covariate's square is far out of range but its variance, scaled by 2^−2k, is still a normal double)
    /// to multiply that covariate by.
    /// </summary>
    public static Arbitrary<(CoxRecord[] Records, int Covariate, int Power)> PowerOfTwoScaledCovariates() =>
        Arb.From(
            from records in AnyLists()
            from covariate in Gen.Choose(0, records[0].Covariates.Length - 1)
            where records.Any(r => r.Covariates[covariate] is not (-1 or 0 or 1))
            from power in Gen.Elements(-480, -300, -7, 9, 300, 480)
            select (records, covariate, power));

    /// <summary>A list with delayed entry and a whole number (−50 to 50, not 0) to add to every time.</summary>
    public static Arbitrary<(CoxRecord[] Records, double Shift)> ShiftedTimes() =>
        Arb.From(
            from records in DelayedEntryLists()
            from shift in Gen.Choose(-50, 49).Select(s => s >= 0 ? s + 1 : s)
            select (records, (double)shift));

    /// <summary>A list with the same list in another order.</summary>
    public static Arbitrary<(CoxRecord[] Records, CoxRecord[] Shuffled)> ShuffledLists() =>
        Arb.From(
            from records in AnyLists()
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));

    private static Gen<CoxRecord[]> Lists(bool delayed) =>
        from n in Gen.Choose(15, 40)
        from p in Gen.Choose(1, 3)
        from stratified in Gen.Elements(false, false, true)
        from records in Record(p, delayed, stratified).ArrayOf(n)
        select Anchor(records, delayed);

    private static Gen<CoxRecord> Record(int p, bool delayed, bool stratified) =>
        from late in Gen.Elements(false, false, delayed)
        from start in Gen.Choose(1, 20)
        from length in Gen.Choose(1, 30)
        from isEvent in Gen.Elements(true, true, false)
        from covariates in Gen.Choose(-40, 40).Select(v => v / 8.0).ArrayOf(p)
        from stratum in Gen.Elements("a", "b")
        select new CoxRecord(late ? start / 2.0 : 0, ((late ? start : 0) + length) / 2.0, isEvent, [.. covariates], stratified ? stratum : null);

    /// <summary>Makes the first three records events, the first starting at 0 and, with delayed entry, the second later.</summary>
    private static CoxRecord[] Anchor(CoxRecord[] records, bool delayed)
    {
        CoxRecord[] anchored = [.. records];
        for (int i = 0; i < 3; i++)
        {
            CoxRecord r = records[i];
            double start = i switch
            {
                0 => 0,
                1 when delayed => Math.Max(0.5, r.Start),
                _ => r.Start,
            };
            anchored[i] = new CoxRecord(start, start + (r.Stop - r.Start), true, r.Covariates, r.Stratum);
        }

        return anchored;
    }

    /// <summary>Returns <paramref name="records"/> with covariate <paramref name="covariate"/> multiplied by <paramref name="factor"/>.</summary>
    public static CoxRecord[] Scale(CoxRecord[] records, int covariate, double factor) =>
        [.. records.Select(r => new CoxRecord(r.Start, r.Stop, r.IsEvent, r.Covariates.SetItem(covariate, r.Covariates[covariate] * factor), r.Stratum, r.Cluster))];

    /// <summary>Returns <paramref name="records"/> with <paramref name="shift"/> added to every time.</summary>
    public static CoxRecord[] Shift(CoxRecord[] records, double shift) =>
        [.. records.Select(r => new CoxRecord(r.Start + shift, r.Stop + shift, r.IsEvent, r.Covariates, r.Stratum, r.Cluster))];
}
