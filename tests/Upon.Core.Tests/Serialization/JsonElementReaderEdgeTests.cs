using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>What the element reader says of values of the wrong type or out of range, word for word, and that checking a string says what reading it says.</summary>
public sealed class JsonElementReaderEdgeTests
{
    private static readonly string[] Answers = ["a", "b"];

    [Theory]
    [InlineData("""{"a":1,"x":2}""", "A property of the answers is not part of the format (its only properties are a, b); names here are not repeated, since they may be answers.")]
    [InlineData("""{"x":1,"b":2,"y":3}""", "2 properties of the answers are not part of the format (its only properties are a, b); names here are not repeated, since they may be answers.")]
    [InlineData("""{"x":1,"y":2,"z":3}""", "3 properties of the answers are not part of the format (its only properties are a, b); names here are not repeated, since they may be answers.")]
    public void RejectUnknownUnnamed_CountsTheUnknownPropertiesInWords(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        reader.RejectUnknownUnnamed(document.RootElement, "$.m", Answers, "the answers");
        Assert.Equal([("$.m", DocumentProblemCodes.UnknownProperty, message)], Described(reader));
    }

    [Fact]
    public void RejectUnknownUnnamed_OnlyKnownProperties_SaysNothing()
    {
        using JsonDocument document = JsonDocument.Parse("""{"a":1,"b":2}""");
        JsonElementReader reader = new();
        reader.RejectUnknownUnnamed(document.RootElement, "$.m", Answers, "the answers");
        Assert.Empty(reader.Problems);
    }

    [Theory]
    [InlineData("""{"s":["\n"]}""", DocumentProblemCodes.TypeMismatch, "Expected a string, but found an array.")]
    [InlineData("""{"s":{"é":1}}""", DocumentProblemCodes.TypeMismatch, "Expected a string, but found an object.")]
    [InlineData("""{"s":{"\\":1}}""", DocumentProblemCodes.TypeMismatch, "Expected a string, but found an object.")]
    [InlineData("""{"s":3}""", DocumentProblemCodes.TypeMismatch, "Expected a string, but found a number.")]
    [InlineData("""{"s":" \t"}""", DocumentProblemCodes.Empty, "\"s\" must not be empty.")]
    [InlineData("""{"s":"  \u0020"}""", DocumentProblemCodes.Empty, "\"s\" must not be empty.")]
    [InlineData("""{"s":"   "}""", DocumentProblemCodes.Empty, "\"s\" must not be empty.")]
    [InlineData("""{"s":""}""", DocumentProblemCodes.Empty, "\"s\" must not be empty.")]
    public void CheckString_SaysWhatIsWrong_WithoutDecodingAValueThatIsNoString(string json, string code, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        reader.CheckString(document.RootElement, "$", "s");
        Assert.Equal([("$.s", code, message)], Described(reader));
    }

    [Theory]
    [InlineData("""{"s":" x "}""")]
    [InlineData("""{"s":" \u0078"}""")]
    [InlineData("""{"s":"é"}""")]
    [InlineData("""{"s":null}""")]
    [InlineData("""{}""")]
    public void CheckString_TextThatIsNotBlank_OrNoValue_SaysNothing(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        reader.CheckString(document.RootElement, "$", "s");
        Assert.Empty(reader.Problems);
    }

    [Property]
    public Property CheckString_SaysWhatStringSays() =>
        Prop.ForAll(Arb.From(Values()), json =>
        {
            using JsonDocument document = JsonDocument.Parse("{\"s\":" + json + "}");
            JsonElementReader checking = new();
            JsonElementReader reading = new();
            checking.CheckString(document.RootElement, "$", "s");
            _ = reading.String(document.RootElement, "$", "s", required: false);
            Assert.Equal(Described(reading), Described(checking));
        });

    [Theory]
    [InlineData("""{"p":3}""", DocumentProblemCodes.TypeMismatch, "Expected a period string such as P3Y, but found a number.")]
    [InlineData("""{"p":["P3Y"]}""", DocumentProblemCodes.TypeMismatch, "Expected a period string such as P3Y, but found an array.")]
    [InlineData("""{"p":"P"}""", DocumentProblemCodes.PeriodInvalid, "Expected an ISO 8601 period of non-negative years, months, weeks and days, such as P3Y or P2Y6M.")]
    [InlineData("""{"p":"P-1Y"}""", DocumentProblemCodes.PeriodInvalid, "Expected an ISO 8601 period of non-negative years, months, weeks and days, such as P3Y or P2Y6M.")]
    public void DatePeriod_OfTheWrongTypeOrForm_SaysWhatIsExpected(string json, string code, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        Assert.Null(reader.DatePeriod(document.RootElement, "$", "p", required: true));
        Assert.Equal([("$.p", code, message)], Described(reader));
    }

