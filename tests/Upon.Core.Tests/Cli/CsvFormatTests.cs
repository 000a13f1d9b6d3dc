using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsvHelper;
using Upon.Cli;
using Upon.Cli.Commands;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// <c>--format csv</c> on every command that prints a table: the CSV, read back with CsvHelper as a spreadsheet
/// would read it, holds the records of the command's JSON output, value for value, and every value of those records
/// has a column (but for the few each command's documentation leaves to the JSON).
/// </summary>
public sealed class CsvFormatTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-csv-").FullName;

    /// <summary>The commands, by name: their arguments (<c>{examples}</c> is docs/examples), tables, where the JSON holds the records, and what the CSV leaves out.</summary>
    private static readonly Dictionary<string, Case> Cases = new Case[]
    {
        new("holidays", "holidays 2022", [HolidaysCommand.Csv]),
        new("holidays, a year of none", "holidays 2022 --calendar {folder}/hostile.json", [HolidaysCommand.Csv]),
        new("holidays, names with commas, quotes and controls", "holidays 2021 --calendar {folder}/hostile.json", [HolidaysCommand.Csv]),
        new("holidays, names a spreadsheet would run", "holidays 2023 --calendar {folder}/hostile.json", [HolidaysCommand.Csv]),
        new("workdays", "workdays 2022-01-01 2022-06-30", [WorkdaysCommand.Csv]),
        new("eligibility policies", "eligibility policies", [EligibilityCommand.PoliciesCsv], Omitted: ["interpretation", "rule"]),
        new("eligibility policies ID", "eligibility policies aspirant-2021-22", [EligibilityCommand.PoliciesCsv], Omitted: ["interpretation", "rule"]),
        new("eligibility check", "eligibility check {examples}/applications.jsonl", [EligibilityCommand.CheckCsv], RecordsAt: "results", Omitted: ["decision.explanation", "decision.fingerprint"]),
        new("eligibility compare", "eligibility compare {examples}/applications.jsonl --from aspirant-2020-21 --to aspirant-2021-22", EligibilityCommand.CompareCsv, Omitted: ["from", "to"]),
        new("eligibility compare --equality", "eligibility compare {examples}/applications.jsonl --from aspirant-2020-21 --to aspirant-2021-22 --equality --suppress-below 1", EligibilityCommand.CompareCsv, Omitted: ["from", "to"]),
        new("eligibility compare, records that are not applications", "eligibility compare {examples}/year2-candidates.jsonl --from aspirant-2021-22 --to aspirant-2021-22", EligibilityCommand.CompareCsv, Omitted: ["from", "to"]),
        new("eligibility test", "eligibility test {examples}/cases.json", EligibilityCommand.TestCsv, Omitted: ["decision"]),
        new("eligibility replay", "eligibility replay {examples}/decisions.jsonl --applications {examples}/applications.jsonl", EligibilityCommand.ReplayCsv, Omitted: ["decision"]),
        new("timeline show", "timeline show year-2", TimelineCommand.ShowCsv, Omitted: ["notes"]),
        new("timeline show, sessions with times and groups", "timeline show new-directors-2021-22", TimelineCommand.ShowCsv),
        new("timeline validate", "timeline validate {folder}/weekend.json", [TimelineCommand.ValidateCsv]),
        new("timeline progress", "timeline progress year-2 --as-of 2022-01-10", [TimelineCommand.ProgressCsv]),
        new("timeline generate", "timeline generate --kind taughtDay --count 3 --from 2022-01-01 --to 2022-03-31", [TimelineCommand.GenerateCsv]),
        new("cohort split", "cohort split 120", [CohortCommand.SplitCsv]),
        new("cohort split, none", "cohort split 3", [CohortCommand.SplitCsv]),
        new("cohort size", "cohort size --authorities 153 --vacancy-rate 0.2 --first-time-share 0.5 --programme-share 0.5 --appointment-probability 0.5 --places 30 --sensitivity", CohortCommand.SizeCsv, Omitted: ["sensitivity"]),
        new("cohort size from tenure", "cohort size --authorities 153 --mean-tenure-months 30 --first-time-share 0.5 --programme-share 0.5 --appointment-probability 0.5", CohortCommand.SizeCsv),
        new("cohort select", "cohort select {examples}/year2-candidates.jsonl --capacity 5 --waiting-list 10 --sets 2-3", CohortCommand.SelectCsv),
        new("cohort composition", "cohort composition {examples}/year1-composition.json --reference ethnicity=British:0.8", CohortCommand.CompositionCsv),
        new("turnover", "turnover {examples}/appointments.csv --register {examples}/register.csv", [TurnoverCommand.Csv]),
        new("turnover rolling", "turnover {examples}/appointments.csv --by rolling", [TurnoverCommand.Csv]),
        new("tenure", "tenure {examples}/appointments.csv --times 6,12,24,36,120", [TenureCommand.SurvivalCsv]),
        new("tenure --by", "tenure {examples}/appointments.csv --by kind", [TenureCommand.SurvivalCsv, TenureCommand.LogRankCsv]),
        new("tenure completed", "tenure {examples}/appointments.csv --method completed", [TenureCommand.SummaryCsv]),
        new("tenure in-post", "tenure {examples}/appointments.csv --method in-post", [TenureCommand.SummaryCsv]),
        new("tenure --curve", "tenure {examples}/appointments.csv --curve --by kind", [TenureCommand.CurveCsv]),
    }.ToDictionary(c => c.Name);

    /// <summary>
    /// Writes the files some cases read: a calendar with names that hold commas, quotes, a terminal control and
    /// formulas, and a year (2022) without holidays; and a timeline with a session on a Saturday.
    /// </summary>
    public CsvFormatTests()
    {
        File.WriteAllText(
            Path.Combine(folder, "hostile.json"),
            """
            {"england-and-wales": {"events": [
              {"title": "New Year's Day, \"observed\"", "date": "2021-01-01", "notes": "red \u001b[31m text"},
              {"title": "Day two", "date": "2021-01-04", "notes": "+44, or -1"},
              {"title": "=HYPERLINK(\"http://example.com\")", "date": "2023-01-02", "notes": "@SUM(A1:A9)"},
              {"title": "-2+3", "date": "2023-01-03"}
            ]}}
            """);
        (int exitCode, string year, _) = InProcessCli.Run("timeline", "show", "year-2", "--format", "json");
        Assert.Equal(0, exitCode);
        File.WriteAllText(Path.Combine(folder, "weekend.json"), year.Replace("\"2021-09-16\"", "\"2021-09-18\"", StringComparison.Ordinal));
    }

    /// <summary>Gets the names of the cases.</summary>
    public static TheoryData<string> Names() => [.. Cases.Keys];

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Names))]
    public void Csv_HoldsTheRecordsOfTheJson_ValueForValue(string name)
    {
        Case test = Cases[name];
        (int jsonExit, string json, string jsonError) = Run(test, "json");
        (int csvExit, string csv, _) = Run(test, "csv");
        Assert.True(jsonExit is ExitCodes.Success or ExitCodes.InvalidInput, jsonError);
        Assert.Equal(jsonExit, csvExit);

        using JsonDocument document = JsonDocument.Parse(json);
        List<Dictionary<string, string>> expected = Expected(document.RootElement, test);
        (string[] header, List<Dictionary<string, string>> rows) = ReadBack(csv);

        Assert.Equal(ExpectedHeader(test.Tables), header);
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (string column in header)
            {
                Assert.True(
                    expected[i].GetValueOrDefault(column, string.Empty) == rows[i][column],
                    $"row {i + 1}, {column}: expected '{expected[i].GetValueOrDefault(column, string.Empty)}', found '{rows[i][column]}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Csv_HasAColumnForEveryValueOfItsRecords(string name)
    {
        Case test = Cases[name];
        (_, string json, _) = Run(test, "json");
        using JsonDocument document = JsonDocument.Parse(json);
        HashSet<string> columns = [.. test.Tables.SelectMany(t => t.Columns)];
        string[] missing =
        [
            .. Records(document.RootElement, test)
                .SelectMany(r => Flatten(r.Row).Keys)
                .Distinct()
                .Where(key => key.Length > 0 && !columns.Contains(key) && !test.Omitted.Any(o => key == o || key.StartsWith(o + ".", StringComparison.Ordinal))),
        ];
        Assert.Empty(missing);
    }

    [Fact]
    public void Csv_IsRfc4180_WithCrLfLineEnds_AndTextQuotedOnlyWhenItMustBe()
    {
        (int exitCode, string csv, _) = Run(Cases["eligibility check"], "csv");
        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        // Record 5's problems: messages that hold commas are quoted; codes and paths are not.
        string line = csv.Split("\r\n").Single(l => l.StartsWith("5,", StringComparison.Ordinal));
        Assert.Contains(",$.roles[0].sector; $.roles[0].start,value.unknown; date.invalid,\"Expected one of: childrensServices, ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void EligibilityCheck_Csv_HasARowForEveryRecordIn_AndTheSummaryOnStandardError()
    {
        (_, string csv, string error) = Run(Cases["eligibility check"], "csv");
        (_, List<Dictionary<string, string>> rows) = ReadBack(csv);
        Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r["record"]));
        Assert.Equal(["eligible", "ineligible", "eligible", "incomplete", string.Empty], rows.Select(r => r["decision.outcome"]));
        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error\n", error);
    }

    [Fact]
    public void CohortSplit_Csv_WithoutASplit_SaysWhyOnStandardError()
    {
        (int exitCode, string csv, string error) = Run(Cases["cohort split, none"], "csv");
        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal("participants,sets\r\n", csv);
        Assert.StartsWith("upon: no split: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenure_Csv_GivesEachGroupItsRows_AndTheLogRankTestAfterThem()
    {
        (_, string csv, _) = Run(Cases["tenure --by"], "csv");
        (string[] header, List<Dictionary<string, string>> rows) = ReadBack(csv);
        Assert.Equal("table", header[0]);
        Assert.Equal(["survival", "survival", "survival", "survival", "survival", "survival", "logRank"], rows.Select(r => r["table"]));
        Assert.Equal(["acting", "acting", "acting", "permanent", "permanent", "permanent", string.Empty], rows.Select(r => r["group"]));
        Assert.Equal(["12", "24", "36", "12", "24", "36", string.Empty], rows.Select(r => r["survival.months"]));
        Assert.Equal("1", rows[^1]["degreesOfFreedom"]);
    }

    [Fact]
    public void Format_Csv_IsOfferedByEveryCommandThatPrintsATable()
    {
        string[] withTables = ["holidays", "workdays", "eligibility check", "eligibility policies", "eligibility compare", "eligibility test", "eligibility replay", "timeline show", "timeline validate", "timeline progress", "timeline generate", "cohort split", "cohort size", "cohort select", "cohort composition", "turnover", "tenure"];
        foreach (string command in withTables)
        {
            (int exitCode, string help, _) = InProcessCli.Run([.. command.Split(' '), "--help"]);
            Assert.Equal(0, exitCode);
            Assert.Contains("|csv>", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheExampleInTheDocs_IsWhatTheToolWrites()
    {
        const string CommandLine = "tenure docs/examples/appointments.csv --times 12,36 --format csv";
        (int exitCode, string csv, _) = InProcessCli.Run([.. CommandLine.Replace("docs/examples", Repository.PathOf("docs", "examples"), StringComparison.Ordinal).Split(' ')]);
        Assert.Equal(0, exitCode);
        Assert.Contains($"$ upon {CommandLine}\n{csv.Replace("\r\n", "\n", StringComparison.Ordinal)}```", EligibilityDocExamples.Page("cli.md"), StringComparison.Ordinal);
    }

    private static string[] ExpectedHeader(CsvTable[] tables) =>
        [.. (tables.Length > 1 ? [CsvOutput.TableColumn] : Array.Empty<string>()).Concat(tables.SelectMany(t => t.Columns)).Distinct()];

    /// <summary>Reads CSV as a spreadsheet would: the header, then each row by column.</summary>
    private static (string[] Header, List<Dictionary<string, string>> Rows) ReadBack(string csv)
    {
        using CsvReader reader = CsvReader.FromText(csv, new CsvReaderOptions());
        using CsvDataReader data = new(reader, leaveOpen: true);
        string[] header = [.. Enumerable.Range(0, data.FieldCount).Select(data.GetName)];
        List<Dictionary<string, string>> rows = [];
        while (data.Read())
        {
            Assert.Equal(header.Length, reader.FieldCount);
            rows.Add(Enumerable.Range(0, header.Length).ToDictionary(i => header[i], data.GetString));
        }

        return (header, rows);
    }

    /// <summary>The rows the JSON gives, by an independent route: every value of every level flattened, the deepest level's winning, then the table's columns taken.</summary>
    private static List<Dictionary<string, string>> Expected(JsonElement root, Case test)
    {
        List<Dictionary<string, string>> rows = [];
        foreach ((CsvTable table, JsonElement[] row) in Records(root, test))
        {
            Dictionary<string, string> values = Flatten(row);
            Dictionary<string, string> expected = table.Columns.ToDictionary(c => c, c => values.GetValueOrDefault(c, string.Empty));
            if (row[^1].ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                expected[table.Columns.Single()] = Cell([row[^1]]);
            }

            if (test.Tables.Length > 1)
            {
                expected[CsvOutput.TableColumn] = table.Name;
            }

            rows.Add(expected);
        }

        return rows;
    }

    /// <summary>Each row of each table: its levels of records, from the first array on the table's path to the last.</summary>
    private static IEnumerable<(CsvTable Table, JsonElement[] Row)> Records(JsonElement root, Case test)
    {
        IEnumerable<JsonElement> documents = test.RecordsAt is string at ? root.GetProperty(at).EnumerateArray() : [root];
        foreach (JsonElement document in documents)
        {
            foreach (CsvTable table in test.Tables)
            {
                string[] path = table.Path.Length == 0 ? [] : table.Path.Split('.');
                foreach (JsonElement[] row in Rows(document, path, []))
                {
                    yield return (table, row);
                }
            }
        }
    }

    private static IEnumerable<JsonElement[]> Rows(JsonElement node, string[] path, JsonElement[] levels)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            JsonElement[] items = [.. node.EnumerateArray()];
            if (items.Length == 0 && levels.Length > 0)
            {
                yield return levels;
            }

            foreach (JsonElement item in items)
            {
                foreach (JsonElement[] row in Continue(item, path, [.. levels, item]))
                {
                    yield return row;
                }
            }

            yield break;
        }

        foreach (JsonElement[] row in Continue(node, path, levels.Length == 0 && path.Length == 0 ? [node] : levels))
        {
            yield return row;
        }
    }

    private static IEnumerable<JsonElement[]> Continue(JsonElement node, string[] path, JsonElement[] levels)
    {
        if (path.Length == 0)
        {
            if (levels.Length > 0)
            {
                yield return levels;
            }

            yield break;
        }

        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(path[0], out JsonElement next) && next.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            foreach (JsonElement[] row in Rows(next, path[1..], levels))
            {
                yield return row;
            }
        }
        else if (levels.Length > 0)
        {
            yield return levels;
        }
    }

    /// <summary>
    /// Every value of a row's levels by its dotted name: each level flattened whole (a list of objects as one list per
    /// value), the deeper levels' names led by their place on the path; a deeper level's values replace what its
    /// parent's flattening gave under that place.
    /// </summary>
    private static Dictionary<string, string> Flatten(JsonElement[] row)
    {
        Dictionary<string, string> values = new(StringComparer.Ordinal);
        string prefix = string.Empty;
        Flatten(row[0], string.Empty, values);
        for (int i = 1; i < row.Length; i++)
        {
            // The name of level i is the path from level i - 1 to it: found as the property of level i - 1 that holds it.
            // The level's values replace all its parent's flattening gave under its name (the whole list's).
            prefix = Join(prefix, PathTo(row[i - 1], row[i]));
            foreach (string key in values.Keys.Where(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            {
                values.Remove(key);
            }

            Flatten(row[i], prefix, values);
        }

        return values;
    }

    private static string PathTo(JsonElement parent, JsonElement child)
    {
        foreach (JsonProperty property in parent.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().Any(item => Same(item, child)))
            {
                return property.Name;
            }

            if (property.Value.ValueKind == JsonValueKind.Object && PathTo(property.Value, child) is { Length: > 0 } below)
            {
                return $"{property.Name}.{below}";
            }
        }

        return string.Empty;
    }

    private static bool Same(JsonElement a, JsonElement b) => a.GetRawText() == b.GetRawText();

    private static void Flatten(JsonElement node, string name, Dictionary<string, string> values)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in node.EnumerateObject())
                {
                    Flatten(property.Value, Join(name, property.Name), values);
                }

                break;
            case JsonValueKind.Array:
                JsonElement[] items = [.. node.EnumerateArray()];
                if (items.All(item => item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
                {
                    values[name] = Cell(items);
                    break;
                }

                // A list of objects: each value's items, one per object (empty where an object lacks it).
                List<Dictionary<string, string>> flattened = [.. items.Select(item =>
                {
                    Dictionary<string, string> one = new(StringComparer.Ordinal);
                    Flatten(item, name, one);
                    return one;
                })];
                foreach (string key in flattened.SelectMany(f => f.Keys).Distinct())
                {
                    string[] cells = [.. flattened.Select(f => f.GetValueOrDefault(key, string.Empty))];
                    values[key] = Guard(string.Join(CsvOutput.ListSeparator, cells.Select(Unguard)), items.Length > 0 && First(items[0], key, name));
                }

                break;
            default:
                values[name] = Cell([node]);
                break;
        }
    }

    // Whether the value named key of the first object is text (so that the guard against formulas applies).
    private static bool First(JsonElement item, string key, string name)
    {
        JsonElement value = item;
        foreach (string part in key[(name.Length == 0 ? 0 : name.Length + 1)..].Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value))
            {
                return false;
            }
        }

        return value.ValueKind == JsonValueKind.String;
    }

    private static string Unguard(string cell) => cell.StartsWith('\'') ? cell[1..] : cell;

    private static string Guard(string cell, bool text) => text && cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;

    /// <summary>A cell as the documentation says: numbers as JSON writes them, text escaped for the terminal, lists joined, empty for null.</summary>
    private static string Cell(JsonElement[] items) =>
        Guard(
            string.Join(CsvOutput.ListSeparator, items.Select(item => item.ValueKind switch
            {
                JsonValueKind.String => CliText.Escape(item.GetString()!),
                JsonValueKind.Number => item.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => string.Empty,
            })),
            items.Length > 0 && items[0].ValueKind == JsonValueKind.String);

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}.{name}";

    private (int ExitCode, string Output, string Error) Run(Case test, string format) =>
        InProcessCli.Run([.. test.Arguments
            .Replace("{examples}", Repository.PathOf("docs", "examples"), StringComparison.Ordinal)
            .Replace("{folder}", folder, StringComparison.Ordinal)
            .Split(' '), "--format", format]);

    /// <summary>One command to try.</summary>
    /// <param name="Name">The case's name.</param>
    /// <param name="Arguments">The command line, without <c>--format</c>.</param>
    /// <param name="Tables">The CSV tables the command writes for it.</param>
    /// <param name="RecordsAt">Where the JSON holds the documents the CSV's tables are taken from, each (eligibility check's results), or null for the whole document.</param>
    /// <param name="Omitted">Values of the records the CSV leaves to the JSON, by name (and all below).</param>
    private sealed record Case(string Name, string Arguments, CsvTable[] Tables, string? RecordsAt = null, string[]? Omitted = null)
    {
        public string[] Omitted { get; } = Omitted ?? [];
    }
}
