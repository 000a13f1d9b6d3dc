namespace Upon.Core.Workforce;

/// <summary>
/// The values of the first few codes read from ASCII bytes (the exit reasons of a file: a handful, on most rows),
/// matched byte for byte, without decoding or hashing. Not thread-safe: one per read.
/// </summary>
/// <typeparam name="T">What a code stands for.</typeparam>
/// <param name="most">How many codes are kept; those read after are not.</param>
internal sealed class RecentAsciiCodes<T>(int most)
{
    private readonly List<(byte[] Code, T Value)> kept = [];

    // The codes kept, by a cheap hash of their length and end bytes: most codes are found with one comparison.
    private readonly (byte[]? Code, T Value)[] slots = new (byte[]?, T)[64];

    /// <summary>Gets the value of <paramref name="code"/>, when it is kept.</summary>
    /// <param name="code">The code's bytes, exactly.</param>
    /// <param name="value">The value, when true.</param>
    /// <returns>Whether the code is kept.</returns>
    public bool TryGet(ReadOnlySpan<byte> code, out T value)
    {
        (byte[]? slotCode, T slotValue) = slots[Slot(code)];
        if (slotCode is not null && code.SequenceEqual(slotCode))
        {
            value = slotValue;
            return true;
        }

        foreach ((byte[] bytes, T kept) in kept)
        {
            if (code.SequenceEqual(bytes))
            {
                value = kept;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps the value of <paramref name="code"/> while fewer than the most are kept.</summary>
    /// <param name="code">The code's bytes.</param>
    /// <param name="value">Its value.</param>
    public void Add(ReadOnlySpan<byte> code, T value)
    {
        if (kept.Count < most)
        {
            byte[] bytes = code.ToArray();
            kept.Add((bytes, value));
            ref (byte[]? Code, T Value) slot = ref slots[Slot(code)];
            if (slot.Code is null)
            {
                slot = (bytes, value);
            }
        }
    }

    private static int Slot(ReadOnlySpan<byte> code) => code.IsEmpty ? 0 : ((code.Length * 7) + code[0] + (code[^1] * 3)) & 63;
}
