using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Reflection;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary>
/// <c>upon demo</c>: the library's main job on embedded data, with no arguments. Every section uses the
/// built-in policies and timelines and the sample files embedded in the tool (the same files as
/// docs/examples/), so the output is the same on every machine and every day.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The default as-of date: half-way through Year 2 (2021/22), between two sessions.</summary>
    public static readonly LocalDate DefaultAsOf = new(2022, 1, 10);

    /// <summary>Creates the <c>demo</c> command.</summary>
    public static Command Create()
    {
        Option<LocalDate?> asOf = new("--as-of")
        {
            Description = "Show the Year 2 timeline's progress as of this date (default 2022-01-10).",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseDate,
        };
        Option<DirectoryInfo?> outDirectory = new("--out")
        {
            Description = "Also write the results as JSON, the charts as SVG and the Year 2 sessions as an iCalendar file into this folder (created if missing).",
            HelpName = "DIR",
        };
        Command command = new("demo", "Run every capability of Upon.Core on embedded sample data: eligibility decisions, cohort sizing, selection, sets and composition, the Year 2 timeline, and DCS turnover and tenure.")
        {
            asOf, outDirectory,
        };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            DirectoryInfo? directory = parseResult.GetValue(outDirectory);
            directory?.Create();
            Demo demo = new(output, directory, parseResult.GetValue(asOf) ?? DefaultAsOf);
            demo.Run();
            return ExitCodes.Success;
        });
        return command;
    }

    private static LocalDate? ParseDate(ArgumentResult result) =>
        CliText.TryParseDate(result, " for --as-of", out LocalDate date) ? date : null;

    /// <summary>One run of the demo: where it writes and as of when.</summary>
    private sealed class Demo(TextWriter output, DirectoryInfo? directory, LocalDate asOf)
    {
        private readonly List<string> written = [];

        public void Run()
        {
            output.WriteLine($"upon demo: Upon.Core on built-in policies and timelines and embedded sample data (synthetic people and appointments).");
            Eligibility();
            Timeline();
            if (directory is not null)
            {
                Heading($"Files written to {directory.FullName}");
                foreach (string name in written)
                {
                    output.WriteLine("  " + name);
                }
            }
        }

        private void Eligibility()
        {
            Heading("1. Eligibility: sample Year 2 (2021/22) applications under the built-in policy");
            EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
            BatchItem[] items;
            using (Stream applications = OpenResource("applications.jsonl"))
            {
                items = [.. batch.Evaluate(applications)];
            }

            EligibilityCommand.WriteTable(output, items, explain: false);
            EligibilityDecision[] decisions = [.. items.Select(i => i.Decision).OfType<EligibilityDecision>()];
            EligibilityDecision?[] explained =
            [
                decisions.FirstOrDefault(d => d.Outcome == EligibilityOutcome.Eligible),
                decisions.FirstOrDefault(d => d.Outcome == EligibilityOutcome.Ineligible),
            ];
            foreach (EligibilityDecision decision in explained.OfType<EligibilityDecision>())
            {
                output.WriteLine();
                EligibilityCommand.WriteExplanation(output, decision);
            }

            Write("eligibility-decisions.json", writer => EligibilityCommand.WriteJson(writer, items));
        }

        private void Timeline()
        {
            ProgrammeYear year2 = BuiltInTimelines.Aspirant2021To22;
            Heading($"4. Programme timeline: {year2.Name}");
            TimelineCommand.WriteYear(output, year2, notes: false);
            output.WriteLine();
            output.WriteLine($"Dates marked assumed are not published; 'upon timeline show {year2.Id}' lists what each assumes.");
            output.WriteLine();
            ProgrammeProgress progress = ProgrammeProgress.Of(year2, asOf);
            TimelineCommand.WriteProgress(output, year2, progress, json: false);
            Write("timeline-progress.json", writer => TimelineCommand.WriteProgress(writer, year2, progress, json: true));
            if (directory is not null)
            {
                // DTSTAMP is the start of the as-of day in London, so that the file is the same on every run.
                Instant stamp = asOf.AtStartOfDayInZone(ProgrammeYear.TimeZone).ToInstant();
                string name = "year2-sessions.ics";
                using (FileStream stream = File.Create(Path.Combine(directory.FullName, name)))
                {
                    IcsExport.Write(year2, stream, stamp);
                }

                written.Add(name);
            }
        }

        private void Heading(string title)
        {
            output.WriteLine();
            output.WriteLine(title);
            output.WriteLine(new string('=', title.Length));
            output.WriteLine();
        }

        /// <summary>With <c>--out</c>, writes a file of the results; without it, does nothing.</summary>
        private void Write(string name, Action<TextWriter> write)
        {
            if (directory is null)
            {
                return;
            }

            using (StreamWriter writer = new(Path.Combine(directory.FullName, name)))
            {
                writer.NewLine = "\n";
                write(writer);
            }

            written.Add(name);
        }

        private static Stream OpenResource(string name) =>
            Assembly.GetExecutingAssembly().GetManifestResourceStream("demo/" + name)
            ?? throw new InvalidOperationException($"The demo resource '{name}' is missing from the build.");
    }
}
