using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Upon.Core.Tests.Testing;

public sealed class ShrinksTests
{
    [Property]
    public Property RemoveElements_GivesShorterArraysInOrder_NeverBelowTheMinimum() =>
        Prop.ForAll(
            Arb.From(from items in Gen.Choose(0, 9).ArrayOf() from minimum in Gen.Choose(0, 4) select (items, minimum)),
            input =>
            {
                foreach (int[] shrunk in Shrinks.RemoveElements(input.items, input.minimum))
                {
                    Assert.InRange(shrunk.Length, input.minimum, input.items.Length - 1);
                    Assert.True(IsSubsequence(shrunk, input.items));
                }

                Assert.Equal(input.items.Length > input.minimum, Shrinks.RemoveElements(input.items, input.minimum).Any());
            });

    [Property]
    public Property Towards_GivesNumbersStrictlyCloserToTheTarget() =>
        Prop.ForAll(
            Arb.From(from value in Gen.Choose(-1000, 1000) from target in Gen.Choose(-10, 10) select (value, target)),
            input =>
            {
                int[] shrunk = [.. Shrinks.Towards(input.value, input.target)];
                Assert.All(shrunk, s => Assert.True(Math.Abs(s - input.target) < Math.Abs(input.value - input.target)));
                Assert.Equal(shrunk.Length, shrunk.Distinct().Count());
                Assert.Equal(input.value != input.target, shrunk.Contains(input.target));
            });

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => Shrinks.RemoveElements<int>(null!)).ParamName);
        Assert.Equal("minimumLength", Assert.Throws<ArgumentOutOfRangeException>(() => Shrinks.RemoveElements([1], -1)).ParamName);
    }

    private static bool IsSubsequence(int[] part, int[] whole)
    {
        int j = 0;
        foreach (int item in whole)
        {
            if (j < part.Length && part[j] == item)
            {
                j++;
            }
        }

        return j == part.Length;
    }
}
