using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon eligibility replay</c>: recorded decisions made again on their applications.</summary>
internal static partial class EligibilityCommand
{
    /// <summary>
    /// The CSV of <c>upon eligibility replay</c>: a row per recorded decision (its result, what differs, what changed
    /// since, and the outcome, eligible-from date and reasons recorded and replayed), then a row per record of either
    /// file that could not be read, with its problems.
    /// </summary>
    internal static readonly CsvTable[] ReplayCsv =
    [
        new("decision", "results", "record", "applicationId", "result", "policy.id", "policy.version", "asOf", "differences",
            "changedSince.policyContent", "changedSince.application", "changedSince.libraryVersion",
            "recorded.outcome", "recorded.eligibleFrom", "recorded.reasons", "replayed.outcome", "replayed.eligibleFrom", "replayed.reasons"),
        new("error", "errors", "file", "record", "errors.path", "errors.code", "errors.message"),
    ];

    /// <summary>What can differ between a recorded decision and the same decision made again, in the order the output names them.</summary>
    private static readonly DecisionChanges[] ReplayFlags = [DecisionChanges.Outcome, DecisionChanges.EligibleFrom, DecisionChanges.Reasons, DecisionChanges.Figures];

    private static Command CreateReplay() =>
        new ReplayOptions().CreateCommand(
            "replay",
            "Decide again the decisions recorded in DECISIONS (as 'upon eligibility check --format json' or 'jsonl' writes them) on the applications in --applications, by the recorded policy version as of the recorded date, and say for each whether it is identical or what differs (outcome, eligible-from date, deciding reasons, figures), and whether the policy's content or the application changed since. Exit 0 when every decision is identical, 1 when one differs, was not made again (no policy, no single application) or a record could not be read, 2 on usage errors.",
            Replay);

