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

public sealed class AppointmentDocumentReadTests
{
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    private static List<RecordResult<Appointment>> Csv(string text, ProblemHandling handling = ProblemHandling.Continue) =>
        AppointmentDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), handling).ToList();

    private static List<RecordResult<Appointment>> Json(string text, BatchFormat format = BatchFormat.Auto, ProblemHandling handling = ProblemHandling.Continue) =>
        AppointmentDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, handling: handling).ToList();

    private static string[] Codes(RecordResult<Appointment> record) => record.Problems.Select(p => p.Code).ToArray();

    [Fact]
    public void CsvReadsQuotedFieldsInAnyColumnOrder()
    {
        List<RecordResult<Appointment>> records = Csv("\uFEFFkind,holder,authority,start,end,shared\r\npermanent,\"h,1 \"\"x\"\"\nnext\",A,2019-04-01,,true\r\nInterim,h2,B,2020-01-01,2020-06-30,\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(new Appointment("A", "h,1 \"x\"\nnext", new LocalDate(2019, 4, 1), null, AppointmentKind.Permanent, true), records[0].Value);
        Assert.Equal(new Appointment("B", "h2", new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Interim), records[1].Value);
        Assert.Equal([1, 2], records.Select(r => r.RecordNumber));
    }

    [Fact]
    public void CsvWithoutEndAndSharedColumnsReadsOpenUnsharedAppointments()
    {
        RecordResult<Appointment> record = Assert.Single(Csv("authority,holder,start,kind\nA,h1,2019-04-01,acting\n"));
        Assert.Equal(new Appointment("A", "h1", new LocalDate(2019, 4, 1), null, AppointmentKind.Acting), record.Value);
    }

    [Fact]
    public void CsvReportsEachBadRowWithItsNumberAndCode()
    {
        List<RecordResult<Appointment>> records = Csv(
            "authority,holder,start,end,kind,shared\n" +
            "A,h1,2019-04-01,,permanent,\n" +
            "A,h2,2019-04-01,,permanent\n" +
            "A,,2019-04-01,,permanent,\n" +
            "A,h3,2019-02-30,,permanent,\n" +
            "A,h4,2019-04-01,,boss,\n" +
            "A,h5,2019-04-02,2019-04-01,permanent,\n" +
            "A,h\"6,2019-04-01,,permanent,\n" +
            "A,h7,2019-04-01,,permanent,maybe\n" +
            "\n" +
            "A,\"h8,2019-04-01,,permanent,\n");

        Assert.Equal(9, records.Count);
        Assert.True(records[0].IsValid);
        Assert.Equal([AppointmentProblemCodes.CsvRowMalformed], Codes(records[1]));
        Assert.Equal([DocumentProblemCodes.Required], Codes(records[2]));
        Assert.Equal("holder", records[2].Problems[0].Path);
        Assert.Equal([DocumentProblemCodes.DateInvalid], Codes(records[3]));
        Assert.Equal([DocumentProblemCodes.UnknownValue], Codes(records[4]));
        Assert.Equal([DocumentProblemCodes.EndBeforeStart], Codes(records[5]));
        Assert.Equal([AppointmentProblemCodes.CsvRowMalformed], Codes(records[6]));
        Assert.Equal([DocumentProblemCodes.UnknownValue], Codes(records[7]));
        Assert.Equal([AppointmentProblemCodes.CsvQuoteUnclosed], Codes(records[8]));
        Assert.Equal(Enumerable.Range(1, 9), records.Select(r => r.RecordNumber));
        Assert.All(records.SelectMany(r => r.Problems), p => Assert.DoesNotMatch("h[0-9]", p.Message));
    }

    [Fact]
    public void CsvCollectsEveryProblemOfARow()
    {
        RecordResult<Appointment> record = Assert.Single(Csv("authority,holder,start,end,kind,shared\n ,h1,2019-13-01,x,boss,\n"));
        Assert.Equal([DocumentProblemCodes.Empty, DocumentProblemCodes.DateInvalid, DocumentProblemCodes.DateInvalid, DocumentProblemCodes.UnknownValue], Codes(record));
    }

    [Theory]
    [InlineData("authority,holder,start,end\n")]
    [InlineData("authority,holder,start,end,kind,shared,notes\n")]
    [InlineData("authority,holder,start,start,kind\n")]
    public void CsvHeaderProblemsAreRecordZeroAndEveryRowIsReported(string text)
    {
        List<RecordResult<Appointment>> records = Csv(text + "A,h1,2019-04-01,,permanent,\n");
        Assert.Equal([0, 1], records.Select(r => r.RecordNumber));
        Assert.All(records.SelectMany(r => r.Problems), p => Assert.Equal(AppointmentProblemCodes.CsvHeaderInvalid, p.Code));
    }

    [Fact]
    public void StopEndsTheReadingAtTheFirstBadRecord()
    {
        string text = "authority,holder,start,end,kind,shared\nA,h1,2019-04-01,,permanent,\nA,h2,bad,,permanent,\nA,h3,2019-04-01,,permanent,\n";
        Assert.Equal(3, Csv(text).Count);
        List<RecordResult<Appointment>> stopped = Csv(text, ProblemHandling.Stop);
        Assert.Equal(2, stopped.Count);
        Assert.False(stopped[1].IsValid);
    }

    [Fact]
    public void JsonArrayAndLinesGiveTheSameAppointments()
    {
        const string One = """{"authorityCode":"A","holderId":"h1","start":"2019-04-01","kind":"permanent"}""";
        const string Two = """{"authorityCode":"B","holderId":"h2","start":"2019-04-01","end":"2020-03-31","kind":"interim","sharedPost":true}""";
        List<RecordResult<Appointment>> array = Json($"[{One},\n{Two}]");
        List<RecordResult<Appointment>> lines = Json($"{One}\n\n{Two}\n");

        Assert.Equal(array.Select(r => r.Value), lines.Select(r => r.Value));
        Assert.Equal([1, 2], array.Select(r => r.RecordNumber));
        Assert.Equal([1, 3], lines.Select(r => r.RecordNumber));
        Assert.Equal(new Appointment("B", "h2", new LocalDate(2019, 4, 1), new LocalDate(2020, 3, 31), AppointmentKind.Interim, true), array[1].Value);
    }

    [Fact]
    public void JsonReportsEachBadRecord()
    {
        List<RecordResult<Appointment>> records = Json(
            """
            {"authorityCode":"A","holderId":"h1","start":"2019-04-01","kind":"permanent"}
            {"authorityCode":"A","start":"2019-04-01","kind":"permanent"}
            {"authorityCode":"A","holderId":"h3","start":"2019-04-31","kind":"permanent"}
            {"authorityCode":"A","holderId":"h4","start":"2019-04-01","kind":"boss"}
            {"authorityCode":"A","holderId":"h5","start":"2019-04-02","end":"2019-04-01","kind":"permanent"}
            {"authorityCode":"A","holderId":"h6","start":"2019-04-01","kind":"permanent","post":"x"}
            {"authorityCode":"A","holderId":"h7",
            [1]
            """,
            BatchFormat.JsonLines);

        Assert.Equal(8, records.Count);
        Assert.True(records[0].IsValid);
        Assert.Equal([DocumentProblemCodes.Required], Codes(records[1]));
        Assert.Equal("$.holderId", records[1].Problems[0].Path);
        Assert.Equal([DocumentProblemCodes.DateInvalid], Codes(records[2]));
        Assert.Equal([DocumentProblemCodes.UnknownValue], Codes(records[3]));
        Assert.Equal([DocumentProblemCodes.EndBeforeStart], Codes(records[4]));
        Assert.Equal([DocumentProblemCodes.UnknownProperty], Codes(records[5]));
        Assert.Equal([DocumentProblemCodes.JsonInvalid], Codes(records[6]));
        Assert.Equal([DocumentProblemCodes.TypeMismatch], Codes(records[7]));
        Assert.Equal(Enumerable.Range(1, 8), records.Select(r => r.RecordNumber));
    }

    [Fact]
    public void ValidationReportsContextProblems()
    {
        RecordResult<Appointment>[] records =
        [
            new(1, new Appointment("A", "h1", new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31), AppointmentKind.Permanent), []),
            new(2, new Appointment("A", "h2", new LocalDate(2016, 6, 1), null, AppointmentKind.Permanent), []),
            new(3, new Appointment("A", "h3", new LocalDate(2016, 6, 1), null, AppointmentKind.Interim), []),
            new(4, new Appointment("Z", "h4", new LocalDate(2016, 6, 1), null, AppointmentKind.Permanent), []),
            new(5, new Appointment("E", "h5", new LocalDate(2019, 1, 1), new LocalDate(2020, 1, 1), AppointmentKind.Permanent), []),
            new(6, new Appointment("E", "h6", new LocalDate(2020, 1, 2), null, AppointmentKind.Permanent), []),
            new(7, new Appointment("B", "h7", new LocalDate(2023, 1, 1), null, AppointmentKind.Permanent), []),
            new(8, new Appointment("C", "h8", new LocalDate(2019, 1, 1), new LocalDate(2022, 12, 31), AppointmentKind.Permanent), []),
            new(9, null, [new DocumentProblem("start", DocumentProblemCodes.DateInvalid, "Bad.")]),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, new LocalDate(2022, 6, 30));

        Assert.Equal([1, 2, 4, 5, 6, 7, 8, 9], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal([AppointmentProblemCodes.PermanentOverlap], Codes(result.Reported[0]));
        Assert.Equal([AppointmentProblemCodes.PermanentOverlap], Codes(result.Reported[1]));
        Assert.Equal([AppointmentProblemCodes.AuthorityUnknown], Codes(result.Reported[2]));
        Assert.Equal([AppointmentProblemCodes.OutsideRegister], Codes(result.Reported[3]));
        Assert.Equal([AppointmentProblemCodes.OutsideRegister], Codes(result.Reported[4]));
        Assert.Equal([AppointmentProblemCodes.AfterAsOf], Codes(result.Reported[5]));
        Assert.Equal([AppointmentProblemCodes.AfterAsOf], Codes(result.Reported[6]));
        Assert.Equal([DocumentProblemCodes.DateInvalid], Codes(result.Reported[7]));
        Assert.Equal(new AppointmentSummary(9, 1, 8, 0), result.Summary);
        Assert.Equal(records[2].Value, Assert.Single(result.Appointments));
        Assert.False(result.Stopped);
        Assert.All(result.Reported.SelectMany(r => r.Problems), p => Assert.DoesNotMatch("h[0-9]", p.Message));
    }

    [Fact]
    public void ValidationStopReportsOnlyTheFirstProblemAndCountsTheRestAsSkipped()
    {
        RecordResult<Appointment>[] records =
        [
            new(1, new Appointment("A", "h1", new LocalDate(2015, 1, 1), null, AppointmentKind.Permanent), []),
            new(2, new Appointment("Z", "h2", new LocalDate(2015, 1, 1), null, AppointmentKind.Permanent), []),
            new(3, new Appointment("B", "h3", new LocalDate(2015, 1, 1), null, AppointmentKind.Permanent), []),
            new(4, new Appointment("Y", "h4", new LocalDate(2015, 1, 1), null, AppointmentKind.Permanent), []),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, new LocalDate(2020, 1, 1), ProblemHandling.Stop);

        Assert.True(result.Stopped);
        Assert.Equal(new AppointmentSummary(4, 1, 1, 2), result.Summary);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
        Assert.Equal("4 records: 1 used, 1 reported, 2 skipped", result.Summary.ToString());
    }

    [Fact]
    public void CsvFromTextSkipsAByteOrderMarkInTheHeader()
    {
        List<RecordResult<Appointment>> records = AppointmentDocument.ReadCsv(new StringReader("\uFEFFauthority,holder,start,kind\nA,h1,2019-04-01,acting")).ToList();
        Assert.True(Assert.Single(records).IsValid);
    }

    [Fact]
    public void JsonThatIsNotAnArrayOfObjectsIsReported()
    {
        RecordResult<Appointment> record = Assert.Single(Json("""{"authorityCode":"A"}""", BatchFormat.JsonArray));
        Assert.Equal([DocumentProblemCodes.TypeMismatch], Codes(record));
        Assert.Contains("appointments", record.Problems[0].Message, System.StringComparison.Ordinal);

        List<RecordResult<Appointment>> records = Json("""[{"authorityCode":"A","holderId":"h1","start":"2019-04-01","kind":"acting"}, 3, {"authorityCode":""", BatchFormat.JsonArray);
        Assert.Equal(3, records.Count);
        Assert.True(records[0].IsValid);
        Assert.Equal([DocumentProblemCodes.TypeMismatch], Codes(records[1]));
        Assert.Equal([DocumentProblemCodes.JsonInvalid], Codes(records[2]));
    }

    [Property]
    public Property ValidationCountsEveryRecordWhetherItGoesOnOrStops() =>
        Prop.ForAll(AppointmentDocumentGenerators.HistoriesShuffled(), input =>
        {
            RecordResult<Appointment>[] records = Records(input.Shuffled);
            AppointmentValidationResult goOn = AppointmentValidation.Validate(records, Register, input.AsOf);
            AppointmentValidationResult stop = AppointmentValidation.Validate(records, Register, input.AsOf, ProblemHandling.Stop);
            Assert.Equal(records.Length, goOn.Summary.Used + goOn.Summary.Reported);
            Assert.Equal(0, goOn.Summary.Skipped);
            Assert.Equal(records.Length, stop.Summary.Used + stop.Summary.Reported + stop.Summary.Skipped);
            Assert.Equal(goOn.Appointments.Length, goOn.Summary.Used);
            Assert.Equal(stop.Stopped, goOn.Summary.Reported > 0);
            Assert.Equal(stop.Stopped ? 1 : 0, stop.Summary.Reported);
            Assert.Equal(goOn.Reported.FirstOrDefault()?.RecordNumber, stop.Reported.FirstOrDefault()?.RecordNumber);
            Assert.Equal(goOn.Reported.Take(1).SelectMany(r => r.Problems), stop.Reported.SelectMany(r => r.Problems));
        });

    [Property]
    public Property CsvWriteThenReadRoundTrips() =>
        Prop.ForAll(AppointmentDocumentGenerators.AppointmentsWithLayout(), input =>
        {
            byte[] csv = AppointmentDocumentGenerators.Csv(input.Appointments.Select(AppointmentDocumentGenerators.Fields), input.Layout);
            List<RecordResult<Appointment>> records = AppointmentDocument.ReadCsv(new MemoryStream(csv)).ToList();
            Assert.Equal(input.Appointments, records.Select(r => r.Value));
            Assert.Equal(Enumerable.Range(1, input.Appointments.Length), records.Select(r => r.RecordNumber));
        });

    [Property]
    public Property JsonWriteThenReadRoundTripsAsArrayAndLines() =>
        Prop.ForAll(AppointmentDocumentGenerators.AppointmentsWithLayout(), input =>
        {
            string[] objects = input.Appointments.Select(JsonObject).ToArray();
            List<RecordResult<Appointment>> array = Json("[" + string.Join(",\n", objects) + "]");
            List<RecordResult<Appointment>> lines = Json(string.Join(input.Layout.NewLine, objects), BatchFormat.JsonLines);
            Assert.Equal(input.Appointments, array.Select(r => r.Value));
            Assert.Equal(input.Appointments, lines.Select(r => r.Value));
        });

    [Property]
    public Property RecordsInEqualUsedPlusReported() =>
        Prop.ForAll(AppointmentDocumentGenerators.RowsWithLayout(), input =>
        {
            byte[] csv = AppointmentDocumentGenerators.Csv(input.Rows.Select(r => r.Row), input.Layout);
            AppointmentSummary summary = AppointmentDocument.ReadCsv(new MemoryStream(csv)).Aggregate(default(AppointmentSummary), (s, r) => s.Add(r));
            Assert.Equal(input.Rows.Length, summary.Records);
            Assert.Equal(input.Rows.Count(r => r.Good), summary.Used);
            Assert.Equal(input.Rows.Count(r => !r.Good), summary.Reported);
            Assert.Equal(summary.Records, summary.Used + summary.Reported);
        });

    [Property]
    public Property RecordOrderDoesNotChangeTheProblems() =>
        Prop.ForAll(AppointmentDocumentGenerators.HistoriesShuffled(), input =>
        {
            AppointmentValidationResult inOrder = AppointmentValidation.Validate(Records(input.Appointments), Register, input.AsOf);
            AppointmentValidationResult shuffled = AppointmentValidation.Validate(Records(input.Shuffled), Register, input.AsOf);
            Assert.Equal(Problems(input.Appointments, inOrder), Problems(input.Shuffled, shuffled));
            Assert.Equal(input.Appointments.Length, inOrder.Summary.Used + inOrder.Summary.Reported);
            Assert.Equal(inOrder.Summary, shuffled.Summary);
        });

    private static string JsonObject(Appointment appointment)
    {
        using MemoryStream buffer = new();
        using (System.Text.Json.Utf8JsonWriter writer = new(buffer))
        {
            string[] fields = AppointmentDocumentGenerators.Fields(appointment);
            writer.WriteStartObject();
            writer.WriteString("authorityCode", fields[0]);
            writer.WriteString("holderId", fields[1]);
            writer.WriteString("start", fields[2]);
            if (appointment.End is not null)
            {
                writer.WriteString("end", fields[3]);
            }

            writer.WriteString("kind", fields[4]);
            if (appointment.IsSharedPost)
            {
                writer.WriteBoolean("sharedPost", true);
            }

            if (appointment.ExitReason is not null)
            {
                writer.WriteString("exitReason", fields[6]);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static RecordResult<Appointment>[] Records(Appointment[] appointments) =>
        appointments.Select((a, i) => RecordResult.Success(i + 1, a)).ToArray();

    private static List<string> Problems(Appointment[] appointments, AppointmentValidationResult result) =>
        result.Reported
            .SelectMany(r => r.Problems.Select(p => $"{appointments[r.RecordNumber - 1]} {p.Path} {p.Code}"))
            .Order(System.StringComparer.Ordinal)
            .ToList();
}
