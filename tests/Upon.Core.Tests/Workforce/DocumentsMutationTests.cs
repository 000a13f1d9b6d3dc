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
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The appointment and register documents' edges that mutation testing found untested: the argument checks of
/// appointments, authorities, registers and their readers and writers (parameter names and messages), the kinds the
/// CSV reader reads a word at a time, fields beyond ASCII, required JSON properties, and how the register's readers
/// use a stream: synchronously or asynchronously as asked, never on the caller's synchronization context, leaving a
/// pipe open, and stopping for a cancellation that comes during a read.
/// </summary>
public sealed class DocumentsMutationTests
{
    private const string NotIso = "The date must be in the ISO calendar system.";

    private const string RegisterCsv = "code,name,region,effectiveFrom\nA,Northshire,North East,2020-01-01\nB,Southshire,South East,2020-01-01\n";

    private static readonly LocalDate Julian = new(2020, 1, 1, CalendarSystem.Julian);

    private static readonly AuthorityRegister Empty = new([]);

    private static List<RecordResult<Appointment>> Csv(string text) =>
        [.. AppointmentDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)))];

    private static RecordResult<Appointment> Json(string line) =>
        Assert.Single(AppointmentDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(line)), BatchFormat.JsonLines));

    private static string Problems(RecordResult<Appointment> record) =>
        string.Join(" | ", record.Problems.Select(p => $"{p.Path} {p.Code}: {p.Message}"));

    // Appointment.cs:27 (without the check, an appointment with no end would keep a Julian start)
    [Fact]
    public void Appointment_WithAStartOutsideTheIsoCalendar_NamesTheStart()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => new Appointment("A", "h", Julian, null, AppointmentKind.Permanent));

        Assert.Equal("start", thrown.ParamName);
        Assert.Equal($"{NotIso} (Parameter 'start')", thrown.Message);
    }

    // Appointment.cs:32 (without the check, comparing dates of two calendars throws for a parameter of NodaTime's)
    [Fact]
    public void Appointment_WithAnEndOutsideTheIsoCalendar_NamesTheEnd()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => new Appointment("A", "h", new LocalDate(2020, 1, 1), Julian.PlusDays(30), AppointmentKind.Permanent));

        Assert.Equal("end", thrown.ParamName);
        Assert.Equal($"{NotIso} (Parameter 'end')", thrown.Message);
    }

    // Appointment.cs:78
    [Fact]
    public void ExitReason_OfAnAppointmentStillInPost_SaysSo()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => new Appointment("A", "h", new LocalDate(2020, 1, 1), null, AppointmentKind.Permanent) { ExitReason = ExitReason.Retired });

        Assert.Equal("An appointment still in post has no exit reason. (Parameter 'value')", thrown.Message);
    }

    // Appointment.cs:88 (a day before the start is not in post, whether or not the appointment has ended)
    [Property(MaxTest = 1000)]
    public Property IsInPostOn_IsTheDaysFromStartToEnd() =>
        Prop.ForAll(
            Gen.Choose(0, 10_000).ToArbitrary(),
            Gen.Choose(0, 400).Select(length => length == 400 ? (int?)null : length).ToArbitrary(),
            Gen.Choose(-400, 800).ToArbitrary(),
            (startOffset, length, dayOffset) =>
            {
                LocalDate start = new LocalDate(2000, 1, 1).PlusDays(startOffset);
                LocalDate? end = length is int days ? start.PlusDays(days) : null;
                LocalDate day = start.PlusDays(dayOffset);
                Appointment appointment = new("A", "h", start, end, AppointmentKind.Interim);

                Assert.Equal(day >= start && (end is null || day <= end), appointment.IsInPostOn(day));
            });

    // AppointmentDocument.Writing.cs:26 (a sequence that is not a list is read into one, not cast to null)
    [Fact]
    public void WriteCsv_OfASequence_WritesWhatItWritesForTheArray()
    {
        Appointment[] appointments =
        [
            new("A", "a1", new LocalDate(2010, 1, 1), new LocalDate(2018, 6, 30), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired },
            new("A", "a2", new LocalDate(2018, 7, 1), null, AppointmentKind.Acting, isSharedPost: true),
        ];
        StringWriter fromArray = new();
        StringWriter fromSequence = new();

        AppointmentDocument.WriteCsv(fromArray, appointments);
        AppointmentDocument.WriteCsv(fromSequence, appointments.Where(_ => true));

        Assert.Equal("authority,holder,start,end,kind,shared,reason\nA,a1,2010-01-01,2018-06-30,permanent,,retired\nA,a2,2018-07-01,,acting,true,\n", fromArray.ToString());
        Assert.Equal(fromArray.ToString(), fromSequence.ToString());
    }

    // AppointmentDocument.Writing.cs:59 (without the check, the writer would throw NullReferenceException)
    [Fact]
    public void Write_WithoutAppointments_NamesThem()
    {
        Assert.Equal("appointments", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.Write(new MemoryStream(), null!)).ParamName);
    }

    // AppointmentDocument.Writing.cs:60 and AuthorityRegisterDocument.cs:304 (without the checks, an undefined layout
    // would be written as JSON Lines)
    [Fact]
    public void Writers_WithAnUndefinedLayout_NameTheFormatAndWriteNothing()
    {
        MemoryStream appointments = new();
        MemoryStream register = new();

        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentDocument.Write(appointments, [], (BatchFormat)99)).ParamName);
        Assert.Equal("format", Assert.Throws<ArgumentOutOfRangeException>(() => AuthorityRegisterDocument.Write(register, Empty, (BatchFormat)99)).ParamName);
        Assert.Equal(0, appointments.Length);
        Assert.Equal(0, register.Length);
    }

    // AppointmentDocument.cs:74, :85 (the readers are lazy: without the checks, nothing would throw until enumerated)
    [Fact]
    public void ReadCsv_WithoutInput_NamesItWhenCalled()
    {
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsv((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => AppointmentDocument.ReadCsv((TextReader)null!)).ParamName);
    }

    // AppointmentDocument.cs:154, :155, :159 (each required property, when missing, is the record's one problem)
    [Theory]
    [InlineData("authorityCode", """{"holderId":"h","start":"2020-01-01","kind":"permanent"}""")]
    [InlineData("holderId", """{"authorityCode":"A","start":"2020-01-01","kind":"permanent"}""")]
    [InlineData("kind", """{"authorityCode":"A","holderId":"h","start":"2020-01-01"}""")]
    public void Read_WithoutARequiredProperty_ReportsIt(string property, string line)
    {
        RecordResult<Appointment> record = Json(line);

        Assert.False(record.IsValid);
        Assert.Equal($"$.{property} value.required: \"{property}\" is required.", Problems(record));
    }

    // AppointmentDocument.cs:168
    [Fact]
    public void Read_WithAKindThatIsNotAString_ReportsTheTypeExpected()
    {
        RecordResult<Appointment> record = Json("""{"authorityCode":"A","holderId":"h","start":"2020-01-01","kind":1}""");

        Assert.Equal("$.kind value.type-mismatch: Expected a string, but found a number.", Problems(record));
    }

    // AppointmentDocument.cs:284 (a kind of white space alone, in JSON or in a CSV row beyond ASCII, is missing)
    [Fact]
    public void Read_WithAKindOfWhiteSpace_SaysItIsRequired()
    {
        Assert.Equal("$.kind value.required: \"kind\" is required.", Problems(Json("""{"authorityCode":"A","holderId":"h","start":"2020-01-01","kind":" \t "}""")));
        Assert.Equal("kind value.required: \"kind\" is required.", Problems(Assert.Single(Csv("authority,holder,start,kind\nÅ,h,2020-01-01,\u2003\n"))));
    }

    // AppointmentDocument.cs:249 (a kind of ASCII spaces is missing, not unknown)
    [Fact]
    public void ReadCsv_WithAKindOfSpaces_SaysItIsRequired()
    {
        Assert.Equal("kind value.required: \"kind\" is required.", Problems(Assert.Single(Csv("authority,holder,start,kind\nA,h,2020-01-01,   \n"))));
    }

    // AppointmentDocument.cs:189, :193 (the word-at-a-time comparisons: each byte of the word matters)
    [Theory]
    [InlineData("permanenx")]
    [InlineData("actinx")]
    [InlineData("abcdng")]
    [InlineData("interin")]
    public void ReadCsv_WithAKindOneLetterOff_ReportsAnUnknownKind(string kind)
    {
        RecordResult<Appointment> record = Assert.Single(Csv($"authority,holder,start,kind\nA,h,2020-01-01,{kind}\n"));

        Assert.Equal("kind value.unknown: Expected one of: permanent, interim, acting.", Problems(record));
    }

    // AppointmentDocument.cs:242, :265 (a row beyond ASCII is decoded, and its kind and flag trimmed of any white space)
    [Fact]
    public void ReadCsv_ARowBeyondAscii_TrimsItsKindAndFlagOfAnyWhiteSpace()
    {
        RecordResult<Appointment> record = Assert.Single(Csv("authority,holder,start,kind,shared\nÅ,h,2020-01-01,\u00A0acting\u2003,\u3000TRUE\u00A0\n"));

        Assert.Equal(new Appointment("Å", "h", new LocalDate(2020, 1, 1), null, AppointmentKind.Acting, isSharedPost: true), record.Value);
    }

    // Authority.cs:21-27
    [Fact]
    public void Authority_ChecksEachArgument()
    {
        LocalDate from = new(2020, 1, 1);

        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => new Authority(null!, "N", "R", from)).ParamName);
        Assert.Equal("code", Assert.Throws<ArgumentException>(() => new Authority("", "N", "R", from)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new Authority("A", null!, "R", from)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new Authority("A", "", "R", from)).ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentNullException>(() => new Authority("A", "N", null!, from)).ParamName);
        Assert.Equal("region", Assert.Throws<ArgumentException>(() => new Authority("A", "N", "", from)).ParamName);
        Assert.Equal($"{NotIso} (Parameter 'effectiveFrom')", Assert.Throws<ArgumentException>(() => new Authority("A", "N", "R", Julian)).Message);
        Assert.Equal($"{NotIso} (Parameter 'effectiveTo')", Assert.Throws<ArgumentException>(() => new Authority("A", "N", "R", from, Julian.PlusYears(1))).Message);
    }

    // Authority.cs:59, AuthorityRegister.cs:18, :24, :42, :52, :71 (an empty register calls nothing that would throw)
    [Fact]
    public void Register_ChecksEachArgument()
    {
        Authority authority = new("A", "N", "R", new LocalDate(2020, 1, 1));

        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => authority.IsInForceDuring(null!)).ParamName);
        Assert.Equal("authorities", Assert.Throws<ArgumentNullException>(() => new AuthorityRegister(null!)).ParamName);
        Assert.Equal("authorities", Assert.Throws<ArgumentNullException>(() => new AuthorityRegister([authority, null!])).ParamName);
        Assert.Equal("code", Assert.Throws<ArgumentNullException>(() => Empty.Find(null!)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => Empty.InForceDuring(null!)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentNullException>(() => Empty.CountInForceDuring(null!)).ParamName);
    }

    // AuthorityRegister.FromAppointments.cs:45, WorkforceFormat.cs:44
    [Fact]
    public void FromAppointmentsAndDetect_NameTheirArguments()
    {
        Assert.Equal("appointments", Assert.Throws<ArgumentNullException>(() => AuthorityRegister.FromAppointments(null!)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => WorkforceFormat.Detect(null!, out _)).ParamName);
    }

    // AuthorityRegisterDocument.cs:226, :251, :252, :269 (the checks are made when called, before any task)
    [Fact]
    public void RegisterJsonReaders_CheckTheirArgumentsWhenCalled()
    {
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => AuthorityRegisterDocument.Read(new MemoryStream("[]"u8.ToArray()), maxBytes: 0)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(Call(() => AuthorityRegisterDocument.ReadAsync(new MemoryStream("[]"u8.ToArray()), maxBytes: 0))).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(Call(() => AuthorityRegisterDocument.ReadAsync((PipeReader)null!))).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(Call(() => AuthorityRegisterDocument.ReadAsync(PipeReader.Create(Stream.Null), maxBytes: 0))).ParamName);
    }

    // AuthorityRegisterDocument.cs:152, :204 (the synchronous reader never reads asynchronously, and the asynchronous
    // ones never synchronously, as an ASP.NET Core request body requires)
    [Fact]
    public async Task RegisterCsvReaders_ReadTheStreamOnlyAsAsked()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(RegisterCsv);

        AuthorityRegisterReadResult synchronous = AuthorityRegisterDocument.ReadCsv(new OneWayStream(bytes, synchronous: true));
        AuthorityRegisterReadResult fromStream = await AuthorityRegisterDocument.ReadCsvAsync(new OneWayStream(bytes, synchronous: false));
        AuthorityRegisterReadResult fromPipe = await AuthorityRegisterDocument.ReadCsvAsync(PipeReader.Create(new OneWayStream(bytes, synchronous: false)));

        Assert.Equal(["A", "B"], synchronous.Register.Authorities.Select(a => a.Code));
        Assert.Equal(["A", "B"], fromStream.Register.Authorities.Select(a => a.Code));
        Assert.Equal(["A", "B"], fromPipe.Register.Authorities.Select(a => a.Code));
    }

    // AuthorityRegisterDocument.cs:137 (the pipe is read through a stream that leaves it open)
    [Fact]
    public async Task RegisterReadCsvAsync_FromAPipe_LeavesThePipeToItsOwner()
    {
        PipeReader pipe = PipeReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(RegisterCsv)));

        AuthorityRegisterReadResult result = await AuthorityRegisterDocument.ReadCsvAsync(pipe);
        ReadResult after = await pipe.ReadAsync();

        Assert.Equal(2, result.Records);
        Assert.True(after.IsCompleted);
        Assert.True(after.Buffer.IsEmpty);
    }

    // AuthorityRegisterDocument.cs:140, :147, :162, :179, :281 and the appointment reader (every await leaves the
    // caller's synchronization context, which a caller blocking on the task would otherwise deadlock)
    [Fact]
    public async Task AsyncReaders_NeverResumeOnTheCallersContext()
    {
        byte[] csv = Encoding.UTF8.GetBytes(RegisterCsv);
        byte[] json = Encoding.UTF8.GetBytes("""[{"code":"A","name":"N","region":"R","effectiveFrom":"2020-01-01"}]""");
        byte[] appointments = Encoding.UTF8.GetBytes("""{"authorityCode":"A","holderId":"h","start":"2020-01-01","kind":"acting"}""" + "\n");
        CountingContext context = new();
        SynchronizationContext? before = SynchronizationContext.Current;
        Task<AuthorityRegisterReadResult>[] registers;
        Task<int> appointmentRecords;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            // Each reader runs under the context until its first read, which completes later on the thread pool.
            registers =
            [
                AuthorityRegisterDocument.ReadCsvAsync(new OneWayStream(csv, synchronous: false)),
                AuthorityRegisterDocument.ReadCsvAsync(PipeReader.Create(new OneWayStream(csv, synchronous: false))),
                AuthorityRegisterDocument.ReadAsync(new OneWayStream(json, synchronous: false)),
                AuthorityRegisterDocument.ReadAsync(PipeReader.Create(new OneWayStream(json, synchronous: false))),
            ];
            appointmentRecords = Count(AppointmentDocument.ReadAsync(new OneWayStream(appointments, synchronous: false)));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }

        Assert.Equal([2, 2, 1, 1], (await Task.WhenAll(registers)).Select(r => r.Records));
        Assert.Equal(1, await appointmentRecords);
        Assert.Equal(0, context.Posts);
    }

    // AuthorityRegisterDocument.cs:174 (a stream that does not look at the token: the reader checks it before each row)
    [Fact]
    public async Task RegisterReadCsvAsync_CancelledDuringARead_StopsBeforeTheRows()
    {
        using CancellationTokenSource cancellation = new();
        OneWayStream stream = new(Encoding.UTF8.GetBytes(RegisterCsv), synchronous: false) { CancelOnRead = cancellation };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AuthorityRegisterDocument.ReadCsvAsync(stream, cancellation.Token));
    }

    // AuthorityRegisterDocument.cs:167 (an empty file has no rows to check the token before: its result stands)
    [Fact]
    public async Task RegisterReadCsvAsync_OfAnEmptyFile_CancelledDuringItsOneRead_GivesItsResult()
    {
        using CancellationTokenSource cancellation = new();
        OneWayStream stream = new([], synchronous: false) { CancelOnRead = cancellation };

        AuthorityRegisterReadResult result = await AuthorityRegisterDocument.ReadCsvAsync(stream, cancellation.Token);

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Equal(0, result.Records);
        Assert.Empty(result.Register.Authorities);
    }

    private static async Task<int> Count<T>(IAsyncEnumerable<T> records)
    {
        int count = 0;
        await foreach (T record in records.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>A call whose task is not awaited: the argument checks throw before any task is made.</summary>
    private static Action Call(Func<Task> start) => () => start();

    /// <summary>
    /// A stream that can be read only one way, giving every byte at the first read: the other way throws. Its
    /// asynchronous reads complete later, on the thread pool, and do not look at the token; one can cancel a source
    /// once it has given its bytes.
    /// </summary>
    private sealed class OneWayStream(byte[] bytes, bool synchronous) : ReadOnlyStream
    {
        private int position;

        public CancellationTokenSource? CancelOnRead { get; init; }

        public override int Read(Span<byte> buffer)
        {
            if (!synchronous)
            {
                throw new InvalidOperationException("Synchronous reads are not allowed.");
            }

            return Give(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (synchronous)
            {
                throw new InvalidOperationException("Asynchronous reads are not allowed.");
            }

            // The read completes later and elsewhere: a reader's await that keeps the caller's context posts to it.
            SynchronizationContext.SetSynchronizationContext(null);
            await Task.Yield();
            return Give(buffer.Span);
        }

        private int Give(Span<byte> buffer)
        {
            int size = Math.Min(buffer.Length, bytes.Length - position);
            bytes.AsSpan(position, size).CopyTo(buffer);
            position += size;
            CancelOnRead?.Cancel();
            return size;
        }
    }

    /// <summary>A synchronization context that counts what is posted to it, and runs it on the thread pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int posts;

        public int Posts => Volatile.Read(ref posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref posts);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                SetSynchronizationContext(this);
                d(state);
            });
        }

        public override SynchronizationContext CreateCopy() => this;
    }
}
