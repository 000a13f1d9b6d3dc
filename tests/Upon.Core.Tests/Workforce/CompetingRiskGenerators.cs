using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// FsCheck generators for competing-risk records. Times are whole and half numbers up to 20 so that exits, censorings
/// and entries often fall together; reasons are "a" to "c", "a" the most common, and a record is censored one time
/// in three.
/// </summary>
public static class CompetingRiskGenerators
{
    /// <summary>Right-censored records: exits 0.5 to 20 in halves.</summary>
    public static Gen<CompetingRiskRecord> RightCensoredRecords() =>
        from halves in Gen.Choose(1, 40)
        from reason in Reasons()
        select new CompetingRiskRecord(halves / 2.0, reason);

    /// <summary>Records with delayed entry one time in three: entries 0 to 10, exits after them.</summary>
    public static Gen<CompetingRiskRecord> Records() =>
        from delayed in Gen.Elements(false, false, true)
        from entry in Gen.Choose(0, 20)
        from length in Gen.Choose(1, 20)
        from reason in Reasons()
        select delayed ? new CompetingRiskRecord(entry / 2.0, (entry + length) / 2.0, reason) : new CompetingRiskRecord(length / 2.0, reason);

    /// <summary>Lists of 0 to 60 <see cref="Records"/>.</summary>
    public static Arbitrary<CompetingRiskRecord[]> RecordLists() =>
        Arb.From(Gen.Choose(0, 60).SelectMany(n => Records().ArrayOf(n)), records => Shrinks.RemoveElements(records));

    /// <summary>Lists of 0 to 60 <see cref="RightCensoredRecords"/>.</summary>
    public static Arbitrary<CompetingRiskRecord[]> RightCensoredRecordLists() =>
        Arb.From(Gen.Choose(0, 60).SelectMany(n => RightCensoredRecords().ArrayOf(n)), records => Shrinks.RemoveElements(records));

    /// <summary>Lists of 0 to 60 records with one reason ("a") or censored, delayed entry one time in three.</summary>
    public static Arbitrary<CompetingRiskRecord[]> OneReasonRecordLists() =>
        Arb.From(
            Gen.Choose(0, 60).SelectMany(n => Records().Select(r => new CompetingRiskRecord(r.Entry, r.Exit, r.IsCensored ? null : "a")).ArrayOf(n)),
            records => Shrinks.RemoveElements(records));

    /// <summary>Lists of 1 to 60 records that all end in an exit, from time 0 (no censoring, no delayed entry).</summary>
    public static Arbitrary<CompetingRiskRecord[]> UncensoredRecordLists() =>
        Arb.From(
            Gen.Choose(1, 60).SelectMany(n => (from halves in Gen.Choose(1, 40) from reason in Gen.Elements("a", "a", "b", "c") select new CompetingRiskRecord(halves / 2.0, reason)).ArrayOf(n)),
            records => Shrinks.RemoveElements(records, minimumLength: 1));

    /// <summary>A list of records with the same list in another order.</summary>
    public static Arbitrary<(CompetingRiskRecord[] Records, CompetingRiskRecord[] Shuffled)> ShuffledRecordLists() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from records in Records().ArrayOf(n)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));

    /// <summary>Keyed records (keys "a" to "d"), with delayed entry in one list out of two.</summary>
    public static Arbitrary<(string Key, CompetingRiskRecord Record)[]> KeyedRecordLists() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from delayed in Gen.Elements(false, true)
            from records in (from key in Gen.Elements("a", "b", "c", "d")
                             from record in delayed ? Records() : RightCensoredRecords()
                             select (key, record)).ArrayOf(n)
            select records);

    private static Gen<string?> Reasons() => Gen.Elements<string?>("a", "a", "b", "c", null, null);
}
