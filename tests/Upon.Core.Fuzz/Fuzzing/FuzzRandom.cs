using System;
using System.Collections.Generic;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>
/// SplitMix64: a small generator whose sequence is fixed by its seed on every runtime and platform, so that one
/// (seed, format, document index) always gives the same document. Not thread-safe: one per document.
/// </summary>
internal sealed class FuzzRandom
{
    private ulong state;

    public FuzzRandom(ulong seed) => state = seed;

    /// <summary>The generator of one document: its sequence depends only on the run's seed, the format and the index.</summary>
    public static FuzzRandom ForDocument(ulong seed, string format, long index)
    {
        ulong h = seed;
        foreach (char c in format)
        {
            h = Mix(h ^ c);
        }

        return new FuzzRandom(Mix(h ^ Mix((ulong)index)));
    }

    public ulong NextUInt64()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>A number from 0 to <paramref name="maxExclusive"/> - 1.</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The bound must be positive.");
        }

        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
