namespace Upon.Core.Timelines;

/// <summary>
/// The stable codes of the problems <see cref="ProgrammeYearDocument"/> reports on top of the shared
/// <see cref="Serialization.DocumentProblemCodes"/>. A code never changes meaning once published.
/// </summary>
public static class TimelineDocumentCodes
{
    /// <summary>An object has a property the format does not define (a misspelt name is the usual cause).</summary>
    public const string PropertyUnknown = "property.unknown";

    /// <summary>A string that names one of a fixed set of values (a session kind, a delivery mode, a strand, a milestone kind) names none of them.</summary>
    public const string ValueUnknown = "value.unknown";

    /// <summary>A number is outside its allowed range, for example a negative count of taught days.</summary>
    public const string ValueOutOfRange = "value.out-of-range";

    /// <summary>A time of day is not in ISO 8601 form <c>HH:mm</c> or <c>HH:mm:ss</c>.</summary>
    public const string TimeInvalid = "time.invalid";

    /// <summary>A date interval's end is before its start.</summary>
    public const string IntervalEndBeforeStart = "interval.end-before-start";

    /// <summary>A one-day session's end time is not after its start time.</summary>
    public const string TimeEndBeforeStart = "time.end-before-start";

    /// <summary>A session has a start time without an end time, or an end time without a start time.</summary>
    public const string TimeIncomplete = "time.incomplete";
}
