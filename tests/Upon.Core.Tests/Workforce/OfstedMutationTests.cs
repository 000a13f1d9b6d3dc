using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The Ofsted part's edges that mutation testing found untested: the argument checks and their messages, the wording of
/// each problem, the days on the register's and the as-of date's boundaries, and a pipe left uncompleted.
/// </summary>
public sealed class OfstedMutationTests
{
    private const string Header = "authority,date,grade\n";

    /// <summary>Authority E is in the register from 2019-04-01 to 2022-03-31; A, B, C and D from 2000 on.</summary>
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    private static readonly LocalDate AsOf = new(2022, 6, 30);

    private static RecordResult<OfstedJudgement> Record(int number, string code, LocalDate date) =>
        RecordResult.Success(number, new OfstedJudgement(code, date, OfstedGrade.Good));

    private static List<RecordResult<OfstedJudgement>> Csv(string text) =>
        OfstedJudgementDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

    private static void AssertProblem(DocumentProblem problem, string path, string code, params string[] words)
    {
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
        Assert.All(words, word => Assert.Contains(word, problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void GradeCode_OfAnUndefinedGrade_SaysItIsNotAnOfstedGrade()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => OfstedGrades.Code((OfstedGrade)5));

        Assert.Equal("grade", thrown.ParamName);
        Assert.Contains("Ofsted grade", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judgement_WithAnUndefinedGrade_NamesTheFourGrades()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new OfstedJudgement("A", new LocalDate(2020, 1, 1), (OfstedGrade)0));

        Assert.Equal("grade", thrown.ParamName);
        Assert.Contains("Outstanding, Good, RequiresImprovement or Inadequate", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judgements_TwoOfOneAuthorityOnOneDate_SayAnAuthorityHasAtMostOneADate()
    {
        OfstedJudgement one = new("A", new LocalDate(2015, 3, 1), OfstedGrade.Inadequate);

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => new OfstedJudgements([one, new OfstedJudgement("A", one.Date, OfstedGrade.Good)]));

        Assert.Equal("judgements", thrown.ParamName);
        Assert.Contains("at most one judgement a date", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judgements_RefuseANullCollection_AndANullAuthorityCodeInEveryLookup()
    {
        OfstedJudgements judgements = new([new OfstedJudgement("A", new LocalDate(2015, 3, 1), OfstedGrade.Good)]);

        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => new OfstedJudgements(null!)).ParamName);
        Assert.Equal("authorityCode", Assert.Throws<ArgumentNullException>(() => judgements.For(null!)).ParamName);
        Assert.Equal("authorityCode", Assert.Throws<ArgumentNullException>(() => judgements.LatestOn(null!, new LocalDate(2020, 1, 1))).ParamName);
        Assert.Equal("authorityCode", Assert.Throws<ArgumentNullException>(() => judgements.Between(null!, new DateInterval(new LocalDate(2015, 1, 1), new LocalDate(2020, 1, 1)))).ParamName);
    }

    [Fact]
    public void WriteCsv_RefusesANullWriter_AndNullJudgements_BeforeWritingAnything()
    {
        StringWriter csv = new();

        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.WriteCsv(null!, [])).ParamName);
        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.WriteCsv(csv, null!)).ParamName);
        Assert.Empty(csv.ToString());
    }

    [Fact]
    public void Write_RefusesNullJudgements_BeforeWritingAnything()
    {
        using MemoryStream json = new();

        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Write(json, null!, BatchFormat.JsonArray)).ParamName);
        Assert.Equal(0, json.Length);
    }

    [Fact]
    public void Write_ChecksTheStreamFirst_BeforeTheJudgementsAndTheFormat()
    {
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Write(null!, [])).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Write(null!, null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => OfstedJudgementDocument.Write(null!, [], (BatchFormat)9)).ParamName);
    }

    [Fact]
    public void Json_ARecordThatIsNotAnObject_SaysAJudgementObjectWasExpected()
    {
        List<RecordResult<OfstedJudgement>> records = OfstedJudgementDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes("[1]\n")), BatchFormat.JsonLines).ToList();

        AssertProblem(Assert.Single(Assert.Single(records).Problems), "$", DocumentProblemCodes.TypeMismatch, "a judgement object", "an array");
    }

    [Fact]
    public void Csv_ABlankGrade_SaysTheGradeIsRequired()
    {
        RecordResult<OfstedJudgement> record = Assert.Single(Csv(Header + "A,2019-04-01, \n"));

        AssertProblem(Assert.Single(record.Problems), "grade", DocumentProblemCodes.Required, "\"grade\"", "required");
    }

    [Fact]
    public void Csv_AGradeThatIsNoGrade_ListsTheCodesAndNumbersThatAre_WithoutRepeatingIt()
    {
        RecordResult<OfstedJudgement> record = Assert.Single(Csv(Header + "A,2019-04-01,satisfactory\n"));

        DocumentProblem problem = Assert.Single(record.Problems);
        AssertProblem(problem, "grade", DocumentProblemCodes.UnknownValue, "outstanding", "good", "requires-improvement", "inadequate", "1 to 4");
        Assert.DoesNotContain("satisfactory", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoJudgementsOfOneAuthorityOnOneDate_AreBothReportedAsDuplicates()
    {
        LocalDate day = new(2019, 3, 1);

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate([Record(1, "C", day), Record(2, "C", day)], Register, AsOf);

        Assert.Equal([1, 2], result.Reported.Select(r => r.RecordNumber));
        Assert.All(result.Reported, r => AssertProblem(Assert.Single(r.Problems), "$.date", OfstedProblemCodes.Duplicate, "same authority", "same date"));
        Assert.Empty(result.Judgements);
    }

    [Theory]
    [InlineData("Z", "$.authorityCode", OfstedProblemCodes.AuthorityUnknown, "authority code", "not in the register")]
    [InlineData("E", "$.date", OfstedProblemCodes.OutsideRegister, "outside", "period in the register")]
    public void Validate_ARecordWithARegisterProblemAndADateAfterTheAsOfDate_IsReportedForBoth(string authority, string path, string code, string word, string otherWord)
    {
        // An unknown authority, or a date outside the authority's period in the register; and after the as-of date.
        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate([Record(1, authority, AsOf.PlusDays(1))], Register, AsOf);

        RecordResult<OfstedJudgement> record = Assert.Single(result.Reported);
        Assert.Equal(2, record.Problems.Length);
        AssertProblem(record.Problems[0], path, code, word, otherWord);
        AssertProblem(record.Problems[1], "$.date", OfstedProblemCodes.AfterAsOf, "after the as-of date");
    }

    [Fact]
    public void Validate_JudgementOnTheRegistersFirstDay_IsNotOutsideTheRegister()
    {
        LocalDate first = Register.Find("E")!.EffectiveFrom;

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate([Record(1, "E", first), Record(2, "E", first.PlusDays(-1))], Register, AsOf);

        Assert.Equal(first, Assert.Single(result.Judgements).Date);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
    }

    [Fact]
    public void Validate_JudgementOnTheRegistersLastDay_IsNotOutsideTheRegister()
    {
        LocalDate last = Register.Find("E")!.EffectiveTo!.Value;

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate([Record(1, "E", last), Record(2, "E", last.PlusDays(1))], Register, AsOf);

        Assert.Equal(last, Assert.Single(result.Judgements).Date);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
    }

    [Fact]
    public void Validate_JudgementOnTheAsOfDate_IsNotAfterIt()
    {
        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate([Record(1, "A", AsOf), Record(2, "B", AsOf.PlusDays(1))], AsOf);

        Assert.Equal(AsOf, Assert.Single(result.Judgements).Date);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
    }

    [Fact]
    public async Task ReadCsvAsync_FromAPipe_ConsumesItsBytes_ButLeavesItUncompleted()
    {
        Pipe pipe = new();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Header + "A,2019-04-01,good\n"));
        await pipe.Writer.CompleteAsync();

        List<RecordResult<OfstedJudgement>> records = await OfstedJudgementDocument.ReadCsvAsync(pipe.Reader).ToListAsync();

        Assert.Equal("A", Assert.Single(records).Value!.AuthorityCode);
        ReadResult rest = await pipe.Reader.ReadAsync(); // throws once the reader is completed
        Assert.True(rest.IsCompleted);
        Assert.True(rest.Buffer.IsEmpty);
        pipe.Reader.AdvanceTo(rest.Buffer.End);
        await pipe.Reader.CompleteAsync();
    }
}
