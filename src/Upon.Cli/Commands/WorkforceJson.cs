using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary>The records read: records in = used + reported + skipped.</summary>
internal sealed record RecordCounts(int Records, int Used, int Reported, int Skipped)
{
    /// <summary>Copies a validation summary.</summary>
    public static RecordCounts Of(AppointmentSummary summary) => new(summary.Records, summary.Used, summary.Reported, summary.Skipped);
}

/// <summary>A record with problems: its number and problems (paths, codes and messages; never values).</summary>
internal sealed record ProblemRecord(int Record, IReadOnlyList<DocumentProblem> Problems);

/// <summary>What a workforce command read: the register, the records in, used and reported, and the reported records.</summary>
internal sealed record InputSummary(string Register, RecordCounts Records, IReadOnlyList<ProblemRecord> Reported)
{
    /// <summary>Summarizes what <paramref name="input"/> holds.</summary>
    public static InputSummary Of(WorkforceInput input) => new(
        input.RegisterFile ?? "from the appointments",
        RecordCounts.Of(input.Summary),
        [.. input.Reported.Select(r => new ProblemRecord(r.RecordNumber, r.Problems))]);

    /// <summary>Writes the two lines under a table's title: the register and records in = used + reported.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine($"Register: {CliText.Escape(Register)}; records: {Records.Records} in = {Records.Used} used + {Records.Reported} reported");
        output.WriteLine();
    }
}

/// <summary>The output of <c>upon turnover --format json</c>.</summary>
internal sealed record TurnoverReport(
    string By,
    LocalDate AsOf,
    bool LookThroughInterim,
    InputSummary Input,
    IReadOnlyList<TurnoverRow> Periods,
    IReadOnlyList<string> Notes);

/// <summary>One period's turnover.</summary>
internal sealed record TurnoverRow(
    string Label,
    DateInterval Period,
    int Authorities,
    int Changes,
    int AuthoritiesWithChange,
    int ChangesOutsideRegister,
    double? ChangeRate,
    double? AuthorityChangeRate,
    StabilityRow Stability,
    OriginsRow Origins,
    int NewPermanent,
    int InterimAppointments);

/// <summary>Where the new DCSs of a period came from; the four add up to the changes.</summary>
internal sealed record OriginsRow(LocalDate HistoryFrom, int FirstTime, int Moves, int Returns, int Unknown);

/// <summary>The stability index of a period.</summary>
internal sealed record StabilityRow(LocalDate From, LocalDate To, int Eligible, int Stable, double? Value);

/// <summary>The output of <c>upon tenure --format json</c>.</summary>
internal sealed record TenureReport(
    string Method,
    LocalDate AsOf,
    LocalDate? On,
    DateInterval? Window,
    bool LookThroughInterim,
    string? By,
    int? HorizonMonths,
    InputSummary Input,
    IReadOnlyList<TenureGroup> Groups,
    LogRankRow? LogRank);

/// <summary>The log-rank test across the groups of <c>--by</c> (R's <c>survdiff</c>).</summary>
internal sealed record LogRankRow(double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>One group's tenure (the only group, named "all", without <c>--by</c>); months are average months of 30.436875 days.</summary>
internal sealed record TenureGroup(
    string Group,
    int? Count,
    double? MeanMonths,
    double? MedianMonths,
    long? Records,
    long? Events,
    IReadOnlyList<SurvivalRow>? Survival,
    MedianRow? Median,
    RestrictedMeanRow? RestrictedMean);

/// <summary>The Kaplan–Meier estimate of still being in post after some months, with R's <c>summary(fit, times)</c> standard error of S and confidence limits (null where undefined).</summary>
internal sealed record SurvivalRow(double Months, long AtRisk, double Survival, double? StandardError, double? Lower, double? Upper);

/// <summary>The Kaplan–Meier median tenure in months with its confidence limits; null where not reached.</summary>
internal sealed record MedianRow(double? Months, double? Lower, double? Upper);

/// <summary>The restricted mean tenure up to a horizon, in months, with its standard error.</summary>
internal sealed record RestrictedMeanRow(double HorizonMonths, double Months, double StandardError);

/// <summary>The source-generated JSON metadata of the workforce commands' output.</summary>
[JsonSerializable(typeof(TurnoverReport))]
[JsonSerializable(typeof(TenureReport))]
internal sealed partial class WorkforceJsonContext : JsonSerializerContext
{
    /// <summary>Gets a context with the library's conventions (<see cref="UponJson.CreateOptions"/>), indented.</summary>
    public static WorkforceJsonContext Indented { get; } = new(UponJson.CreateOptions(writeIndented: true));

    /// <summary>Writes <paramref name="report"/> as indented JSON with <paramref name="format"/> json, else as <paramref name="table"/> writes it.</summary>
    /// <returns>The exit code of success.</returns>
    public static int Write<T>(TextWriter output, string format, T report, JsonTypeInfo<T> json, Action<TextWriter, T> table)
    {
        if (format == CommonOptions.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, json));
        }
        else
        {
            table(output, report);
        }

        return ExitCodes.Success;
    }

    /// <summary>A number, or null when it is not finite (JSON has no NaN or infinity).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
