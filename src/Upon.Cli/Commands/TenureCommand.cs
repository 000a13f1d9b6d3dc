using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary><c>upon tenure FILE --as-of DATE</c>: how long DCSs stay, by Kaplan–Meier, completed tenures or time in post.</summary>
internal static class TenureCommand
{
    private const string KaplanMeierMethod = "km";
    private const string Completed = "completed";
    private const string InPost = "in-post";
    private const string Cif = "cif";
    private const string Cox = "cox";
    private const string Stacked = "stacked";
    private const string SideBySide = "side-by-side";
    private const string All = "all";
    private const string Kind = "kind";
    private const string StartYear = "start-year";
    private const string StartFinancialYear = "start-financial-year";

    /// <summary>Creates the command.</summary>
    public static Command Create() =>
        new Options().CreateCommand("tenure", "How long DCSs stay in post, in months (30.436875 days), by a named method: km (default), completed or in-post; why they leave (cif) and what makes them leave sooner (cox).", MeasureTenure);

    /// <summary>Runs <c>upon tenure</c>.</summary>
    private static int MeasureTenure(CommandRun run, Options options)
    {
        (LocalDate? asOf, int asOfExit) = options.AsOfOrLastDate(run, run.GetValue(options.AsOf));
        if (asOf is not LocalDate date)
        {
            return asOfExit;
        }

        string measure = run.GetValue(options.Method)!;
        DateInterval? given = run.GetValue(options.Window);
        LocalDate? first = run.GetValue(options.From);
        LocalDate? last = run.GetValue(options.To);
        LocalDate? day = run.GetValue(options.On);
        int months = run.GetValue(options.Horizon);
        // An option of a list reads as an empty list when not given.
        int[]? times = run.IsGiven(options.Times) ? run.GetValue(options.Times) : null;
        int[] survivalMonths = times ?? [.. TenureReportGroup.SurvivalMonths];
        bool exportCurve = run.GetValue(options.Curve);
        List<(string Group, KaplanMeierCurve Curve)> curves = [];
        FileInfo? chart = run.GetValue(options.Svg);
        string? key = run.GetValue(options.By);
        FileInfo? ofsted = run.GetValue(options.Ofsted);
        // An option of a list reads as an empty list when not given.
        string[]? covariates = run.IsGiven(options.Covariate) ? run.GetValue(options.Covariate) : null;
        if ((CheckUsage(measure, given, first, last, date, months) ?? WorkforceOptions.CheckSvg(chart)
            ?? (day is not null && measure != InPost ? "--on is the day of --method in-post; the other methods take --window." : null)
            ?? (day > date ? $"--on ({CliText.Iso(day.Value)}) is after the as-of date ({CliText.Iso(date)})." : null)
            ?? (chart is not null && measure is not (KaplanMeierMethod or Cif) ? "--svg draws the Kaplan–Meier or cumulative incidence curves: use it with --method km or cif." : null)
            ?? (key is not null && measure is not (KaplanMeierMethod or Cox) ? "--by stratifies the Kaplan–Meier estimate or the Cox model: use it with --method km or cox." : null)
            ?? (times is not null && measure is not (KaplanMeierMethod or Cif) ? "--times gives the estimates at those months: use it with --method km or cif." : null)
            ?? CheckModelUsage(run, options, measure, ofsted, covariates)
            ?? (exportCurve && measure != KaplanMeierMethod ? "--curve writes the Kaplan–Meier curve: use it with --method km." : null)
            ?? (exportCurve && times is not null ? "--curve writes every step of the curve and --times the chosen months: give one of them." : null)) is string usage)
        {
            return run.Usage(usage);
        }

        (WorkforceInput? input, int exitCode) = options.Load(run, date);
        if (input is null)
        {
            return exitCode;
        }

        OfstedJudgementValidationResult? judgements = null;
        if (ofsted is not null)
        {
            (judgements, int judgementsExit) = options.LoadJudgements(run, ofsted, input, date);
            if (judgements is null)
            {
                return judgementsExit;
            }
        }

        DateInterval? span = null;
        if (measure != InPost)
        {
            LocalDate start = given?.Start ?? first ?? input.EarliestStart ?? date;
            LocalDate end = given?.End ?? last ?? date;
            if (end < start)
            {
                return run.Usage($"the window would end ({CliText.Iso(end)}) before it starts ({CliText.Iso(start)}).");
            }

            span = new DateInterval(start, end);
        }

        bool lookThrough = !run.GetValue(options.IncludeInterim);
        if (measure is Cif or Cox)
        {
            TenureSetting setting = new(input, WorkforceInputText.Summarize(input), date, span!, lookThrough);
            return measure == Cif
                ? TenureModels.CumulativeIncidence(run, options.Format, setting, survivalMonths, chart, run.GetValue(options.Layout) == SideBySide ? CumulativeIncidenceLayout.SideBySide : CumulativeIncidenceLayout.Stacked)
                : TenureModels.ProportionalHazards(run, options.Format, setting, new CoxSetting(
                    covariates ?? [judgements is null ? TenureModels.Interim : TenureModels.Inadequate12Months],
                    judgements?.Judgements,
                    judgements?.Summary,
                    key,
                    key is null ? null : KeyOf(key),
                    run.GetValue(options.Ties) == "breslow" ? CoxTies.Breslow : CoxTies.Efron,
                    run.GetValue(options.Robust)));
        }

        List<TenureReportGroup> groups;
        TenureReportLogRank? logRank = null;
        if (measure == KaplanMeierMethod && key is not null)
        {
            StratifiedKaplanMeier<string> strata = TenureMeasures.KaplanMeierTenureBy(input.Appointments, span!, KeyOf(key), lookThroughInterim: lookThrough);
            curves.AddRange(strata.Strata.Select(s => (s.Key, s.Curve)));
            groups = [.. strata.Strata.Select(s => TenureReportGroup.FromCurve(s.Key, s.Curve, months, survivalMonths))];
            logRank = strata.LogRank is LogRankTest<string> test && groups.Count > 1 ? TenureReportLogRank.Of(test) : null;
            if (!WorkforceOptions.WriteSvg(chart, groups.Count > 0, writer => SvgChart.WriteKaplanMeier(writer, [.. strata.Strata.Select(s => new ChartCurve(s.Key, s.Curve))], KaplanMeierChart(span!, key)), run.Error))
            {
                return ExitCodes.Failure;
            }
        }
        else if (measure == KaplanMeierMethod)
        {
            KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(input.Appointments, span!, lookThroughInterim: lookThrough);
            curves.Add((All, curve));
            groups = [TenureReportGroup.FromCurve(All, curve, months, survivalMonths)];
            if (!WorkforceOptions.WriteSvg(chart, curve.RecordCount > 0, writer => SvgChart.WriteKaplanMeier(writer, [new ChartCurve(string.Empty, curve)], KaplanMeierChart(span!, key)), run.Error))
            {
                return ExitCodes.Failure;
            }
        }
        else
        {
            groups = [TenureReportGroup.FromSummary(All, measure == Completed
                ? TenureMeasures.CompletedTenures(input.Appointments, span!, lookThrough)
                : TenureMeasures.TimeInPost(input.Appointments, day ?? date, lookThrough))];
        }

        if (exportCurve)
        {
            return WriteCurves(run, options.Format, date, span!, lookThrough, key, curves);
        }

        TenureReport report = new(
            measure,
            date,
            measure == InPost ? day ?? date : null,
            span,
            lookThrough,
            key,
            measure == KaplanMeierMethod ? months : null,
            WorkforceInputText.Summarize(input),
            groups,
            logRank);
        return options.Write(
            run,
            report,
            WorkforceReportJsonContext.Indented.TenureReport,
            (output, value) => WriteTable(output, value, survivalMonths),
            measure != KaplanMeierMethod ? [SummaryCsv] : key is null ? [SurvivalCsv] : [SurvivalCsv, LogRankCsv]);
    }

