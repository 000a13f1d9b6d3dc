using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Exit reasons in appointment documents: the CSV column <c>reason</c> and the JSON property <c>exitReason</c>, read, checked and written.</summary>
public sealed class ExitReasonDocumentTests
{
    private const string Header = "authority,holder,start,end,kind,shared,reason\n";

    private static List<RecordResult<Appointment>> Csv(string text) =>
        AppointmentDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

    private static List<RecordResult<Appointment>> Json(string text) =>
        AppointmentDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

    private static AppointmentRecords Table(string text) =>
        AppointmentDocument.ReadCsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void CsvReadsTheReasonColumn_WellKnownUserOwnAndNone()
    {
        List<RecordResult<Appointment>> records = Csv(Header +
            "A,h1,2019-04-01,2020-03-31,permanent,,retired\n" +
            "B,h2,2019-04-01,2020-03-31,interim,, x-secondment \n" +
            "C,h3,2019-04-01,2020-03-31,permanent,,\n" +
            "D,h4,2019-04-01,,permanent,,\n");

        Assert.All(records, r => Assert.True(r.IsValid));
        Assert.Same(ExitReason.Retired, records[0].Value!.ExitReason);
        Assert.Equal(ExitReason.FromCode("x-secondment"), records[1].Value!.ExitReason);
        Assert.Null(records[2].Value!.ExitReason);
        Assert.Null(records[3].Value!.ExitReason);
    }

    [Fact]
    public void CsvReadsTheReasonColumnInAnyPosition_AndWithoutItNoReasons()
    {
        RecordResult<Appointment> first = Assert.Single(Csv("reason,kind,holder,authority,start,end\nmoved,acting,h1,A,2019-04-01,2019-09-30\n"));
        RecordResult<Appointment> second = Assert.Single(Csv("authority,holder,start,end,kind\nA,h1,2019-04-01,2019-09-30,acting\n"));

        Assert.Equal(new Appointment("A", "h1", new LocalDate(2019, 4, 1), new LocalDate(2019, 9, 30), AppointmentKind.Acting) { ExitReason = ExitReason.MovedToAnotherDcsPost }, first.Value);
        Assert.Null(second.Value!.ExitReason);
    }

