using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Serialization;
using Upon.Core.Tests.Serialization;
using Upon.Core.Tests.Workforce.Oracle;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The readers take the plain rows of a buffer at once (64 bytes at a time, a mask per separator) and leave every other
/// row to the reader of one row at a time. These documents are long enough for that to happen many times in each, with
/// plain rows mixed with every kind of row that must not be taken that way (quotes, bytes that are not ASCII, a lone CR,
/// fields too many or too few, values a plain row cannot hold) and with CRLF and empty lines: the records must be those of
/// the character reader of 0.2.0 (the oracle), in every reader, however the bytes arrive.
/// </summary>
public sealed class AppointmentCsvPlainRowsTests
{
    private static readonly string[] Columns = ["authority", "holder", "start", "end", "kind", "shared", "reason"];
    private static readonly string[] Required = ["authority", "holder", "start", "kind"];

    /// <summary>Rows: mostly plain, with each kind of row that is not, and the line ends between them.</summary>
    internal static Arbitrary<byte[]> Documents() =>
        Arb.From(
            from order in Gen.Shuffle(Columns)
            from width in Gen.Choose(5, 7)
            let header = order.Take(width).Concat(Required.Except(order.Take(width))).ToArray()
            from rows in Row(header).ArrayOf().Select(r => r.Take(400).ToArray())
            from unended in Gen.Elements(true, false)
            let body = string.Concat(rows)
            select Encoding.UTF8.GetBytes(string.Join(",", header) + "\n" + (unended ? body.TrimEnd('\r', '\n') : body)));

    private static Gen<string> Row(string[] header) =>
        from authority in Gen.Elements("E09000001", "E09000002", "E10000003", "S001")
        from holder in Gen.Elements("h-0001", "person-with-a-longer-identifier-0002", "p3", "B00001-synthetic-0003")
        from startYear in Gen.Choose(1990, 2024)
        from days in Gen.Choose(0, 4000)
        from open in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from kind in Gen.Elements("permanent", "interim", "acting", "Permanent", " acting")
        from shared in Gen.Elements("", "false", "true", "TRUE")
        from reason in Gen.Elements("", "", "retired", "moved", "left-local-government", "custom-reason")
        from damage in Gen.Frequency((12, Gen.Constant(-1)), (1, Gen.Choose(0, 12)))
        from lineEnd in Gen.Frequency((10, Gen.Constant("\n")), (2, Gen.Constant("\r\n")), (1, Gen.Constant("\n\n")), (1, Gen.Constant("\r\n\r\n")), (1, Gen.Constant("\r")), (1, Gen.Constant("\n\r")))
        select Damaged(header, authority, holder, new NodaTime.LocalDate(startYear, 1, 1).PlusDays(days), open, kind, shared, open ? "" : reason, damage) + lineEnd;

    private static string Damaged(string[] header, string authority, string holder, NodaTime.LocalDate start, bool open, string kind, string shared, string reason, int damage)
    {
        Dictionary<string, string> values = new()
        {
            ["authority"] = authority,
            ["holder"] = holder,
            ["start"] = start.ToString("yyyy-MM-dd", null),
            ["end"] = open ? "" : start.PlusDays(400).ToString("yyyy-MM-dd", null),
            ["kind"] = kind,
            ["shared"] = shared,
            ["reason"] = reason,
        };
        switch (damage)
        {
            case 0: values["holder"] = "\"quoted, with a comma\""; break;
            case 1: values["holder"] = "caf\u00e9"; break;
            case 2: values["end"] = start.PlusDays(-1).ToString("yyyy-MM-dd", null); break;
            case 3: values["start"] = "2021-02-30"; break;
            case 4: values["kind"] = "temporary"; break;
            case 5: values["holder"] = "  "; break;
            case 6: values["reason"] = "retired"; values["end"] = ""; break;
            case 7: values["reason"] = " moved "; break;
            case 8: values["start"] = "\"" + values["start"] + "\""; break;
            case 9: values["authority"] = new string('A', 300); break;
            case 10: values["reason"] = "Not A Code"; break;
            case 11: values["shared"] = "yes"; break;
            default: break;
        }

        string row = string.Join(",", header.Select(column => values[column]));
        return damage == 12 ? row + ",extra" : row;
    }