    /// <summary>
    /// The CSV of <c>upon tenure</c> (km): a row per group and month asked for, the group's median and restricted mean
    /// repeated on each of its rows; a group whose curve reaches none of the months still has its row.
    /// </summary>
    internal static readonly CsvTable SurvivalCsv = new(
        "survival",
        "groups.survival",
        "group",
        "records",
        "events",
        "median.months",
        "median.lower",
        "median.upper",
        "restrictedMean.horizonMonths",
        "restrictedMean.months",
        "restrictedMean.standardError",
        "survival.months",
        "survival.atRisk",
        "survival.events",
        "survival.censored",
        "survival.survival",
        "survival.standardError",
        "survival.lower",
        "survival.upper");

    /// <summary>The CSV of <c>upon tenure --by</c> (km) after the groups' rows: one row, the log-rank test, when it could be done.</summary>
    internal static readonly CsvTable LogRankCsv = new("logRank", "logRank", "chiSquare", "degreesOfFreedom", "pValue");

    /// <summary>The CSV of <c>upon tenure --method completed</c> and <c>in-post</c>: a row per group.</summary>
    internal static readonly CsvTable SummaryCsv = new("group", "groups", "group", "count", "meanMonths", "medianMonths");

    /// <summary>The CSV of <c>upon tenure --curve</c>: a row per step of each group's curve.</summary>
    internal static readonly CsvTable CurveCsv = new(
        "point",
        "curves.points",
        "group",
        "points.months",
        "points.atRisk",
        "points.events",
        "points.censored",
        "points.survival",
        "points.standardError",
        "points.lower",
        "points.upper");

