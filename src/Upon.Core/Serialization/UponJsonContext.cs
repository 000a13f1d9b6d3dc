using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Serialization;

/// <summary>Source-generated serialization metadata for every document type of the library.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters =
    [
        typeof(LocalDateJsonConverter),
        typeof(PeriodJsonConverter),
        typeof(DateIntervalJsonConverter),
        typeof(LocalTimeJsonConverter),
        typeof(LocalDateTimeJsonConverter),
        typeof(InstantJsonConverter),
        typeof(DateTimeZoneJsonConverter),
    ])]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(Period))]
[JsonSerializable(typeof(DateInterval))]
[JsonSerializable(typeof(LocalTime))]
[JsonSerializable(typeof(LocalDateTime))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(DateTimeZone))]
[JsonSerializable(typeof(Holiday))]
[JsonSerializable(typeof(IReadOnlyList<Holiday>))]
[JsonSerializable(typeof(HolidayList))]
[JsonSerializable(typeof(WorkingDaySummary))]
[JsonSerializable(typeof(IReadOnlyList<DocumentProblem>))]
internal sealed partial class UponJsonContext : JsonSerializerContext;
