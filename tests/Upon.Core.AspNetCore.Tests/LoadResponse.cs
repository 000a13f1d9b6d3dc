using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// Reads one JSON Lines response as it streams in and checks each line against the request's plan: line <c>n</c> is
/// record <c>n</c>; a corpus application's line is its decision, byte for byte what the policy version it names decides
/// in process (whole, or its summary for a client that asked for summaries); a bad line's is its problems. Nothing of
/// the response is kept beyond the counts.
/// </summary>
internal sealed class LoadResponse(LoadCorpus corpus, int[] plan, string client, DecisionDetail detail = DecisionDetail.Full)
{
    private readonly TaskCompletionSource firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<int> versions = [];

    /// <summary>Completes when the first line has been read.</summary>
    public Task FirstLine => firstLine.Task;

    /// <summary>The lines read.</summary>
    public int Lines { get; private set; }

    /// <summary>The lines that were decisions.</summary>
    public int Decisions { get; private set; }

    /// <summary>The lines that were problems.</summary>
    public int Problems { get; private set; }

    /// <summary>The detail the client asked for: <see cref="DecisionDetail.Summary"/> with <c>Prefer: return=minimal</c>.</summary>
    public DecisionDetail Detail => detail;

    /// <summary>The policy versions the decisions named.</summary>
    public IReadOnlySet<int> Versions => versions;

    /// <summary>Reads the whole response body, checking every line, and fails at the first line that is wrong.</summary>
    public async Task ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        PipeReader reader = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        try
        {
            while (true)
            {
                ReadResult read = await reader.ReadAsync(cancellationToken);
                ReadOnlySequence<byte> buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is SequencePosition end)
                {
                    ReadOnlySequence<byte> line = buffer.Slice(0, end);
                    Check(line.IsSingleSegment ? line.FirstSpan : line.ToArray());
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        Assert.Fail($"{client}: the response ends with {buffer.Length} bytes after its last line feed.");
                    }

                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private void Check(ReadOnlySpan<byte> line)
    {
        int record = ++Lines;
        firstLine.TrySetResult();
        if (record > plan.Length)
        {
            Assert.Fail($"{client}: line {record} is beyond the {plan.Length} lines sent.");
        }

        int entry = plan[record - 1];
        if (entry >= 0 && IsExpectedDecision(line, entry, record))
        {
            Decisions++;
            return;
        }

        // Anything but a decision byte for byte as expected is read as JSON, to find what is wrong, or to accept a
        // decision that differs only in how its text is escaped.
        Utf8JsonReader reader = new(line);
        Expect(ref reader, JsonTokenType.StartObject, record);
        Expect(ref reader, JsonTokenType.PropertyName, record);
        if (!reader.ValueTextEquals("record"u8))
        {
            Assert.Fail($"{client}: line {record} does not start with its record number.");
        }

        Expect(ref reader, JsonTokenType.Number, record);
        if (reader.GetInt32() != record)
        {
            Assert.Fail($"{client}: line {record} is numbered {reader.GetInt32()}.");
        }

        Expect(ref reader, JsonTokenType.PropertyName, record);
        if (reader.ValueTextEquals("decision"u8))
        {
            if (entry < 0)
            {
                Assert.Fail($"{client}: line {record} was bad ({Describe(entry)}) but was decided.");
            }

            Expect(ref reader, JsonTokenType.StartObject, record);
            int start = (int)reader.TokenStartIndex;
            reader.Skip();
            CheckDecision(line[start..(int)reader.BytesConsumed], entry, record);
            Decisions++;
        }
        else if (reader.ValueTextEquals("errors"u8))
        {
            if (entry >= 0)
            {
                Assert.Fail($"{client}: line {record}, application {corpus.Applications[entry].Id}, was answered with problems: {Encoding.UTF8.GetString(line)}");
            }

            Expect(ref reader, JsonTokenType.StartArray, record);
            int problems = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                reader.Skip();
                problems++;
            }

            if (reader.TokenType != JsonTokenType.EndArray || problems == 0)
            {
                Assert.Fail($"{client}: line {record} ({Describe(entry)}) does not list its problems: {Encoding.UTF8.GetString(line)}");
            }

            Problems++;
        }
        else
        {
            Assert.Fail($"{client}: line {record} is neither a decision nor problems.");
        }

        Expect(ref reader, JsonTokenType.EndObject, record);
        if (reader.Read())
        {
            Assert.Fail($"{client}: line {record} goes on after its object.");
        }
    }

