using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// Every CSV row is counted, appointments and registers alike (issue 11): a bad header, empty input, text that is
/// not UTF-8, unclosed quotes and mixed line ends never lose a row without a word.
/// </summary>
public sealed class CsvCountingTests
{
    private const string AppointmentHeader = "authority,holder,start,end,kind,shared";
    private const string RegisterHeader = "code,name,region,effectiveFrom,effectiveTo";

    private static List<RecordResult<Appointment>> Appointments(byte[] bytes) => AppointmentDocument.ReadCsv(new MemoryStream(bytes)).ToList();

    private static List<RecordResult<Appointment>> Appointments(string text) => Appointments(Encoding.UTF8.GetBytes(text));

    private static AuthorityRegisterReadResult Register(byte[] bytes) => AuthorityRegisterDocument.ReadCsv(new MemoryStream(bytes));

    private static AuthorityRegisterReadResult Register(string text) => Register(Encoding.UTF8.GetBytes(text));

    private static string Problems(IEnumerable<(int Number, IEnumerable<DocumentProblem> Problems)> records) =>
        string.Join(" | ", records.SelectMany(r => r.Problems.Select(p => $"{r.Number} {p.Path} {p.Code}")));

    [Fact]
    public void BadHeader_AppointmentRows_AreEachCountedAndReported()
    {
        List<RecordResult<Appointment>> records = Appointments("foo,bar\nE1,H1\nE2,H2\n");

        Assert.Equal([0, 1, 2], records.Select(r => r.RecordNumber));
        Assert.All(records, r => Assert.All(r.Problems, p => Assert.Equal(AppointmentProblemCodes.CsvHeaderInvalid, p.Code)));
        Assert.Equal("row", Assert.Single(records[1].Problems).Path);
        Assert.Equal("The row cannot be read: the header row is not valid (see the problems of record 0).", records[2].Problems[0].Message);

        AppointmentValidationResult result = AppointmentValidation.Validate(records, new LocalDate(2025, 3, 31));
        Assert.Equal(new AppointmentSummary(2, 0, 2, 0), result.Summary);
        Assert.Equal("2 records: 0 used, 2 reported, 0 skipped", result.Summary.ToString());
        Assert.Equal([0, 1, 2], result.Reported.Select(r => r.RecordNumber));
    }

