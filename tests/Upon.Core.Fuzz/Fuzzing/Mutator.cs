using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Upon.Core.Fuzz.Documents;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>One fuzzed document: its bytes, the seed it came from and the mutations applied, in order.</summary>
/// <param name="Bytes">The document.</param>
/// <param name="Seed">The seed's name.</param>
/// <param name="Mutations">The mutations, as a reader of a failure needs them.</param>
/// <param name="TokensChanged">
/// Whether a byte-level edit (flip, insert, delete) may have changed which text is a key and which a value; then a
/// value canary may legitimately become a key, and the path checks that tell keys from values are not made.
/// </param>
internal sealed record FuzzCase(byte[] Bytes, string Seed, IReadOnlyList<string> Mutations, bool TokensChanged);

/// <summary>
/// Makes fuzzed documents from seeds, deterministically from a <see cref="FuzzRandom"/>: canaries in every free-text
/// string (always), then structure-aware edits (most documents), then byte-level edits (half), then, rarely, a
/// change of encoding.
/// </summary>
internal static partial class Mutator
{
    /// <summary>The chance of a 10 MB string in a document: rare, so the bounded run stays fast.</summary>
    public const double HugeStringChance = 1.0 / 5000;

    private static readonly string[] SpecialNumbers =
        ["1e309", "-1e309", "-0", "99999999999999999999", "-1", "0", "1e-400", "2147483648", "-2147483649", "0.30000000000000004", "1E2", "1.0", "-0.0", "79228162514264337593543950336", "1e-7", "123456789012345678901234567890.5"];

    private static readonly string[] SpecialDates =
        ["0000-01-01", "2021-02-29", "9999-12-31", "1899-12-31", "0001-01-01", "2020-02-29", "2021-13-01", "2021-00-10", "10000-01-01", "-2021-01-01", "2021-1-1", " 2021-01-01", "2021-01-01T00:00", "1900-01-01", "2099-12-31", "2100-01-01", "1978-01-01", "1977-12-31"];

    private static readonly string[] SpecialPeriods = ["P0Y", "P-1Y", "P999999999Y", "PT1H", "P", "PT", "P1Y2M3W4D", "P2147483647D", "p3y", "P3Y ", "3Y"];

    private static readonly string[] OtherValues =
        ["1", "-1", "true", "false", "null", "{}", "[]", "\"\"", "\"   \"", "[null]", "{\"\":null}", "\"\\u0000\""];

    private static readonly byte[][] InterestingBytes =
        [[(byte)'"'], [(byte)'{'], [(byte)'}'], [(byte)'['], [(byte)']'], [(byte)','], [(byte)':'], [(byte)'\n'], [(byte)'\r'], [(byte)'\\'], [0x00], [0xFF], "/*"u8.ToArray(), "//"u8.ToArray(), [(byte)' ']];

    public static FuzzCase Create(FuzzFormat format, FuzzRandom random)
    {
        Seed seed = random.Pick(format.Seeds);
        Canaries canaries = new();
        List<string> log = [];
        byte[] bytes = seed.Layout == SeedLayout.Csv
            ? MutateCsv(seed, random, canaries, log)
            : MutateJson(format, seed, random, canaries, log);
        bool tokensChanged = false;
        if (random.Chance(0.5))
        {
            int edits = random.Next(1, 4);
            for (int i = 0; i < edits; i++)
            {
                bytes = MutateBytes(bytes, random, log, ref tokensChanged);
            }
        }

        if (random.Chance(0.06))
        {
            bytes = Reencode(bytes, random, log);
        }

        return new FuzzCase(bytes, seed.Name, log, tokensChanged);
    }

    private static byte[] MutateJson(FuzzFormat format, Seed seed, FuzzRandom random, Canaries canaries, List<string> log)
    {
        List<JsonTree> records = [.. seed.Records.Select(r => r.Clone())];
        for (int r = 0; r < records.Count; r++)
        {
            foreach (JsonPlace place in JsonPlace.All(records[r]))
            {
                if (place.Value is JsonString text && (seed.FreeText.Contains(r.ToString(CultureInfo.InvariantCulture) + place.Path) || random.Chance(0.03)))
                {
                    text.Value = canaries.Value(random);
                }
            }
        }

        log.Add("canaries in every free-text string (and a few others)");
        SeedLayout layout = seed.Layout;
        if (random.Chance(0.8))
        {
            int edits = random.Next(1, 4);
            for (int i = 0; i < edits; i++)
            {
                EditJson(format, records, layout, random, canaries, log);
            }
        }

        bool indented = layout == SeedLayout.Single ? !random.Chance(0.1) : random.Chance(0.2);
        string newline = random.Chance(0.2) ? "\r\n" : "\n";
        if (indented != (layout == SeedLayout.Single) || newline != "\n")
        {
            log.Add(FormattableString.Invariant($"written {(indented ? "indented" : "compact")} with {(newline == "\n" ? "LF" : "CRLF")}"));
        }

        byte[] bytes = Seed.Write(layout, records, indented, newline);
        if (layout == SeedLayout.Lines && random.Chance(0.15))
        {
            bytes = BlankLines(bytes, random, log);
        }

        return bytes;
    }

