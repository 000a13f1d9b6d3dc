namespace Upon.Core.Workforce;

/// <summary>The records a workforce report, or a validation of Ofsted judgements, was made from: records in = used + reported + skipped.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Records">The records read.</param>
/// <param name="Used">The records measured.</param>
/// <param name="Reported">The records with problems.</param>
/// <param name="Skipped">The records not read after reading stopped.</param>
public sealed record WorkforceRecordCounts(int Records, int Used, int Reported, int Skipped)
{
    /// <summary>Copies a validation's counts.</summary>
    /// <param name="summary">The counts of an appointment validation.</param>
    /// <returns>The same counts.</returns>
    public static WorkforceRecordCounts Of(AppointmentSummary summary) => new(summary.Records, summary.Used, summary.Reported, summary.Skipped);

    /// <summary>Returns <c>N in = U used + R reported + S skipped</c>.</summary>
    /// <returns>The counts in a line.</returns>
    public override string ToString() => $"{Records} in = {Used} used + {Reported} reported + {Skipped} skipped";
}