    /// <summary>
    /// Whether <paramref name="line"/> is, byte for byte, <c>{"record":N,"decision":D}</c> with <c>N</c> the record and
    /// <c>D</c> the in-process decision of corpus application <paramref name="entry"/> under the policy version
    /// <c>D</c> names. The expected bytes are valid JSON, so the line is too; the common case reads only the first bytes
    /// of the decision as JSON.
    /// </summary>
    private bool IsExpectedDecision(ReadOnlySpan<byte> line, int entry, int record)
    {
        ReadOnlySpan<byte> start = "{\"record\":"u8;
        ReadOnlySpan<byte> property = ",\"decision\":"u8;
        if (!line.StartsWith(start) || !Utf8Parser.TryParse(line[start.Length..], out int number, out int digits) || number != record)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = line[(start.Length + digits)..];
        if (!rest.StartsWith(property) || rest[^1] != (byte)'}')
        {
            return false;
        }

        ReadOnlySpan<byte> decision = rest[property.Length..^1];
        int? named;
        try
        {
            named = NamedVersion(decision);
        }
        catch (JsonException)
        {
            return false;
        }

        if (named is not int version || version is < 1 or > LoadCorpus.Versions || !decision.SequenceEqual(corpus.ExpectedDecision(entry, version, detail)))
        {
            return false;
        }

        versions.Add(version);
        return true;
    }

    /// <summary>Checks a decision against the in-process decision of corpus application <paramref name="entry"/> under the version it names.</summary>
    private void CheckDecision(ReadOnlySpan<byte> decision, int entry, int record)
    {
        if (NamedVersion(decision) is not int version)
        {
            Assert.Fail($"{client}: the decision of line {record} names no policy version.");
            return;
        }

        versions.Add(version);
        if (version is < 1 or > LoadCorpus.Versions)
        {
            Assert.Fail($"{client}: line {record} names policy version {version}, which was never written.");
        }

        ReadOnlySpan<byte> expected = corpus.ExpectedDecision(entry, version, detail);
        if (!decision.SequenceEqual(expected))
        {
            // The bytes may differ only in how the endpoint escapes text; the values may not.
            using JsonDocument actual = JsonDocument.Parse(decision.ToArray());
            using JsonDocument wanted = JsonDocument.Parse(expected.ToArray());
            if (!JsonElement.DeepEquals(actual.RootElement, wanted.RootElement))
            {
                Assert.Fail($"{client}: line {record}, application {corpus.Applications[entry].Id}: the decision differs from the in-process decision under version {version}.\nGot:      {actual.RootElement.GetRawText()}\nExpected: {wanted.RootElement.GetRawText()}");
            }
        }
    }

    private void Expect(ref Utf8JsonReader reader, JsonTokenType token, int record)
    {
        bool read;
        try
        {
            read = reader.Read();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{client}: line {record} is not JSON: {e.Message}");
            throw;
        }

        if (!read || reader.TokenType != token)
        {
            Assert.Fail($"{client}: line {record}: expected {token}, found {(read ? reader.TokenType.ToString() : "the end")}.");
        }
    }

    /// <summary>The policy version a decision names (<c>policy.version</c>, before its explanation), or null when it names none.</summary>
    /// <exception cref="JsonException">The decision is not JSON before its policy version.</exception>
    private static int? NamedVersion(ReadOnlySpan<byte> decision)
    {
        Utf8JsonReader reader = new(decision);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("version"u8))
            {
                return reader.Read() && reader.TryGetInt32(out int version) ? version : null;
            }
        }

        return null;
    }

    private string Describe(int entry) => corpus.BadKinds[~entry % corpus.BadKinds.Length];
}
