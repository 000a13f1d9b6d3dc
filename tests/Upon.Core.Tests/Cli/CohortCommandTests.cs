using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Upon.Core.Tests.Docs;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary><c>upon cohort split|size|select|composition</c>, run in process, on the examples of docs/ and on bad input.</summary>
public sealed class CohortCommandTests : IDisposable
{
    private static readonly string Candidates = Repository.PathOf("docs", "examples", "year2-candidates.jsonl");

    private static readonly string Year1 = Repository.PathOf("docs", "examples", "year1-composition.json");

    private static readonly string[] Sizing =
        ["cohort", "size", "--authorities", "151", "--first-time-share", "0.42", "--programme-share", "0.48", "--appointment-probability", "0.11"];

    private readonly string folder = Directory.CreateTempSubdirectory("upon-cohort-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Split_100_IsTwoCohortsOf50InSevenSetsEach()
    {
        (int exitCode, string output, string error) = Run("cohort", "split", "100");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("1            50     7  8, 7, 7, 7, 7, 7, 7", output, StringComparison.Ordinal);
        Assert.EndsWith("2 cohorts, 14 sets\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_FormatJson_HasTheCohortsAndSets()
    {
        (int exitCode, string output, _) = Run("cohort", "split", "35", "--cohort-max", "40", "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.True(root.GetProperty("feasible").GetBoolean());
        Assert.Equal(40, root.GetProperty("cohortBounds").GetProperty("maximum").GetInt32());
        Assert.Equal([7, 7, 7, 7, 7], root.GetProperty("cohorts")[0].GetProperty("sets").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(root.TryGetProperty("reason", out _));
    }

    [Fact]
    public void Split_Infeasible_SaysWhyAndTheNearestNumbers_AndExitsOne()
    {
        (int exitCode, string output, _) = Run("cohort", "split", "9", "--cohort-max", "9");
        (int jsonExit, string json, _) = Run("cohort", "split", "9", "--cohort-max", "9", "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Contains("No split: 9 participants cannot be split", output, StringComparison.Ordinal);
        Assert.Contains("Nearest numbers that can be split: 8 below, 10 above.", output, StringComparison.Ordinal);
        Assert.Equal(1, jsonExit);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.False(document.RootElement.GetProperty("feasible").GetBoolean());
        Assert.Equal((8, 10), (document.RootElement.GetProperty("nearestFeasibleBelow").GetInt32(), document.RootElement.GetProperty("nearestFeasibleAbove").GetInt32()));
        Assert.False(document.RootElement.TryGetProperty("cohorts", out _));
    }

    [Fact]
    public void Size_FromMeanTenure_GivesPlacesAndExpectedAppointments()
    {
        (int exitCode, string output, string error) = Run([.. Sizing, "--mean-tenure-months", "30", "--places", "35"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Vacancy rate                          0.4 (12 / 30 months)", output, StringComparison.Ordinal);
        Assert.Contains("Whole places needed a year            111", output, StringComparison.Ordinal);
        Assert.Contains("Expected appointments from 35 places  3.85", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sensitivity", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_FormatJson_WithSensitivity_HasEveryInputAtFiveValues()
    {
        (int exitCode, string output, _) = Run([.. Sizing, "--vacancy-rate", "0.4", "--places", "35", "--sensitivity", "--format", "json"]);

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal(111, root.GetProperty("wholePlacesNeeded").GetInt32());
        Assert.Equal(12.17664m, root.GetProperty("targetAppointments").GetDecimal());
        Assert.Equal(3.85m, root.GetProperty("places").GetProperty("expectedAppointments").GetDecimal());
        Assert.False(root.GetProperty("inputs").TryGetProperty("meanTenureMonths", out _));
        JsonElement[] rows = [.. root.GetProperty("sensitivity").EnumerateArray()];
        Assert.Equal(25, rows.Length);
        Assert.Equal(["authorities", "vacancyRate", "firstTimeShare", "programmeShare", "appointmentProbability"], rows.Select(r => r.GetProperty("input").GetString()).Distinct());
        JsonElement baseline = rows.Single(r => r.GetProperty("input").GetString() == "appointmentProbability" && r.GetProperty("value").GetDecimal() == 0.11m);
        Assert.Equal(111, baseline.GetProperty("wholePlacesNeeded").GetInt32());
    }

    [Fact]
    public void Size_Sensitivity_KeepsValuesWithinTheirRange()
    {
        (int exitCode, string output, _) = Run([.. Sizing[..^2], "--appointment-probability", "0.8", "--vacancy-rate", "1", "--sensitivity", "--format", "json"]);

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        decimal[] probabilities = [.. document.RootElement.GetProperty("sensitivity").EnumerateArray()
            .Where(r => r.GetProperty("input").GetString() == "appointmentProbability")
            .Select(r => r.GetProperty("value").GetDecimal())];
        Assert.Equal([0.4m, 0.6m, 0.8m, 1m], probabilities);
        Assert.Equal(3, document.RootElement.GetProperty("sensitivity").EnumerateArray().Count(r => r.GetProperty("input").GetString() == "vacancyRate"));
    }

    [Theory]
    [InlineData("--vacancy-rate must be from 0 to 1.", "--vacancy-rate", "1.2")]
    [InlineData("--vacancy-rate must be from 0 to 1.", "--vacancy-rate", "-0.1")]
    [InlineData("--first-time-share must be from 0 to 1.", "--vacancy-rate", "0.4", "--first-time-share", "2")]
    [InlineData("--programme-share must be from 0 to 1.", "--vacancy-rate", "0.4", "--programme-share", "-1")]
    [InlineData("--appointment-probability must be from 0.0001 to 1.", "--vacancy-rate", "0.4", "--appointment-probability", "0")]
    [InlineData("--mean-tenure-months must be at least 12.", "--mean-tenure-months", "11")]
    [InlineData("give exactly one of --vacancy-rate and --mean-tenure-months.")]
    [InlineData("give exactly one of --vacancy-rate and --mean-tenure-months.", "--vacancy-rate", "0.4", "--mean-tenure-months", "30")]
    [InlineData("--authorities must be from 1 to 10000.", "--vacancy-rate", "0.4", "--authorities", "0")]
    [InlineData("--places must be zero or more.", "--vacancy-rate", "0.4", "--places", "-1")]
    public void Size_BadInput_IsAUsageErrorNamingTheOption(string message, params string[] args)
    {
        (int exitCode, string output, string error) = Run(WithOptions(args));

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"upon: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_Year2_Fills35PlacesWithTheCapAndEveryOutcomeHasAReason()
    {
        (int exitCode, string output, string error) = Run("cohort", "select", Candidates, "--capacity", "35", "--per-authority-cap", "2", "--seed", "2026", "--waiting-list", "10", "--positive-action", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        JsonElement summary = root.GetProperty("summary");
        Assert.Equal((60, 53, 35, 10, 15), (summary.GetProperty("candidates").GetInt32(), summary.GetProperty("eligible").GetInt32(), summary.GetProperty("selected").GetInt32(), summary.GetProperty("waitingList").GetInt32(), summary.GetProperty("notSelected").GetInt32()));
        JsonElement[] selected = [.. root.GetProperty("selected").EnumerateArray()];
        Assert.Equal(Enumerable.Range(1, 35), selected.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.All(selected, s => Assert.Equal("eligible", s.GetProperty("eligibility").GetString()));
        Assert.True(selected.GroupBy(s => s.GetProperty("authority").GetString()).All(g => g.Count() <= 2));
        decimal[] scores = [.. selected.Select(s => s.GetProperty("score").GetDecimal())];
        Assert.Equal(scores.OrderDescending(), scores);
        JsonElement[] notSelected = [.. root.GetProperty("notSelected").EnumerateArray()];
        Assert.Equal(["SYN-033"], notSelected.Where(n => n.GetProperty("reason").GetString() == "authorityCap").Select(n => n.GetProperty("applicantId").GetString()));
        Assert.Equal(7, notSelected.Count(n => n.GetProperty("reason").GetString() == "notEligible"));
        Assert.Equal(33, notSelected.Single(n => n.GetProperty("applicantId").GetString() == "SYN-033").GetProperty("record").GetInt32());
        Assert.Equal("SYN-009", root.GetProperty("waitingList")[0].GetProperty("applicantId").GetString());
        Assert.Equal(5, root.GetProperty("waitingList")[0].GetProperty("tiedWith").GetInt32());
    }

    [Fact]
    public void Select_SameSeed_SameOutput_AndTheSeedOnlyReordersExactTies()
    {
        string[] args = ["cohort", "select", Candidates, "--capacity", "35", "--format", "json"];
        (_, string first, _) = Run([.. args, "--seed", "7"]);
        (_, string again, _) = Run([.. args, "--seed", "7"]);
        (_, string other, _) = Run([.. args, "--seed", "8"]);

        Assert.Equal(first, again);
        using JsonDocument a = JsonDocument.Parse(first);
        using JsonDocument b = JsonDocument.Parse(other);
        Assert.Equal(Scores(a, "selected"), Scores(b, "selected"));
        Assert.Equal(Scores(a, "waitingList"), Scores(b, "waitingList"));

        static decimal[] Scores(JsonDocument d, string list) => [.. d.RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("score").GetDecimal())];
    }

    [Fact]
    public void Select_Table_ListsTheThreeGroupsAndTheSummary()
    {
        (int exitCode, string output, _) = Run("cohort", "select", Candidates, "--capacity", "50");

        Assert.Equal(0, exitCode);
        Assert.Contains("Selected (50)", output, StringComparison.Ordinal);
        Assert.Contains("Waiting list (3)", output, StringComparison.Ordinal);
        Assert.Contains("SYN-012    SE11          93  not eligible (ineligible)", output, StringComparison.Ordinal);
        Assert.EndsWith("60 candidates: 50 selected, 3 on the waiting list, 7 not selected\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_Sets_AllocatesEverySelectedParticipantOnce_ColleaguesApart()
    {
        (int exitCode, string output, string error) = Run("cohort", "select", Candidates, "--capacity", "35", "--per-authority-cap", "2", "--seed", "2026", "--sets", "5-8", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement sets = document.RootElement.GetProperty("sets");
        Assert.True(sets.GetProperty("feasible").GetBoolean());
        Assert.Equal((5, 8), (sets.GetProperty("bounds").GetProperty("minimum").GetInt32(), sets.GetProperty("bounds").GetProperty("maximum").GetInt32()));
        JsonElement[] each = [.. sets.GetProperty("sets").EnumerateArray()];
        Assert.Equal([1, 2, 3, 4, 5], each.Select(s => s.GetProperty("set").GetInt32()));
        string[] members = [.. each.SelectMany(s => s.GetProperty("members").EnumerateArray().Select(m => m.GetString()!))];
        string[] selected = [.. document.RootElement.GetProperty("selected").EnumerateArray().Select(s => s.GetProperty("applicantId").GetString()!)];
        Assert.Equal(selected.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        Assert.Equal(0, sets.GetProperty("authorityClashes").GetInt32());
        Assert.All(each, s => Assert.InRange(s.GetProperty("mixScore").GetDecimal(), 0m, 1m));
    }

    [Fact]
    public void Select_WriteSelected_WritesTheSelectedAsACandidatesDocumentThatCompositionReads()
    {
        string selectedFile = Path.Combine(folder, "selected.jsonl");
        (int exitCode, string output, _) = Run("cohort", "select", Candidates, "--capacity", "35", "--per-authority-cap", "2", "--seed", "2026", "--write-selected", selectedFile, "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        string[] selected = [.. document.RootElement.GetProperty("selected").EnumerateArray().Select(s => s.GetProperty("applicantId").GetString()!)];
        string[] written = [.. File.ReadAllLines(selectedFile).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("applicantId").GetString()!)];
        Assert.Equal(selected, written);   // in rank order

        (int compositionExit, string composition, _) = Run("cohort", "composition", selectedFile);
        Assert.Equal(0, compositionExit);
        Assert.Contains("professional background: 35 counted", composition, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_SetsThatCannotBeFormed_SayWhyAndExitOne()
    {
        (int exitCode, string output, _) = Run("cohort", "select", Candidates, "--capacity", "9", "--sets", "5-8");
        (int noneExit, string none, _) = Run("cohort", "select", Write("ineligible.jsonl", """{"applicantId":"A","authority":"L","eligibility":"ineligible","score":1}"""), "--capacity", "9", "--sets", "5-8", "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Contains("Sets of 5 to 8: none. 9 participants cannot be split into groups of 5 to 8", output, StringComparison.Ordinal);
        Assert.Equal(1, noneExit);
        using JsonDocument document = JsonDocument.Parse(none);
        Assert.False(document.RootElement.GetProperty("sets").GetProperty("feasible").GetBoolean());
        Assert.Equal(0, document.RootElement.GetProperty("sets").GetProperty("sets").GetArrayLength());
    }

    [Fact]
    public void Select_BadFile_ListsEveryProblemWithRecordPathAndCode_AndExitsOne()
    {
        string file = Write("bad.jsonl", """
            {"applicantId":"A1","authority":"LA1","eligibility":"eligible","score":"78"}
            {"applicantId":"A1","authority":"LA1","eligibility":"maybe","score":80}
            {"applicantId":"A3","authority":"LA1","eligibility":"eligible"}
            {"applicantId":"A4","authority":"LA1","eligibility":"eligible","score":1}
            """);

        (int exitCode, string output, string error) = Run("cohort", "select", file, "--capacity", "3");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("  record 1: $.score: Expected a number, but found a string. (value.type-mismatch)", error, StringComparison.Ordinal);
        Assert.Contains("  record 2: $.eligibility: Expected one of: eligible, ineligible, incomplete. (value.unknown)", error, StringComparison.Ordinal);
        Assert.Contains("  record 2: $.applicantId: The applicant id is already used by record 1; applicant ids must be unique. (applicant.duplicate)", error, StringComparison.Ordinal);
        Assert.Contains("  record 3: $.score: \"score\" is required. (value.required)", error, StringComparison.Ordinal);
        Assert.EndsWith("4 records: 1 candidate, 3 reported\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("maybe", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_MissingOrEmptyFile_ExitsOne()
    {
        (int missing, _, string missingError) = Run("cohort", "select", Path.Combine(folder, "absent.jsonl"), "--capacity", "3");
        (int empty, _, string emptyError) = Run("cohort", "select", Write("empty.jsonl", "\n"), "--capacity", "3");

        Assert.Equal(1, missing);
        Assert.Contains("does not exist", missingError, StringComparison.Ordinal);
        Assert.Equal(1, empty);
        Assert.Contains("holds no candidates", emptyError, StringComparison.Ordinal);
    }

    [Fact]
    public void Composition_Year1_FlagsTheMismatchAndSuppresses_AndExitsOne()
    {
        (int exitCode, string output, string error) = Run("cohort", "composition", Year1, "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.False(root.GetProperty("totalsMatch").GetBoolean());
        Assert.Equal(5, root.GetProperty("threshold").GetInt32());
        JsonElement background = root.GetProperty("breakdowns")[0];
        Assert.Equal((20, 19, false), (background.GetProperty("total").GetInt32(), background.GetProperty("statedTotal").GetInt32(), background.GetProperty("matchesStatedTotal").GetBoolean()));
        Assert.Equal("The professional background counts sum to 20, not to the stated total of 19: a difference of +1.", background.GetProperty("totalMismatch").GetString());
        Assert.Equal(["none", "primary", "primary", "primary", "primary"], background.GetProperty("published").GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("suppression").GetString()));
        Assert.False(background.GetProperty("published").GetProperty("cells")[1].TryGetProperty("count", out _));
        Assert.True(root.GetProperty("breakdowns")[1].GetProperty("matchesStatedTotal").GetBoolean());
    }

    [Fact]
    public void Composition_SecondarySuppression_IsMarked()
    {
        string file = Write("regions.json", """
            { "dimensions": [ { "dimension": "region", "categories": [
              { "category": "north", "count": 12 }, { "category": "south", "count": 3 }, { "category": "east", "count": 7 }, { "category": "west", "count": 0 } ] } ] }
            """);

        (int exitCode, string output, _) = Run("cohort", "composition", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("south         3  13.6%  suppressed (primary)", output, StringComparison.Ordinal);
        Assert.Contains("east          7  31.8%  suppressed (secondary)", output, StringComparison.Ordinal);
        Assert.Contains("west          0   0.0%  0", output, StringComparison.Ordinal);
        Assert.Contains("Published total: 22", output, StringComparison.Ordinal);
        Assert.Contains("Every dimension's counts match its stated total.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Composition_OfCandidates_CountsEveryRecordByEachAttribute()
    {
        (int exitCode, string output, _) = Run("cohort", "composition", Candidates, "--stated-total", "60", "--reference", "organisationType=local authority:0.9", "--suppress-below", "3", "--format", "json");
        (int mismatch, _, _) = Run("cohort", "composition", Candidates, "--stated-total", "59");

        Assert.Equal(0, exitCode);
        Assert.Equal(1, mismatch);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement[] breakdowns = [.. document.RootElement.GetProperty("breakdowns").EnumerateArray()];
        Assert.Equal(["professional background", "ethnicity", "disability", "region", "organisation type"], breakdowns.Select(b => b.GetProperty("dimension").GetString()));
        Assert.All(breakdowns, b => Assert.Equal(60, b.GetProperty("total").GetInt32()));
        Assert.Contains(breakdowns[1].GetProperty("cells").EnumerateArray(), c => c.GetProperty("category").GetString() == "not stated");
        JsonElement local = breakdowns[4].GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "local authority");
        Assert.Equal(0.9m, local.GetProperty("referenceShare").GetDecimal());
        Assert.Equal(3, document.RootElement.GetProperty("threshold").GetInt32());
    }

    [Fact]
    public void Composition_BadDocument_ListsEveryProblemAndExitsOne()
    {
        string file = Write("bad.json", """{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": -1 }, { "category": "x", "count": 1 } ] } ], "extra": 1 }""");

        (int exitCode, string output, string error) = Run("cohort", "composition", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("  $.extra: This property is not part of the format; check its spelling. (property.unknown)", error, StringComparison.Ordinal);
        Assert.Contains("  $.dimensions[0].categories[0].count:", error, StringComparison.Ordinal);
        Assert.Contains("(value.out-of-range)", error, StringComparison.Ordinal);
        Assert.Contains("$.dimensions[0].categories[1].category: An earlier category of this dimension has the same name; each category appears once. (composition.category-duplicate)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set-max (4) is below --set-min (5).", "split", "10", "--set-max", "4")]
    [InlineData("--cohort-max (3) is below --cohort-min (4).", "split", "10", "--cohort-min", "4", "--cohort-max", "3")]
    [InlineData("--set-min must be at least 1.", "split", "10", "--set-min", "0")]
    [InlineData("--cohort-min must be at least 1.", "split", "10", "--cohort-min", "-1")]
    [InlineData("N must be from 1 to 100000.", "split", "0")]
    [InlineData("N must be from 1 to 100000.", "split", "100001")]
    [InlineData("not", "split", "ten")]
    [InlineData("--capacity must be at least 1.", "select", "{candidates}", "--capacity", "0")]
    [InlineData("--capacity must be at least 1.", "select", "{candidates}", "--capacity", "-3")]
    [InlineData("--per-authority-cap must be at least 1.", "select", "{candidates}", "--capacity", "3", "--per-authority-cap", "0")]
    [InlineData("--waiting-list must be zero or more.", "select", "{candidates}", "--capacity", "3", "--waiting-list", "-1")]
    [InlineData("--capacity", "select", "{candidates}", "--capacity", "three")]
    [InlineData("--capacity", "select", "{candidates}")]
    [InlineData("--sets '8-5' is not MIN-MAX", "select", "{candidates}", "--capacity", "3", "--sets", "8-5")]
    [InlineData("--sets '0-4' is not MIN-MAX", "select", "{candidates}", "--capacity", "3", "--sets", "0-4")]
    [InlineData("--sets 'five' is not MIN-MAX", "select", "{candidates}", "--capacity", "3", "--sets", "five")]
    [InlineData("is not DIMENSION=CATEGORY:SHARE", "composition", "{year1}", "--reference", "ethnicity")]
    [InlineData("the share must be a number from 0 to 1", "composition", "{year1}", "--reference", "ethnicity=British:1.5")]
    [InlineData("the share must be a number from 0 to 1", "composition", "{year1}", "--reference", "ethnicity=British:eighty")]
    [InlineData("names the dimension 'sex', which the file does not have", "composition", "{year1}", "--reference", "sex=female:0.5")]
    [InlineData("names the category 'Welsh', which the ethnicity counts do not have", "composition", "{year1}", "--reference", "ethnicity=Welsh:0.1")]
    [InlineData("--suppress-below must be at least 1.", "composition", "{year1}", "--suppress-below", "0")]
    [InlineData("--stated-total must be zero or more.", "composition", "{year1}", "--stated-total", "-1")]
    public void UsageErrors_NameTheOption_AndExitTwo(string message, params string[] args)
    {
        string[] line = [.. args.Select(a => a.Replace("{candidates}", Candidates, StringComparison.Ordinal).Replace("{year1}", Year1, StringComparison.Ordinal))];

        (int exitCode, string output, string error) = Run(["cohort", .. line]);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cohort")]
    [InlineData("cohort", "split")]
    [InlineData("cohort", "size")]
    [InlineData("cohort", "select")]
    [InlineData("cohort", "composition")]
    public void Help_IsAvailable(params string[] command)
    {
        (int exitCode, string output, _) = Run([.. command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    /// <summary>The sizing command line with the options of <paramref name="args"/> (pairs) replacing or added to the defaults.</summary>
    private static string[] WithOptions(string[] args)
    {
        List<string> line = [.. Sizing];
        for (int i = 0; i < args.Length; i += 2)
        {
            int at = line.IndexOf(args[i]);
            if (at >= 0)
            {
                line[at + 1] = args[i + 1];
            }
            else
            {
                line.AddRange(args[i..(i + 2)]);
            }
        }

        return [.. line];
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => EligibilityDocExamples.RunCli(args);
}
