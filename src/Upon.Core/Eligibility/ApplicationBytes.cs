using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Upon.Core.Eligibility;

/// <summary>
/// Reads an application for a decision straight from the UTF-8 bytes of its document, in one pass of
/// <see cref="Utf8JsonReader"/>: no <see cref="JsonDocument"/>, and no strings but the identifier (and the programme
/// year, once per batch). It checks everything <see cref="ApplicationDocument"/> checks, but keeps only what a decision
/// reads: roles without titles or organisations, the statement's number of words, no sponsor and no
/// equality-monitoring answers (see <see cref="Application.ForDecision"/>).
/// </summary>
/// <remarks>
/// <para>
/// It takes only documents that <see cref="ApplicationDocument"/> reads without a problem, and declines every other
/// (<see cref="TryReadBytes{TRecord}"/>): the batch then parses and reads that document as before, so that its problems
/// are word for word those of the document reader. Declined: text that is not valid UTF-8 or holds a <c>\u</c> escape
/// of half a surrogate pair (left to <see cref="JsonTextCheck"/>); a property name with an escape; a property not part of the format, or given
/// twice; a required property missing or null; a value of the wrong type; blank text where text is required; a date not
/// written <c>yyyy-MM-dd</c> or outside <see cref="EligibilityDates.Range"/>; an escaped or unknown enum name; a
/// part-time fraction outside (0, 1]; a role that ends before it starts; a programme year not <c>yyyy/yy</c>; a
/// document that is not well-formed JSON. A property tests that both paths give the same results on the generated
/// corpus and on mutations of it.
/// </para>
/// <para>One instance serves one batch, one record at a time (it reuses a list of roles): not thread-safe.</para>
/// </remarks>
internal sealed class ApplicationBytes
{
    /// <summary>The document reader's options: comments are skipped.</summary>
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>
    /// The options tried first: comments are not allowed. A reader that may meet a comment checks for one before each
    /// token, a tenth of the reading; documents seldom have any, and one that does is read again with <see cref="Options"/>.
    /// </summary>
    private static readonly JsonReaderOptions NoComments = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private static readonly byte[][] RootNames = ToUtf8(ApplicationDocument.RootProperties);
    private static readonly byte[][] RoleNames = ToUtf8(ApplicationDocument.RoleProperties);
    private static readonly byte[][] SponsorNames = ToUtf8(ApplicationDocument.SponsorProperties);
    private static readonly byte[][] OutcomeNames = ToUtf8(ApplicationDocument.OutcomeProperties);
    private static readonly byte[][] MonitoringNames = ToUtf8(ApplicationDocument.MonitoringProperties);

    private readonly List<Role> roles = [];
    private char[] chars = new char[1024];
    private byte[] yearBytes = [];
    private string? year;

