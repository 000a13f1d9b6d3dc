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
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Workforce;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The asynchronous readers give what the synchronous ones give, for the same bytes, however a stream or a pipe
/// splits them; cancellation stops them and loses nothing already given.
/// </summary>
public class AsyncReadingTests
{
    private static readonly EligibilityBatch Batch = new(PolicyRegistry.BuiltIn);

    private static readonly byte[] Interesting = "{}[]\",:\n \\x0"u8.ToArray().Append((byte)0xFF).Append((byte)0xEF).ToArray();

    [Property]
    public Property EvaluateAsync_GivesWhatEvaluateGives_HoweverTheStreamSplitsTheBytes() =>
        Prop.ForAll(Arb.From(ApplicationBatches()), Arb.From(ChunkSizes()), (input, chunks) =>
        {
            List<string> expected = Describe(Batch.Evaluate(new MemoryStream(input.Bytes), input.Format));
            Assert.Equal(expected, Describe(Batch.EvaluateAsync(new ChunkedStream(input.Bytes, chunks), input.Format).ToBlockingEnumerable()));
            Assert.Equal(expected, Describe(Batch.EvaluateAsync(Pipe(input.Bytes, chunks), input.Format).ToBlockingEnumerable()));
        });

    [Property]
    public Property Evaluate_GivesTheSameRecords_HoweverASynchronousStreamSplitsTheBytes() =>
        Prop.ForAll(Arb.From(ApplicationBatches()), Arb.From(ChunkSizes()), (input, chunks) =>
            Assert.Equal(
                Describe(Batch.Evaluate(new MemoryStream(input.Bytes), input.Format)),
                Describe(Batch.Evaluate(new ChunkedStream(input.Bytes, chunks), input.Format))));

    [Theory]
    [InlineData(BatchFormat.JsonLines)]
    [InlineData(BatchFormat.JsonArray)]
    [InlineData(BatchFormat.Auto)]
    public void EvaluateAsync_SplitAtEveryPosition_GivesTheSameRecords(BatchFormat format)
    {
        Application[] applications = Applications(3);
        byte[] bytes = format == BatchFormat.JsonArray ? Array(applications) : Lines(applications, broken: true);
        List<string> expected = Describe(Batch.Evaluate(new MemoryStream(bytes), format));
        Assert.Equal(format == BatchFormat.JsonArray ? 3 : 4, expected.Count);
        for (int split = 1; split < bytes.Length; split++)
        {
            Assert.Equal(expected, Describe(Batch.EvaluateAsync(new ChunkedStream(bytes, split, int.MaxValue), format).ToBlockingEnumerable()));
            Assert.Equal(expected, Describe(Batch.Evaluate(new ChunkedStream(bytes, split, int.MaxValue), format)));
        }
    }

