using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The stream of documents at its edges: inputs larger than its first buffer (64 KiB) with a small document limit, a
/// line that ends just where a read does, the layout detected from a first line of exactly the limit or holding a value
/// and a comment, the first bytes of an array (a byte order mark, white space) arriving in pieces, white space after
/// the array, the one record of a single document too large, and cancellation between records.
/// </summary>
public sealed class JsonDocumentStreamEdgeTests
{
    /// <summary>More than the stream's first buffer of 64 KiB, so that it is filled and emptied more than once.</summary>
    private const int Large = 80 * 1024;

    private const int Limit = 100;

    private const int MostRecords = (Large / 8) + 10;

    private static readonly string TooLarge = $"{DocumentProblemCodes.DocumentTooLarge} The document is larger than the {Limit} bytes allowed.";

    [Theory]
    [InlineData(BatchFormat.Auto, false)]
    [InlineData(BatchFormat.JsonLines, false)]
    [InlineData(BatchFormat.Auto, true)]
    [InlineData(BatchFormat.JsonLines, true)]
    public void JsonLines_LargerThanTheBuffer_GivesEveryLine(BatchFormat format, bool blankFirstLine)
    {
        string[] lines = SmallDocuments(Large);
        byte[] bytes = Encoding.UTF8.GetBytes((blankFirstLine ? "\n" : string.Empty) + string.Join("\n", lines) + "\n");
        int first = blankFirstLine ? 2 : 1;

        Assert.Equal(lines.Select((line, i) => $"{i + first}: {line}"), Records(new MemoryStream(bytes), format, Limit));
    }

    [Theory]
    [InlineData(BatchFormat.Auto)]
    [InlineData(BatchFormat.JsonArray)]
    public void AnArray_LargerThanTheBuffer_GivesEveryElement(BatchFormat format)
    {
        string[] elements = SmallDocuments(Large);
        byte[] bytes = Encoding.UTF8.GetBytes("[" + string.Join(",\n", elements) + "]");

        Assert.Equal(elements.Select((element, i) => $"{i + 1}: {element}"), Records(new MemoryStream(bytes), format, Limit));
    }

