namespace Upon.Core.Testing;

/// <summary>
/// Runs FsCheck properties from a test of any framework (xunit, NUnit, MSTest or none): each check runs
/// at least <see cref="DefaultMaxTest"/> cases and, when a case fails, throws an exception whose message
/// holds the shrunk counter-example and the seed to replay it. Nothing is printed when the property holds.
/// </summary>
/// <remarks>The methods are thread-safe: every check uses its own random seed and configuration.</remarks>
public static class UponProperty
{
    /// <summary>The number of cases every check runs unless a test asks for more: 1,000.</summary>
    public const int DefaultMaxTest = 1000;

    /// <summary>Checks <paramref name="property"/> over <paramref name="maxTest"/> cases.</summary>
    /// <param name="property">The property to check, for example from <c>Prop.ForAll</c>.</param>
    /// <param name="maxTest">The number of cases to run: at least <see cref="DefaultMaxTest"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="property"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is less than <see cref="DefaultMaxTest"/>.</exception>
    /// <exception cref="Exception">The property fails (or throws) for some case: the message holds the shrunk counter-example.</exception>
    public static void Check(FsCheck.Property property, int maxTest = DefaultMaxTest)
    {
        Guard.Against.Null(property);
        Guard.Against.OutOfRange(maxTest, nameof(maxTest), DefaultMaxTest, int.MaxValue, "maxTest must be at least 1000.");
        property.Check(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true));
    }

    /// <summary>Checks that <paramref name="law"/> holds for every value <paramref name="arbitrary"/> generates.</summary>
    /// <typeparam name="T">The type of the generated values.</typeparam>
    /// <param name="arbitrary">The values to check, with their shrinker.</param>
    /// <param name="law">The law: true when it holds for the value.</param>
    /// <param name="maxTest">The number of cases to run: at least <see cref="DefaultMaxTest"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="arbitrary"/> or <paramref name="law"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is less than <see cref="DefaultMaxTest"/>.</exception>
    /// <exception cref="Exception">The law is false (or throws) for some value: the message holds the shrunk counter-example.</exception>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Func<T, bool> law, int maxTest = DefaultMaxTest)
    {
        Guard.Against.Null(arbitrary);
        Guard.Against.Null(law);
        Check(Prop.ForAll(arbitrary, law), maxTest);
    }

    /// <summary>Checks that <paramref name="assertion"/> does not throw for any value <paramref name="arbitrary"/> generates.</summary>
    /// <typeparam name="T">The type of the generated values.</typeparam>
    /// <param name="arbitrary">The values to check, with their shrinker.</param>
    /// <param name="assertion">The assertion: it throws (for example a test framework's assertion exception) when the value breaks it.</param>
    /// <param name="maxTest">The number of cases to run: at least <see cref="DefaultMaxTest"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="arbitrary"/> or <paramref name="assertion"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTest"/> is less than <see cref="DefaultMaxTest"/>.</exception>
    /// <exception cref="Exception">The assertion throws for some value: the message holds the shrunk counter-example.</exception>
    public static void ForAll<T>(Arbitrary<T> arbitrary, Action<T> assertion, int maxTest = DefaultMaxTest)
    {
        Guard.Against.Null(arbitrary);
        Guard.Against.Null(assertion);
        Check(Prop.ForAll(arbitrary, assertion), maxTest);
    }
}