    private static string? CheckUsage(string method, DateInterval? window, LocalDate? from, LocalDate? to, LocalDate asOf, int horizon)
    {
        if (window is not null && (from is not null || to is not null))
        {
            return "give either --window FROM..TO or --from and --to, not both.";
        }

        if (method == InPost && (window is not null || from is not null || to is not null))
        {
            return "--method in-post measures on the as-of date; --window, --from and --to apply to km and completed.";
        }

        LocalDate? end = window?.End ?? to;
        if (end > asOf)
        {
            return $"the window ends ({CliText.Iso(end.Value)}) after the as-of date ({CliText.Iso(asOf)}).";
        }

        if (from is LocalDate a && to is LocalDate b && b < a)
        {
            return $"--to ({CliText.Iso(b)}) is before --from ({CliText.Iso(a)}).";
        }

        return horizon is < 1 or > 1200 ? "--horizon must be from 1 to 1200 months." : null;
    }

    /// <summary>The usage errors of the options of cif and cox: each option with its method, and the judgements the covariates need.</summary>
    private static string? CheckModelUsage(CommandRun run, Options options, string method, FileInfo? ofsted, string[]? covariates)
    {
        if (method != Cox && (ofsted is not null || covariates is not null || run.IsGiven(options.Ties) || run.IsGiven(options.Robust)))
        {
            return "--ofsted, --covariate, --ties and --robust are options of the Cox model: use them with --method cox.";
        }

        if (method != Cif && run.IsGiven(options.Layout))
        {
            return "--layout lays out the cumulative incidence chart: use it with --method cif and --svg.";
        }

        if (covariates?.FirstOrDefault(c => TenureModels.JudgementCovariates.Contains(c)) is string needs && ofsted is null)
        {
            return $"--covariate {needs} is read from Ofsted judgements: give them with --ofsted FILE.";
        }

        return covariates is not null && covariates.Distinct(StringComparer.Ordinal).Count() != covariates.Length
            ? "--covariate names a covariate twice."
            : null;
    }

    private static Func<HolderSpell, string> KeyOf(string key) => key switch
    {
        Kind => static s => s.StartKind.ToString().ToLowerInvariant(),
        StartYear => static s => s.StartYear.ToString(CultureInfo.InvariantCulture),
        _ => static s => TurnoverSeries.Label(YearBasis.Financial, s.StartFinancialYear),
    };

