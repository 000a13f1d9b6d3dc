using System.Text.Json.Serialization;
using Upon.Core;
using Upon.Core.Workforce;

namespace Upon.Cli.Commands;

/// <summary>What the workforce commands say about their input: the summary of a report, and its two lines under a table's title.</summary>
internal static class WorkforceInputText
{
    /// <summary>Summarizes what <paramref name="input"/> holds.</summary>
    public static WorkforceInputSummary Summarize(WorkforceInput input) => new(
        input.RegisterFile ?? "from the appointments",
        WorkforceRecordCounts.Of(input.Summary),
        [.. input.Reported.Select(r => new WorkforceProblemRecord(r.RecordNumber, r.Problems))]);

    /// <summary>Writes the two lines under a table's title: the register and records in = used + reported.</summary>
    public static void Write(TextWriter output, WorkforceInputSummary input)
    {
        output.WriteLine($"Register: {CliText.Escape(input.Register)}; records: {input.Records.Records} in = {input.Records.Used} used + {input.Records.Reported} reported");
        output.WriteLine();
    }
}

/// <summary>
/// The source-generated JSON metadata of the workforce commands' output, the library's report types. Once the
/// library's own Workforce context is chained into <see cref="UponJson"/>, <c>UponJson.Serialize</c> does the same.
/// </summary>
[JsonSerializable(typeof(TurnoverReport))]
[JsonSerializable(typeof(TenureReport))]
[JsonSerializable(typeof(WorkforceInputSummary))]
[JsonSerializable(typeof(WorkforceRecordCounts))]
internal sealed partial class WorkforceReportJsonContext : JsonSerializerContext
{
    /// <summary>Gets a context with the library's conventions (<see cref="UponJson.CreateOptions"/>), indented.</summary>
    public static WorkforceReportJsonContext Indented { get; } = new(UponJson.CreateOptions(writeIndented: true));

}
