using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Upon.Cli.Commands;

/// <summary>The output of <c>upon cohort split --format json</c>.</summary>
internal sealed record SplitOutput(
    int Participants,
    BoundsOutput CohortBounds,
    BoundsOutput SetBounds,
    bool Feasible,
    IReadOnlyList<CohortOutput>? Cohorts,
    int? SetCount,
    string? Reason,
    int? NearestFeasibleBelow,
    int? NearestFeasibleAbove);

/// <summary>Group size bounds, both ends included.</summary>
internal sealed record BoundsOutput(int Minimum, int Maximum);

/// <summary>One cohort of a split: its size and the sizes of its sets.</summary>
internal sealed record CohortOutput(int Participants, IReadOnlyList<int> Sets);

/// <summary>The output of <c>upon cohort size --format json</c>.</summary>
internal sealed record SizeOutput(
    SizeInputsOutput Inputs,
    decimal AnnualVacancies,
    decimal FirstTimeAppointments,
    decimal TargetAppointments,
    decimal PlacesNeeded,
    int WholePlacesNeeded,
    PlacesOutput? Places,
    IReadOnlyList<SensitivityOutput>? Sensitivity);

/// <summary>The inputs of a sizing model as used (the vacancy rate derived when a mean tenure was given).</summary>
internal sealed record SizeInputsOutput(
    int Authorities,
    decimal VacancyRate,
    decimal? MeanTenureMonths,
    decimal FirstTimeShare,
    decimal ProgrammeShare,
    decimal AppointmentProbability);

/// <summary>The appointments expected from a number of places.</summary>
internal sealed record PlacesOutput(int Places, decimal ExpectedAppointments);

/// <summary>One row of a sensitivity table.</summary>
internal sealed record SensitivityOutput(string Input, decimal Value, decimal PlacesNeeded, int WholePlacesNeeded);

/// <summary>The output of <c>upon cohort select --format json</c>.</summary>
internal sealed record SelectOutput(
    int Capacity,
    int? AuthorityCap,
    int? WaitingListLength,
    long Seed,
    bool PositiveActionTieBreak,
    SelectSummaryOutput Summary,
    IReadOnlyList<OutcomeOutput> Selected,
    IReadOnlyList<OutcomeOutput> WaitingList,
    IReadOnlyList<OutcomeOutput> NotSelected,
    SetsOutput? Sets = null);

/// <summary>The counts of a selection: candidates = selected + waiting list + not selected.</summary>
internal sealed record SelectSummaryOutput(int Candidates, int Eligible, int Selected, int WaitingList, int NotSelected);

/// <summary>One candidate's outcome.</summary>
internal sealed record OutcomeOutput(
    int Record,
    string ApplicantId,
    string Authority,
    string Eligibility,
    decimal Score,
    bool UnderRepresented,
    int TiedWith,
    int? Rank,
    int? WaitingListPosition,
    string? Reason);

/// <summary>The selected participants allocated to action-learning sets, with the measures of the allocation.</summary>
internal sealed record SetsOutput(
    BoundsOutput Bounds,
    bool Feasible,
    string? Reason,
    int AuthorityClashes,
    int MinimumAuthorityClashes,
    int BackgroundCount,
    int EvenlySpreadBackgrounds,
    decimal MixScore,
    IReadOnlyList<SetOutput> Sets);

/// <summary>One action-learning set: its members (applicant ids) and measures.</summary>
internal sealed record SetOutput(int Set, IReadOnlyList<string> Members, int AuthorityClashes, int DistinctBackgrounds, int BestPossibleBackgrounds, decimal MixScore);

/// <summary>The output of <c>upon cohort composition --format json</c>.</summary>
internal sealed record CompositionOutput(string? Title, int Threshold, bool TotalsMatch, IReadOnlyList<BreakdownOutput> Breakdowns);

/// <summary>One dimension of a composition report.</summary>
internal sealed record BreakdownOutput(
    string Dimension,
    int Total,
    int? StatedTotal,
    bool MatchesStatedTotal,
    string? TotalMismatch,
    IReadOnlyList<CellOutput> Cells,
    PublishedOutput Published);

/// <summary>One category of a breakdown, unsuppressed (for the producer).</summary>
internal sealed record CellOutput(string Category, int Count, decimal Share, decimal? ReferenceShare, decimal? Difference, decimal? RepresentationRatio);

/// <summary>A breakdown as it may be published.</summary>
internal sealed record PublishedOutput(int? Total, bool Withheld, IReadOnlyList<PublishedCellOutput> Cells);

/// <summary>One category as published: count and share, or nulls when suppressed, and why (for the producer's audit).</summary>
internal sealed record PublishedCellOutput(string Category, int? Count, decimal? Share, string Suppression);

/// <summary>Source-generated metadata for the <c>upon cohort</c> outputs, with the library's JSON conventions.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SplitOutput))]
[JsonSerializable(typeof(SizeOutput))]
[JsonSerializable(typeof(SelectOutput))]
[JsonSerializable(typeof(CompositionOutput))]
internal sealed partial class CohortJsonContext : JsonSerializerContext;

/// <summary>Writes the outputs indented, two spaces, <c>\n</c> line ends, non-ASCII letters as they are.</summary>
internal static class CohortJson
{
    /// <summary>Writes <paramref name="value"/> and a line end to <paramref name="output"/>.</summary>
    public static void Write<T>(TextWriter output, T value, JsonTypeInfo<T> typeInfo) => output.WriteLine(Document(value, typeInfo));

    /// <summary>Returns <paramref name="value"/> as an indented JSON document.</summary>
    public static string Document<T>(T value, JsonTypeInfo<T> typeInfo) =>
        CliJson.Document(writer => JsonSerializer.Serialize(writer, value, typeInfo));
}
