using System.Buffers;
using System.Diagnostics;

namespace Upon.Core.Serialization;

/// <summary>Parses a whole document from a stream or text into a <see cref="JsonDocument"/>, refusing documents over a size limit.</summary>
internal static class DocumentSource
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>
    /// Reads a whole document from <paramref name="utf8Json"/>: the problem that kept it from being parsed (too large,
    /// empty, not UTF-8, not well-formed; see <see cref="Parse(ReadOnlyMemory{byte}, out DocumentProblem?, bool, string?)"/>),
    /// or what <paramref name="read"/> makes of its root element (the document is disposed after). The argument checks
    /// are those of the public Read methods of the documents, which call this with their own arguments.
    /// </summary>
    public static DocumentResult<T> Read<T>(Stream utf8Json, int maxBytes, Func<JsonElement, DocumentResult<T>> read, string? confidentialObject = null)
        where T : class
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        using JsonDocumentStream documents = new(utf8Json, JsonDocumentStream.Layout.Single, maxBytes, confidentialObject: confidentialObject);
        documents.TryReadNext(out JsonDocument? document, out DocumentProblem? problem);
        using (document)
        {
            return Result(document, problem, read);
        }
    }

    /// <summary>
    /// As <see cref="Read{T}(Stream, int, Func{JsonElement, DocumentResult{T}}, string?)"/>, reading the stream
    /// asynchronously; the same result for the same bytes.
    /// </summary>
    public static async Task<DocumentResult<T>> ReadAsync<T>(Stream utf8Json, int maxBytes, Func<JsonElement, DocumentResult<T>> read, string? confidentialObject, CancellationToken cancellationToken)
        where T : class
    {
        using JsonDocumentStream documents = new(utf8Json, JsonDocumentStream.Layout.Single, maxBytes, confidentialObject: confidentialObject);
        await foreach (DocumentResult<T> result in documents.ReadRecordsAsync((root, _) => read(root), (_, problem) => DocumentResult.Failure<T>([problem]), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return result;
        }

        throw new UnreachableException("A single document always gives one result.");
    }

    /// <summary>Reads a whole document from the text <paramref name="json"/>, as <see cref="Read{T}(Stream, int, Func{JsonElement, DocumentResult{T}}, string?)"/> does from a stream.</summary>
    public static DocumentResult<T> Read<T>(string json, int maxBytes, Func<JsonElement, DocumentResult<T>> read, string? confidentialObject = null)
        where T : class
    {
        Guard.Against.Null(json);
        Guard.Against.NotPositive(maxBytes);
        using JsonDocument? document = Parse(json, maxBytes, out DocumentProblem? problem, confidentialObject);
        return Result(document, problem, read);
    }

    private static DocumentResult<T> Result<T>(JsonDocument? document, DocumentProblem? problem, Func<JsonElement, DocumentResult<T>> read)
        where T : class =>
        document is null ? DocumentResult.Failure<T>([problem!.Value]) : read(document.RootElement);

    /// <summary>
    /// Grows a full buffer rented from the shared pool: rents one twice as large (at most <paramref name="maxBytes"/>
    /// + 1 bytes, one more than a document may have, so that a larger document is seen), copies the
    /// <paramref name="used"/> bytes and returns the old one. False, with the buffer unchanged, when it already holds
    /// more than <paramref name="maxBytes"/> bytes.
    /// </summary>
    public static bool TryGrow(ref byte[] buffer, int used, int maxBytes)
    {
        if (buffer.Length > maxBytes)
        {
            return false;
        }

        // buffer.Length <= maxBytes here, so the new size is always larger than the buffer.
        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
        return true;
    }

    /// <summary>
    /// Parses JSON text with the checks <see cref="Read{T}(Stream, int, Func{JsonElement, DocumentResult{T}}, string?)"/> makes: the
    /// text's UTF-8 form over <paramref name="maxBytes"/> bytes is too large, as the same text in a stream would be.
    /// </summary>
    public static JsonDocument? Parse(string json, int maxBytes, out DocumentProblem? problem, string? confidentialObject = null)
    {
        Guard.Against.Null(json);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > maxBytes)
        {
            problem = TooLarge(maxBytes);
            return null;
        }

        return Parse(System.Text.Encoding.UTF8.GetBytes(json), out problem, copy: false, confidentialObject);
    }

    /// <summary>
    /// Parses UTF-8 bytes. With <paramref name="copy"/>, the document gets its own copy, so the bytes may be
    /// reused while it lives; without, the caller must keep the bytes unchanged until it disposes the document.
    /// Empty input (nothing but white space and a byte order mark) gives <see cref="DocumentProblemCodes.DocumentEmpty"/>;
    /// a string or property name that is not valid Unicode gives <see cref="DocumentProblemCodes.TextInvalid"/>
    /// (see <see cref="JsonTextCheck"/>), so that no reader ever meets text it cannot decode.
    /// </summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8Json, out DocumentProblem? problem, bool copy = true, string? confidentialObject = null)
    {
        if (utf8Json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (IsBlank(utf8Json.Span))
        {
            problem = Empty();
            return null;
        }

        if (utf8Json.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8Json.Span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problem = new DocumentProblem(JsonPath.Root, DocumentProblemCodes.TextInvalid, "The document is UTF-16 (it starts with a UTF-16 byte order mark); documents are read as UTF-8.");
            return null;
        }

        JsonDocument document;
        try
        {
            // JsonDocument.Parse keeps a reference to the memory.
            document = JsonDocument.Parse(copy ? utf8Json.ToArray() : utf8Json, Options);
        }
        catch (JsonException ex)
        {
            problem = NotWellFormed(ex, JsonPath.Root);
            return null;
        }

        problem = JsonTextCheck.FindInvalid(utf8Json.Span, JsonPath.Root, confidentialObject);
        if (problem is not null)
        {
            document.Dispose();
            return null;
        }

        return document;
    }

    /// <summary>Gets whether <paramref name="utf8"/> holds nothing but JSON white space (a byte order mark already removed).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8) =>
        utf8.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']) < 0;

    /// <summary>The problem for input that holds no document at all.</summary>
    public static DocumentProblem Empty() =>
        new(JsonPath.Root, DocumentProblemCodes.DocumentEmpty, "The input is empty: it holds no document, only white space or nothing at all.");

    /// <summary>The problem for a document that is not well-formed JSON.</summary>
    public static DocumentProblem NotWellFormed(JsonException ex, string path) =>
        new(path, DocumentProblemCodes.JsonInvalid, ex.LineNumber is long line
            ? $"The document is not well-formed JSON (line {line + 1}, byte {ex.BytePositionInLine + 1} of that line)."
            : "The document is not well-formed JSON.");

    /// <summary>The problem for a document over the size limit.</summary>
    public static DocumentProblem TooLarge(int maxBytes) =>
        new(JsonPath.Root, DocumentProblemCodes.DocumentTooLarge, $"The document is larger than the {maxBytes:N0} bytes allowed.");
}
