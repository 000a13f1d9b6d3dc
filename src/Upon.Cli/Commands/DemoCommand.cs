using System.Reflection;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary>
/// <c>upon demo</c>: the library's main job on embedded data, with no arguments. It runs the tool's own
/// commands, each shown as the command line an analyst would type, on the sample files embedded in the
/// tool (the files of docs/examples/ and the synthetic workforce data), the built-in policies and the
/// built-in timelines, so the output is the same on every machine and every day.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The default as-of date: half-way through Year 2 (2021/22), between two sessions.</summary>
    public static readonly LocalDate DefaultAsOf = new(2022, 1, 10);

    /// <summary>The embedded sample files, by the name the demo shows.</summary>
    private static readonly string[] Inputs = ["applications.jsonl", "year2-candidates.jsonl", "year1-composition.json", "synthetic-register.csv", "synthetic-appointments.csv", "synthetic-judgements.csv"];

    /// <summary>Creates the <c>demo</c> command.</summary>
    public static Command Create() =>
        new Options().CreateCommand("demo", "Run every capability of Upon.Core on embedded sample data: eligibility decisions, cohort sizing, selection, sets and composition, the Year 2 timeline, and DCS turnover and tenure. Exit 0 when every step gave the result it should.", RunDemo);

    /// <summary>Runs <c>upon demo</c>.</summary>
    private static int RunDemo(CommandRun run, Options options)
    {
        DirectoryInfo? directory = run.GetValue(options.OutDirectory);
        if (directory is not null && !CreateFolder(directory, run.Error))
        {
            return ExitCodes.Failure;
        }

        DirectoryInfo work = Directory.CreateTempSubdirectory("upon-demo-");
        try
        {
            Demo demo = new(run.Output, run.Error, work, directory, run.GetValue(options.AsOf) ?? DefaultAsOf);
            return demo.Run();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Creates the <c>--out</c> folder if missing; false after one line on <paramref name="error"/> when it cannot be.</summary>
    private static bool CreateFolder(DirectoryInfo directory, TextWriter error)
    {
        // DirectoryInfo.ToString() is the path as the user gave it.
        string shown = CliText.Escape(directory.ToString());
        if (File.Exists(directory.FullName))
        {
            error.WriteLine($"upon: --out '{shown}' is a file, not a folder.");
            return false;
        }

        try
        {
            directory.Create();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"upon: cannot create the folder '{shown}': {(exception is UnauthorizedAccessException ? "permission denied" : InputFile.Reason(exception))}.");
            return false;
        }
    }

    private static LocalDate? ParseDate(ArgumentResult result) =>
        CliText.TryParseDate(result, " for --as-of", out LocalDate date) ? date : null;

    /// <summary>One run of the demo: where its inputs are, where it writes, as of when.</summary>
    private sealed class Demo(TextWriter output, TextWriter error, DirectoryInfo work, DirectoryInfo? directory, LocalDate asOf)
    {
        private readonly List<string> written = [];
        private readonly List<string> failures = [];
        private readonly ILookup<string, Fact> facts = ReadFacts();

        public int Run()
        {
            foreach (string input in Inputs)
            {
                using Stream resource = OpenResource(input);
                if (!OutputFile.Write(Path.Combine(work.FullName, input), resource.CopyTo, error))
                {
                    return ExitCodes.Failure;
                }
            }

            output.WriteLine("upon demo: Upon.Core on built-in policies and timelines and embedded sample data. Every person and");
            output.WriteLine("appointment in it is synthetic. Each step shows the command that gives the same result from the");
            output.WriteLine("sample files in docs/examples/.");
            output.WriteLine();
            output.WriteLine($"The programme, as published: funded by the DfE with {Quote("funding")}; delivered by a consortium of");
            output.WriteLine($"{Quote("partners")};");
            output.WriteLine("and for new DCSs, the New Directors strand:");
            output.WriteLine($"{Quote("strands.new-directors")}.");
            Eligibility();
            Cohorts();
            Timeline();
            Workforce();
            if (directory is not null)
            {
                Heading($"Files written to {CliText.Escape(directory.FullName)}");
                foreach (string name in written)
                {
                    output.WriteLine("  " + name);
                }
            }

            if (failures.Count == 0)
            {
                return ExitCodes.Success;
            }

            output.WriteLine();
            output.WriteLine("Steps that did not give the result they should:");
            failures.ForEach(f => output.WriteLine("  " + f));
            return ExitCodes.InvalidInput;
        }

        private void Eligibility()
        {
            Heading("1. Eligibility: sample Year 2 (2021/22) applications under the built-in policies");
            output.WriteLine();
            output.WriteLine("Five application documents (JSON Lines), each decided under the policy in force for its programme year on its assessment date:");
            Step(ExitCodes.InvalidInput, "eligibility-decisions.json", "eligibility", "check", "applications.jsonl");

            // Two of the decisions explained rule by rule: the first eligible and the first ineligible applicant.
            EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
            using Stream applications = File.OpenRead(Path.Combine(work.FullName, "applications.jsonl"));
            EligibilityDecision[] decisions = [.. batch.Evaluate(applications).Select(i => i.Value).OfType<EligibilityDecision>()];
            foreach (EligibilityOutcome outcome in (EligibilityOutcome[])[EligibilityOutcome.Eligible, EligibilityOutcome.Ineligible])
            {
                output.WriteLine();
                EligibilityCommand.WriteExplanation(output, decisions.First(d => d.Outcome == outcome));
            }

            output.WriteLine();
            output.WriteLine("(line 5 is a document with errors: every problem is reported with its JSON path and a stable code, and nothing is lost.)");
        }

        private void Cohorts()
        {
            Heading("2. Cohorts: sizing, splitting, selection, sets and composition");
            output.WriteLine();
            string tenure = Option(Figure("workforce.average-tenure", "CYP Now"));
            decimal alumni = Figure("outcomes.serving-dcs-completed-aspirant");
            decimal appointed = Figure("outcomes.appointed-dcs");
            string places = Option(Figure("year2.places", "CYP Now", "2021-05-17"));
            output.WriteLine($"How many places a year? 151 authorities; DCSs in post {tenure} months on average (ADCS); 42% of vacancies");
            output.WriteLine($"filled by first-time DCSs (an assumption); the programme aiming to supply {Percent(alumni)} of them (the share of");
            output.WriteLine($"serving DCSs who are alumni); {Percent(appointed)} of participants appointed DCS (so far, since 2020):");
            Step(ExitCodes.Success, "cohort-size.json", "cohort", "size", "--authorities", "151", "--mean-tenure-months", tenure, "--first-time-share", "0.42", "--programme-share", Option(alumni), "--appointment-probability", Option(appointed), "--places", places);
            output.WriteLine();
            output.WriteLine($"Year 2 funded {places} places, in action-learning sets of 5 to 8:");
            Step(ExitCodes.Success, "cohort-split.json", "cohort", "split", places, "--set-min", "5", "--set-max", "8");
            output.WriteLine();
            output.WriteLine("Selection from 60 synthetic assessed applicants, at most two places per authority, exact ties broken by");
            output.WriteLine("positive action then a seeded lottery, and the selected allocated to sets:");
            Step(ExitCodes.Success, "cohort-selection.json", "cohort", "select", "year2-candidates.jsonl", "--capacity", "35", "--per-authority-cap", "2", "--seed", "2026", "--waiting-list", "10", "--positive-action", "--sets", "5-8", "--write-selected", "selected.jsonl");
            output.WriteLine();
            output.WriteLine("The make-up of those selected, small numbers suppressed (primary and secondary), against 80% white British among serving DCSs:");
            Step(ExitCodes.Success, "cohort-composition.json", "cohort", "composition", "selected.jsonl", "--suppress-below", "5", "--reference", "ethnicity=White British:0.8");
            output.WriteLine();
            output.WriteLine("Year 1's composition as published: the check of category sums against the stated total catches 20 against 19.");
            Step(ExitCodes.InvalidInput, null, "cohort", "composition", "year1-composition.json");
        }

        private void Timeline()
        {
            ProgrammeYear year2 = BuiltInTimelines.Aspirant2021To22;
            Heading($"3. Programme timeline: {year2.Name}");
            output.WriteLine();
            TimelineCommand.WriteYear(output, year2, notes: false);
            output.WriteLine();
            output.WriteLine($"Dates marked assumed are not published; 'upon timeline show {year2.Id}' lists what each assumes.");
            output.WriteLine();
            string date = CliText.Iso(asOf);
            Step(ExitCodes.Success, "timeline-progress.json", "timeline", "progress", "2021/22", "--as-of", date);
            if (directory is not null)
            {
                // DTSTAMP is the start of the as-of day in London, so that the file is the same on every run.
                string stamp = asOf.AtStartOfDayInZone(ProgrammeYear.TimeZone).ToInstant().ToString();
                Run(ExitCodes.Success, TextWriter.Null, ["timeline", "ics", "2021/22", "--output", Path.Combine(directory.FullName, "year2-sessions.ics"), "--stamp", stamp], error);
                written.Add("year2-sessions.ics");
            }
        }

        private void Workforce()
        {
            Heading("4. Tenure and turnover of DCSs: a synthetic register of 151 to 153 authorities, 2008 to 2024");
            output.WriteLine();
            output.WriteLine("SYNTHETIC data (Upon.Core.Testing's SyntheticWorkforce, seed 236): invented authorities and post-holders,");
            output.WriteLine("generated so that the library's measures reproduce the published figures (docs/workforce.md lists each).");
            output.WriteLine();
            output.WriteLine("Turnover by financial year, counting every change as ADCS does (published: 57 changes in 48 of 151");
            output.WriteLine("authorities in 2019/20; 39 in 34 of 151 in 2020/21, the fewest since 2011/12; 62 in 49 of 153 in 2023/24),");
            output.WriteLine("with where each new DCS came from: a first DCS post, a move from another authority or a return:");
            Step(ExitCodes.Success, "turnover.json", "turnover", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--from", "2008", "--to", "2023", "--include-interim", "--as-of", "2024-03-31", "--svg", "turnover.svg");
            output.WriteLine();
            output.WriteLine("ADCS's \"average tenure\": the mean time in post of the DCSs in post on 31 March 2021 (published: 30 months):");
            Step(ExitCodes.Success, "tenure-in-post.json", "tenure", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--as-of", "2024-03-31", "--method", "in-post", "--on", "2021-03-31", "--include-interim");
            output.WriteLine();
            output.WriteLine("The mean of completed tenures ending in 2020/21, a different question with a different answer:");
            Step(ExitCodes.Success, "tenure-completed.json", "tenure", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--as-of", "2024-03-31", "--method", "completed", "--window", "2020-04-01..2021-03-31", "--include-interim");
            output.WriteLine();
            output.WriteLine("Kaplan–Meier, which counts the DCSs still in post (censored) instead of leaving them out, as R's survival package:");
            Step(ExitCodes.Success, "tenure-kaplan-meier.json", "tenure", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--as-of", "2024-03-31", "--method", "km", "--window", "2008-04-01..2024-03-31", "--include-interim", "--svg", "tenure-kaplan-meier.svg");
            output.WriteLine();
            output.WriteLine("Why tenures end: the share of DCSs who have left for each reason, and the share still in post, by months in post:");
            Step(ExitCodes.Success, "tenure-exit-reasons.json", "tenure", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--as-of", "2024-03-31", "--method", "cif", "--window", "2008-04-01..2024-03-31", "--svg", "tenure-exit-reasons.svg");
            output.WriteLine();
            output.WriteLine("Do DCSs leave after an inadequate Ofsted judgement? A Cox model of leaving, with \"an inadequate judgement of the");
            output.WriteLine("authority in the last 12 months\" switching on and off during each tenure. The judgements are SYNTHETIC too, and");
            output.WriteLine("the generator PLANTS the answer (a hazard ratio of 2): this shows the method finds a known effect, and says");
            output.WriteLine("nothing about real councils or DCSs.");
            Step(ExitCodes.Success, "tenure-cox.json", "tenure", "synthetic-appointments.csv", "--register", "synthetic-register.csv", "--as-of", "2024-03-31", "--method", "cox", "--window", "2008-04-01..2024-03-31", "--ofsted", "synthetic-judgements.csv", "--covariate", "inadequate-12m", "--covariate", "moved", "--robust");
        }

        /// <summary>
        /// Shows a command line and runs it, its output and errors in the demo's output; with <c>--out</c>, runs
        /// it again with <c>--format json</c> into <paramref name="jsonFile"/>. A different exit code is a failure.
        /// </summary>
        private void Step(int expectedExitCode, string? jsonFile, params string[] args)
        {
            int svg = Array.IndexOf(args, "--svg");
            if (svg >= 0)
            {
                // Charts are written with --out only, into its folder.
                if (directory is null)
                {
                    args = [.. args[..svg], .. args[(svg + 2)..]];
                }
                else
                {
                    written.Add(args[svg + 1]);
                }
            }

            output.WriteLine();
            output.WriteLine("$ upon " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
            Run(expectedExitCode, output, args);
            if (directory is not null && jsonFile is not null)
            {
                if (OutputFile.WriteText(Path.Combine(directory.FullName, jsonFile), json => Run(expectedExitCode, json, [.. args, "--format", "json"]), error))
                {
                    written.Add(jsonFile);
                }
                else
                {
                    failures.Add($"{jsonFile}: not written");
                }
            }
        }

        private void Run(int expectedExitCode, TextWriter writer, string[] args, TextWriter? errors = null)
        {
            string[] resolved = [.. args.Select(Resolve)];
            int exitCode = UponCommandLine.Run(resolved, writer, errors ?? writer);
            if (exitCode != expectedExitCode)
            {
                failures.Add($"upon {string.Join(' ', args)}: exit {exitCode}, expected {expectedExitCode}");
            }
        }

        /// <summary>The sample files and the files one step writes for the next live in the demo's work folder.</summary>
        private string Resolve(string argument) =>
            argument.EndsWith(".svg", StringComparison.Ordinal) && directory is not null ? Path.Combine(directory.FullName, argument)
            : argument.EndsWith(".jsonl", StringComparison.Ordinal) || argument.EndsWith(".json", StringComparison.Ordinal) || argument.EndsWith(".csv", StringComparison.Ordinal)
                ? Path.Combine(work.FullName, argument)
                : argument;

        private void Heading(string title)
        {
            output.WriteLine();
            output.WriteLine(title);
            output.WriteLine(new string('=', title.Length));
        }

        /// <summary>The embedded facts (docs/examples/programme-facts.json, written from Upon.Core.Testing's ProgrammeFacts), by topic.</summary>
        private static ILookup<string, Fact> ReadFacts()
        {
            using Stream resource = OpenResource("programme-facts.json");
            using JsonDocument document = JsonDocument.Parse(resource);
            return document.RootElement.EnumerateArray()
                .Select(f => new Fact(
                    f.GetProperty("topic").GetString()!,
                    f.GetProperty("value").GetString()!,
                    f.TryGetProperty("number", out JsonElement number) ? number.GetDecimal() : null,
                    f.GetProperty("publisher").GetString()!,
                    f.TryGetProperty("published", out JsonElement published) ? published.GetString() : null))
                .ToLookup(f => f.Topic, StringComparer.Ordinal);
        }

        /// <summary>The fact on <paramref name="topic"/> (the first of its sources, or the one from <paramref name="publisher"/> on <paramref name="published"/>).</summary>
        private Fact Find(string topic, string? publisher, string? published) =>
            facts[topic].First(f => (publisher is null || f.Publisher == publisher) && (published is null || f.Published == published));

        /// <summary>A fact's value with its source, as "value (publisher, date)".</summary>
        private string Quote(string topic)
        {
            Fact fact = Find(topic, null, null);
            return $"{fact.Value} ({fact.Publisher}{(fact.Published is null ? string.Empty : ", " + fact.Published)})";
        }

        /// <summary>A fact's number.</summary>
        private decimal Figure(string topic, string? publisher = null, string? published = null) =>
            Find(topic, publisher, published).Number ?? throw new InvalidOperationException($"The fact '{topic}' has no number.");

        /// <summary>A number as the tool's options take it.</summary>
        private static string Option(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

        private static Stream OpenResource(string name) =>
            Assembly.GetExecutingAssembly().GetManifestResourceStream("demo/" + name)
            ?? throw new InvalidOperationException($"The demo resource '{name}' is missing from the build.");
    }

    /// <summary>One published fact the demo quotes.</summary>
    private sealed record Fact(string Topic, string Value, decimal? Number, string Publisher, string? Published);

    /// <summary>The arguments and options of <c>upon demo</c>.</summary>
    private sealed class Options : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [AsOf, OutDirectory];

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = new("--as-of")
        {
            Description = "Show the Year 2 timeline's progress as of this date (default 2022-01-10).",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseDate,
        };

        /// <summary>Gets <c>--out</c>.</summary>
        public Option<DirectoryInfo?> OutDirectory { get; } = new("--out")
        {
            Description = "Also write the results as JSON, the charts as SVG and the Year 2 sessions as an iCalendar file into this folder (created if missing; each file written whole, then moved into place).",
            HelpName = "DIR",
        };
    }
}
