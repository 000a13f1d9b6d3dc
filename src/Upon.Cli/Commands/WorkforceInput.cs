using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary>The appointments and register a workforce command measures, after validation.</summary>
/// <param name="Register">The authority register: read from <c>--register</c>, or made of the authorities the file names.</param>
/// <param name="RegisterFile">The register file's name, or null when the register was made from the appointments.</param>
/// <param name="Appointments">The appointments that passed validation, held compactly (the measures read them as they are).</param>
/// <param name="Reported">The records with problems, in record order.</param>
/// <param name="Summary">Records in = used + reported + skipped.</param>
internal sealed record WorkforceInput(
    AuthorityRegister Register,
    string? RegisterFile,
    AppointmentTable Appointments,
    ImmutableArray<RecordResult<Appointment>> Reported,
    AppointmentSummary Summary)
{
    /// <summary>Gets the first day in post of the earliest appointment, or null when none was used.</summary>
    public LocalDate? EarliestStart
    {
        get
        {
            LocalDate? earliest = null;
            foreach (Appointment appointment in Appointments)
            {
                earliest = earliest is LocalDate e && e <= appointment.Start ? e : appointment.Start;
            }

            return earliest;
        }
    }
}

/// <summary>
/// The options and loading shared by <c>upon turnover</c> and <c>upon tenure</c>: the appointments FILE,
/// <c>--register</c>, <c>--include-interim</c>, <c>--on-error</c> and <c>--format</c>. Each command's own options derive from this.
/// </summary>
internal abstract class WorkforceOptions : CommandOptions
{
    /// <summary>The <c>--on-error</c> value that reports every problem and exits 1 without results (the default).</summary>
    public const string Stop = "stop";

    /// <summary>The <c>--on-error</c> value that reports every problem and measures the valid records.</summary>
    public const string Continue = "continue";

    /// <summary>Initializes the options shared by the workforce commands.</summary>
    protected WorkforceOptions()
    {
        OnError.AcceptOnlyFromAmong(Stop, Continue);
    }

    /// <summary>Gets the FILE argument: appointments as CSV or JSON.</summary>
    public Argument<FileInfo> File { get; } = new("file")
    {
        Description = "Appointment records: CSV with a header (authority,holder,start,end,kind,shared) or JSON (an array or JSON Lines); told apart by the extension (.csv, .json, .jsonl), else by the first character.",
        HelpName = "FILE",
    };

    /// <summary>Gets <c>--register FILE</c>.</summary>
    public Option<FileInfo?> Register { get; } = new("--register")
    {
        Description = "An authority register, CSV or JSON (code, name, region, effectiveFrom, effectiveTo): the authorities in force, for the rates and to check each appointment's authority. Default: every authority the appointments name, in force throughout.",
        HelpName = "FILE",
    };

    /// <summary>Gets <c>--include-interim</c>.</summary>
    public Option<bool> IncludeInterim { get; } = new("--include-interim")
    {
        Description = "Count interim and acting holders as holders, as ADCS does. Default: look through them to the permanent holders.",
    };

    /// <summary>Gets <c>--on-error stop|continue</c>.</summary>
    public Option<string> OnError { get; } = new("--on-error")
    {
        Description = "What to do when records have problems (each is listed on standard error): stop (exit 1 without results) or continue (measure the valid records).",
        DefaultValueFactory = _ => Stop,
        HelpName = "stop|continue",
    };

    /// <summary>Gets <c>--format table|json</c>.</summary>
    public Option<string> Format { get; } = CommonOptions.Format();

    /// <summary>
    /// Reads and validates the appointments (and the register) the options name, as <see cref="Load(CommandRun, FileInfo, FileInfo?, LocalDate, bool)"/>
    /// does; null with the exit code after saying why on the run's error writer.
    /// </summary>
    public (WorkforceInput? Input, int ExitCode) Load(CommandRun run, LocalDate asOf) =>
        Load(run, run.GetValue(File)!, run.GetValue(Register), asOf, run.GetValue(OnError) == Continue);

