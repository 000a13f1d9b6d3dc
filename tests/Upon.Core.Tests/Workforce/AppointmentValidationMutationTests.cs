using System;
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
/// The appointment validation's edges that mutation testing found untested: the argument checks (their parameter names
/// and messages), records given out of record number order (validated, reported and kept as if in order, with records
/// of one number in file order), record numbers with gaps or running down, the records and table handed back as they
/// were given, the as-of day and the register's first day as boundaries, two permanent appointments sharing one day,
/// the table's index checks and growth past its first buffer, the rows kept of a table, the exit reasons and authority
/// codes read from bytes, and the summary of a single record.
/// </summary>
public sealed class AppointmentValidationMutationTests
{
    /// <summary>A to D in force throughout, E from April 2019 to March 2022.</summary>
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    private static readonly LocalDate AsOf = new(2022, 6, 30);

    private static readonly DocumentProblem Unreadable = new("$.start", DocumentProblemCodes.DateInvalid, "The first day in post is not a date.");

    /// <summary>
    /// Appointment histories with a few records that could not be read, numbered from a few numbers (so that many records
    /// share one) and in a file order unrelated to number order, and an as-of date.
    /// </summary>
    private static readonly Gen<(RecordResult<Appointment>[] Records, LocalDate AsOf)> Unordered =
        from appointments in WorkforceGenerators.Appointments()
        from unreadable in Gen.Choose(0, 3)
        from numbers in Gen.Choose(1, 1 + ((appointments.Length + unreadable) / 3)).ArrayOf(appointments.Length + unreadable)
        from records in Gen.Shuffle(
            appointments.Select((a, i) => RecordResult.Success(numbers[i], a))
                .Concat(numbers.Skip(appointments.Length).Select(n => RecordResult.Failure<Appointment>(n, Unreadable))))
        from asOfDays in Gen.Choose(0, 6000)
        select (records.ToArray(), new LocalDate(2014, 1, 1).PlusDays(asOfDays));

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Appointment A(string authority, string holder, LocalDate start, LocalDate? end, AppointmentKind kind = AppointmentKind.Permanent) =>
        new(authority, holder, start, end, kind);

    private static RecordResult<Appointment> Good(int number, Appointment appointment) => RecordResult.Success(number, appointment);

    private static RecordResult<Appointment> Bad(int number) => RecordResult.Failure<Appointment>(number, Unreadable);

    private static AppointmentRecords Csv(string text) => AppointmentDocument.ReadCsvRecords(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static (string Path, string Code)[] Problems(RecordResult<Appointment> record) => [.. record.Problems.Select(p => (p.Path, p.Code))];

    private static IEnumerable<RecordResult<Appointment>> Lazily(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return Good(i + 1, A("A", "h" + i, D(2000, 1, 1).PlusDays(i), null, AppointmentKind.Acting));
        }
    }