    [Property]
    public Property ReadCsv_LongDocuments_ReadAsTheCharacterReaderReadsThem() =>
        Prop.ForAll(Documents(), bytes =>
            Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes))).SequenceEqual(Render(TextAppointmentCsvReader.Read(new MemoryStream(bytes)))));

    [Property]
    public Property EveryReader_LongDocuments_InChunksOfAnySize_HoldsWhatReadCsvGives() =>
        Prop.ForAll(Documents(), Arb.From(Gen.Choose(1, 200)), (bytes, most) =>
        {
            List<string> expected = Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes)));
            return expected.SequenceEqual(Render(AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes))))
                && expected.SequenceEqual(Render(AppointmentDocument.ReadCsvRecords(ChunkedStream.UpTo(bytes, most))))
                && expected.SequenceEqual(Render(AppointmentDocument.ReadCsv(ChunkedStream.UpTo(bytes, most))))
                && expected.SequenceEqual(Render(AppointmentDocumentCsvBytesTests.Async(AppointmentDocument.ReadCsvAsync(PipeReader.Create(ChunkedStream.UpTo(bytes, most))))))
                && expected.SequenceEqual(Render(AppointmentDocument.ReadCsvRecordsAsync(ChunkedStream.UpTo(bytes, most)).GetAwaiter().GetResult()));
        });

    [Fact]
    public void ReadCsv_ThousandsOfPlainRows_WithARowOfEachKindAmongThem_AreEachRead()
    {
        List<RecordResult<Appointment>> records = [.. AppointmentDocument.ReadCsv(new MemoryStream(ThousandsOfRows()))];

        Assert.Equal(3000, records.Count);
        Assert.Equal(Enumerable.Range(1, 3000), records.Select(r => r.RecordNumber));
        Assert.Equal([1401, 2101], records.Where(r => !r.IsValid).Select(r => r.RecordNumber));
        Assert.Equal("quoted", records[700].Value!.HolderId);
        Assert.Equal(ExitReason.Retired, records[2997].Value!.ExitReason);
        Assert.Null(records[2998].Value!.ExitReason);
        Assert.Equal("E29", records[2999].Value!.AuthorityCode);
    }

    /// <summary>
    /// 3,000 plain rows (authority <c>E{i / 100}</c>, holder <c>h{i}</c>, acting from 2020-01-01 to 2021-01-01, retired
    /// every third, CRLF every seventh) but for row 701 (a quoted holder, permanent, open), row 1401 (ends before it
    /// starts) and row 2101 (a field too few).
    /// </summary>
    internal static byte[] ThousandsOfRows()
    {
        StringBuilder csv = new("authority,holder,start,end,kind,shared,reason\n");
        for (int i = 0; i < 3000; i++)
        {
            csv.Append(i switch
            {
                700 => "E1,\"quoted\",2020-01-01,,permanent,false,\n",
                1400 => "E1,h1400,2020-01-01,2019-01-01,permanent,false,\n",
                2100 => "E1,h2100,2020-01-01,,permanent,false\n",
                _ => $"E{i / 100},h{i},2020-01-01,2021-01-01,acting,false,{(i % 3 == 0 ? "retired" : "")}{(i % 7 == 0 ? "\r\n" : "\n")}",
            });
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Everything a record says: number, appointment (every field, its exit reason too) and problems, in order.</summary>
    internal static List<string> Render(IEnumerable<RecordResult<Appointment>> records) =>
        [.. records.Select(r => r.Value is Appointment a
            ? $"{r.RecordNumber} ok [{a.AuthorityCode}] [{a.HolderId}] {a.Start} {a.End} {a.Kind} {a.IsSharedPost} {a.ExitReason?.Code}"
            : $"{r.RecordNumber} " + string.Join(" | ", r.Problems.Select(p => $"{p.Path} {p.Code} {p.Message}")))];
}