    /// <summary>
    /// Writes <paramref name="report"/> in the format <c>--format</c> asks for: indented JSON, the tables
    /// <paramref name="csv"/> of that JSON, or as <paramref name="table"/> writes it (see <see cref="CommandRun.WriteResult"/>).
    /// </summary>
    /// <returns>The exit code of success.</returns>
    public int Write<T>(CommandRun run, T report, JsonTypeInfo<T> json, Action<TextWriter, T> table, params CsvTable[] csv)
    {
        run.WriteResult(Format, () => JsonSerializer.Serialize(report, json), output => table(output, report), csv);
        return ExitCodes.Success;
    }

    /// <summary>Creates an option holding a date, optional unless <paramref name="required"/>.</summary>
    public static Option<LocalDate?> DateOption(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        Required = required,
        CustomParser = ParseDate,
    };

    /// <summary>Creates the <c>--svg OUT</c> option.</summary>
    public static Option<FileInfo?> SvgFile(string description) => new("--svg")
    {
        Description = description,
        HelpName = "OUT.svg",
    };

    /// <summary>The usage error for an <c>--svg</c> file whose folder does not exist, or null.</summary>
    public static string? CheckSvg(FileInfo? file) =>
        file?.Directory is DirectoryInfo folder && !folder.Exists ? $"the folder of --svg, '{CliText.Escape(folder.FullName)}', does not exist." : null;

    /// <summary>
    /// Writes an SVG document to <paramref name="file"/> (UTF-8, LF line ends, whole or not at all: see
    /// <see cref="OutputFile"/>) when it is given; when there is nothing to draw, says so on <paramref name="error"/>
    /// and writes no file. Returns false after one line on <paramref name="error"/> when the file cannot be written.
    /// </summary>
    public static bool WriteSvg(FileInfo? file, bool anything, Action<TextWriter> draw, TextWriter error)
    {
        if (file is null)
        {
            return true;
        }

        if (!anything)
        {
            error.WriteLine($"upon: nothing to draw, so '{CliText.Escape(file.Name)}' was not written.");
            return true;
        }

        // FileInfo.ToString() is the path as the user gave it.
        return OutputFile.WriteText(file.ToString(), draw, error);
    }

    /// <summary>Today in Europe/London, from the system clock: the default as-of date.</summary>
    /// <summary>
    /// The as-of date: <paramref name="given"/>, or else the last date in the records of <c>FILE</c> (the latest first or
    /// last day in post of a valid record), found by a first pass over the file and reported on standard error, so that
    /// no result depends on the day the command runs. Null, with the exit code, when there is none: standard input
    /// cannot be read twice, and a file may have no valid record.
    /// </summary>
    public (LocalDate? AsOf, int ExitCode) AsOfOrLastDate(CommandRun run, LocalDate? given)
    {
        if (given is LocalDate date)
        {
            return (date, ExitCodes.Success);
        }

        FileInfo file = run.GetValue(File)!;
        if (InputFile.IsStandardInput(file.ToString()))
        {
            return (null, run.Usage("give --as-of when the records come from standard input: its default, the last date in the records, needs them read twice."));
        }

        LocalDate? last = null;
        using (Stream? opened = InputFile.Open(file.ToString(), "appointments file", run.Error))
        {
            if (opened is null)
            {
                return (null, ExitCodes.Failure);
            }

            using Stream stream = WorkforceFormat.Detect(file.Name, opened, out WorkforceFileFormat format);
            foreach (RecordResult<Appointment> record in Records(stream, format))
            {
                if (record.IsValid)
                {
                    LocalDate latest = record.Value.End ?? record.Value.Start;
                    last = last is LocalDate before && before >= latest ? before : latest;
                }
            }
        }

        if (last is null)
        {
            run.Error.WriteLine($"upon: '{CliText.Escape(file.Name)}' has no valid record to take the as-of date from; give --as-of.");
            return (null, ExitCodes.InvalidInput);
        }

        run.Note($"as of {CliText.Iso(last.Value)}, the last date in the records (give --as-of for another date).");
        return (last, ExitCodes.Success);
    }

    /// <summary>The description of <c>--as-of</c>, the same for every workforce command but for what the date does.</summary>
    public static string AsOfDescription(string what) =>
        $"The date the records are known to, as yyyy-MM-dd: {what}. Default: the last date in the records (the latest first or last day in post; required when they come from standard input).";

