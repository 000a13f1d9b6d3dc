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
using Upon.Core.Tests.Workforce.Oracle;
using Upon.Core.Workforce;

using Upon.Core.Tests.Serialization;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The CSV reader on bytes, sync and async, against the character reader of 0.2.0 (the oracle in <c>Oracle/</c>):
/// the same records, problems and counts for good, bad and damaged documents, however the bytes arrive.
/// </summary>
public sealed class AppointmentDocumentCsvBytesTests
{
    /// <summary>Bytes that matter to the reader: separators, quotes, line breaks, white space, a byte order mark and its parts, UTF-16 marks, bytes that are not UTF-8.</summary>
    private static readonly byte[] Specials = [(byte)',', (byte)'"', (byte)'\r', (byte)'\n', (byte)' ', (byte)'\t', 0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x00, 0xC3, 0xA9, 0x80, 0xE2, 0x80, 0xA8, (byte)'a', (byte)'1', (byte)'-'];

    private static readonly string Header = "authority,holder,start,end,kind,shared\n";

    /// <summary>Good and bad documents from the generators, some damaged by a few byte edits, some prefixed with a UTF-16 byte order mark.</summary>
    private static Arbitrary<byte[]> Documents() =>
        Arb.From(
            from input in AppointmentDocumentGenerators.RowsWithLayout().Generator
            let bytes = AppointmentDocumentGenerators.Csv(input.Rows.Select(r => r.Row), input.Layout)
            from edits in Gen.Choose(0, 2).SelectMany(n => (from at in Gen.Choose(0, 1000) from what in Gen.Choose(0, 1000) select (at, what)).ArrayOf(n))
            from utf16 in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            select utf16 ? Utf16(bytes) : Damage(bytes, edits));

    /// <summary>Small documents: short runs of the special bytes, with or without a header in front.</summary>
    private static Arbitrary<byte[]> SmallDocuments() =>
        Arb.From(
            from header in Gen.Elements(true, false)
            from body in Gen.Elements(Specials).ArrayOf().Select(b => b.Take(24).ToArray())
            select header ? [.. Encoding.UTF8.GetBytes(Header), .. body] : body);

    [Property]
    public Property ReadCsv_ReadsBytesAsTheCharacterReaderReadsText() =>
        Prop.ForAll(Documents(), bytes => Render(Sync(bytes)).SequenceEqual(Render(TextAppointmentCsvReader.Read(new MemoryStream(bytes)))));

    [Property]
    public Property ReadCsv_SmallDocuments_ReadAsTheCharacterReaderReadsThem() =>
        Prop.ForAll(SmallDocuments(), bytes => Render(Sync(bytes)).SequenceEqual(Render(TextAppointmentCsvReader.Read(new MemoryStream(bytes)))));