    /// <summary>
    /// Writes every step of each curve, in months, as R's <c>summary(fit)</c> lists them: the spells at risk, those that
    /// ended and those censored at the step, the survival, its standard error (of S) and limits (null or "-" where not
    /// finite).
    /// </summary>
    private static int WriteCurves(CommandRun run, Option<string> format, LocalDate asOf, DateInterval window, bool lookThrough, string? key, List<(string Group, KaplanMeierCurve Curve)> curves)
    {
        run.WriteResult(format, () => CurvesJson(asOf, window, lookThrough, key, curves), output => WriteCurvesTable(output, asOf, window, lookThrough, key, curves), CurveCsv);
        return ExitCodes.Success;
    }

    private static string CurvesJson(LocalDate asOf, DateInterval window, bool lookThrough, string? key, List<(string Group, KaplanMeierCurve Curve)> curves) =>
        CliJson.Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("method", KaplanMeierMethod);
            writer.WriteString("asOf", CliText.Iso(asOf));
            writer.WriteStartObject("window");
            writer.WriteString("start", CliText.Iso(window.Start));
            writer.WriteString("end", CliText.Iso(window.End));
            writer.WriteEndObject();
            writer.WriteBoolean("lookThroughInterim", lookThrough);
            if (key is not null)
            {
                writer.WriteString("by", key);
            }

