namespace Upon.Core.Testing;

/// <summary>Shrinkers for the shapes the generators build, so that a failing case shrinks to a small counter-example.</summary>
public static class Shrinks
{
    /// <summary>
    /// Shrinks an array by removing elements: first the second half, then the first half, then one element at a
    /// time, never below <paramref name="minimumLength"/> elements. The elements keep their order.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The array to shrink.</param>
    /// <param name="minimumLength">The fewest elements a shrunk array may have (0 or more).</param>
    /// <returns>Smaller arrays, the largest steps first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumLength"/> is negative.</exception>
    public static IEnumerable<T[]> RemoveElements<T>(T[] items, int minimumLength = 0)
    {
        Guard.Against.Null(items);
        Guard.Against.OutOfRange(minimumLength, nameof(minimumLength), 0, int.MaxValue, "minimumLength must be at least 0.");
        return Iterate(items, minimumLength);
    }

    /// <summary>Shrinks a whole number towards <paramref name="target"/>: the target, then halfway, then one step closer.</summary>
    /// <param name="value">The number to shrink.</param>
    /// <param name="target">The number it shrinks towards.</param>
    /// <returns>Numbers closer to <paramref name="target"/>, the largest steps first; none when it is the target.</returns>
    public static IEnumerable<int> Towards(int value, int target)
    {
        if (value == target)
        {
            yield break;
        }

        yield return target;
        int half = target + ((value - target) / 2);
        if (half != target && half != value)
        {
            yield return half;
        }

        int step = value > target ? value - 1 : value + 1;
        if (step != target && step != half)
        {
            yield return step;
        }
    }

    private static IEnumerable<T[]> Iterate<T>(T[] items, int minimumLength)
    {
        int half = items.Length / 2;
        if (items.Length >= 2 && half >= minimumLength)
        {
            yield return items[..half];
            yield return items[half..];
        }

        if (items.Length - 1 < minimumLength)
        {
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            yield return [.. items[..i], .. items[(i + 1)..]];
        }
    }
}
