using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>How many records a reader must report for some bytes, worked out without the library.</summary>
public enum ExpectationKind
{
    /// <summary>No document at all (no bytes, or only white space and byte order marks): zero records (at most one for the whole file, <c>document.empty</c> or <c>collection.empty</c>).</summary>
    Empty,

    /// <summary>Exactly <see cref="Expectation.Records"/> records, each a result or a record with problems.</summary>
    Exact,

    /// <summary>An array whose structure is broken: the records before the break, then exactly one record with one problem.</summary>
    BrokenArray,

    /// <summary>The count cannot be told from the format's documentation (a record near the size limit, byte-order-mark bytes after the start): no count is checked.</summary>
    Unsure,
}

internal readonly record struct Expectation(ExpectationKind Kind, int Records, string Rule)
{
    public override string ToString() => Kind switch
    {
        ExpectationKind.Empty => "empty input: zero records (" + Rule + ")",
        ExpectationKind.Exact => FormattableString.Invariant($"{Records} records ({Rule})"),
        ExpectationKind.Unsure => "no count (" + Rule + ")",
        _ => "a broken array: the elements before the break, then one record with one problem (" + Rule + ")",
    };
}

/// <summary>
/// The independent oracle of record counts. It follows the documented formats, not the readers' code:
/// <list type="bullet">
/// <item>JSON Lines: the lines are the pieces between LF bytes; a line is blank when it holds only spaces, tabs and CRs,
/// with at most one UTF-8 byte order mark (EF BB BF) before anything else; every other line is one record, whatever it holds.</item>
/// <item>JSON array: when the bytes (after one leading byte order mark) are one well-formed JSON value (comments
/// allowed, depth at most 64) that is an array, and no element is over the record limit, there is one record per
/// element; otherwise the structure is broken and the reader ends with exactly one record holding one problem.</item>
/// <item>Auto: an array when the first significant byte is <c>[</c>; JSON Lines when the first line is one whole
/// JSON value, ends with <c>}</c>, or is over the record limit (near the limit, unsure); otherwise one document over several lines.</item>
/// <item>Case files: one record per element of <c>cases</c> when the file is one well-formed JSON value of valid
/// Unicode text whose root is an object with an array <c>cases</c>, within the size limit; otherwise no case.</item>
/// <item>CSV (RFC 4180): the text is decoded as the readers document (UTF-8, or UTF-16/32 by byte order mark); a
/// record ends at CR, LF or CRLF outside quotes; a field is quoted only when its first character is <c>"</c>, and
/// its quote closes at a <c>"</c> not followed by another; a quote that never closes runs to the end; empty lines
/// are not records. White space and byte order marks at the start of the input come before the header; the first
/// record is the header; every other record is one data row.</item>
/// <item>Any layout: input that is empty, or only JSON white space after at most one byte order mark at its very start,
/// is empty input: zero records.</item>
/// </list>
/// </summary>
internal static class RecordOracle
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static Expectation JsonLines(ReadOnlySpan<byte> bytes)
    {
        if (IsBlank(bytes))
        {
            return new Expectation(ExpectationKind.Empty, 0, "no non-blank line");
        }

        int records = 0;
        foreach (Range range in bytes.Split((byte)'\n'))
        {
            if (!IsBlankLine(bytes[range]))
            {
                records++;
            }
        }

        return new Expectation(ExpectationKind.Exact, records, "one record per non-blank line");
    }

    /// <summary>Whether a line of JSON Lines is blank: spaces, tabs and CRs, and at most one byte order mark before any other character.</summary>
    public static bool IsBlankLine(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> trimmed = line.Trim(" \t\r"u8);
        if (trimmed.StartsWith(Bom))
        {
            trimmed = trimmed[3..].TrimStart(" \t\r"u8);
        }

        return trimmed.IsEmpty;
    }

    public static Expectation JsonArray(ReadOnlySpan<byte> bytes, int maxRecordBytes)
    {
        if (IsBlank(bytes))
        {
            return new Expectation(ExpectationKind.Empty, 0, "blank");
        }

        ReadOnlySpan<byte> body = bytes.StartsWith(Bom) ? bytes[3..] : bytes;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new Expectation(ExpectationKind.BrokenArray, 0, "not an array");
            }

            int count = 0;
            foreach (JsonElement element in document.RootElement.EnumerateArray())
            {
                // Stay clear of the limit's exact edge: where the reader's buffer starts is not part of the format.
                int length = JsonMarshal.GetRawUtf8Value(element).Length;
                if (length > maxRecordBytes * 2)
                {
                    return new Expectation(ExpectationKind.BrokenArray, 0, "an element over the record limit");
                }

                if (length > maxRecordBytes / 2)
                {
                    return new Expectation(ExpectationKind.Unsure, 0, "an element near the record limit");
                }

                count++;
            }

            return new Expectation(ExpectationKind.Exact, count, "one record per element of a well-formed array");
        }
        catch (JsonException)
        {
            return new Expectation(ExpectationKind.BrokenArray, 0, "not well-formed");
        }
    }

    public static Expectation Auto(ReadOnlySpan<byte> bytes, int maxRecordBytes)
    {
        if (IsBlank(bytes))
        {
            return new Expectation(ExpectationKind.Empty, 0, "blank");
        }

        int first = bytes.StartsWith(Bom) ? 3 : 0;
        while (bytes[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            first++;
        }

        if (bytes[first] is 0xEF or 0xBB or 0xBF)
        {
            return new Expectation(ExpectationKind.Unsure, 0, "byte-order-mark bytes after the start, before the first value");
        }

        if (bytes[first] == (byte)'[')
        {
            return JsonArray(bytes, maxRecordBytes);
        }

        int newline = bytes[first..].IndexOf((byte)'\n');
        if (newline < 0 || newline > maxRecordBytes * 2)
        {
            return JsonLines(bytes) with { Rule = "one line, or a first line over the limit: JSON Lines" };
        }

        if (newline > maxRecordBytes / 2)
        {
            return new Expectation(ExpectationKind.Unsure, 0, "a first line near the record limit");
        }

        ReadOnlySpan<byte> line = bytes.Slice(first, newline).TrimEnd(" \t\r"u8);
        if (line.EndsWith("}"u8) || IsOneValue(line))
        {
            return JsonLines(bytes) with { Rule = "the first line is one record: JSON Lines" };
        }

        return new Expectation(ExpectationKind.Exact, 1, "one document over several lines");
    }

    /// <summary>
    /// A case file (docs/eligibility.md, "The case file"): one record per element of <c>cases</c> when the bytes (after one
    /// byte order mark) are one well-formed JSON value (comments allowed, depth at most 64) whose strings and property
    /// names are all valid Unicode, whose root is an object with an array <c>cases</c>, and which is not over the size
    /// limit; otherwise no case at all (the file's one record 0 says why). Near the limit, unsure.
    /// </summary>
    public static Expectation CaseFile(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        if (IsBlank(bytes))
        {
            return new Expectation(ExpectationKind.Empty, 0, "blank");
        }

        if (Math.Abs(bytes.Length - (long)maxBytes) <= 8)
        {
            return new Expectation(ExpectationKind.Unsure, 0, "a file at the size limit");
        }

        if (bytes.Length > maxBytes)
        {
            return new Expectation(ExpectationKind.Exact, 0, "a file over the size limit: no case");
        }

        ReadOnlySpan<byte> body = bytes.StartsWith(Bom) ? bytes[3..] : bytes;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            if (!IsValidText(document.RootElement))
            {
                return new Expectation(ExpectationKind.Exact, 0, "text that is not Unicode: no case");
            }

            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("cases", out JsonElement cases)
                && cases.ValueKind == JsonValueKind.Array
                ? new Expectation(ExpectationKind.Exact, cases.GetArrayLength(), "one record per element of cases")
                : new Expectation(ExpectationKind.Exact, 0, "no array of cases: no case");
        }
        catch (JsonException)
        {
            return new Expectation(ExpectationKind.Exact, 0, "not well-formed: no case");
        }
    }

    /// <summary>Whether every string and property name of <paramref name="element"/> decodes as Unicode text.</summary>
    private static bool IsValidText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        if (property.Name is null || !IsValidText(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        if (!IsValidText(item))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Counts CSV data rows; <paramref name="bytes"/> decoded as the readers document.</summary>
    public static Expectation Csv(byte[] bytes)
    {
        string text = Decode(bytes);
        // White space and byte order marks before the header are not part of it (nor a record).
        int start = text.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF");
        if (start < 0)
        {
            return new Expectation(ExpectationKind.Empty, 0, "blank");
        }

        int records = CountCsvRecords(text[start..]);
        return new Expectation(ExpectationKind.Exact, Math.Max(records - 1, 0), "one record per CSV data row (RFC 4180; the first record is the header)");
    }

    /// <summary>Decodes as a StreamReader given UTF-8 and told to detect byte order marks does.</summary>
    public static string Decode(byte[] bytes)
    {
        using StreamReader reader = new(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static int CountCsvRecords(string text)
    {
        int records = 0;
        int i = 0;
        while (i < text.Length)
        {
            // Empty lines between records are not records.
            while (i < text.Length && text[i] is '\r' or '\n')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            records++;
            bool endOfRecord = false;
            while (!endOfRecord && i < text.Length)
            {
                // One field.
                if (text[i] == '"')
                {
                    i++;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        i++;
                    }
                }

                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    i++;
                }

                if (i == text.Length)
                {
                    break;
                }

                if (text[i] == ',')
                {
                    i++;
                    if (i == text.Length)
                    {
                        break;
                    }

                    continue;
                }

                // A line end: CRLF, CR or LF ends the record.
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                endOfRecord = true;
            }
        }

        return records;
    }

    /// <summary>Whether the input is empty: only JSON white space, after at most one UTF-8 byte order mark at its very start (docs/json.md).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> body = bytes.StartsWith(Bom) ? bytes[3..] : bytes;
        return body.IndexOfAnyExcept(" \t\r\n"u8) < 0;
    }

    private static bool IsOneValue(ReadOnlySpan<byte> line)
    {
        try
        {
            Utf8JsonReader reader = new(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
