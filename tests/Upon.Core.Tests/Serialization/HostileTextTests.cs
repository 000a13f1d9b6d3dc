using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Calendars;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// Issue 11: text that is not valid Unicode (bytes that are not UTF-8, a lone surrogate escape), hostile property
/// names and empty input, through every JSON reader. Before the fix every case below threw InvalidOperationException
/// ("Cannot transcode invalid UTF-8…", "Invalid surrogate value") out of the readers, or echoed names raw.
/// </summary>
public sealed class HostileTextTests
{
    /// <summary>The three reproductions of the issue, as bytes: invalid UTF-8 in a value, a lone surrogate escape in a value, invalid UTF-8 in a name.</summary>
    public static TheoryData<string, byte[]> InvalidTexts => new()
    {
        { "invalid UTF-8 in a value", Bytes("{\"id\":\"", [0xFF], "\"}") },
        { "lone low surrogate escape in a value", Bytes("{\"id\":\"\\uDC00\"}") },
        { "lone high surrogate escape in a value", Bytes("{\"id\":\"\\uD800x\"}") },
        { "invalid UTF-8 in a name", Bytes("{\"", [0xFF], "\":1}") },
        { "truncated two-byte sequence in a value", Bytes("{\"id\":\"", [0xC3], "\"}") },
        { "overlong encoding in a value", Bytes("{\"id\":\"", [0xC0, 0xAF], "\"}") },
        { "lone surrogate escape in a name", Bytes("{\"\\uDBFF\":1}") },
    };

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void EveryJsonReader_InvalidText_ReportsTextInvalidAndDoesNotThrow(string what, byte[] bytes)
    {
        Assert.NotNull(what);
        foreach ((string reader, ImmutableArray<DocumentProblem> problems) in ReadWithEveryReader(bytes))
        {
            DocumentProblem problem = Assert.Single(problems, p => p.Code == DocumentProblemCodes.TextInvalid);
            Assert.StartsWith("$", problem.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(reader));
        }
    }

    [Fact]
    public void TextInvalid_NamesThePathOfTheString_AndCountsTheOthers()
    {
        byte[] bytes = Bytes("{\"id\":\"A-1\",\"roles\":[{\"title\":\"ok\"},{\"title\":\"", [0xFF], "\",\"organisation\":\"\\uDC00\"}]}");

        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(new MemoryStream(bytes));

        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal("$.roles[1].title", problem.Path);
        Assert.Equal(DocumentProblemCodes.TextInvalid, problem.Code);
        Assert.Equal(
            "This text is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read. The record has 1 more such string.",
            problem.Message);
    }

