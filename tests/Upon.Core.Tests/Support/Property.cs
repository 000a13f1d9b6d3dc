using System;
using FsCheck;

namespace Upon.Core.Tests.Support;

/// <summary>
/// The suite's short name for <see cref="UponProperty"/>, the property runner Upon.Core.Testing ships:
/// at least <see cref="DefaultMaxTest"/> cases each, throwing with the shrunk counter-example on failure.
/// </summary>
public static class Property
{
    /// <summary>The number of cases every property runs unless a test asks for more.</summary>
    public const int DefaultMaxTest = UponProperty.DefaultMaxTest;

    /// <summary>Checks <paramref name="property"/> over <paramref name="maxTest"/> cases.</summary>
    public static void Check(FsCheck.Property property, int maxTest = DefaultMaxTest) => UponProperty.Check(property, maxTest);

    /// <summary>Checks that <paramref name="law"/> holds for every value <paramref name="arbitrary"/> generates.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Func<T, bool> law, int maxTest = DefaultMaxTest) =>
        UponProperty.ForAll(arbitrary, law, maxTest);

    /// <summary>Checks that <paramref name="assertion"/> does not throw for any value <paramref name="arbitrary"/> generates.</summary>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTest = DefaultMaxTest) =>
        UponProperty.ForAll(arbitrary, assertion, maxTest);
}
