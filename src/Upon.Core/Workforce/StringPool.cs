using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

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
    private int[]? hashes;

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

    /// <summary>
    /// Gets the string of the UTF-8 text <paramref name="utf8"/> (valid UTF-8), from the cache when it holds it, so that no
    /// string is made for a value seen before. Use one overload per pool: the slots of this one are not those of the others.
    /// </summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    /// <returns>A string equal to the decoded <paramref name="utf8"/>.</returns>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        // The full hash of each slot's string is kept beside it, so that a value that lost its slot is told apart without
        // reading the string (a cache miss when strings are many).
        int hash = Hash(utf8);
        int index = hash & (Size - 1);
        hashes ??= new int[Size];
        ref string? slot = ref slots[index];
        if (slot is not null && hashes[index] == hash && Matches(utf8, slot))
        {
            return slot;
        }

        hashes[index] = hash;
        return slot = Encoding.UTF8.GetString(utf8);
    }

    private static bool Matches(ReadOnlySpan<byte> utf8, string text)
    {
        if (Ascii.Equals(utf8, text))
        {
            return true;
        }

        if (Ascii.IsValid(utf8) || utf8.Length > 256)
        {
            return false;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        return chars[..Encoding.UTF8.GetChars(utf8, chars)].SequenceEqual(text);
    }

    /// <summary>A quick hash of the first and last eight bytes and the length, enough to spread codes and ids over the slots (a collision costs a miss, never a wrong string).</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong first;
        ulong last;
        if (utf8.Length >= 8)
        {
            first = MemoryMarshal.Read<ulong>(utf8);
            last = MemoryMarshal.Read<ulong>(utf8[^8..]);
        }
        else
        {
            first = 0;
            foreach (byte b in utf8)
            {
                first = (first << 8) | b;
            }

            last = 0;
        }

        // MurmurHash3's finalizer, so that every input bit reaches the low bits that pick the slot (the digits that vary
        // in a code are its last bytes, the high bits of a little-endian read).
        ulong hash = unchecked(first ^ BitOperations.RotateLeft(last, 29) ^ ((ulong)utf8.Length * 0x9E3779B97F4A7C15UL));
        hash = unchecked((hash ^ (hash >> 33)) * 0xFF51AFD7ED558CCDUL);
        hash = unchecked((hash ^ (hash >> 33)) * 0xC4CEB9FE1A85EC53UL);
        return unchecked((int)(hash ^ (hash >> 33)));
    }
}
