namespace Upon.Core.Workforce;

/// <summary>Binary search over a sorted range, by a test that holds for a prefix of it.</summary>
internal static class PartitionPoint
{
    /// <summary>
    /// Finds the first index in [<paramref name="low"/>, <paramref name="high"/>) for which
    /// <paramref name="isBefore"/> is false, given that it is true for a prefix of the range and false after it;
    /// <paramref name="high"/> when it holds for the whole range. Takes O(log n) tests.
    /// </summary>
    /// <param name="low">The first index of the range.</param>
    /// <param name="high">The index after the range.</param>
    /// <param name="state">What the test needs, passed to it so that a static lambda allocates nothing.</param>
    /// <param name="isBefore">Whether the item at an index comes before the point sought.</param>
    /// <returns>The index of the partition point.</returns>
    public static int Find<TState>(int low, int high, TState state, Func<TState, int, bool> isBefore)
    {
        while (low < high)
        {
            int mid = low + ((high - low) / 2);
            if (isBefore(state, mid))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