    [Property]
    public Property ReadCsv_StoppingAtTheFirstProblem_StopsWhereTheCharacterReaderStops() =>
        Prop.ForAll(Documents(), bytes => Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes), ProblemHandling.Stop))
            .SequenceEqual(Render(TextAppointmentCsvReader.Read(new MemoryStream(bytes), ProblemHandling.Stop))));

    [Property]
    public Property ReadCsv_FromText_ReadsAsTheCharacterReader() =>
        Prop.ForAll(Documents(), bytes =>
        {
            string text = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true).ReadToEnd();
            return Render(AppointmentDocument.ReadCsv(new StringReader(text))).SequenceEqual(Render(TextAppointmentCsvReader.Read(new StringReader(text))));
        });

    [Property]
    public Property ReadCsvAsync_GivesWhatReadCsvGives_InChunksOfAnySize() =>
        Prop.ForAll(Documents(), Arb.From(Gen.Choose(1, 9)), (bytes, most) =>
        {
            List<string> sync = Render(Sync(bytes));
            return sync.SequenceEqual(Render(Async(AppointmentDocument.ReadCsvAsync(ChunkedStream.UpTo(bytes, most)))))
                && sync.SequenceEqual(Render(Async(AppointmentDocument.ReadCsvAsync(PipeReader.Create(ChunkedStream.UpTo(bytes, most))))))
                && sync.SequenceEqual(Render(AppointmentDocument.ReadCsv(ChunkedStream.UpTo(bytes, most))));
        });

    [Property]
    public Property ReadCsvAsync_SmallDocumentSplitAtEveryPosition_GivesWhatReadCsvGives() =>
        Prop.ForAll(SmallDocuments(), bytes =>
        {
            List<string> sync = Render(Sync(bytes));
            return Enumerable.Range(1, Math.Max(0, bytes.Length - 1)).All(split =>
                sync.SequenceEqual(Render(Async(AppointmentDocument.ReadCsvAsync(ChunkedStream.SplitAt(bytes, split)))))
                && sync.SequenceEqual(Render(Async(AppointmentDocument.ReadCsvAsync(PipeReader.Create(ChunkedStream.SplitAt(bytes, split))))))
                && sync.SequenceEqual(Render(AppointmentDocument.ReadCsv(ChunkedStream.SplitAt(bytes, split)))));
        });

    [Property]
    public Property ReadCsvAsync_StoppingAtTheFirstProblem_GivesWhatReadCsvGives() =>
        Prop.ForAll(Documents(), bytes => Render(AppointmentDocument.ReadCsv(new MemoryStream(bytes), ProblemHandling.Stop))
            .SequenceEqual(Render(Async(AppointmentDocument.ReadCsvAsync(ChunkedStream.UpTo(bytes, 3), ProblemHandling.Stop)))));

    [Fact]
    public void ReadCsv_Utf16WithByteOrderMark_IsDecoded()
    {
        byte[] bytes = Utf16(Encoding.UTF8.GetBytes(Header + "A,h1,2019-04-01,,permanent,\n"));
        RecordResult<Appointment> record = Assert.Single(Sync(bytes));
        Assert.Equal("h1", record.Value!.HolderId);
        Assert.Equal(Render(Sync(bytes)), Render(Async(AppointmentDocument.ReadCsvAsync(ChunkedStream.UpTo(bytes, 1)))));
    }

    [Fact]
    public void ReadCsv_ARecordLongerThanTheBuffer_IsReadWhole()
    {
        string holder = new('h', 300_000);
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "A,\"" + holder + "\"\"\",2019-04-01,,permanent,\nB,h2,2020-01-01,,acting,\n");
        List<RecordResult<Appointment>> records = Sync(bytes);
        Assert.Equal([holder + "\"", "h2"], records.Select(r => r.Value!.HolderId));
        Assert.Equal(Render(records), Render(Async(AppointmentDocument.ReadCsvAsync(ChunkedStream.UpTo(bytes, 7000)))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    public async Task ReadCsvAsync_CancelledAfterSomeRecords_ThrowsAndKeepsTheRecordsGiven(int wanted)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(0, 1000).Select(i => $"A{i % 7},h{i},2019-04-01,,permanent,\n")));
        List<string> expected = Render(Sync(bytes).Take(wanted));
        using CancellationTokenSource cancel = new();
        List<RecordResult<Appointment>> received = [];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            if (wanted == 0)
            {
                await cancel.CancelAsync();
            }

            await foreach (RecordResult<Appointment> record in AppointmentDocument.ReadCsvAsync(ChunkedStream.UpTo(bytes, 100), cancellationToken: cancel.Token))
            {
                received.Add(record);
                if (received.Count == wanted)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(expected, Render(received));
    }

    [Fact]
    public async Task ReadCsvAsync_OverAPipe_ReadsWhatTheWriterWrites()
    {
        Pipe pipe = new();
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "A,h1,2019-04-01,,permanent,\nB,\"h,2\",2020-01-01,2020-12-31,interim,true\n");
        Task writing = Task.Run(async () =>
        {
            foreach (byte[] chunk in bytes.Chunk(5))
            {
                await pipe.Writer.WriteAsync(chunk);
            }

            await pipe.Writer.CompleteAsync();
        });

        List<RecordResult<Appointment>> records = [];
        await foreach (RecordResult<Appointment> record in AppointmentDocument.ReadCsvAsync(pipe.Reader))
        {
            records.Add(record);
        }

        await writing;
        Assert.Equal(Render(Sync(bytes)), Render(records));
        Assert.Equal(["h1", "h,2"], records.Select(r => r.Value!.HolderId));
    }

    [Fact]
    public void ReadCsvAsync_NullSource_Throws()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsvAsync((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsvAsync((PipeReader)null!)).ParamName);
    }

    [Fact]
    public async Task ReadCsvAsync_LeavesTheStreamOpen()
    {
        MemoryStream stream = new(Encoding.UTF8.GetBytes(Header + "A,h1,2019-04-01,,permanent,\n"));
        await foreach (RecordResult<Appointment> record in AppointmentDocument.ReadCsvAsync(stream))
        {
            Assert.True(record.IsValid);
        }

        Assert.True(stream.CanRead);
    }

    [Property]
    public Property ReadCsvRecords_HoldsWhatReadCsvGives() =>
        Prop.ForAll(Documents(), bytes =>
        {
            AppointmentRecords records = AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes));
            List<string> expected = Render(Sync(bytes));
            return expected.SequenceEqual(Render(records))
                && expected.SequenceEqual(Render(Enumerable.Range(0, records.Count).Select(i => records[i])))
                && records.Count == expected.Count
                && Render(records.Failures).SequenceEqual(Render(Sync(bytes).Where(r => !r.IsValid)))
                && records.Appointments.SequenceEqual(Sync(bytes).Where(r => r.IsValid).Select(r => r.Value!));
        });

    [Property]
    public Property ReadCsvRecords_SmallDocuments_HoldWhatReadCsvGives() =>
        Prop.ForAll(SmallDocuments(), bytes => Render(Sync(bytes)).SequenceEqual(Render(AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes)))));

    [Property]
    public Property ReadCsvRecords_FromTextAndAsync_HoldWhatReadCsvGives() =>
        Prop.ForAll(Documents(), Arb.From(Gen.Choose(1, 9)), (bytes, most) =>
        {
            List<string> sync = Render(Sync(bytes));
            string text = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true).ReadToEnd();
            return sync.SequenceEqual(Render(AppointmentDocument.ReadCsvRecords(ChunkedStream.UpTo(bytes, most))))
                && Render(AppointmentDocument.ReadCsv(new StringReader(text))).SequenceEqual(Render(AppointmentDocument.ReadCsvRecords(new StringReader(text))))
                && sync.SequenceEqual(Render(AppointmentDocument.ReadCsvRecordsAsync(ChunkedStream.UpTo(bytes, most)).GetAwaiter().GetResult()))
                && sync.SequenceEqual(Render(AppointmentDocument.ReadCsvRecordsAsync(PipeReader.Create(ChunkedStream.UpTo(bytes, most))).GetAwaiter().GetResult()));
        });

    [Property]
    public Property ReadCsvRecordsAsync_SmallDocumentSplitAtEveryPosition_HoldsWhatReadCsvGives() =>
        Prop.ForAll(SmallDocuments(), bytes =>
        {
            List<string> sync = Render(Sync(bytes));
            return Enumerable.Range(1, Math.Max(0, bytes.Length - 1)).All(split =>
                sync.SequenceEqual(Render(AppointmentDocument.ReadCsvRecordsAsync(ChunkedStream.SplitAt(bytes, split)).GetAwaiter().GetResult())));
        });

    /// <summary>
    /// Validation reads the compact records' rows directly: the same appointments, reports, counts and stop as for the
    /// same records in a list, with and without a register (one that leaves some codes out and bounds others in time).
    /// </summary>
    [Property]
    public Property Validate_CompactRecords_AsTheSameRecordsInAList() =>
        Prop.ForAll(Documents(), Arb.From(Gen.Elements(new LocalDate(2010, 1, 1), new LocalDate(2019, 6, 30), new LocalDate(2030, 1, 1))), Arb.From(Gen.Elements(ProblemHandling.Continue, ProblemHandling.Stop)), (bytes, asOf, handling) =>
        {
            AppointmentRecords compact = AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes));
            List<RecordResult<Appointment>> list = Sync(bytes);
            Authority[] authorities = [.. list.Where(r => r.IsValid).Select(r => r.Value!.AuthorityCode).Distinct(StringComparer.Ordinal)
                .Where((_, i) => i % 3 != 0)
                .Select((code, i) => i % 2 == 0 ? new Authority(code, "n", "r", new LocalDate(2012, 4, 1), new LocalDate(2021, 3, 31)) : new Authority(code, "n", "r", LocalDate.MinIsoValue))];
            AuthorityRegister register = new(authorities);
            return Same(AppointmentValidation.Validate(compact, asOf, handling), AppointmentValidation.Validate(list, asOf, handling))
                && Same(AppointmentValidation.Validate(compact, register, asOf, handling), AppointmentValidation.Validate(list, register, asOf, handling));
        });

    [Fact]
    public void ReadCsvRecords_PlainAndOtherRows_KeepEachCodeOnce_AndTellHoldersApart()
    {
        // Rows the plain path takes (ASCII, plain dates) and rows it leaves to the record reader (padded dates, a name
        // that is not ASCII) share codes and ids; each code is kept once, the table lists the codes in order of first
        // use, and the holder ids, kept as read, are numbered alike wherever they came from.
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "B,h1,2019-04-01,,permanent,\nA,h2, 2019-05-01 ,,Interim,TRUE\nB,h\u00e9,2018-01-01,2018-12-31,acting,\nA,h1,2020-01-01,,permanent,false\n");
        AppointmentRecords records = AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes));
        Assert.Equal(Render(Sync(bytes)), Render(records));
        Assert.Equal(["B", "A"], AuthorityRegister.FromAppointments(records.Appointments).Authorities.Select(a => a.Code));
        int[] numberOf = records.Appointments.Holders.Numbers.NumberOf;
        Assert.Equal([0, 1, 2, 0], numberOf);
        HolderIds.Numbering numbers = records.Appointments.Holders.Numbers;
        Assert.Equal(["h1", "h2", "h\u00e9"], Enumerable.Range(0, numbers.Count).Select(numbers.Name));
        Assert.Equal("h1", records.Appointments[3].HolderId);
        Assert.Empty(records.Failures);
    }

    [Fact]
    public void ReadCsvRecords_ABadHeader_IsRecordZeroAndEveryRowIsCounted()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("foo,bar\nE1,H1\nE2,H2\n");
        AppointmentRecords records = AppointmentDocument.ReadCsvRecords(new MemoryStream(bytes));
        Assert.Equal([0, 1, 2], records.Select(r => r.RecordNumber));
        Assert.Empty(records.Appointments);
        AppointmentValidationResult result = AppointmentValidation.Validate(records, new LocalDate(2024, 1, 1));
        Assert.Equal(new AppointmentSummary(2, 0, 2, 0), result.Summary);
    }

    [Fact]
    public async Task ReadCsvRecordsAsync_Cancelled_Throws()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "A,h1,2019-04-01,,permanent,\n");
        using CancellationTokenSource cancel = new();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AppointmentDocument.ReadCsvRecordsAsync(ChunkedStream.UpTo(bytes, 4), cancel.Token));
    }

    [Fact]
    public void ReadCsvRecords_NullSource_Throws()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsvRecords((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsvRecords((TextReader)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => { _ = AppointmentDocument.ReadCsvRecordsAsync((Stream)null!); }).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => { _ = AppointmentDocument.ReadCsvRecordsAsync((PipeReader)null!); }).ParamName);
    }

    [Fact]
    public void AppointmentRecords_Indexer_OutOfRange_Throws()
    {
        AppointmentRecords records = AppointmentDocument.ReadCsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(Header + "A,h1,2019-04-01,,permanent,\n")));
        Assert.Throws<ArgumentOutOfRangeException>(() => records[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => records[-1]);
    }

    private static bool Same(AppointmentValidationResult x, AppointmentValidationResult y) =>
        x.Table.SequenceEqual(y.Table)
        && Render(x.Reported).SequenceEqual(Render(y.Reported))
        && x.Summary == y.Summary
        && x.Stopped == y.Stopped
        && AuthorityRegister.FromAppointments(x.Table).Authorities.Select(a => a.Code).SequenceEqual(AuthorityRegister.FromAppointments(y.Table.ToList()).Authorities.Select(a => a.Code));

    private static List<RecordResult<Appointment>> Sync(byte[] bytes) => [.. AppointmentDocument.ReadCsv(new MemoryStream(bytes))];

    /// <summary>The records of an asynchronous reader, read to the end on the thread pool.</summary>
    internal static List<RecordResult<Appointment>> Async(IAsyncEnumerable<RecordResult<Appointment>> records) =>
        Task.Run(async () =>
        {
            List<RecordResult<Appointment>> list = [];
            await foreach (RecordResult<Appointment> record in records)
            {
                list.Add(record);
            }

            return list;
        }).GetAwaiter().GetResult();

    /// <summary>Everything a record says: number, appointment (every field) and problems (path, code, message), in order.</summary>
    private static List<string> Render(IEnumerable<RecordResult<Appointment>> records) =>
        [.. records.Select(r => r.Value is Appointment a
            ? $"{r.RecordNumber} ok [{a.AuthorityCode}] [{a.HolderId}] {a.Start} {a.End} {a.Kind} {a.IsSharedPost}"
            : $"{r.RecordNumber} " + string.Join(" | ", r.Problems.Select(p => $"{p.Path} {p.Code} {p.Message}")))];

    private static byte[] Damage(byte[] bytes, (int At, int What)[] edits)
    {
        List<byte> damaged = [.. bytes];
        foreach ((int at, int what) in edits)
        {
            int position = damaged.Count == 0 ? 0 : at % (damaged.Count + 1);
            byte special = Specials[what % Specials.Length];
            switch (what % 3)
            {
                case 0:
                    damaged.Insert(position, special);
                    break;
                case 1 when position < damaged.Count:
                    damaged[position] = special;
                    break;
                default:
                    if (position < damaged.Count)
                    {
                        damaged.RemoveAt(position);
                    }

                    break;
            }
        }

        return [.. damaged];
    }

    private static byte[] Utf16(byte[] utf8) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(utf8))];
}
