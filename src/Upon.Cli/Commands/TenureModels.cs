using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary>
/// <c>upon tenure --method cif</c> (why tenures end: the cumulative incidence of each exit reason) and
/// <c>--method cox</c> (what makes tenures end sooner: Cox proportional hazards, with Ofsted judgements as covariates
/// that change during a tenure).
/// </summary>
internal static class TenureModels
{
    /// <summary>The covariate: an inadequate Ofsted judgement of the authority in the last 12 months.</summary>
    public const string Inadequate12Months = "inadequate-12m";

    /// <summary>The covariate: an inadequate Ofsted judgement of the authority in the last 24 months.</summary>
    public const string Inadequate24Months = "inadequate-24m";

    /// <summary>The covariate: the authority's latest judgement is inadequate.</summary>
    public const string RatedInadequate = "rated-inadequate";

    /// <summary>The covariate: the authority's latest judgement is requires improvement.</summary>
    public const string RatedRequiresImprovement = "rated-requires-improvement";

    /// <summary>The covariate: the spell began with an interim or acting appointment.</summary>
    public const string Interim = "interim";

    /// <summary>The covariate: the holder had held a DCS post in another authority before.</summary>
    public const string Moved = "moved";

    /// <summary>The covariates that need <c>--ofsted</c>.</summary>
    public static readonly string[] JudgementCovariates = [Inadequate12Months, Inadequate24Months, RatedInadequate, RatedRequiresImprovement];

    /// <summary>Every covariate <c>--covariate</c> takes.</summary>
    public static readonly string[] Covariates = [.. JudgementCovariates, Interim, Moved];

    /// <summary>The CSV of <c>upon tenure --method cif</c>: a row per state (in post, then each reason) and month.</summary>
    internal static readonly CsvTable IncidenceCsv = new(
        "state",
        "states.at",
        "state",
        "ended",
        "at.months",
        "at.probability",
        "at.standardError",
        "at.lower",
        "at.upper");

    /// <summary>The CSV of <c>upon tenure --method cox</c>, first table: a row per covariate.</summary>
    internal static readonly CsvTable CoefficientCsv = new(
        "coefficient",
        "coefficients",
        "covariate",
        "coefficient",
        "hazardRatio",
        "lower",
        "upper",
        "standardError",
        "robustStandardError",
        "z",
        "pValue",
        "aliased");

    /// <summary>The CSV of <c>upon tenure --method cox</c>, second table: the model's tests.</summary>
    internal static readonly CsvTable TestCsv = new("test", "tests", "test", "chiSquare", "degreesOfFreedom", "pValue");

    /// <summary>The CSV of <c>upon tenure --method cox</c>, third table: the test of proportional hazards, per covariate and global.</summary>
    internal static readonly CsvTable ProportionalHazardsCsv = new("proportionalHazards", "proportionalHazards", "term", "chiSquare", "degreesOfFreedom", "pValue");

    /// <summary>Runs <c>--method cif</c>: the Aalen–Johansen estimate of each exit reason's cumulative incidence, in months.</summary>
    public static int CumulativeIncidence(CommandRun run, Option<string> format, TenureSetting setting, IReadOnlyList<int> months, FileInfo? chart, CumulativeIncidenceLayout layout)
    {
        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(setting.Input.Appointments, setting.Window, lookThroughInterim: setting.LookThrough);
        ChartOptions chartOptions = new()
        {
            Title = $"Why DCS tenures end (cumulative incidence), {CliText.Iso(setting.Window.Start)} to {CliText.Iso(setting.Window.End)}",
            XAxisLabel = "Months in post",
            YAxisLabel = layout == CumulativeIncidenceLayout.Stacked ? "Share of DCSs" : "Share who left for the reason",
            TimeUnitDivisor = TenureMeasures.DaysPerMonth,
            XTickInterval = 12,
            PercentValues = true,
        };
        if (layout == CumulativeIncidenceLayout.SideBySide)
        {
            // A panel per reason: more room than one chart needs, so that seven panels stay readable.
            chartOptions = chartOptions with { Width = 720, Height = 480 };
        }

        if (!WorkforceOptions.WriteSvg(chart, curve.RecordCount > 0, writer => SvgChart.WriteCumulativeIncidence(writer, curve, chartOptions, layout), run.Error))
        {
            return ExitCodes.Failure;
        }

        run.WriteResult(format, () => IncidenceJson(setting, curve, months), output => WriteIncidenceTable(output, setting, curve, months), IncidenceCsv);
        return ExitCodes.Success;
    }

