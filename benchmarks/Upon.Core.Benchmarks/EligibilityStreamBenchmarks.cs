using System;
using System.IO;
using System.Threading.Tasks;
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
/// The async rows read the same bytes with <see cref="EligibilityBatch.EvaluateAsync(Stream, BatchFormat, System.Threading.CancellationToken)"/>,
/// from a stream and through a <see cref="System.IO.Pipelines.PipeReader"/> over it, as a service reading a request body would.
/// </remarks>
[MemoryDiagnoser]
public class EligibilityStreamBenchmarks
{
    private const int Count = Corpora.ApplicationCount;

    private static readonly byte[] JsonLines = Corpora.ApplicationJsonLines;
    private static readonly EligibilityBatch Batch = new(PolicyRegistry.BuiltIn);
    private static readonly EligibilityBatch ParsedBatch = new(PolicyRegistry.BuiltIn) { ReadsBytes = false };

    /// <summary>The baseline: each line parsed by a bare <c>JsonDocument.Parse</c> and disposed, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ParseEachLine() => Corpora.ParseEachLine(JsonLines);

    /// <summary>Reads the 10,000 applications from JSON Lines and decides them, streaming (<see cref="EligibilityBatch.Evaluate"/>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int StreamJsonLinesToDecisions() => Stream(Batch);

    /// <summary>
    /// As <see cref="StreamJsonLinesToDecisions"/>, with every line parsed into a <c>JsonDocument</c> and read by
    /// <see cref="ApplicationDocument"/>: the path a batch takes for a record the bytes reader declines, and the only one
    /// before issue 13.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int StreamJsonLinesToDecisionsParsed() => Stream(ParsedBatch);

    /// <summary>Reads each line for its decision with <see cref="ApplicationBytes"/>, without deciding: the reading's share.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ReadEachLineFromBytes()
    {
        ApplicationBytes reader = new();
        int read = 0;
        ReadOnlySpan<byte> rest = JsonLines;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            read += reader.TryRead(line, out _) ? 1 : 0;
            rest = end < 0 ? default : rest[(end + 1)..];
        }

        return read;
    }

    /// <summary>As <see cref="StreamJsonLinesToDecisions"/>, reading the stream asynchronously.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> StreamJsonLinesToDecisionsAsync()
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        await foreach (RecordResult<EligibilityDecision> item in Batch.EvaluateAsync(stream, BatchFormat.JsonLines))
        {
            decided += item.IsValid ? 1 : 0;
        }

        return decided;
    }

    /// <summary>As <see cref="StreamJsonLinesToDecisionsAsync"/>, through a pipe over the stream (an ASP.NET Core request's <c>BodyReader</c>).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public async Task<int> PipeJsonLinesToDecisionsAsync()
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        System.IO.Pipelines.PipeReader reader = System.IO.Pipelines.PipeReader.Create(stream);
        await foreach (RecordResult<EligibilityDecision> item in Batch.EvaluateAsync(reader, BatchFormat.JsonLines))
        {
            decided += item.IsValid ? 1 : 0;
        }

        await reader.CompleteAsync();
        return decided;
    }

    /// <summary>Streams the corpus through <paramref name="batch"/> synchronously and counts the decisions.</summary>
    private static int Stream(EligibilityBatch batch)
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> item in batch.Evaluate(stream, BatchFormat.JsonLines))
        {
            decided += item.IsValid ? 1 : 0;
        }

        return decided;
    }
}
