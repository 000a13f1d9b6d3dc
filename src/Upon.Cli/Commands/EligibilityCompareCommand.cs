using System.Collections.Immutable;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon eligibility compare</c>: two policies on the same applications.</summary>
internal static partial class EligibilityCommand
{
    /// <summary>
    /// The CSV of <c>upon eligibility compare</c>: a row per pair of outcomes with its count, then a row per application
    /// whose decision differs (both outcomes, eligible-from dates and deciding reasons), then a row per record that
    /// could not be read, with its problems.
    /// </summary>
    internal static readonly CsvTable[] CompareCsv =
    [
        new("total", "totals", "from", "to", "count"),
        new("changed", "changed", "applicationId", "change", "fromOutcome", "toOutcome", "fromEligibleFrom", "toEligibleFrom", "fromReasons", "toReasons"),
        new("error", "errors", "record", "errors.path", "errors.code", "errors.message"),
        new("equality", "equality", "dimension", "group", "category", "count", "share", "suppression"),
    ];

    /// <summary>What can change between two decisions, in the order the output names them.</summary>
    private static readonly DecisionChanges[] ChangeFlags = [DecisionChanges.Outcome, DecisionChanges.EligibleFrom, DecisionChanges.Reasons];

    /// <summary>The groups of an equality impact, as the output names them.</summary>
    private static readonly (string Name, string Heading, Func<EqualityImpactDimension, PublishedBreakdown?> Of)[] Groups =
    [
        ("all", "All", d => d.All),
        ("letIn", "Let in", d => d.LetIn),
        ("keptOut", "Kept out", d => d.KeptOut),
        ("leftAlone", "Left alone", d => d.LeftAlone),
    ];

    private static Command CreateCompare() =>
        new CompareOptions().CreateCommand(
            "compare",
            "Decide the applications in FILE under two policies and show whose decision differs (outcome, eligible-from date or deciding reasons), both explanations side by side, and how many moved from each outcome to each other. Exit 0 when every document was read, 1 when any was invalid, 2 on usage errors.",
            Compare);

