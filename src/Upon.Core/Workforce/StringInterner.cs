using System.Numerics;

namespace Upon.Core.Workforce;

/// <summary>
/// Numbers strings from 0 in the order first seen, each kept once: the codes of an
/// <see cref="AppointmentTable"/>. An open-addressing table of 64-bit slots (the string's hash beside its number), so
/// that a look-up costs one read of the slot array, and the string is read only when its hash matches.
/// </summary>
/// <remarks>
/// Hashes are <see cref="string.GetHashCode(ReadOnlySpan{char})"/>, randomized per process, so input made to collide
/// cannot be prepared in advance. Not thread-safe: one per table being built.
/// </remarks>
internal sealed class StringInterner
{
    private readonly List<string> values;
    private long[] slots;
    private int mask;

    /// <summary>Initializes an interner sized for about <paramref name="capacity"/> strings.</summary>
    /// <param name="capacity">The strings expected; it grows past them as needed.</param>
    public StringInterner(int capacity)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(capacity * 2, 16, 1 << 30));
        slots = new long[size];
        mask = size - 1;
        values = new List<string>(Math.Clamp(capacity, 0, 1 << 24));
    }

    /// <summary>Gets the number of strings.</summary>
    public int Count => values.Count;

    /// <summary>Gets the strings in the order first seen: string <c>n</c> is number <c>n</c>.</summary>
    public List<string> Values => values;

    /// <summary>Gets the number of <paramref name="text"/>, adding it (as a new string) when not seen before.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>Its number.</returns>
    public int Intern(ReadOnlySpan<char> text) => Intern(text, null);

    /// <summary>Gets the number of <paramref name="text"/>, adding it (this string) when not seen before.</summary>
    /// <param name="text">The string.</param>
    /// <returns>Its number.</returns>
    public int Intern(string text) => Intern(text, text);

    /// <summary>Gets a value indicating whether <paramref name="text"/> has been seen.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>True when it has a number.</returns>
    public bool Contains(ReadOnlySpan<char> text)
    {
        int hash = string.GetHashCode(text);
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask)
        {
            long entry = slots[slot];
            if (unchecked((int)(entry >> 32)) == hash && text.SequenceEqual(values[unchecked((int)(uint)entry) - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private int Intern(ReadOnlySpan<char> text, string? made)
    {
        int hash = string.GetHashCode(text);
        int slot = hash & mask;
        while (true)
        {
            long entry = slots[slot];
            if (entry == 0)
            {
                int number = values.Count;
                values.Add(made ?? new string(text));
                slots[slot] = unchecked(((long)hash << 32) | (uint)(number + 1));
                if (values.Count * 2 > slots.Length)
                {
                    Grow();
                }

                return number;
            }

            int found = unchecked((int)(uint)entry) - 1;
            if (unchecked((int)(entry >> 32)) == hash && text.SequenceEqual(values[found]))
            {
                return found;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        long[] old = slots;
        slots = new long[checked(old.Length * 2)];
        mask = slots.Length - 1;
        foreach (long entry in old)
        {
            if (entry != 0)
            {
                int slot = unchecked((int)(entry >> 32)) & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = entry;
            }
        }
    }
}