    [Fact]
    public void JsonLines_DetectedFromAFirstLineTooLarge_GivesThatLineAsTooLarge_AndEveryOtherLine()
    {
        string[] lines = ["{\"pad\":\"" + new string('x', 3 * Limit) + "\"}", .. SmallDocuments(Large)];
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));

        Assert.Equal(
            [$"1: {TooLarge}", .. lines.Skip(1).Select((line, i) => $"{i + 2}: {line}")],
            Records(new MemoryStream(bytes), BatchFormat.Auto, Limit));
    }

    [Fact]
    public void JsonLines_ALineLongerThanTheBuffer_IsTooLarge_AndTheNextLineIsRead_WhereverTheReadsEnd()
    {
        // The first buffer holds 64 KiB: the line's end falls before, at and after the end of the first read.
        for (int length = (64 * 1024) - 3; length <= (64 * 1024) + 3; length++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(new string('x', length) + "\n{\"n\":1}\n");
            Assert.Equal([$"1: {TooLarge}", "2: {\"n\":1}"], Records(new MemoryStream(bytes), BatchFormat.JsonLines, Limit));
        }
    }

    [Fact]
    public void AnArray_FollowedByMoreWhiteSpaceThanTheBuffer_GivesItsElementsOnly()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("[1, 2]" + new string(' ', Large) + "\n");

        Assert.Equal(["1: 1", "2: 2"], Records(new MemoryStream(bytes), BatchFormat.JsonArray, Limit));
        Assert.Equal(["1: 1", "2: 2"], Records(new MemoryStream(bytes), BatchFormat.Auto, Limit));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Limit - 1)]
    [InlineData(Limit)]
    [InlineData(Limit + 1)]
    [InlineData(Limit + 2)]
    public void Auto_AFirstLineOfExactlyTheLimit_ThatHoldsNoWholeValue_IsOneDocument_HoweverTheStreamSplitsIt(int split)
    {
        // The first line, spaces and all, is as long as a document may be; the document goes on past it, so it is too large.
        byte[] bytes = Encoding.UTF8.GetBytes("{\"a\":".PadRight(Limit) + "\n1}");
        Stream stream = split == 0 ? new MemoryStream(bytes) : ChunkedStream.SplitAt(bytes, split);

        Assert.Equal([$"1: {TooLarge}"], Records(stream, BatchFormat.Auto, Limit));
    }

    [Theory]
    [InlineData("\"a\" \"b\"\n\"c\"\n", "1: json.invalid The document is not well-formed JSON (line 1, byte 5 of that line).")]
    [InlineData("1 2\n3\n", "1: json.invalid The document is not well-formed JSON (line 1, byte 3 of that line).")]
    [InlineData("{\"a\":\n1}\n", "1: {\"a\":\n1}")]
    public void Auto_AFirstLineThatHoldsMoreOrLessThanOneValue_IsOneDocument(string json, string record) =>
        Assert.Equal([record], Records(new MemoryStream(Encoding.UTF8.GetBytes(json)), BatchFormat.Auto, Limit));

    [Property]
    public Property Auto_LinesOfOneValueEach_WithOrWithoutAComment_AreJsonLines() =>
        Prop.ForAll(Arb.From(LinesOfValues()), text =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            List<string> lines = Records(new MemoryStream(bytes), BatchFormat.JsonLines, Limit);
            Assert.Equal(lines, Records(new MemoryStream(bytes), BatchFormat.Auto, Limit));
            Assert.DoesNotContain(lines, line => line.Contains(DocumentProblemCodes.JsonInvalid, StringComparison.Ordinal));
        });

    [Property]
    public Property AnArray_WithAByteOrderMarkOrWhiteSpaceFirst_IsReadTheSame_HoweverTheStreamSplitsIt() =>
        Prop.ForAll(
            Arb.From(from byteOrderMark in Gen.Elements(false, true) from spaces in Gen.Choose(0, 4) select (byteOrderMark, spaces)),
            Arb.From(Gen.Choose(0, 3)),
            Arb.From(Gen.Choose(1, 4)),
            (start, count, chunk) =>
            {
                (bool byteOrderMark, int spaces) = start;
                string[] elements = [.. Enumerable.Range(1, count).Select(i => $"{{\"n\":{i}}}")];
                byte[] bytes = [.. byteOrderMark ? "\uFEFF"u8.ToArray() : [], .. Encoding.UTF8.GetBytes(new string(' ', spaces) + "[" + string.Join(", ", elements) + "] ")];
                string[] expected = [.. elements.Select((element, i) => $"{i + 1}: {element}")];

                Assert.Equal(expected, Records(new ChunkedStream(bytes, chunk), BatchFormat.JsonArray, Limit));
                Assert.Equal(expected, Records(new ChunkedStream(bytes, chunk), BatchFormat.Auto, Limit));
            });

    [Fact]
    public void AnArray_WhoseFirstBytesArriveBeforeTheRest_IsRead()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("   [1, 2]");
        for (int split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(["1: 1", "2: 2"], Records(ChunkedStream.SplitAt(bytes, split), BatchFormat.JsonArray, Limit));
        }
    }

    [Fact]
    public void Single_TooLarge_IsOneRecord_AndTheEnd()
    {
        using JsonDocumentStream documents = new(new MemoryStream(Encoding.UTF8.GetBytes("{\"a\": \"" + new string('x', Limit) + "\"}")), JsonDocumentStream.Layout.Single, Limit);
        Assert.Equal([$"1: {TooLarge}"], documents.ReadRecords(Describe, Describe).Take(3));
    }

    [Fact]
    public async Task ReadRecordsAsync_CancelledBetweenRecords_StopsThoughTheNextIsAlreadyRead()
    {
        using CancellationTokenSource cancellation = new();
        UncancellableStream stream = new(Encoding.UTF8.GetBytes("1\n2\n3\n"));
        using JsonDocumentStream documents = new(stream, JsonDocumentStream.Layout.Lines, Limit);
        await using IAsyncEnumerator<string> records = documents.ReadRecordsAsync(Describe, Describe, cancellationToken: cancellation.Token).GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());
        Assert.Equal("1: 1", records.Current);
        int reads = stream.Reads;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await records.MoveNextAsync());
        Assert.Equal(reads, stream.Reads);
    }

    [Fact]
    public async Task ReadRecordsAsync_AlreadyCancelled_ReadsNothing()
    {
        using CancellationTokenSource cancellation = new();
        await cancellation.CancelAsync();
        UncancellableStream stream = new(Encoding.UTF8.GetBytes("1\n2\n"));
        using JsonDocumentStream documents = new(stream, JsonDocumentStream.Layout.Lines, Limit);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (string record in documents.ReadRecordsAsync(Describe, Describe, cancellationToken: cancellation.Token))
            {
                Assert.Fail("No record is given: " + record);
            }
        });
        Assert.Equal(0, stream.Reads);
    }

    /// <summary>Small documents, one a line, <c>{"n":0}</c>, <c>{"n":1}</c>, …, of more than <paramref name="bytes"/> bytes in all.</summary>
    private static string[] SmallDocuments(int bytes) =>
        [.. Enumerable.Range(0, (bytes / 8) + 1).Select(i => $"{{\"n\":{i}}}")];

    /// <summary>Two to five lines of one JSON value each (never an array, which would make the input an array), some followed by a comment.</summary>
    private static Gen<string> LinesOfValues() =>
        from count in Gen.Choose(2, 5)
        from lines in Gen.Elements("true", "false", "null", "12", "-0.5", "\"ab\"", "\"{\"", "{}", "{\"a\":1}", "{\"a\":[1]}")
            .Zip(Gen.Elements(string.Empty, string.Empty, " /* note */", " // note", "\t"), (value, comment) => value + comment)
            .ArrayOf(count)
        select string.Join("\n", lines) + "\n";

    private static List<string> Records(Stream stream, BatchFormat format, int maxBytes)
    {
        // At most a few more records than any input here holds, so that a reader that repeats a record forever fails instead of hanging.
        using JsonDocumentStream documents = JsonDocumentStream.Open(stream, format, maxBytes, "things", "a thing");
        return [.. documents.ReadRecords(Describe, Describe).Take(MostRecords)];
    }

    private static string Describe(JsonElement root, int number) => $"{number}: {root.GetRawText()}";

    private static string Describe(int number, DocumentProblem problem) => $"{number}: {problem.Code} {problem.Message}";

    /// <summary>A stream that ignores cancellation, as some do, and counts its reads: only the reader's own checks can stop it.</summary>
    private sealed class UncancellableStream(byte[] bytes) : ReadOnlyStream
    {
        private int position;

        public int Reads { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            int count = Math.Min(buffer.Length, bytes.Length - position);
            bytes.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
