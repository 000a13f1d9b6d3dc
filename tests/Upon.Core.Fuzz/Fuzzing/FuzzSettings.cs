using System;
using System.Globalization;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>
/// The settings of a run, from environment variables so that one command runs the long run:
/// <c>UPON_FUZZ_DOCUMENTS</c> (documents per format, default 20,000), <c>UPON_FUZZ_SEED</c> (default 20261205),
/// <c>UPON_FUZZ_ONLY</c> (<c>format:index</c>, to rerun one document) and <c>UPON_FUZZ_TIMEOUT_SECONDS</c> (the hang
/// detector's limit per document, default 10).
/// </summary>
internal sealed record FuzzSettings(long Documents, ulong Seed, (string Format, long Index)? Only, TimeSpan DocumentTimeLimit)
{
    public const long DefaultDocuments = 20_000;

    public const ulong DefaultSeed = 20261205;

    public static FuzzSettings FromEnvironment()
    {
        long documents = long.TryParse(Environment.GetEnvironmentVariable("UPON_FUZZ_DOCUMENTS"), NumberStyles.None, CultureInfo.InvariantCulture, out long d) && d > 0 ? d : DefaultDocuments;
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("UPON_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s) ? s : DefaultSeed;
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("UPON_FUZZ_TIMEOUT_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out int t) && t > 0 ? t : 10;
        (string, long)? only = null;
        if (Environment.GetEnvironmentVariable("UPON_FUZZ_ONLY") is string text && text.LastIndexOf(':') is int colon and > 0
            && long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long index))
        {
            only = (text[..colon], index);
        }

        return new FuzzSettings(documents, seed, only, TimeSpan.FromSeconds(seconds));
    }
}
