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

    /// <summary>Gets the value of <paramref name="code"/>, when it is kept.</summary>
    /// <param name="code">The code's bytes, exactly.</param>
    /// <param name="value">The value, when true.</param>
    /// <returns>Whether the code is kept.</returns>
    public bool TryGet(ReadOnlySpan<byte> code, out T value)
    {
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
            kept.Add((code.ToArray(), value));
        }
    }
}
