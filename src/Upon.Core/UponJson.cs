using System.Text.Encodings.Web;

namespace Upon.Core;

/// <summary>
/// The JSON conventions of every document Upon.Core reads or writes: camelCase property names, ISO 8601
/// dates, times and periods (NodaTime.Serialization.SystemTextJson's converters), enums as camelCase strings, nulls
/// omitted, and source-generated metadata so that serialization works under trimming and native AOT.
/// </summary>
public static class UponJson
{
    /// <summary>
    /// Gets the shared, read-only options: compact output. Safe to use from many threads; call
    /// <see cref="CreateOptions"/> for a copy to change.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Freeze(CreateOptions());

    /// <summary>Gets the shared, read-only options with indented output, for files people read.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Freeze(CreateOptions(writeIndented: true));

    /// <summary>Creates a new, mutable set of options with the library's conventions.</summary>
    /// <param name="writeIndented">Whether to indent the output.</param>
    /// <returns>New options, not yet read-only.</returns>
    public static JsonSerializerOptions CreateOptions(bool writeIndented = false)
    {
        JsonSerializerOptions options = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            WriteIndented = writeIndented,
            IndentSize = 2,
            NewLine = "\n",

            // Names such as "New Year’s Day" stay readable; the output is UTF-8 either way.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // Enums are written as camelCase strings: each capability adds a JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
        // for its enum types here (the non-generic converter is not AOT-compatible).
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Timelines.ProgrammeStrand>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Timelines.MilestoneKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Timelines.SessionKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Timelines.DeliveryMode>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<ProblemSeverity>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new NodaTimeConverterFactory());

        // One source-generated context lists every type serialized here, with the options above.
        options.TypeInfoResolverChain.Add(UponJsonContext.Default);
        return options;
    }

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Serializes <paramref name="value"/> with <see cref="Options"/> (or <see cref="IndentedOptions"/>) to a UTF-8 stream.</summary>
    /// <typeparam name="T">A type the library documents; see the docs' list of JSON formats.</typeparam>
    /// <param name="utf8Json">The stream to write to; left open.</param>
    /// <param name="value">The value.</param>
    /// <param name="writeIndented">Whether to indent the output.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the library's document types.</exception>
    public static void Write<T>(System.IO.Stream utf8Json, T value, bool writeIndented = false)
    {
        Guard.Against.Null(utf8Json);
        JsonSerializer.Serialize(utf8Json, value, TypeInfo<T>(writeIndented));
    }

    /// <summary>Serializes <paramref name="value"/> to a JSON string with the library's conventions.</summary>
    /// <typeparam name="T">A type the library documents; see the docs' list of JSON formats.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="writeIndented">Whether to indent the output.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the library's document types.</exception>
    public static string Serialize<T>(T value, bool writeIndented = false) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(writeIndented));

    /// <summary>Deserializes a JSON string with the library's conventions.</summary>
    /// <typeparam name="T">A type the library documents.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value, or null for the JSON literal <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>; <see cref="JsonException.Path"/> says where.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the library's document types.</exception>
    public static T? Deserialize<T>(string json)
    {
        Guard.Against.Null(json);
        return JsonSerializer.Deserialize(json, TypeInfo<T>(writeIndented: false));
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>(bool writeIndented) =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)(writeIndented ? IndentedOptions : Options).GetTypeInfo(typeof(T));
}
