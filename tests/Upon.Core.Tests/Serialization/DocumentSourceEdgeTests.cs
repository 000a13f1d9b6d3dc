using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// Reading a whole document: the size limit counted in bytes of UTF-8 (a document of exactly the limit is read, from
/// text as from a stream), the buffer's growth, the arguments checked, where a document that is not well-formed
/// breaks, and a parsed document's own copy of its bytes.
/// </summary>
public sealed class DocumentSourceEdgeTests
{
    private static readonly string[] Documents =
    [
        "{}",
        "\"é\"",
        "[\"€\", 1, {\"a\": null}]",
        "{\"name\": \"Zoë\", \"days\": [1, 2, 3]}",
        "  {\"a\": true}\n",
        "{\"x\": \"\\uD800\"}",
        "{\"a\":",
    ];

    [Property]
    public Property TryGrow_DoublesTheBuffer_UpToOneByteOverTheLimit_KeepingTheBytesUsed() =>
        Prop.ForAll(Arb.From(Gen.Choose(4, 12)), Arb.From(Gen.Choose(-3, 3)), Arb.From(Gen.Choose(1, 9000)), (power, near, far) =>
        {
            int length = 1 << power;
            foreach (int maxBytes in new[] { Math.Max(1, length + near), far })
            {
                // A buffer of a power-of-two length, as the shared pool rents them, so that TryGrow may return it there.
                byte[] original = [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];
                byte[] expected = [.. original];
                byte[] buffer = original;
                int used = length - (length / 3);
                bool grown = DocumentSource.TryGrow(ref buffer, used, maxBytes);

                Assert.Equal(length <= maxBytes, grown);
                if (!grown)
                {
                    Assert.Same(original, buffer);
                    continue;
                }

                // Twice as large, but never more than one byte over the limit: the pool may round a size up to its next power of two, no further.
                int wanted = Math.Min(2 * length, maxBytes + 1);
                Assert.InRange(buffer.Length, wanted, (2 * wanted) - 1);
                Assert.True(buffer.AsSpan(0, used).SequenceEqual(expected.AsSpan(0, used)));
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });

    [Fact]
    public void TryGrow_ABufferOfExactlyTheLimit_GrowsOnceMore_SoThatALargerDocumentIsSeen()
    {
        byte[] buffer = new byte[16];
        buffer[15] = 42;
        Assert.True(DocumentSource.TryGrow(ref buffer, 16, 16));
        Assert.True(buffer.Length > 16);
        Assert.Equal(42, buffer[15]);
        Assert.False(DocumentSource.TryGrow(ref buffer, buffer.Length, 16));
        ArrayPool<byte>.Shared.Return(buffer);
    }

    [Property]
    public Property Read_OfText_JudgesTheLimitAsReadingTheSameBytesFromAStreamDoes() =>
        Prop.ForAll(Arb.From(Gen.Elements(Documents)), Arb.From(Gen.Choose(-2, 2)), (json, offset) =>
        {
            int maxBytes = Math.Max(1, Encoding.UTF8.GetByteCount(json) + offset);
            string fromText = Describe(DocumentSource.Read(json, maxBytes, Raw));
            string fromStream = Describe(DocumentSource.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxBytes, Raw));
            Assert.Equal(fromStream, fromText);
            Assert.Equal(offset < 0, fromText.StartsWith(DocumentProblemCodes.DocumentTooLarge, StringComparison.Ordinal));
        });

    [Theory]
    [InlineData("{}")]
    [InlineData("\"é\"")]
    [InlineData("[\"€\"]")]
    public void Parse_TextOfExactlyTheLimit_IsRead_AndOneByteMoreIsTooLarge(string json)
    {
        int bytes = Encoding.UTF8.GetByteCount(json);

        using (JsonDocument? document = DocumentSource.Parse(json, bytes, out DocumentProblem? problem))
        {
            Assert.NotNull(document);
            Assert.Null(problem);
        }

        Assert.Null(DocumentSource.Parse(json, bytes - 1, out DocumentProblem? tooLarge));
        Assert.Equal(
            new DocumentProblem("$", DocumentProblemCodes.DocumentTooLarge, $"The document is larger than the {bytes - 1} bytes allowed."),
            tooLarge);
    }

    [Fact]
    public void Arguments_AreChecked_NamingTheArgument()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => DocumentSource.Parse(null!, 10, out _)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => DocumentSource.Read((string)null!, 10, Raw)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => DocumentSource.Read("{}", 0, Raw)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => DocumentSource.Read("{}", -1, Raw)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => CompositionDocument.Parse("{}", 0)).ParamName);
    }

    [Fact]
    public void Arguments_AreCheckedInOrder_ANullTextBeforeTheLimit()
    {
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => DocumentSource.Read((string)null!, 0, Raw)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Parse(null!, -1)).ParamName);
    }

    [Fact]
    public void Parse_WithACopy_KeepsTheDocumentsOwnBytes()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"a\":1}");
        using JsonDocument? document = DocumentSource.Parse(bytes, out DocumentProblem? problem);
        bytes[5] = (byte)'2';

        Assert.Null(problem);
        Assert.Equal(1, document!.RootElement.GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("{\n  x}", 2, 3)]
    [InlineData("{\"a\":1,}", 1, 8)]
    [InlineData("[1,\n2,\n\n 3 4]", 4, 4)]
    public void Parse_NotWellFormed_SaysTheLineAndByte_CountingFromOne(string json, int line, int position)
    {
        Assert.Null(DocumentSource.Parse(json, 100, out DocumentProblem? problem));
        Assert.Equal(
            new DocumentProblem("$", DocumentProblemCodes.JsonInvalid, $"The document is not well-formed JSON (line {line}, byte {position} of that line)."),
            problem);
    }

    [Fact]
    public void NotWellFormed_WithoutAPosition_SaysNoPosition() =>
        Assert.Equal(
            new DocumentProblem("$[2]", DocumentProblemCodes.JsonInvalid, "The document is not well-formed JSON."),
            DocumentSource.NotWellFormed(new JsonException("Something."), "$[2]"));

    private static DocumentResult<string> Raw(JsonElement root) => DocumentResult.Success(root.GetRawText());

    private static string Describe(DocumentResult<string> result) =>
        result.IsValid ? "valid " + result.Value : string.Join("; ", result.Problems.Select(p => $"{p.Code} {p.Path} {p.Message}"));
}