    [Fact]
    public void BadHeader_RegisterRows_AreCountedAsAppointmentRowsAre()
    {
        AuthorityRegisterReadResult result = Register("foo,bar\nE1,H1\nE2,H2\n");

        Assert.Equal(2, result.Records);
        Assert.Equal([0, 1, 2], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal(
            "0 row csv.header-invalid | 0 row csv.header-invalid | 0 code csv.header-invalid | 0 name csv.header-invalid | 0 region csv.header-invalid | 0 effectiveFrom csv.header-invalid | 1 row csv.header-invalid | 2 row csv.header-invalid",
            Problems(result.Reported.Select(r => (r.RecordNumber, r.Problems.AsEnumerable()))));
    }

    /// <summary>Empty input is zero records, as a header with no rows or <c>[]</c>; a register then needs an authority.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\r\n\t \r")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \n")]
    public void EmptyInput_IsZeroRecords_AsAHeaderWithoutRows(string text)
    {
        foreach (string header in new[] { text, AppointmentHeader + "\n" })
        {
            Assert.Empty(Appointments(header));
            Assert.Equal(new AppointmentSummary(0, 0, 0, 0), AppointmentValidation.Validate(Appointments(header), new LocalDate(2025, 3, 31)).Summary);
        }

        Assert.Empty(AppointmentDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        foreach (AuthorityRegisterReadResult register in new[] { Register(text), Register(RegisterHeader + "\n"), AuthorityRegisterDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))) })
        {
            Assert.Equal(0, register.Records);
            RecordResult<Authority> whole = Assert.Single(register.Reported);
            Assert.Equal((0, DocumentProblemCodes.CollectionEmpty), (whole.RecordNumber, Assert.Single(whole.Problems).Code));
        }
    }

    [Fact]
    public void InvalidUtf8_ReportsTheRowAtItsColumnAndGoesOn()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(AppointmentHeader + "\nA,secret"), 0xFF, 0xC3, .. Encoding.UTF8.GetBytes(",2019-04-01,,permanent,\nA,h2,2019-04-01,,permanent,\n")];

        List<RecordResult<Appointment>> records = Appointments(bytes);

        Assert.Equal(2, records.Count);
        DocumentProblem problem = Assert.Single(records[0].Problems);
        Assert.Equal(("holder", DocumentProblemCodes.TextInvalid), (problem.Path, problem.Code));
        Assert.DoesNotContain("secret", problem.Message, System.StringComparison.Ordinal);
        Assert.True(records[1].IsValid);
    }

    [Fact]
    public void InvalidUtf8_InARegister_IsReportedTheSameWay()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(RegisterHeader + "\nA,North"), 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(",R,2000-01-01,\nB,South,R,2000-01-01,\n")];

        AuthorityRegisterReadResult result = Register(bytes);

        Assert.Equal(2, result.Records);
        Assert.Equal("1 name text.invalid", Problems(result.Reported.Select(r => (r.RecordNumber, r.Problems.AsEnumerable()))));
        Assert.Equal("B", Assert.Single(result.Register.Authorities).Code);
    }

    [Theory]
    [InlineData("A,h\uD800x,2019-04-01,,permanent,", "holder")]
    [InlineData("A,h\uDC00,2019-04-01,,permanent,", "holder")]
    [InlineData("A\uFFFD,h1,2019-04-01,,permanent,", "authority")]
    [InlineData("A,h1,2019-04-01,,perm\uFFFDanent,", "kind")]
    public void DamagedText_FromATextReader_IsTextInvalid(string row, string column)
    {
        List<RecordResult<Appointment>> records = AppointmentDocument.ReadCsv(new StringReader(AppointmentHeader + "\n" + row + "\nA,h\uD83D\uDE00,2019-04-01,,permanent,\n")).ToList();

        Assert.Equal($"1 {column} text.invalid", Problems(records.Take(1).Select(r => (r.RecordNumber, r.Problems.AsEnumerable()))));
        Assert.True(records[1].IsValid, "a whole surrogate pair is valid text");
    }

    [Fact]
    public void UnclosedQuote_SaysHowManyLinesTheRowTakesIn()
    {
        List<RecordResult<Appointment>> records = Appointments(AppointmentHeader + "\nA,\"h1,2019-04-01,,permanent,\nA,h2,2019-04-01,,permanent,\r\nA,h3,2019-04-01,,permanent,\rA,h4,2019-04-01,,permanent,\n");

        RecordResult<Appointment> record = Assert.Single(records);
        DocumentProblem problem = Assert.Single(record.Problems);
        Assert.Equal(AppointmentProblemCodes.CsvQuoteUnclosed, problem.Code);
        Assert.Equal("A quoted field is not closed, so this row runs to the end of the file: the 4 lines from its start are read as this one row.", problem.Message);
    }

    [Fact]
    public void UnclosedQuote_UnderABadHeader_IsStillSaid()
    {
        AuthorityRegisterReadResult result = Register("code,colour\nA,\"x\nB,y\n");

        Assert.Equal(1, result.Records);
        Assert.Equal(["csv.quote-unclosed", "csv.header-invalid"], result.Reported[^1].Problems.Select(p => p.Code));
    }

    [Fact]
    public void MixedLineEnds_EachEndARow()
    {
        List<RecordResult<Appointment>> records = Appointments(AppointmentHeader + "\rA,h1,2019-04-01,,permanent,\nA,h2,2019-04-01,,interim,\r\n\r\nA,h3,2019-04-01,,acting,\rA,h4,2019-04-01,,acting,");

        Assert.Equal([1, 2, 3, 4], records.Select(r => r.RecordNumber));
        Assert.All(records, r => Assert.True(r.IsValid));
    }

    /// <summary>
    /// Rows of plain fields (no quotes) under a good or bad header, with any line ends: every row is a record, used or
    /// reported, in both readers.
    /// </summary>
    [Property]
    public Property EveryRowIsOneRecord_UnderAnyHeader_WithAnyLineEnds()
    {
        Gen<string> field = Gen.Elements("A", "h1", "2019-04-01", "", " ", "permanent", "x", "2019-02-30", "true", "\uFFFD");
        Gen<(string Text, int Rows, bool GoodHeader)> files =
            from goodHeader in Gen.Elements(true, false)
            from rows in Gen.Choose(0, 12)
            from cells in field.ArrayOf(6).ArrayOf(rows)
            from ends in Gen.Elements("\n", "\r\n", "\r").ArrayOf(rows + 1)
            from widths in Gen.Choose(1, 7).ArrayOf(rows)
            let header = goodHeader ? AppointmentHeader : "authority,holder,colour"
            let lines = cells.Select((row, i) => string.Join(',', row.Take(widths[i])) + (string.Join(',', row.Take(widths[i])).Length == 0 ? "x" : string.Empty))
            select (header + ends[0] + string.Concat(lines.Select((line, i) => line + ends[i + 1])), rows, goodHeader);

        return Prop.ForAll(files.ToArbitrary(), file =>
        {
            List<RecordResult<Appointment>> records = Appointments(file.Text);
            Assert.Equal(Enumerable.Range(1, file.Rows), records.Where(r => r.RecordNumber > 0).Select(r => r.RecordNumber));
            Assert.Equal(file.GoodHeader, records.All(r => r.RecordNumber > 0));
            AppointmentSummary summary = AppointmentValidation.Validate(records, new LocalDate(2025, 3, 31)).Summary;
            Assert.Equal(file.Rows, summary.Records);
            Assert.Equal(summary.Records, summary.Used + summary.Reported);

            AuthorityRegisterReadResult register = Register(file.Text.Replace(AppointmentHeader, RegisterHeader, System.StringComparison.Ordinal));
            Assert.Equal(file.Rows, register.Records);
            Assert.Equal(register.Records, register.Register.Authorities.Length + register.Reported.Count(r => r.RecordNumber > 0));
        });
    }

    [Fact]
    public void StopAtABadHeader_EndsTheReadingThere()
    {
        RecordResult<Appointment> record = Assert.Single(AppointmentDocument.ReadCsv(new MemoryStream("foo\nA\n"u8.ToArray()), ProblemHandling.Stop));
        Assert.Equal(0, record.RecordNumber);
    }
}
