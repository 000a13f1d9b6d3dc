using System.IO.Pipelines;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// The stable codes of problems specific to authority-register documents, alongside the general codes of
/// <see cref="DocumentProblemCodes"/> (<c>value.required</c>, <c>value.empty</c>, <c>date.invalid</c>,
/// <c>date.end-before-start</c>, <c>property.unknown</c>, <c>json.invalid</c>, ...) and the CSV codes of
/// <see cref="AppointmentProblemCodes"/>. A code never changes meaning once published.
/// </summary>
public static class RegisterProblemCodes
{
    /// <summary>Two or more records of the register share an authority code; every one of them is reported.</summary>
    public const string CodeDuplicate = "register.code-duplicate";
}

/// <summary>
/// The outcome of reading an authority register: the register of the records that could be used, and the
/// records reported with their problems. Nothing is dropped silently:
/// <see cref="Records"/> = the register's authorities + <see cref="Reported"/> records (a record 0 for the
/// document as a whole is not a record read, and not counted).
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed class AuthorityRegisterReadResult
{
    internal AuthorityRegisterReadResult(AuthorityRegister register, ImmutableArray<RecordResult<Authority>> reported, int records)
    {
        Register = register;
        Reported = reported;
        Records = records;
    }

    /// <summary>Gets the register of the authorities of the records without problems, in record order.</summary>
    public AuthorityRegister Register { get; }

    /// <summary>Gets the records reported, in record order (record 0, for the document as a whole, first).</summary>
    public ImmutableArray<RecordResult<Authority>> Reported { get; }

    /// <summary>Gets the number of records read (CSV data rows, array elements, or JSON Lines).</summary>
    public int Records { get; }

    /// <summary>Gets a value indicating whether the document was read without any problem.</summary>
    public bool IsValid => Reported.IsEmpty;
}

/// <summary>
/// Reads and writes authority-register documents in CSV or JSON, reporting every problem with its record
/// number, path and a stable code; reading never throws for bad input, and messages never repeat values.
/// </summary>
/// <remarks>
/// <para>
/// CSV (read by the RFC 4180 reader that <see cref="AppointmentDocument"/> uses) has a header row naming the
/// columns <c>code</c>, <c>name</c>, <c>region</c>, <c>effectiveFrom</c> and <c>effectiveTo</c> in any order
/// (any case; <c>effectiveTo</c> may be left out). JSON is an array, JSON Lines, or a single object
/// <c>{"code", "name", "region", "effectiveFrom", "effectiveTo"?}</c>; unknown properties are reported.
/// Dates are ISO 8601 <c>yyyy-MM-dd</c>, both included; an empty or absent <c>effectiveTo</c> means still in force.
/// </para>
/// <para>
/// Each record is checked for missing or blank text (<c>value.required</c>, <c>value.empty</c>), dates
/// (<c>date.invalid</c>), an effective-to before the effective-from (<c>date.end-before-start</c>), and
/// malformed rows (<c>csv.row-malformed</c>, <c>csv.quote-unclosed</c>, <c>csv.header-invalid</c>, <c>text.invalid</c>). A code
/// must be unique in a register (an authority that changes is a new code): every record of a code that
/// appears more than once is reported with <see cref="RegisterProblemCodes.CodeDuplicate"/>, so the problems
/// do not depend on record order. A register needs at least one authority: a document with no records gives
/// record 0 with <c>collection.empty</c>, whether it is <c>[]</c>, a CSV header with no rows, or empty input (no
/// bytes, or only white space and a byte order mark, which is zero records as for every reader of many records).
/// </para>
/// <para>
/// CSV is counted row by row as <see cref="AppointmentDocument"/> counts it (a bad header is reported at
/// record 0 and every data row is reported too; a field that is not valid UTF-8 gives <c>text.invalid</c>), so the
/// two kinds of document count alike.
/// </para>
/// </remarks>
public static class AuthorityRegisterDocument
{
    /// <summary>The largest JSON record accepted, in bytes.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    private static readonly string[] Names = ["code", "name", "region", "effectiveFrom", "effectiveTo"];

    private static readonly (string Plural, string Singular, string? ConfidentialObject) Records = ("authorities", "an authority", null);

    /// <summary>Reads a register from UTF-8 CSV with a header row.</summary>
    /// <param name="csv">The stream; a byte order mark is skipped; read to its end and left open.</param>
    /// <returns>The register and the records reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static AuthorityRegisterReadResult ReadCsv(Stream csv)
    {
        Guard.Against.Null(csv);
        using CsvTableReader table = new(csv, Names, 4);
        return ReadCsv(table);
    }