    /// <summary>
    /// Reads the appointments (and the register), validates them against the register and
    /// <paramref name="asOf"/>, and lists every record with problems on standard error
    /// (record number, path, message and code; never a value). Returns null with the exit code when
    /// a file is missing or invalid, or when records have problems and <paramref name="continueOnError"/> is false.
    /// On a terminal, reading that takes more than a second shows its progress (see <see cref="ProgressDisplay"/>).
    /// </summary>
    private static (WorkforceInput? Input, int ExitCode) Load(CommandRun run, FileInfo file, FileInfo? registerFile, LocalDate asOf, bool continueOnError)
    {
        TextWriter error = run.Error;

        // FileInfo.ToString() is the path as the user gave it; '-' is standard input.
        using Stream? opened = InputFile.Open(file.ToString(), "appointments file", error);
        if (opened is null)
        {
            return (null, ExitCodes.Failure);
        }

        AuthorityRegister? fromFile = null;
        if (registerFile is not null)
        {
            fromFile = LoadRegister(registerFile, error);
            if (fromFile is null)
            {
                return (null, ExitCodes.InvalidInput);
            }
        }

        // By extension, else by the first significant byte; standard input is not read whole (WorkforceFormat).
        using ProgressDisplay progress = ProgressDisplay.Start(run, opened, "Reading appointments", streamsResults: false);
        using Stream stream = WorkforceFormat.Detect(file.Name, progress.Stream, out WorkforceFileFormat format);

        // CSV is read whole into a compact table (20 bytes a record); JSON records stream from the file through the
        // validation. Either way only the appointments used and the records reported are kept. Without --register,
        // the register is every authority a readable record names.
        List<string> named = [];
        AppointmentRecords? table = format == WorkforceFileFormat.Json ? null : AppointmentDocument.ReadCsvRecords(stream);
        IEnumerable<RecordResult<Appointment>> records = table ?? Records(stream, format);
        AppointmentValidationResult result = fromFile is null
            ? AppointmentValidation.Validate(table is null ? Naming(records, named) : records, asOf)
            : AppointmentValidation.Validate(records, fromFile, asOf);

        progress.Stop();
        AuthorityRegister register = fromFile ?? (table is null ? AuthorityRegister.FromAuthorityCodes(named) : AuthorityRegister.FromAppointments(table.Appointments));
        if (!Proceed(error, file, result.Reported, continueOnError, $"upon: {result.Summary}", "to measure the valid records", $"measuring the {CliText.Count(result.Summary.Used, "valid record")}"))
        {
            return (null, ExitCodes.InvalidInput);
        }

        return (new WorkforceInput(register, registerFile?.Name, result.Table, result.Reported, result.Summary), ExitCodes.Success);
    }

    /// <summary>
    /// Reads the Ofsted judgements of <paramref name="file"/> (CSV or JSON, as for appointments) and validates them against
    /// the register of <paramref name="input"/> and <paramref name="asOf"/>, listing every record with problems on standard
    /// error (never a value). Returns null with the exit code when the file is missing or cannot be read, or when records
    /// have problems and <c>--on-error</c> is not <c>continue</c>.
    /// </summary>
    public (OfstedJudgementValidationResult? Judgements, int ExitCode) LoadJudgements(CommandRun run, FileInfo file, WorkforceInput input, LocalDate asOf)
    {
        TextWriter error = run.Error;
        OfstedJudgementValidationResult result;
        using (Stream? opened = InputFile.Open(file.ToString(), "Ofsted judgements file", error))
        {
            if (opened is null)
            {
                return (null, ExitCodes.Failure);
            }

            using Stream stream = WorkforceFormat.Detect(file.Name, opened, out WorkforceFileFormat format);
            IEnumerable<RecordResult<OfstedJudgement>> records = format == WorkforceFileFormat.Json
                ? OfstedJudgementDocument.Read(stream, BatchFormat.Auto)
                : OfstedJudgementDocument.ReadCsv(stream);
            result = OfstedJudgementValidation.Validate(records, input.Register, asOf);
        }

        return Proceed(error, file, result.Reported, run.GetValue(OnError) == Continue, $"upon: judgements {result.Summary}", "to measure with the valid judgements", $"measuring with the {CliText.Count(result.Summary.Used, "valid judgement")}")
            ? (result, ExitCodes.Success)
            : (null, ExitCodes.InvalidInput);
    }

