using System.Collections;

namespace Upon.Core.Workforce;

/// <summary>
/// The records of a whole appointments file, held compactly: each record read whole as a 20-byte row of an
/// <see cref="AppointmentTable"/>, each record with problems as its <see cref="RecordResult{T}"/>. It is what
/// <see cref="AppointmentDocument.ReadCsvRecords(Stream)"/> gives, so that a file of millions of appointments is read
/// without making an <see cref="Appointment"/> or a <see cref="RecordResult{T}"/> per record;
/// <see cref="AppointmentValidation"/> reads the rows directly.
/// </summary>
/// <remarks>
/// As a list it holds the same records, in the same order, as the lazy reader it stands for
/// (<see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/> with <see cref="ProblemHandling.Continue"/>):
/// a record read whole is given as a new <see cref="RecordResult{T}"/>, equal by value to the one that reader gives.
/// Instances are immutable and thread-safe; equality is by reference.
/// </remarks>
public sealed class AppointmentRecords : IReadOnlyList<RecordResult<Appointment>>
{
    private readonly AppointmentTable table;

    // The record numbers, or null when they run on one at a time from firstNumber (as a file's do).
    private readonly int[]? numbers;
    private readonly int firstNumber;
    private readonly int count;
    private readonly int[] failedAt;
    private readonly ImmutableArray<RecordResult<Appointment>> failures;

    private AppointmentRecords(AppointmentTable table, int[]? numbers, int firstNumber, int count, int[] failedAt, ImmutableArray<RecordResult<Appointment>> failures)
    {
        this.table = table;
        this.numbers = numbers;
        this.firstNumber = firstNumber;
        this.count = count;
        this.failedAt = failedAt;
        this.failures = failures;
    }

    /// <summary>Gets the number of records, those read whole and those with problems (a header's problems, record 0, among them).</summary>
    public int Count => count;

    /// <summary>Gets the appointments of the records read whole, in record order.</summary>
    public AppointmentTable Appointments => table;

    /// <summary>Gets the records with problems, in record order.</summary>
    public ImmutableArray<RecordResult<Appointment>> Failures => failures;

    /// <summary>Gets record <paramref name="index"/> (in file order, not its record number).</summary>
    /// <param name="index">The 0-based index, less than <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public RecordResult<Appointment> this[int index]
    {
        get
        {
            Guard.Against.IndexOutOfRange(index, count);
            int failure = Array.BinarySearch(failedAt, index);
            return failure >= 0 ? failures[failure] : RecordResult.Success(NumberAt(index), table[index - ~failure]);
        }
    }

    /// <summary>Returns the records in file order, those read whole made anew.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<RecordResult<Appointment>> GetEnumerator()
    {
        int failure = 0;
        for (int i = 0; i < count; i++)
        {
            yield return failure < failedAt.Length && failedAt[failure] == i
                ? failures[failure++]
                : RecordResult.Success(NumberAt(i), table[i - failure]);
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gets the record number of record <paramref name="index"/>.</summary>
    internal int NumberAt(int index) => numbers is null ? firstNumber + index : numbers[index];

    /// <summary>Gets the positions of the records with problems, ascending, one per item of <see cref="Failures"/>.</summary>
    internal ReadOnlySpan<int> FailedAt => failedAt;

    /// <summary>Builds the records one at a time. Not thread-safe.</summary>
    internal sealed class Builder(int capacity = 0)
    {
        private readonly AppointmentTable.Builder rows = new(capacity);
        private List<int>? numbers;
        private int firstNumber;
        private int count;
        private readonly List<int> failedAt = [];
        private readonly ImmutableArray<RecordResult<Appointment>>.Builder failures = ImmutableArray.CreateBuilder<RecordResult<Appointment>>();

        /// <summary>Gets the table the rows of records read whole go to.</summary>
        public AppointmentTable.Builder Rows => rows;

        /// <summary>Adds a record whose appointment was just added to <see cref="Rows"/>.</summary>
        public void AddRow(int number) => Number(number);

        /// <summary>Adds a record, read whole or not.</summary>
        public void Add(RecordResult<Appointment> record)
        {
            if (record.IsValid && rows.Add(record.Value) < 0)
            {
                record = RecordResult.Failure<Appointment>(record.RecordNumber, new DocumentProblem(AppointmentDocument.ReasonColumn, AppointmentProblemCodes.ExitReasonInvalid, "The file has more distinct exit reasons than a table holds (16,777,215)."));
            }

            if (!record.IsValid)
            {
                failedAt.Add(count);
                failures.Add(record);
            }

            Number(record.RecordNumber);
        }

        /// <summary>Makes the records added. The builder is spent.</summary>
        public AppointmentRecords Build() => new(rows.Build(), numbers is null ? null : [.. numbers], firstNumber, count, [.. failedAt], failures.ToImmutable());

        /// <summary>Adds the next record's number: kept only once the numbers stop running on one at a time.</summary>
        private void Number(int number)
        {
            if (count == 0)
            {
                firstNumber = number;
            }
            else if (numbers is null && number != firstNumber + count)
            {
                numbers = [.. Enumerable.Range(firstNumber, count)];
            }

            numbers?.Add(number);
            count++;
        }
    }
}
