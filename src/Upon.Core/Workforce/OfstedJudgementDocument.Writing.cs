namespace Upon.Core.Workforce;

// Writing: the formats this document reads, so that what is written reads back as the same judgements: CSV with the
// header authority,date,grade, and JSON (an array, or JSON Lines) of {"authorityCode", "date", "grade"}.
public static partial class OfstedJudgementDocument
{
    /// <summary>
    /// Writes <paramref name="judgements"/> as CSV: the header <c>authority,date,grade</c>, then one row a judgement in
    /// the order given, LF line ends, the authority quoted when it holds a comma, a quote or a line break, dates as
    /// <c>yyyy-MM-dd</c> and grades as their codes (<see cref="OfstedGrades.Code"/>).
    /// </summary>
    /// <param name="csv">The writer; left open.</param>
    /// <param name="judgements">The judgements.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/>, <paramref name="judgements"/> or one of them is null.</exception>
    public static void WriteCsv(TextWriter csv, IEnumerable<OfstedJudgement> judgements)
    {
        Guard.Against.Null(csv);
        Guard.Against.Null(judgements);
        csv.Write(string.Join(',', Columns));
        csv.Write('\n');
        foreach (OfstedJudgement judgement in judgements)
        {
            Guard.Against.Null(judgement, nameof(judgements));
            CsvRecordReader.WriteRecord(csv, CsvRecordReader.Quote(judgement.AuthorityCode), DateText.Format(judgement.Date), OfstedGrades.Code(judgement.Grade));
        }
    }

    /// <summary>
    /// Writes <paramref name="judgements"/> as JSON: JSON Lines, one compact object a line (the default, and for
    /// <see cref="BatchFormat.Auto"/>), or with <see cref="BatchFormat.JsonArray"/> an array, indented or not.
    /// </summary>
    /// <param name="utf8Json">The stream to write UTF-8 to; left open.</param>
    /// <param name="judgements">The judgements.</param>
    /// <param name="format">The layout: JSON Lines unless <see cref="BatchFormat.JsonArray"/>.</param>
    /// <param name="indented">Whether to indent an array (two spaces, LF line ends; JSON Lines are never indented).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/>, <paramref name="judgements"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static void Write(Stream utf8Json, IEnumerable<OfstedJudgement> judgements, BatchFormat format = BatchFormat.JsonLines, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(judgements);
        Guard.Against.UndefinedEnum(format);
        JsonWriting.WriteBatch(utf8Json, judgements, format, indented, WriteObject, nameof(judgements));
    }

    private static void WriteObject(Utf8JsonWriter writer, OfstedJudgement judgement)
    {
        writer.WriteStartObject();
        writer.WriteString(Properties[0], judgement.AuthorityCode);
        writer.WriteString(Properties[1], DateText.Format(judgement.Date));
        writer.WriteString(Properties[2], OfstedGrades.Code(judgement.Grade));
        writer.WriteEndObject();
    }
}
