using System;
using System.Collections.Immutable;
using System.Text.Json;
using Upon.Core.Eligibility;
using Upon.Core.Testing;

namespace Upon.Core.Benchmarks;

/// <summary>
/// The corpora of issue 13, made once per process and shared by the benchmark classes that read them: the 10,000
/// varied applications of <see cref="ApplicationCorpus"/> (seed 13) as JSON Lines, and the baseline that only parses
/// each of their lines.
/// </summary>
internal static class Corpora
{
    private static readonly Lazy<byte[]> ApplicationBytes = new(() => ApplicationCorpus.ToJsonLines(ApplicationCorpus.Generate()));

    /// <summary>Gets the number of applications: <see cref="ApplicationCorpus.DefaultCount"/>.</summary>
    public const int ApplicationCount = ApplicationCorpus.DefaultCount;

    /// <summary>Gets the applications as JSON Lines, written by <see cref="ApplicationDocument"/> (about 14 MB).</summary>
    public static byte[] ApplicationJsonLines => ApplicationBytes.Value;

    /// <summary>
    /// The baseline: finds each line of <paramref name="jsonLines"/> and parses it with a bare <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
    /// (default options, in place, no copy), then disposes the document. Nothing is read from it.
    /// </summary>
    /// <returns>The number of documents parsed whose root is an object.</returns>
    public static int ParseEachLine(byte[] jsonLines)
    {
        int objects = 0;
        ReadOnlyMemory<byte> rest = jsonLines;
        while (!rest.IsEmpty)
        {
            int end = rest.Span.IndexOf((byte)'\n');
            ReadOnlyMemory<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            using JsonDocument document = JsonDocument.Parse(line);
            objects += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return objects;
    }

    /// <summary>The offsets and lengths of the lines of <paramref name="jsonLines"/> (each without its line feed).</summary>
    public static ImmutableArray<(int Start, int Length)> Lines(byte[] jsonLines)
    {
        ImmutableArray<(int, int)>.Builder lines = ImmutableArray.CreateBuilder<(int, int)>();
        int start = 0;
        while (start < jsonLines.Length)
        {
            int end = Array.IndexOf(jsonLines, (byte)'\n', start);
            end = end < 0 ? jsonLines.Length : end;
            lines.Add((start, end - start));
            start = end + 1;
        }

        return lines.ToImmutable();
    }
}