    [Fact]
    public void TextInvalid_InAPropertyName_NamesTheObjectNotTheName()
    {
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(new MemoryStream(Bytes("{\"roles\":[{\"ti", [0xFE], "tle\":\"x\"}]}")));

        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal("$.roles[0]", problem.Path);
        Assert.StartsWith("A property name in this object is not valid Unicode", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextInvalid_InsideEqualityMonitoring_NeverNamesAKeyInsideIt()
    {
        byte[] bytes = Bytes("{\"id\":\"A-1\",\"equalityMonitoring\":{\"White British\":\"", [0xFF], "\"}}");

        DocumentProblem problem = Assert.Single(ApplicationDocument.Read(new MemoryStream(bytes)).Problems);

        Assert.Equal("$.equalityMonitoring", problem.Path);
        Assert.DoesNotContain("White", problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Found by the fuzz suite (F8): a misspelt monitoring object still holds answers, so no key inside it is named either.</summary>
    [Theory]
    [InlineData("equalityMonitoring\\t", "$['equalityMonitoring\\u0009']")]
    [InlineData("EqualityMonitoring", "$.EqualityMonitoring")]
    [InlineData("equality_monitoring", "$.equality_monitoring")]
    public void TextInvalid_InsideAMisspeltMonitoringObject_NeverNamesAKeyInsideIt(string property, string path)
    {
        byte[] bytes = Bytes("{\"" + property + "\":{\"White British\":\"", [0xC0, 0x80], "\"}}");

        DocumentProblem problem = Assert.Single(ApplicationDocument.Read(new MemoryStream(bytes)).Problems);

        Assert.Equal(path, problem.Path);
        Assert.Equal(DocumentProblemCodes.TextInvalid, problem.Code);
    }

    [Fact]
    public void Batch_BadLineThreeOfFive_DecidesTheOtherFourInOrder()
    {
        // The example file's fifth application is invalid on purpose: use the first four and the first again.
        string[] example = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"));
        string[] lines = [.. example.Take(4), example[0]];
        using MemoryStream input = new();
        for (int i = 0; i < lines.Length; i++)
        {
            byte[] line = Encoding.UTF8.GetBytes(lines[i]);
            if (i == 2)
            {
                // The reproduction: invalid UTF-8 inside the third application's id.
                line = Bytes("{\"id\":\"", [0xFF], "\"}");
            }

            input.Write(line);
            input.WriteByte((byte)'\n');
        }

        input.Position = 0;
        List<RecordResult<EligibilityDecision>> items = new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(input).ToList();

        Assert.Equal(5, items.Count);
        Assert.Equal([1, 2, 3, 4, 5], items.Select(item => item.RecordNumber));
        Assert.Equal([true, true, false, true, true], items.Select(item => item.IsValid));
        Assert.Equal(DocumentProblemCodes.TextInvalid, Assert.Single(items[2].Problems).Code);
    }

    [Fact]
    public void Batch_ArrayWithAnInvalidElement_LosesThatElementOnly()
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl")).Take(2).ToArray();
        byte[] input = Bytes("[" + lines[0] + ",{\"id\":\"\\uDC00\"},", [], lines[1] + "]");

        List<RecordResult<EligibilityDecision>> items = new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(input), BatchFormat.JsonArray).ToList();

        Assert.Equal([true, false, true], items.Select(item => item.IsValid));
        Assert.Equal(DocumentProblemCodes.TextInvalid, Assert.Single(items[1].Problems).Code);
    }

    [Theory]
    [InlineData("{\"id\":\"\\uD83D\\uDE00\"}")]
    [InlineData("{\"id\":\"\\\\uDC00\"}")]
    [InlineData("{\"id\":\"caf\\u00e9 \\\\\\u00e9\"}")]
    [InlineData("{\"id\":\"Ḽơᶉëᶆ 😀\"}")]
    public void ValidText_WithEscapesAndNonAscii_IsNotReported(string json)
    {
        Assert.Null(JsonTextCheck.FindInvalid(Encoding.UTF8.GetBytes(json)));
        Assert.DoesNotContain(ApplicationDocument.Parse(json).Problems, p => p.Code == DocumentProblemCodes.TextInvalid);
    }

    [Fact]
    public void Utf16Document_IsReportedAsNotUtf8()
    {
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"id\":\"A-1\"}")];

        DocumentProblem problem = Assert.Single(PolicyDocument.Read(new MemoryStream(utf16)).Problems);

        Assert.Equal(DocumentProblemCodes.TextInvalid, problem.Code);
        Assert.Equal("The document is UTF-16 (it starts with a UTF-16 byte order mark); documents are read as UTF-8.", problem.Message);
    }

    /// <summary>
    /// The law behind the check: a document is reported as invalid text exactly when System.Text.Json cannot read
    /// one of its strings or names as a .NET string. Strings are built from plain ASCII, multi-byte UTF-8, escapes of
    /// every kind (paired and lone surrogates, escaped backslashes before a u) and invalid bytes.
    /// </summary>
    [Property]
    public Property FindInvalid_ReportsExactlyTheDocumentsWhoseTextCannotBeDecoded()
    {
        Gen<byte[]> piece = Gen.Elements<byte[]>(
            "a"u8.ToArray(), "Z9 "u8.ToArray(), "é"u8.ToArray(), "😀"u8.ToArray(), "\\n"u8.ToArray(), "\\\\"u8.ToArray(),
            "\\\\u"u8.ToArray(), "\\u0041"u8.ToArray(), "\\uD83D\\uDE00"u8.ToArray(), "\\uD83D"u8.ToArray(), "\\uDE00"u8.ToArray(),
            "\\udbff\\udfff"u8.ToArray(), [0xFF], [0xC3], [0xE2, 0x82], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0x80]);
        Gen<byte[]> text = piece.ListOf().Select(pieces => pieces.SelectMany(p => p).ToArray());
        Gen<byte[]> document = Gen.Zip(text, Gen.Zip(text, text)).Select(t => Bytes("{\"", t.Item1, "\":[\"", t.Item2.Item1, "\",{\"k\":\"", t.Item2.Item2, "\"}]}"));