    [Theory]
    [InlineData("""{"n":"3"}""", "Expected a whole number, but found a string.")]
    [InlineData("""{"n":1.5}""", "Expected a whole number, but found a number.")]
    [InlineData("""{"n":true}""", "Expected a whole number, but found a boolean.")]
    public void Int_NotAWholeNumber_SaysSo(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        Assert.Null(reader.Int(document.RootElement, "$", "n", required: true, min: 0, max: 10));
        Assert.Equal([("$.n", DocumentProblemCodes.TypeMismatch, message)], Described(reader));
    }

    [Theory]
    [InlineData("0", true, "\"f\" must be above 0 and at most 1.")]
    [InlineData("1.5", true, "\"f\" must be above 0 and at most 1.")]
    [InlineData("-0.5", false, "\"f\" must be at least 0 and at most 1.")]
    [InlineData("1.01", false, "\"f\" must be at least 0 and at most 1.")]
    public void Decimal_OutOfRange_SaysWhetherTheLowerBoundIsIncluded(string number, bool minExclusive, string message)
    {
        using JsonDocument document = JsonDocument.Parse("{\"f\":" + number + "}");
        JsonElementReader reader = new();
        Assert.Null(reader.Decimal(document.RootElement, "$", "f", required: true, min: 0m, max: 1m, minExclusive));
        Assert.Equal([("$.f", DocumentProblemCodes.OutOfRange, message)], Described(reader));
    }

    [Theory]
    [InlineData("3", "Expected a string, but found a number.")]
    [InlineData("{}", "Expected a string, but found an object.")]
    [InlineData("false", "Expected a string, but found a boolean.")]
    [InlineData("null", "Expected a string, but found null.")]
    public void EnumValue_NotAString_SaysSo(string json, string message)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElementReader reader = new();
        Assert.Null(reader.EnumValue<ProblemSeverity>(document.RootElement, "$.severity"));
        Assert.Equal([("$.severity", DocumentProblemCodes.TypeMismatch, message)], Described(reader));
    }

    [Fact]
    public void Strings_AnItemThatIsNoString_IsATypeMismatchAtItsPath()
    {
        using JsonDocument document = JsonDocument.Parse("""["a", 1, null, true, "b"]""");
        JsonElementReader reader = new();
        List<string> items = [];
        reader.Strings(document.RootElement, "$.names", items);
        Assert.Equal(["a", "b"], items);
        Assert.Equal(
            [
                ("$.names[1]", DocumentProblemCodes.TypeMismatch, "Expected a string, but found a number."),
                ("$.names[2]", DocumentProblemCodes.TypeMismatch, "Expected a string, but found null."),
                ("$.names[3]", DocumentProblemCodes.TypeMismatch, "Expected a string, but found a boolean."),
            ],
            Described(reader));
    }

    [Theory]
    [InlineData(JsonValueKind.Object, "an object")]
    [InlineData(JsonValueKind.Array, "an array")]
    [InlineData(JsonValueKind.String, "a string")]
    [InlineData(JsonValueKind.Number, "a number")]
    [InlineData(JsonValueKind.True, "a boolean")]
    [InlineData(JsonValueKind.False, "a boolean")]
    [InlineData(JsonValueKind.Null, "null")]
    [InlineData(JsonValueKind.Undefined, "nothing")]
    public void Describe_NamesEachKindWithItsArticle(JsonValueKind kind, string expected) =>
        Assert.Equal(expected, JsonElementReader.Describe(kind));

    /// <summary>JSON values for a string property: strings of spaces, escapes and other text, and values of other kinds.</summary>
    private static Gen<string> Values() =>
        Gen.OneOf(
            Gen.Elements(" ", "a", "é", "\\t", "\\n", "\\u0020", "\\u00a0", "\\u0078", "\\\\", "\\\"", "\u3000").ArrayOf().Select(parts => "\"" + string.Concat(parts) + "\""),
            Gen.Elements("1", "[\"\\n\"]", "[\" \"]", "{\"é\":\" \"}", "{}", "true", "null", "[]"));

    private static (string Path, string Code, string Message)[] Described(JsonElementReader reader) =>
        [.. reader.Problems.Select(p => (p.Path, p.Code, p.Message))];
}
