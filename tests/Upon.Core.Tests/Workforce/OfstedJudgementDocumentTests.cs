using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Tests.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Ofsted judgement documents by example: CSV and JSON read (every reading problem code), written, and the grades and judgements themselves.</summary>
public sealed class OfstedJudgementDocumentTests
{
    private const string Header = "authority,date,grade\n";

    private static List<RecordResult<OfstedJudgement>> Csv(string text, ProblemHandling handling = ProblemHandling.Continue) =>
        OfstedJudgementDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), handling).ToList();

    private static List<RecordResult<OfstedJudgement>> Json(string text, BatchFormat format = BatchFormat.Auto) =>
        OfstedJudgementDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format).ToList();

    private static string[] Codes(RecordResult<OfstedJudgement> record) => [.. record.Problems.Select(p => $"{p.Path} {p.Code}")];

    private static OfstedJudgement Judgement(string code, int year, int month, int day, OfstedGrade grade) => new(code, new LocalDate(year, month, day), grade);

    [Fact]
    public void Csv_ReadsQuotedFieldsAndEveryGradeSpelling_InAnyColumnOrder()
    {
        List<RecordResult<OfstedJudgement>> records = Csv(
            "\uFEFFGrade,Authority,DATE\r\n" +
            "good,\"A,1 \"\"x\"\"\nnext\",2019-04-01\r\n" +
            "REQUIRES-IMPROVEMENT,B,2020-01-31\n" +
            " Inadequate ,C,2021-06-30\r" +
            "1,D,2022-02-28\n" +
            "\n" +
            "4,E,2023-03-01");

        Assert.Equal(
            [
                Judgement("A,1 \"x\"\nnext", 2019, 4, 1, OfstedGrade.Good),
                Judgement("B", 2020, 1, 31, OfstedGrade.RequiresImprovement),
                Judgement("C", 2021, 6, 30, OfstedGrade.Inadequate),
                Judgement("D", 2022, 2, 28, OfstedGrade.Outstanding),
                Judgement("E", 2023, 3, 1, OfstedGrade.Inadequate),
            ],
            records.Select(r => r.Value));
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.RecordNumber));
    }

    [Fact]
    public void Csv_ReportsEachBadRowWithItsNumberPathAndCode_NeverItsValues()
    {
        List<RecordResult<OfstedJudgement>> records = Csv(Header +
            "A,2019-04-01,good\n" +
            "A,2019-04-01\n" +
            ",2019-04-01,good\n" +
            " ,2019-04-01,good\n" +
            "A,2019-02-30,good\n" +
            "A,,good\n" +
            "A,2019-04-01,satisfactory\n" +
            "A,2019-04-01,\n" +
            "A,2019-04-01,5\n" +
            "A,20\"19-04-01,good\n" +
            "A,2019-04-01,good,extra\n" +
            "\"A,2019-04-01,good\nB,2020-01-01,good\n");

        Assert.Equal(Enumerable.Range(1, 12), records.Select(r => r.RecordNumber));
        Assert.True(records[0].IsValid);
        Assert.Equal(
            [
                ["row csv.row-malformed"],
                ["authority value.required"],
                ["authority value.empty"],
                ["date date.invalid"],
                ["date value.required"],
                ["grade value.unknown"],
                ["grade value.required"],
                ["grade value.unknown"],
                ["row csv.row-malformed"],
                ["row csv.row-malformed"],
                ["row csv.quote-unclosed"],
            ],
            records.Skip(1).Select(Codes));
        Assert.All(records.SelectMany(r => r.Problems), p => Assert.DoesNotMatch("satisfactory|2019-02-30|5|extra", p.Message));
    }

    [Fact]
    public void Csv_CollectsEveryProblemOfARow()
    {
        RecordResult<OfstedJudgement> record = Assert.Single(Csv(Header + " ,2019-13-01,adequate\n"));
        Assert.Equal(["authority value.empty", "date date.invalid", "grade value.unknown"], Codes(record));
    }

    [Fact]
    public void Csv_TextThatIsNotUtf8_IsReportedAtItsColumn_AndReadingGoesOn()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + "A"), 0xFF, .. Encoding.UTF8.GetBytes(",2019-04-01,good\nB,2020-01-01,good\n")];
        List<RecordResult<OfstedJudgement>> records = OfstedJudgementDocument.ReadCsv(new MemoryStream(bytes)).ToList();

        Assert.Equal(["authority text.invalid"], Codes(records[0]));
        Assert.Equal("B", records[1].Value!.AuthorityCode);
    }

    [Theory]
    [InlineData("authority,date\n")]
    [InlineData("authority,date,grade,inspector\n")]
    [InlineData("authority,date,date,grade\n")]
    [InlineData("authority,published,grade\n")]
    public void Csv_HeaderProblemsAreRecordZero_AndEveryRowIsReported(string header)
    {
        List<RecordResult<OfstedJudgement>> records = Csv(header + "A,2019-04-01,good\nB,2019-04-01,good\n");

        Assert.Equal([0, 1, 2], records.Select(r => r.RecordNumber));
        Assert.All(records.SelectMany(r => r.Problems), p => Assert.Equal(AppointmentProblemCodes.CsvHeaderInvalid, p.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF \r\n")]
    [InlineData("authority,date,grade")]
    [InlineData("authority,date,grade\r\n\r\n")]
    public void Csv_EmptyInputOrAHeaderAlone_IsZeroRecords(string text) => Assert.Empty(Csv(text));

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData(" \n")]
    public void Json_EmptyInput_IsZeroRecords(string text) => Assert.Empty(Json(text));

    [Fact]
    public void Csv_FromText_ReadsAsFromBytes()
    {
        const string Text = "\uFEFFdate,grade,authority\n2019-04-01,good,A\n2019-04-01,bad,B\n";
        Assert.Equal(Csv(Text), OfstedJudgementDocument.ReadCsv(new StringReader(Text)).ToList());
    }

    [Fact]
    public void Csv_Utf16WithAByteOrderMark_IsDecoded()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "A,2019-04-01,good\n")];
        Assert.Equal(Judgement("A", 2019, 4, 1, OfstedGrade.Good), Assert.Single(OfstedJudgementDocument.ReadCsv(new MemoryStream(bytes))).Value);
    }

    [Fact]
    public void Stop_EndsTheReadingAtTheFirstBadRecord()
    {
        const string Text = Header + "A,2019-04-01,good\nA,bad,good\nB,2019-04-01,good\n";
        Assert.Equal(3, Csv(Text).Count);
        List<RecordResult<OfstedJudgement>> stopped = Csv(Text, ProblemHandling.Stop);
        Assert.Equal(2, stopped.Count);
        Assert.False(stopped[1].IsValid);

        const string Lines = """
            {"authorityCode":"A","date":"2019-04-01","grade":"good"}
            {"authorityCode":"A","date":"bad","grade":"good"}
            {"authorityCode":"B","date":"2019-04-01","grade":"good"}
            """;
        Assert.Equal(2, OfstedJudgementDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(Lines)), handling: ProblemHandling.Stop).Count());
    }

    [Fact]
    public void Json_ArrayAndLines_GiveTheSameJudgements()
    {
        const string One = """{"authorityCode":"A","date":"2019-04-01","grade":"good"}""";
        const string Two = """{"grade":"2","date":"2020-03-31","authorityCode":"B"}""";
        List<RecordResult<OfstedJudgement>> array = Json($"[{One},\n{Two}]");
        List<RecordResult<OfstedJudgement>> lines = Json($"{One}\n\n{Two}\n");

        Assert.Equal(array.Select(r => r.Value), lines.Select(r => r.Value));
        Assert.Equal([1, 2], array.Select(r => r.RecordNumber));
        Assert.Equal([1, 3], lines.Select(r => r.RecordNumber));
        Assert.Equal(Judgement("B", 2020, 3, 31, OfstedGrade.Good), array[1].Value);
    }

    [Fact]
    public void Json_ReportsEachBadRecord_WithItsPathAndCode()
    {
        List<RecordResult<OfstedJudgement>> records = Json(
            """
            {"authorityCode":"A","date":"2019-04-01","grade":"Outstanding"}
            {"authorityCode":"A","grade":"good"}
            {"authorityCode":"A","date":"2019-04-31","grade":"good"}
            {"authorityCode":"A","date":"2019-04-01","grade":"satisfactory"}
            {"authorityCode":"A","date":"2019-04-01","grade":2}
            {"authorityCode":"A","date":"2019-04-01","grade":"good","inspector":"x"}
            {"authorityCode":" ","date":"2019-04-01","grade":" "}
            {"authorityCode":null,"date":"2019-04-01"}
            {"authorityCode":"A",
            [1]
            """,
            BatchFormat.JsonLines);

        Assert.Equal(Enumerable.Range(1, 10), records.Select(r => r.RecordNumber));
        Assert.Equal(OfstedGrade.Outstanding, records[0].Value!.Grade);
        Assert.Equal(
            [
                ["$.date value.required"],
                ["$.date date.invalid"],
                ["$.grade value.unknown"],
                ["$.grade value.type-mismatch"],
                ["$.inspector property.unknown"],
                ["$.authorityCode value.empty", "$.grade value.empty"],
                ["$.authorityCode value.required", "$.grade value.required"],
                ["$ json.invalid"],
                ["$ value.type-mismatch"],
            ],
            records.Skip(1).Select(Codes));
        Assert.All(records.SelectMany(r => r.Problems), p => Assert.DoesNotMatch("satisfactory|2019-04-31|inspector", p.Message));
    }

    [Fact]
    public void Json_ThatIsNotAnArrayOfObjects_IsReportedAsJudgements()
    {
        RecordResult<OfstedJudgement> record = Assert.Single(Json("""{"authorityCode":"A"}""", BatchFormat.JsonArray));
        Assert.Equal(DocumentProblemCodes.TypeMismatch, Assert.Single(record.Problems).Code);
        Assert.Contains("judgements", record.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ALargerRecordThanTheLimit_IsReported()
    {
        string text = $$"""{"authorityCode":"{{new string('a', 200)}}","date":"2019-04-01","grade":"good"}""" + "\n";
        RecordResult<OfstedJudgement> record = Assert.Single(OfstedJudgementDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxBytes: 100));
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(record.Problems).Code);
    }

    [Fact]
    public void WriteCsv_WritesTheHeaderCodesAndQuotes()
    {
        StringWriter csv = new();
        OfstedJudgementDocument.WriteCsv(csv, [Judgement("A", 2019, 4, 1, OfstedGrade.Good), Judgement("B,\"1\"", 2020, 1, 31, OfstedGrade.RequiresImprovement)]);

        Assert.Equal("authority,date,grade\nA,2019-04-01,good\n\"B,\"\"1\"\"\",2020-01-31,requires-improvement\n", csv.ToString());
        StringWriter empty = new();
        OfstedJudgementDocument.WriteCsv(empty, []);
        Assert.Equal(Header, empty.ToString());
    }

    [Fact]
    public void Write_WritesJsonLinesOrAnIndentedArray()
    {
        OfstedJudgement[] judgements = [Judgement("A", 2019, 4, 1, OfstedGrade.Outstanding), Judgement("B", 2020, 1, 31, OfstedGrade.Inadequate)];

        Assert.Equal(
            "{\"authorityCode\":\"A\",\"date\":\"2019-04-01\",\"grade\":\"outstanding\"}\n{\"authorityCode\":\"B\",\"date\":\"2020-01-31\",\"grade\":\"inadequate\"}\n",
            DocumentText.Of(s => OfstedJudgementDocument.Write(s, judgements)));
        Assert.Equal(
            "[\n  {\n    \"authorityCode\": \"A\",\n    \"date\": \"2019-04-01\",\n    \"grade\": \"outstanding\"\n  },\n  {\n    \"authorityCode\": \"B\",\n    \"date\": \"2020-01-31\",\n    \"grade\": \"inadequate\"\n  }\n]",
            DocumentText.Of(s => OfstedJudgementDocument.Write(s, judgements, BatchFormat.JsonArray, indented: true)));
        Assert.Equal("[]", DocumentText.Of(s => OfstedJudgementDocument.Write(s, [], BatchFormat.JsonArray)));
    }

    [Fact]
    public async Task ReadAsync_ReadsWhatReadReads_FromAStreamAndAPipe()
    {
        byte[] csv = Encoding.UTF8.GetBytes(Header + "A,2019-04-01,good\nB,bad,good\n");
        byte[] json = Encoding.UTF8.GetBytes("[{\"authorityCode\":\"A\",\"date\":\"2019-04-01\",\"grade\":\"good\"},{\"authorityCode\":\"B\"}]");

        Assert.Equal(Csv(Encoding.UTF8.GetString(csv)), await OfstedJudgementDocument.ReadCsvAsync(ChunkedStream.UpTo(csv, 3)).ToListAsync());
        Assert.Equal(Csv(Encoding.UTF8.GetString(csv)), await OfstedJudgementDocument.ReadCsvAsync(PipeReader.Create(ChunkedStream.UpTo(csv, 3))).ToListAsync());
        Assert.Equal(Json(Encoding.UTF8.GetString(json)), await OfstedJudgementDocument.ReadAsync(ChunkedStream.UpTo(json, 3)).ToListAsync());
        Assert.Equal(Json(Encoding.UTF8.GetString(json)), await OfstedJudgementDocument.ReadAsync(PipeReader.Create(ChunkedStream.UpTo(json, 3))).ToListAsync());
    }

    [Fact]
    public async Task ReadCsvAsync_Cancelled_Throws()
    {
        using CancellationTokenSource cancel = new();
        await cancel.CancelAsync();
        byte[] csv = Encoding.UTF8.GetBytes(Header + "A,2019-04-01,good\n");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await OfstedJudgementDocument.ReadCsvAsync(new MemoryStream(csv), cancellationToken: cancel.Token).ToListAsync());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await OfstedJudgementDocument.ReadAsync(new MemoryStream(csv), cancellationToken: cancel.Token).ToListAsync());
    }

    [Fact]
    public void Readers_AndWriters_RefuseNullArguments()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadCsv((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadCsv((TextReader)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadCsvAsync((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadCsvAsync((PipeReader)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Read(null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadAsync((Stream)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.ReadAsync((PipeReader)null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => OfstedJudgementDocument.Read(new MemoryStream(), maxBytes: 0)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => OfstedJudgementDocument.ReadAsync(new MemoryStream(), maxBytes: -1)).ParamName);
        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.WriteCsv(new StringWriter(), [null!])).ParamName);
        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Write(new MemoryStream(), [null!])).ParamName);
        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => OfstedJudgementDocument.Write(new MemoryStream(), [], (BatchFormat)9)).ParamName);
    }

    [Fact]
    public void Judgement_GuardsItsArguments_AndComparesByValue()
    {
        Assert.Throws<ArgumentNullException>(() => new OfstedJudgement(null!, new LocalDate(2020, 1, 1), OfstedGrade.Good));
        Assert.Throws<ArgumentException>(() => new OfstedJudgement(string.Empty, new LocalDate(2020, 1, 1), OfstedGrade.Good));
        Assert.Throws<ArgumentException>(() => new OfstedJudgement("A", new LocalDate(2020, 1, 1, CalendarSystem.Julian), OfstedGrade.Good));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfstedJudgement("A", new LocalDate(2020, 1, 1), (OfstedGrade)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfstedJudgement("A", new LocalDate(2020, 1, 1), (OfstedGrade)5));
        Assert.Equal(Judgement("A", 2020, 1, 1, OfstedGrade.Good), Judgement("A", 2020, 1, 1, OfstedGrade.Good));
        Assert.NotEqual(Judgement("A", 2020, 1, 1, OfstedGrade.Good), Judgement("A", 2020, 1, 1, OfstedGrade.Inadequate));
    }

    [Fact]
    public void Grades_HaveTheirCodesAndOfstedsNumbers()
    {
        Assert.Equal(["outstanding", "good", "requires-improvement", "inadequate"], Enum.GetValues<OfstedGrade>().Select(OfstedGrades.Code));
        Assert.Equal(OfstedGrades.Codes.ToArray(), Enum.GetValues<OfstedGrade>().Select(OfstedGrades.Code));
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<OfstedGrade>().Select(g => (int)g));
        Assert.Throws<ArgumentOutOfRangeException>(() => OfstedGrades.Code((OfstedGrade)0));
    }

    [Theory]
    [InlineData("good", OfstedGrade.Good)]
    [InlineData("GOOD", OfstedGrade.Good)]
    [InlineData(" Requires-Improvement\t", OfstedGrade.RequiresImprovement)]
    [InlineData("inadequate", OfstedGrade.Inadequate)]
    [InlineData("Outstanding", OfstedGrade.Outstanding)]
    [InlineData("1", OfstedGrade.Outstanding)]
    [InlineData(" 3 ", OfstedGrade.RequiresImprovement)]
    [InlineData("4", OfstedGrade.Inadequate)]
    [InlineData("requires improvement", null)]
    [InlineData("Requires improvement to be good", null)]
    [InlineData("adequate", null)]
    [InlineData("0", null)]
    [InlineData("5", null)]
    [InlineData("01", null)]
    [InlineData("2.0", null)]
    [InlineData("", null)]
    public void Grades_ParseCodesInAnyCaseAndNumericGrades(string text, OfstedGrade? expected)
    {
        Assert.Equal(expected is not null, OfstedGrades.TryParse(text, out OfstedGrade grade));
        Assert.Equal(expected ?? default, grade);
    }
}
