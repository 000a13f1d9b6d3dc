using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// A command that reads a document, with a document it reads: the cases of every test of reading (a missing file, a
/// folder, a file the user may not read, standard input). In <see cref="Args"/>, <c>{file}</c> is where the document
/// goes and <c>{examples}</c> the folder of docs/examples.
/// </summary>
/// <param name="Role">What the messages call the document ("file", "calendar file"…).</param>
/// <param name="Args">The command line.</param>
/// <param name="Document">A document the command reads.</param>
/// <param name="ExitCode">The command's exit code on that document.</param>
/// <param name="Shows">Text its output shows on that document.</param>
public sealed record ReadingCommand(string Role, string[] Args, string Document, int ExitCode, string Shows)
{
    private const string Calendar = """{ "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "New Year’s Day", "date": "2025-01-01" }, { "title": "Christmas Day", "date": "2025-12-25" } ] } }""";

    /// <summary>Every command that reads a document: each document option and argument of every command.</summary>
    public static IEnumerable<ReadingCommand> All()
    {
        string year = DocumentText.Of(s => ProgrammeYearDocument.Write(s, BuiltInTimelines.Aspirant2021To22, indented: true));
        using MemoryStream policies = new();
        PolicyDocument.Write(policies, PolicyRegistry.BuiltIn.Policies);
        string policyDocument = Encoding.UTF8.GetString(policies.ToArray());
        string[] asOf = ["--as-of", "2025-03-31", "--on-error", "continue"];
        return
        [
            new("calendar file", ["holidays", "2025", "--calendar", "{file}"], Calendar, 0, "2025-12-25  Thu  Christmas Day"),
            new("calendar file", ["workdays", "2025-01-01", "2025-01-31", "--calendar", "{file}"], Calendar, 0, "22"),
            new("file", ["eligibility", "check", "{file}"], Example("applications.jsonl"), 1, "5 documents: 4 decisions"),
            new("policy file", ["eligibility", "check", "{examples}/applications.jsonl", "--policies", "{file}"], policyDocument, 1, "5 documents: 4 decisions"),
            new("policy file", ["eligibility", "policies", "--policies", "{file}"], policyDocument, 0, "aspirant-2021-22"),
            new("case file", ["eligibility", "test", "{file}"], Example("cases.json"), 1, "5 records: 4 cases (2 passed, 2 failed), 1 error"),
            new("policy file", ["eligibility", "test", "{examples}/cases.json", "--policies", "{file}"], policyDocument, 1, "5 records: 4 cases (2 passed, 2 failed), 1 error"),
            new("file", ["timeline", "show", "{file}"], year, 0, "aspirant-2021-22: Aspirant Directors programme"),
            new("file", ["timeline", "validate", "{file}"], year, 0, "aspirant-2021-22: valid"),
            new("file", ["timeline", "progress", "{file}", "--as-of", "2022-01-10"], year, 0, "aspirant-2021-22 as of 2022-01-10"),
            new("file", ["timeline", "ics", "{file}", "-o", "/dev/null"], year, 0, "Wrote 8 events"),
            new("appointments file", ["turnover", "{file}", .. asOf], Example("appointments.csv"), 0, "DCS turnover by financial year"),
            new("register file", ["turnover", "{examples}/appointments.csv", "--register", "{file}", .. asOf], Example("register.csv"), 0, "DCS turnover by financial year"),
            new("appointments file", ["tenure", "{file}", .. asOf], Example("appointments.csv"), 0, "Kaplan"),
            new("register file", ["tenure", "{examples}/appointments.csv", "--register", "{file}", .. asOf], Example("register.csv"), 0, "Kaplan"),
            new("file", ["cohort", "select", "{file}", "--capacity", "5"], Example("year2-candidates.jsonl"), 0, "5 selected"),
            new("file", ["cohort", "composition", "{file}"], Example("year2-candidates.jsonl"), 0, "Every dimension's counts match"),
        ];
    }

    /// <summary>Every command that reads a document, by its command line, for a theory.</summary>
    public static TheoryData<string> Names() => [.. All().Select(r => r.ToString())];

    /// <summary>The reading command with this command line.</summary>
    public static ReadingCommand Find(string name) => All().Single(r => r.ToString() == name);

    /// <summary>The command line with the document at <paramref name="file"/> and <c>{examples}</c> at <paramref name="examples"/> (default: docs/examples).</summary>
    public string[] With(string file, string? examples = null) => With(Args, file, examples);

    /// <summary>A command line with <c>{file}</c> and <c>{examples}</c> replaced.</summary>
    public static string[] With(string[] args, string file, string? examples = null) =>
        [.. args.Select(a => a == "{file}" ? file : a.Replace("{examples}", examples ?? Repository.PathOf("docs", "examples"), System.StringComparison.Ordinal))];

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', Args);

    private static string Example(string name) => File.ReadAllText(Repository.PathOf("docs", "examples", name));
}