            writer.WriteStartArray("curves");
            foreach ((string group, KaplanMeierCurve curve) in curves)
            {
                writer.WriteStartObject();
                writer.WriteString("group", group);
                writer.WriteStartArray("points");
                foreach (KaplanMeierPoint point in curve.Points)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("months", point.Time / TenureMeasures.DaysPerMonth);
                    writer.WriteNumber("atRisk", point.AtRisk);
                    writer.WriteNumber("events", point.Events);
                    writer.WriteNumber("censored", point.Censored);
                    writer.WriteNumber("survival", point.Survival);
                    WriteFinite(writer, "standardError", point.StandardError * point.Survival);
                    WriteFinite(writer, "lower", point.Lower);
                    WriteFinite(writer, "upper", point.Upper);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteCurvesTable(TextWriter output, LocalDate asOf, DateInterval window, bool lookThrough, string? key, List<(string Group, KaplanMeierCurve Curve)> curves)
    {
        output.WriteLine($"DCS tenure, every step of the Kaplan–Meier curve over {CliText.Iso(window.Start)} to {CliText.Iso(window.End)}, {Holders(lookThrough)}, as of {CliText.Iso(asOf)}");
        output.WriteLine();
        bool named = key is not null;
        string[] headers = ["Months", "At risk", "Ended", "Censored", "Survival", "Std. error", "95% CI"];
        TextTable table = new(named ? ["Group", .. headers] : headers);
        foreach ((string group, KaplanMeierCurve curve) in curves)
        {
            foreach (KaplanMeierPoint point in curve.Points)
            {
                string[] cells =
                [
                    (point.Time / TenureMeasures.DaysPerMonth).ToString("0.00", CultureInfo.InvariantCulture),
                    Integer(point.AtRisk),
                    Integer(point.Events),
                    Integer(point.Censored),
                    Percent(point.Survival),
                    Percent(Finite(point.StandardError * point.Survival)),
                    $"{Percent(Finite(point.Lower))} to {Percent(Finite(point.Upper))}",
                ];
                table.AddRow(named ? [CliText.Escape(group), .. cells] : cells);
            }
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine("At risk, ended, censored: R's n.risk, n.event and n.censor at each time a spell ended or was censored. Limits: R's conf.type \"log\", 95%.");
    }

    /// <summary>Which holders a tenure measure counts, as its title says it.</summary>
    internal static string Holders(bool lookThrough) =>
        lookThrough ? "looking through interim and acting holders" : "counting interim and acting holders";

    /// <summary>Writes a number, or null where it is missing or not finite (R's NA, an infinite limit).</summary>
    internal static void WriteFinite(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static ChartOptions KaplanMeierChart(DateInterval window, string? key) => new()
    {
        // The title says what is counted and how it is split: every spell in the window, or one curve per group.
        Title = $"DCS tenure (Kaplan–Meier), {CliText.Iso(window.Start)} to {CliText.Iso(window.End)}, {(key is null ? "all spells" : $"by {key.Replace('-', ' ')}")}",
        XAxisLabel = "Months in post",
        YAxisLabel = "Share still in post",
        TimeUnitDivisor = TenureMeasures.DaysPerMonth,
        XTickInterval = 12,
        PercentValues = true,
        ShowAtRisk = true,
    };

    private static void WriteTable(TextWriter output, TenureReport report, IReadOnlyList<int> survivalMonths)
    {
        string holders = Holders(report.LookThroughInterim);
        string title = report.Method switch
        {
            KaplanMeierMethod => $"DCS tenure, Kaplan–Meier over {CliText.Iso(report.Window!.Start)} to {CliText.Iso(report.Window.End)}",
            Completed => $"DCS tenure, completed tenures ending {CliText.Iso(report.Window!.Start)} to {CliText.Iso(report.Window.End)}",
            _ => $"DCS tenure, time in post of the holders in post on {CliText.Iso(report.On!.Value)} (ADCS's average tenure)",
        };
        output.WriteLine($"{title}, {holders}, as of {CliText.Iso(report.AsOf)}");
        WorkforceInputText.Write(output, report.Input);
        if (report.Method == KaplanMeierMethod)
        {
            WriteKaplanMeier(output, report.Groups, report.LogRank, report.HorizonMonths!.Value, survivalMonths);
            return;
        }

        bool named = report.Groups.Count > 1 || report.Groups[0].Group != All;
        string[] headers = [report.Method == Completed ? "Tenures ended" : "Holders in post", "Mean, months", "Median, months"];
        TextTable table = new(named ? ["Group", .. headers] : headers);
        foreach (TenureReportGroup group in report.Groups)
        {
            string[] cells = [Integer(group.Count ?? 0), Months(group.MeanMonths), Months(group.MedianMonths)];
            table.AddRow(named ? [group.Group, .. cells] : cells);
        }

        table.Write(output);
    }

    private static void WriteKaplanMeier(TextWriter output, IReadOnlyList<TenureReportGroup> groups, TenureReportLogRank? logRank, int horizon, IReadOnlyList<int> survivalMonths)
    {
        bool named = groups.Count != 1 || groups[0].Group != All;
        if (groups.Count == 0)
        {
            output.WriteLine("No spells in the window.");
            output.WriteLine();
        }

        foreach (TenureReportGroup group in groups)
        {
            long records = group.Records ?? 0;
            long events = group.Events ?? 0;
            output.WriteLine($"{(named ? group.Group + ": " : string.Empty)}{CliText.Count((int)records, "spell")}, {Integer(events)} ended, {Integer(records - events)} still in post at the window's end");
            TextTable table = new("Measure", "Estimate", "Std. error", "95% CI", "At risk", "Ended", "Censored");
            foreach (int months in survivalMonths)
            {
                TenureReportSurvival? row = null;
                foreach (TenureReportSurvival candidate in group.Survival!)
                {
                    row = candidate.Months == months ? candidate : row;
                }

                table.AddRow(
                    $"In post after {months} months",
                    row is null ? "-" : Percent(row.Survival),
                    row?.StandardError is double se ? Percent(se) : "-",
                    row is null ? "-" : $"{Percent(row.Lower)} to {Percent(row.Upper)}",
                    row is null ? "-" : Integer(row.AtRisk),
                    row is null ? "-" : Integer(row.Events),
                    row is null ? "-" : Integer(row.Censored));
            }

            TenureReportMedian median = group.Median!;
            table.AddRow("Median tenure (months)", Months(median.Months), "-", $"{Months(median.Lower)} to {Months(median.Upper)}", "-", "-", "-");
            TenureReportRestrictedMean? mean = group.RestrictedMean;
            table.AddRow($"Restricted mean to {horizon} months (months)", Months(mean?.Months), Months(mean?.StandardError), "-", "-", "-", "-");
            table.Write(output);
            output.WriteLine();
        }

        if (logRank is not null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Log-rank test across the groups: chi-square {logRank.ChiSquare:0.000} on {logRank.DegreesOfFreedom} degrees of freedom, p {(logRank.PValue < 0.0001 ? "< 0.0001" : $"= {logRank.PValue:0.0000}")}."));
        }
        else if (groups.Count > 1)
        {
            output.WriteLine("No log-rank test: some spells began before the window (delayed entry); start the window before the earliest appointment to have one.");
        }

        output.WriteLine("Limits: R's conf.type \"log\", 95%. \"-\": not estimated (R's NA), for example a median not reached while more than half are in post.");
        output.WriteLine("At risk, ended, censored: R's n.risk at the month, and n.event and n.censor since the month before (from the start, for the first).");
    }

    private static string Integer(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Months(double? months) => months is double m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? share) => share is double s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>Reads <c>--times</c>: whole months from 0 to 1200, comma-separated; sorted, each once.</summary>
    private static int[]? ParseMonths(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        SortedSet<int> months = [];
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month > 1200)
            {
                result.AddError($"'{CliText.Escape(text)}' is not a list of whole months from 0 to 1200, comma-separated, such as 12,24,36.");
                return null;
            }

            months.Add(month);
        }

        return [.. months];
    }

    private static DateInterval? ParseWindow(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        string[] parts = text.Split("..");
        ParseResult<LocalDate>? start = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[0]) : null;
        ParseResult<LocalDate>? end = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[1]) : null;
        if (start is not { Success: true } || end is not { Success: true } || end.Value < start.Value)
        {
            result.AddError($"'{text}' is not a window FROM..TO of dates yyyy-MM-dd with TO not before FROM.");
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    /// <summary>The arguments and options of <c>upon tenure</c>.</summary>
    private sealed class Options : WorkforceOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, AsOf, Method, Window, From, To, On, Horizon, Times, Curve, By, Svg, Layout, Ofsted, Covariate, Ties, Robust, Register, IncludeInterim, OnError, Format];

