using System.Text;
using Upon.Core.Fuzz.Fuzzing;

namespace Upon.Core.Fuzz;

/// <summary>The oracle is the fuzz suite's measure of "records in": its rules, case by case, as docs/fuzzing.md states them.</summary>
public sealed class RecordOracleTests
{
    [Theory]
    [InlineData("a,b\n1,2\n", 1)]
    [InlineData("a,b\r\n1,2\r\n3,4", 2)]
    [InlineData("a,b\r1,2\r3,4\r", 2)]
    [InlineData("a,b\n\n\r\n1,2\n\n", 1)]
    [InlineData("a,b\n \n", 1)]
    [InlineData("a,b\n\"1\n2\",3\n", 1)]
    [InlineData("a,b\n\"1\"\"\n\"\"2\",3\n4,5\n", 2)]
    [InlineData("a,b\n\"unclosed,3\n4,5\n", 1)]
    [InlineData("a,b\nx\"y\nz\n", 2)]
    [InlineData("a,b\n\"x\"y\n\"z\n", 2)]
    [InlineData("a,b", 0)]
    [InlineData("a,b\n1,", 1)]
    [InlineData(" \n\t\r\n\uFEFFa,b\n1,2\n", 1)]
    public void Csv_CountsDataRows(string text, int rows)
    {
        Expectation expected = RecordOracle.Csv(Encoding.UTF8.GetBytes(text));
        Assert.Equal((ExpectationKind.Exact, rows), (expected.Kind, expected.Records));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    public void Csv_BlankInput_IsEmpty(string text) =>
        Assert.Equal(ExpectationKind.Empty, RecordOracle.Csv(Encoding.UTF8.GetBytes(text)).Kind);

    [Fact]
    public void Csv_Utf16WithByteOrderMark_IsDecodedAsTheReadersDecodeIt()
    {
        byte[] bytes = [.. new UnicodeEncoding(bigEndian: true, byteOrderMark: true).GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("a,b\n1,2\n3,4\n")];
        Assert.Equal(2, RecordOracle.Csv(bytes).Records);
    }

    [Theory]
    [InlineData("{}\n{}\n", 2)]
    [InlineData("{}\n\n  \r\n\uFEFF\n{}", 2)]
    [InlineData("{}\n\uFEFF\uFEFF\n", 2)]
    [InlineData("{\n}\n", 2)]
    [InlineData("x", 1)]
    public void JsonLines_CountsNonBlankLines(string text, int records)
    {
        Expectation expected = RecordOracle.JsonLines(Encoding.UTF8.GetBytes(text));
        Assert.Equal((ExpectationKind.Exact, records), (expected.Kind, expected.Records));
    }

    [Fact]
    public void JsonLines_AStrayByteOrderMarkByte_IsNotBlank() =>
        Assert.Equal((ExpectationKind.Exact, 1), (RecordOracle.JsonLines([0xEF, (byte)'\n']).Kind, RecordOracle.JsonLines([0xEF, (byte)'\n']).Records));

    [Theory]
    [InlineData("[]", ExpectationKind.Exact, 0)]
    [InlineData("\uFEFF[{}, 1, \"x\"]", ExpectationKind.Exact, 3)]
    [InlineData("[{} /* a comment */]", ExpectationKind.Exact, 1)]
    [InlineData("[{}", ExpectationKind.BrokenArray, 0)]
    [InlineData("[]]", ExpectationKind.BrokenArray, 0)]
    [InlineData("{}", ExpectationKind.BrokenArray, 0)]
    [InlineData(" ", ExpectationKind.Empty, 0)]
    [InlineData("\uFEFF \n", ExpectationKind.Empty, 0)]
    [InlineData("\r\uFEFF", ExpectationKind.BrokenArray, 0)]
    [InlineData("\uFEFF\uFEFF", ExpectationKind.BrokenArray, 0)]
    public void JsonArray_CountsElementsOfAWellFormedArray(string text, ExpectationKind kind, int records)
    {
        Expectation expected = RecordOracle.JsonArray(Encoding.UTF8.GetBytes(text), 1024);
        Assert.Equal((kind, records), (expected.Kind, expected.Records));
    }

    [Theory]
    [InlineData("[{}]", ExpectationKind.Exact, 1)]
    [InlineData("{\"a\":1}\n{\"a\":2}\n", ExpectationKind.Exact, 2)]
    [InlineData("{\n  \"a\": 1\n}\n", ExpectationKind.Exact, 1)]
    [InlineData("{\"a\":1}", ExpectationKind.Exact, 1)]
    [InlineData("\n\n", ExpectationKind.Empty, 0)]
    public void Auto_FollowsTheDocumentedLayoutRule(string text, ExpectationKind kind, int records)
    {
        Expectation expected = RecordOracle.Auto(Encoding.UTF8.GetBytes(text), 1024);
        Assert.Equal((kind, records), (expected.Kind, expected.Records));
    }

    [Theory]
    [InlineData("{\"cases\": [{}, 1, \"x\"]}", ExpectationKind.Exact, 3)]
    [InlineData("\uFEFF{\"extra\": 1, \"cases\": [{}] /* a comment */}", ExpectationKind.Exact, 1)]
    [InlineData("{\"cases\": []}", ExpectationKind.Exact, 0)]
    [InlineData("{\"cases\": {}}", ExpectationKind.Exact, 0)]
    [InlineData("[{}]", ExpectationKind.Exact, 0)]
    [InlineData("{\"cases\": [{}]", ExpectationKind.Exact, 0)]
    [InlineData("{\"cases\": [\"\\uDC00\", {}]}", ExpectationKind.Exact, 0)]
    [InlineData(" \n", ExpectationKind.Empty, 0)]
    public void CaseFile_CountsTheCasesOfAReadableFile(string text, ExpectationKind kind, int records)
    {
        Expectation expected = RecordOracle.CaseFile(Encoding.UTF8.GetBytes(text), 1024);
        Assert.Equal((kind, records), (expected.Kind, expected.Records));
    }

    [Fact]
    public void CaseFile_OverOrAtTheLimit_HasNoCaseOrIsUnsure()
    {
        byte[] file = Encoding.UTF8.GetBytes("{\"cases\": [{}, {}]}");
        Assert.Equal((ExpectationKind.Exact, 0), (RecordOracle.CaseFile(file, file.Length - 9).Kind, RecordOracle.CaseFile(file, file.Length - 9).Records));
        Assert.Equal(ExpectationKind.Unsure, RecordOracle.CaseFile(file, file.Length).Kind);
        Assert.Equal((ExpectationKind.Exact, 2), (RecordOracle.CaseFile(file, file.Length + 9).Kind, RecordOracle.CaseFile(file, file.Length + 9).Records));
    }

    [Fact]
    public void CaseFile_BytesThatAreNotUtf8_InAString_MeanNoCase()
    {
        byte[] file = [.. Encoding.UTF8.GetBytes("{\"cases\": [\"a"), 0xFF, .. Encoding.UTF8.GetBytes("\", {}]}")];
        Assert.Equal((ExpectationKind.Exact, 0), (RecordOracle.CaseFile(file, 1024).Kind, RecordOracle.CaseFile(file, 1024).Records));
    }
}
