using System.Buffers;
using System.Buffers.Text;
using System.Text.Unicode;

namespace Upon.Core.Serialization;

/// <summary>
/// Finds the strings and property names of a well-formed JSON document that are not valid Unicode text:
/// bytes that are not UTF-8, or a <c>\u</c> escape that names half of a surrogate pair without the other
/// half. <see cref="JsonDocument"/> accepts both and only fails when a value is read as a string, so every
/// document is checked here before a reader touches it.
/// </summary>
/// <remarks>
/// A document whose bytes are all valid UTF-8 and hold no <c>\u</c> escape (almost every document) costs two
/// vectorised scans. Otherwise one pass of <see cref="Utf8JsonReader"/> finds the first invalid string and
/// counts the rest, without allocating until it has found one. The path names only keys that lead to the
/// string and never a key inside the confidential object (the equality-monitoring answers, whose keys a
/// client may have filled with answers).
/// </remarks>
internal static class JsonTextCheck
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>
    /// Returns the problem for the first string or property name of <paramref name="utf8Json"/> that is not valid
    /// Unicode text, or null when there is none (or the document is not well-formed, which its parser reports).
    /// </summary>
    /// <param name="utf8Json">A well-formed JSON document, as UTF-8 bytes without a byte order mark.</param>
    /// <param name="path">The path of the document itself (<c>$</c>).</param>
    /// <param name="confidentialObject">The name of a property whose object's keys are never named in a path, or null.</param>
    public static DocumentProblem? FindInvalid(ReadOnlySpan<byte> utf8Json, string path = JsonPath.Root, string? confidentialObject = null)
    {
        bool utf8Valid = Utf8.IsValid(utf8Json);
        if (utf8Valid && utf8Json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        Frame[] frames = ArrayPool<Frame>.Shared.Rent(ReaderOptions.MaxDepth + 2);
        try
        {
            return Walk(utf8Json, path, confidentialObject, checkUtf8: !utf8Valid, frames);
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            ArrayPool<Frame>.Shared.Return(frames);
        }
    }

    /// <summary>Gets whether the raw (still escaped) contents of a JSON string hold a <c>\u</c> escape of an unpaired surrogate.</summary>
    /// <param name="raw">The bytes between the quotes.</param>
    public static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        bool expectLow = false;
        int i = 0;
        while (i < raw.Length)
        {
            // Text between escapes is skipped a vector at a time; a high surrogate must be followed at once by a low one.
            int backslash = raw[i..].IndexOf((byte)'\\');
            if (backslash != 0 && expectLow)
            {
                return true;
            }

            if (backslash < 0 || i + backslash + 1 >= raw.Length)
            {
                return backslash >= 0 && expectLow;
            }

            i += backslash;
            if (raw[i + 1] != (byte)'u')
            {
                if (expectLow)
                {
                    return true;
                }

                // A two-character escape such as \\ or \n: skip both, so that "\\u" is a backslash and a u.
                i += 2;
                continue;
            }

            if (i + 6 > raw.Length || !Utf8Parser.TryParse(raw.Slice(i + 2, 4), out int unit, out int consumed, 'X') || consumed != 4)
            {
                // The parser has already refused a malformed escape; nothing to add here.
                return false;
            }

            bool high = unit is >= 0xD800 and <= 0xDBFF;
            bool low = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != low)
            {
                return true;
            }

            expectLow = high;
            i += 6;
        }

        return expectLow;
    }

    private static DocumentProblem? Walk(ReadOnlySpan<byte> utf8Json, string rootPath, string? confidentialObject, bool checkUtf8, Frame[] frames)
    {
        Utf8JsonReader reader = new(utf8Json, ReaderOptions);
        int depth = 0;
        int found = 0;
        string? firstPath = null;
        bool firstIsName = false;
        while (reader.Read())
        {
            JsonTokenType token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                bool invalidName = IsInvalid(ref reader, checkUtf8);
                frames[depth - 1].NameStart = checked((int)reader.TokenStartIndex);
                frames[depth - 1].NameLength = reader.ValueSpan.Length;
                frames[depth - 1].NameInvalid = invalidName;
                if (invalidName && found++ == 0)
                {
                    firstPath = PathOf(utf8Json, frames, depth - 1, rootPath, confidentialObject);
                    firstIsName = true;
                }

                continue;
            }

            if (depth > 0 && frames[depth - 1].IsArray)
            {
                frames[depth - 1].Index++;
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames[depth++] = new Frame { IsArray = token == JsonTokenType.StartArray, Index = -1, NameStart = -1 };
                continue;
            }

            if (token == JsonTokenType.String && IsInvalid(ref reader, checkUtf8) && found++ == 0)
            {
                firstPath = PathOf(utf8Json, frames, depth, rootPath, confidentialObject);
            }
        }

        if (found == 0)
        {
            return null;
        }

        string what = firstIsName ? "A property name in this object" : "This text";
        string more = found == 1
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" The record has {found - 1} more such {(found == 2 ? "string" : "strings")}.");
        return new DocumentProblem(
            firstPath!,
            DocumentProblemCodes.TextInvalid,
            $"{what} is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read.{more}");
    }

    private static bool IsInvalid(ref Utf8JsonReader reader, bool checkUtf8)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        return (checkUtf8 && !Utf8.IsValid(raw)) || (reader.ValueIsEscaped && HasLoneSurrogateEscape(raw));
    }

    /// <summary>The path of the value the innermost <paramref name="count"/> containers lead to.</summary>
    private static string PathOf(ReadOnlySpan<byte> utf8Json, Frame[] frames, int count, string rootPath, string? confidentialObject)
    {
        string path = rootPath;
        for (int i = 0; i < count; i++)
        {
            Frame frame = frames[i];
            if (frame.IsArray)
            {
                path = JsonPath.Index(path, frame.Index);
                continue;
            }

            if (frame.NameInvalid || frame.NameStart < 0)
            {
                return path;
            }

            // The name's raw bytes start after its opening quote.
            string name = Unescape(utf8Json.Slice(frame.NameStart + 1, frame.NameLength));
            path = JsonPath.Property(path, name);
            if (confidentialObject is not null && Resembles(name, confidentialObject))
            {
                return path;
            }
        }

        return path;
    }

    /// <summary>
    /// Gets whether <paramref name="name"/> is the confidential object's name up to case and anything but letters and
    /// digits (<c>EqualityMonitoring</c>, <c>equality_monitoring</c>, <c>"equalityMonitoring\t"</c>): a misspelt
    /// monitoring object still holds answers, so its keys are not named either.
    /// </summary>
    private static bool Resembles(string name, string confidentialObject)
    {
        int j = 0;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (j >= confidentialObject.Length || char.ToLowerInvariant(c) != char.ToLowerInvariant(confidentialObject[j]))
            {
                return false;
            }

            j++;
        }

        return j == confidentialObject.Length;
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        byte[] quoted = new byte[raw.Length + 2];
        quoted[0] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        Utf8JsonReader reader = new(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>A container on the way down: an array with the index of its current element, or an object with the raw position of its current property name.</summary>
    private struct Frame
    {
        public bool IsArray;
        public int Index;
        public int NameStart;
        public int NameLength;
        public bool NameInvalid;
    }
}
