using System.Text.Encodings.Web;

namespace Upon.Cli.Commands;

/// <summary>How the tool writes JSON: indented two spaces, <c>\n</c> line ends, non-ASCII letters as they are.</summary>
internal static class CliJson
{
    /// <summary>The writer options of every JSON document the tool prints.</summary>
    public static readonly JsonWriterOptions Indented = new() { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the document <paramref name="write"/> makes, and a line end, to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write) => output.WriteLine(Document(write));

    /// <summary>Writes the array <paramref name="name"/> of <paramref name="problems"/>, each as <c>{"path", "code", "message"}</c>.</summary>
    public static void WriteProblems(Utf8JsonWriter writer, string name, IEnumerable<DocumentProblem> problems)
    {
        writer.WriteStartArray(name);
        foreach (DocumentProblem problem in problems)
        {
            WriteProblem(writer, problem);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one problem as the object <c>{"path", "code", "message"}</c>, as a property when <paramref name="name"/> is given.</summary>
    public static void WriteProblem(Utf8JsonWriter writer, DocumentProblem problem, string? name = null)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteString("path", problem.Path);
        writer.WriteString("code", problem.Code);
        writer.WriteString("message", problem.Message);
        writer.WriteEndObject();
    }

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
