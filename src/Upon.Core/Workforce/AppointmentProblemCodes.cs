namespace Upon.Core.Workforce;

/// <summary>
/// The stable codes of problems specific to appointment records, alongside the general codes of
/// <see cref="DocumentProblemCodes"/> (<c>value.required</c>, <c>value.empty</c>, <c>date.invalid</c>,
/// <c>value.unknown</c>, <c>date.end-before-start</c>, <c>json.invalid</c>, ...). A code never changes meaning once published.
/// </summary>
public static class AppointmentProblemCodes
{
    /// <summary>The CSV header is missing, or names a column twice, or names a column the format does not define, or lacks a required one.</summary>
    public const string CsvHeaderInvalid = "csv.header-invalid";

    /// <summary>A CSV row has a different number of fields from the header, or a stray quote.</summary>
    public const string CsvRowMalformed = "csv.row-malformed";

    /// <summary>A quoted CSV field is not closed before the end of the input.</summary>
    public const string CsvQuoteUnclosed = "csv.quote-unclosed";

    /// <summary>The appointment's authority code is not in the register.</summary>
    public const string AuthorityUnknown = "appointment.authority-unknown";

    /// <summary>The appointment starts before its authority joins the register or runs past the day it leaves it.</summary>
    public const string OutsideRegister = "appointment.outside-register";

    /// <summary>A date of the appointment is after the as-of date of the validation.</summary>
    public const string AfterAsOf = "appointment.after-as-of";

    /// <summary>Two permanent appointments of one authority share at least one day.</summary>
    public const string PermanentOverlap = "appointment.permanent-overlap";

    /// <summary>The exit reason is not a valid code: 1 to 64 lower-case ASCII letters, digits and hyphens, starting with a letter.</summary>
    public const string ExitReasonInvalid = "appointment.exit-reason-invalid";

    /// <summary>An exit reason is given for an appointment with no end (the holder is still in post).</summary>
    public const string ExitReasonWithoutEnd = "appointment.exit-reason-without-end";
}
