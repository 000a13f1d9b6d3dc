using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using NodaTime.Text;

namespace Upon.Core.Serialization;

/// <summary>
/// Base for the converters that write a NodaTime value as one JSON string through NodaTime patterns.
/// Reading tries each pattern in turn; a value no pattern accepts becomes a <see cref="JsonException"/>
/// whose message says what was expected (never the value itself) and whose path the serializer fills in.
/// </summary>
/// <typeparam name="T">The NodaTime type converted.</typeparam>
public abstract class NodaPatternJsonConverter<T> : JsonConverter<T>
{
    private readonly IPattern<T> writePattern;
    private readonly IPattern<T>[] readPatterns;
    private readonly string expected;

    /// <summary>Initializes the converter.</summary>
    /// <param name="expected">What a valid value looks like, for error messages (for example "a date in ISO 8601 form yyyy-MM-dd").</param>
    /// <param name="writePattern">The pattern used to write values; also the first pattern tried when reading.</param>
    /// <param name="additionalReadPatterns">Further patterns accepted when reading.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    protected NodaPatternJsonConverter(string expected, IPattern<T> writePattern, params IPattern<T>[] additionalReadPatterns)
    {
        Guard.Against.Null(expected);
        Guard.Against.Null(writePattern);
        Guard.Against.Null(additionalReadPatterns);
        this.expected = expected;
        this.writePattern = writePattern;
        readPatterns = [writePattern, .. additionalReadPatterns];
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string holding {expected}, but found {Describe(reader.TokenType)}.");
        }

        string text = reader.GetString()!;
        foreach (IPattern<T> pattern in readPatterns)
        {
            ParseResult<T> result = pattern.Parse(text);
            if (result.Success)
            {
                return result.Value;
            }
        }

        throw new JsonException($"Expected {expected}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        writer.WriteStringValue(writePattern.Format(value));
    }

    /// <summary>Names a JSON token type for error messages.</summary>
    /// <param name="tokenType">The token type found.</param>
    /// <returns>A lower-case description with its article, such as "a number".</returns>
    internal static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        _ => "a token of another kind",
    };
}