    /// <summary>Reads a register from CSV text with a header row.</summary>
    /// <param name="csv">The text; read to its end and left open.</param>
    /// <returns>The register and the records reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static AuthorityRegisterReadResult ReadCsv(TextReader csv)
    {
        Guard.Against.Null(csv);
        using CsvTableReader table = new(csv, Names, 4);
        return ReadCsv(table);
    }

    /// <summary>
    /// Reads a register from UTF-8 CSV with a header row as <see cref="ReadCsv(Stream)"/> does, reading the stream
    /// asynchronously (for streams that must not be read synchronously, such as an ASP.NET Core request body): the same
    /// result for the same bytes, however the stream splits them.
    /// </summary>
    /// <param name="csv">The stream; a byte order mark is skipped; read to its end and left open.</param>
    /// <param name="cancellationToken">Stops the reading: checked before each read of the stream and each row; the task is then cancelled.</param>
    /// <returns>A task that gives the register and the records reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Task<AuthorityRegisterReadResult> ReadCsvAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return ReadCsvAsyncCore(csv, cancellationToken);
    }

    /// <summary>
    /// Reads a register from UTF-8 CSV in <paramref name="csv"/> (for example an ASP.NET Core request's <c>BodyReader</c>)
    /// as <see cref="ReadCsvAsync(Stream, CancellationToken)"/> does from a stream.
    /// </summary>
    /// <param name="csv">The pipe; read to its end and not completed.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>A task that gives the register and the records reported.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    public static Task<AuthorityRegisterReadResult> ReadCsvAsync(PipeReader csv, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(csv);
        return ReadCsvFromPipeAsync(csv, cancellationToken);
    }

    private static async Task<AuthorityRegisterReadResult> ReadCsvFromPipeAsync(PipeReader csv, CancellationToken cancellationToken)
    {
        Stream stream = csv.AsStream(leaveOpen: true);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadCsvAsyncCore(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<AuthorityRegisterReadResult> ReadCsvAsyncCore(Stream csv, CancellationToken cancellationToken)
    {
        using CsvTableReader table = new(csv, Names, 4);
        return await ReadCsv(table, useAsync: true, cancellationToken).ConfigureAwait(false);
    }

    // The synchronous readers run the same code with useAsync false: every fill then completes synchronously.
    private static AuthorityRegisterReadResult ReadCsv(CsvTableReader table) =>
        ReadCsv(table, useAsync: false, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Reads the register's rows, filling the table synchronously or, with <paramref name="useAsync"/>, asynchronously.</summary>
    private static async ValueTask<AuthorityRegisterReadResult> ReadCsv(CsvTableReader table, bool useAsync, CancellationToken cancellationToken)
    {
        Collector collector = new(Names[0], "row");
        List<DocumentProblem> whole = [];
        CsvStep header;
        while ((header = table.ReadHeader(whole)) == CsvStep.NeedInput)
        {
            await Fill(table, useAsync, cancellationToken).ConfigureAwait(false);
        }

        collector.Whole(whole);
        if (header == CsvStep.End)
        {
            return collector.Finish();
        }

        StringPool pool = new();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<DocumentProblem> problems = [];
            CsvStep row;
            while ((row = table.TryReadRow(problems)) == CsvStep.NeedInput)
            {
                await Fill(table, useAsync, cancellationToken).ConfigureAwait(false);
            }

            if (row == CsvStep.End)
            {
                return collector.Finish();
            }

            if (problems.Count > 0)
            {
                collector.Add(table.Number, null, problems);
                continue;
            }

            string? code = CsvText(table.Field(0), Names[0], problems, pool);
            string? name = CsvText(table.Field(1), Names[1], problems, pool);
            string? region = CsvText(table.Field(2), Names[2], problems, pool);
            LocalDate? from = CsvDates.Field(table.Field(3), Names[3], required: true, problems);
            LocalDate? to = table.Has(4) ? CsvDates.Field(table.Field(4), Names[4], required: false, problems) : null;
            collector.Add(table.Number, Build(code, name, region, from, to, Names[4], problems), problems);
        }
    }

    private static ValueTask Fill(CsvTableReader table, bool useAsync, CancellationToken cancellationToken)
    {
        if (useAsync)
        {
            return table.FillAsync(cancellationToken);
        }

        table.Fill();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads a register from JSON: an array of authority objects, JSON Lines, or one object.</summary>
    /// <param name="utf8Json">The UTF-8 stream; read to its end and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes; a larger one is reported (<c>document.too-large</c>).</param>
    /// <returns>
    /// The register and the records reported (a register needs every record before it is whole: codes must be
    /// unique across records). A syntax error inside an array ends the reading with one record reported.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static AuthorityRegisterReadResult Read(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        Collector collector = NewCollector();
        using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, format, maxBytes, Records.Plural, Records.Singular);
        foreach ((int number, Authority? authority, List<DocumentProblem> problems) in documents.ReadRecords(ReadRecord, Unreadable))
        {
            collector.Add(number, authority, problems);
        }

        return collector.Finish();
    }

    /// <summary>
    /// Reads a register as <see cref="Read(Stream, BatchFormat, int)"/> does, reading the stream asynchronously (for
    /// streams that must not be read synchronously, such as an ASP.NET Core request body): the same result for the same
    /// bytes, however the stream splits them.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest authority record accepted, in bytes.</param>
    /// <param name="cancellationToken">Stops the reading: checked before each read of the stream and each record; the task is then cancelled.</param>
    /// <returns>A task that gives the register, or the problems found, as <see cref="Read(Stream, BatchFormat, int)"/> does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<AuthorityRegisterReadResult> ReadAsync(Stream utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return Collect(JsonDocumentStream.ReadAllAsync(utf8Json, format, maxBytes, Records, ReadRecord, Unreadable, null, cancellationToken));
    }

    /// <summary>
    /// Reads a register from <paramref name="utf8Json"/> (for example an ASP.NET Core request's <c>BodyReader</c>) as
    /// <see cref="ReadAsync(Stream, BatchFormat, int, CancellationToken)"/> does from a stream.
    /// </summary>
    /// <param name="utf8Json">A pipe of UTF-8 JSON, read to its end and not completed.</param>
    /// <param name="format">The layout; <see cref="BatchFormat.Auto"/> looks at the first significant character.</param>
    /// <param name="maxBytes">The largest authority record accepted, in bytes.</param>
    /// <param name="cancellationToken">Stops the reading, as for a stream.</param>
    /// <returns>A task that gives the register, or the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<AuthorityRegisterReadResult> ReadAsync(PipeReader utf8Json, BatchFormat format = BatchFormat.Auto, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return Collect(JsonDocumentStream.FromPipe(utf8Json, (stream, token) => JsonDocumentStream.ReadAllAsync(stream, format, maxBytes, Records, ReadRecord, Unreadable, null, token), cancellationToken));
    }

    private static Collector NewCollector() => new(JsonPath.Property(JsonPath.Root, Names[0]), JsonPath.Root);

    private static (int Number, Authority? Authority, List<DocumentProblem> Problems) Unreadable(int number, DocumentProblem problem) => (number, null, [problem]);

    private static async Task<AuthorityRegisterReadResult> Collect(IAsyncEnumerable<(int Number, Authority? Authority, List<DocumentProblem> Problems)> records)
    {
        Collector collector = NewCollector();
        await foreach ((int number, Authority? authority, List<DocumentProblem> problems) in records.ConfigureAwait(false))
        {
            collector.Add(number, authority, problems);
        }

        return collector.Finish();
    }

    /// <summary>
    /// Writes <paramref name="register"/> as JSON, in register order (<c>effectiveTo</c> left out while in force):
    /// JSON Lines, one compact authority object a line (the default, and for <see cref="BatchFormat.Auto"/>), or with
    /// <see cref="BatchFormat.JsonArray"/> an array, indented or not.
    /// </summary>
    /// <param name="utf8Json">The stream to write UTF-8 JSON to; left open.</param>
    /// <param name="register">The register.</param>
    /// <param name="format">The layout: JSON Lines unless <see cref="BatchFormat.JsonArray"/>.</param>
    /// <param name="indented">Whether to indent an array (two spaces, LF line ends; JSON Lines are never indented).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="register"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static void Write(Stream utf8Json, AuthorityRegister register, BatchFormat format = BatchFormat.JsonLines, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(register);
        Guard.Against.UndefinedEnum(format);
        JsonWriting.WriteBatch(utf8Json, register.Authorities, format, indented, WriteObject, nameof(register));
    }

    private static void WriteObject(Utf8JsonWriter writer, Authority authority)
    {
        writer.WriteStartObject();
        writer.WriteString(Names[0], authority.Code);
        writer.WriteString(Names[1], authority.Name);
        writer.WriteString(Names[2], authority.Region);
        writer.WriteString(Names[3], DateText.Format(authority.EffectiveFrom));
        if (authority.EffectiveTo is LocalDate to)
        {
            writer.WriteString(Names[4], DateText.Format(to));
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="register"/> as CSV with the header <c>code,name,region,effectiveFrom,effectiveTo</c>,
    /// LF line ends, and fields quoted when they hold a comma, a quote or a line break.
    /// </summary>
    /// <param name="csv">The writer; left open.</param>
    /// <param name="register">The register.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> or <paramref name="register"/> is null.</exception>
    public static void WriteCsv(TextWriter csv, AuthorityRegister register)
    {
        Guard.Against.Null(csv);
        Guard.Against.Null(register);
        csv.Write(string.Join(',', Names));
        csv.Write('\n');
        foreach (Authority authority in register.Authorities)
        {
            CsvRecordReader.WriteRecord(
                csv,
                CsvRecordReader.Quote(authority.Code),
                CsvRecordReader.Quote(authority.Name),
                CsvRecordReader.Quote(authority.Region),
                DateText.Format(authority.EffectiveFrom),
                authority.EffectiveTo is LocalDate to ? DateText.Format(to) : null);
        }
    }

    private static string? CsvText(ReadOnlySpan<byte> value, string column, List<DocumentProblem> problems, StringPool pool)
    {
        Span<char> chars = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        return CsvText(chars[..Encoding.UTF8.GetChars(value, chars)], column, problems, pool);
    }

    private static string? CsvText(ReadOnlySpan<char> value, string column, List<DocumentProblem> problems, StringPool pool)
    {
        if (!value.IsWhiteSpace())
        {
            return pool.Get(value);
        }

        problems.Add(value.Length == 0
            ? new DocumentProblem(column, DocumentProblemCodes.Required, $"\"{column}\" is required.")
            : new DocumentProblem(column, DocumentProblemCodes.Empty, $"\"{column}\" must not be empty."));
        return null;
    }

    private static (int Number, Authority? Authority, List<DocumentProblem> Problems) ReadRecord(JsonElement element, int number)
    {
        JsonElementReader json = new();
        return (number, ReadObject(element, json), json.Problems);
    }

    private static Authority? ReadObject(JsonElement element, JsonElementReader json)
    {
        const string Root = JsonPath.Root;
        if (!json.IsObject(element, Root, "an authority object"))
        {
            return null;
        }

        json.RejectUnknown(element, Root, Names);
        string? code = json.String(element, Root, Names[0], required: true);
        string? name = json.String(element, Root, Names[1], required: true);
        string? region = json.String(element, Root, Names[2], required: true);
        LocalDate? from = json.Date(element, Root, Names[3], required: true);
        LocalDate? to = json.Date(element, Root, Names[4], required: false);
        return Build(code, name, region, from, to, JsonPath.Property(Root, Names[4]), json.Problems);
    }

    private static Authority? Build(string? code, string? name, string? region, LocalDate? from, LocalDate? to, string toPath, List<DocumentProblem> problems)
    {
        if (from is LocalDate first && to is LocalDate last && last < first)
        {
            problems.Add(new DocumentProblem(toPath, DocumentProblemCodes.EndBeforeStart, "The authority leaves the register before it joins it."));
        }

        return problems.Count > 0 || code is null || name is null || region is null || from is null
            ? null
            : new Authority(code, name, region, from.Value, to);
    }

    /// <summary>Collects the records read, then reports duplicate codes and builds the result.</summary>
    private sealed class Collector(string codePath, string wholePath)
    {
        private readonly List<(int Number, Authority? Authority, List<DocumentProblem> Problems)> records = [];
        private readonly List<DocumentProblem> whole = [];

        public int Records => records.Count;

        public void Whole(IEnumerable<DocumentProblem> problems) => whole.AddRange(problems);

        public void Add(int number, Authority? authority, List<DocumentProblem> problems) => records.Add((number, authority, problems));

        public AuthorityRegisterReadResult Finish()
        {
            Dictionary<string, int> countOf = new(StringComparer.Ordinal);
            foreach ((_, Authority? authority, _) in records)
            {
                if (authority is not null)
                {
                    countOf[authority.Code] = countOf.GetValueOrDefault(authority.Code) + 1;
                }
            }

            ImmutableArray<RecordResult<Authority>>.Builder reported = ImmutableArray.CreateBuilder<RecordResult<Authority>>();
            if (records.Count == 0 && whole.Count == 0)
            {
                whole.Add(new DocumentProblem(wholePath, DocumentProblemCodes.CollectionEmpty, "The register has no authorities."));
            }

            if (whole.Count > 0)
            {
                reported.Add(RecordResult.Failure<Authority>(0, [.. whole]));
            }

            List<Authority> authorities = [];
            foreach ((int number, Authority? authority, List<DocumentProblem> problems) in records)
            {
                if (authority is not null && countOf[authority.Code] > 1)
                {
                    problems.Add(new DocumentProblem(codePath, RegisterProblemCodes.CodeDuplicate, "Another record of the register has the same authority code."));
                }

                if (problems.Count > 0)
                {
                    reported.Add(RecordResult.Failure<Authority>(number, [.. problems]));
                }
                else
                {
                    authorities.Add(authority!);
                }
            }

            return new AuthorityRegisterReadResult(new AuthorityRegister(authorities), reported.ToImmutable(), records.Count);
        }
    }
}
