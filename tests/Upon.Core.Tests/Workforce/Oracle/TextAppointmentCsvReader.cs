using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce.Oracle;

/// <summary>
/// The test oracle: <c>AppointmentDocument.ReadCsv</c> as it was in 0.2.0, reading characters from a
/// <see cref="StreamReader"/> (see <see cref="TextCsvRecordReader"/>). The byte reader must give the same records,
/// problems and counts for every input.
/// </summary>
internal static class TextAppointmentCsvReader
{
    private static readonly string[] Columns = ["authority", "holder", "start", "end", "kind", "shared", "reason"];

    public static IEnumerable<RecordResult<Appointment>> Read(Stream csv, ProblemHandling handling = ProblemHandling.Continue) =>
        Read(new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true), handling);

    public static IEnumerable<RecordResult<Appointment>> Read(TextReader csv, ProblemHandling handling = ProblemHandling.Continue)
    {
        foreach (RecordResult<Appointment> record in Iterate(csv))
        {
            yield return record;
            if (!record.IsValid && handling == ProblemHandling.Stop)
            {
                yield break;
            }
        }
    }

    private static IEnumerable<RecordResult<Appointment>> Iterate(TextReader csv)
    {
        TextCsvTableReader table = new(csv, Columns, 3, 5, 6);
        List<DocumentProblem> problems = [];
        bool any = table.ReadHeader(problems);
        if (problems.Count > 0)
        {
            yield return RecordResult.Failure<Appointment>(0, [.. problems]);
        }

        if (!any)
        {
            yield break;
        }

        StringPool pool = new();
        while (true)
        {
            problems.Clear();
            if (!table.TryReadRow(problems))
            {
                yield break;
            }

            if (problems.Count > 0)
            {
                yield return RecordResult.Failure<Appointment>(table.Number, [.. problems]);
                continue;
            }

            RecordBuilder builder = new(problems);
            string? authority = builder.Text(table.Field(0), Columns[0], pool);
            string? holder = builder.Text(table.Field(1), Columns[1], pool);
            LocalDate? start = builder.Date(table.Field(2), Columns[2], required: true);
            LocalDate? end = table.Has(3) ? builder.Date(table.Field(3), Columns[3], required: false) : null;
            AppointmentKind? kind = builder.Kind(table.Field(4), Columns[4]);
            bool? shared = table.Has(5) ? builder.Shared(table.Field(5), Columns[5]) : false;
            ExitReason? reason = table.Has(6) ? builder.Reason(table.Field(6).ToString(), Columns[6]) : null;
            yield return builder.Build(table.Number, authority, holder, start, end, kind, shared, Columns[3], reason, Columns[6]);
        }
    }

    /// <summary>Parses the fields of one record, collecting every problem.</summary>
    private sealed class RecordBuilder(List<DocumentProblem> problems)
    {
        public string? Text(ReadOnlySpan<char> value, string path, StringPool pool)
        {
            if (value.IsWhiteSpace())
            {
                problems.Add(new DocumentProblem(path, value.Length == 0 ? DocumentProblemCodes.Required : DocumentProblemCodes.Empty, $"\"{path}\" is required and must not be empty."));
                return null;
            }

            return pool.Get(value);
        }

        public LocalDate? Date(ReadOnlySpan<char> value, string path, bool required) => CsvDates.Field(value, path, required, problems);

        public AppointmentKind? Kind(ReadOnlySpan<char> value, string path)
        {
            ReadOnlySpan<char> name = value.Trim();
            if (name.Length == 0)
            {
                problems.Add(new DocumentProblem(path, DocumentProblemCodes.Required, $"\"{path}\" is required."));
                return null;
            }

            if (name.Equals("permanent", StringComparison.OrdinalIgnoreCase))
            {
                return AppointmentKind.Permanent;
            }

            if (name.Equals("interim", StringComparison.OrdinalIgnoreCase))
            {
                return AppointmentKind.Interim;
            }

            if (name.Equals("acting", StringComparison.OrdinalIgnoreCase))
            {
                return AppointmentKind.Acting;
            }

            problems.Add(new DocumentProblem(path, DocumentProblemCodes.UnknownValue, "Expected one of: permanent, interim, acting."));
            return null;
        }

        public bool? Shared(ReadOnlySpan<char> value, string path)
        {
            ReadOnlySpan<char> text = value.Trim();
            if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            problems.Add(new DocumentProblem(path, DocumentProblemCodes.UnknownValue, "Expected true, false or nothing."));
            return null;
        }

        /// <summary>An exit reason as the reader takes it, checked by a pattern of its own: trimmed, empty is none.</summary>
        public ExitReason? Reason(string value, string path)
        {
            string code = value.Trim();
            if (code.Length == 0)
            {
                return null;
            }

            if (System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z]([a-z0-9-]{0,62}[a-z0-9])?$"))
            {
                return ExitReason.FromCode(code);
            }

            problems.Add(new DocumentProblem(path, AppointmentProblemCodes.ExitReasonInvalid, "Expected an exit reason code: lower-case letters, digits and hyphens, starting with a letter (for example retired or moved)."));
            return null;
        }

        public RecordResult<Appointment> Build(int number, string? authority, string? holder, LocalDate? start, LocalDate? end, AppointmentKind? kind, bool? shared, string endPath, ExitReason? reason, string reasonPath)
        {
            if (start is LocalDate first && end is LocalDate last && last < first)
            {
                problems.Add(new DocumentProblem(endPath, DocumentProblemCodes.EndBeforeStart, "The last day in post is before the first."));
            }

            if (reason is not null && end is null && !problems.Exists(p => p.Path == endPath))
            {
                problems.Add(new DocumentProblem(reasonPath, AppointmentProblemCodes.ExitReasonWithoutEnd, "An exit reason is given, but the appointment has no end: the holder is still in post."));
            }

            if (problems.Count > 0 || authority is null || holder is null || start is null || kind is null || shared is null)
            {
                return RecordResult.Failure<Appointment>(number, [.. problems]);
            }

            return RecordResult.Success(number, new Appointment(authority, holder, start.Value, end, kind.Value, shared.Value) { ExitReason = reason });
        }
    }
}