        return Prop.ForAll(document.ToArbitrary(), bytes => (JsonTextCheck.FindInvalid(bytes) is null) == CanDecodeEveryString(bytes));
    }

    [Property(MaxTest = 1000)]
    public Property HasLoneSurrogateEscape_IsTrueExactlyWhenTheStringCannotBeDecoded()
    {
        Gen<string> piece = Gen.Elements(
            "a", "Z9 ", "é", "😀", "\\n", "\\\\", "\\\\u", "\\u0041", "\\uD83D\\uDE00", "\\uD83D", "\\uDE00", "\\udbff\\udfff", "\\\"", "\\u0027", "\\t");
        Gen<string> text = piece.ListOf().Select(pieces => string.Concat(pieces));
        return Prop.ForAll(text.ToArbitrary(), raw =>
        {
            byte[] json = Encoding.UTF8.GetBytes($"\"{raw}\"");
            Utf8JsonReader reader = new(json);
            reader.Read();
            bool decodes;
            try
            {
                _ = reader.GetString();
                decodes = true;
            }
            catch (InvalidOperationException)
            {
                decodes = false;
            }

            Assert.Equal(!decodes, JsonTextCheck.HasLoneSurrogateEscape(json.AsSpan(1, json.Length - 2)));
        });
    }

    [Theory]
    [InlineData("""{"id":"\uD800","programmeYear":"2021/22"}""", "$.id", "This text is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read.")]
    [InlineData("""{"id":"\uD800","programmeYear":"\uDC00"}""", "$.id", "This text is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read. The record has 1 more such string.")]
    [InlineData("""{"roles":[{"x":"\uD800"}],"a":"\uDC00","b":["\uD800"]}""", "$.roles[0].x", "This text is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read. The record has 2 more such strings.")]
    [InlineData("""{"sponsor":{"\uD800":1}}""", "$.sponsor", "A property name in this object is not valid Unicode: it holds bytes that are not UTF-8, or a \\u escape of half a surrogate pair. The record was not read.")]
    public void InvalidText_IsOneProblem_AtTheFirst_CountingTheOthers(string json, string path, string message)
    {
        DocumentProblem problem = Assert.Single(ApplicationDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).Problems);

        Assert.Equal((path, DocumentProblemCodes.TextInvalid, message), (problem.Path, problem.Code, problem.Message));
    }

    [Fact]
    public void HasLoneSurrogateEscape_PairsOnlyAdjacentHighThenLow()
    {
        Assert.False(JsonTextCheck.HasLoneSurrogateEscape("\\uD83D\\uDE00"u8));
        Assert.True(JsonTextCheck.HasLoneSurrogateEscape("\\uDE00\\uD83D"u8));
        Assert.True(JsonTextCheck.HasLoneSurrogateEscape("\\uD83Dx\\uDE00"u8));
        Assert.True(JsonTextCheck.HasLoneSurrogateEscape("\\uD83D\\n"u8));
        Assert.True(JsonTextCheck.HasLoneSurrogateEscape("x\\uD83D"u8));
        Assert.False(JsonTextCheck.HasLoneSurrogateEscape("\\\\uD83D"u8));
        Assert.False(JsonTextCheck.HasLoneSurrogateEscape("\\uFFFF\\u0000"u8));
    }

    [Fact]
    public void UnknownPropertyName_WithControlCharacters_IsEscapedInThePath()
    {
        // The forgery: a key that starts a new line, pretends to be another record, and colours the terminal.
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse("{\"x\\nrecord 99: FAKE LINE\\u001b[31m\":1}");

        DocumentProblem problem = Assert.Single(read.Problems, p => p.Code == DocumentProblemCodes.UnknownProperty);
        Assert.Equal("$['x\\u000arecord 99: FAKE LINE\\u001b[31m']", problem.Path);
        Assert.DoesNotContain(problem.ToString(), char.IsControl);
    }

    [Fact]
    public void UnknownPropertyName_LongerThanTheLimit_IsCut()
    {
        string name = new('x', 10_000);

        string path = JsonPath.Property("$", name + "-");

        Assert.Equal("$['" + new string('x', JsonPath.MaxNameLength) + "…']", path);
    }

    [Fact]
    public void EqualityMonitoring_UnknownKey_IsCountedButNotNamed()
    {
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse("{\"equalityMonitoring\":{\"White British\":\"yes\",\"ethnicity\":\"x\",\"Muslim\":\"yes\"}}");

        DocumentProblem problem = Assert.Single(read.Problems, p => p.Code == DocumentProblemCodes.UnknownProperty);
        Assert.Equal("$.equalityMonitoring", problem.Path);
        Assert.Equal(
            "2 properties of the equality-monitoring answers are not part of the format (its only properties are ethnicity, disability, sex, ageBand, religion, sexualOrientation); names here are not repeated, since they may be answers.",
            problem.Message);
        Assert.DoesNotContain(read.Problems, p => p.ToString().Contains("White", StringComparison.Ordinal) || p.ToString().Contains("Muslim", StringComparison.Ordinal));
    }

    /// <summary>Any property name, however hostile, gives a path with no character that can break or forge a line or restyle a terminal.</summary>
    [Property]
    public Property PropertyPath_ForAnyName_HoldsNoControlOrFormatCharacter()
    {
        Gen<char> hostile = Gen.OneOf(
            Gen.Choose(0, 0x3000).Select(i => (char)i),
            Gen.Elements('\n', '\r', '\u001b', '\u0085', '\u2028', '\u2029', '\u202E', '\u200B', '\uFEFF', '\uD800', '\uDC00', '\'', '\\'));
        Gen<string> names = hostile.ArrayOf().Select(chars => new string(chars));

        return Prop.ForAll(names.ToArbitrary(), name =>
        {
            string path = JsonPath.Property("$", name);
            return !path.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                && IsWellFormedUtf16(path)
                && path.Length <= 1 + 4 + (JsonPath.MaxNameLength * 6) + 1;
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \n")]
    public void EmptyInput_IsZeroDocuments_EveryReaderAlike(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        // Readers of exactly one document: the document is missing.
        foreach ((string reader, ImmutableArray<DocumentProblem> problems) in ReadWithEveryReader(bytes).Where(r => SingleDocumentReaders.Contains(r.Reader)))
        {
            DocumentProblem problem = Assert.Single(problems);
            Assert.True(problem.Code == DocumentProblemCodes.DocumentEmpty && problem.Path == "$", reader + " gave " + problem);
        }

        // Readers of many records: zero records, as for [] (a register's own rule then asks for one authority).
        Assert.Empty(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(bytes)));
        Assert.Empty(CandidateDocument.Read(new MemoryStream(bytes)));
        Assert.Empty(AppointmentDocument.Read(new MemoryStream(bytes)));
        Assert.Equal(
            AuthorityRegisterDocument.Read(new MemoryStream("[]"u8.ToArray())).Reported.SelectMany(r => r.Problems),
            AuthorityRegisterDocument.Read(new MemoryStream(bytes)).Reported.SelectMany(r => r.Problems));
    }

    /// <summary>Found by the fuzz suite (F3): text after the closing bracket of an array was never looked at, so whole records were lost without a word.</summary>
    [Theory]
    [InlineData("[]\"")]
    [InlineData("[]]")]
    [InlineData("[] [{\"id\":\"A-1\"}]")]
    [InlineData("[]x")]
    public void Array_AnythingAfterTheArray_IsOneJsonInvalidProblem(string text)
    {
        RecordResult<EligibilityDecision> item = Assert.Single(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(text)), BatchFormat.JsonArray));

        Assert.Equal(DocumentProblemCodes.JsonInvalid, Assert.Single(item.Problems).Code);
        Assert.Equal(DocumentProblemCodes.JsonInvalid, Assert.Single(CandidateDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)))).Problems.Single().Code);
    }

    [Theory]
    [InlineData("[] \n\t")]
    [InlineData("[] // a comment\n")]
    [InlineData("[]\n/* a comment */")]
    public void Array_FollowedByWhiteSpaceOrComments_IsZeroRecords(string text) =>
        Assert.Empty(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(text)), BatchFormat.JsonArray));

    [Fact]
    public void Array_AfterALongArray_TrailingTextIsStillFound()
    {
        string element = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"))[0];
        string text = "[" + string.Join(",", Enumerable.Repeat(element, 300)) + "]" + new string(' ', 100_000) + "{}";

        List<RecordResult<EligibilityDecision>> items = new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

        Assert.Equal(301, items.Count);
        Assert.All(items.Take(300), item => Assert.True(item.IsValid));
        Assert.Equal(DocumentProblemCodes.JsonInvalid, Assert.Single(items[300].Problems).Code);
    }

    /// <summary>Found by the fuzz suite (F4): single bytes of a byte order mark were trimmed as if white space, so a line of them vanished.</summary>
    [Theory]
    [InlineData(new byte[] { 0xEF })]
    [InlineData(new byte[] { 0xBB, (byte)'\n' })]
    [InlineData(new byte[] { (byte)'\n', 0xBF, 0xEF, (byte)'\n' })]
    public void JsonLines_StrayByteOrderMarkBytes_AreAProblemNotABlankLine(byte[] bytes)
    {
        RecordResult<EligibilityDecision> item = Assert.Single(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(bytes)));

        Assert.Equal(DocumentProblemCodes.JsonInvalid, Assert.Single(item.Problems).Code);
    }

    [Fact]
    public void JsonLines_AWholeByteOrderMarkOnALine_IsWhiteSpace() =>
        Assert.Empty(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream([0xEF, 0xBB, 0xBF, (byte)'\n', 0xEF, 0xBB, 0xBF, (byte)' '])));

    /// <summary>Found by the fuzz suite (F1): the not-found message listed the document's division names, which are keys of the input.</summary>
    [Fact]
    public void BankHolidays_DivisionNotFound_DoesNotRepeatTheDocumentsKeys()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"CANARY\\n\":{\"division\":\"x\",\"events\":[{\"title\":\"t\",\"date\":\"2021-01-01\"}]}}");

        DocumentResult<HolidayCalendar> read = BankHolidayDocument.ReadDivision(new MemoryStream(bytes), "england-and-wales");

        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal(DocumentProblemCodes.NotFound, problem.Code);
        Assert.Equal("The document has no division of the name asked for; it has 1 division. Division names are not repeated here, since they come from the document.", problem.Message);
    }

    /// <summary>Found by the fuzz suite (F2): a valid document with a holiday on 9999-12-31 made counting working days over its coverage overflow.</summary>
    [Fact]
    public void BankHolidays_AHolidayOnTheLastDayOfTheCalendar_CanBeCountedOver()
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> read = BankHolidayDocument.Parse(
            "{\"s\":{\"division\":\"s\",\"events\":[{\"title\":\"h\",\"date\":\"2023-12-26\"},{\"title\":\"3\",\"date\":\"9999-12-31\"}]}}");
        HolidayCalendar calendar = read.GetValueOrThrow()["s"];

        Assert.Equal(2, calendar.GetHolidays(calendar.Coverage).Count);
        Assert.Single(calendar.GetHolidays(new NodaTime.DateInterval(new NodaTime.LocalDate(9999, 12, 31), new NodaTime.LocalDate(9999, 12, 31))));
        Assert.True(new WorkingDayCalendar(calendar).CountWorkingDays(calendar.Coverage) > 0);
    }

    private static readonly string[] SingleDocumentReaders = ["applications", "policies", "decisions", "programme years", "bank holidays", "compositions"];

    /// <summary>Reads <paramref name="bytes"/> with every JSON reader of the library and returns each one's problems.</summary>
    private static IEnumerable<(string Reader, ImmutableArray<DocumentProblem> Problems)> ReadWithEveryReader(byte[] bytes)
    {
        yield return ("applications", ApplicationDocument.Read(new MemoryStream(bytes)).Problems);
        yield return ("policies", PolicyDocument.Read(new MemoryStream(bytes)).Problems);
        if (Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes)).AsSpan().SequenceEqual(bytes))
        {
            // DecisionDocument reads strings only, and a .NET string cannot hold bytes that are not UTF-8.
            yield return ("decisions", DecisionDocument.Parse(Encoding.UTF8.GetString(bytes)).Problems);
        }
        yield return ("programme years", ProgrammeYearDocument.Read(new MemoryStream(bytes)).Problems);
        yield return ("bank holidays", BankHolidayDocument.Read(new MemoryStream(bytes)).Problems);
        yield return ("compositions", CompositionDocument.Read(new MemoryStream(bytes)).Problems);
        yield return ("eligibility batch", [.. new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(bytes)).SelectMany(item => item.Problems)]);
        yield return ("eligibility batch, array", [.. new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(new MemoryStream(bytes.Length == 0 || bytes[0] != (byte)'{' ? bytes : [(byte)'[', .. bytes, (byte)']']), BatchFormat.JsonArray).SelectMany(item => item.Problems)]);
        yield return ("candidates", [.. CandidateDocument.Read(new MemoryStream(bytes)).SelectMany(record => record.Problems)]);
        yield return ("appointments", [.. AppointmentDocument.Read(new MemoryStream(bytes)).SelectMany(record => record.Problems)]);
        yield return ("registers", [.. AuthorityRegisterDocument.Read(new MemoryStream(bytes)).Reported.SelectMany(record => record.Problems)]);
    }

    private static bool CanDecodeEveryString(byte[] bytes)
    {
        using JsonDocument document = JsonDocument.Parse(bytes);
        try
        {
            Visit(document.RootElement);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static void Visit(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        Visit(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Visit(item);
                    }

                    break;
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
            }
        }
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Bytes(string before, byte[] middle, string after) => [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    private static byte[] Bytes(string a, byte[] b, string c, byte[] d, string e, byte[] f, string g) =>
        [.. Encoding.UTF8.GetBytes(a), .. b, .. Encoding.UTF8.GetBytes(c), .. d, .. Encoding.UTF8.GetBytes(e), .. f, .. Encoding.UTF8.GetBytes(g)];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
