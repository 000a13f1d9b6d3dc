using System.Text.Encodings.Web;

namespace Upon.Cli.Commands;

/// <summary>How the tool writes JSON: indented two spaces, <c>\n</c> line ends, non-ASCII letters as they are.</summary>
internal static class CliJson
{
    /// <summary>The writer options of every JSON document the tool prints.</summary>
    public static readonly JsonWriterOptions Indented = new() { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the document <paramref name="write"/> makes, and a line end, to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write) => output.WriteLine(Document(write));

    /// <summary>Returns the document <paramref name="write"/> makes, indented (see <see cref="Indented"/>).</summary>
    public static string Document(Action<Utf8JsonWriter> write)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, Indented))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
