using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Upon.Core.Serialization;

namespace Upon.Core.Calendars;

/// <summary>Source-generated serialization metadata for the calendar documents (options as in <see cref="UponJsonContext"/>).</summary>
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
[JsonSerializable(typeof(Holiday))]
[JsonSerializable(typeof(IReadOnlyList<Holiday>))]
[JsonSerializable(typeof(HolidayList))]
[JsonSerializable(typeof(HolidayChange))]
[JsonSerializable(typeof(WorkingDaySummary))]
internal sealed partial class CalendarsJsonContext : JsonSerializerContext;