    /// <summary>Runs <c>--method cox</c>: the Cox model of tenure with the covariates asked for, and R's <c>cox.zph</c>.</summary>
    public static int ProportionalHazards(CommandRun run, Option<string> format, TenureSetting setting, CoxSetting cox)
    {
        List<TenureCovariate> covariates = [.. cox.Covariates.Select(name => CovariateOf(name, cox.Judgements))];
        IReadOnlyList<CoxRecord> records = TenureMeasures.CoxRecords(setting.Input.Appointments, setting.Window, covariates, cox.Stratum, setting.LookThrough);
        int spells = SpellCount(records);
        if (!cox.Robust)
        {
            // A cluster asks for the robust variance (as cluster(id) does in R): without --robust, the model variance.
            records = [.. records.Select(r => new CoxRecord(r.Start, r.Stop, r.IsEvent, r.Covariates, r.Stratum, cluster: null))];
        }

        if (!records.Any(r => r.IsEvent))
        {
            run.Error.WriteLine("upon: no tenure ended in the window: there is nothing to fit a model to.");
            return ExitCodes.InvalidInput;
        }

        CoxFit fit = Upon.Core.Workforce.ProportionalHazards.Fit(records, CoxOptions.Default with { CovariateNames = [.. cox.Covariates], Ties = cox.Ties, Robust = cox.Robust });
        ProportionalHazardsTest? zph = fit.Converged ? fit.TestProportionalHazards() : null;
        run.WriteResult(format, () => CoxJson(setting, cox, records.Count, spells, fit, zph), output => WriteCoxTable(output, setting, cox, records.Count, spells, fit, zph), CoefficientCsv, TestCsv, ProportionalHazardsCsv);
        return ExitCodes.Success;
    }

    private static TenureCovariate CovariateOf(string name, OfstedJudgements? judgements) => name switch
    {
        Inadequate12Months => TenureCovariate.RecentJudgement(name, judgements!, OfstedGrade.Inadequate, Period.FromMonths(12)),
        Inadequate24Months => TenureCovariate.RecentJudgement(name, judgements!, OfstedGrade.Inadequate, Period.FromMonths(24)),
        RatedInadequate => TenureCovariate.CurrentGrade(name, judgements!, OfstedGrade.Inadequate),
        RatedRequiresImprovement => TenureCovariate.CurrentGrade(name, judgements!, OfstedGrade.RequiresImprovement),
        Interim => TenureCovariate.Fixed(name, static s => s.StartKind == AppointmentKind.Permanent ? 0 : 1),
        _ => TenureCovariate.Fixed(name, static s => s.HeldPostElsewhereBefore ? 1 : 0),
    };

    private static string IncidenceJson(TenureSetting setting, CumulativeIncidenceCurve curve, IReadOnlyList<int> months) =>
        CliJson.Document(writer =>
        {
            writer.WriteStartObject();
            WriteSetting(writer, "cif", setting);
            writer.WriteNumber("spells", curve.RecordCount);
            writer.WriteNumber("censored", curve.CensoredCount);
            writer.WriteStartArray("states");
            WriteState(writer, "in-post", null, months.Select(m => curve.InPostAt(m * TenureMeasures.DaysPerMonth)), months);
            for (int r = 0; r < curve.Reasons.Length; r++)
            {
                string reason = curve.Reasons[r];
                WriteState(writer, reason, curve.EventCounts[r], months.Select(m => curve.IncidenceAt(reason, m * TenureMeasures.DaysPerMonth)), months);
            }

            writer.WriteEndArray();
            writer.WriteString("confidenceType", "log-log for in post, log for incidence (R's survfit defaults)");
            writer.WriteNumber("confidenceLevel", curve.ConfidenceLevel);
            writer.WriteEndObject();
        });

