using System.Collections.Immutable;
using System.IO;
using BenchmarkDotNet.Attributes;
using Upon.Core.Eligibility;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Reading applications without deciding them (issue 13): the 10,000 varied applications of
/// <see cref="Upon.Core.Testing.ApplicationCorpus"/>, each line of the JSON Lines read into an
/// <see cref="ApplicationSubmission"/> (the application and its monitoring answers), against the baseline of a bare
/// <c>JsonDocument.Parse</c> of each line of the same bytes. Figures are per application.
/// </summary>
/// <remarks>
/// The library has no public batch reader of applications that does not decide them yet, so each line is read with
/// <see cref="ApplicationDocument.Read(Stream, int)"/> over a read-only <see cref="MemoryStream"/> on its bytes (no
/// copy; the harness's share is that stream, about 80 bytes a line).
/// </remarks>
[MemoryDiagnoser]
public class ApplicationDocumentBenchmarks
{
    private const int Count = Corpora.ApplicationCount;

    private static readonly byte[] JsonLines = Corpora.ApplicationJsonLines;
    private static readonly ImmutableArray<(int Start, int Length)> Lines = Corpora.Lines(JsonLines);

    /// <summary>The baseline: each line parsed by a bare <c>JsonDocument.Parse</c> and disposed, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int ParseEachLine() => Corpora.ParseEachLine(JsonLines);

    /// <summary>Reads each line into an application and its monitoring answers, without deciding.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int ReadEachLine()
    {
        int read = 0;
        foreach ((int start, int length) in Lines)
        {
            using MemoryStream line = new(JsonLines, start, length, writable: false);
            read += ApplicationDocument.Read(line).IsValid ? 1 : 0;
        }

        return read;
    }
}
