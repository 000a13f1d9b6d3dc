namespace Upon.Core.Workforce;

/// <summary>
/// Counts of records: every record read is used, reported or skipped (after a stop), so
/// <see cref="Records"/> = <see cref="Used"/> + <see cref="Reported"/> + <see cref="Skipped"/> and
/// nothing is dropped silently. A record is a CSV data row, a JSON array element or a JSON line; record 0, the
/// problems with the file as a whole, is not one.
/// </summary>
/// <param name="Records">The records read.</param>
/// <param name="Used">The records that gave an appointment that is used.</param>
/// <param name="Reported">The records reported with problems.</param>
/// <param name="Skipped">The records not looked at because of an earlier problem and <see cref="ProblemHandling.Stop"/>.</param>
public readonly record struct AppointmentSummary(int Records, int Used, int Reported, int Skipped)
{
    /// <summary>Returns the summary with <paramref name="record"/> counted as used or reported.</summary>
    /// <param name="record">A record.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public AppointmentSummary Add(RecordResult<Appointment> record)
    {
        Guard.Against.Null(record);
        return new AppointmentSummary(Records + 1, Used + (record.IsValid ? 1 : 0), Reported + (record.IsValid ? 0 : 1), Skipped);
    }

    /// <summary>Returns "N records: N used, N reported, N skipped".</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Records} record{(Records == 1 ? string.Empty : "s")}: {Used} used, {Reported} reported, {Skipped} skipped");
}
