using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// FsCheck generators for the Ofsted judgement readers, as <see cref="AppointmentDocumentGenerators"/> are for
/// appointments: authority codes full of commas, quotes and line breaks; grades spelt every way the readers accept; CSV
/// files with the three columns in any order, CRLF or LF, with or without a byte order mark; mixes of good rows and rows
/// with one defect each, whose expected counts are known; and judgement histories with duplicates for validation.
/// </summary>
public static class OfstedJudgementGenerators
{
    /// <summary>The CSV columns.</summary>
    public static readonly string[] Columns = ["authority", "date", "grade"];

    /// <summary>A judgement with awkward authority text, published on any day from 1995 to 2022, of any grade.</summary>
    public static Gen<OfstedJudgement> Judgement() =>
        from authority in AppointmentDocumentGenerators.Text()
        from days in Gen.Choose(0, 10000)
        from grade in Gen.Elements(OfstedGrade.Outstanding, OfstedGrade.Good, OfstedGrade.RequiresImprovement, OfstedGrade.Inadequate)
        select new OfstedJudgement(authority, new LocalDate(1995, 1, 1).PlusDays(days), grade);

    /// <summary>Judgements with a layout of the three columns.</summary>
    public static Arbitrary<(OfstedJudgement[] Judgements, AppointmentDocumentGenerators.CsvLayout Layout)> JudgementsWithLayout() =>
        Arb.From(from judgements in Judgement().ArrayOf() from layout in AppointmentDocumentGenerators.Layout(Columns.Length) select (judgements, layout));

    /// <summary>The three fields of a judgement, in column order, as the writer writes them.</summary>
    public static string[] Fields(OfstedJudgement judgement)
    {
        Guard.Against.Null(judgement);
        return [judgement.AuthorityCode, judgement.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), OfstedGrades.Code(judgement.Grade)];
    }

    /// <summary>A grade as a reader accepts it: its code in lower, upper or mixed case, or Ofsted's numeric grade, maybe with spaces around.</summary>
    public static Gen<string> Spelling(OfstedGrade grade) =>
        from form in Gen.Elements(0, 1, 2, 3)
        from padded in Gen.Elements(false, false, true)
        let code = OfstedGrades.Code(grade)
        let text = form switch
        {
            0 => code,
            1 => code.ToUpperInvariant(),
            2 => char.ToUpperInvariant(code[0]) + code[1..],
            _ => ((int)grade).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }
        select padded ? " " + text + " " : text;

    /// <summary>
    /// A row and whether it is good: a judgement with its grade spelt any accepted way, or a row with one defect (a date
    /// that does not exist, a grade that is none, an empty or blank authority, an empty grade or date, a field missing, a
    /// field too many).
    /// </summary>
    public static Gen<(string[] Row, bool Good)> Row() =>
        from judgement in Judgement()
        from spelling in Spelling(judgement.Grade)
        from defect in Gen.Choose(0, 11)
        let fields = AppointmentDocumentGenerators.With(Fields(judgement), 2, spelling)
        select defect switch
        {
            0 or 1 or 2 => (fields, true),
            3 => (AppointmentDocumentGenerators.With(fields, 1, "2021-02-30"), false),
            4 => (AppointmentDocumentGenerators.With(fields, 2, "adequate"), false),
            5 => (AppointmentDocumentGenerators.With(fields, 2, "5"), false),
            6 => (AppointmentDocumentGenerators.With(fields, 0, string.Empty), false),
            7 => (AppointmentDocumentGenerators.With(fields, 0, " "), false),
            8 => (AppointmentDocumentGenerators.With(fields, 2, string.Empty), false),
            9 => (AppointmentDocumentGenerators.With(fields, 1, string.Empty), false),
            10 => (fields.Take(2).ToArray(), false),
            _ => ([.. fields, "extra"], false),
        };

    /// <summary>A mix of good and bad rows with a layout of the three columns.</summary>
    public static Arbitrary<((string[] Row, bool Good)[] Rows, AppointmentDocumentGenerators.CsvLayout Layout)> RowsWithLayout() =>
        Arb.From(from rows in Row().ArrayOf() from layout in AppointmentDocumentGenerators.Layout(Columns.Length) select (rows, layout));

    /// <summary>Writes rows (each three fields in column order) as CSV bytes in <paramref name="layout"/>.</summary>
    public static byte[] Csv(IEnumerable<string[]> rows, AppointmentDocumentGenerators.CsvLayout layout) =>
        AppointmentDocumentGenerators.Csv(Columns, rows, layout);

    /// <summary>
    /// Judgement histories of authorities A to E and Z (<see cref="WorkforceGenerators.Judgements"/>: some unknown, some
    /// outside the register) with a few judgements repeated on their date (with any grade), an as-of date from 2014 to
    /// 2030, and a shuffle of the same judgements.
    /// </summary>
    public static Arbitrary<(OfstedJudgement[] Judgements, OfstedJudgement[] Shuffled, LocalDate AsOf)> HistoriesShuffled() =>
        Arb.From(
            from judgements in WorkforceGenerators.Judgements()
            from repeats in Gen.Choose(0, 3)
            from again in (from pick in Gen.Choose(0, Math.Max(0, judgements.Length - 1)) from grade in WorkforceGenerators.Grade() select (pick, grade)).ArrayOf(repeats)
            let all = judgements.Concat(again.Where(_ => judgements.Length > 0).Select(a => new OfstedJudgement(judgements[a.pick].AuthorityCode, judgements[a.pick].Date, a.grade))).ToArray()
            from shuffled in Gen.Shuffle(all)
            from asOfDays in Gen.Choose(0, 6000)
            select (all, shuffled.ToArray(), new LocalDate(2014, 1, 1).PlusDays(asOfDays)));
}
