using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Reads and writes appointment documents, CSV or JSON. Reading streams: one record is in memory at a time and the
/// records come in file order, each a <see cref="RecordResult{T}"/> holding an <see cref="Appointment"/> or its
/// problems with the record number and stable codes. <see cref="ReadCsvAsync(Stream, ProblemHandling, System.Threading.CancellationToken)"/>
/// reads CSV with asynchronous reads, through the same parser. What <see cref="WriteCsv"/> and <see cref="Write"/> write,
/// <see cref="ReadCsv(Stream, ProblemHandling)"/> and <see cref="Read"/> read back as the same appointments. Checks that need the register or other records are done afterwards by
/// <see cref="AppointmentValidation"/>.
/// </summary>
/// <remarks>
/// <para>
/// CSV is read by a small RFC 4180 reader in Upon.Core itself, so that NodaTime stays its only runtime
/// dependency: a header row is required, naming the columns <c>authority</c>, <c>holder</c>, <c>start</c>,
/// <c>end</c>, <c>kind</c>, <c>shared</c> and <c>reason</c> in any order and any case (<c>end</c>, <c>shared</c> and
/// <c>reason</c> may be left out); fields in double quotes may hold commas, line breaks and doubled quotes; lines end with CRLF, LF or a lone
/// CR, mixed freely; a UTF-8 byte order mark is skipped; empty lines are skipped. An empty <c>end</c> means still in
/// post; an empty <c>shared</c> means false; an empty <c>reason</c> means none given (see <see cref="ExitReason"/>).
/// </para>
/// <para>
/// Every CSV data row is a record, numbered from 1, and comes out used or reported, so records in = used +
/// reported: a bad header is reported once at record 0 (<see cref="AppointmentProblemCodes.CsvHeaderInvalid"/>) and
/// every data row is then reported with the same code, since it cannot be read without its columns. A quote that is
/// never closed takes in the rest of the file as one row (RFC 4180 lets a quoted field span lines): that row is
/// reported with <see cref="AppointmentProblemCodes.CsvQuoteUnclosed"/>, saying how many lines it covers.
/// A field whose bytes are not UTF-8 makes its row a reported record with <see cref="DocumentProblemCodes.TextInvalid"/>
/// at the column's name, and reading goes on with the next row. The check is as on decoded text: a decoder puts
/// U+FFFD in place of bytes that are not UTF-8, so a U+FFFD in any field (an identifier, a date, a kind) counts as
/// damaged text, even when the file spelt it out as valid UTF-8. Authority codes and holder ids that repeat from
/// row to row are kept as one string each.
/// </para>
/// <para>
/// CSV is read from the UTF-8 bytes, into one 64 KiB buffer rented from the shared array pool (larger only while one
/// record is longer), so memory does not grow with the number of records; no string is made but the codes and ids an
/// appointment keeps. A file with a UTF-16 or UTF-32 byte order mark is decoded first, as a <see cref="StreamReader"/>
/// decodes it.
/// </para>
/// <para>
/// Empty input (no bytes, or only white space and a byte order mark), CSV or JSON, is zero records and no problem,
/// exactly as a header with no rows or <c>[]</c> (so an empty list written as JSON Lines, an empty file, reads back).
/// </para>
/// <para>
/// JSON is an array or JSON Lines of objects
/// <c>{"authorityCode", "holderId", "start", "end"?, "kind", "sharedPost"?, "exitReason"?}</c>.
/// Dates are ISO 8601 <c>yyyy-MM-dd</c>; kinds are <c>permanent</c>, <c>interim</c> or <c>acting</c> (any case).
/// </para>
/// <para>Reading never throws for bad input, and messages never repeat values of the records.</para>
/// </remarks>
public static partial class AppointmentDocument
{
    /// <summary>The largest JSON record accepted by default, in bytes (1 MiB).</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>The name of the CSV column of the exit reason: <c>reason</c>.</summary>
    internal const string ReasonColumn = "reason";

    private static readonly string[] Columns = ["authority", "holder", "start", "end", "kind", "shared", ReasonColumn];

    private static readonly string[] Properties = ["authorityCode", "holderId", "start", "end", "kind", "sharedPost", "exitReason"];

    /// <summary>The message for a kind left empty, in CSV and JSON alike (which name the column and the property the same).</summary>
    private const string KindRequired = "\"kind\" is required.";

    private static readonly (string Plural, string Singular, string? ConfidentialObject) JsonRecords = ("appointments", "an appointment", null);

