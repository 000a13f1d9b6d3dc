using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;
using Upon.Core.Serialization;

namespace Upon.Core.Workforce;

/// <summary>What a reader or a validation does after a record with problems.</summary>
public enum ProblemHandling
{
    /// <summary>Report the record and go on with the rest.</summary>
    Continue = 0,

    /// <summary>Report the record and stop: the rest is not used (and counted as skipped where it is known).</summary>
    Stop,
}

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
}

/// <summary>
/// One record of an appointment file: the appointment read, or the problems that stopped it from being
/// used. Exactly one of <see cref="Appointment"/> and <see cref="Problems"/> is set.
/// </summary>
/// <remarks>
/// Problem paths are relative to the record: the CSV column name (<c>start</c>) or <c>row</c> for the
/// whole row; the JSON path within the element (<c>$.start</c>), <c>$</c> for the whole element. Messages
/// never repeat values of the record, so no holder id ever reaches a log. Equality is by value, with
/// <see cref="Problems"/> compared by reference.
/// </remarks>
/// <param name="RecordNumber">
/// The 1-based number of the record: the data row of a CSV file (header and empty lines not counted), the
/// element of a JSON array, or the line of JSON Lines. 0 for a problem with the file as a whole (a CSV header).
/// </param>
/// <param name="Appointment">The appointment, when the record could be used.</param>
/// <param name="Problems">The problems, when it could not.</param>
public sealed record AppointmentRecord(int RecordNumber, Appointment? Appointment, ImmutableArray<DocumentProblem> Problems)
{
    /// <summary>Gets the record number; checked to be 0 or more.</summary>
    public int RecordNumber { get; init; } = RecordNumber >= 0
        ? RecordNumber
        : throw new ArgumentOutOfRangeException(nameof(RecordNumber), "A record number is 0 or more.");

    /// <summary>Gets the problems; checked so that exactly one of <see cref="Appointment"/> and the problems is set.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; init; } = (Appointment is null) != Problems.IsDefaultOrEmpty
        ? Problems.IsDefault ? [] : Problems
        : throw new ArgumentException("A record holds either an appointment or at least one problem, not both and not neither.", nameof(Problems));

    /// <summary>Gets a value indicating whether the record holds an appointment (and no problems).</summary>
    [MemberNotNullWhen(true, nameof(Appointment))]
    public bool IsValid => Appointment is not null;
}

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
    public AppointmentSummary Add(AppointmentRecord record)
    {
        Guard.Against.Null(record);
        return new AppointmentSummary(Records + 1, Used + (record.IsValid ? 1 : 0), Reported + (record.IsValid ? 0 : 1), Skipped);
    }

    /// <summary>Returns "N records: N used, N reported, N skipped".</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Records} record{(Records == 1 ? string.Empty : "s")}: {Used} used, {Reported} reported, {Skipped} skipped");
}
