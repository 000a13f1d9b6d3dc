using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Cli.Commands;

/// <summary><c>upon cohort select</c>.</summary>
internal static partial class CohortCommand
{
    private static Command CreateSelect() =>
        new SelectOptions().CreateCommand("select", "Fill the places from the candidates in FILE by score, with a per-authority cap and deterministic tie-breaks; every candidate gets an outcome and its reason. Exit 1 when FILE is invalid.", SelectCandidates);

    /// <summary>Runs <c>upon cohort select</c>.</summary>
    private static int SelectCandidates(CommandRun run, SelectOptions options)
    {
        int places = run.GetValue(options.Capacity);
        int? authorityCap = run.GetValue(options.Cap);
        int? length = run.GetValue(options.WaitingList);
        string? problem = places < 1 ? "--capacity must be at least 1."
            : authorityCap < 1 ? "--per-authority-cap must be at least 1."
            : length < 0 ? "--waiting-list must be zero or more."
            : null;
        if (problem is not null)
        {
            return run.Usage(problem);
        }

        string path = run.GetValue(options.File)!;
        if (ReadInput(path, run.Error) is not byte[] bytes)
        {
            return ExitCodes.Failure;
        }

        if (ReadCandidates(bytes, path, run.Error) is not { } candidates)
        {
            return ExitCodes.InvalidInput;
        }

        Selection selection = Selection.Of([.. candidates.Select(c => c.Profile.Candidate)], places, run.GetValue(options.Seed), authorityCap, run.GetValue(options.PositiveAction), length);
        Dictionary<decimal, int> ties = [];
        foreach (SelectionCandidate candidate in candidates.Select(c => c.Profile.Candidate).Where(c => c.Eligibility == EligibilityOutcome.Eligible))
        {
            ties[candidate.Score] = ties.GetValueOrDefault(candidate.Score) + 1;
        }

        Dictionary<string, int> records = candidates.ToDictionary(c => c.Profile.Candidate.ApplicantId, c => c.Record, StringComparer.Ordinal);

        OutcomeOutput Describe(SelectionOutcome o) => new(
            records[o.Candidate.ApplicantId],
            o.Candidate.ApplicantId,
            o.Candidate.AuthorityCode,
            Json(o.Candidate.Eligibility.ToString()),
            o.Candidate.Score,
            o.Candidate.UnderRepresented,
            o.Candidate.Eligibility == EligibilityOutcome.Eligible ? ties[o.Candidate.Score] - 1 : 0,
            o.Rank,
            o.WaitingListPosition,
            o.Reason == NotSelectedReason.None ? null : Json(o.Reason.ToString()));

        List<OutcomeOutput> notSelected = [.. selection.Outcomes.Where(o => o.Status == SelectionStatus.NotSelected).Select(Describe)];
        SelectOutput result = new(
            places,
            authorityCap,
            length,
            selection.Seed,
            selection.PositiveActionTieBreak,
            new SelectSummaryOutput(candidates.Count, selection.Outcomes.Count(o => o.Candidate.Eligibility == EligibilityOutcome.Eligible), selection.Selected.Length, selection.WaitingList.Length, notSelected.Count),
            [.. selection.Selected.Select(Describe)],
            [.. selection.WaitingList.Select(Describe)],
            notSelected,
            run.GetValue(options.Sets) is GroupSizeBounds bounds ? Allocate(selection, candidates.Select(c => c.Profile), bounds) : null);
        if (run.GetValue(options.WriteSelected) is string selectedFile)
        {
            Dictionary<string, CandidateProfile> profiles = candidates.ToDictionary(c => c.Profile.Candidate.ApplicantId, c => c.Profile, StringComparer.Ordinal);
            if (!OutputFile.Write(selectedFile, stream => CandidateDocument.Write(stream, selection.Selected.Select(o => profiles[o.Candidate.ApplicantId])), run.Error))
            {
                return ExitCodes.Failure;
            }
        }

        run.WriteResult(options.Format, () => CohortJson.Document(result, CohortJsonContext.Default.SelectOutput), output => WriteSelection(output, result), SelectCsv);
        if (result.Sets is { Feasible: false, Reason: string reason } && run.GetValue(options.Format) == CommonOptions.Csv)
        {
            run.Error.WriteLine($"upon: no sets: {CliText.Escape(reason)}");
        }

        return result.Sets is { Feasible: false } ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    /// <summary>
    /// The CSV of <c>upon cohort select</c>: a row per candidate selected (by rank), on the waiting list (by place) and
    /// not selected (with the reason), then with <c>--sets</c> a row per action-learning set.
    /// </summary>
    internal static readonly CsvTable[] SelectCsv =
    [
        new("selected", "selected", "record", "applicantId", "authority", "eligibility", "score", "underRepresented", "tiedWith", "rank"),
        new("waitingList", "waitingList", "record", "applicantId", "authority", "eligibility", "score", "underRepresented", "tiedWith", "waitingListPosition"),
        new("notSelected", "notSelected", "record", "applicantId", "authority", "eligibility", "score", "underRepresented", "tiedWith", "reason"),
        new("set", "sets.sets", "set", "members", "authorityClashes", "distinctBackgrounds", "bestPossibleBackgrounds", "mixScore"),
    ];

    /// <summary>Allocates the selected to sets (seeded as the selection), a background not stated counting as one background.</summary>
    private static SetsOutput Allocate(Selection selection, IEnumerable<CandidateProfile> profiles, GroupSizeBounds bounds)
    {
        Dictionary<string, string> backgrounds = profiles.ToDictionary(p => p.Candidate.ApplicantId, p => p.Background ?? ParticipantComposition.NotStated, StringComparer.Ordinal);
        SetParticipant[] participants = [.. selection.Selected.Select(o => new SetParticipant(o.Candidate.ApplicantId, o.Candidate.AuthorityCode, backgrounds[o.Candidate.ApplicantId]))];
        if (participants.Length == 0)
        {
            return new SetsOutput(new BoundsOutput(bounds.Minimum, bounds.Maximum), false, "No one was selected, so there is no one to allocate.", 0, 0, 0, 0, 0m, []);
        }

        SetAllocation allocation = SetAllocation.Of(participants, bounds, selection.Seed);
        return new SetsOutput(
            new BoundsOutput(bounds.Minimum, bounds.Maximum),
            allocation.IsFeasible,
            allocation.Reason,
            allocation.AuthorityClashes,
            allocation.MinimumAuthorityClashes,
            allocation.BackgroundCount,
            allocation.EvenlySpreadBackgrounds,
            allocation.MixScore,
            [.. allocation.Sets.Select(s => new SetOutput(s.Number, [.. s.Participants.Select(p => p.ParticipantId)], s.AuthorityClashes, s.DistinctBackgrounds, s.BestPossibleBackgrounds, s.MixScore))]);
    }

    private static void WriteSets(TextWriter output, SetsOutput sets)
    {
        string bounds = new GroupSizeBounds(sets.Bounds.Minimum, sets.Bounds.Maximum).ToString();
        if (!sets.Feasible)
        {
            output.WriteLine($"Sets of {bounds}: none. {sets.Reason}");
            return;
        }

        output.WriteLine($"Sets of {bounds} ({Number(sets.Sets.Count)})");
        TextTable table = new("Set", "Size", "Authority clashes", "Backgrounds", "Mix", "Members");
        foreach (SetOutput set in sets.Sets)
        {
            table.AddRow(Number(set.Set), Number(set.Members.Count), Number(set.AuthorityClashes), $"{Number(set.DistinctBackgrounds)} (at most {Number(set.BestPossibleBackgrounds)})", set.MixScore.ToString("0.00", CultureInfo.InvariantCulture), string.Join(", ", set.Members));
        }

        table.Write(output);
        output.WriteLine($"Authority clashes {Number(sets.AuthorityClashes)} (the fewest possible: {Number(sets.MinimumAuthorityClashes)}); {Number(sets.EvenlySpreadBackgrounds)} of {Count(sets.BackgroundCount, "background")} spread evenly; mix score {sets.MixScore.ToString("0.00", CultureInfo.InvariantCulture)} (1 is each set mirroring the whole)");
    }

    private static GroupSizeBounds? ParseSetBounds(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        string[] parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int minimum)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int maximum)
            && minimum >= 1
            && maximum >= minimum)
        {
            return new GroupSizeBounds(minimum, maximum);
        }

        result.AddError($"--sets '{text}' is not MIN-MAX with 1 <= MIN <= MAX, for example 5-8.");
        return null;
    }

    private static void WriteSelection(TextWriter output, SelectOutput result)
    {
        SelectSummaryOutput summary = result.Summary;
        output.WriteLine($"{Count(result.Capacity, "place")}; {Count(summary.Candidates, "candidate")}, {Number(summary.Eligible)} eligible; "
            + $"{(result.AuthorityCap is int cap ? $"at most {Number(cap)} per authority" : "no authority cap")}; "
            + $"ties broken by {(result.PositiveActionTieBreak ? "positive action, then " : string.Empty)}lottery with seed {result.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        output.WriteLine();
        WriteGroup(output, "Selected", result.Selected, ["Rank", "Applicant", "Authority", "Score", "Tie"], o => [Number(o.Rank!.Value), o.ApplicantId, o.Authority, Decimal(o.Score), Tie(o)]);
        output.WriteLine();
        WriteGroup(output, "Waiting list", result.WaitingList, ["Position", "Applicant", "Authority", "Score", "Tie"], o => [Number(o.WaitingListPosition!.Value), o.ApplicantId, o.Authority, Decimal(o.Score), Tie(o)]);
        output.WriteLine();
        WriteGroup(output, "Not selected", result.NotSelected, ["Applicant", "Authority", "Score", "Reason"], o => [o.ApplicantId, o.Authority, Decimal(o.Score), o.Reason switch
        {
            "notEligible" => $"not eligible ({o.Eligibility})",
            "authorityCap" => "authority cap reached",
            _ => "score: below the places and the waiting list",
        }]);
        if (result.Sets is SetsOutput sets)
        {
            output.WriteLine();
            WriteSets(output, sets);
        }

        output.WriteLine();
        output.WriteLine($"{Count(summary.Candidates, "candidate")}: {Number(summary.Selected)} selected, {Number(summary.WaitingList)} on the waiting list, {Number(summary.NotSelected)} not selected");
    }

    /// <summary>Writes "TITLE (N)" and a table of the outcomes, or "none".</summary>
    private static void WriteGroup(TextWriter output, string title, IReadOnlyList<OutcomeOutput> outcomes, string[] headers, Func<OutcomeOutput, string[]> row)
    {
        output.WriteLine($"{title} ({Number(outcomes.Count)})");
        if (outcomes.Count == 0)
        {
            output.WriteLine("none");
            return;
        }

        TextTable table = new(headers);
        foreach (OutcomeOutput o in outcomes)
        {
            table.AddRow(row(o));
        }

        table.Write(output);
    }

    private static string Tie(OutcomeOutput o) =>
        o.TiedWith == 0 ? string.Empty : $"{Number(o.TiedWith + 1)}-way{(o.UnderRepresented ? ", under-represented" : string.Empty)}";

    private static string Json(string pascal) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(pascal);

    /// <summary>The arguments and options of <c>upon cohort select</c>.</summary>
    private sealed class SelectOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, Capacity, Cap, Seed, WaitingList, PositiveAction, Sets, WriteSelected, Format];

        /// <summary>Gets the <c>FILE</c> argument.</summary>
        public Argument<string> File { get; } = new("file")
        {
            Description = "A candidates document: a JSON array, JSON Lines or a single candidate (docs/schemas/cohort-candidate.schema.json). '-' reads standard input.",
            HelpName = "FILE|-",
        };

        /// <summary>Gets <c>--capacity</c>.</summary>
        public Option<int> Capacity { get; } = new("--capacity") { Description = "The number of places: at least 1.", HelpName = "N", Required = true };

        /// <summary>Gets <c>--per-authority-cap</c>.</summary>
        public Option<int?> Cap { get; } = new("--per-authority-cap") { Description = "The most places for one authority: at least 1. Default: no cap.", HelpName = "K" };

        /// <summary>Gets <c>--seed</c>.</summary>
        public Option<long> Seed { get; } = new("--seed") { Description = "The seed of the lottery that breaks exact ties of score; the same seed gives the same outcome. Default 0.", HelpName = "S", DefaultValueFactory = _ => 0 };

        /// <summary>Gets <c>--waiting-list</c>.</summary>
        public Option<int?> WaitingList { get; } = new("--waiting-list") { Description = "The most candidates on the waiting list: zero or more. Default: no limit.", HelpName = "N" };

        /// <summary>Gets <c>--positive-action</c>.</summary>
        public Option<bool> PositiveAction { get; } = new("--positive-action") { Description = "Break exact ties of score first in favour of candidates marked underRepresented (Equality Act 2010 s.159)." };

        /// <summary>Gets <c>--sets</c>.</summary>
        public Option<GroupSizeBounds?> Sets { get; } = new("--sets")
        {
            Description = "Also allocate the selected to action-learning sets of MIN to MAX people (for example 5-8), colleagues from one authority apart and backgrounds mixed, with measures per set. Exit 1 when the selected cannot be split so.",
            HelpName = "MIN-MAX",
            CustomParser = ParseSetBounds,
        };

        /// <summary>Gets <c>--write-selected</c>.</summary>
        public Option<string?> WriteSelected { get; } = new("--write-selected")
        {
            Description = "Also write the selected candidates, in rank order, to this file as a candidates document (JSON Lines), for example for 'upon cohort composition'.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
