using System;
using FsCheck;
using FsCheck.Fluent;

namespace Upon.Core.Tests.Testing;

/// <summary>
/// UponProperty, the runner Upon.Core.Testing ships for test frameworks without an FsCheck integration: it runs the
/// number of cases it says, passes silently, and throws with the shrunk counter-example when a law fails.
/// </summary>
public sealed class UponPropertyTests
{
    private static readonly Arbitrary<int> Numbers = Arb.From(Gen.Choose(0, 10_000), n => Shrinks.Towards(n, 0));

    [Fact]
    public void ForAll_RunsOneThousandCasesByDefault()
    {
        int cases = 0;
        UponProperty.ForAll(Numbers, _ => ++cases > 0);
        Assert.Equal(1000, cases);
        Assert.Equal(1000, UponProperty.DefaultMaxTest);
    }

    [Fact]
    public void ForAll_RunsTheNumberOfCasesAskedFor()
    {
        int laws = 0;
        int assertions = 0;
        int properties = 0;
        UponProperty.ForAll(Numbers, _ => ++laws > 0, maxTest: 2500);
        UponProperty.ForAll(Numbers, _ => assertions++, maxTest: 1200);
        UponProperty.Check(Prop.ForAll(Numbers, _ => ++properties > 0), maxTest: 1001);
        Assert.Equal((2500, 1200, 1001), (laws, assertions, properties));
    }

    [Fact]
    public void ForAll_FalseLaw_ThrowsWithTheShrunkCounterExample()
    {
        Exception thrown = Assert.ThrowsAny<Exception>(() => UponProperty.ForAll(Numbers, n => n < 50));
        Assert.Contains("Falsifiable", thrown.Message, StringComparison.Ordinal);
        // Every number from 50 up breaks the law, and shrinking towards zero ends at the smallest: 50.
        Assert.Contains("Shrunk:", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Shrunk:" + Environment.NewLine + "50" + Environment.NewLine, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAll_FailingAssertion_ThrowsWithTheShrunkCounterExampleAndTheAssertionsMessage()
    {
        Exception thrown = Assert.ThrowsAny<Exception>(() => UponProperty.ForAll(Numbers, n => Assert.True(n < 70, "too large")));
        Assert.Contains("Shrunk:", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Shrunk:" + Environment.NewLine + "70" + Environment.NewLine, thrown.Message, StringComparison.Ordinal);
        Assert.Contains("too large", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailingProperty_ThrowsWithTheSeedToReplayIt()
    {
        Exception thrown = Assert.ThrowsAny<Exception>(() => UponProperty.Check(Prop.ForAll(Numbers, n => n % 2 == 0)));
        Assert.Contains("Falsifiable", thrown.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+,\s*\d+\)", thrown.Message);
    }

    [Fact]
    public void HoldingLaw_DoesNotThrow()
    {
        UponProperty.ForAll(Numbers, n => n >= 0);
        UponProperty.ForAll(Numbers, n => Assert.InRange(n, 0, 10_000));
        UponProperty.Check(Prop.ForAll(Numbers, n => n <= 10_000));
    }

    [Fact]
    public void FewerThanOneThousandCases_AreRefused()
    {
        Assert.Equal("maxTest", Assert.Throws<ArgumentOutOfRangeException>(() => UponProperty.ForAll(Numbers, _ => true, maxTest: 999)).ParamName);
        Assert.Equal("maxTest", Assert.Throws<ArgumentOutOfRangeException>(() => UponProperty.ForAll(Numbers, _ => { }, maxTest: 100)).ParamName);
        Assert.Equal("maxTest", Assert.Throws<ArgumentOutOfRangeException>(() => UponProperty.Check(Prop.ForAll(Numbers, _ => true), maxTest: 0)).ParamName);
    }

    [Fact]
    public void NullArguments_AreRefusedByName()
    {
        Assert.Equal("property", Assert.Throws<ArgumentNullException>(() => UponProperty.Check(null!)).ParamName);
        Assert.Equal("arbitrary", Assert.Throws<ArgumentNullException>(() => UponProperty.ForAll(null!, (int _) => true)).ParamName);
        Assert.Equal("law", Assert.Throws<ArgumentNullException>(() => UponProperty.ForAll(Numbers, (Func<int, bool>)null!)).ParamName);
        Assert.Equal("arbitrary", Assert.Throws<ArgumentNullException>(() => UponProperty.ForAll(null!, (int _) => { })).ParamName);
        Assert.Equal("assertion", Assert.Throws<ArgumentNullException>(() => UponProperty.ForAll(Numbers, (Action<int>)null!)).ParamName);
    }
}
