using System;
using FsCheck;
using FsCheck.Fluent;

namespace Upon.Core.Tests.Support;

/// <summary>
/// Runs FsCheck properties from xunit facts (FsCheck.Xunit is not available): at least
/// <see cref="DefaultMaxTest"/> cases each, throwing with the shrunk counter-example on failure.
/// </summary>
public static class Property
{
    /// <summary>The number of cases every property runs unless a test asks for more.</summary>
    public const int DefaultMaxTest = 1000;

    /// <summary>Checks <paramref name="property"/> over <paramref name="maxTest"/> cases.</summary>
    public static void Check(FsCheck.Property property, int maxTest = DefaultMaxTest)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTest, DefaultMaxTest);
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true));
    }

    /// <summary>Checks that <paramref name="law"/> holds for every value <paramref name="arbitrary"/> generates.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Func<T, bool> law, int maxTest = DefaultMaxTest) =>
        Check(Prop.ForAll(arbitrary, law), maxTest);

    /// <summary>Checks that <paramref name="assertion"/> does not throw for any value <paramref name="arbitrary"/> generates.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTest = DefaultMaxTest) =>
        Check(Prop.ForAll(arbitrary, assertion), maxTest);
}