    /// <summary>Runs <c>upon eligibility replay</c>.</summary>
    private static int Replay(CommandRun run, ReplayOptions options)
    {
        string path = run.GetValue(options.Decisions)!;
        string applicationsPath = run.GetValue(options.Applications)!;
        if (InputFile.IsStandardInput(applicationsPath) && InputFile.IsStandardInput(path))
        {
            return run.Usage("standard input ('-') can be read once: give DECISIONS or --applications as a file.");
        }

        (PolicyRegistry? registry, int exitCode) = LoadRegistry(run, InputFile.IsStandardInput(path) ? path : applicationsPath, run.GetValue(options.Policies), InputFile.IsStandardInput(path) ? "DECISIONS" : "--applications");
        if (registry is null)
        {
            return exitCode;
        }

        byte[]? decisionBytes = InputFile.ReadAll(path, "decision file", run.Error);
        if (decisionBytes is null)
        {
            return ExitCodes.Failure;
        }

        List<RecordResult<EligibilityDecision>> records = DecisionRecords.Read(decisionBytes);
        ReplayBatch batch;
        using (Stream? applications = InputFile.Open(applicationsPath, "application file", run.Error))
        {
            if (applications is null)
            {
                return ExitCodes.Failure;
            }

            batch = DecisionReplay.Replay([.. records.Where(r => r.IsValid).Select(r => r.Value!)], applications, registry);
        }

        ReplayRun result = new(records, batch);
        run.WriteResult(options.Format, () => CliJson.Document(writer => WriteReplay(writer, result)), output => WriteReplay(output, result), ReplayCsv);
        return result.AllIdentical ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>Writes the table of decisions, each that differs with both outcomes and the replayed explanation, the records not read, and the summary.</summary>
    private static void WriteReplay(TextWriter output, ReplayRun run)
    {
        TextTable table = new("#", "Application", "Policy", "Result", "What differs", "Changed since");
        foreach ((int record, ReplayResult item) in run.Results)
        {
            EligibilityDecision recorded = item.Recorded;
            table.AddRow(
                record.ToString(CultureInfo.InvariantCulture),
                CliText.Escape(item.ApplicationId),
                CliText.Escape($"{recorded.PolicyId} v{recorded.PolicyVersion.ToString(CultureInfo.InvariantCulture)}"),
                Words(item.Status.ToString()),
                item.Status == ReplayStatus.Differs ? ReplayChanges(item.Changes) : "-",
                ChangedSince(item));
        }

        table.Write(output);
        foreach ((int record, ReplayResult item) in run.Results.Where(r => r.Result.Status == ReplayStatus.Differs))
        {
            output.WriteLine();
            output.WriteLine($"record {record.ToString(CultureInfo.InvariantCulture)}, {CliText.Escape(item.ApplicationId)} as of {Iso(item.Recorded.AsOf)}: {ReplayChanges(item.Changes)} differ");
            output.WriteLine($"  recorded: {Described(item.Recorded)}; reasons {Reasons(PolicyComparison.DecidingReasons(item.Recorded))}");
            output.WriteLine($"  replayed: {Described(item.Replayed!)}; reasons {Reasons(PolicyComparison.DecidingReasons(item.Replayed!))}");
            WriteExplanation(output, item.Replayed!);
        }

        if (run.Errors.Count > 0)
        {
            output.WriteLine();
            foreach ((string file, RecordResult<EligibilityDecision> error) in run.Errors)
            {
                foreach (DocumentProblem problem in error.Problems)
                {
                    output.WriteLine($"{file} record {error.RecordNumber.ToString(CultureInfo.InvariantCulture)}: {CliText.Describe(problem)}");
                }
            }
        }

        output.WriteLine();
        output.WriteLine(run.ToString());
    }

    private static void WriteReplay(Utf8JsonWriter writer, ReplayRun run)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach ((int record, ReplayResult item) in run.Results)
        {
            writer.WriteStartObject();
            writer.WriteNumber("record", record);
            writer.WriteString("applicationId", item.ApplicationId);
            writer.WriteString("result", JsonNamingPolicy.CamelCase.ConvertName(item.Status.ToString()));
            writer.WriteStartObject("policy");
            writer.WriteString("id", item.Recorded.PolicyId);
            writer.WriteNumber("version", item.Recorded.PolicyVersion);
            writer.WriteEndObject();
            writer.WriteString("asOf", Iso(item.Recorded.AsOf));
            writer.WriteStartArray("differences");
            foreach (DecisionChanges flag in ReplayFlags.Where(flag => item.Changes.HasFlag(flag)))
            {
                writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(flag.ToString()));
            }

            writer.WriteEndArray();
            writer.WriteStartObject("changedSince");
            WriteFlag(writer, "policyContent", item.PolicyContentChanged);
            WriteFlag(writer, "application", item.ApplicationChanged);
            WriteFlag(writer, "libraryVersion", item.LibraryVersionChanged);
            writer.WriteEndObject();
            WriteOutcome(writer, "recorded", item.Recorded.Outcome, item.Recorded.EligibleFrom, PolicyComparison.DecidingReasons(item.Recorded));
            if (item.Replayed is EligibilityDecision replayed)
            {
                WriteOutcome(writer, "replayed", replayed.Outcome, replayed.EligibleFrom, PolicyComparison.DecidingReasons(replayed));
                if (item.Status == ReplayStatus.Differs)
                {
                    writer.WritePropertyName("decision");
                    DecisionDocument.Write(writer, replayed);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach ((string file, RecordResult<EligibilityDecision> error) in run.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("file", file);
            writer.WriteNumber("record", error.RecordNumber);
            CliJson.WriteProblems(writer, "errors", error.Problems);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("records", run.Records);
        writer.WriteNumber("decisions", run.Results.Count);
        writer.WriteNumber("identical", run.Batch.Identical);
        writer.WriteNumber("differs", run.Batch.Differs);
        writer.WriteNumber("notReplayed", run.Batch.NotReplayed);
        writer.WriteNumber("errors", run.Records - run.Results.Count);
        writer.WriteNumber("applicationErrors", run.Batch.ApplicationErrors.Length);
        writer.WriteEndObject();
        writer.WriteEndObject();

        static void WriteFlag(Utf8JsonWriter writer, string name, bool? value)
        {
            if (value is bool flag)
            {
                writer.WriteBoolean(name, flag);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }

    private static string ReplayChanges(DecisionChanges changes) =>
        string.Join(", ", ReplayFlags.Where(flag => changes.HasFlag(flag)).Select(flag => Words(flag.ToString())));

    /// <summary>What changed since the decision was recorded, by its fingerprint: <c>policy content</c>, <c>application</c>, <c>-</c>, or <c>unknown</c> without a fingerprint.</summary>
    private static string ChangedSince(ReplayResult item)
    {
        if (item.Recorded.Fingerprint is null)
        {
            return "unknown (no fingerprint)";
        }

        string[] changed = [.. new[] { (item.PolicyContentChanged, "policy content"), (item.ApplicationChanged, "application") }.Where(c => c.Item1 == true).Select(c => c.Item2)];
        return changed.Length == 0 ? "-" : string.Join(", ", changed);
    }

    /// <summary>A replay run: the decision records read, and the results of those that could be.</summary>
    private sealed class ReplayRun
    {
        public ReplayRun(List<RecordResult<EligibilityDecision>> records, ReplayBatch batch)
        {
            Batch = batch;
            Records = records.Count;
            List<RecordResult<EligibilityDecision>> valid = [.. records.Where(r => r.IsValid)];
            Results = [.. valid.Select((r, i) => (r.RecordNumber, batch.Results[i]))];
            Errors =
            [
                .. records.Where(r => !r.IsValid).Select(r => ("decisions", r)),
                .. batch.ApplicationErrors.Select(r => ("applications", RecordResult.Failure<EligibilityDecision>(r.RecordNumber, r.Problems))),
            ];
        }

        /// <summary>Gets the replay of the decisions read.</summary>
        public ReplayBatch Batch { get; }

        /// <summary>Gets the number of decision records: results and errors.</summary>
        public int Records { get; }

        /// <summary>Gets each decision read, with its record number, and its result.</summary>
        public List<(int Record, ReplayResult Result)> Results { get; }

        /// <summary>Gets the records of either file that could not be read.</summary>
        public List<(string File, RecordResult<EligibilityDecision> Error)> Errors { get; }

        /// <summary>Gets a value indicating whether every decision was made again and is identical, and every record was read.</summary>
        public bool AllIdentical => Errors.Count == 0 && Results.All(r => r.Result.IsIdentical);

        /// <summary>Returns the summary line.</summary>
        public override string ToString()
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"{Records} decision record(s): {Batch.Identical} identical, {Batch.Differs} different, {Batch.NotReplayed} not replayed, {Records - Results.Count} not read");
            int applicationErrors = Batch.ApplicationErrors.Length;
            return applicationErrors == 0 ? line + "." : line + string.Create(CultureInfo.InvariantCulture, $"; {applicationErrors} application record(s) not read.");
        }
    }

    /// <summary>The arguments and options of <c>upon eligibility replay</c>.</summary>
    private sealed class ReplayOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Decisions, Applications, Policies, Format];

        /// <summary>Gets the <c>DECISIONS</c> argument.</summary>
        public Argument<string> Decisions { get; } = new("decisions")
        {
            Description = "Recorded decisions: the output of 'upon eligibility check --format json' or '--format jsonl', or decision documents (one, an array, or JSON Lines). '-' reads standard input.",
            HelpName = "DECISIONS|-",
        };

        /// <summary>Gets <c>--applications</c>.</summary>
        public Option<string> Applications { get; } = new("--applications")
        {
            Description = "The applications decided (JSON, an array or JSON Lines, as 'upon eligibility check' reads them), matched to the decisions by identifier; '-' reads standard input.",
            HelpName = "FILE",
            Required = true,
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to find the recorded policy versions in instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
