namespace Upon.Core.Workforce;

/// <summary>
/// The stable codes of problems specific to Ofsted judgement records, alongside the general codes of
/// <see cref="DocumentProblemCodes"/> (<c>value.required</c>, <c>value.empty</c>, <c>date.invalid</c>,
/// <c>value.unknown</c> for a grade, <c>property.unknown</c>, <c>json.invalid</c>, <c>text.invalid</c>, ...) and the CSV
/// codes of <see cref="AppointmentProblemCodes"/> (<c>csv.header-invalid</c>, <c>csv.row-malformed</c>,
/// <c>csv.quote-unclosed</c>). A code never changes meaning once published.
/// </summary>
public static class OfstedProblemCodes
{
    /// <summary>The judgement's authority code is not in the register.</summary>
    public const string AuthorityUnknown = "judgement.authority-unknown";

    /// <summary>The judgement's date is before its authority joins the register or after the day it leaves it.</summary>
    public const string OutsideRegister = "judgement.outside-register";

    /// <summary>The judgement's date is after the as-of date of the validation.</summary>
    public const string AfterAsOf = "judgement.after-as-of";

    /// <summary>Two or more judgements of one authority share a date; every one of them is reported.</summary>
    public const string Duplicate = "judgement.duplicate";
}
