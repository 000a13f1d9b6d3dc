using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Tests.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// <see cref="AppointmentCsvReader"/> reads the records of <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/>
/// in place: the same numbers, values and problems, in order, synchronously or not, however the bytes arrive.
/// </summary>
public sealed class AppointmentCsvReaderTests
{
    private const string Header = "authority,holder,start,end,kind,shared,reason\n";

    [Property]
    public Property Read_LongDocuments_InChunksOfAnySize_GivesTheRecordsOfReadCsv() =>
        Prop.ForAll(AppointmentCsvPlainRowsTests.Documents(), Arb.From(Gen.Choose(1, 200)), Arb.From(Gen.Elements(ProblemHandling.Continue, ProblemHandling.Stop)), (bytes, most, handling) =>
        {
            List<string> expected = AppointmentCsvPlainRowsTests.Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes), handling));
            return expected.SequenceEqual(AppointmentCsvPlainRowsTests.Render(Sync(new AppointmentCsvReader(new MemoryStream(bytes), handling))))
                && expected.SequenceEqual(AppointmentCsvPlainRowsTests.Render(Sync(new AppointmentCsvReader(ChunkedStream.UpTo(bytes, most), handling))))
                && expected.SequenceEqual(AppointmentCsvPlainRowsTests.Render(AsyncRecords(new AppointmentCsvReader(ChunkedStream.UpTo(bytes, most), handling)).GetAwaiter().GetResult()))
                && expected.SequenceEqual(AppointmentCsvPlainRowsTests.Render(AsyncRecords(new AppointmentCsvReader(PipeReader.Create(ChunkedStream.UpTo(bytes, most)), handling)).GetAwaiter().GetResult()));
        });

    [Property]
    public Property Values_ReadInPlace_AreThoseOfTheRecord() =>
        Prop.ForAll(AppointmentCsvPlainRowsTests.Documents(), Arb.From(Gen.Choose(1, 200)), (bytes, most) =>
        {
            using AppointmentCsvReader reader = new(ChunkedStream.UpTo(bytes, most));
            while (reader.Read())
            {
                RecordResult<Appointment> record = reader.GetRecord();
                bool same = reader.RecordNumber == record.RecordNumber && reader.IsValid == record.IsValid && reader.Problems.SequenceEqual(record.Problems)
                    && (record.Value is not Appointment a || (reader.AuthorityCode.SequenceEqual(a.AuthorityCode) && reader.HolderId.SequenceEqual(a.HolderId)
                        && reader.Start == a.Start && reader.End == a.End && reader.Kind == a.Kind && reader.IsSharedPost == a.IsSharedPost
                        && Equals(reader.ExitReason, a.ExitReason) && reader.GetAppointment().Equals(a)));
                if (!same)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Read_ThousandsOfPlainRows_WithARowOfEachKindAmongThem_ReadsEachInPlace()
    {
        using AppointmentCsvReader reader = new(new MemoryStream(AppointmentCsvPlainRowsTests.ThousandsOfRows()));
        List<int> numbers = [];
        List<int> invalid = [];
        while (reader.Read())
        {
            numbers.Add(reader.RecordNumber);
            if (!reader.IsValid)
            {
                invalid.Add(reader.RecordNumber);
                Assert.Equal(reader.RecordNumber == 1401 ? DocumentProblemCodes.EndBeforeStart : AppointmentProblemCodes.CsvRowMalformed, reader.Problems.Single().Code, StringComparer.Ordinal);
                continue;
            }

            int i = reader.RecordNumber - 1;
            Assert.Equal(i == 700 ? "quoted" : $"h{i}", reader.HolderId.ToString());
            Assert.Equal(i == 700 ? "E1" : $"E{i / 100}", reader.AuthorityCode.ToString());
            Assert.Equal(i == 700 ? null : new LocalDate(2021, 1, 1), reader.End);
            Assert.Equal(i == 700 ? AppointmentKind.Permanent : AppointmentKind.Acting, reader.Kind);
            Assert.Equal(i % 3 == 0 && i != 700 ? ExitReason.Retired : null, reader.ExitReason);
            Assert.False(reader.IsSharedPost);
            Assert.Equal(new LocalDate(2020, 1, 1), reader.Start);
        }

        Assert.Equal(Enumerable.Range(1, 3000), numbers);
        Assert.Equal([1401, 2101], invalid);
    }

    [Fact]
    public void Read_WithStop_EndsAfterTheFirstRecordWithProblems()
    {
        using AppointmentCsvReader reader = new(Utf8(Header + "A,h1,2019-04-01,,permanent,,\nA,h2,2019-04-01,,temporary,,\nA,h3,2019-04-01,,permanent,,\n"), ProblemHandling.Stop);

        Assert.True(reader.Read());
        Assert.True(reader.IsValid);
        Assert.True(reader.Read());
        Assert.False(reader.IsValid);
        Assert.Equal(2, reader.RecordNumber);
        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_ABadHeader_IsRecordZero_AndEveryRowIsReported()
    {
        using AppointmentCsvReader reader = new(Utf8("foo,bar\nE1,H1\nE2,H2\n"));
        List<(int Number, string Code)> read = [];
        while (reader.Read())
        {
            Assert.False(reader.IsValid);
            read.Add((reader.RecordNumber, reader.Problems[0].Code));
        }

        Assert.Equal([(0, AppointmentProblemCodes.CsvHeaderInvalid), (1, AppointmentProblemCodes.CsvHeaderInvalid), (2, AppointmentProblemCodes.CsvHeaderInvalid)], read);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n")]
    [InlineData("\uFEFF")]
    [InlineData(Header)]
    public void Read_EmptyInput_IsNoRecord(string csv)
    {
        using AppointmentCsvReader reader = new(Utf8(csv));

        Assert.False(reader.Read());
    }

    [Fact]
    public void Values_OfARecordWithProblems_CannotBeRead_ButItsNumberAndProblemsCan()
    {
        using AppointmentCsvReader reader = new(Utf8(Header + "A,h1,2019-02-30,,permanent,,\n"));
        Assert.True(reader.Read());

        Assert.Equal(1, reader.RecordNumber);
        Assert.False(reader.IsValid);
        Assert.False(reader.GetRecord().IsValid);
        Assert.Equal(DocumentProblemCodes.DateInvalid, reader.Problems.Single().Code, StringComparer.Ordinal);
        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => reader.AuthorityCode.ToString());
        Assert.StartsWith("The record has problems", thrown.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => reader.HolderId.ToString());
        Assert.Throws<InvalidOperationException>(() => reader.Start);
        Assert.Throws<InvalidOperationException>(() => reader.End);
        Assert.Throws<InvalidOperationException>(() => reader.Kind);
        Assert.Throws<InvalidOperationException>(() => reader.IsSharedPost);
        Assert.Throws<InvalidOperationException>(() => reader.ExitReason);
        Assert.Throws<InvalidOperationException>(() => reader.GetAppointment());
    }

    [Fact]
    public void Members_BeforeTheFirstRead_AndAfterTheLast_Throw()
    {
        using AppointmentCsvReader reader = new(Utf8(Header + "A,h1,2019-04-01,,permanent,,\n"));

        InvalidOperationException before = Assert.Throws<InvalidOperationException>(() => reader.RecordNumber);
        Assert.StartsWith("No record has been read", before.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => reader.IsValid);
        Assert.Throws<InvalidOperationException>(() => reader.Problems);
        Assert.Throws<InvalidOperationException>(() => reader.GetRecord());
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.RecordNumber);
    }

    [Fact]
    public async Task Dispose_ThenRead_Throws_AndTheStreamIsLeftOpen()
    {
        MemoryStream stream = Utf8(Header + "A,h1,2019-04-01,,permanent,,\n");
        AppointmentCsvReader reader = new(stream);
        Assert.True(reader.Read());
        reader.Dispose();
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.Read());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await reader.ReadAsync());
        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => reader.RecordNumber);
        Assert.Equal("The reader is disposed.", thrown.Message);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void GetAppointment_KeepsACodeThatRepeatsAsOneString()
    {
        using AppointmentCsvReader reader = new(Utf8(Header + "E09000001,h1,2019-04-01,2020-01-01,permanent,,retired\nE09000001,h1,2020-04-01,,interim,true,\n"));
        Assert.True(reader.Read());
        Appointment first = reader.GetAppointment();
        Assert.True(reader.Read());
        Appointment second = reader.GetAppointment();

        Assert.Same(first.AuthorityCode, second.AuthorityCode);
        Assert.Same(first.HolderId, second.HolderId);
        Assert.Equal(new Appointment("E09000001", "h1", new LocalDate(2019, 4, 1), new LocalDate(2020, 1, 1), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired }, first);
        Assert.Equal(new Appointment("E09000001", "h1", new LocalDate(2020, 4, 1), null, AppointmentKind.Interim, isSharedPost: true), second);
    }

    [Fact]
    public void Read_FromText_ReadsAsFromItsBytes()
    {
        string csv = Header + "A,caf\u00e9,2019-04-01,,permanent,,\nB,\"h,2\",2020-01-01,2020-12-31,interim,true,moved\n";

        List<string> fromText = AppointmentCsvPlainRowsTests.Render(Sync(new AppointmentCsvReader(new StringReader(csv))));

        Assert.Equal(AppointmentCsvPlainRowsTests.Render(AppointmentDocument.ReadCsv(Utf8(csv))), fromText);
        Assert.Equal(2, fromText.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    public async Task ReadAsync_CancelledAfterSomeRecords_ThrowsAndKeepsTheRecordsRead(int wanted)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(0, 1000).Select(i => $"A{i % 7},h{i},2019-04-01,,permanent,\n")));
        List<string> expected = AppointmentCsvPlainRowsTests.Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes)).Take(wanted));
        using CancellationTokenSource cancel = new();
        using AppointmentCsvReader reader = new(ChunkedStream.UpTo(bytes, 100));
        List<RecordResult<Appointment>> received = [];
        if (wanted == 0)
        {
            await cancel.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await reader.ReadAsync(cancel.Token))
            {
                received.Add(reader.GetRecord());
                if (received.Count == wanted)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(expected, AppointmentCsvPlainRowsTests.Render(received));
    }

    [Fact]
    public void Constructors_GuardTheirArguments()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => new AppointmentCsvReader((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => new AppointmentCsvReader((PipeReader)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => new AppointmentCsvReader((TextReader)null!)).ParamName);
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new AppointmentCsvReader(new MemoryStream(), (ProblemHandling)7));
        Assert.Equal("handling", thrown.ParamName);
        Assert.StartsWith("The handling must be Continue or Stop.", thrown.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static List<RecordResult<Appointment>> Sync(AppointmentCsvReader reader)
    {
        using (reader)
        {
            List<RecordResult<Appointment>> records = [];
            while (reader.Read())
            {
                records.Add(reader.GetRecord());
            }

            return records;
        }
    }

    private static async Task<List<RecordResult<Appointment>>> AsyncRecords(AppointmentCsvReader reader)
    {
        using (reader)
        {
            List<RecordResult<Appointment>> records = [];
            while (await reader.ReadAsync())
            {
                records.Add(reader.GetRecord());
            }

            return records;
        }
    }
}