    private static void WriteState(Utf8JsonWriter writer, string state, long? ended, IEnumerable<StateProbability?> values, IReadOnlyList<int> months)
    {
        writer.WriteStartObject();
        writer.WriteString("state", state);
        if (ended is long count)
        {
            writer.WriteNumber("ended", count);
        }
        else
        {
            writer.WriteNull("ended");
        }

        writer.WriteStartArray("at");
        int i = 0;
        foreach (StateProbability? value in values)
        {
            writer.WriteStartObject();
            writer.WriteNumber("months", months[i++]);
            TenureCommand.WriteFinite(writer, "probability", value?.Probability);
            TenureCommand.WriteFinite(writer, "standardError", value?.StandardError);
            TenureCommand.WriteFinite(writer, "lower", value?.Lower);
            TenureCommand.WriteFinite(writer, "upper", value?.Upper);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteIncidenceTable(TextWriter output, TenureSetting setting, CumulativeIncidenceCurve curve, IReadOnlyList<int> months)
    {
        output.WriteLine($"Why DCS tenures end, cumulative incidence (Aalen–Johansen) over {CliText.Iso(setting.Window.Start)} to {CliText.Iso(setting.Window.End)}, {Holders(setting)}, as of {CliText.Iso(setting.AsOf)}");
        WorkforceInputText.Write(output, setting.Summary);
        long ended = curve.EventCounts.Sum();
        output.WriteLine($"{CliText.Count((int)curve.RecordCount, "spell")}, {ended.ToString(CultureInfo.InvariantCulture)} ended, {curve.CensoredCount.ToString(CultureInfo.InvariantCulture)} still in post at the window's end");
        TextTable table = new(["State", "Ended", .. months.Select(m => $"After {m.ToString(CultureInfo.InvariantCulture)} months")]);
        table.AddRow(["Still in post", "-", .. months.Select(m => Cell(curve.InPostAt(m * TenureMeasures.DaysPerMonth)))]);
        for (int r = 0; r < curve.Reasons.Length; r++)
        {
            string reason = curve.Reasons[r];
            table.AddRow([$"Left: {CliText.Escape(reason)}", curve.EventCounts[r].ToString(CultureInfo.InvariantCulture), .. months.Select(m => Cell(curve.IncidenceAt(reason, m * TenureMeasures.DaysPerMonth)))]);
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine("Each column adds up to 100%: still in post, or left for one of the reasons by then. A spell that ended with no reason given counts as \"unknown\".");
        output.WriteLine("Limits, in brackets: 95%, R's survfit defaults (log-log for in post, log for each reason). \"-\": beyond the last time observed.");
    }

    private static string CoxJson(TenureSetting setting, CoxSetting cox, int records, int spells, CoxFit fit, ProportionalHazardsTest? zph) =>
        CliJson.Document(writer =>
        {
            writer.WriteStartObject();
            WriteSetting(writer, "cox", setting);
            if (cox.JudgementCounts is WorkforceRecordCounts counts)
            {
                writer.WritePropertyName("judgements");
                JsonSerializer.Serialize(writer, counts, WorkforceReportJsonContext.Indented.WorkforceRecordCounts);
            }

            writer.WriteString("ties", cox.Ties == CoxTies.Efron ? "efron" : "breslow");
            writer.WriteBoolean("robust", cox.Robust);
            WriteText(writer, "strata", cox.By);
            writer.WriteNumber("records", records);
            writer.WriteNumber("spells", spells);
            writer.WriteNumber("events", fit.EventCount);
            writer.WriteBoolean("converged", fit.Converged);
            writer.WriteNumber("iterations", fit.Iterations);
            writer.WriteStartArray("coefficients");
            foreach (CoxCoefficient c in fit.Coefficients)
            {
                writer.WriteStartObject();
                writer.WriteString("covariate", c.Name);
                TenureCommand.WriteFinite(writer, "coefficient", c.IsAliased ? null : c.Estimate);
                TenureCommand.WriteFinite(writer, "hazardRatio", c.IsAliased ? null : c.HazardRatio);
                TenureCommand.WriteFinite(writer, "lower", c.IsAliased ? null : c.Lower);
                TenureCommand.WriteFinite(writer, "upper", c.IsAliased ? null : c.Upper);
                TenureCommand.WriteFinite(writer, "standardError", c.IsAliased ? null : c.StandardError);
                TenureCommand.WriteFinite(writer, "robustStandardError", c.IsAliased ? null : c.RobustStandardError);
                TenureCommand.WriteFinite(writer, "z", c.IsAliased ? null : c.Z);
                TenureCommand.WriteFinite(writer, "pValue", c.IsAliased ? null : c.PValue);
                writer.WriteBoolean("aliased", c.IsAliased);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("tests");
            WriteTest(writer, "likelihood-ratio", fit.LikelihoodRatioTest);
            WriteTest(writer, "wald", fit.WaldTest);
            WriteTest(writer, "score", fit.ScoreTest);
            if (fit.RobustScoreTest is CoxTest robust)
            {
                WriteTest(writer, "robust-score", robust);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("concordance");
            TenureCommand.WriteFinite(writer, "value", fit.Concordance.Value);
            TenureCommand.WriteFinite(writer, "standardError", fit.Concordance.StandardError);
            writer.WriteEndObject();
            writer.WriteStartArray("proportionalHazards");
            ProportionalHazardsTerm[] terms = zph is null ? [] : [.. zph.Terms, zph.Global];
            foreach (ProportionalHazardsTerm term in terms)
            {
                writer.WriteStartObject();
                writer.WriteString("term", term.Name);
                TenureCommand.WriteFinite(writer, "chiSquare", term.ChiSquare);
                writer.WriteNumber("degreesOfFreedom", term.DegreesOfFreedom);
                TenureCommand.WriteFinite(writer, "pValue", term.PValue);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("warnings");
            foreach (string warning in fit.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteCoxTable(TextWriter output, TenureSetting setting, CoxSetting cox, int records, int spells, CoxFit fit, ProportionalHazardsTest? zph)
    {
        output.WriteLine($"What makes DCS tenures end sooner, Cox proportional hazards over {CliText.Iso(setting.Window.Start)} to {CliText.Iso(setting.Window.End)}, {Holders(setting)}, as of {CliText.Iso(setting.AsOf)}");
        WorkforceInputText.Write(output, setting.Summary);
        string strata = cox.By is null ? string.Empty : $", stratified by {cox.By.Replace('-', ' ')}";
        output.WriteLine($"{CliText.Count(spells, "spell")} in {CliText.Count(records, "record")} (cut where a covariate changes), {fit.EventCount.ToString(CultureInfo.InvariantCulture)} ended; {(cox.Ties == CoxTies.Efron ? "Efron" : "Breslow")} ties{(cox.Robust ? ", robust standard errors (clustered by holder)" : string.Empty)}{strata}");
        TextTable table = new("Covariate", "Hazard ratio", "95% CI", "Coefficient", cox.Robust ? "Robust s.e." : "Std. error", "z", "p");
        foreach (CoxCoefficient c in fit.Coefficients)
        {
            table.AddRow(c.IsAliased
                ? [c.Name, "-", "-", "-", "-", "-", "-"]
                : [c.Name, Fixed(c.HazardRatio, "0.000"), $"{Fixed(c.Lower, "0.000")} to {Fixed(c.Upper, "0.000")}", Fixed(c.Estimate, "0.0000"), Fixed(c.RobustStandardError ?? c.StandardError, "0.0000"), Fixed(c.Z, "0.00"), PValue(c.PValue)]);
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Likelihood-ratio test {Test(fit.LikelihoodRatioTest)}; Wald test {Test(fit.WaldTest)}; score (log-rank) test {Test(fit.ScoreTest)}{(fit.RobustScoreTest is CoxTest robust ? $"; robust score test {Test(robust)}" : string.Empty)}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Concordance {fit.Concordance.Value:0.000} (standard error {fit.Concordance.StandardError:0.000})."));
        if (zph is not null)
        {
            output.WriteLine($"Proportional hazards (R's cox.zph, Kaplan–Meier time): {string.Join("; ", zph.Terms.Select(t => $"{t.Name} {Term(t)}"))}; global {Term(zph.Global)}. A small p says the hazard ratio changes with time in post.");
        }

        foreach (string warning in fit.Warnings)
        {
            output.WriteLine($"Warning: {warning}");
        }

        output.WriteLine("A hazard ratio above 1: tenures end sooner while the covariate holds. \"-\": not estimated (R's NA), a covariate that never varies or is a combination of others.");
    }

    /// <summary>The spells the records come from: each spell's records follow one another, each starting where the one before stopped.</summary>
    private static int SpellCount(IReadOnlyList<CoxRecord> records)
    {
        int spells = 0;
        for (int i = 0; i < records.Count; i++)
        {
            bool continues = i > 0 && records[i].Cluster == records[i - 1].Cluster && records[i].Start == records[i - 1].Stop && !records[i - 1].IsEvent;
            spells += continues ? 0 : 1;
        }

        return spells;
    }

    private static void WriteSetting(Utf8JsonWriter writer, string method, TenureSetting setting)
    {
        writer.WriteString("method", method);
        writer.WriteString("asOf", CliText.Iso(setting.AsOf));
        writer.WriteStartObject("window");
        writer.WriteString("start", CliText.Iso(setting.Window.Start));
        writer.WriteString("end", CliText.Iso(setting.Window.End));
        writer.WriteEndObject();
        writer.WriteBoolean("lookThroughInterim", setting.LookThrough);
        writer.WritePropertyName("input");
        JsonSerializer.Serialize(writer, setting.Summary, WorkforceReportJsonContext.Indented.WorkforceInputSummary);
    }

    private static void WriteTest(Utf8JsonWriter writer, string name, CoxTest test)
    {
        writer.WriteStartObject();
        writer.WriteString("test", name);
        TenureCommand.WriteFinite(writer, "chiSquare", test.ChiSquare);
        writer.WriteNumber("degreesOfFreedom", test.DegreesOfFreedom);
        TenureCommand.WriteFinite(writer, "pValue", test.PValue);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Holders(TenureSetting setting) => TenureCommand.Holders(setting.LookThrough);

    private static string Cell(StateProbability? value) => value is StateProbability p
        ? $"{Percent(p.Probability)} ({Percent(p.Lower)} to {Percent(p.Upper)})"
        : "-";

    private static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Fixed(double value, string pattern) => double.IsFinite(value) ? value.ToString(pattern, CultureInfo.InvariantCulture) : "-";

    private static string PValue(double p) => !double.IsFinite(p) ? "-" : p < 0.0001 ? "< 0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Test(CoxTest test) => $"{Fixed(test.ChiSquare, "0.00")} on {test.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture)} df, p {PValueText(test.PValue)}";

    private static string Term(ProportionalHazardsTerm term) => $"chi-square {Fixed(term.ChiSquare, "0.00")}, p {PValueText(term.PValue)}";

    private static string PValueText(double p) => p < 0.0001 ? "< 0.0001" : $"= {PValue(p)}";
}

/// <summary>What every tenure method measures: the input, the window, the as-of date and which spells count.</summary>
/// <param name="Input">The appointments and register.</param>
/// <param name="Summary">What the input holds, as reports say it.</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Window">The observation window.</param>
/// <param name="LookThrough">True to measure only spells that include a permanent appointment.</param>
internal sealed record TenureSetting(WorkforceInput Input, WorkforceInputSummary Summary, LocalDate AsOf, DateInterval Window, bool LookThrough);

/// <summary>The model <c>--method cox</c> fits.</summary>
/// <param name="Covariates">The covariates' names, in order (see <see cref="TenureModels.Covariates"/>).</param>
/// <param name="Judgements">The Ofsted judgements, when <c>--ofsted</c> is given.</param>
/// <param name="JudgementCounts">The judgements file's records in = used + reported, when given.</param>
/// <param name="By">The <c>--by</c> key of the strata, or null.</param>
/// <param name="Stratum">The stratum of a spell, or null for one stratum.</param>
/// <param name="Ties">How tied exits are handled.</param>
/// <param name="Robust">True for robust standard errors, clustered by holder.</param>
internal sealed record CoxSetting(
    IReadOnlyList<string> Covariates,
    OfstedJudgements? Judgements,
    WorkforceRecordCounts? JudgementCounts,
    string? By,
    Func<HolderSpell, string?>? Stratum,
    CoxTies Ties,
    bool Robust);
