using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Upon.Core.Serialization;

/// <summary>
/// Source-generated serialization metadata for the NodaTime values and the document problems that
/// every capability shares. Each capability has its own context with the same options (see
/// <see cref="UponJson"/>, which chains them).
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
internal sealed partial class UponJsonContext : JsonSerializerContext;
