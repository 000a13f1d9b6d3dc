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

    /// <summary>Two entries that must be unique share a date.</summary>
    public const string DateDuplicate = "date.duplicate";

    /// <summary>A collection that must hold at least one entry is empty.</summary>
    public const string CollectionEmpty = "collection.empty";

    /// <summary>A requested part of a document (for example a division of a bank-holiday document) is not there.</summary>
    public const string NotFound = "document.not-found";
}
