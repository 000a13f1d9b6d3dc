using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary><c>upon turnover FILE</c>: DCS turnover by financial year, calendar year or rolling 12 months.</summary>
internal static class TurnoverCommand
{
    private const string FinancialYear = "financial-year";
    private const string CalendarYear = "calendar-year";
    private const string Rolling = "rolling";

    /// <summary>Creates the command.</summary>
    public static Command Create() =>
        new Options().CreateCommand("turnover", "DCS turnover per period: authorities in the register, changes of DCS, authorities with a change, both rates and the stability index.", MeasureTurnover);

    /// <summary>Runs <c>upon turnover</c>.</summary>
    private static int MeasureTurnover(CommandRun run, Options options)
    {
        (LocalDate? asOf, int asOfExit) = options.AsOfOrLastDate(run, run.GetValue(options.AsOf));
        if (asOf is not LocalDate today)
        {
            return asOfExit;
        }

        string periods = run.GetValue(options.By)!;
        int? first = run.GetValue(options.From);
        int? last = run.GetValue(options.To);
        LocalDate? rollingEnd = run.GetValue(options.End);
        FileInfo? chart = run.GetValue(options.Svg);
        if ((CheckUsage(periods, first, last, rollingEnd, today) ?? WorkforceOptions.CheckSvg(chart)) is string usage)
        {
            return run.Usage(usage);
        }

        (WorkforceInput? input, int exitCode) = options.Load(run, today);
        if (input is null)
        {
            return exitCode;
        }

        bool lookThrough = !run.GetValue(options.IncludeInterim);
        LocalDate? history = run.GetValue(options.HistoryFrom);
        List<Turnover> turnovers;
        List<string> labels;
        if (periods == Rolling)
        {
            DateInterval months = TurnoverPeriods.Rolling12Months(rollingEnd ?? today);
            turnovers = [Turnover.Measure(input.Appointments, input.Register, months, lookThrough, history)];
            labels = [$"{CliText.Iso(months.Start)} to {CliText.Iso(months.End)}"];
        }
        else
        {
            bool financial = periods == FinancialYear;
            YearBasis basis = financial ? YearBasis.Financial : YearBasis.Calendar;
            int lastYear = last ?? TurnoverPeriods.LastWholeYear(basis, today);
            int firstYear = first ?? (input.EarliestStart is LocalDate earliest ? TurnoverPeriods.YearContaining(basis, earliest) : lastYear);
            if (lastYear < firstYear)
            {
                return run.Usage(NoWholeYear(financial, firstYear, today));
            }

            IEnumerable<int> years = Enumerable.Range(firstYear, lastYear - firstYear + 1);
            turnovers = financial
                ? [.. Turnover.ByFinancialYear(input.Appointments, input.Register, firstYear, lastYear, lookThrough, history)]
                : [.. years.Select(year => Turnover.Measure(input.Appointments, input.Register, TurnoverPeriods.CalendarYear(year), lookThrough, history))];
            labels = [.. years.Select(year => TurnoverSeries.Label(basis, year))];
        }

        List<TurnoverReportPeriod> rows = [.. labels.Zip(turnovers, TurnoverReportPeriod.Of)];
        ChartSeries rates = ChartSeries.ChangeRates("Changes per authority", turnovers);
        if (!WorkforceOptions.WriteSvg(chart, !rates.Points.IsEmpty, writer => SvgChart.WriteSeries(writer, rates, options: new ChartOptions
        {
            Title = $"DCS changes per authority by {Describe(periods)}",
            XAxisLabel = periods == Rolling ? "The 12 months" : char.ToUpperInvariant(Describe(periods)[0]) + Describe(periods)[1..],
            YAxisLabel = "Changes per authority",
            PercentValues = true,
        }), run.Error))
        {
            return ExitCodes.Failure;
        }

        TurnoverReport report = new(
            periods,
            today,
            lookThrough,
            WorkforceInputText.Summarize(input),
            rows,
            periods == Rolling ? [] : TurnoverSeries.Notes(turnovers));
        return options.Write(run, report, WorkforceReportJsonContext.Indented.TurnoverReport, WriteTable, Csv);
    }

    /// <summary>The CSV of <c>upon turnover</c>: a row per period, every measure the JSON gives it.</summary>
    internal static readonly CsvTable Csv = new(
        "period",
        "periods",
        "label",
        "period.start",
        "period.end",
        "authorities",
        "changes",
        "authoritiesWithChange",
        "changesOutsideRegister",
        "changeRate",
        "authorityChangeRate",
        "stability.from",
        "stability.to",
        "stability.eligible",
        "stability.stable",
        "stability.value",
        "origins.historyFrom",
        "origins.firstTime",
        "origins.moves",
        "origins.returns",
        "origins.unknown",
        "newPermanent",
        "interimAppointments");

    private static string? CheckUsage(string periods, int? first, int? last, LocalDate? rollingEnd, LocalDate asOf)
    {
        if (periods == Rolling)
        {
            if (first is not null || last is not null)
            {
                return "--from and --to give years; with --by rolling, give --end DATE instead.";
            }

            LocalDate end = rollingEnd ?? asOf;
            return end > asOf ? $"--end ({CliText.Iso(end)}) is after the as-of date ({CliText.Iso(asOf)})."
                : end.Year < 2 ? "--end must be in year 2 or later."
                : null;
        }

        if (rollingEnd is not null)
        {
            return "--end applies to --by rolling only; use --from and --to for years.";
        }

        bool financial = periods == FinancialYear;
        if (first is < 1 or > 9998 || last is < 1 or > 9998)
        {
            return "--from and --to must be years from 1 to 9998.";
        }

        if (first is int a && last is int b && b < a)
        {
            return $"--to ({b.ToString(CultureInfo.InvariantCulture)}) is before --from ({a.ToString(CultureInfo.InvariantCulture)}).";
        }

        YearBasis basis = financial ? YearBasis.Financial : YearBasis.Calendar;
        if (last is int year && TurnoverPeriods.Year(basis, year).End > asOf)
        {
            return $"{TurnoverSeries.Label(basis, year)} ends after the as-of date ({CliText.Iso(asOf)}); turnover is measured over whole periods up to it.";
        }

        return first is int from && last is null && TurnoverPeriods.LastWholeYear(basis, asOf) < from ? NoWholeYear(financial, from, asOf) : null;
    }

