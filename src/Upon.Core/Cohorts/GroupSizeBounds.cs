namespace Upon.Core.Cohorts;

/// <summary>
/// The sizes a group may have: from <see cref="Minimum"/> to <see cref="Maximum"/> people, both included
/// (for example action-learning sets of 5 to 8, or cohorts of 1 to 50).
/// </summary>
/// <remarks>Equality is by value. Instances are immutable and safe to share between threads.</remarks>
public sealed record GroupSizeBounds
{
    /// <summary>Initializes bounds from <paramref name="minimum"/> to <paramref name="maximum"/> people, both included.</summary>
    /// <param name="minimum">The smallest size allowed: at least 1.</param>
    /// <param name="maximum">The largest size allowed: at least <paramref name="minimum"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimum"/> is below 1, or <paramref name="maximum"/> is below <paramref name="minimum"/>.</exception>
    public GroupSizeBounds(int minimum, int maximum)
    {
        Guard.Against.LessThan(minimum, 1);
        Guard.Against.LessThan(maximum, minimum);
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the smallest size allowed (at least 1).</summary>
    public int Minimum { get; }

    /// <summary>Gets the largest size allowed (at least <see cref="Minimum"/>).</summary>
    public int Maximum { get; }

    /// <summary>Creates bounds of 1 to <paramref name="maximum"/> people.</summary>
    /// <param name="maximum">The largest size allowed: at least 1.</param>
    /// <returns>The bounds 1 to <paramref name="maximum"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is below 1.</exception>
    public static GroupSizeBounds AtMost(int maximum)
    {
        Guard.Against.LessThan(maximum, 1);
        return new GroupSizeBounds(1, maximum);
    }

    /// <summary>Determines whether a group of <paramref name="size"/> people is allowed.</summary>
    /// <param name="size">The size of a group.</param>
    /// <returns>True when <paramref name="size"/> is from <see cref="Minimum"/> to <see cref="Maximum"/>, both included.</returns>
    public bool Contains(int size) => size >= Minimum && size <= Maximum;

    /// <summary>Returns the bounds as text, for example "5 to 8" or "at most 50".</summary>
    /// <returns>The bounds in words.</returns>
    public override string ToString() => Minimum == 1
        ? string.Create(CultureInfo.InvariantCulture, $"at most {Maximum}")
        : Minimum == Maximum
            ? string.Create(CultureInfo.InvariantCulture, $"exactly {Minimum}")
            : string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}");
}
