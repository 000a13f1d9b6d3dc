using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary><c>upon tenure FILE --as-of DATE</c>: how long DCSs stay, by Kaplan–Meier, completed tenures or time in post.</summary>
internal static class TenureCommand
{
    private const string KaplanMeierMethod = "km";
    private const string Completed = "completed";
    private const string InPost = "in-post";
    private const string All = "all";
    private const string Kind = "kind";
    private const string StartYear = "start-year";
    private const string StartFinancialYear = "start-financial-year";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        Argument<FileInfo> file = WorkforceOptions.AppointmentsFile();
        Option<LocalDate?> asOf = WorkforceOptions.DateOption("--as-of", "The date the records are known to, as yyyy-MM-dd: holders without an end are in post on it, and a date after it is a problem.", required: true);
        Option<string> method = new("--method")
        {
            Description = "km: Kaplan–Meier, censoring-aware (survival at 12, 24 and 36 months, median with its confidence interval, restricted mean); completed: mean and median of the tenures that ended in the window; in-post: mean and median time in post on the as-of date (ADCS's average tenure).",
            DefaultValueFactory = _ => KaplanMeierMethod,
            HelpName = "km|completed|in-post",
        };
        method.AcceptOnlyFromAmong(KaplanMeierMethod, Completed, InPost);
        Option<DateInterval?> window = new("--window")
        {
            Description = "The window, FROM..TO (both included), for km and completed. Default: from the earliest appointment to the as-of date.",
            HelpName = "FROM..TO",
            CustomParser = ParseWindow,
        };
        Option<LocalDate?> from = WorkforceOptions.DateOption("--from", "The window's first day, instead of --window. Default: the earliest appointment's first day.");
        Option<LocalDate?> to = WorkforceOptions.DateOption("--to", "The window's last day, instead of --window; not after --as-of. Default: the as-of date.");
        Option<LocalDate?> on = WorkforceOptions.DateOption("--on", "For in-post: the day to measure time in post on, such as a 31 March in the past; not after --as-of. Default: the as-of date.");
        Option<int> horizon = new("--horizon")
        {
            Description = "For km: the horizon of the restricted mean tenure, in months, 1 to 1200.",
            HelpName = "MONTHS",
            DefaultValueFactory = _ => 60,
        };
        Option<string?> by = new("--by")
        {
            Description = "For km: one curve per group of spells, with the log-rank test when no spell began before the window: kind (how the spell began: permanent, interim or acting), start-year, or start-financial-year.",
            HelpName = "kind|start-year|start-financial-year",
        };
        by.AcceptOnlyFromAmong(Kind, StartYear, StartFinancialYear);
        Option<FileInfo?> svg = WorkforceOptions.SvgFile("For km: also draw the Kaplan–Meier curve with its 95% confidence band (months on the axis) to this SVG file.");
        Option<FileInfo?> register = WorkforceOptions.RegisterFile();
        Option<bool> includeInterim = WorkforceOptions.IncludeInterim();
        Option<string> onError = WorkforceOptions.OnError();
        Option<string> format = CommonOptions.Format();
        Command command = new("tenure", "How long DCSs stay in post, in months (30.436875 days), by a named method: km (default), completed or in-post.")
        {
            file, asOf, method, window, from, to, on, horizon, by, svg, register, includeInterim, onError, format,
        };
        command.SetAction(parseResult => MeasureTenure(parseResult, file, asOf, method, window, from, to, on, horizon, by, svg, register, includeInterim, onError, format));
        return command;
    }

    /// <summary>Runs <c>upon tenure</c>.</summary>
    private static int MeasureTenure(
        ParseResult parseResult,
        Argument<FileInfo> file,
        Option<LocalDate?> asOf,
        Option<string> method,
        Option<DateInterval?> window,
        Option<LocalDate?> from,
        Option<LocalDate?> to,
        Option<LocalDate?> on,
        Option<int> horizon,
        Option<string?> by,
        Option<FileInfo?> svg,
        Option<FileInfo?> register,
        Option<bool> includeInterim,
        Option<string> onError,
        Option<string> format)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        LocalDate date = parseResult.GetValue(asOf)!.Value;
        string measure = parseResult.GetValue(method)!;
        DateInterval? given = parseResult.GetValue(window);
        LocalDate? first = parseResult.GetValue(from);
        LocalDate? last = parseResult.GetValue(to);
        LocalDate? day = parseResult.GetValue(on);
        int months = parseResult.GetValue(horizon);
        FileInfo? chart = parseResult.GetValue(svg);
        string? key = parseResult.GetValue(by);
        if ((CheckUsage(measure, given, first, last, date, months) ?? WorkforceOptions.CheckSvg(chart)
            ?? (day is not null && measure != InPost ? "--on is the day of --method in-post; km and completed take --window." : null)
            ?? (day > date ? $"--on ({CliText.Iso(day.Value)}) is after the as-of date ({CliText.Iso(date)})." : null)
            ?? (chart is not null && measure != KaplanMeierMethod ? "--svg draws the Kaplan–Meier curve: use it with --method km." : null)
            ?? (key is not null && measure != KaplanMeierMethod ? "--by stratifies the Kaplan–Meier estimate: use it with --method km." : null)) is string usage)
        {
            error.WriteLine($"upon: {usage}");
            return ExitCodes.Usage;
        }

        (WorkforceInput? input, int exitCode) = WorkforceOptions.Load(
            parseResult.GetValue(file)!, parseResult.GetValue(register), date, parseResult.GetValue(onError) == WorkforceOptions.Continue, error);
        if (input is null)
        {
            return exitCode;
        }

        DateInterval? span = null;
        if (measure != InPost)
        {
            LocalDate start = given?.Start ?? first ?? input.EarliestStart ?? date;
            LocalDate end = given?.End ?? last ?? date;
            if (end < start)
            {
                error.WriteLine($"upon: the window would end ({CliText.Iso(end)}) before it starts ({CliText.Iso(start)}).");
                return ExitCodes.Usage;
            }

            span = new DateInterval(start, end);
        }

        bool lookThrough = !parseResult.GetValue(includeInterim);
        List<TenureReportGroup> groups;
        TenureReportLogRank? logRank = null;
        if (measure == KaplanMeierMethod && key is not null)
        {
            StratifiedKaplanMeier<string> strata = TenureMeasures.KaplanMeierTenureBy(input.Appointments, span!, KeyOf(key), lookThroughInterim: lookThrough);
            groups = [.. strata.Strata.Select(s => TenureReportGroup.FromCurve(s.Key, s.Curve, months))];
            logRank = strata.LogRank is LogRankTest<string> test && groups.Count > 1 ? TenureReportLogRank.Of(test) : null;
            if (!WorkforceOptions.WriteSvg(chart, groups.Count > 0, writer => SvgChart.WriteKaplanMeier(writer, [.. strata.Strata.Select(s => new ChartCurve(s.Key, s.Curve))], KaplanMeierChart(span!)), error))
            {
                return ExitCodes.Failure;
            }
        }
        else if (measure == KaplanMeierMethod)
        {
            KaplanMeierCurve curve = TenureMeasures.KaplanMeierTenure(input.Appointments, span!, lookThroughInterim: lookThrough);
            groups = [TenureReportGroup.FromCurve(All, curve, months)];
            if (!WorkforceOptions.WriteSvg(chart, curve.RecordCount > 0, writer => SvgChart.WriteKaplanMeier(writer, [new ChartCurve(string.Empty, curve)], KaplanMeierChart(span!)), error))
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
        return WorkforceReportJsonContext.Write(output, parseResult.GetValue(format)!, report, WorkforceReportJsonContext.Indented.TenureReport, WriteTable);
    }

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

    private static Func<HolderSpell, string> KeyOf(string key) => key switch
    {
        Kind => static s => s.StartKind.ToString().ToLowerInvariant(),
        StartYear => static s => s.StartYear.ToString(CultureInfo.InvariantCulture),
        _ => static s => TurnoverSeries.Label(YearBasis.Financial, s.StartFinancialYear),
    };

    private static ChartOptions KaplanMeierChart(DateInterval window) => new()
    {
        Title = $"DCS tenure (Kaplan–Meier), {CliText.Iso(window.Start)} to {CliText.Iso(window.End)}",
        XAxisLabel = "Months in post",
        YAxisLabel = "Share still in post",
        TimeUnitDivisor = TenureMeasures.DaysPerMonth,
    };

    private static void WriteTable(TextWriter output, TenureReport report)
    {
        string holders = report.LookThroughInterim ? "looking through interim and acting holders" : "counting interim and acting holders";
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
            WriteKaplanMeier(output, report.Groups, report.LogRank, report.HorizonMonths!.Value);
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

    private static void WriteKaplanMeier(TextWriter output, IReadOnlyList<TenureReportGroup> groups, TenureReportLogRank? logRank, int horizon)
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
            TextTable table = new("Measure", "Estimate", "Std. error", "95% CI");
            foreach (int months in TenureReportGroup.SurvivalMonths)
            {
                TenureReportSurvival? row = null;
                foreach (TenureReportSurvival candidate in group.Survival!)
                {
                    row = candidate.Months == months ? candidate : row;
                }

                table.AddRow($"In post after {months} months", row is null ? "-" : Percent(row.Survival), row?.StandardError is double se ? Percent(se) : "-", row is null ? "-" : $"{Percent(row.Lower)} to {Percent(row.Upper)}");
            }

            TenureReportMedian median = group.Median!;
            table.AddRow("Median tenure (months)", Months(median.Months), "-", $"{Months(median.Lower)} to {Months(median.Upper)}");
            TenureReportRestrictedMean? mean = group.RestrictedMean;
            table.AddRow($"Restricted mean to {horizon} months (months)", Months(mean?.Months), Months(mean?.StandardError), "-");
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
    }

    private static string Integer(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Months(double? months) => months is double m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? share) => share is double s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

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
}