    private static string NoWholeYear(bool financial, int firstYear, LocalDate asOf) =>
        $"no whole {(financial ? "financial" : "calendar")} year from {firstYear.ToString(CultureInfo.InvariantCulture)} ends by the as-of date {CliText.Iso(asOf)}.";

    private static void WriteTable(TextWriter output, TurnoverReport report)
    {
        output.WriteLine($"DCS turnover by {Describe(report.By)}, {(report.LookThroughInterim ? "looking through interim and acting holders" : "counting interim and acting holders")}, as of {CliText.Iso(report.AsOf)}");
        WorkforceInputText.Write(output, report.Input);
        TextTable table = new("Period", "Authorities", "Changes", "With a change", "Change rate", "Authority change rate", "Stability");
        foreach (TurnoverReportPeriod row in report.Periods)
        {
            table.AddRow(
                row.Label,
                Number(row.Authorities),
                Number(row.Changes),
                Number(row.AuthoritiesWithChange),
                Percent(row.ChangeRate),
                Percent(row.AuthorityChangeRate),
                row.Stability.Value is double value ? $"{Percent(value)} ({row.Stability.Stable} of {row.Stability.Eligible})" : "-");
        }

        table.Write(output);
        output.WriteLine();
        TextTable origins = new("Period", "First-time DCSs", "Moves", "Returns", "Unknown", "New permanent", "Interim appointments");
        foreach (TurnoverReportPeriod row in report.Periods)
        {
            origins.AddRow(row.Label, Number(row.Origins.FirstTime), Number(row.Origins.Moves), Number(row.Origins.Returns), Number(row.Origins.Unknown), Number(row.NewPermanent), Number(row.InterimAppointments));
        }

        origins.Write(output);
        int outside = report.Periods.Sum(r => r.ChangesOutsideRegister);
        if (outside > 0)
        {
            output.WriteLine();
            output.WriteLine($"{CliText.Count(outside, "change")} in authorities not in the register for the period {(outside == 1 ? "is" : "are")} in no rate.");
        }

        if (report.Notes.Count > 0)
        {
            output.WriteLine();
            foreach (string note in report.Notes)
            {
                output.WriteLine(note);
            }
        }

        output.WriteLine();
        output.WriteLine($"Origins: a first DCS post, a move from another authority, a return to the same post, or unknown (in post when the records begin, {CliText.Iso(report.Periods[0].Origins.HistoryFrom)}).");
        output.WriteLine("Change rate: changes / authorities. Authority change rate: authorities with a change / authorities.");
        output.WriteLine("Stability: authorities whose DCS a year before the period's end is still in post at its end.");
    }

    private static string Describe(string periods) => periods switch
    {
        FinancialYear => "financial year",
        CalendarYear => "calendar year",
        _ => "rolling 12 months",
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double? rate) =>
        rate is double r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>The arguments and options of <c>upon turnover</c>.</summary>
    private sealed class Options : WorkforceOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, Register, By, From, To, End, IncludeInterim, AsOf, HistoryFrom, OnError, Svg, Format];

        /// <summary>Initializes the arguments and options.</summary>
        public Options()
        {
            By.AcceptOnlyFromAmong(FinancialYear, CalendarYear, Rolling);
        }

        /// <summary>Gets <c>--by</c>.</summary>
        public Option<string> By { get; } = new("--by")
        {
            Description = "The periods: financial-year (1 April to 31 March), calendar-year, or rolling (the 12 months ending on --end).",
            DefaultValueFactory = _ => FinancialYear,
            HelpName = "financial-year|calendar-year|rolling",
        };

        /// <summary>Gets <c>--from</c>.</summary>
        public Option<int?> From { get; } = new("--from") { Description = "The first year: a financial year by the year it starts in (2020 is 2020/21), or a calendar year. Default: the year of the earliest appointment.", HelpName = "YEAR" };

        /// <summary>Gets <c>--to</c>.</summary>
        public Option<int?> To { get; } = new("--to") { Description = "The last year, as --from. Default: the last year that ends by the as-of date.", HelpName = "YEAR" };

        /// <summary>Gets <c>--end</c>.</summary>
        public Option<LocalDate?> End { get; } = WorkforceOptions.DateOption("--end", "With --by rolling: the last day of the 12 months, as yyyy-MM-dd. Default: the as-of date.");

        /// <summary>Gets <c>--as-of</c>.</summary>
        public Option<LocalDate?> AsOf { get; } = WorkforceOptions.DateOption("--as-of", WorkforceOptions.AsOfDescription("a date after it is a problem, and no period may end after it"));

        /// <summary>Gets <c>--svg</c>.</summary>
        public Option<FileInfo?> Svg { get; } = WorkforceOptions.SvgFile("Also draw the changes per authority in each period as a bar chart to this SVG file.");

        /// <summary>Gets <c>--history-from</c>.</summary>
        public Option<LocalDate?> HistoryFrom { get; } = WorkforceOptions.DateOption("--history-from", "The first day from which the file holds every appointment: a DCS with no earlier post who starts after it is a first-time DCS; one in post by then is unknown. Default: the earliest appointment's first day.");
    }
}
