using Upon.Core.Cohorts;

namespace Upon.Cli.Commands;

/// <summary><c>upon cohort split|size|select|composition</c>: planning and reporting cohorts.</summary>
internal static partial class CohortCommand
{
    /// <summary>Creates the command group.</summary>
    public static Command Create() => new("cohort", "Plan and report cohorts: split places into cohorts and sets, size the programme from demand, select candidates, report a cohort's make-up.")
    {
        CreateSplit(),
        CreateSize(),
        CreateSelect(),
        CreateComposition(),
    };

    private static Command CreateSplit() =>
        new SplitOptions().CreateCommand("split", "Split N participants into the fewest cohorts, then each cohort into the fewest action-learning sets, sizes within the bounds and differing by at most one. Exit 1, with the reason and the nearest numbers that can be split, when none exists.", SplitPlaces);

    /// <summary>Runs <c>upon cohort split</c>.</summary>
    private static int SplitPlaces(CommandRun run, SplitOptions options)
    {
        int n = run.GetValue(options.Participants);
        if (n < 1 || n > CohortSplit.MaxParticipants)
        {
            return run.Usage($"N must be from 1 to {CohortSplit.MaxParticipants.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Bounds(run.GetValue(options.CohortMin), run.GetValue(options.CohortMax), "--cohort-min", "--cohort-max", run) is not GroupSizeBounds cohorts
            || Bounds(run.GetValue(options.SetMin), run.GetValue(options.SetMax), "--set-min", "--set-max", run) is not GroupSizeBounds sets)
        {
            return ExitCodes.Usage;
        }

        CohortSplit split = CohortSplit.Of(n, cohorts, sets);
        run.WriteResult(
            options.Format,
            () => CohortJson.Document(
                new SplitOutput(
                    n,
                    new BoundsOutput(cohorts.Minimum, cohorts.Maximum),
                    new BoundsOutput(sets.Minimum, sets.Maximum),
                    split.IsFeasible,
                    split.IsFeasible ? [.. split.Cohorts.Select(c => new CohortOutput(c.Participants, [.. c.Sizes]))] : null,
                    split.IsFeasible ? split.SetCount : null,
                    split.Reason,
                    split.NearestFeasibleBelow,
                    split.NearestFeasibleAbove),
                CohortJsonContext.Default.SplitOutput),
            output => WriteSplit(output, split),
            SplitCsv);
        if (!split.IsFeasible && run.GetValue(options.Format) == CommonOptions.Csv)
        {
            run.Error.WriteLine($"upon: no split: {split.Reason}");
        }

        return split.IsFeasible ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>The CSV of <c>upon cohort split</c>: a row per cohort, its participants and its sets' sizes; none when there is no split.</summary>
    internal static readonly CsvTable SplitCsv = new("cohort", "cohorts", "participants", "sets");

    private static void WriteSplit(TextWriter output, CohortSplit split)
    {
        output.WriteLine($"{Count(split.Participants, "participant")} in cohorts of {split.CohortBounds}, action-learning sets of {split.SetBounds}");
        output.WriteLine();
        if (!split.IsFeasible)
        {
            output.WriteLine($"No split: {split.Reason}");
            output.WriteLine($"Nearest numbers that can be split: {(split.NearestFeasibleBelow is int below ? Number(below) : "none")} below, {(split.NearestFeasibleAbove is int above ? Number(above) : "none")} above.");
            return;
        }

        TextTable table = new("Cohort", "Participants", "Sets", "Set sizes");
        int number = 1;
        foreach (GroupSplit cohort in split.Cohorts)
        {
            table.AddRow(Number(number++), Number(cohort.Participants), Number(cohort.GroupCount), string.Join(", ", cohort.Sizes.Select(Number)));
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"{Count(split.Cohorts.Length, "cohort")}, {Count(split.SetCount, "set")}");
    }

    private static GroupSizeBounds? Bounds(int minimum, int maximum, string minName, string maxName, CommandRun run)
    {
        if (minimum < 1)
        {
            run.Usage($"{minName} must be at least 1.");
            return null;
        }

        if (maximum < minimum)
        {
            run.Usage($"{maxName} ({Number(maximum)}) is below {minName} ({Number(minimum)}).");
            return null;
        }

        return new GroupSizeBounds(minimum, maximum);
    }

    private static Command CreateSize() =>
        new SizeOptions().CreateCommand("size", "Size the programme from demand: the places needed a year to supply a share of new DCSs, and the appointments expected from a number of places.", SizeProgramme);

    /// <summary>Runs <c>upon cohort size</c>.</summary>
    private static int SizeProgramme(CommandRun run, SizeOptions options)
    {
        decimal? rate = run.GetValue(options.VacancyRate);
        decimal? tenure = run.GetValue(options.MeanTenure);
        if (rate.HasValue == tenure.HasValue)
        {
            return run.Usage("give exactly one of --vacancy-rate and --mean-tenure-months.");
        }

        int count = run.GetValue(options.Authorities);
        string? problem = count < 1 || count > SizingModel.MaxAuthorities
            ? $"--authorities must be from 1 to {SizingModel.MaxAuthorities.ToString(CultureInfo.InvariantCulture)}."
            : tenure < 12m ? "--mean-tenure-months must be at least 12."
            : RateProblem(rate, "--vacancy-rate", 0m)
                ?? RateProblem(run.GetValue(options.FirstTime), "--first-time-share", 0m)
                ?? RateProblem(run.GetValue(options.Programme), "--programme-share", 0m)
                ?? RateProblem(run.GetValue(options.Probability), "--appointment-probability", SizingModel.MinAppointmentProbability)
                ?? (run.GetValue(options.Places) < 0 ? "--places must be zero or more." : null);
        if (problem is not null)
        {
            return run.Usage(problem);
        }

        SizingModel model = tenure is decimal months
            ? SizingModel.FromMeanTenure(count, months, run.GetValue(options.FirstTime), run.GetValue(options.Programme), run.GetValue(options.Probability))
            : new SizingModel(count, rate!.Value, run.GetValue(options.FirstTime), run.GetValue(options.Programme), run.GetValue(options.Probability));
        int? placeCount = run.GetValue(options.Places);
        IReadOnlyList<SensitivityRow>? rows = run.GetValue(options.Sensitivity) ? model.Sensitivity() : null;
        run.WriteResult(
            options.Format,
            () => CohortJson.Document(
                new SizeOutput(
                    new SizeInputsOutput(model.Authorities, model.VacancyRate, tenure, model.FirstTimeShare, model.ProgrammeShare, model.AppointmentProbability),
                    model.AnnualVacancies,
                    model.FirstTimeAppointments,
                    model.TargetAppointments,
                    model.PlacesNeeded,
                    model.WholePlacesNeeded,
                    placeCount is int p ? new PlacesOutput(p, model.ExpectedAppointments(p)) : null,
                    rows?.Select(r => new SensitivityOutput(InputName(r.Input), r.Value, r.PlacesNeeded, r.WholePlacesNeeded)).ToList()),
                CohortJsonContext.Default.SizeOutput),
            output => WriteSize(output, model, tenure, placeCount, rows),
            SizeCsv);
        return ExitCodes.Success;
    }

    /// <summary>
    /// The CSV of <c>upon cohort size</c>: a row for the model (its inputs as used and what they give), then with
    /// <c>--sensitivity</c> a row per input and value tried, in the same columns where they mean the same.
    /// </summary>
    internal static readonly CsvTable[] SizeCsv =
    [
        new(
            "model",
            string.Empty,
            "inputs.authorities",
            "inputs.vacancyRate",
            "inputs.meanTenureMonths",
            "inputs.firstTimeShare",
            "inputs.programmeShare",
            "inputs.appointmentProbability",
            "annualVacancies",
            "firstTimeAppointments",
            "targetAppointments",
            "placesNeeded",
            "wholePlacesNeeded",
            "places.places",
            "places.expectedAppointments"),
        new("sensitivity", "sensitivity", "input", "value", "placesNeeded", "wholePlacesNeeded"),
    ];

    private static void WriteSize(TextWriter output, SizingModel model, decimal? tenure, int? places, IReadOnlyList<SensitivityRow>? rows)
    {
        TextTable table = new("Quantity", "Value");
        table.AddRow("Authorities", Number(model.Authorities));
        table.AddRow("Vacancy rate", tenure is decimal months ? $"{Decimal(model.VacancyRate)} (12 / {Decimal(months)} months)" : Decimal(model.VacancyRate));
        table.AddRow("First-time share", Decimal(model.FirstTimeShare));
        table.AddRow("Programme share", Decimal(model.ProgrammeShare));
        table.AddRow("Appointment probability", Decimal(model.AppointmentProbability));
        table.AddRow("Vacancies a year", Decimal(model.AnnualVacancies));
        table.AddRow("First-time appointments a year", Decimal(model.FirstTimeAppointments));
        table.AddRow("Target appointments a year", Decimal(model.TargetAppointments));
        table.AddRow("Places needed a year", Decimal(model.PlacesNeeded));
        table.AddRow("Whole places needed a year", Number(model.WholePlacesNeeded));
        if (places is int p)
        {
            table.AddRow($"Expected appointments from {Count(p, "place")}", Decimal(model.ExpectedAppointments(p)));
        }

        table.Write(output);
        if (rows is null)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Sensitivity: one input changed at a time, the others as above");
        output.WriteLine();
        TextTable sensitivity = new("Input", "Value", "Places needed", "Whole places");
        foreach (SensitivityRow row in rows)
        {
            sensitivity.AddRow(CliText.Words(row.Input.ToString()), Decimal(row.Value), Decimal(row.PlacesNeeded), Number(row.WholePlacesNeeded));
        }

        sensitivity.Write(output);
    }

    private static string? RateProblem(decimal? value, string option, decimal minimum) =>
        value is decimal v && (v < minimum || v > 1m)
            ? $"{option} must be from {Decimal(minimum)} to 1."
            : null;

    private static string InputName(SizingInput input) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(input.ToString());


    /// <summary>Writes every problem of a file's records, and the summary line.</summary>
    private static void WriteProblems(TextWriter error, string file, IEnumerable<(int Record, DocumentProblem Problem)> problems, string? summary)
    {
        error.WriteLine($"upon: the file '{CliText.FileName(file)}' is not valid:");
        foreach ((int record, DocumentProblem problem) in problems)
        {
            error.WriteLine(record > 0 ? $"  record {Number(record)}: {CliText.Describe(problem)}" : $"  {CliText.Describe(problem)}");
        }

        if (summary is not null)
        {
            error.WriteLine(summary);
        }
    }

    /// <summary>Reads a whole file, or standard input for '-'; null (after one line saying why) when it cannot be read.</summary>
    private static byte[]? ReadInput(string path, TextWriter error) => InputFile.ReadAll(path, "file", error);

    /// <summary>Reads the candidates of a file; null after listing every problem on <paramref name="error"/>.</summary>
    private static List<(int Record, CandidateProfile Profile)>? ReadCandidates(byte[] bytes, string path, TextWriter error)
    {
        List<(int, CandidateProfile)> candidates = [];
        List<(int, DocumentProblem)> problems = [];
        CandidateSummary summary = default;
        using (MemoryStream stream = new(bytes, writable: false))
        {
            foreach (RecordResult<CandidateProfile> record in CandidateDocument.Read(stream))
            {
                summary = summary.Add(record);
                if (record.Value is CandidateProfile profile)
                {
                    candidates.Add((record.RecordNumber, profile));
                }
                else
                {
                    problems.AddRange(record.Problems.Select(p => (record.RecordNumber, p)));
                }
            }
        }

        if (problems.Count > 0)
        {
            WriteProblems(error, path, problems, summary.ToString());
            return null;
        }

        if (candidates.Count == 0)
        {
            error.WriteLine($"upon: the file '{CliText.FileName(path)}' holds no candidates.");
            return null;
        }

        return candidates;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n, string noun) => CliText.Count(n, noun);

    /// <summary>The arguments and options of <c>upon cohort split</c>.</summary>
    private sealed class SplitOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Participants, CohortMax, CohortMin, SetMin, SetMax, Format];

        /// <summary>Gets the <c>N</c> argument.</summary>
        public Argument<int> Participants { get; } = new("n") { Description = $"The number of participants: 1 to {CohortSplit.MaxParticipants:N0}.", HelpName = "N" };

        /// <summary>Gets <c>--cohort-max</c>.</summary>
        public Option<int> CohortMax { get; } = new("--cohort-max") { Description = "The largest cohort; default 50.", HelpName = "N", DefaultValueFactory = _ => 50 };

        /// <summary>Gets <c>--cohort-min</c>.</summary>
        public Option<int> CohortMin { get; } = new("--cohort-min") { Description = "The smallest cohort; default 1.", HelpName = "N", DefaultValueFactory = _ => 1 };

        /// <summary>Gets <c>--set-min</c>.</summary>
        public Option<int> SetMin { get; } = new("--set-min") { Description = "The smallest action-learning set; default 5.", HelpName = "N", DefaultValueFactory = _ => 5 };

        /// <summary>Gets <c>--set-max</c>.</summary>
        public Option<int> SetMax { get; } = new("--set-max") { Description = "The largest action-learning set; default 8.", HelpName = "N", DefaultValueFactory = _ => 8 };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }

    /// <summary>The arguments and options of <c>upon cohort size</c>.</summary>
    private sealed class SizeOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Authorities, VacancyRate, MeanTenure, FirstTime, Programme, Probability, Places, Sensitivity, Format];

        /// <summary>Gets <c>--authorities</c>.</summary>
        public Option<int> Authorities { get; } = new("--authorities") { Description = $"The number of authorities with a DCS post: 1 to {SizingModel.MaxAuthorities:N0} (England: 151 in 2020/21).", HelpName = "N", Required = true };

        /// <summary>Gets <c>--vacancy-rate</c>.</summary>
        public Option<decimal?> VacancyRate { get; } = new("--vacancy-rate") { Description = "The share of DCS posts falling vacant in a year, from 0 to 1. Give this or --mean-tenure-months.", HelpName = "R" };

        /// <summary>Gets <c>--mean-tenure-months</c>.</summary>
        public Option<decimal?> MeanTenure { get; } = new("--mean-tenure-months") { Description = "The mean time in post in months, at least 12; the vacancy rate is 12 divided by it.", HelpName = "M" };

        /// <summary>Gets <c>--first-time-share</c>.</summary>
        public Option<decimal> FirstTime { get; } = new("--first-time-share") { Description = "The share of vacancies filled by a first-time DCS, from 0 to 1.", HelpName = "S", Required = true };

        /// <summary>Gets <c>--programme-share</c>.</summary>
        public Option<decimal> Programme { get; } = new("--programme-share") { Description = "The share of first-time appointments the programme aims to supply, from 0 to 1.", HelpName = "P", Required = true };

        /// <summary>Gets <c>--appointment-probability</c>.</summary>
        public Option<decimal> Probability { get; } = new("--appointment-probability") { Description = "The chance that a participant is appointed DCS within the horizon, from 0.0001 to 1.", HelpName = "Q", Required = true };

        /// <summary>Gets <c>--places</c>.</summary>
        public Option<int?> Places { get; } = new("--places") { Description = "Also give the appointments expected from this many places.", HelpName = "N" };

        /// <summary>Gets <c>--sensitivity</c>.</summary>
        public Option<bool> Sensitivity { get; } = new("--sensitivity") { Description = "Also give a sensitivity table: each input at 50%, 75%, 100%, 125% and 150% of its value (within its range), the others unchanged." };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
