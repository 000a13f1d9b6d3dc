using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// FsCheck generators for the appointment readers: codes and holder ids full of commas, quotes and line
/// breaks; CSV files written with any column order, CRLF or LF, with or without a byte order mark; and
/// mixes of good and bad rows whose expected counts are known.
/// </summary>
public static class AppointmentDocumentGenerators
{
    /// <summary>The CSV columns.</summary>
    public static readonly string[] Columns = ["authority", "holder", "start", "end", "kind", "shared", "reason"];

    /// <summary>A code or id: one to eight characters drawn mostly from the CSV specials, always with a letter.</summary>
    public static Gen<string> Text() =>
        from letter in Gen.Elements('a', 'B', 'z', 'é')
        from rest in Gen.Elements(",", "\"", "\n", "\r\n", " ", "x", "7", "\"\"", ";").ArrayOf()
        from position in Gen.Choose(0, 8)
        let body = string.Concat(rest.Take(7))
        select body.Insert(System.Math.Min(position, body.Length), letter.ToString());

    /// <summary>An exit reason: a well-known one, or one of the user's own.</summary>
    public static Gen<ExitReason> Reason() =>
        Gen.OneOf(Gen.Elements(ExitReason.WellKnown.ToArray()), Gen.Elements("x-secondment", "a", "moved-2", "z9").Select(ExitReason.FromCode));

    /// <summary>An appointment with awkward text; one that has ended has an exit reason about half the time.</summary>
    public static Gen<Appointment> Appointment() =>
        from authority in Text()
        from holder in Text()
        from startDays in Gen.Choose(0, 10000)
        from length in Gen.Choose(-1, 3000)
        from kind in Gen.Elements(AppointmentKind.Permanent, AppointmentKind.Interim, AppointmentKind.Acting)
        from shared in Gen.Elements(true, false)
        from reason in Gen.OneOf(Gen.Constant<ExitReason?>(null), Reason().Select(r => (ExitReason?)r))
        let start = new LocalDate(1995, 1, 1).PlusDays(startDays)
        select new Appointment(authority, holder, start, length < 0 ? null : start.PlusDays(length), kind, shared) { ExitReason = length < 0 ? null : reason };

    /// <summary>How a CSV file is laid out.</summary>
    public sealed record CsvLayout(int[] Order, string NewLine, bool ByteOrderMark, bool QuoteAll, bool FinalNewLine);

    /// <summary>A layout: the seven columns in any order.</summary>
    public static Gen<CsvLayout> Layout() => Layout(Columns.Length);

    /// <summary>A layout of a table of <paramref name="columns"/> columns: any order, CRLF or LF, with or without a byte order mark, quotes and a final line end.</summary>
    public static Gen<CsvLayout> Layout(int columns) =>
        from order in Gen.Shuffle(Enumerable.Range(0, columns))
        from newLine in Gen.Elements("\r\n", "\n")
        from bom in Gen.Elements(true, false)
        from quoteAll in Gen.Elements(true, false)
        from finalNewLine in Gen.Elements(true, false)
        select new CsvLayout(order.ToArray(), newLine, bom, quoteAll, finalNewLine);

    /// <summary>Appointments with a layout.</summary>
    public static Arbitrary<(Appointment[] Appointments, CsvLayout Layout)> AppointmentsWithLayout() =>
        Arb.From(from appointments in Appointment().ArrayOf() from layout in Layout() select (appointments, layout));

    /// <summary>One CSV field, quoted when it must be (or always with <paramref name="quoteAll"/>).</summary>
    public static string Field(string value, bool quoteAll) =>
        quoteAll || value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : value;

    /// <summary>The seven fields of an appointment, in column order.</summary>
    public static string[] Fields(Appointment appointment) =>
    [
        appointment.AuthorityCode,
        appointment.HolderId,
        appointment.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        appointment.End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        appointment.Kind.ToString().ToLowerInvariant(),
        appointment.IsSharedPost ? "true" : "false",
        appointment.ExitReason?.Code ?? string.Empty,
    ];

    /// <summary>Writes rows (each seven fields in column order) as CSV bytes in <paramref name="layout"/>.</summary>
    public static byte[] Csv(IEnumerable<string[]> rows, CsvLayout layout) => Csv(Columns, rows, layout);

    /// <summary>
    /// Writes a table of <paramref name="columns"/> as CSV bytes in <paramref name="layout"/>: the header, then each row
    /// whose width is the table's in the layout's column order; a row of another width (a defect) is written as it is.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<string[]> rows, CsvLayout layout)
    {
        Guard.Against.Null(columns);
        Guard.Against.Null(rows);
        Guard.Against.Null(layout);
        StringBuilder text = new();
        List<string> lines = [string.Join(',', layout.Order.Select(i => Field(columns[i], layout.QuoteAll)))];
        foreach (string[] row in rows)
        {
            lines.Add(string.Join(',', row.Length == columns.Count ? layout.Order.Select(i => Field(row[i], layout.QuoteAll)) : row.Select(f => Field(f, layout.QuoteAll))));
        }

        text.Append(string.Join(layout.NewLine, lines));
        if (layout.FinalNewLine)
        {
            text.Append(layout.NewLine);
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        return layout.ByteOrderMark ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    /// <summary>A row and whether it is good: good appointments, or rows with one defect each.</summary>
    public static Gen<(string[] Row, bool Good)> Row() =>
        from appointment in Appointment()
        from defect in Gen.Choose(0, 9)
        let fields = Fields(appointment)
        select defect switch
        {
            0 or 1 => (fields, true),
            2 => (With(fields, 2, "2021-02-30"), false),
            3 => (With(fields, 4, "temporary"), false),
            4 => (With(With(fields, 2, "2020-05-02"), 3, "2020-05-01"), false),
            5 => (With(fields, 1, string.Empty), false),
            6 => (fields.Take(5).ToArray(), false),
            7 => (With(With(fields, 3, string.Empty), 6, "retired"), false),
            8 => (With(fields, 6, "Retired!"), false),
            _ => ([.. fields, "extra"], false),
        };

    /// <summary>A mix of good and bad rows with a layout.</summary>
    public static Arbitrary<((string[] Row, bool Good)[] Rows, CsvLayout Layout)> RowsWithLayout() =>
        Arb.From(from rows in Row().ArrayOf() from layout in Layout() select (rows, layout));

    /// <summary>Appointment histories (some unknown, outside the register, overlapping), an as-of date and a shuffle of the same records.</summary>
    public static Arbitrary<(Appointment[] Appointments, Appointment[] Shuffled, LocalDate AsOf)> HistoriesShuffled() =>
        Arb.From(
            from appointments in WorkforceGenerators.Appointments()
            from shuffled in Gen.Shuffle(appointments)
            from asOfDays in Gen.Choose(0, 6000)
            select (appointments, shuffled.ToArray(), new LocalDate(2014, 1, 1).PlusDays(asOfDays)));

    /// <summary>A copy of <paramref name="fields"/> with field <paramref name="index"/> set to <paramref name="value"/>.</summary>
    internal static string[] With(string[] fields, int index, string value)
    {
        string[] copy = [.. fields];
        copy[index] = value;
        return copy;
    }
}
