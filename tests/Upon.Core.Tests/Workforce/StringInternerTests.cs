using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>The interner behind <see cref="AppointmentTable"/>: each string once, numbered in the order first seen, however many and however alike.</summary>
public sealed class StringInternerTests
{
    /// <summary>Lists of strings from a small alphabet (so that repeats, prefixes and hash collisions of the slot are common), up to a few thousand long.</summary>
    private static Arbitrary<(string[] Values, int Capacity)> Lists() =>
        Arb.From(
            from length in Gen.Choose(0, 3000)
            from values in Gen.Elements("a", "b", "ab", "ba", "", "\u00e9", "a\u0000", "holder-1", "holder-10").ArrayOf().Select(parts => string.Concat(parts)).ArrayOf(length)
            from capacity in Gen.Elements(0, 1, 16, length)
            select (values, capacity));

    [Property]
    public Property Intern_NumbersEachStringInTheOrderFirstSeen() =>
        Prop.ForAll(Lists(), input =>
        {
            StringInterner fromSpans = new(input.Capacity);
            StringInterner fromStrings = new(input.Capacity);
            List<string> distinct = [.. input.Values.Distinct(StringComparer.Ordinal)];
            int[] expected = [.. input.Values.Select(v => distinct.IndexOf(v))];
            int[] spans = [.. input.Values.Select(v => fromSpans.Intern(v.AsSpan()))];
            int[] strings = [.. input.Values.Select(v => fromStrings.Intern(v))];
            return expected.SequenceEqual(spans) && expected.SequenceEqual(strings)
                && fromSpans.Values.SequenceEqual(distinct) && fromStrings.Values.SequenceEqual(distinct)
                && fromSpans.Count == distinct.Count;
        });

    [Fact]
    public void Intern_ManyDistinctStrings_GrowsAndKeepsEveryNumber()
    {
        StringInterner interner = new(0);
        for (int i = 0; i < 100_000; i++)
        {
            Assert.Equal(i, interner.Intern($"h{i}".AsSpan()));
        }

        for (int i = 0; i < 100_000; i += 997)
        {
            Assert.Equal(i, interner.Intern($"h{i}"));
        }

        Assert.Equal(100_000, interner.Count);
    }

    [Fact]
    public void Intern_AStringSeenBefore_GivesTheFirstInstance()
    {
        StringInterner interner = new(4);
        string first = new('x', 3);
        interner.Intern(first);
        interner.Intern(new string('x', 3));
        Assert.Same(first, Assert.Single(interner.Values));
    }
}