    /// <summary>Runs <c>upon eligibility compare</c>.</summary>
    private static int Compare(CommandRun run, CompareOptions options)
    {
        string path = run.GetValue(options.File)!;
        (PolicyRegistry? registry, int exitCode) = LoadRegistry(run, path, run.GetValue(options.Policies));
        if (registry is null)
        {
            return exitCode;
        }

        string fromId = run.GetValue(options.From)!;
        string toId = run.GetValue(options.To)!;
        if (FindPolicy(registry, fromId) is not EligibilityPolicy from)
        {
            return run.Usage($"no policy '{CliText.Escape(fromId)}' for --from; run 'upon eligibility policies' to list them.");
        }

        if (FindPolicy(registry, toId) is not EligibilityPolicy to)
        {
            return run.Usage($"no policy '{CliText.Escape(toId)}' for --to; run 'upon eligibility policies' to list them.");
        }

        using Stream? input = InputFile.Open(path, "file", run.Error);
        if (input is null)
        {
            return ExitCodes.Failure;
        }

        BatchComparison compared;
        EqualityImpact? impact = null;
        using (ProgressDisplay progress = ProgressDisplay.Start(run, input, "Comparing policies", streamsResults: false))
        {
            if (run.GetValue(options.Equality))
            {
                // One read: the answers are counted as each application is compared, and never reach a decision.
                (EqualityImpact read, ImmutableArray<RecordResult<ApplicationSubmission>> errors) = EqualityImpact.Read(progress.Stream, from, to, run.GetValue(options.AsOf), run.GetValue(options.SuppressBelow));
                impact = read;
                compared = new BatchComparison(read.Comparison, [.. errors.Select(e => RecordResult.Failure<PolicyComparisonRow>(e.RecordNumber, e.Problems))]);
            }
            else
            {
                compared = new EligibilityBatch(registry, asOf: run.GetValue(options.AsOf)).Compare(progress.Stream, from, to);
            }
        }

        run.WriteResult(
            options.Format,
            () => CliJson.Document(writer => WriteComparison(writer, compared, impact)),
            output =>
            {
                WriteComparison(output, compared, run.GetValue(options.Explain));
                if (impact is not null)
                {
                    WriteEquality(output, impact);
                }
            },
            CompareCsv);
        return compared.Errors.IsEmpty ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static void WriteEquality(TextWriter output, EqualityImpact impact)
    {
        output.WriteLine();
        output.WriteLine($"Equality impact: applicants by monitoring answer; counts from 1 to {impact.Threshold - 1} suppressed, with the next smallest where one alone would show it ({Suppressed}: suppressed, as the ONS marks it).");
        foreach (EqualityImpactDimension dimension in impact.Dimensions)
        {
            output.WriteLine();
            TextTable table = new([CliText.Words(dimension.Dimension) is var words ? char.ToUpperInvariant(words[0]) + words[1..] : dimension.Dimension, .. Groups.Select(g => g.Heading)]);
            foreach (PublishedCell cell in dimension.All?.Cells ?? [])
            {
                table.AddRow([cell.Category, .. Groups.Select(g => Shown(g.Of(dimension), cell.Category))]);
            }

            table.AddRow(["total", .. Groups.Select(g => g.Of(dimension) is PublishedBreakdown b ? b.Total?.ToString(CultureInfo.InvariantCulture) ?? Suppressed : "0")]);
            table.Write(output);
        }
    }

    /// <summary>How a suppressed count is shown: the ONS's mark for a confidential figure.</summary>
    private const string Suppressed = "[c]";

    private static string Shown(PublishedBreakdown? group, string category) =>
        group?.Cells.FirstOrDefault(c => c.Category == category) is PublishedCell cell
            ? cell.Count?.ToString(CultureInfo.InvariantCulture) ?? Suppressed
            : "0";

    private static void WriteComparison(TextWriter output, BatchComparison compared, bool explain)
    {
        PolicyComparison comparison = compared.Comparison;
        output.WriteLine(CliText.Escape($"{Name(comparison.From)} against {Name(comparison.To)}"));
        output.WriteLine($"{CliText.Count(compared.Records, "record")}: {CliText.Count(comparison.Applications, "application")} decided under both, {CliText.Count(compared.Errors.Length, "error")}; {comparison.Changed.Length} changed: {comparison.LetIn} let in, {comparison.KeptOut} kept out");
        output.WriteLine();
        TextTable totals = new("From", "To", "Applications");
        foreach (OutcomeChange total in comparison.Totals)
        {
            totals.AddRow(Outcome(total.From), Outcome(total.To), total.Count.ToString(CultureInfo.InvariantCulture));
        }

        totals.Write(output);
        if (!comparison.Changed.IsEmpty)
        {
            output.WriteLine();
            TextTable changed = new("Application", "From", "To", "What changed", "Why, before", "Why, after");
            foreach (PolicyComparisonRow row in comparison.Changed)
            {
                changed.AddRow(row.ApplicationId, Described(row.From), Described(row.To), Changes(row.Change), Reasons(row.FromReasons), Reasons(row.ToReasons));
            }

            changed.Write(output);
        }

        if (!compared.Errors.IsEmpty)
        {
            output.WriteLine();
            foreach (RecordResult<PolicyComparisonRow> error in compared.Errors)
            {
                foreach (DocumentProblem problem in error.Problems)
                {
                    output.WriteLine($"record {error.RecordNumber.ToString(CultureInfo.InvariantCulture)}: {CliText.Describe(problem)}");
                }
            }
        }

        if (explain)
        {
            foreach (PolicyComparisonRow row in comparison.Changed)
            {
                output.WriteLine();
                output.WriteLine($"{CliText.Escape(row.ApplicationId)} under {CliText.Escape(Name(comparison.From))}:");
                WriteExplanation(output, row.From);
                output.WriteLine();
                output.WriteLine($"{CliText.Escape(row.ApplicationId)} under {CliText.Escape(Name(comparison.To))}:");
                WriteExplanation(output, row.To);
            }
        }
    }

    private static void WriteComparison(Utf8JsonWriter writer, BatchComparison compared, EqualityImpact? impact)
    {
        PolicyComparison comparison = compared.Comparison;
        writer.WriteStartObject();
        WritePolicy(writer, "from", comparison.From);
        WritePolicy(writer, "to", comparison.To);
        writer.WriteNumber("records", compared.Records);
        writer.WriteNumber("applications", comparison.Applications);
        writer.WriteNumber("letIn", comparison.LetIn);
        writer.WriteNumber("keptOut", comparison.KeptOut);
        writer.WriteStartArray("totals");
        foreach (OutcomeChange total in comparison.Totals)
        {
            writer.WriteStartObject();
            writer.WriteString("from", Json(total.From));
            writer.WriteString("to", Json(total.To));
            writer.WriteNumber("count", total.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("changed");
        foreach (PolicyComparisonRow row in comparison.Changed)
        {
            writer.WriteStartObject();
            writer.WriteString("applicationId", row.ApplicationId);
            writer.WriteStartArray("change");
            foreach (DecisionChanges flag in ChangeFlags.Where(flag => row.Change.HasFlag(flag)))
            {
                writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(flag.ToString()));
            }

            writer.WriteEndArray();
            writer.WriteString("fromOutcome", Json(row.From.Outcome));
            writer.WriteString("toOutcome", Json(row.To.Outcome));
            WriteDate(writer, "fromEligibleFrom", row.From.EligibleFrom);
            WriteDate(writer, "toEligibleFrom", row.To.EligibleFrom);
            WriteStrings(writer, "fromReasons", row.FromReasons);
            WriteStrings(writer, "toReasons", row.ToReasons);
            writer.WritePropertyName("from");
            DecisionDocument.Write(writer, row.From);
            writer.WritePropertyName("to");
            DecisionDocument.Write(writer, row.To);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (RecordResult<PolicyComparisonRow> error in compared.Errors)
        {
            WriteItem(writer, RecordResult.Failure<EligibilityDecision>(error.RecordNumber, error.Problems));
        }

        writer.WriteEndArray();
        if (impact is not null)
        {
            // One row per dimension, group and answer: the suppressed count and share, and why a count is withheld.
            writer.WriteNumber("suppressBelow", impact.Threshold);
            writer.WriteStartArray("equality");
            foreach (EqualityImpactDimension dimension in impact.Dimensions)
            {
                foreach ((string name, _, Func<EqualityImpactDimension, PublishedBreakdown?> of) in Groups)
                {
                    foreach (PublishedCell cell in of(dimension)?.Cells ?? [])
                    {
                        writer.WriteStartObject();
                        writer.WriteString("dimension", dimension.Dimension);
                        writer.WriteString("group", name);
                        writer.WriteString("category", cell.Category);
                        if (cell.Count is int count)
                        {
                            writer.WriteNumber("count", count);
                        }

                        if (cell.Share is decimal share)
                        {
                            writer.WriteNumber("share", share);
                        }

                        writer.WriteString("suppression", JsonNamingPolicy.CamelCase.ConvertName(cell.Reason.ToString()));
                        writer.WriteEndObject();
                    }
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter writer, string name, EligibilityPolicy policy)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", policy.Id);
        writer.WriteNumber("version", policy.Version);
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, LocalDate? date)
    {
        if (date is LocalDate value)
        {
            writer.WriteString(name, Iso(value));
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Name(EligibilityPolicy policy) => $"{policy.Id} v{policy.Version.ToString(CultureInfo.InvariantCulture)}";

    private static string Json(EligibilityOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    private static string Outcome(EligibilityOutcome outcome) => Words(outcome.ToString());

    private static string Described(EligibilityDecision decision) =>
        decision.EligibleFrom is LocalDate from ? $"{Outcome(decision.Outcome)} (eligible from {Iso(from)})" : Outcome(decision.Outcome);

    private static string Changes(DecisionChanges change) =>
        string.Join(", ", ChangeFlags
            .Where(flag => change.HasFlag(flag))
            .Select(flag => Words(flag.ToString())));

    private static string Reasons(IReadOnlyCollection<string> reasons) => reasons.Count == 0 ? "-" : string.Join(", ", reasons);

    /// <summary>The arguments and options of <c>upon eligibility compare</c>.</summary>
    private sealed class CompareOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, From, To, Policies, AsOf, Equality, SuppressBelow, Format, Explain];

        /// <summary>Gets the <c>FILE</c> argument.</summary>
        public Argument<string> File { get; } = new("file")
        {
            Description = "Application documents: a JSON array, JSON Lines, or a single application. '-' reads standard input.",
            HelpName = "FILE|-",
        };

        /// <summary>Gets <c>--from</c>.</summary>
        public Option<string> From { get; } = new("--from")
        {
            Description = "The policy compared from (the one in force, or the older), ID or ID@VERSION.",
            HelpName = "ID",
            Required = true,
        };

        /// <summary>Gets <c>--to</c>.</summary>
        public Option<string> To { get; } = new("--to")
        {
            Description = "The policy compared to (the one proposed, or the newer), ID or ID@VERSION.",
            HelpName = "ID",
            Required = true,
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to find the policies in instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = new("--as-of")
        {
            Description = "Decide every application as of this date instead of its assessment date.",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseOptionalDate,
        };

        /// <summary>Gets <c>--equality</c>.</summary>
        public Option<bool> Equality { get; } = new("--equality")
        {
            Description = "Also count the applicants by each equality-monitoring answer among those the change lets in, keeps out and leaves alone, against all, with small counts suppressed; the answers never touch a decision and no output names a person's answer.",
        };

        /// <summary>Gets <c>--suppress-below</c>.</summary>
        public Option<int> SuppressBelow { get; } = new("--suppress-below")
        {
            Description = "With --equality: suppress counts from 1 to one below this (with secondary suppression where one alone would show).",
            HelpName = "N",
            DefaultValueFactory = _ => CompositionBreakdown.DefaultThreshold,
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();

        /// <summary>Gets <c>--explain</c>.</summary>
        public Option<bool> Explain { get; } = new("--explain")
        {
            Description = "With --format table, also print both explanations of each application whose decision differs, rule by rule.",
        };

        /// <summary>Initializes the arguments and options.</summary>
        public CompareOptions()
        {
            SuppressBelow.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--suppress-below must be 1 or more.");
                }
            });
        }
    }
}
