using System;
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

public sealed class AppointmentDocumentWriteTests
{
    [Fact]
    public void Csv_WritesTheReadersHeaderAndQuotesOnlyWhereNeeded()
    {
        Appointment[] appointments =
        [
            new("A", "h,1 \"x\"", new LocalDate(2019, 4, 1), null, AppointmentKind.Permanent, isSharedPost: true),
            new("B", "h2", new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Interim),
        ];
        using StringWriter csv = new();

        AppointmentDocument.WriteCsv(csv, appointments);

        Assert.Equal(
            "authority,holder,start,end,kind,shared\n" +
            "A,\"h,1 \"\"x\"\"\",2019-04-01,,permanent,true\n" +
            "B,h2,2020-01-01,2020-06-30,interim,\n",
            csv.ToString());
    }

    [Fact]
    public void Json_LeavesOutAnOpenEndAndAnUnsharedPost()
    {
        using MemoryStream json = new();

        AppointmentDocument.Write(json, [new Appointment("A", "h1", new LocalDate(2019, 4, 1), null, AppointmentKind.Acting)], BatchFormat.JsonLines);

        Assert.Equal("{\"authorityCode\":\"A\",\"holderId\":\"h1\",\"start\":\"2019-04-01\",\"kind\":\"acting\"}\n", Encoding.UTF8.GetString(json.ToArray()));
    }

    [Property]
    public Property WrittenAppointments_ReadBackUnchanged_InEveryFormat() =>
        Prop.ForAll(AppointmentDocumentGenerators.AppointmentsWithLayout(), input =>
        {
            Appointment[] appointments = input.Appointments;
            using StringWriter csv = new();
            AppointmentDocument.WriteCsv(csv, appointments);
            Appointment?[] fromCsv = [.. AppointmentDocument.ReadCsv(new StringReader(csv.ToString())).Select(r => r.Value)];

            Appointment?[] FromJson(bool lines, bool indented)
            {
                using MemoryStream json = new();
                AppointmentDocument.Write(json, appointments, lines ? BatchFormat.JsonLines : BatchFormat.JsonArray, indented);
                json.Position = 0;
                return [.. AppointmentDocument.Read(json, lines ? BatchFormat.JsonLines : BatchFormat.Auto).Select(r => r.Value)];
            }

            return fromCsv.SequenceEqual(appointments)
                && FromJson(lines: false, indented: true).SequenceEqual(appointments)
                && FromJson(lines: false, indented: false).SequenceEqual(appointments)
                && FromJson(lines: true, indented: false).SequenceEqual(appointments);
        });

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.WriteCsv(null!, [])).ParamName);
        Assert.Equal("appointments", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.WriteCsv(TextWriter.Null, null!)).ParamName);
        Assert.Equal("appointments", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.WriteCsv(TextWriter.Null, [null!])).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.Write(null!, [])).ParamName);
        Assert.Equal("appointments", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.Write(Stream.Null, [null!])).ParamName);
    }
}
