using System.Text.Encodings.Web;
using System.Text.Json;

namespace Upon.Core.Serialization;

/// <summary>The writer options of the documents the library writes by hand: the conventions of <see cref="UponJson"/>.</summary>
internal static class JsonWriting
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, IndentSize = 2, NewLine = "\n" };

    /// <summary>Gets the options, compact or indented.</summary>
    public static JsonWriterOptions Options(bool indented) => indented ? Indented : Compact;
}
