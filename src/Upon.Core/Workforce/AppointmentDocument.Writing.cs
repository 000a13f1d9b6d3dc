using System.Diagnostics;

namespace Upon.Core.Workforce;

// Writing: the formats this document reads, so that what is written reads back as the same appointments: CSV with
// the header authority,holder,start,end,kind,shared (and reason when an appointment has one), and JSON (an array, or
// JSON Lines) of {"authorityCode", "holderId", "start", "end"?, "kind", "sharedPost"?, "exitReason"?}.
public static partial class AppointmentDocument
{
    /// <summary>
    /// Writes <paramref name="appointments"/> as CSV: a header row, then one row an appointment in the order
    /// given, LF line ends, fields quoted when they hold a comma, a quote or a line break; an empty
    /// <c>end</c> for a holder still in post and an empty <c>shared</c> unless the post is shared. A seventh column,
    /// <c>reason</c>, is written when any appointment has an <see cref="Appointment.ExitReason"/> (empty for the others),
    /// so that files without reasons keep the six columns earlier versions wrote.
    /// </summary>
    /// <param name="csv">The writer; left open.</param>
    /// <param name="appointments">The appointments.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/>, <paramref name="appointments"/> or one of them is null.</exception>
    public static void WriteCsv(TextWriter csv, IEnumerable<Appointment> appointments)
    {
        Guard.Against.Null(csv);
        Guard.Against.Null(appointments);

        // The reason column is written only when an appointment has a reason, so files without reasons keep their layout.
        IReadOnlyList<Appointment> list = appointments as IReadOnlyList<Appointment> ?? [.. appointments];
        bool reasons = list.Any(a => Guard.Against.Null(a, nameof(appointments)).ExitReason is not null);
        csv.Write(reasons ? "authority,holder,start,end,kind,shared,reason\n" : "authority,holder,start,end,kind,shared\n");
        foreach (Appointment appointment in list)
        {
            string? end = appointment.End is LocalDate last ? DateText.Format(last) : null;
            string? shared = appointment.IsSharedPost ? "true" : null;
            if (reasons)
            {
                CsvRecordReader.WriteRecord(csv, CsvRecordReader.Quote(appointment.AuthorityCode), CsvRecordReader.Quote(appointment.HolderId), DateText.Format(appointment.Start), end, KindName(appointment.Kind), shared, appointment.ExitReason?.Code);
            }
            else
            {
                CsvRecordReader.WriteRecord(csv, CsvRecordReader.Quote(appointment.AuthorityCode), CsvRecordReader.Quote(appointment.HolderId), DateText.Format(appointment.Start), end, KindName(appointment.Kind), shared);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="appointments"/> as JSON: JSON Lines, one compact object a line (the default, and for
    /// <see cref="BatchFormat.Auto"/>), or with <see cref="BatchFormat.JsonArray"/> an array, indented or not.
    /// <c>end</c> is left out for a holder still in post, <c>sharedPost</c> unless the post is shared and
    /// <c>exitReason</c> unless the appointment has one.
    /// </summary>
    /// <param name="utf8Json">The stream to write UTF-8 to; left open.</param>
    /// <param name="appointments">The appointments.</param>
    /// <param name="format">The layout: JSON Lines unless <see cref="BatchFormat.JsonArray"/>.</param>
    /// <param name="indented">Whether to indent an array (JSON Lines are never indented).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/>, <paramref name="appointments"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static void Write(Stream utf8Json, IEnumerable<Appointment> appointments, BatchFormat format = BatchFormat.JsonLines, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(appointments);
        Guard.Against.UndefinedEnum(format);
        JsonWriting.WriteBatch(utf8Json, appointments, format, indented, WriteObject, nameof(appointments));
    }

    private static void WriteObject(Utf8JsonWriter writer, Appointment appointment)
    {
        writer.WriteStartObject();
        writer.WriteString("authorityCode", appointment.AuthorityCode);
        writer.WriteString("holderId", appointment.HolderId);
        writer.WriteString("start", DateText.Format(appointment.Start));
        if (appointment.End is LocalDate end)
        {
            writer.WriteString("end", DateText.Format(end));
        }

        writer.WriteString("kind", KindName(appointment.Kind));
        if (appointment.IsSharedPost)
        {
            writer.WriteBoolean("sharedPost", true);
        }

        if (appointment.ExitReason is ExitReason reason)
        {
            writer.WriteString("exitReason", reason.Code);
        }

        writer.WriteEndObject();
    }

    private static string KindName(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Permanent => "permanent",
        AppointmentKind.Interim => "interim",
        AppointmentKind.Acting => "acting",
        _ => throw new UnreachableException(),
    };
}
