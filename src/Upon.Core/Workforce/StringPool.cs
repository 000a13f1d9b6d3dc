namespace Upon.Core.Workforce;

/// <summary>
/// A small cache of strings for one read, so that an authority code or holder id that comes back row after row
/// is one string rather than one per row. It holds at most <see cref="Size"/> strings, one per slot by hash, so its
/// memory is fixed however many distinct values the input has; a value that loses its slot is simply made again.
/// </summary>
/// <remarks>Not thread-safe: each read makes its own; nothing is shared between reads.</remarks>
internal sealed class StringPool
{
    /// <summary>The number of slots: 4,096.</summary>
    public const int Size = 4096;

    private readonly string?[] slots = new string?[Size];

    /// <summary>Gets the string of <paramref name="text"/>, from the cache when it holds it.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>A string equal to <paramref name="text"/>.</returns>
    public string Get(ReadOnlySpan<char> text)
    {
        ref string? slot = ref slots[string.GetHashCode(text) & (Size - 1)];
        if (slot is not null && text.SequenceEqual(slot))
        {
            return slot;
        }

        return slot = text.ToString();
    }

    /// <summary>Gets a string equal to <paramref name="text"/>: the cached one when the cache holds it, else <paramref name="text"/> itself (then cached).</summary>
    /// <param name="text">The string.</param>
    /// <returns>A string equal to <paramref name="text"/>.</returns>
    public string Get(string text)
    {
        ref string? slot = ref slots[string.GetHashCode(text.AsSpan()) & (Size - 1)];
        if (slot is not null && string.Equals(text, slot, StringComparison.Ordinal))
        {
            return slot;
        }

        return slot = text;
    }
}
