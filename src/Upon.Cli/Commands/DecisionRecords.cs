using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary>
/// Reads the decisions <c>upon eligibility check</c> writes: its JSON output (<c>{"results": [{"record", "decision"} or
/// {"record", "errors"}], "summary"}</c>) or its JSON Lines (one such result a line); or decision documents themselves,
/// one, a JSON array of them, or JSON Lines. Each record is read on its own, every problem reported with its path and
/// code, and reading goes on: the records read equal the decisions plus the records with problems.
/// </summary>
/// <remarks>
/// A record is numbered as the file has it: the line for JSON Lines, the place in the results (or the array) from 1
/// otherwise. A result that holds errors instead of a decision (the check could not decide that application) is a
/// record without a decision, reported as such. The file is JSON Lines when its first non-blank line is a whole JSON
/// object (or, when the whole file is not JSON, when any line is); an empty file holds no records.
/// </remarks>
internal static class DecisionRecords
{
    /// <summary>The JSON path of a document's root.</summary>
    private const string Root = "$";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Reads every decision record of <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The whole file, UTF-8, with or without a byte order mark.</param>
    /// <returns>A result per record, in order.</returns>
    public static List<RecordResult<EligibilityDecision>> Read(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        List<RecordResult<EligibilityDecision>> records = [];
        if (utf8Json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return records;
        }

        if (IsObjectLine(FirstLine(utf8Json)))
        {
            return ReadLines(utf8Json);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException)
        {
            // JSON Lines whose first line is broken: every other line is still read.
            if (Lines(utf8Json).Any(IsObjectLine))
            {
                return ReadLines(utf8Json);
            }

            records.Add(RecordResult.Failure<EligibilityDecision>(1, new DocumentProblem(Root, DocumentProblemCodes.JsonInvalid, "The decision file is not valid JSON, nor JSON Lines.")));
            return records;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            (JsonElement items, string path)? list = root.ValueKind switch
            {
                JsonValueKind.Array => (root, Root),
                JsonValueKind.Object when root.TryGetProperty("results", out JsonElement results) && results.ValueKind == JsonValueKind.Array => (results, Root + ".results"),
                _ => null,
            };
            if (list is not (JsonElement array, string arrayPath))
            {
                records.Add(ReadRecord(root, 1, Root));
                return records;
            }

            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                records.Add(ReadRecord(item, index + 1, arrayPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]"));
                index++;
            }
        }

        return records;
    }

    /// <summary>Reads JSON Lines: a record per non-blank line, numbered by line.</summary>
    private static List<RecordResult<EligibilityDecision>> ReadLines(ReadOnlyMemory<byte> utf8Json)
    {
        List<RecordResult<EligibilityDecision>> records = [];
        int line = 0;
        foreach (ReadOnlyMemory<byte> text in Lines(utf8Json))
        {
            line++;
            if (!text.Span.Trim(" \t\r"u8).IsEmpty)
            {
                records.Add(ReadText(text, line, Root));
            }
        }

        return records;
    }

    private static ReadOnlyMemory<byte> FirstLine(ReadOnlyMemory<byte> utf8Json) =>
        Lines(utf8Json).FirstOrDefault(line => !line.Span.Trim(" \t\r"u8).IsEmpty);

    /// <summary>Whether a line is a whole JSON object: then the file is JSON Lines (a document over many lines starts with a line that is not).</summary>
    private static bool IsObjectLine(ReadOnlyMemory<byte> line)
    {
        ReadOnlySpan<byte> text = line.Span.Trim(" \t\r"u8);
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(line, Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(ReadOnlyMemory<byte> utf8Json)
    {
        while (!utf8Json.IsEmpty)
        {
            int end = utf8Json.Span.IndexOf((byte)'\n');
            if (end < 0)
            {
                yield return utf8Json;
                yield break;
            }

            yield return utf8Json[..end];
            utf8Json = utf8Json[(end + 1)..];
        }
    }

    private static RecordResult<EligibilityDecision> ReadText(ReadOnlyMemory<byte> text, int number, string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, Options);
            return ReadRecord(document.RootElement, number, path);
        }
        catch (JsonException)
        {
            return RecordResult.Failure<EligibilityDecision>(number, new DocumentProblem(path, DocumentProblemCodes.JsonInvalid, "The line is not valid JSON."));
        }
    }

    /// <summary>Reads one record: a check result holding a decision or errors, or a decision document.</summary>
    private static RecordResult<EligibilityDecision> ReadRecord(JsonElement element, int number, string path)
    {
        JsonElement decision = element;
        string decisionPath = path;
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("record", out _))
        {
            if (!element.TryGetProperty("decision", out decision))
            {
                return RecordResult.Failure<EligibilityDecision>(number, new DocumentProblem(
                    path + ".decision",
                    DocumentProblemCodes.Required,
                    "The record holds no decision: the check could not decide its application (see the record's errors)."));
            }

            decisionPath = path + ".decision";
        }

        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(decision.GetRawText());
        return read.IsValid
            ? RecordResult.Success(number, read.Value)
            : RecordResult.Failure<EligibilityDecision>(number, [.. read.Problems.Select(p => p with { Path = decisionPath + p.Path[Root.Length..] })]);
    }
}
