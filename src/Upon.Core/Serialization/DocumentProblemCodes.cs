namespace Upon.Core.Serialization;

/// <summary>
/// The stable codes of the problems that the document readers of this namespace and of
/// <see cref="Upon.Core.Calendars"/> report. A code never changes meaning once published.
/// </summary>
public static class DocumentProblemCodes
{
    /// <summary>The document is not well-formed JSON (or is empty).</summary>
    public const string JsonInvalid = "json.invalid";

    /// <summary>A value has the wrong JSON type, for example a number where a string is expected.</summary>
    public const string TypeMismatch = "value.type-mismatch";

    /// <summary>A required property is missing or null.</summary>
    public const string Required = "value.required";

    /// <summary>A string that must not be empty is empty or only white space.</summary>
    public const string Empty = "value.empty";

    /// <summary>A date is not an ISO 8601 calendar date <c>yyyy-MM-dd</c>, or does not exist (30 February).</summary>
    public const string DateInvalid = "date.invalid";

    /// <summary>A period is not an ISO 8601 period of the kind expected (for example <c>P3Y</c>).</summary>
    public const string PeriodInvalid = "period.invalid";

    /// <summary>Two entries that must be unique share a date.</summary>
    public const string DateDuplicate = "date.duplicate";

    /// <summary>A collection that must hold at least one entry is empty.</summary>
    public const string CollectionEmpty = "collection.empty";

    /// <summary>A requested part of a document (for example a division of a bank-holiday document) is not there.</summary>
    public const string NotFound = "document.not-found";

    /// <summary>A value is not one of the names the property allows (for example an unknown sector or role level).</summary>
    public const string UnknownValue = "value.unknown";

    /// <summary>An object has a property the format does not define (a typo must not pass silently).</summary>
    public const string UnknownProperty = "property.unknown";

    /// <summary>A number or date is outside the range allowed.</summary>
    public const string OutOfRange = "value.out-of-range";

    /// <summary>An end date is before its start date.</summary>
    public const string EndBeforeStart = "date.end-before-start";

    /// <summary>A document is larger than the reader accepts.</summary>
    public const string DocumentTooLarge = "document.too-large";

    /// <summary>
    /// The input holds no document at all (no bytes, or only white space and a byte order mark) where exactly one
    /// document is read: an application, a policy document, a decision, a programme year, a bank-holiday document
    /// or a composition. Empty input means the same to every reader, zero documents: a reader of many records
    /// (eligibility batches, candidates, appointments, registers) reads it as zero records, exactly as it reads
    /// <c>[]</c> or a CSV header with no rows, and applies its own rule for zero records.
    /// </summary>
    public const string DocumentEmpty = "document.empty";

    /// <summary>
    /// Text is not valid Unicode: bytes that are not UTF-8, or an escape such as <c>\uDC00</c> that names half of
    /// a surrogate pair. The record is reported and reading goes on with the next one.
    /// </summary>
    public const string TextInvalid = "text.invalid";
}
