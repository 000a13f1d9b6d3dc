using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The holder ids of an appointment table, kept one per row as read and told apart only when numbered: the numbers are
/// those of the distinct ids in order of first appearance, however each was added, from however many threads.
/// </summary>
public sealed class HolderIdsTests
{
    private static readonly Gen<(string Id, bool AsBytes)[]> Entries =
        from count in Gen.Choose(0, 60)
        from entries in Gen.ArrayOf(
            from id in Gen.Elements("h1", "h2", "H1", "h10", "x", "a-long-holder-id-0001", "h", "Z9", "h\u00e9", "\uFB01x", "\U0001F600")
            from asBytes in Gen.Elements(true, false)
            select (id, asBytes && id.All(char.IsAscii)),
            count)
        select entries;

    [Property]
    public Property Numbers_AreThoseOfTheDistinctIdsInOrderOfFirstAppearance() =>
        Prop.ForAll(Entries.ToArbitrary(), entries =>
        {
            HolderIds ids = Build(entries, capacity: entries.Length % 3);
            string[] distinct = [.. entries.Select(e => e.Id).Distinct()];

            Assert.Equal(entries.Length, ids.Count);
            Assert.Equal(distinct, Names(ids.Numbers));
            Assert.Equal(entries.Select(e => System.Array.IndexOf(distinct, e.Id)), ids.Numbers.NumberOf);
            for (int i = 0; i < entries.Length; i++)
            {
                Assert.Equal(entries[i].Id, ids.Text(i));
            }
        });

    [Property]
    public Property Numbers_ReadFromManyThreadsAtOnce_AreOneNumbering() =>
        Prop.ForAll(Entries.ToArbitrary(), entries =>
        {
            HolderIds ids = Build(entries, capacity: 0);
            HolderIds.Numbering[] seen = new HolderIds.Numbering[16];
            Parallel.For(0, seen.Length, i => seen[i] = ids.Numbers);

            Assert.All(seen, numbering => Assert.Same(seen[0], numbering));
            Assert.Equal(entries.Select(e => e.Id).Distinct(), Names(seen[0]));
        });

    [Property]
    public Property EntriesCopiedFromAnotherTable_KeepTheirIds() =>
        Prop.ForAll(Entries.ToArbitrary(), entries =>
        {
            HolderIds source = Build(entries, capacity: 1);
            HolderIds.Builder copy = new(0);
            int[] kept = [.. Enumerable.Range(0, entries.Length).Where(i => i % 2 == 0)];
            foreach (int i in kept)
            {
                copy.Add(source, i);
            }

            HolderIds copied = copy.Build();
            Assert.Equal(kept.Select(i => entries[i].Id), Enumerable.Range(0, copied.Count).Select(copied.Text));
        });

    [Fact]
    public void AnIdGivenAsAString_IsKeptAsThatString()
    {
        string given = new('h', 3);
        HolderIds.Builder builder = new(0);
        builder.Add(Encoding.ASCII.GetBytes("hhh"));
        builder.Add(given);
        HolderIds ids = builder.Build();

        Assert.Same(given, ids.Text(1));
        Assert.Equal([0, 0], ids.Numbers.NumberOf);
        Assert.Equal(1, ids.Numbers.Count);
    }

    [Property]
    public Property Numbers_CompareAsTheirIdsCompareOrdinally() =>
        Prop.ForAll(Entries.ToArbitrary(), entries =>
        {
            HolderIds.Numbering numbers = Build(entries, capacity: 0).Numbers;
            for (int a = 0; a < numbers.Count; a++)
            {
                for (int b = 0; b < numbers.Count; b++)
                {
                    Assert.Equal(System.Math.Sign(string.CompareOrdinal(numbers.Name(a), numbers.Name(b))), System.Math.Sign(numbers.CompareOrdinal(a, b)));
                }
            }
        });

    private static string[] Names(HolderIds.Numbering numbers) => [.. Enumerable.Range(0, numbers.Count).Select(numbers.Name)];

    private static HolderIds Build((string Id, bool AsBytes)[] entries, int capacity)
    {
        HolderIds.Builder builder = new(capacity);
        foreach ((string id, bool asBytes) in entries)
        {
            int entry = asBytes ? builder.Add(Encoding.ASCII.GetBytes(id)) : builder.Add(id);
            Assert.Equal(builder.Count - 1, entry);
        }

        return builder.Build();
    }
}