    private static void AssertAlike(AppointmentValidationResult expected, AppointmentValidationResult actual)
    {
        Assert.Equal<RecordResult<Appointment>>(expected.Reported, actual.Reported);
        Assert.Equal<Appointment>(expected.Appointments, actual.Appointments);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Stopped, actual.Stopped);
    }

    // AppointmentValidation.cs:38
    [Fact]
    public void Validate_WithoutARegister_NamesTheRegister()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => AppointmentValidation.Validate([], null!, AsOf));

        Assert.Equal("register", thrown.ParamName);
    }

    // AppointmentValidation.cs:58 (without the check, the records are counted and the null named "source")
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_WithoutRecords_NamesTheRecords(bool withRegister)
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => withRegister
            ? AppointmentValidation.Validate(null!, Register, AsOf)
            : AppointmentValidation.Validate(null!, AsOf));

        Assert.Equal("records", thrown.ParamName);
    }

    // AppointmentValidation.cs:59 (without records, no date is compared with the as-of date, so nothing else would throw)
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_AsOfInAnotherCalendar_IsRefused(bool withRegister)
    {
        LocalDate julian = new(2022, 6, 30, CalendarSystem.Julian);

        ArgumentException thrown = Assert.Throws<ArgumentException>(() => withRegister
            ? AppointmentValidation.Validate([], Register, julian)
            : AppointmentValidation.Validate([], julian));

        Assert.Equal("asOf", thrown.ParamName);
        Assert.Equal("The date must be in the ISO calendar system. (Parameter 'asOf')", thrown.Message);
    }

    // AppointmentValidation.cs:191 (without the check, the null record is read and throws NullReferenceException)
    [Fact]
    public void Validate_WithANullRecord_NamesTheRecords()
    {
        RecordResult<Appointment>[] records = [Good(1, A("A", "h1", D(2020, 1, 1), null)), null!];

        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => AppointmentValidation.Validate(records, AsOf));

        Assert.Equal("records", thrown.ParamName);
    }

    // AppointmentValidation.cs:64 (the records read are not collected again), :73, :76 (every mutant but <), :104 and
    // AppointmentTable.cs:97: records in number order, all used, keep the table they were read into
    [Fact]
    public void Validate_RecordsReadInOrderAndAllUsed_KeepTheTableTheyWereReadInto()
    {
        AppointmentRecords records = Csv("authority,holder,start,end,kind\nA,h1,2010-01-01,2012-12-31,permanent\nA,h2,2013-01-01,,permanent\nB,h3,2015-01-01,,interim\n");

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Same(records.Appointments, result.Table);
        Assert.Equal(new AppointmentSummary(3, 3, 0, 0), result.Summary);
    }

    // AppointmentValidation.cs:76 (< for <=): records of one number, one after the other, are in order
    [Fact]
    public void Validate_RecordsOfOneNumberInOrder_KeepTheTableTheyWereReadInto()
    {
        AppointmentRecords.Builder builder = new();
        builder.Add(Good(1, A("A", "h1", D(2010, 1, 1), null, AppointmentKind.Interim)));
        builder.Add(Good(1, A("A", "h2", D(2011, 1, 1), null, AppointmentKind.Interim)));
        builder.Add(Good(2, A("B", "h3", D(2012, 1, 1), null, AppointmentKind.Interim)));
        AppointmentRecords records = builder.Build();

        AppointmentValidationResult result = AppointmentValidation.Validate(records, AsOf);

        Assert.Same(records.Appointments, result.Table);
        Assert.Equal([1, 1, 2], records.Select(r => r.RecordNumber));
    }

    // AppointmentValidation.cs:81, :148 (the records are not kept, but those reported are: as they were given)
    [Fact]
    public void Validate_ARecordThatCouldNotBeRead_IsReportedAsGiven()
    {
        RecordResult<Appointment> unreadable = Bad(2);

        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, A("A", "h1", D(2020, 1, 1), null)), unreadable], Register, AsOf);

        Assert.Same(unreadable, Assert.Single(result.Reported));
    }

    // AppointmentValidation.cs:104-113, :123, :144, :170-176 (the path for records out of number order)
    [Fact]
    public void Validate_RecordsOutOfNumberOrder_AreReportedAndKeptInNumberOrder()
    {
        RecordResult<Appointment>[] records =
        [
            Good(3, A("A", "h3", D(2012, 1, 1), null, AppointmentKind.Interim)),
            Good(1, A("A", "h1", D(2010, 1, 1), D(2011, 12, 31), AppointmentKind.Interim)),
            Bad(4),
            Good(2, A("Z", "h2", D(2011, 1, 1), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal([2, 4], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal([("$.authorityCode", AppointmentProblemCodes.AuthorityUnknown)], Problems(result.Reported[0]));
        Assert.Same(records[2], result.Reported[1]);
        Assert.Equal<Appointment>([records[1].Value!, records[0].Value!], result.Appointments);
        Assert.Equal(new AppointmentSummary(4, 2, 2, 0), result.Summary);
    }

    // AppointmentValidation.cs:123 (the records counted in number order): the first record reported is the first in number order, not in the file
    [Fact]
    public void Validate_RecordsOutOfNumberOrderThatStop_StopAtTheFirstProblemInNumberOrder()
    {
        RecordResult<Appointment>[] records =
        [
            Bad(3),
            Good(1, A("A", "h1", D(2010, 1, 1), null)),
            Good(2, A("B", "h2", D(2023, 1, 1), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf, ProblemHandling.Stop);

        Assert.True(result.Stopped);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
        Assert.Equal(records[1].Value, Assert.Single(result.Appointments));
        Assert.Equal(new AppointmentSummary(3, 1, 1, 1), result.Summary);
    }

    // AppointmentValidation.cs:112 (records of one number keep their file order: forty records, so that the sort is not an insertion sort, which would keep it anyway)
    [Fact]
    public void Validate_ManyRecordsOfTwoNumbersAlternating_KeepsEachNumbersRecordsInFileOrder()
    {
        RecordResult<Appointment>[] records = [.. Enumerable.Range(0, 40).Select(i => Good(2 - (i % 2), A("A", "h" + i, D(2000, 1, 1).PlusDays(i), null, AppointmentKind.Acting)))];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal(records.Where((r, i) => i % 2 == 1).Concat(records.Where((r, i) => i % 2 == 0)).Select(r => r.Value), result.Appointments);
    }

    // AppointmentValidation.cs:104-176 (records out of number order, with records of one number in file order, give what the same records in number order give)
    [Property(MaxTest = 1000)]
    public Property Validate_RecordsOutOfNumberOrder_AreValidatedAsIfInNumberOrder() =>
        Prop.ForAll(Unordered.ToArbitrary(), input =>
        {
            RecordResult<Appointment>[] inOrder = [.. input.Records.OrderBy(r => r.RecordNumber)];

            foreach (ProblemHandling handling in new[] { ProblemHandling.Continue, ProblemHandling.Stop })
            {
                AssertAlike(AppointmentValidation.Validate(inOrder, Register, input.AsOf, handling), AppointmentValidation.Validate(input.Records, Register, input.AsOf, handling));
                AssertAlike(AppointmentValidation.Validate(inOrder, input.AsOf, handling), AppointmentValidation.Validate(input.Records, input.AsOf, handling));
            }
        });

    // AppointmentRecords.cs:78, :117, :126 (is not null, ==), :127, :131: numbers that do not run on one at a time are kept
    [Fact]
    public void Validate_RecordsNumberedWithAGap_ReportsEachByItsOwnNumber()
    {
        RecordResult<Appointment>[] records =
        [
            Good(1, A("A", "h1", D(2010, 1, 1), null)),
            Good(3, A("B", "h3", D(2023, 1, 1), null)),
            Good(4, A("Z", "h4", D(2010, 1, 1), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal([3, 4], result.Reported.Select(r => r.RecordNumber));
    }

    // AppointmentRecords.cs:126 (firstNumber - count: 5 then 4 runs down one at a time)
    [Fact]
    public void Validate_RecordsNumberedDownwardsOneAtATime_ReportsEachByItsOwnNumber()
    {
        RecordResult<Appointment>[] records =
        [
            Good(5, A("B", "h5", D(2023, 1, 1), null)),
            Good(4, A("Z", "h4", D(2010, 1, 1), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal([4, 5], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal([AppointmentProblemCodes.AuthorityUnknown], result.Reported[0].Problems.Select(p => p.Code));
    }

    // AppointmentRecords.cs:55 (without the check, the index goes on to the table of the records read whole, which has fewer)
    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void RecordsIndexer_OutsideTheRecords_NamesTheIndexAndTheRecordCount(int index)
    {
        AppointmentRecords records = Csv("authority,holder,start,kind\nA,h1,2019-02-30,permanent\nA,h2,2019-04-01,permanent\n");

        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => records[index]);

        Assert.Equal("index", thrown.ParamName);
        Assert.Equal("index must be at least 0 and less than 2. (Parameter 'index')", thrown.Message);
    }

    // AppointmentTable.cs:51 (without the check, -1 is outside the rows and 1 is inside the buffer they were read into)
    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void TableIndexer_OutsideTheTable_NamesTheIndexAndTheCount(int index)
    {
        AppointmentTable table = Csv("authority,holder,start,kind\nA,h1,2019-04-01,permanent\n").Appointments;

        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => table[index]);

        Assert.Equal("index", thrown.ParamName);
        Assert.Equal("index must be at least 0 and less than 1. (Parameter 'index')", thrown.Message);
    }

    // AppointmentTable.cs:73 (without the check, the count is asked of the null and names it "source")
    [Fact]
    public void Of_NoAppointments_NamesTheAppointments()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => AppointmentTable.Of(null!));

        Assert.Equal("appointments", thrown.ParamName);
    }

    // AppointmentTable.cs:82 (without the check, the null is read and throws NullReferenceException)
    [Fact]
    public void Of_ANullAppointment_NamesTheAppointments()
    {
        Appointment[] appointments = [A("A", "h1", D(2020, 1, 1), null), null!];

        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => AppointmentTable.Of(appointments));

        Assert.Equal("appointments", thrown.ParamName);
    }

    // AppointmentTable.cs:97
    [Fact]
    public void Keep_EveryRow_IsTheTableItself()
    {
        AppointmentTable table = AppointmentTable.Of([A("A", "h1", D(2010, 1, 1), null), A("B", "h2", D(2011, 1, 1), null)]);

        Assert.Same(table, table.Keep([true, true]));
    }

    // AppointmentTable.cs:107 (the kept table holds the kept rows and no more: 20 bytes an appointment)
    [Fact]
    public void Keep_SomeRows_HoldsNoRowBeyondThem()
    {
        AppointmentTable table = AppointmentTable.Of([A("A", "h1", D(2010, 1, 1), null), A("B", "h2", D(2011, 1, 1), null), A("C", "h3", D(2012, 1, 1), null)]);

        AppointmentTable kept = table.Keep([true, false, true]);

        Assert.Equal([table[0], table[2]], kept);
        Assert.Throws<IndexOutOfRangeException>(() => kept.RowAt(2).Start);
    }

    // AppointmentTable.cs:118 (the first code kept, numbered 0, is not added again)
    [Fact]
    public void Keep_RowsOfTheFirstAuthorityKept_NameItOnce()
    {
        AppointmentTable table = AppointmentTable.Of([A("A", "h1", D(2010, 1, 1), null), A("A", "h2", D(2011, 1, 1), null), A("B", "h3", D(2012, 1, 1), null)]);

        AppointmentTable kept = table.Keep([true, true, false]);

        Assert.Equal(["A"], kept.Codes);
        Assert.Equal([0, 0], Enumerable.Range(0, kept.Count).Select(i => kept.RowAt(i).Authority));
    }

    // AppointmentTable.cs:235 (|| for &&: a row without a reason is not taken for one with a reason to look up)
    [Fact]
    public void BuilderAdd_WithoutAReason_AddsTheRow()
    {
        AppointmentTable.Builder builder = new(0);

        int index = builder.Add("A"u8, "h1"u8, D(2020, 1, 1), null, AppointmentKind.Permanent, false, []);

        Assert.Equal(0, index);
        Assert.Equal(A("A", "h1", D(2020, 1, 1), null), Assert.Single(builder.Build()));
    }

    // AppointmentTable.cs:237 (> for >=: a reason of the longest length, 64, is a reason)
    [Fact]
    public void BuilderAdd_WithAReasonOfTheLongestLength_AddsTheRow()
    {
        AppointmentTable.Builder builder = new(0);
        string code = new('a', ExitReason.MaxCodeLength);

        int index = builder.Add("A"u8, "h1"u8, D(2020, 1, 1), D(2020, 12, 31), AppointmentKind.Permanent, false, Encoding.ASCII.GetBytes(code));

        Assert.Equal(0, index);
        Assert.Equal(ExitReason.FromCode(code), Assert.Single(builder.Build()).ExitReason);
    }

    // AppointmentTable.cs:237 (+1 for -1: a reason one byte too long is not taken for the reason numbered 1)
    [Fact]
    public void ReadCsvRecords_AReasonOneCharacterTooLong_IsReported()
    {
        AppointmentRecords records = Csv(
            "authority,holder,start,end,kind,reason\n" +
            "A,h1,2010-01-01,2010-12-31,permanent,retired\n" +
            $"A,h2,2011-01-01,2011-12-31,permanent,{new string('a', ExitReason.MaxCodeLength + 1)}\n");

        Assert.Equal(ExitReason.Retired, records[0].Value?.ExitReason);
        Assert.Equal([AppointmentProblemCodes.ExitReasonInvalid], records[1].Problems.Select(p => p.Code));
        Assert.Single(records.Appointments);
    }

    // AppointmentTable.cs:237 (the length is checked before the reason is decoded on the stack: eight million bytes would overflow it)
    [Fact]
    public void ReadCsvRecords_AReasonOfMillionsOfBytes_IsReportedWithoutDecodingIt()
    {
        AppointmentRecords records = Csv($"authority,holder,start,end,kind,reason\nA,h1,2010-01-01,2010-12-31,permanent,{new string('a', 8_000_000)}\n");

        Assert.Equal([AppointmentProblemCodes.ExitReasonInvalid], Assert.Single(records).Problems.Select(p => p.Code));
    }

    // AppointmentTable.cs:204, :246 (> for <): the first row's code is interned even when it is empty, as the last code is before any row
    [Fact]
    public void BuilderAdd_AFirstRowWithAnEmptyCode_NamesIt()
    {
        AppointmentTable.Builder builder = new(0);

        builder.Add([], "h1"u8, D(2020, 1, 1), null, AppointmentKind.Permanent, false, []);
        AppointmentTable table = builder.Build();

        Assert.Equal([string.Empty], table.Codes);
        Assert.Equal(0, table.RowAt(0).Authority);
    }

    // AppointmentTable.cs:251 (the code of the row before is the one compared with: its buffer starts as zeros, so a code of one NUL byte after A is told apart only when A was copied there)
    [Fact]
    public void BuilderAdd_ACodeOfANulByteAfterAnother_IsNamedApart()
    {
        AppointmentTable.Builder builder = new(0);

        builder.Add("A"u8, "h1"u8, D(2020, 1, 1), null, AppointmentKind.Permanent, false, []);
        builder.Add("\0"u8, "h2"u8, D(2020, 1, 1), null, AppointmentKind.Permanent, false, []);
        AppointmentTable table = builder.Build();

        Assert.Equal(["A", "\0"], table.Select(a => a.AuthorityCode));
    }

    // AppointmentTable.cs:294, :295 (the rows outgrow the first buffer, of 1,024, when the count is not known beforehand)
    [Fact]
    public void Validate_MoreRecordsThanTheFirstBufferHolds_KeepsEveryAppointment()
    {
        AppointmentValidationResult result = AppointmentValidation.Validate(Lazily(1500), Register, AsOf);

        Assert.Equal(Lazily(1500).Select(r => r.Value), result.Appointments);
    }

    // AppointmentValidation.cs:209 (an open appointment starting after the as-of date is open on its start, not on the as-of date) and :231 (both problems kept)
    [Fact]
    public void Validate_AnOpenAppointmentStartingAfterAsOfAndAfterItsAuthorityLeaves_IsOutsideTheRegister()
    {
        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, A("E", "h1", D(2022, 6, 1), null))], Register, D(2022, 1, 1));

        Assert.Equal([("$.end", AppointmentProblemCodes.OutsideRegister), ("$.start", AppointmentProblemCodes.AfterAsOf)], Problems(Assert.Single(result.Reported)));
    }

    // AppointmentValidation.cs:212 (starting on the authority's first day is not what is wrong: the end is)
    [Fact]
    public void Validate_StartingOnTheAuthoritysFirstDayAndEndingAfterItsLast_NamesTheEnd()
    {
        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, A("E", "h1", D(2019, 4, 1), D(2022, 4, 1)))], Register, AsOf);

        Assert.Equal([("$.end", AppointmentProblemCodes.OutsideRegister)], Problems(Assert.Single(result.Reported)));
    }

    // AppointmentValidation.cs:216
    [Fact]
    public void Validate_StartingOnTheAsOfDay_IsUsed()
    {
        Appointment appointment = A("A", "h1", AsOf, null);

        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, appointment)], Register, AsOf);

        Assert.Empty(result.Reported);
        Assert.Equal(appointment, Assert.Single(result.Appointments));
    }

    // AppointmentValidation.cs:221
    [Fact]
    public void Validate_EndingOnTheAsOfDay_IsUsed()
    {
        Appointment appointment = A("A", "h1", D(2020, 1, 1), AsOf);

        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, appointment)], Register, AsOf);

        Assert.Empty(result.Reported);
        Assert.Equal(appointment, Assert.Single(result.Appointments));
    }

    // AppointmentValidation.cs:231 (a second problem is added to the first, not put in its place)
    [Fact]
    public void Validate_StartAndEndAfterAsOf_ReportsBoth()
    {
        AppointmentValidationResult result = AppointmentValidation.Validate([Good(1, A("A", "h1", D(2023, 1, 1), D(2023, 2, 1)))], AsOf);

        Assert.Equal([("$.start", AppointmentProblemCodes.AfterAsOf), ("$.end", AppointmentProblemCodes.AfterAsOf)], Problems(Assert.Single(result.Reported)));
    }

    // AppointmentValidation.cs:246 (sorted by authority first: another authority's appointment starting between them does not part two that overlap)
    [Fact]
    public void Validate_OverlappingPermanentAppointmentsWithAnotherAuthoritysBetween_BothOverlap()
    {
        RecordResult<Appointment>[] records =
        [
            Good(1, A("A", "h1", D(2010, 1, 1), D(2015, 12, 31))),
            Good(2, A("B", "h2", D(2011, 1, 1), D(2012, 12, 31))),
            Good(3, A("A", "h3", D(2012, 1, 1), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal([1, 3], result.Reported.Select(r => r.RecordNumber));
        Assert.All(result.Reported, r => Assert.Equal([("$.start", AppointmentProblemCodes.PermanentOverlap)], Problems(r)));
        Assert.Equal(records[1].Value, Assert.Single(result.Appointments));
    }

    // AppointmentValidation.cs:255, :256 (sharing one day is an overlap, for the later appointment and the earlier one)
    [Fact]
    public void Validate_PermanentAppointmentsSharingOneDay_BothOverlap()
    {
        RecordResult<Appointment>[] records =
        [
            Good(1, A("A", "h1", D(2010, 1, 1), D(2015, 12, 31))),
            Good(2, A("A", "h2", D(2015, 12, 31), null)),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, AsOf);

        Assert.Equal([1, 2], result.Reported.Select(r => r.RecordNumber));
        Assert.Empty(result.Appointments);
    }

    // AppointmentSummary.cs:21 (without the check, the null is read and throws NullReferenceException)
    [Fact]
    public void SummaryAdd_OfNoRecord_NamesTheRecord()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => default(AppointmentSummary).Add(null!));

        Assert.Equal("record", thrown.ParamName);
    }

    // AppointmentSummary.cs:28
    [Theory]
    [InlineData(0, "0 records: 0 used, 0 reported, 0 skipped")]
    [InlineData(1, "1 record: 1 used, 0 reported, 0 skipped")]
    [InlineData(2, "2 records: 2 used, 0 reported, 0 skipped")]
    public void SummaryToString_SaysRecordInTheSingularForOneRecordOnly(int records, string expected)
    {
        Assert.Equal(expected, new AppointmentSummary(records, records, 0, 0).ToString());
    }
}