        /// <summary>Initializes the arguments and options.</summary>
        public Options()
        {
            Method.AcceptOnlyFromAmong(KaplanMeierMethod, Completed, InPost, Cif, Cox);
            Layout.AcceptOnlyFromAmong(Stacked, SideBySide);
            Covariate.AcceptOnlyFromAmong(TenureModels.Covariates);
            Ties.AcceptOnlyFromAmong("efron", "breslow");
            By.AcceptOnlyFromAmong(Kind, StartYear, StartFinancialYear);
        }

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = WorkforceOptions.DateOption("--as-of", WorkforceOptions.AsOfDescription("holders without an end are in post on it, and a date after it is a problem"));

        /// <summary>Gets <c>--method</c>.</summary>
        public Option<string> Method { get; } = new("--method")
        {
            Description = "km: Kaplan–Meier, censoring-aware (survival at 12, 24 and 36 months, median with its confidence interval, restricted mean); completed: mean and median of the tenures that ended in the window; in-post: mean and median time in post on the as-of date (ADCS's average tenure); cif: why tenures end, the cumulative incidence of each exit reason (Aalen–Johansen, R's survfit with a factor status); cox: Cox proportional hazards of leaving, with covariates that may change during a tenure (R's coxph and cox.zph).",
            DefaultValueFactory = _ => KaplanMeierMethod,
            HelpName = "km|completed|in-post|cif|cox",
        };

        /// <summary>Gets <c>--window</c>.</summary>
        public Option<DateInterval?> Window { get; } = new("--window")
        {
            Description = "The window, FROM..TO (both included), for km and completed. Default: from the earliest appointment to the as-of date.",
            HelpName = "FROM..TO",
            CustomParser = ParseWindow,
        };

        /// <summary>Gets <c>--from</c>.</summary>
        public Option<LocalDate?> From { get; } = WorkforceOptions.DateOption("--from", "The window's first day, instead of --window. Default: the earliest appointment's first day.");

        /// <summary>Gets <c>--to</c>.</summary>
        public Option<LocalDate?> To { get; } = WorkforceOptions.DateOption("--to", "The window's last day, instead of --window; not after --as-of. Default: the as-of date.");

