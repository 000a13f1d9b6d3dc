using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon eligibility test</c>: conformance cases run against the policies.</summary>
internal static partial class EligibilityCommand
{
    /// <summary>
    /// The CSV of <c>upon eligibility test</c>: a row per case run (its result, policy, what differs, and the outcome,
    /// eligible-from date and reasons expected and found), then a row per record that could not be read, with its problems.
    /// </summary>
    internal static readonly CsvTable[] TestCsv =
    [
        new("case", "results", "name", "result", "policy.id", "policy.version", "policy.inline", "asOf", "differences",
            "expected.outcome", "expected.eligibleFrom", "expected.reasons", "actual.outcome", "actual.eligibleFrom", "actual.reasons",
            "problem.path", "problem.code", "problem.message"),
        new("error", "errors", "record", "errors.path", "errors.code", "errors.message"),
    ];

    private static Command CreateTest() =>
        new TestOptions().CreateCommand(
            "test",
            "Run the conformance cases in CASES: decide each case's application under its policy as of its date, and compare the outcome, eligible-from date and deciding reasons with those expected. Exit 0 when every case passed, 1 when a case failed, was not run (its policy is not in the registry) or could not be read, 2 on usage errors.",
            Test);

    /// <summary>Runs <c>upon eligibility test</c>.</summary>
    private static int Test(CommandRun run, TestOptions options)
    {
        string path = run.GetValue(options.Cases)!;
        (PolicyRegistry? registry, int exitCode) = LoadRegistry(run, path, run.GetValue(options.Policies), "CASES");
        if (registry is null)
        {
            return exitCode;
        }

        EligibilityCaseRun result;
        using (Stream? input = InputFile.Open(path, "case file", run.Error))
        {
            if (input is null)
            {
                return ExitCodes.Failure;
            }

            result = EligibilityCaseRun.Read(input, registry);
        }

        run.WriteResult(options.Format, () => CliJson.Document(writer => WriteCaseRun(writer, result)), output => WriteCaseRun(output, result), TestCsv);
        return result.AllPassed ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>Writes the table of cases, every failure with its explanation, the records not read, and the summary.</summary>
    private static void WriteCaseRun(TextWriter output, EligibilityCaseRun result)
    {
        TextTable table = new("Case", "Result", "Policy", "What differs");
        foreach (EligibilityCaseResult item in result.Results)
        {
            string differs = item.Status switch
            {
                EligibilityCaseStatus.Passed => "-",
                EligibilityCaseStatus.Failed => item.DescribeDifferences(),
                _ => item.Problem!.Value.Code,
            };
            table.AddRow(CliText.Escape(item.Case.Name), StatusName(item.Status), CliText.Escape(PolicyName(item)), differs);
        }

        table.Write(output);
        string[] failures = [.. result.DescribeFailures().Reverse().SkipWhile(line => line.Length == 0).Reverse()];
        if (failures.Length > 0)
        {
            output.WriteLine();
            foreach (string line in failures)
            {
                output.WriteLine(CliText.Escape(line));
            }
        }

        output.WriteLine();
        output.WriteLine(result.ToString());
    }

    private static void WriteCaseRun(Utf8JsonWriter writer, EligibilityCaseRun result)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        foreach (EligibilityCaseResult item in result.Results)
        {
            EligibilityCase value = item.Case;
            writer.WriteStartObject();
            writer.WriteString("name", value.Name);
            writer.WriteString("result", JsonNamingPolicy.CamelCase.ConvertName(item.Status.ToString()));
            writer.WriteStartObject("policy");
            writer.WriteString("id", value.PolicyId);
            if (value.PolicyVersion is int version)
            {
                writer.WriteNumber("version", version);
            }

            writer.WriteBoolean("inline", value.InlinePolicy is not null);
            writer.WriteEndObject();
            writer.WriteString("asOf", Iso(value.AsOf));
            writer.WriteStartArray("differences");
            foreach (DecisionChanges flag in ChangeFlags.Where(flag => item.Differences.HasFlag(flag)))
            {
                writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(flag.ToString()));
            }

            writer.WriteEndArray();
            WriteOutcome(writer, "expected", value.Expected.Outcome, value.Expected.EligibleFrom, value.Expected.Reasons);
            if (item.Decision is EligibilityDecision decision)
            {
                WriteOutcome(writer, "actual", decision.Outcome, decision.EligibleFrom, item.Reasons);
            }

            if (item.Problem is DocumentProblem problem)
            {
                CliJson.WriteProblem(writer, problem, "problem");
            }

            if (item.Status == EligibilityCaseStatus.Failed)
            {
                writer.WritePropertyName("decision");
                DecisionDocument.Write(writer, item.Decision!);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (RecordResult<EligibilityCase> error in result.Errors)
        {
            WriteItem(writer, RecordResult.Failure<EligibilityDecision>(error.RecordNumber, error.Problems));
        }

        writer.WriteEndArray();
        writer.WriteStartObject("summary");
        writer.WriteNumber("records", result.Records);
        writer.WriteNumber("cases", result.Results.Length);
        writer.WriteNumber("passed", result.Passed);
        writer.WriteNumber("failed", result.Failed);
        writer.WriteNumber("errors", result.Errors.Length);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter writer, string name, EligibilityOutcome outcome, LocalDate? eligibleFrom, IEnumerable<string> reasons)
    {
        writer.WriteStartObject(name);
        writer.WriteString("outcome", Json(outcome));
        WriteDate(writer, "eligibleFrom", eligibleFrom);
        WriteStrings(writer, "reasons", reasons);
        writer.WriteEndObject();
    }

    /// <summary>A result as the table says it: <c>passed</c>, <c>failed</c> or <c>not run</c>.</summary>
    private static string StatusName(EligibilityCaseStatus status) => Words(status.ToString());

    /// <summary>The policy of a case as the table names it: the one that decided, or the one the case names (<c>id (latest)</c> without a version).</summary>
    private static string PolicyName(EligibilityCaseResult item)
    {
        EligibilityCase value = item.Case;
        string name = item.Decision is EligibilityDecision decision ? $"{decision.PolicyId} v{decision.PolicyVersion.ToString(CultureInfo.InvariantCulture)}"
            : value.PolicyVersion is int version ? $"{value.PolicyId} v{version.ToString(CultureInfo.InvariantCulture)}"
            : $"{value.PolicyId} (latest)";
        return value.InlinePolicy is null ? name : name + " (inline)";
    }

    /// <summary>The arguments and options of <c>upon eligibility test</c>.</summary>
    private sealed class TestOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Cases, Policies, Format];

        /// <summary>Gets the <c>CASES</c> argument.</summary>
        public Argument<string> Cases { get; } = new("cases")
        {
            Description = "A case file (JSON, {\"cases\": […]}; see docs/schemas/eligibility-cases.schema.json). '-' reads standard input.",
            HelpName = "CASES|-",
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string?> Policies { get; } = new("--policies")
        {
            Description = "A policy document (one policy or an array) to find the cases' policies in instead of the built-in policies; '-' reads standard input.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
