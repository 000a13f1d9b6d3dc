using System.Text.Json;
using System.Text.Json.Serialization;
using Upon.Core.Serialization;

namespace Upon.Core.Timelines;

/// <summary>Source-generated serialization metadata for the timeline documents (options as in <see cref="UponJsonContext"/>).</summary>
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
[JsonSerializable(typeof(TimelineReport))]
internal sealed partial class TimelinesJsonContext : JsonSerializerContext;
