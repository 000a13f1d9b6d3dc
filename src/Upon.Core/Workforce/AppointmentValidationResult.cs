namespace Upon.Core.Workforce;

/// <summary>
/// The outcome of validating appointment records: the appointments to use, the records reported with
/// their problems, and the counts, with records in = used + reported + skipped.
/// </summary>
/// <remarks>Instances are immutable.</remarks>
public sealed class AppointmentValidationResult
{
    private ImmutableArray<Appointment> appointments;

    internal AppointmentValidationResult(AppointmentTable table, ImmutableArray<RecordResult<Appointment>> reported, AppointmentSummary summary, bool stopped)
    {
        Table = table;
        Reported = reported;
        Summary = summary;
        Stopped = stopped;
    }

    /// <summary>
    /// Gets the appointments of the records used, in record order, made from <see cref="Table"/> at first use. For
    /// millions of appointments, hand <see cref="Table"/> to the measures instead: it holds the same appointments in
    /// a fraction of the memory.
    /// </summary>
    public ImmutableArray<Appointment> Appointments
    {
        get
        {
            if (appointments.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref appointments, [.. Table]);
            }

            return appointments;
        }
    }

    /// <summary>Gets the appointments of the records used, in record order, held compactly (20 bytes each).</summary>
    public AppointmentTable Table { get; }

    /// <summary>
    /// Gets the records reported, in record order, each with every problem found in it: record 0, the problems with the
    /// file as a whole (a bad CSV header, empty input), first when there is one.
    /// </summary>
    public ImmutableArray<RecordResult<Appointment>> Reported { get; }

    /// <summary>Gets the counts of records read, used, reported and skipped; record 0 is not a record read, so it is in none of them.</summary>
    public AppointmentSummary Summary { get; }

    /// <summary>Gets a value indicating whether the validation stopped at a problem (<see cref="ProblemHandling.Stop"/>).</summary>
    public bool Stopped { get; }
}
