using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon eligibility check</c>, <c>upon eligibility policies</c>, <c>upon eligibility compare</c>, <c>upon eligibility test</c> and <c>upon eligibility replay</c>.</summary>
internal static partial class EligibilityCommand
{
    private const string JsonLines = "jsonl";

    /// <summary>Creates the command group.</summary>
    public static Command Create()
    {
        Command eligibility = new("eligibility", "Decide eligibility for the Aspirant Directors programme, show the policies that decide it, compare two policies on the same applications, run conformance cases against the policies, generate the cases at a policy's edges, and make recorded decisions again.");
        eligibility.Add(CreateCheck());
        eligibility.Add(CreatePolicies());
        eligibility.Add(CreateCompare());
        eligibility.Add(CreateTest());
        eligibility.Add(CreateCases());
        eligibility.Add(CreateReplay());
        return eligibility;
    }

    private static Command CreateCheck() =>
        new CheckOptions().CreateCommand("check", "Decide the applications in FILE and explain each decision. Exit 0 when every document was decided (ineligible is a result), 1 when any document was invalid, 2 on usage errors.", Check);

    /// <summary>Runs <c>upon eligibility check</c>.</summary>
    private static int Check(CommandRun run, CheckOptions options)
    {
        string path = run.GetValue(options.File)!;
        (PolicyRegistry? registry, int exitCode) = LoadRegistry(run, path, run.GetValue(options.Policies));
        if (registry is null)
        {
            return exitCode;
        }

        EligibilityPolicy? fixedPolicy = null;
        if (run.GetValue(options.Policy) is string policyId)
        {
            fixedPolicy = FindPolicy(registry, policyId);
            if (fixedPolicy is null)
            {
                return run.Usage($"no policy '{CliText.Escape(policyId)}'; run 'upon eligibility policies' to list them.");
            }
        }

        string format = run.GetValue(options.Format)!;
        DecisionDetail detail = run.GetValue(options.Summaries) ? DecisionDetail.Summary : DecisionDetail.Full;
        if (detail == DecisionDetail.Summary && format is not (CommonOptions.Json or JsonLines))
        {
            return run.Usage("--summaries applies to --format json and jsonl.");
        }

        using Stream? input = InputFile.Open(path, "file", run.Error);
        if (input is null)
        {
            return ExitCodes.Failure;
        }

        EligibilityBatch batch = new(registry, fixedPolicy, run.GetValue(options.AsOf));
        BatchSummary summary;

        // A table is written when every application is decided; the other formats stream a result at a time.
        using (ProgressDisplay progress = ProgressDisplay.Start(run, input, "Deciding applications", streamsResults: format != CommonOptions.Table))
        {
            IEnumerable<RecordResult<EligibilityDecision>> results = batch.Evaluate(progress.Stream);
            if (format == CommonOptions.Table)
            {
                List<RecordResult<EligibilityDecision>> decided = [.. results];
                progress.Stop();
                return WriteTable(run.Output, decided, run.GetValue(options.Explain)).Errors > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
            }

            summary = format switch
            {
                CommonOptions.Json => WriteJson(run.Output, results, detail),
                JsonLines => WriteJsonLines(run.Output, results, detail),
                _ => WriteCsv(run.Output, results),
            };
        }

        if (format != CommonOptions.Json && !run.IsQuiet)
        {
            // jsonl and csv say their summary on standard error, so that standard output is only results.
            run.Error.WriteLine(summary.ToString());
        }

        return summary.Errors > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private static Command CreatePolicies() =>
        new PoliciesOptions().CreateCommand("policies", "List the eligibility policies, or show one: its rules, effective dates and interpretation choices.", Policies);

    /// <summary>Runs <c>upon eligibility policies</c>.</summary>
    private static int Policies(CommandRun run, PoliciesOptions options)
    {
        PolicyRegistry? registry = LoadRegistry(run.GetValue(options.Policies), run.Error);
        if (registry is null)
        {
            return ExitCodes.InvalidInput;
        }

        bool json = run.IsJson(options.Format);
        if (run.GetValue(options.Id) is not string policyId)
        {
            if (json)
            {
                WritePolicies(run.Output, registry.Policies);
            }
            else if (run.GetValue(options.Format) == CommonOptions.Csv)
            {
                WritePoliciesCsv(run.Output, registry.Policies);
            }
            else
            {
                TextTable table = new("Policy", "Version", "Programme year", "Effective from", "Effective to", "Title");
                foreach (EligibilityPolicy p in registry.Policies)
                {
                    table.AddRow(p.Id, p.Version.ToString(CultureInfo.InvariantCulture), p.ProgrammeYear, Iso(p.EffectiveFrom), p.EffectiveTo is LocalDate to ? Iso(to) : "open", p.Title);
                }

                table.Write(run.Output);
            }

            return ExitCodes.Success;
        }

        EligibilityPolicy? found = FindPolicy(registry, policyId);
        if (found is null)
        {
            return run.Usage($"no policy '{CliText.Escape(policyId)}'; run 'upon eligibility policies' to list them.");
        }

        if (json)
        {
            WritePolicies(run.Output, [found]);
        }
        else if (run.GetValue(options.Format) == CommonOptions.Csv)
        {
            WritePoliciesCsv(run.Output, [found]);
        }
        else
        {
            run.Output.WriteLine(CliText.Escape(found.Title));
            run.Output.WriteLine($"{CliText.Escape(found.Id)} version {found.Version}, programme year {CliText.Escape(found.ProgrammeYear)}, assessments from {Iso(found.EffectiveFrom)}{(found.EffectiveTo is LocalDate to ? " to " + Iso(to) : " on")}");
            run.Output.WriteLine();
            run.Output.WriteLine("Rules:");
            WriteRule(run.Output, found.Rule, 1);
            run.Output.WriteLine();
            run.Output.WriteLine("Interpretation:");
            foreach (string sentence in found.Interpretation)
            {
                run.Output.WriteLine($"  - {CliText.Escape(sentence)}");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The registry of a command that reads applications (or cases) from <paramref name="path"/>: standard input cannot
    /// be both that document, the argument <paramref name="argument"/>, and <paramref name="policies"/> (a usage error);
    /// null with the exit code when it cannot be had.
    /// </summary>
    private static (PolicyRegistry? Registry, int ExitCode) LoadRegistry(CommandRun run, string path, string? policies, string argument = "FILE")
    {
        if (InputFile.IsStandardInput(path) && InputFile.IsStandardInput(policies ?? string.Empty))
        {
            return (null, run.Usage($"standard input ('-') can be read once: give {argument} or --policies as a file."));
        }

        return LoadRegistry(policies, run.Error) is PolicyRegistry registry ? (registry, ExitCodes.Success) : (null, ExitCodes.InvalidInput);
    }

    private static PolicyRegistry? LoadRegistry(string? path, TextWriter error)
    {
        if (path is null)
        {
            return PolicyRegistry.BuiltIn;
        }

        DocumentResult<IReadOnlyList<EligibilityPolicy>> read;
        using (Stream? stream = InputFile.Open(path, "policy file", error))
        {
            if (stream is null)
            {
                return null;
            }

            read = PolicyDocument.Read(stream);
        }

        DocumentResult<PolicyRegistry>? registry = read.IsValid ? PolicyRegistry.Create(read.Value) : null;
        if (registry is { IsValid: true })
        {
            return registry.Value;
        }

        error.WriteLine($"upon: the policy file '{CliText.FileName(path)}' is not valid:");
        foreach (DocumentProblem problem in registry?.Problems ?? read.Problems)
        {
            error.WriteLine($"  {CliText.Describe(problem)}");
        }

        return null;
    }

    private static EligibilityPolicy? FindPolicy(PolicyRegistry registry, string text)
    {
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return registry.FindById(text);
        }

        return int.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int version)
            ? registry.FindById(text[..at], version)
            : null;
    }

    /// <summary>Writes the decisions and errors of a batch as a table, optionally each decision's explanation, then the summary.</summary>
    internal static BatchSummary WriteTable(TextWriter output, IEnumerable<RecordResult<EligibilityDecision>> items, bool explain)
    {
        BatchSummary summary = default;
        TextTable table = new("#", "Application", "Outcome", "Policy", "Why");
        List<EligibilityDecision> decisions = [];
        List<RecordResult<EligibilityDecision>> errors = [];
        foreach (RecordResult<EligibilityDecision> item in items)
        {
            summary = summary.Add(item);
            string index = item.RecordNumber.ToString(CultureInfo.InvariantCulture);
            if (item.Value is EligibilityDecision decision)
            {
                table.AddRow(index, decision.ApplicationId, decision.DescribeOutcome(), $"{decision.PolicyId} v{decision.PolicyVersion}", Why(decision));
                if (explain)
                {
                    decisions.Add(decision);
                }
            }
            else
            {
                // The table names the record's problems; every one is listed in full below it.
                DocumentProblem first = item.Problems[0];
                string more = item.Problems.Length > 1 ? $" and {item.Problems.Length - 1} more" : string.Empty;
                table.AddRow(index, "-", "error", "-", $"{first.Path} ({first.Code}){more}: see below");
                errors.Add(item);
            }
        }

        table.Write(output);
        if (errors.Count > 0)
        {
            output.WriteLine();
            foreach (RecordResult<EligibilityDecision> error in errors)
            {
                foreach (DocumentProblem problem in error.Problems)
                {
                    output.WriteLine($"record {error.RecordNumber.ToString(CultureInfo.InvariantCulture)}: {CliText.Describe(problem)}");
                }
            }
        }

        foreach (EligibilityDecision decision in decisions)
        {
            output.WriteLine();
            WriteExplanation(output, decision);
        }

        output.WriteLine();
        output.WriteLine(summary.ToString());
        return summary;
    }

    /// <summary>
    /// The table's reason for a decision, a sentence whatever the outcome: the top rule's message, and for a decision
    /// that is not eligible the rules under it that decided so, by code (<c>1 of 4 requirements not met
    /// (senior-leadership).</c>); <c>--explain</c> gives each rule's own sentence.
    /// </summary>
    private static string Why(EligibilityDecision decision)
    {
        CriterionResult top = decision.Explanation;
        string[] deciding = decision.Outcome == EligibilityOutcome.Eligible ? [] : [.. top.Results.Where(r => r.Outcome == top.Outcome).Select(r => r.Code)];
        return CliText.Escape(deciding.Length == 0 ? top.Message : $"{top.Message.TrimEnd('.')} ({string.Join(", ", deciding)}).");
    }

    /// <summary>Writes a decision's outcome and its explanation, rule by rule.</summary>
    internal static void WriteExplanation(TextWriter output, EligibilityDecision decision)
    {
        foreach (string line in decision.ToLines())
        {
            output.WriteLine(CliText.Escape(line));
        }
    }

    /// <summary>Writes the results of a batch and its summary as one JSON document, each decision in <paramref name="detail"/>.</summary>
    internal static BatchSummary WriteJson(TextWriter output, IEnumerable<RecordResult<EligibilityDecision>> items, DecisionDetail detail = DecisionDetail.Full)
    {
        BatchSummary summary = default;
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, CliJson.Indented))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            foreach (RecordResult<EligibilityDecision> item in items)
            {
                summary = summary.Add(item);
                DecisionDocument.WriteRecord(writer, item, detail);
                writer.Flush();
                output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                buffer.SetLength(0);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("documents", summary.Documents);
            writer.WriteNumber("decisions", summary.Decisions);
            writer.WriteNumber("errors", summary.Errors);
            writer.WriteNumber("eligible", summary.Eligible);
            writer.WriteNumber("ineligible", summary.Ineligible);
            writer.WriteNumber("incomplete", summary.Incomplete);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return summary;
    }

    private static BatchSummary WriteJsonLines(TextWriter output, IEnumerable<RecordResult<EligibilityDecision>> items, DecisionDetail detail)
    {
        BatchSummary summary = default;
        using MemoryStream buffer = new();
        foreach (RecordResult<EligibilityDecision> item in items)
        {
            summary = summary.Add(item);
            buffer.SetLength(0);
            using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                DecisionDocument.WriteRecord(writer, item, detail);
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        return summary;
    }

    /// <summary>
    /// The CSV of <c>upon eligibility check</c>: a row per record in, decided or not: the decision's outcome, policy and
    /// top reason, each requirement's code and outcome (as lists), and for a record that could not be decided its
    /// problems (paths, codes and messages, as lists). <c>--format json</c> has every rule's explanation.
    /// </summary>
    internal static readonly CsvTable CheckCsv = new(
        "result",
        string.Empty,
        "record",
        "decision.applicationId",
        "decision.outcome",
        "decision.policy.id",
        "decision.policy.version",
        "decision.asOf",
        "decision.eligibleFrom",
        "decision.explanation.reason",
        "decision.explanation.message",
        "decision.explanation.results.code",
        "decision.explanation.results.outcome",
        "errors.path",
        "errors.code",
        "errors.message");

    /// <summary>Writes the results of a batch as CSV, a row each as <see cref="WriteJsonLines"/> writes a line.</summary>
    private static BatchSummary WriteCsv(TextWriter output, IEnumerable<RecordResult<EligibilityDecision>> items)
    {
        BatchSummary summary = default;
        CsvOutput csv = new(output, CheckCsv);
        csv.WriteHeader();
        using MemoryStream buffer = new();
        foreach (RecordResult<EligibilityDecision> item in items)
        {
            summary = summary.Add(item);
            buffer.SetLength(0);
            using (Utf8JsonWriter writer = new(buffer))
            {
                WriteItem(writer, item);
            }

            using JsonDocument document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            csv.WriteRows(CheckCsv, document.RootElement);
        }

        return summary;
    }

    private static void WriteItem(Utf8JsonWriter writer, RecordResult<EligibilityDecision> item) => DecisionDocument.WriteRecord(writer, item);

    /// <summary>
    /// The CSV of <c>upon eligibility policies</c>: a row per policy, as the table lists them; its rules and
    /// interpretation are in <c>--format json</c>.
    /// </summary>
    internal static readonly CsvTable PoliciesCsv = new("policy", string.Empty, "id", "version", "programmeYear", "effectiveFrom", "effectiveTo", "title");

    private static void WritePolicies(TextWriter output, IReadOnlyList<EligibilityPolicy> policies) => output.WriteLine(PoliciesJson(policies));

    private static void WritePoliciesCsv(TextWriter output, IReadOnlyList<EligibilityPolicy> policies) => CsvOutput.Write(output, PoliciesJson(policies), PoliciesCsv);

    private static string PoliciesJson(IReadOnlyList<EligibilityPolicy> policies)
    {
        using MemoryStream buffer = new();
        PolicyDocument.Write(buffer, policies, indented: true);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteRule(TextWriter output, EligibilityRule rule, int depth)
    {
        string indent = new(' ', depth * 2);
        output.WriteLine(CliText.Escape($"{indent}{rule.Code}: {rule.Title} ({rule.Describe()})"));
        foreach (EligibilityRule child in rule.Rules)
        {
            WriteRule(output, child, depth + 1);
        }
    }

    private static LocalDate? ParseOptionalDate(ArgumentResult result)
    {
        if (!CliText.TryParseDate(result, " for --as-of", out LocalDate date))
        {
            return null;
        }

        if (!EligibilityDates.Range.Contains(date))
        {
            result.AddError($"--as-of must be from {Iso(EligibilityDates.Range.Start)} to {Iso(EligibilityDates.Range.End)}.");
            return null;
        }

        return date;
    }

    private static string Iso(LocalDate date) => CliText.Iso(date);

    private static string Words(string name) => CliText.Words(name);

    /// <summary>The arguments and options of <c>upon eligibility check</c>.</summary>
    private sealed class CheckOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, Policy, Policies, AsOf, Format, Explain, Summaries];

        /// <summary>Initializes the arguments and options.</summary>
        public CheckOptions()
        {
            Format.AcceptOnlyFromAmong(CommonOptions.Table, CommonOptions.Json, JsonLines, CommonOptions.Csv);
        }

        /// <summary>Gets the <c>FILE</c> argument.</summary>
        public Argument<string> File { get; } = new("file")
        {
            Description = "Application documents: a JSON array, JSON Lines, or a single application. '-' reads standard input.",
            HelpName = "FILE|-",
        };

        /// <summary>Gets <c>--policy</c>.</summary>
        public Option<string?> Policy { get; } = new("--policy")
        {
            Description = "Decide every application with this policy, ID or ID@VERSION (default: the policy governing each application's programme year on its assessment date).",
            HelpName = "ID",
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to use instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = new("--as-of")
        {
            Description = "Decide every application as of this date instead of its assessment date.",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseOptionalDate,
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = new("--format", "-f")
        {
            Description = "Output: table for people; json, one document with every result and the summary; jsonl, one result a line; csv, one row a result (the summary on standard error, as with jsonl).",
            DefaultValueFactory = _ => CommonOptions.Table,
            HelpName = "table|json|jsonl|csv",
        };

        /// <summary>Gets <c>--explain</c>.</summary>
        public Option<bool> Explain { get; } = new("--explain")
        {
            Description = "With --format table, also print each decision's explanation, rule by rule.",
        };

        /// <summary>Gets <c>--summaries</c>.</summary>
        public Option<bool> Summaries { get; } = new("--summaries")
        {
            Description = "With --format json or jsonl, write each decision's summary (outcome, policy version, dates and the criteria that decided it) instead of the whole decision with its explanation and fingerprint. Summaries cannot be replayed.",
        };
    }

    /// <summary>The arguments and options of <c>upon eligibility policies</c>.</summary>
    private sealed class PoliciesOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Id, Policies, Format];

        /// <summary>Gets the <c>ID</c> argument.</summary>
        public Argument<string?> Id { get; } = new("id")
        {
            Description = "A policy to show in full, ID or ID@VERSION; without it, every policy is listed.",
            HelpName = "ID",
            Arity = ArgumentArity.ZeroOrOne,
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to list instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
