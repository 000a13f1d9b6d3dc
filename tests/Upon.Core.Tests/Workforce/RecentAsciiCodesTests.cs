using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The cache of recent exit-reason codes that the CSV readers and the table builder look codes up in before they
/// decode them: a code is found, with its value, exactly when it was kept; an empty cache, an empty code and two codes
/// that share a slot of its cheap hash included. Mutation testing found it tested only through files whose few reasons
/// never met those cases (the limit's example is in MeasuresMutationTests).
/// </summary>
public sealed class RecentAsciiCodesTests
{
    /// <summary>Short codes of a few letters, so that codes share slots of the hash often.</summary>
    private static readonly Gen<byte[]> Codes =
        from length in Gen.Choose(0, 3)
        from letters in Gen.ArrayOf(Gen.Elements((byte)'A', (byte)'B', (byte)'D', (byte)'-'), length)
        select letters;

    [Property]
    public Property ACode_IsFound_WithItsValue_ExactlyWhenItWasKept() =>
        Prop.ForAll(
            (from most in Gen.Choose(0, 20)
             from addedCount in Gen.Choose(0, 30)
             from added in Gen.ArrayOf(Codes, addedCount)
             from lookedCount in Gen.Choose(0, 30)
             from looked in Gen.ArrayOf(Codes, lookedCount)
             select (most, added.Select(Encoding.ASCII.GetString).Distinct().ToArray(), looked.Select(Encoding.ASCII.GetString).ToArray())).ToArbitrary(),
            input =>
            {
                (int most, string[] added, string[] looked) = input;
                RecentAsciiCodes<int> cache = new(most);
                Dictionary<string, int> kept = [];
                for (int i = 0; i < added.Length; i++)
                {
                    cache.Add(Encoding.ASCII.GetBytes(added[i]), i + 1);
                    if (i < most)
                    {
                        kept[added[i]] = i + 1;
                    }
                }

                return looked.Concat(added).All(code =>
                    cache.TryGet(Encoding.ASCII.GetBytes(code), out int value) == kept.TryGetValue(code, out int expected) && value == expected);
            });

    [Fact]
    public void AnEmptyCache_FindsNothing_NotEvenTheEmptyCode()
    {
        RecentAsciiCodes<string> cache = new(16);

        Assert.False(cache.TryGet([], out string? none));
        Assert.Null(none);
        Assert.False(cache.TryGet("RE"u8, out none));
        Assert.Null(none);
    }

    [Fact]
    public void TwoCodesOfOneSlot_AreBothFound_TheSecondInTheList()
    {
        // "AB" and "DA" have one slot: 2 × 7 + 'A' + 3 × 'B' = 277 and 2 × 7 + 'D' + 3 × 'A' = 277.
        RecentAsciiCodes<string> cache = new(16);
        cache.Add("AB"u8, "first");
        cache.Add("DA"u8, "second");

        Assert.True(cache.TryGet("AB"u8, out string? first));
        Assert.True(cache.TryGet("DA"u8, out string? second));
        Assert.Equal("first", first);
        Assert.Equal("second", second);
        Assert.False(cache.TryGet("BA"u8, out _));
    }
}
