using System.Text.Encodings.Web;

namespace Upon.Core.Serialization;

/// <summary>The writer options of the documents the library writes by hand: the conventions of <see cref="UponJson"/>.</summary>
internal static class JsonWriting
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>Gets the options, compact or indented.</summary>
    public static JsonWriterOptions Options(bool indented) => indented ? Indented : Compact;

    /// <summary>
    /// Writes the records of a batch in order: JSON Lines, one compact value a line each ended by <c>\n</c> (for any
    /// format but <see cref="BatchFormat.JsonArray"/>), or one array, indented or not.
    /// </summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="values">The records.</param>
    /// <param name="format">The layout.</param>
    /// <param name="indented">Whether to indent an array (JSON Lines are never indented).</param>
    /// <param name="writeValue">Writes one record as one JSON value.</param>
    /// <param name="valuesName">The name of the caller's parameter, for the exception when a record is null.</param>
    public static void WriteBatch<T>(Stream utf8Json, IEnumerable<T> values, BatchFormat format, bool indented, Action<Utf8JsonWriter, T> writeValue, string valuesName)
        where T : class
    {
        bool jsonLines = format != BatchFormat.JsonArray;
        using Utf8JsonWriter writer = new(utf8Json, Options(indented && !jsonLines));
        if (!jsonLines)
        {
            writer.WriteStartArray();
        }

        foreach (T value in values)
        {
            Guard.Against.Null(value, valuesName);
            writeValue(writer, value);
            if (jsonLines)
            {
                writer.Flush();
                utf8Json.WriteByte((byte)'\n');
                writer.Reset();
            }
        }

        if (!jsonLines)
        {
            writer.WriteEndArray();
        }
    }
}
