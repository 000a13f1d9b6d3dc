using System.IO.Pipelines;

namespace Upon.Core.Workforce;

/// <summary>
/// Reads and writes documents of Ofsted judgements of children's services, CSV or JSON, as
/// <see cref="AppointmentDocument"/> reads and writes appointments: streaming, one record in memory at a time, in file
/// order, each a <see cref="RecordResult{T}"/> holding an <see cref="OfstedJudgement"/> or its problems with the record
/// number and stable codes. What <see cref="WriteCsv"/> and <see cref="Write"/> write, <see cref="ReadCsv(Stream, ProblemHandling)"/>
/// and <see cref="Read"/> read back as the same judgements. Checks that need the register or other records are done
/// afterwards by <see cref="OfstedJudgementValidation"/>.
/// </summary>
/// <remarks>
/// <para>
/// CSV has a header row naming the columns <c>authority</c>, <c>date</c> and <c>grade</c> in any order and any case (all
/// three required), and is read by the RFC 4180 reader of <see cref="AppointmentDocument"/> under the same rules: quoted
/// fields may hold commas, line breaks and doubled quotes; CRLF, LF or a lone CR end lines; a byte order mark is skipped
/// (UTF-16 and UTF-32 with a byte order mark are decoded); empty lines are skipped. Every data row is a record, numbered
/// from 1, and comes out used or reported: a bad header is record 0 (<see cref="AppointmentProblemCodes.CsvHeaderInvalid"/>)
/// and every data row is then reported with the same code; an unclosed quote is <see cref="AppointmentProblemCodes.CsvQuoteUnclosed"/>,
/// a row of the wrong width or with a stray quote <see cref="AppointmentProblemCodes.CsvRowMalformed"/>, a field that is
/// not UTF-8 (or holds U+FFFD) <see cref="DocumentProblemCodes.TextInvalid"/>.
/// </para>
/// <para>
/// JSON is an array or JSON Lines of objects <c>{"authorityCode", "date", "grade"}</c>, all three required; a property
/// the format does not define is reported (<see cref="DocumentProblemCodes.UnknownProperty"/>), so a typo never passes.
/// </para>
/// <para>
/// Dates are ISO 8601 <c>yyyy-MM-dd</c>: the day the report was published (see <see cref="OfstedJudgement"/>). Grades are
/// the codes of <see cref="OfstedGrades"/> in any case, or Ofsted's numeric grades <c>1</c> to <c>4</c>; anything else is
/// <see cref="DocumentProblemCodes.UnknownValue"/>. A missing value is <see cref="DocumentProblemCodes.Required"/>, white
/// space alone <see cref="DocumentProblemCodes.Empty"/>, a date that is not one <see cref="DocumentProblemCodes.DateInvalid"/>.
/// </para>
/// <para>
/// Empty input (no bytes, or only white space and a byte order mark), CSV or JSON, is zero records and no problem, as a
/// header with no rows or <c>[]</c>. Reading never throws for bad input, and messages never repeat values of the records.
/// </para>
/// </remarks>
public static partial class OfstedJudgementDocument
{
    /// <summary>The largest JSON record accepted by default, in bytes (64 KiB: a judgement is a few dozen).</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    private static readonly string[] Columns = ["authority", "date", "grade"];

    private static readonly string[] Properties = ["authorityCode", "date", "grade"];

    private static readonly (string Plural, string Singular, string? ConfidentialObject) JsonRecords = ("judgements", "a judgement", null);