    /// <summary>
    /// Lists every record of <paramref name="file"/> with problems on standard error (record number, path, message and
    /// code; never a value) and says what happens next; false when nothing may be measured: the file cannot be read
    /// (a problem at record 0), or records have problems and <paramref name="continueOnError"/> is false.
    /// </summary>
    private static bool Proceed<T>(TextWriter error, FileInfo file, ImmutableArray<RecordResult<T>> reported, bool continueOnError, string summary, string hint, string measuring)
        where T : class
    {
        if (reported.IsEmpty)
        {
            return true;
        }

        bool fatal = reported[0].RecordNumber == 0;
        int count = reported.Length - (fatal ? 1 : 0);
        string name = CliText.Escape(file.Name);
        string heading = fatal
            ? $"'{name}' cannot be read{(count == 0 ? ":" : $", and {CliText.Count(count, "record")} with it:")}"
            : $"{CliText.Count(count, "record")} of '{name}' {(count == 1 ? "has" : "have")} problems:";
        WriteProblems(error, heading, reported.Select(r => (r.RecordNumber, r.Problems)));
        if (fatal || !continueOnError)
        {
            error.WriteLine(fatal ? $"{summary}; the file cannot be read." : $"{summary}; nothing measured (use --on-error continue {hint}).");
            return false;
        }

        error.WriteLine($"{summary}; {measuring}.");
        return true;
    }

    /// <summary>The appointment records of a stream in the format <c>WorkforceFormat.Detect</c> found, read as they are enumerated.</summary>
    private static IEnumerable<RecordResult<Appointment>> Records(Stream stream, WorkforceFileFormat format) =>
        format == WorkforceFileFormat.Json ? AppointmentDocument.Read(stream, BatchFormat.Auto) : AppointmentDocument.ReadCsv(stream);

    /// <summary>Reads an authority register; on a missing file or any problem, writes why and returns null (a partial register would change every rate).</summary>
    private static AuthorityRegister? LoadRegister(FileInfo file, TextWriter error)
    {
        AuthorityRegisterReadResult result;
        using (Stream? opened = InputFile.Open(file.ToString(), "register file", error))
        {
            if (opened is null)
            {
                return null;
            }

            using Stream stream = WorkforceFormat.Detect(file.Name, opened, out WorkforceFileFormat format);
            result = format == WorkforceFileFormat.Json ? AuthorityRegisterDocument.Read(stream) : AuthorityRegisterDocument.ReadCsv(stream);
        }

        if (result.IsValid)
        {
            return result.Register;
        }

        WriteProblems(error, $"the register file '{CliText.Escape(file.Name)}' is not valid:", result.Reported.Select(r => (r.RecordNumber, r.Problems)));
        return null;
    }

    /// <summary>Writes a heading and every problem of every record as <c>record N: path: message (code)</c>.</summary>
    private static void WriteProblems(TextWriter error, string heading, IEnumerable<(int RecordNumber, ImmutableArray<DocumentProblem> Problems)> records)
    {
        error.WriteLine($"upon: {heading}");
        foreach ((int number, ImmutableArray<DocumentProblem> problems) in records)
        {
            foreach (DocumentProblem problem in problems)
            {
                error.WriteLine($"  record {number.ToString(CultureInfo.InvariantCulture)}: {CliText.Describe(problem)}");
            }
        }
    }

    /// <summary>Passes <paramref name="records"/> on, adding to <paramref name="codes"/> each authority code a readable record names, once, in the order first named.</summary>
    private static IEnumerable<RecordResult<Appointment>> Naming(IEnumerable<RecordResult<Appointment>> records, List<string> codes)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (RecordResult<Appointment> record in records)
        {
            if (record.IsValid && seen.Add(record.Value.AuthorityCode))
            {
                codes.Add(record.Value.AuthorityCode);
            }

            yield return record;
        }
    }

    private static LocalDate? ParseDate(ArgumentResult result) =>
        CliText.TryParseDate(result, $" (for example 2022-03-31) for {((OptionResult)result.Parent!).Option.Name}", out LocalDate date) ? date : null;
}