    /// <summary>Reads an application for a decision from <paramref name="utf8Json"/>, or declines the document.</summary>
    /// <param name="utf8Json">One application document (a line of JSON Lines, an element of an array, or a whole document).</param>
    /// <param name="application">The application, when true.</param>
    /// <returns>Whether the document was taken.</returns>
    public bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out Application? application)
    {
        application = null;
        // Text that is not UTF-8 is left to JsonTextCheck; so is an escape of half a surrogate pair (see IsDecodable).
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return false;
        }

        try
        {
            return TryReadApplication(utf8Json, NoComments, out application);
        }
        catch (JsonException)
        {
            // A comment, or a document that is not well-formed: read again as the document reader reads it.
        }

        try
        {
            return TryReadApplication(utf8Json, Options, out application);
        }
        catch (JsonException)
        {
            // Not well-formed: the parsed path says where.
            return false;
        }
    }

    private bool TryReadApplication(ReadOnlySpan<byte> utf8Json, JsonReaderOptions options, out Application? application)
    {
        application = null;
        Utf8JsonReader reader = new(utf8Json, isFinalBlock: true, new JsonReaderState(options));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? id = null;
        string? programmeYear = null;
        LocalDate? assessedOn = null;
        LocalDate? readyBy = null;
        int words = 0;
        AssessorOutcomes? outcomes = null;
        bool hasRoles = false;
        roles.Clear();
        int seen = 0;
        while (true)
        {
            if (!TryNextProperty(ref reader, RootNames, ref seen, out int property))
            {
                return false;
            }

            if (property < 0)
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                // Null is as if absent; the four required properties are checked below.
                continue;
            }

            bool read = property switch
            {
                0 => TryKeptText(ref reader, out id),
                1 => TryProgrammeYear(ref reader, out programmeYear),
                2 => TryDate(ref reader, out assessedOn),
                3 => hasRoles = TryRoles(ref reader),
                4 => TryDate(ref reader, out readyBy),
                5 => TryWords(ref reader, out words),
                6 => TrySponsor(ref reader),
                7 => TryOutcomes(ref reader, out outcomes),
                _ => TryMonitoring(ref reader),
            };
            if (!read)
            {
                return false;
            }
        }

        // Anything after the object makes the reader throw; only white space and comments may follow.
        if (reader.Read() || id is null || programmeYear is null || assessedOn is null || !hasRoles)
        {
            return false;
        }

        application = Application.ForDecision(id, programmeYear, assessedOn.Value, [.. roles], readyBy, words, outcomes);
        return true;
    }

    /// <summary>
    /// Moves to the next property of an object and onto its value, giving the property's index among
    /// <paramref name="names"/>, or -1 at the end of the object. False for a name that is escaped, not among
    /// <paramref name="names"/>, or seen before in this object.
    /// </summary>
    private static bool TryNextProperty(ref Utf8JsonReader reader, byte[][] names, ref int seen, out int index)
    {
        index = -1;
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return true;
        }

        if (reader.ValueIsEscaped)
        {
            return false;
        }

        // Documents usually give the properties in the format's order: the one after the last seen is tried first.
        ReadOnlySpan<byte> name = reader.ValueSpan;
        int next = 32 - BitOperations.LeadingZeroCount((uint)seen);
        if (next < names.Length && name.SequenceEqual(names[next]))
        {
            index = next;
        }
        else
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (name.SequenceEqual(names[i]))
                {
                    index = i;
                    break;
                }
            }
        }

        if (index < 0 || (seen & (1 << index)) != 0)
        {
            return false;
        }

        seen |= 1 << index;
        reader.Read();
        return true;
    }

    private bool TryRoles(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject || !TryRole(ref reader, out Role? role))
            {
                return false;
            }

            roles.Add(role);
        }

        return true;
    }

    private bool TryRole(ref Utf8JsonReader reader, [NotNullWhen(true)] out Role? role)
    {
        role = null;
        OrganisationType? type = null;
        Sector? sector = null;
        RoleLevel? level = null;
        LocalDate? start = null;
        LocalDate? end = null;
        decimal? fraction = null;
        bool acting = false;
        bool title = false;
        bool organisation = false;
        int seen = 0;
        while (true)
        {
            if (!TryNextProperty(ref reader, RoleNames, ref seen, out int property))
            {
                return false;
            }

            if (property < 0)
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            bool read = property switch
            {
                0 => title = IsText(ref reader),
                1 => organisation = IsText(ref reader),
                2 => TryEnum(ref reader, out type),
                3 => TryEnum(ref reader, out sector),
                4 => TryEnum(ref reader, out level),
                5 => TryDate(ref reader, out start),
                6 => TryDate(ref reader, out end),
                7 => TryFraction(ref reader, out fraction),
                _ => TryBool(ref reader, out acting),
            };
            if (!read)
            {
                return false;
            }
        }

        if (!title || !organisation || type is null || sector is null || level is null || start is null || end < start)
        {
            return false;
        }

        // A decision names roles by their place, never by title or organisation, so neither is kept.
        role = Role.ForDecision(type.Value, sector.Value, level.Value, start.Value, end, fraction, acting);
        return true;
    }

    private bool TrySponsor(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int seen = 0;
        while (true)
        {
            // Each of the three is required: null is a problem here.
            if (!TryNextProperty(ref reader, SponsorNames, ref seen, out int property))
            {
                return false;
            }

            if (property < 0)
            {
                return seen == (1 << SponsorNames.Length) - 1;
            }

            if (!IsText(ref reader))
            {
                return false;
            }
        }
    }

    private static bool TryOutcomes(ref Utf8JsonReader reader, out AssessorOutcomes? outcomes)
    {
        outcomes = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<AssessorOutcome?> values = [null, null, null];
        int seen = 0;
        while (true)
        {
            if (!TryNextProperty(ref reader, OutcomeNames, ref seen, out int property))
            {
                return false;
            }

            if (property < 0)
            {
                outcomes = new AssessorOutcomes(values[0], values[1], values[2]);
                return true;
            }

            if (reader.TokenType != JsonTokenType.Null && !TryEnum(ref reader, out values[property]))
            {
                return false;
            }
        }
    }

    /// <summary>Checks the equality-monitoring answers as the document reader does, keeping none of them.</summary>
    private bool TryMonitoring(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int seen = 0;
        while (true)
        {
            if (!TryNextProperty(ref reader, MonitoringNames, ref seen, out int property))
            {
                return false;
            }

            if (property < 0)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.Null && !IsText(ref reader))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Whether the value is a string that decodes to valid Unicode: the bytes are UTF-8 (checked for the whole document
    /// first), so only a <c>\u</c> escape of half a surrogate pair can spoil it.
    /// </summary>
    private static bool IsDecodable(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !(reader.ValueIsEscaped && JsonTextCheck.HasLoneSurrogateEscape(reader.ValueSpan));

    /// <summary>Whether the value is a string that is not blank (empty or only white space once unescaped).</summary>
    private bool IsText(ref Utf8JsonReader reader)
    {
        if (!IsDecodable(ref reader))
        {
            return false;
        }

        ReadOnlySpan<byte> raw = reader.ValueSpan;
        int first = raw.IndexOfAnyExcept((byte)' ');
        if (first < 0)
        {
            return false;
        }

        // A JSON string holds no raw control character, so an ASCII byte other than the space or an escape's backslash
        // is a visible character; otherwise the text is unescaped and tested as the document reader tests it.
        byte b = raw[first];
        if (b < 0x80 && b != (byte)'\\')
        {
            return true;
        }

        return !Unescaped(ref reader).IsWhiteSpace();
    }

    /// <summary>The string's text, unescaped into a buffer the reader keeps for the batch (no larger than the largest text).</summary>
    private ReadOnlySpan<char> Unescaped(ref Utf8JsonReader reader)
    {
        // A string unescaped never has more characters than its raw text has bytes.
        if (chars.Length < reader.ValueSpan.Length)
        {
            chars = new char[Math.Max(reader.ValueSpan.Length, 2 * chars.Length)];
        }

        return chars.AsSpan(0, reader.CopyString(chars));
    }

    private bool TryKeptText(ref Utf8JsonReader reader, out string? text)
    {
        text = IsText(ref reader) ? reader.GetString() : null;
        return text is not null;
    }

    private bool TryProgrammeYear(ref Utf8JsonReader reader, out string? programmeYear)
    {
        programmeYear = null;
        if (!IsText(ref reader))
        {
            return false;
        }

        // A batch is mostly of one or two programme years: the last one's text is kept, and its check with it.
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (year is null || reader.ValueIsEscaped || !raw.SequenceEqual(yearBytes))
        {
            string text = reader.GetString()!;
            if (!ProgrammeYears.IsValid(text))
            {
                return false;
            }

            year = text;
            yearBytes = reader.ValueIsEscaped ? [] : raw.ToArray();
        }

        programmeYear = year;
        return true;
    }

    /// <summary>The number of words of a statement (which may be empty), counted as for a statement kept whole.</summary>
    private bool TryWords(ref Utf8JsonReader reader, out int words)
    {
        words = 0;
        if (!IsDecodable(ref reader))
        {
            return false;
        }

        // Unescaped text is counted on its bytes (valid UTF-8: the document was checked); escaped text once unescaped.
        words = reader.ValueIsEscaped ? StatementRule.CountWords(Unescaped(ref reader)) : StatementRule.CountWordsUtf8(reader.ValueSpan);
        return true;
    }

    private static bool TryDate(ref Utf8JsonReader reader, out LocalDate? date)
    {
        date = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
            || !IsoDate.TryParseUnquoted(reader.ValueSpan, out LocalDate value) || !EligibilityDates.Range.Contains(value))
        {
            return false;
        }

        date = value;
        return true;
    }

    private static bool TryEnum<TEnum>(ref Utf8JsonReader reader, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !EnumNames<TEnum>.TryParse(reader.ValueSpan, out TEnum parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool TryFraction(ref Utf8JsonReader reader, out decimal? fraction)
    {
        fraction = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out decimal value) || value <= 0m || value > 1m)
        {
            return false;
        }

        fraction = value;
        return true;
    }

    private static bool TryBool(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static byte[][] ToUtf8(string[] names) => [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];
}
