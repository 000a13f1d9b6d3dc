using System.Text.Json.Serialization;
using Upon.Core.Calendars;
using Upon.Core.Timelines;
using Upon.Core.Workforce;

namespace Upon.Core;

/// <summary>
/// Source-generated serialization metadata for every type <see cref="UponJson"/> serializes: the NodaTime values and
/// document problems every capability shares, the calendar documents, the timeline report and the workforce reports.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters =
    [
        typeof(NodaTimeConverterFactory),
    ])]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(Period))]
[JsonSerializable(typeof(DateInterval))]
[JsonSerializable(typeof(LocalTime))]
[JsonSerializable(typeof(LocalDateTime))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(DateTimeZone))]
[JsonSerializable(typeof(DocumentProblem))]
[JsonSerializable(typeof(IReadOnlyList<DocumentProblem>))]
[JsonSerializable(typeof(Holiday))]
[JsonSerializable(typeof(IReadOnlyList<Holiday>))]
[JsonSerializable(typeof(HolidayList))]
[JsonSerializable(typeof(HolidayChange))]
[JsonSerializable(typeof(WorkingDaySummary))]
[JsonSerializable(typeof(TimelineReport))]
[JsonSerializable(typeof(TurnoverReport))]
[JsonSerializable(typeof(TenureReport))]
internal sealed partial class UponJsonContext : JsonSerializerContext;
