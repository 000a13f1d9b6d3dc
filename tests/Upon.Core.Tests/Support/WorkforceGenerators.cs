using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Support;

/// <summary>
/// FsCheck generators for the workforce capability. Survival times are small whole and half numbers
/// so that ties between events, censorings and entries are frequent.
/// </summary>
public static class WorkforceGenerators
{
    /// <summary>Right-censored records: exits 0.5 to 20 in halves, events two times in three.</summary>
    public static Gen<TenureRecord> RightCensoredRecords() =>
        from halves in Gen.Choose(1, 40)
        from isEvent in Gen.Elements(true, true, false)
        select new TenureRecord(halves / 2.0, isEvent);

    /// <summary>Records with delayed entry one time in three: entries 0 to 10, exits after them.</summary>
    public static Gen<TenureRecord> Records() =>
        from delayed in Gen.Elements(false, false, true)
        from entry in Gen.Choose(0, 20)
        from length in Gen.Choose(1, 20)
        from isEvent in Gen.Elements(true, true, false)
        select delayed ? new TenureRecord(entry / 2.0, (entry + length) / 2.0, isEvent) : new TenureRecord(length / 2.0, isEvent);

    /// <summary>Lists of 0 to 60 <see cref="Records"/>.</summary>
    public static Arbitrary<TenureRecord[]> RecordLists() =>
        Arb.From(Gen.Choose(0, 60).SelectMany(n => Records().ArrayOf(n)));

    /// <summary>Lists of 1 to 60 records that all end in the event (no censoring, no delayed entry).</summary>
    public static Arbitrary<TenureRecord[]> UncensoredRecordLists() =>
        Arb.From(Gen.Choose(1, 60).SelectMany(n => Gen.Choose(1, 40).Select(h => new TenureRecord(h / 2.0, true)).ArrayOf(n)));

    /// <summary>A list of records with the same list in another order.</summary>
    public static Arbitrary<(TenureRecord[] Records, TenureRecord[] Shuffled)> ShuffledRecordLists() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from records in Records().ArrayOf(n)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));

    /// <summary>Grouped right-censored records (groups "a" to "c") with the same list in another order.</summary>
    public static Arbitrary<((string Group, TenureRecord Record)[] Records, (string Group, TenureRecord Record)[] Shuffled)> ShuffledGroupedRecords() =>
        Arb.From(
            from n in Gen.Choose(0, 60)
            from records in (from g in Gen.Elements("a", "b", "c") from r in RightCensoredRecords() select (g, r)).ArrayOf(n)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled.ToArray()));
}
