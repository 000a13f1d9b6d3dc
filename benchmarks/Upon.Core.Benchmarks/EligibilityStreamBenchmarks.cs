using System.IO;
using BenchmarkDotNet.Attributes;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Streaming JSON Lines to decisions on the varied corpus (issue 13): 10,000 distinct applications of
/// <see cref="Upon.Core.Testing.ApplicationCorpus"/>, each decided with its full explanation by the built-in policy
/// that governs it. Target: at least 0.5× the throughput of the baseline, a bare <c>JsonDocument.Parse</c> of each
/// line of the same bytes, and at most 1 KB allocated per application beyond the decision. Figures are per application.
/// </summary>
/// <remarks>
/// The async twin (reading the same bytes from a stream with <c>EvaluateAsync</c>) gets its own class once that API
/// exists; it is not measured here.
/// </remarks>
[MemoryDiagnoser]
public class EligibilityStreamBenchmarks
{
    private const int Count = Corpora.ApplicationCount;

    private static readonly byte[] JsonLines = Corpora.ApplicationJsonLines;
    private static readonly EligibilityBatch Batch = new(PolicyRegistry.BuiltIn);

    /// <summary>The baseline: each line parsed by a bare <c>JsonDocument.Parse</c> and disposed, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ParseEachLine() => Corpora.ParseEachLine(JsonLines);

    /// <summary>Reads the 10,000 applications from JSON Lines and decides them, streaming (<see cref="EligibilityBatch.Evaluate"/>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int StreamJsonLinesToDecisions()
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> item in Batch.Evaluate(stream, BatchFormat.JsonLines))
        {
            decided += item.IsValid ? 1 : 0;
        }

        return decided;
    }
}