    private static void EditJson(FuzzFormat format, List<JsonTree> records, SeedLayout layout, FuzzRandom random, Canaries canaries, List<string> log)
    {
        if (records.Count == 0)
        {
            records.Add(new JsonObject([]));
        }

        int r = random.Next(records.Count);
        JsonTree record = records[r];
        List<JsonPlace> places = JsonPlace.All(record);
        List<JsonObject> objects = [.. places.Select(p => p.Value).Prepend(record).OfType<JsonObject>()];
        List<JsonPlace> strings = [.. places.Where(p => p.Value is JsonString)];
        // Keys that edits may change; the monitoring object keeps its name, so that the keys invented inside it stay
        // inside it for the leak rules (a misspelt monitoring object is an unknown property like any other).
        List<JsonPlace> members = [.. places.Where(p => p.Member is not null && !(format.HasMonitoring && p.Member.Key == "equalityMonitoring"))];
        string where = FormattableString.Invariant($"record {r}");
        switch (random.Next(22))
        {
            case 0 or 1 when objects.Count > 0:
                {
                    JsonObject target = random.Pick(objects);
                    string key = canaries.Key(random);
                    target.Members.Insert(random.Next(target.Members.Count + 1), new JsonMember(key, random.Chance(0.5) ? new JsonString(canaries.Value(random)) : new JsonRaw(random.Pick(OtherValues))));
                    log.Add($"{where}: invented property {Show(key)}");
                    break;
                }

            case 2 or 3 when format.HasMonitoring && record is JsonObject root:
                {
                    if (root["equalityMonitoring"] is not JsonObject monitoring)
                    {
                        monitoring = new JsonObject([new JsonMember("ethnicity", new JsonString(canaries.Value(random)))]);
                        root.Members.RemoveAll(m => m.Key == "equalityMonitoring");
                        root.Members.Add(new JsonMember("equalityMonitoring", monitoring));
                    }

                    int count = random.Next(1, 3);
                    for (int i = 0; i < count; i++)
                    {
                        string key = canaries.MonitoringKey(random);
                        monitoring.Members.Insert(random.Next(monitoring.Members.Count + 1), new JsonMember(key, random.Chance(0.8) ? new JsonString(canaries.Value(random)) : new JsonRaw(random.Pick(OtherValues))));
                        log.Add($"{where}: invented equalityMonitoring property {Show(key)}");
                    }

                    break;
                }

            case 4 when members.Count > 0:
                {
                    JsonMember member = random.Pick(members).Member!;

                    string old = member.Key;
                    member.Key = canaries.Key(random);
                    log.Add($"{where}: property {Show(old)} renamed {Show(member.Key)}");
                    break;
                }

            case 5 when places.Count > 0:
                {
                    JsonPlace place = random.Pick(places);
                    if (Remove(record, place.Value))
                    {
                        log.Add($"{where}: removed {Show(place.Path)}");
                    }

                    break;
                }

            case 6 when members.Count > 0:
                {
                    JsonMember member = random.Pick(members).Member!;
                    JsonObject owner = objects.First(o => o.Members.Contains(member));
                    JsonTree value = random.Chance(0.5) ? member.Value.Clone() : new JsonString(canaries.Value(random));
                    owner.Members.Insert(random.Next(owner.Members.Count + 1), new JsonMember(member.Key, value));
                    log.Add($"{where}: duplicate key {Show(member.Key)}");
                    break;
                }

            case 7 or 8 when places.Count > 0:
                {
                    JsonPlace place = random.Pick(places);
                    string raw = random.Pick(OtherValues);
                    JsonTree value = random.Next(3) switch
                    {
                        0 => new JsonString(canaries.Value(random)),
                        1 => new JsonObject([new JsonMember(canaries.Key(random), new JsonString(canaries.Value(random)))]),
                        _ => new JsonRaw(raw),
                    };
                    place.Set(value);
                    log.Add($"{where}: {Show(place.Path)} replaced by a value of another type");
                    break;
                }

            case 9 when places.Count > 0:
                {
                    List<JsonPlace> numbers = [.. places.Where(p => p.Value is JsonRaw)];
                    JsonPlace place = numbers.Count > 0 && random.Chance(0.8) ? random.Pick(numbers) : random.Pick(places);
                    string number = random.Pick(SpecialNumbers);
                    place.Set(new JsonRaw(number));
                    log.Add($"{where}: {Show(place.Path)} = {number}");
                    break;
                }

            case 10 or 11 when strings.Count > 0:
                {
                    List<JsonPlace> dates = [.. strings.Where(p => DateLike().IsMatch(((JsonString)p.Value).Value))];
                    JsonPlace place = dates.Count > 0 ? random.Pick(dates) : random.Pick(strings);
                    string date = random.Pick(SpecialDates);
                    ((JsonString)place.Value).Value = date;
                    log.Add($"{where}: {Show(place.Path)} = {Show(date)}");
                    break;
                }

            case 12 when strings.Count > 0:
                {
                    List<JsonPlace> periods = [.. strings.Where(p => ((JsonString)p.Value).Value.StartsWith('P'))];
                    JsonPlace place = periods.Count > 0 ? random.Pick(periods) : random.Pick(strings);
                    string period = random.Pick(SpecialPeriods);
                    ((JsonString)place.Value).Value = period;
                    log.Add($"{where}: {Show(place.Path)} = {Show(period)}");
                    break;
                }

            case 13 when places.Count > 0:
                {
                    JsonPlace place = random.Pick(places);
                    bool arrays = random.Chance(0.5);
                    int depth = random.Chance(0.5) ? 10_000 : random.Next(60, 70);
                    place.Set(new JsonRaw(arrays
                        ? new string('[', depth) + new string(']', depth)
                        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)));
                    log.Add(FormattableString.Invariant($"{where}: {Show(place.Path)} = {depth}-deep nested {(arrays ? "arrays" : "objects")}"));
                    break;
                }

            case 14 or 15 when strings.Count > 0 || members.Count > 0:
                {
                    int chunk = random.Chance(0.5) ? random.Pick(RawChunks.InvalidUtf8) : random.Pick(RawChunks.LoneSurrogates);
                    InsertChunk(random, strings, members, chunk, where, log);
                    break;
                }

            case 16 when strings.Count > 0 || members.Count > 0:
                {
                    // Control characters: escaped (valid JSON, must not reach a path raw) or raw bytes (not valid JSON).
                    if (random.Chance(0.5))
                    {
                        InsertChunk(random, strings, members, random.Pick(new[] { 12, 13, 14 }), where, log);
                    }
                    else if (members.Count > 0)
                    {
                        JsonMember member = random.Pick(members).Member!;
                        member.Key += random.Pick(new[] { "\n", "\u001b[31m", "\r\n", "\u2028", "\u0085", "\u007f", "\t", "\0" });
                        log.Add($"{where}: control character in key {Show(member.Key)}");
                    }

                    break;
                }

            case 17 when strings.Count > 0 && random.Chance(HugeStringChance * 22):
                {
                    JsonPlace place = random.Pick(strings);
                    ((JsonString)place.Value).Value = new string('x', 5 * 1024 * 1024) + Canaries.ValueTag + new string('y', 5 * 1024 * 1024);
                    log.Add($"{where}: {Show(place.Path)} = a 10 MB string");
                    break;
                }

            case 18 when layout != SeedLayout.Single:
                records.RemoveAt(r);
                log.Add($"{where}: record removed");
                break;
            case 19 when layout != SeedLayout.Single:
                records.Insert(random.Next(records.Count + 1), record.Clone());
                log.Add($"{where}: record duplicated");
                break;
            case 20 when layout != SeedLayout.Single:
                {
                    string raw = random.Pick(OtherValues);
                    records.Insert(random.Next(records.Count + 1), new JsonRaw(raw));
                    log.Add($"record {raw} inserted");
                    break;
                }

            case 21 when strings.Count > 0:
                {
                    JsonPlace place = random.Pick(strings);
                    string[] odd = [string.Empty, " ", "\t", "\u00a0", "\u200b", "\ufeff", "\0", "long"];
                    string value = random.Pick(odd) is "long" ? new string('x', 100_000) : random.Pick(odd);
                    ((JsonString)place.Value).Value = value;
                    log.Add(FormattableString.Invariant($"{where}: {Show(place.Path)} = a string of length {value.Length} (blank, invisible or long)"));
                    break;
                }

            default:
                break;
        }
    }

    private static void InsertChunk(FuzzRandom random, List<JsonPlace> strings, List<JsonPlace> members, int chunk, string where, List<string> log)
    {
        if (members.Count > 0 && (strings.Count == 0 || random.Chance(0.4)))
        {
            JsonMember member = random.Pick(members).Member!;
            int at = random.Next(member.Key.Length + 1);
            member.Key = member.Key.Insert(at, RawChunks.Marker(chunk).ToString());
            log.Add(FormattableString.Invariant($"{where}: {RawChunks.All[chunk].Name} in the key {Show(member.Key)} at {at}"));
        }
        else
        {
            JsonString text = (JsonString)random.Pick(strings).Value;
            int at = random.Next(text.Value.Length + 1);
            text.Value = text.Value.Insert(at, RawChunks.Marker(chunk).ToString());
            log.Add(FormattableString.Invariant($"{where}: {RawChunks.All[chunk].Name} in a string value at {at}"));
        }
    }

    private static bool Remove(JsonTree node, JsonTree target)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Members.RemoveAll(m => ReferenceEquals(m.Value, target)) > 0)
                {
                    return true;
                }

                return obj.Members.Any(m => Remove(m.Value, target));
            case JsonArray array:
                if (array.Items.RemoveAll(i => ReferenceEquals(i, target)) > 0)
                {
                    return true;
                }

                return array.Items.Any(i => Remove(i, target));
            default:
                return false;
        }
    }

    private static byte[] BlankLines(byte[] bytes, FuzzRandom random, List<string> log)
    {
        string[] blanks = ["\n", "  \n", "\t\r\n", "\uFEFF\n", "\r\n"];
        byte[] result = bytes;
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            List<int> starts = [0];
            for (int at = 0; at < result.Length; at++)
            {
                if (result[at] == (byte)'\n')
                {
                    starts.Add(at + 1);
                }
            }

            int start = random.Pick(starts);
            string blank = random.Pick(blanks);
            result = Splice(result, start, 0, Encoding.UTF8.GetBytes(blank));
            log.Add(FormattableString.Invariant($"blank line {Show(blank)} at byte {start}"));
        }

        return result;
    }

    /// <summary>Returns <paramref name="bytes"/> with <paramref name="remove"/> bytes at <paramref name="at"/> replaced by <paramref name="insert"/>.</summary>
    private static byte[] Splice(byte[] bytes, int at, int remove, ReadOnlySpan<byte> insert)
    {
        byte[] result = new byte[bytes.Length - remove + insert.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        bytes.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }

    private static byte[] MutateBytes(byte[] bytes, FuzzRandom random, List<string> log, ref bool tokensChanged)
    {
        switch (random.Next(8))
        {
            case 0:
                {
                    int at = random.Next(bytes.Length + 1);
                    log.Add(FormattableString.Invariant($"truncated at byte {at}"));
                    return bytes[..at];
                }

            case 1 or 2 when bytes.Length > 0:
                {
                    byte[] result = (byte[])bytes.Clone();
                    int at = random.Next(result.Length);
                    byte old = result[at];
                    result[at] = random.Chance(0.5) ? (byte)(old ^ (1 << random.Next(8))) : (byte)random.Next(256);
                    tokensChanged = true;
                    log.Add(FormattableString.Invariant($"byte {at} {old:X2} -> {result[at]:X2}"));
                    return result;
                }

            case 3 or 4:
                {
                    int at = random.Next(bytes.Length + 1);
                    byte[] inserted = random.Chance(0.7) ? random.Pick(InterestingBytes) : [(byte)random.Next(256)];
                    tokensChanged = true;
                    log.Add(FormattableString.Invariant($"inserted {Convert.ToHexString(inserted)} at byte {at}"));
                    return Splice(bytes, at, 0, inserted);
                }

            case 5 when bytes.Length > 0:
                {
                    int at = random.Next(bytes.Length);
                    int length = Math.Min(random.Next(1, 17), bytes.Length - at);
                    tokensChanged = true;
                    log.Add(FormattableString.Invariant($"deleted {length} bytes at byte {at}"));
                    return Splice(bytes, at, length, []);
                }

            case 6:
                {
                    int at = random.Next(bytes.Length + 1);
                    int chunk = random.Pick(RawChunks.InvalidUtf8);
                    log.Add(FormattableString.Invariant($"{RawChunks.All[chunk].Name} spliced in at byte {at}"));
                    return Splice(bytes, at, 0, RawChunks.All[chunk].Bytes);
                }

            default:
                log.Add("UTF-8 byte order mark added");
                return Splice(bytes, 0, 0, [0xEF, 0xBB, 0xBF]);
        }
    }

    private static byte[] Reencode(byte[] bytes, FuzzRandom random, List<string> log)
    {
        string text = Encoding.UTF8.GetString(bytes);
        Encoding encoding = random.Chance(0.5) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true) : new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        log.Add($"re-encoded as {(encoding.GetPreamble()[0] == 0xFF ? "UTF-16 LE" : "UTF-16 BE")} with a byte order mark");
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    /// <summary>A short escaped view of a text for the log: control characters and markers shown as escapes, long text cut.</summary>
    public static string Show(string text)
    {
        StringBuilder builder = new("\"");
        foreach (char c in text.Length > 80 ? text[..80] : text)
        {
            if (RawChunks.IsMarker(c, out int chunk))
            {
                builder.Append('<').Append(RawChunks.All[chunk].Name).Append('>');
            }
            else if (c < 0x20 || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '"' or '\\' || char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append(text.Length > 80 ? "\"..." : "\"").ToString();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