        /// <summary>Gets <c>--on</c>.</summary>
        public Option<LocalDate?> On { get; } = WorkforceOptions.DateOption("--on", "For in-post: the day to measure time in post on, such as a 31 March in the past; not after --as-of. Default: the as-of date.");

        /// <summary>Gets <c>--horizon</c>.</summary>
        public Option<int> Horizon { get; } = new("--horizon")
        {
            Description = "For km: the horizon of the restricted mean tenure, in months, 1 to 1200.",
            HelpName = "MONTHS",
            DefaultValueFactory = _ => 60,
        };

        /// <summary>Gets <c>--times</c>.</summary>
        public Option<int[]?> Times { get; } = new("--times")
        {
            Description = "For km and cif: the months at which to give the share still in post (and, for cif, the share who left for each reason), with the spells at risk and those that ended or were censored since the month before, as R's summary(fit, times = ...): whole months from 0 to 1200, comma-separated, such as 6,12,24. Default: 12,24,36.",
            HelpName = "MONTHS,...",
            CustomParser = ParseMonths,
        };

        /// <summary>Gets <c>--curve</c>.</summary>
        public Option<bool> Curve { get; } = new("--curve")
        {
            Description = "For km: write every step of the curve (of each group, with --by) instead of the summary: months, spells at risk, ended, censored, survival, its standard error and 95% limits, as R's summary(fit) lists them.",
        };

        /// <summary>Gets <c>--by</c>.</summary>
        public Option<string?> By { get; } = new("--by")
        {
            Description = "For km: one curve per group of spells, with the log-rank test when no spell began before the window; for cox: the strata, each with its own baseline hazard. Groups: kind (how the spell began: permanent, interim or acting), start-year, or start-financial-year.",
            HelpName = "kind|start-year|start-financial-year",
        };

        /// <summary>Gets <c>--svg</c>.</summary>
        public Option<FileInfo?> Svg { get; } = WorkforceOptions.SvgFile("For km: also draw the Kaplan–Meier curve with its 95% confidence band (months on the axis) to this SVG file; for cif, the cumulative incidence curves (see --layout).");

        /// <summary>Gets <c>--layout</c>.</summary>
        public Option<string> Layout { get; } = new("--layout")
        {
            Description = "For cif with --svg: stacked, one band per exit reason with still in post on top, adding up to 100% at every month; or side-by-side, a panel per reason with its 95% confidence band, on one scale.",
            DefaultValueFactory = _ => Stacked,
            HelpName = "stacked|side-by-side",
        };

        /// <summary>Gets <c>--ofsted</c>.</summary>
        public Option<FileInfo?> Ofsted { get; } = new("--ofsted")
        {
            Description = "For cox: the Ofsted judgements of the authorities (CSV or JSON; authority, publication date and grade), validated against the register and the as-of date like the appointments, for the judgement covariates.",
            HelpName = "FILE",
        };

        /// <summary>Gets <c>--covariate</c>.</summary>
        public Option<string[]> Covariate { get; } = new("--covariate")
        {
            Description = "For cox, once per covariate, in order: inadequate-12m or inadequate-24m (an inadequate judgement of the authority in the last 12 or 24 months, on and off during a tenure), rated-inadequate or rated-requires-improvement (the authority's latest judgement), interim (the spell began interim or acting; use with --include-interim), moved (the DCS held a post elsewhere before). Default: inadequate-12m with --ofsted, interim without.",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = false,
        };

        /// <summary>Gets <c>--ties</c>.</summary>
        public Option<string> Ties { get; } = new("--ties")
        {
            Description = "For cox: how tenures that end on the same day are handled, efron (R's default) or breslow.",
            DefaultValueFactory = _ => "efron",
            HelpName = "efron|breslow",
        };

        /// <summary>Gets <c>--robust</c>.</summary>
        public Option<bool> Robust { get; } = new("--robust")
        {
            Description = "For cox: robust (sandwich) standard errors, each holder one cluster across their spells (R's cluster(id)), and the robust score test.",
        };
    }
}
