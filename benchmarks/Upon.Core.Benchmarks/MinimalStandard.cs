namespace Upon.Core.Benchmarks;

/// <summary>
/// Park and Miller's minimal standard generator (x ← 48271·x mod 2³¹ − 1): exact in doubles, so R can make the very same
/// records (benchmarks/cox/time-coxph.R, benchmarks/cif/time-survfit.R).
/// </summary>
/// <param name="seed">The seed, from 1 to 2³¹ − 2.</param>
internal sealed class MinimalStandard(long seed)
{
    private const long Modulus = 2147483647;
    private long state = seed;

    /// <summary>Gets the next draw, in (0, 1).</summary>
    /// <returns>The draw.</returns>
    public double Next()
    {
        state = state * 48271 % Modulus;
        return (double)state / Modulus;
    }
}