    [Fact]
    public void CsvReportsAnInvalidReason_WithoutEchoingIt()
    {
        List<RecordResult<Appointment>> records = Csv(Header +
            "A,h1,2019-04-01,2020-03-31,permanent,,Retired\n" +
            "A,h2,2019-04-01,2020-03-31,permanent,,left after Ofsted\n" +
            "A,h3,2019-04-01,2020-03-31,permanent,,moved-\n");

        Assert.All(records, r =>
        {
            DocumentProblem problem = Assert.Single(r.Problems);
            Assert.Equal("reason", problem.Path);
            Assert.Equal(AppointmentProblemCodes.ExitReasonInvalid, problem.Code);
            Assert.DoesNotContain("Ofsted", problem.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("Retired", problem.Message, System.StringComparison.Ordinal);
        });
    }

    [Fact]
    public void CsvReportsAReasonWithoutAnEnd_ButNotOverABadEnd()
    {
        List<RecordResult<Appointment>> records = Csv(Header +
            "A,h1,2019-04-01,,permanent,,retired\n" +
            "A,h2,2019-04-01,2019-02-30,permanent,,retired\n");

        DocumentProblem withoutEnd = Assert.Single(records[0].Problems);
        Assert.Equal(("reason", AppointmentProblemCodes.ExitReasonWithoutEnd), (withoutEnd.Path, withoutEnd.Code));
        DocumentProblem badEnd = Assert.Single(records[1].Problems);
        Assert.Equal("end", badEnd.Path);
    }

    [Fact]
    public void TheTableReaderKeepsTheSameReasonsAndReportsTheSameProblems()
    {
        string text = Header +
            "A,h1,2019-04-01,2020-03-31,permanent,,retired\n" +
            "A,h2,2020-04-01,2021-03-31,permanent,,\"x-secondment\"\n" +
            "A,h3,2021-04-01,,permanent,,moved\n" +
            "A,h4,2021-04-01,2022-01-01,permanent,,Moved\n" +
            "B,h5,2021-04-01,2022-01-01,acting,,spell-ended\n";

        AppointmentRecords table = Table(text);
        List<RecordResult<Appointment>> records = Csv(text);

        Assert.Equal(records.Where(r => r.IsValid).Select(r => r.Value), table.Appointments);
        Assert.Equal(
            records.Where(r => !r.IsValid).Select(r => (r.RecordNumber, string.Join(" ", r.Problems.Select(p => p.Path + " " + p.Code)))),
            table.Failures.Select(r => (r.RecordNumber, string.Join(" ", r.Problems.Select(p => p.Path + " " + p.Code)))));
        Assert.Equal([ExitReason.Retired, ExitReason.FromCode("x-secondment"), ExitReason.SpellEnded], table.Appointments.Select(a => a.ExitReason));
    }

    [Fact]
    public void JsonReadsExitReason_AndReportsItsProblemsAtItsPath()
    {
        List<RecordResult<Appointment>> records = Json(
            """{"authorityCode":"A","holderId":"h1","start":"2019-04-01","end":"2020-03-31","kind":"permanent","exitReason":"inadequate-judgement"}""" + "\n" +
            """{"authorityCode":"A","holderId":"h2","start":"2019-04-01","end":"2020-03-31","kind":"permanent","exitReason":null}""" + "\n" +
            """{"authorityCode":"A","holderId":"h3","start":"2019-04-01","end":"2020-03-31","kind":"permanent","exitReason":"Inadequate"}""" + "\n" +
            """{"authorityCode":"A","holderId":"h4","start":"2019-04-01","kind":"permanent","exitReason":"retired"}""" + "\n");

        Assert.Same(ExitReason.LeftAfterInadequateJudgement, records[0].Value!.ExitReason);
        Assert.True(records[1].IsValid);
        Assert.Null(records[1].Value!.ExitReason);
        Assert.Equal([("$.exitReason", AppointmentProblemCodes.ExitReasonInvalid)], records[2].Problems.Select(p => (p.Path, p.Code)));
        Assert.Equal([("$.exitReason", AppointmentProblemCodes.ExitReasonWithoutEnd)], records[3].Problems.Select(p => (p.Path, p.Code)));
    }

    [Fact]
    public void CsvIsWrittenWithTheReasonColumnOnlyWhenAnAppointmentHasAReason()
    {
        LocalDate start = new(2019, 4, 1);
        Appointment plain = new("A", "h1", start, start.PlusDays(30), AppointmentKind.Permanent);
        Appointment open = new("B", "h2", start, null, AppointmentKind.Interim);
        Appointment retired = new("C", "h3", start, start.PlusDays(30), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired };

        Assert.Equal(
            "authority,holder,start,end,kind,shared\nA,h1,2019-04-01,2019-05-01,permanent,\nB,h2,2019-04-01,,interim,\n",
            WriteCsv(plain, open));
        Assert.Equal(
            "authority,holder,start,end,kind,shared,reason\nA,h1,2019-04-01,2019-05-01,permanent,,\nC,h3,2019-04-01,2019-05-01,permanent,,retired\n",
            WriteCsv(plain, retired));
    }

    [Fact]
    public void JsonIsWrittenWithExitReasonOnlyWhenGiven()
    {
        LocalDate start = new(2019, 4, 1);
        using MemoryStream stream = new();
        AppointmentDocument.Write(stream, [new Appointment("A", "h1", start, start.PlusDays(30), AppointmentKind.Permanent) { ExitReason = ExitReason.Restructure }, new Appointment("B", "h2", start, start.PlusDays(30), AppointmentKind.Permanent)]);

        Assert.Equal(
            """{"authorityCode":"A","holderId":"h1","start":"2019-04-01","end":"2019-05-01","kind":"permanent","exitReason":"restructure"}""" + "\n" +
            """{"authorityCode":"B","holderId":"h2","start":"2019-04-01","end":"2019-05-01","kind":"permanent"}""" + "\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string WriteCsv(params Appointment[] appointments)
    {
        using StringWriter writer = new();
        AppointmentDocument.WriteCsv(writer, appointments);
        return writer.ToString();
    }
}
