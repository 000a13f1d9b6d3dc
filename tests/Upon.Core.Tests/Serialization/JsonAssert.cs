using System;
using System.Text.Json;

namespace Upon.Core.Tests.Serialization;

/// <summary>Assertions shared by the serialization tests.</summary>
internal static class JsonAssert
{
    /// <summary>A property name to wrap values in, so that error paths name a property.</summary>
    public const string PropertyName = "value";

    /// <summary>
    /// Options like an application's own: the web defaults (camelCase, names matched ignoring case), with the
    /// converters of <see cref="UponJson.Options"/> added, reflection-based (not the library's source-generated context).
    /// </summary>
    public static JsonSerializerOptions OwnOptions { get; } = CreateOwnOptions();

    /// <summary>Serializes with <see cref="UponJson"/> and reads the text back.</summary>
    public static T RoundTrip<T>(T value) => UponJson.Deserialize<T>(UponJson.Serialize(value))!;

    /// <summary>
    /// Asserts that reading <paramref name="json"/> as <typeparamref name="T"/> with <see cref="UponJson"/>
    /// throws exactly a <see cref="JsonException"/> at <paramref name="path"/>, not wrapping a
    /// <see cref="FormatException"/>, whose message does not repeat <paramref name="badValue"/>.
    /// </summary>
    public static JsonException Rejects<T>(string json, string path, string? badValue = null) =>
        Check(Record.Exception(() => UponJson.Deserialize<T>(json)), path, badValue);

    /// <summary>
    /// Asserts that reading <c>{"value": valueJson}</c> into a <see cref="Box{T}"/> with <see cref="OwnOptions"/>
    /// throws a <see cref="JsonException"/> whose path is <c>$.value</c>.
    /// </summary>
    public static JsonException RejectsInProperty<T>(string valueJson, string? badValue = null) =>
        Check(
            Record.Exception(() => JsonSerializer.Deserialize<Box<T>>($"{{\"{PropertyName}\":{valueJson}}}", OwnOptions)),
            "$." + PropertyName,
            badValue);

    private static JsonException Check(Exception? thrown, string path, string? badValue)
    {
        JsonException ex = Assert.IsType<JsonException>(thrown);
        Assert.False(ex.InnerException is FormatException, "The JsonException wraps a FormatException.");
        Assert.Equal(path, ex.Path);
        if (!string.IsNullOrEmpty(badValue))
        {
            // Neither the message nor that of any inner exception: a log writes them all.
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                Assert.DoesNotContain(badValue, e.Message, StringComparison.Ordinal);
            }
        }

        return ex;
    }

    private static JsonSerializerOptions CreateOwnOptions()
    {
        JsonSerializerOptions options = new(JsonSerializerDefaults.Web);
        foreach (System.Text.Json.Serialization.JsonConverter converter in UponJson.Options.Converters)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>A value held in a property, for tests of error paths.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
public sealed record Box<T>(T Value);
