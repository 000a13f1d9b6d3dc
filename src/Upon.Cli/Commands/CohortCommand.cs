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

    private static Command CreateSplit()
    {
        Argument<int> participants = new("n") { Description = $"The number of participants: 1 to {CohortSplit.MaxParticipants:N0}.", HelpName = "N" };
        Option<int> cohortMax = new("--cohort-max") { Description = "The largest cohort; default 50.", HelpName = "N", DefaultValueFactory = _ => 50 };
        Option<int> cohortMin = new("--cohort-min") { Description = "The smallest cohort; default 1.", HelpName = "N", DefaultValueFactory = _ => 1 };
        Option<int> setMin = new("--set-min") { Description = "The smallest action-learning set; default 5.", HelpName = "N", DefaultValueFactory = _ => 5 };
        Option<int> setMax = new("--set-max") { Description = "The largest action-learning set; default 8.", HelpName = "N", DefaultValueFactory = _ => 8 };
        Option<string> format = CommonOptions.Format();
        Command command = new("split", "Split N participants into the fewest cohorts, then each cohort into the fewest action-learning sets, sizes within the bounds and differing by at most one. Exit 1, with the reason and the nearest numbers that can be split, when none exists.")
        {
            participants, cohortMax, cohortMin, setMin, setMax, format,
        };
        command.SetAction(parseResult => SplitPlaces(parseResult, participants, cohortMax, cohortMin, setMin, setMax, format));
        return command;
    }

    /// <summary>Runs <c>upon cohort split</c>.</summary>
    private static int SplitPlaces(
        ParseResult parseResult,
        Argument<int> participants,
        Option<int> cohortMax,
        Option<int> cohortMin,
        Option<int> setMin,
        Option<int> setMax,
        Option<string> format)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        int n = parseResult.GetValue(participants);
        if (n < 1 || n > CohortSplit.MaxParticipants)
        {
            return Usage(error, $"N must be from 1 to {CohortSplit.MaxParticipants.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Bounds(parseResult.GetValue(cohortMin), parseResult.GetValue(cohortMax), "--cohort-min", "--cohort-max", error) is not GroupSizeBounds cohorts
            || Bounds(parseResult.GetValue(setMin), parseResult.GetValue(setMax), "--set-min", "--set-max", error) is not GroupSizeBounds sets)
        {
            return ExitCodes.Usage;
        }

        CohortSplit split = CohortSplit.Of(n, cohorts, sets);
        if (parseResult.GetValue(format) == CommonOptions.Json)
        {
            CohortJson.Write(
                output,
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
                CohortJsonContext.Default.SplitOutput);
        }
        else
        {
            WriteSplit(output, split);
        }

        return split.IsFeasible ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

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

    private static GroupSizeBounds? Bounds(int minimum, int maximum, string minName, string maxName, TextWriter error)
    {
        if (minimum < 1)
        {
            Usage(error, $"{minName} must be at least 1.");
            return null;
        }

        if (maximum < minimum)
        {
            Usage(error, $"{maxName} ({Number(maximum)}) is below {minName} ({Number(minimum)}).");
            return null;
        }

        return new GroupSizeBounds(minimum, maximum);
    }

    private static Command CreateSize()
    {
        Option<int> authorities = new("--authorities") { Description = $"The number of authorities with a DCS post: 1 to {SizingModel.MaxAuthorities:N0} (England: 151 in 2020/21).", HelpName = "N", Required = true };
        Option<decimal?> vacancyRate = new("--vacancy-rate") { Description = "The share of DCS posts falling vacant in a year, from 0 to 1. Give this or --mean-tenure-months.", HelpName = "R" };
        Option<decimal?> meanTenure = new("--mean-tenure-months") { Description = "The mean time in post in months, at least 12; the vacancy rate is 12 divided by it.", HelpName = "M" };
        Option<decimal> firstTime = new("--first-time-share") { Description = "The share of vacancies filled by a first-time DCS, from 0 to 1.", HelpName = "S", Required = true };
        Option<decimal> programme = new("--programme-share") { Description = "The share of first-time appointments the programme aims to supply, from 0 to 1.", HelpName = "P", Required = true };
        Option<decimal> probability = new("--appointment-probability") { Description = "The chance that a participant is appointed DCS within the horizon, from 0.0001 to 1.", HelpName = "Q", Required = true };
        Option<int?> places = new("--places") { Description = "Also give the appointments expected from this many places.", HelpName = "N" };
        Option<bool> sensitivity = new("--sensitivity") { Description = "Also give a sensitivity table: each input at 50%, 75%, 100%, 125% and 150% of its value (within its range), the others unchanged." };
        Option<string> format = CommonOptions.Format();
        Command command = new("size", "Size the programme from demand: the places needed a year to supply a share of new DCSs, and the appointments expected from a number of places.")
        {
            authorities, vacancyRate, meanTenure, firstTime, programme, probability, places, sensitivity, format,
        };
        command.SetAction(parseResult => SizeProgramme(parseResult, authorities, vacancyRate, meanTenure, firstTime, programme, probability, places, sensitivity, format));
        return command;
    }

    /// <summary>Runs <c>upon cohort size</c>.</summary>
    private static int SizeProgramme(
        ParseResult parseResult,
        Option<int> authorities,
        Option<decimal?> vacancyRate,
        Option<decimal?> meanTenure,
        Option<decimal> firstTime,
        Option<decimal> programme,
        Option<decimal> probability,
        Option<int?> places,
        Option<bool> sensitivity,
        Option<string> format)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        decimal? rate = parseResult.GetValue(vacancyRate);
        decimal? tenure = parseResult.GetValue(meanTenure);
        if (rate.HasValue == tenure.HasValue)
        {
            return Usage(error, "give exactly one of --vacancy-rate and --mean-tenure-months.");
        }

        int count = parseResult.GetValue(authorities);
        string? problem = count < 1 || count > SizingModel.MaxAuthorities
            ? $"--authorities must be from 1 to {SizingModel.MaxAuthorities.ToString(CultureInfo.InvariantCulture)}."
            : tenure < 12m ? "--mean-tenure-months must be at least 12."
            : RateProblem(rate, "--vacancy-rate", 0m)
                ?? RateProblem(parseResult.GetValue(firstTime), "--first-time-share", 0m)
                ?? RateProblem(parseResult.GetValue(programme), "--programme-share", 0m)
                ?? RateProblem(parseResult.GetValue(probability), "--appointment-probability", SizingModel.MinAppointmentProbability)
                ?? (parseResult.GetValue(places) < 0 ? "--places must be zero or more." : null);
        if (problem is not null)
        {
            return Usage(error, problem);
        }

        SizingModel model = tenure is decimal months
            ? SizingModel.FromMeanTenure(count, months, parseResult.GetValue(firstTime), parseResult.GetValue(programme), parseResult.GetValue(probability))
            : new SizingModel(count, rate!.Value, parseResult.GetValue(firstTime), parseResult.GetValue(programme), parseResult.GetValue(probability));
        int? placeCount = parseResult.GetValue(places);
        IReadOnlyList<SensitivityRow>? rows = parseResult.GetValue(sensitivity) ? model.Sensitivity() : null;
        if (parseResult.GetValue(format) == CommonOptions.Json)
        {
            CohortJson.Write(
                output,
                new SizeOutput(
                    new SizeInputsOutput(model.Authorities, model.VacancyRate, tenure, model.FirstTimeShare, model.ProgrammeShare, model.AppointmentProbability),
                    model.AnnualVacancies,
                    model.FirstTimeAppointments,
                    model.TargetAppointments,
                    model.PlacesNeeded,
                    model.WholePlacesNeeded,
                    placeCount is int p ? new PlacesOutput(p, model.ExpectedAppointments(p)) : null,
                    rows?.Select(r => new SensitivityOutput(InputName(r.Input), r.Value, r.PlacesNeeded, r.WholePlacesNeeded)).ToList()),
                CohortJsonContext.Default.SizeOutput);
        }
        else
        {
            WriteSize(output, model, tenure, placeCount, rows);
        }

        return ExitCodes.Success;
    }

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

    /// <summary>Writes a usage error and returns <see cref="ExitCodes.Usage"/>.</summary>
    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine($"upon: {message}");
        error.WriteLine("Run 'upon cohort --help' for usage.");
        return ExitCodes.Usage;
    }

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
}