    /// <summary>Reads judgement records from CSV, lazily.</summary>
    /// <param name="csv">A stream of UTF-8 CSV (a byte order mark is skipped); read as the records are enumerated, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static IEnumerable<RecordResult<OfstedJudgement>> ReadCsv(Stream csv, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(csv);
        return RecordStreams.Csv(() => new CsvTableReader(csv, Columns), table => new CsvRecords(table), handling);
    }

    /// <summary>Reads judgement records from CSV text, lazily.</summary>
    /// <param name="csv">The CSV text; read as the records are enumerated, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static IEnumerable<RecordResult<OfstedJudgement>> ReadCsv(TextReader csv, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(csv);
        return RecordStreams.Csv(() => new CsvTableReader(csv, Columns), table => new CsvRecords(table), handling);
    }

    /// <summary>Reads judgement records from JSON (an array or JSON Lines), lazily.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the records are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes; a larger one is reported (<c>document.too-large</c>).</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>
    /// The records in file order. A syntax error inside an array ends the reading with one record of problems,
    /// since the array's structure is lost; in JSON Lines it affects its line only.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IEnumerable<RecordResult<OfstedJudgement>> Read(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue)
    {
        return RecordStreams.Json(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling);
    }

    /// <summary>
    /// Reads judgement records from JSON as <see cref="Read"/> does, reading the stream asynchronously (for streams that
    /// must not be read synchronously, such as an ASP.NET Core request body): the same records, problems and counts for
    /// the same bytes, however the stream splits them.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read as the records are enumerated, and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes; a larger one is reported (<c>document.too-large</c>).</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">
    /// Stops the reading: it is checked before each read of the stream and before each record, and the enumeration then
    /// throws <see cref="OperationCanceledException"/>; every record already given stands.
    /// </param>
    /// <returns>The records in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<OfstedJudgement>> ReadAsync(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        return RecordStreams.JsonAsync(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling, cancellationToken);
    }

    /// <summary>
    /// Reads judgement records from JSON in <paramref name="utf8Json"/> (for example an ASP.NET Core request's
    /// <c>BodyReader</c>) as <see cref="ReadAsync(Stream, BatchFormat, int, ProblemHandling, CancellationToken)"/> does from a stream.
    /// </summary>
    /// <param name="utf8Json">A pipe of UTF-8 JSON; read as the records are enumerated, and not completed.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>The records in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static IAsyncEnumerable<RecordResult<OfstedJudgement>> ReadAsync(PipeReader utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        return RecordStreams.JsonAsync(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling, cancellationToken);
    }

    private static RecordResult<OfstedJudgement> ReadObject(JsonElement element, int number, StringPool pool)
    {
        const string Root = JsonPath.Root;
        JsonElementReader json = new();
        if (!json.IsObject(element, Root, "a judgement object"))
        {
            return RecordResult.Failure<OfstedJudgement>(number, [.. json.Problems]);
        }

        json.RejectUnknown(element, Root, Properties);
        string? authority = json.String(element, Root, Properties[0], required: true) is string code ? pool.Get(code) : null;
        LocalDate? date = json.Date(element, Root, Properties[1], required: true);
        OfstedGrade? grade = json.String(element, Root, Properties[2], required: true) is string text ? Grade(text, JsonPath.Property(Root, Properties[2]), json.Problems) : null;
        return Build(number, authority, date, grade, json.Problems);
    }

    /// <summary>Reads a grade (see <see cref="OfstedGrades.TryParse"/>); empty text is <see cref="DocumentProblemCodes.Required"/>, other text that names no grade <see cref="DocumentProblemCodes.UnknownValue"/>.</summary>
    private static OfstedGrade? Grade(ReadOnlySpan<char> value, string path, List<DocumentProblem> problems)
    {
        if (OfstedGrades.TryParse(value, out OfstedGrade grade))
        {
            return grade;
        }

        problems.Add(value.IsWhiteSpace()
            ? new DocumentProblem(path, DocumentProblemCodes.Required, $"\"{path}\" is required.")
            : new DocumentProblem(path, DocumentProblemCodes.UnknownValue, "Expected one of: outstanding, good, requires-improvement, inadequate (any case), or Ofsted's grades 1 to 4."));
        return null;
    }

    private static RecordResult<OfstedJudgement> Build(int number, string? authority, LocalDate? date, OfstedGrade? grade, List<DocumentProblem> problems) =>
        problems.Count > 0 || authority is null || date is null || grade is null
            ? RecordResult.Failure<OfstedJudgement>(number, [.. problems])
            : RecordResult.Success(number, new OfstedJudgement(authority, date.Value, grade.Value));

    /// <summary>The judgement records of a CSV table, one step at a time.</summary>
    private sealed class CsvRecords(CsvTableReader table) : CsvRecordSource<OfstedJudgement>(table)
    {
        // Per read, not shared: authority codes repeat from row to row, so each is kept once.
        private readonly StringPool pool = new();

        protected override RecordResult<OfstedJudgement> Record()
        {
            string? authority = CsvFields.Text(Table.Field(0), Columns[0], pool, Problems);
            LocalDate? date = CsvDates.Field(Table.Field(1), Columns[1], required: true, Problems);
            ReadOnlySpan<byte> gradeField = Table.Field(2);
            OfstedGrade? grade = Grade(CsvFields.Decode(gradeField, stackalloc char[Math.Min(gradeField.Length, 256)]), Columns[2], Problems);
            return Build(Table.Number, authority, date, grade, Problems);
        }
    }
}