    [Fact]
    public async Task EvaluateAsync_Cancelled_StopsAndKeepsWhatWasGiven()
    {
        Application[] applications = Applications(10);
        byte[] bytes = Lines(applications, broken: false);
        List<string> all = Describe(Batch.Evaluate(new MemoryStream(bytes)));
        using CancellationTokenSource cancellation = new();
        ChunkedStream stream = new(bytes, 64);
        List<RecordResult<EligibilityDecision>> received = [];
        await using IAsyncEnumerator<RecordResult<EligibilityDecision>> records = Batch.EvaluateAsync(stream, BatchFormat.JsonLines, cancellation.Token).GetAsyncEnumerator();
        while (received.Count < 3 && await records.MoveNextAsync())
        {
            received.Add(records.Current);
        }

        cancellation.Cancel();
        int readsWhenCancelled = stream.Reads;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await records.MoveNextAsync());
        Assert.Equal(readsWhenCancelled, stream.Reads);
        Assert.Equal(all.Take(3), Describe(received));
    }

    [Fact]
    public void AsyncReaders_CheckTheirArgumentsWhenCalled()
    {
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => Batch.EvaluateAsync((Stream)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => Batch.EvaluateAsync((PipeReader)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CandidateDocument.ReadAsync((Stream)null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => CandidateDocument.ReadAsync(Stream.Null, maxBytes: 0)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CandidateDocument.ReadAsync((PipeReader)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(Call(() => AuthorityRegisterDocument.ReadAsync((Stream)null!))).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(Call(() => AuthorityRegisterDocument.ReadCsvAsync((Stream)null!))).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(Call(() => AuthorityRegisterDocument.ReadCsvAsync((PipeReader)null!))).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(Call(() => AuthorityRegisterDocument.ReadAsync(PipeReader.Create(Stream.Null), maxBytes: -1))).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(Call(() => ApplicationDocument.ReadAsync(null!))).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadAsync((Stream)null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentDocument.ReadAsync(PipeReader.Create(Stream.Null), maxBytes: 0)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(Call(() => PolicyDocument.ReadAsync(Stream.Null, 0))).ParamName);
    }

    [Property]
    public Property CandidateReadAsync_GivesWhatReadGives() =>
        Prop.ForAll(Arb.From(CandidateBatches()), Arb.From(ChunkSizes()), (input, chunks) =>
        {
            List<string> expected = Describe(CandidateDocument.Read(new MemoryStream(input.Bytes), input.Format));
            Assert.Equal(expected, Describe(CandidateDocument.ReadAsync(new ChunkedStream(input.Bytes, chunks), input.Format).ToBlockingEnumerable()));
            Assert.Equal(expected, Describe(CandidateDocument.ReadAsync(Pipe(input.Bytes, chunks), input.Format).ToBlockingEnumerable()));
        });

    [Property]
    public Property RegisterReadAsync_GivesWhatReadGives() =>
        Prop.ForAll(Arb.From(RegisterBatches()), Arb.From(ChunkSizes()), (input, chunks) =>
        {
            string expected = Describe(AuthorityRegisterDocument.Read(new MemoryStream(input.Bytes), input.Format, maxBytes: 300));
            Assert.Equal(expected, Describe(AuthorityRegisterDocument.ReadAsync(new ChunkedStream(input.Bytes, chunks), input.Format, maxBytes: 300).GetAwaiter().GetResult()));
            Assert.Equal(expected, Describe(AuthorityRegisterDocument.ReadAsync(Pipe(input.Bytes, chunks), input.Format, maxBytes: 300).GetAwaiter().GetResult()));
        });

    [Property]
    public Property AppointmentReadAsync_GivesWhatReadGives() =>
        Prop.ForAll(Arb.From(AppointmentBatches()), Arb.From(ChunkSizes()), Arb.From(Gen.Elements(ProblemHandling.Continue, ProblemHandling.Stop)), (input, chunks, handling) =>
        {
            List<string> expected = Describe(AppointmentDocument.Read(new MemoryStream(input.Bytes), input.Format, maxBytes: 400, handling));
            Assert.Equal(expected, Describe(AppointmentDocument.ReadAsync(new ChunkedStream(input.Bytes, chunks), input.Format, maxBytes: 400, handling).ToBlockingEnumerable()));
            Assert.Equal(expected, Describe(AppointmentDocument.ReadAsync(Pipe(input.Bytes, chunks), input.Format, maxBytes: 400, handling).ToBlockingEnumerable()));
        });

    [Property]
    public Property RegisterReadCsvAsync_GivesWhatReadCsvGives() =>
        Prop.ForAll(Arb.From(Mutated(RegisterGenerators.CsvRows().Generator.Select(rows => Encoding.UTF8.GetBytes("code,name,region,effectiveFrom,effectiveTo\n" + string.Join("\n", rows))))), Arb.From(ChunkSizes()), (bytes, chunks) =>
        {
            string expected = Describe(AuthorityRegisterDocument.ReadCsv(new MemoryStream(bytes)));
            Assert.Equal(expected, Describe(AuthorityRegisterDocument.ReadCsvAsync(new ChunkedStream(bytes, chunks)).GetAwaiter().GetResult()));
            Assert.Equal(expected, Describe(AuthorityRegisterDocument.ReadCsvAsync(Pipe(bytes, chunks)).GetAwaiter().GetResult()));
            Assert.Equal(expected, Describe(AuthorityRegisterDocument.ReadCsv(new ChunkedStream(bytes, chunks))));
        });

    [Fact]
    public async Task RegisterReadCsvAsync_Cancelled_IsCancelled()
    {
        using CancellationTokenSource cancellation = new();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AuthorityRegisterDocument.ReadCsvAsync(new ChunkedStream("code,name,region,effectiveFrom\nA,N,R,2020-01-01\n"u8.ToArray(), 4), cancellation.Token));
    }

    [Property]
    public Property ApplicationReadAsync_GivesWhatReadGives() =>
        Prop.ForAll(Arb.From(Mutated(EligibilityDocumentGenerators.Submissions().Select(Json))), Arb.From(ChunkSizes()), Arb.From(Gen.Choose(1, 4000)), (bytes, chunks, maxBytes) =>
            Assert.Equal(
                Describe(ApplicationDocument.Read(new MemoryStream(bytes), maxBytes)),
                Describe(ApplicationDocument.ReadAsync(new ChunkedStream(bytes, chunks), maxBytes).GetAwaiter().GetResult())));

    [Property]
    public Property PolicyReadAsync_GivesWhatReadGives() =>
        Prop.ForAll(Arb.From(Mutated(EligibilityDocumentGenerators.Policies().Select(p => Bytes(s => PolicyDocument.Write(s, [p]))))), Arb.From(ChunkSizes()), (bytes, chunks) =>
            Assert.Equal(
                Describe(PolicyDocument.Read(new MemoryStream(bytes))),
                Describe(PolicyDocument.ReadAsync(new ChunkedStream(bytes, chunks)).GetAwaiter().GetResult())));

    [Fact]
    public async Task ReadAsync_OfEveryWholeDocument_GivesWhatReadGives()
    {
        byte[] policies = Bytes(s => PolicyDocument.Write(s, [.. BuiltInPolicies.All]));
        Assert.Equal(Describe(PolicyDocument.Read(new MemoryStream(policies))), Describe(await PolicyDocument.ReadAsync(new ChunkedStream(policies, 7))));
        Assert.True((await PolicyDocument.ReadAsync(new ChunkedStream(policies, 7))).IsValid);
        byte[] year = Bytes(s => Upon.Core.Timelines.ProgrammeYearDocument.Write(s, Upon.Core.Timelines.BuiltInTimelines.Aspirant2021To22));
        Assert.Equal(Describe(Upon.Core.Timelines.ProgrammeYearDocument.Read(new MemoryStream(year))), Describe(await Upon.Core.Timelines.ProgrammeYearDocument.ReadAsync(new ChunkedStream(year, 5))));
        byte[] figures = Bytes(s => CompositionDocument.Write(s, Gen.Sample(CompositionGenerators.Figures().Generator, 1).Single()));
        Assert.Equal(Describe(CompositionDocument.Read(new MemoryStream(figures))), Describe(await CompositionDocument.ReadAsync(new ChunkedStream(figures, 3))));
        byte[] holidays = Bytes(s => Upon.Core.Calendars.BankHolidayDocument.Write(s, new Dictionary<string, Upon.Core.Calendars.HolidayCalendar> { ["england-and-wales"] = Upon.Core.Calendars.EnglandAndWalesBankHolidays.Calendar }));
        Assert.Equal(Describe(Upon.Core.Calendars.BankHolidayDocument.Read(new MemoryStream(holidays))), Describe(await Upon.Core.Calendars.BankHolidayDocument.ReadAsync(new ChunkedStream(holidays, 11))));
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(new ApplicationBuilder().Build());
        byte[] decisionBytes = Bytes(s => DecisionDocument.Write(s, decision));
        Assert.Equal(Describe(DecisionDocument.Read(new MemoryStream(decisionBytes))), Describe(await DecisionDocument.ReadAsync(new ChunkedStream(decisionBytes, 13))));
    }

    [Fact]
    public async Task ReadAsync_OfAWholeDocument_CancelledBeforeItEnds_IsCancelled()
    {
        using CancellationTokenSource cancellation = new();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ApplicationDocument.ReadAsync(new ChunkedStream("{}"u8.ToArray(), 1), cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task ReadAsync_OverAPipe_LeavesThePipeOpen()
    {
        Pipe pipe = new();
        await pipe.Writer.WriteAsync(Lines(Applications(2), broken: false));
        await pipe.Writer.CompleteAsync();
        Assert.Equal(2, (await Batch.EvaluateAsync(pipe.Reader).ToListAsync()).Count);
        ReadResult rest = await pipe.Reader.ReadAsync();
        Assert.True(rest.IsCompleted);
        Assert.True(rest.Buffer.IsEmpty);
        await pipe.Reader.CompleteAsync();
    }

    /// <summary>Distinct applications that the built-in policies decide, with roles, sponsor and statement.</summary>
    private static Application[] Applications(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new ApplicationBuilder().WithId($"A-{i}").WithStatement(ApplicationBuilder.DefaultStatement + new string('!', i)).Build())];

    /// <summary>A call whose task is not awaited: the argument checks throw before any task is made.</summary>
    private static Action Call(Func<Task> start) => () => start();

    private static PipeReader Pipe(byte[] bytes, int[] chunks) =>
        PipeReader.Create(new ChunkedStream(bytes, chunks), new StreamPipeReaderOptions(bufferSize: 16, minimumReadSize: 8));

    private static Gen<int[]> ChunkSizes() => Gen.Choose(1, 70).ArrayOf().Select(a => a.Length == 0 ? [4096] : a.Take(4).ToArray());

    private static Gen<(byte[] Bytes, BatchFormat Format)> ApplicationBatches() =>
        from applications in EligibilityDocumentGenerators.Applications().ArrayOf().Select(a => a.Take(5).ToArray())
        from array in Gen.Elements(true, false)
        from format in Gen.Elements(BatchFormat.Auto, array ? BatchFormat.JsonArray : BatchFormat.JsonLines)
        from bytes in Mutated(Gen.Constant(array ? Array(applications) : Lines(applications, broken: false)))
        select (bytes, format);

    private static Gen<(byte[] Bytes, BatchFormat Format)> CandidateBatches() =>
        from profiles in CompositionGenerators.CandidateProfiles().Generator
        from format in Gen.Elements(BatchFormat.JsonArray, BatchFormat.JsonLines)
        from layout in Gen.Elements(BatchFormat.Auto, format)
        from bytes in Mutated(Gen.Constant(Bytes(s => CandidateDocument.Write(s, profiles.Take(6), format))))
        select (bytes, layout);

    private static Gen<(byte[] Bytes, BatchFormat Format)> RegisterBatches() =>
        from authorities in RegisterGenerators.Registers().Generator
        from format in Gen.Elements(BatchFormat.JsonArray, BatchFormat.JsonLines)
        from layout in Gen.Elements(BatchFormat.Auto, format)
        from bytes in Mutated(Gen.Constant(Bytes(s => AuthorityRegisterDocument.Write(s, new AuthorityRegister(authorities.Take(6)), format))))
        select (bytes, layout);

    private static Gen<(byte[] Bytes, BatchFormat Format)> AppointmentBatches() =>
        from appointments in AppointmentDocumentGenerators.Appointment().ArrayOf().Select(a => a.Take(6).ToArray())
        from format in Gen.Elements(BatchFormat.JsonArray, BatchFormat.JsonLines)
        from layout in Gen.Elements(BatchFormat.Auto, format)
        from bytes in Mutated(Gen.Constant(Bytes(s => AppointmentDocument.Write(s, appointments, format))))
        select (bytes, layout);

    /// <summary>The bytes unchanged half the time; otherwise with a byte replaced, inserted or removed, or cut short.</summary>
    private static Gen<byte[]> Mutated(Gen<byte[]> documents) =>
        from bytes in documents
        from kind in Gen.Choose(0, 7)
        from at in Gen.Choose(0, Math.Max(0, bytes.Length - 1))
        from with in Gen.Elements(Interesting)
        select kind switch
        {
            _ when bytes.Length == 0 => bytes,
            0 => [.. bytes[..at], with, .. bytes[(at + 1)..]],
            1 => [.. bytes[..at], with, .. bytes[at..]],
            2 => [.. bytes[..at], .. bytes[(at + 1)..]],
            3 => bytes[..at],
            _ => bytes,
        };

    private static byte[] Lines(Application[] applications, bool broken)
    {
        StringBuilder text = new();
        foreach (Application application in applications)
        {
            text.Append(Encoding.UTF8.GetString(Bytes(s => ApplicationDocument.Write(s, application)))).Append('\n');
            if (broken)
            {
                text.Append("{\"id\": \"x\",\n");
                broken = false;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Array(Application[] applications) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",\n", applications.Select(a => Encoding.UTF8.GetString(Bytes(s => ApplicationDocument.Write(s, a))))) + "]");

    private static byte[] Json(ApplicationSubmission submission) => Bytes(s => ApplicationDocument.Write(s, submission));

    private static byte[] Bytes(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return stream.ToArray();
    }

    private static List<string> Describe<T>(IEnumerable<RecordResult<T>> records)
        where T : class =>
        [.. records.Select(r => $"{r.RecordNumber}|{string.Join(";", r.Problems)}|{(r.IsValid ? Value(r.Value) : "-")}")];

    private static string Describe<T>(DocumentResult<T> result)
        where T : class =>
        $"{string.Join(";", result.Problems)}|{(result.IsValid ? Value(result.Value) : "-")}";

    private static string Describe(AuthorityRegisterReadResult result) =>
        $"{result.Records}|{string.Join(",", result.Register.Authorities.Select(a => a.Code))}|{string.Join(";", Describe(result.Reported))}";

    private static string Value(object value) => value switch
    {
        EligibilityDecision decision => Encoding.UTF8.GetString(Bytes(s => DecisionDocument.Write(s, decision))),
        _ => value.ToString() ?? string.Empty,
    };
}