    /// <summary>Reads appointment records from CSV, lazily.</summary>
    /// <param name="csv">A stream of UTF-8 CSV (a byte order mark is skipped); read as the records are enumerated, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static IEnumerable<RecordResult<Appointment>> ReadCsv(Stream csv, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(csv);
        return RecordStreams.Csv(() => new CsvTableReader(csv, Columns, 3, 5, 6), table => new CsvRecords(table), handling);
    }

    /// <summary>Reads appointment records from CSV text, lazily.</summary>
    /// <param name="csv">The CSV text; read as the records are enumerated, and left open.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The records in file order; with <see cref="ProblemHandling.Stop"/>, the first record with problems is the last one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static IEnumerable<RecordResult<Appointment>> ReadCsv(TextReader csv, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(csv);
        return RecordStreams.Csv(() => new CsvTableReader(csv, Columns, 3, 5, 6), table => new CsvRecords(table), handling);
    }

    /// <summary>Reads appointment records from JSON (an array or JSON Lines), lazily.</summary>
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
    public static IEnumerable<RecordResult<Appointment>> Read(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue)
    {
        return RecordStreams.Json(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling);
    }

    /// <summary>
    /// Reads appointment records from JSON as <see cref="Read"/> does, reading the stream asynchronously (for streams that
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
    public static IAsyncEnumerable<RecordResult<Appointment>> ReadAsync(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        return RecordStreams.JsonAsync(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling, cancellationToken);
    }

    /// <summary>
    /// Reads appointment records from JSON in <paramref name="utf8Json"/> (for example an ASP.NET Core request's
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
    public static IAsyncEnumerable<RecordResult<Appointment>> ReadAsync(PipeReader utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, ProblemHandling handling = ProblemHandling.Continue, CancellationToken cancellationToken = default)
    {
        return RecordStreams.JsonAsync(utf8Json, format, maxBytes, JsonRecords, ReadObject, handling, cancellationToken);
    }

    private static RecordResult<Appointment> ReadObject(JsonElement element, int number, StringPool pool)
    {
        const string Root = "$";
        JsonElementReader json = new();
        if (!json.IsObject(element, Root, "an appointment object"))
        {
            return RecordResult.Failure<Appointment>(number, [.. json.Problems]);
        }

        json.RejectUnknown(element, Root, Properties);
        RecordBuilder builder = new(json.Problems);
        string? authority = json.String(element, Root, Properties[0], required: true) is string code ? pool.Get(code) : null;
        string? holder = json.String(element, Root, Properties[1], required: true) is string id ? pool.Get(id) : null;
        LocalDate? start = json.Date(element, Root, Properties[2], required: true);
        LocalDate? end = json.Date(element, Root, Properties[3], required: false);
        AppointmentKind? kind = null;
        if (json.TryGet(element, Root, Properties[4], required: true, out JsonElement kindValue))
        {
            string kindPath = JsonPath.Property(Root, Properties[4]);
            if (kindValue.ValueKind == JsonValueKind.String)
            {
                kind = builder.Kind(kindValue.GetString()!, kindPath);
            }
            else
            {
                json.TypeMismatch(kindPath, "a string", kindValue.ValueKind);
            }
        }

        bool? shared = element.TryGetProperty(Properties[5], out JsonElement sharedValue) && sharedValue.ValueKind != JsonValueKind.Null
            ? json.Bool(element, Root, Properties[5], required: false)
            : false;
        string reasonPath = JsonPath.Property(Root, Properties[6]);
        ExitReason? reason = json.String(element, Root, Properties[6], required: false) is string reasonCode ? builder.Reason(reasonCode, reasonPath) : null;
        return builder.Build(number, authority, holder, start, end, kind, shared, JsonPath.Property(Root, Properties[3]), reason, reasonPath);
    }

    private static RecordResult<Appointment> Failure(int number, string path, string code, string message) =>
        RecordResult.Failure<Appointment>(number, new DocumentProblem(path, code, message));

    /// <summary>The kind named by ASCII text (trimmed, any case); null when it names none.</summary>
    private static AppointmentKind? PlainKind(ReadOnlySpan<byte> value)
    {
        // As written by the library: lower case, not padded; compared a word at a time.
        switch (value.Length)
        {
            case 9 when BinaryPrimitives.ReadUInt64LittleEndian(value) == BinaryPrimitives.ReadUInt64LittleEndian("permanen"u8) && value[8] == (byte)'t':
                return AppointmentKind.Permanent;
            case 7 when BinaryPrimitives.ReadUInt32LittleEndian(value) == BinaryPrimitives.ReadUInt32LittleEndian("inte"u8) && BinaryPrimitives.ReadUInt32LittleEndian(value[3..]) == BinaryPrimitives.ReadUInt32LittleEndian("erim"u8):
                return AppointmentKind.Interim;
            case 6 when BinaryPrimitives.ReadUInt32LittleEndian(value) == BinaryPrimitives.ReadUInt32LittleEndian("acti"u8) && value[4] == (byte)'n' && value[5] == (byte)'g':
                return AppointmentKind.Acting;
        }

        ReadOnlySpan<byte> name = CsvFields.TrimAscii(value);
        return Ascii.EqualsIgnoreCase(name, "permanent"u8) ? AppointmentKind.Permanent
            : Ascii.EqualsIgnoreCase(name, "interim"u8) ? AppointmentKind.Interim
            : Ascii.EqualsIgnoreCase(name, "acting"u8) ? AppointmentKind.Acting
            : null;
    }

    /// <summary>The shared flag of ASCII text (trimmed, any case): empty or <c>false</c> is false, <c>true</c> true; null otherwise.</summary>
    private static bool? PlainShared(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> text = CsvFields.TrimAscii(value);
        return text.Length == 0 || Ascii.EqualsIgnoreCase(text, "false"u8) ? false
            : Ascii.EqualsIgnoreCase(text, "true"u8) ? true
            : null;
    }

    /// <summary>Parses the fields of one record, collecting every problem.</summary>
    private sealed class RecordBuilder(List<DocumentProblem> problems)
    {
        /// <summary>Reads a text field of UTF-8 CSV bytes (valid UTF-8): white space alone is a problem (<c>required</c> when empty, <c>empty</c> otherwise).</summary>
        public string? Text(ReadOnlySpan<byte> value, string path, StringPool pool) => CsvFields.Text(value, path, pool, problems);

        public LocalDate? Date(ReadOnlySpan<byte> value, string path, bool required) => CsvDates.Field(value, path, required, problems);

        /// <summary>Reads a kind from UTF-8 CSV bytes as <see cref="Kind(ReadOnlySpan{char}, string)"/> reads its decoded text; ASCII is read as it is.</summary>
        public AppointmentKind? Kind(ReadOnlySpan<byte> value, bool ascii, string path)
        {
            if (!ascii)
            {
                return Kind(CsvFields.Decode(value, stackalloc char[Math.Min(value.Length, 256)]), path);
            }

            if (CsvFields.TrimAscii(value).Length == 0)
            {
                problems.Add(new DocumentProblem(path, DocumentProblemCodes.Required, KindRequired));
                return null;
            }

            AppointmentKind? kind = PlainKind(value);
            if (kind is null)
            {
                problems.Add(new DocumentProblem(path, DocumentProblemCodes.UnknownValue, "Expected one of: permanent, interim, acting."));
            }

            return kind;
        }

        /// <summary>Reads the shared flag from UTF-8 CSV bytes as <see cref="Shared(ReadOnlySpan{char}, string)"/> reads its decoded text; ASCII is read as it is.</summary>
        public bool? Shared(ReadOnlySpan<byte> value, bool ascii, string path)
        {
            if (!ascii)
            {
                return Shared(CsvFields.Decode(value, stackalloc char[Math.Min(value.Length, 256)]), path);
            }

            bool? shared = PlainShared(value);
            if (shared is null)
            {
                problems.Add(new DocumentProblem(path, DocumentProblemCodes.UnknownValue, "Expected true, false or nothing."));
            }

            return shared;
        }

        public AppointmentKind? Kind(ReadOnlySpan<char> value, string path)
        {
            ReadOnlySpan<char> name = value.Trim();
            if (name.Length == 0)
            {
                problems.Add(new DocumentProblem(path, DocumentProblemCodes.Required, KindRequired));
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

        /// <summary>Reads an exit reason's code: trimmed; white space alone is no reason; anything but a valid code is a problem.</summary>
        public ExitReason? Reason(ReadOnlySpan<char> value, string path)
        {
            ReadOnlySpan<char> code = value.Trim();
            if (code.IsEmpty)
            {
                return null;
            }

            if (ExitReason.TryFromCode(code, out ExitReason? reason))
            {
                return reason;
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
