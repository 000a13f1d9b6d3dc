namespace Upon.Core.Eligibility;

/// <summary>
/// The stable codes of problems specific to eligibility documents and policy registries, alongside the
/// general codes of <see cref="Serialization.DocumentProblemCodes"/>.
/// </summary>
public static class EligibilityProblemCodes
{
    /// <summary>Two policies have the same identifier and version.</summary>
    public const string PolicyDuplicate = "policy.duplicate";

    /// <summary>Two policies for one programme year are in force on the same date.</summary>
    public const string PolicyOverlap = "policy.overlap";

    /// <summary>For one programme year, there is a date between two policies on which none is in force.</summary>
    public const string PolicyGap = "policy.gap";

    /// <summary>Later versions of a policy must take effect later.</summary>
    public const string PolicyVersionOrder = "policy.version-order";

    /// <summary>A policy identifier is used for more than one programme year.</summary>
    public const string PolicyIdYearMismatch = "policy.id-year-mismatch";

    /// <summary>No policy governs the application's programme year on its assessment date.</summary>
    public const string PolicyNotFound = "policy.not-found";

    /// <summary>A value is not one of the names the property allows (for example an unknown sector or role level).</summary>
    public const string UnknownValue = "value.unknown";

    /// <summary>An object has a property the format does not define (a typo must not pass silently).</summary>
    public const string UnknownProperty = "property.unknown";

    /// <summary>A number or date is outside the range allowed.</summary>
    public const string OutOfRange = "value.out-of-range";

    /// <summary>An end date is before its start date.</summary>
    public const string EndBeforeStart = "date.end-before-start";

    /// <summary>A programme year is not written yyyy/yy with consecutive years.</summary>
    public const string ProgrammeYearInvalid = "programme-year.invalid";

    /// <summary>Two rules of a policy share a code.</summary>
    public const string RuleCodeDuplicate = "rule.duplicate-code";

    /// <summary>A document is larger than the reader accepts.</summary>
    public const string DocumentTooLarge = "document.too-large";
}
