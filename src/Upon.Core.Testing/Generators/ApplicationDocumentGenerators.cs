using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Testing;

/// <summary>An application document with one defect, and the problem the reader must report for it.</summary>
/// <param name="Json">The document's text.</param>
/// <param name="Path">The JSON path of the problem, for example <c>$.roles[0].level</c>.</param>
/// <param name="Code">The problem's code, one of <see cref="DocumentProblemCodes"/>.</param>
/// <param name="Source">The valid application the document was written from before it was broken.</param>
/// <param name="Defect">Which defect was made, 0 to <see cref="ApplicationDocumentGenerators.DefectKinds"/> − 1.</param>
public sealed record InvalidDocument(string Json, string Path, string Code, Application Source, int Defect)
{
    /// <summary>Returns the expected problem and the document's length (the text itself may hold anything).</summary>
    /// <returns>A short description for counter-examples.</returns>
    public override string ToString() => $"{Code} at {Path} in a document of {Json.Length} characters";
}

/// <summary>
/// Application documents for error tests: eligible applications (from <see cref="ApplicationGenerators.Eligible"/>)
/// written by <see cref="ApplicationDocument"/> and then broken in exactly one way (a required property removed, an
/// invalid date, an unknown enum name or property, a value of the wrong type, an end before its start, a part-time
/// fraction out of range, truncated JSON), each with the path and code of the problem the reader reports.
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class ApplicationDocumentGenerators
{
    /// <summary>The number of kinds of defect <see cref="Invalid"/> chooses from: 8.</summary>
    public const int DefectKinds = 8;

    /// <summary>Documents with one defect each; shrinks the application underneath (fewer roles, shorter statement).</summary>
    /// <returns>The invalid documents.</returns>
    public static Arbitrary<InvalidDocument> Invalid()
    {
        Arbitrary<Application> eligible = ApplicationGenerators.Eligible();
        return Arb.From(
            from application in eligible.Generator
            from defect in Gen.Choose(0, DefectKinds - 1)
            select Break(application, defect),
            document => eligible.Shrinker(document.Source).Select(a => Break(a, document.Defect)));
    }

    /// <summary>Writes <paramref name="application"/> as a document and breaks it with defect <paramref name="defect"/>.</summary>
    /// <param name="application">The application: it must have at least one role.</param>
    /// <param name="defect">Which defect, 0 to <see cref="DefectKinds"/> − 1.</param>
    /// <returns>The broken document and its expected problem.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="application"/> is null.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="defect"/> is out of range.</exception>
    public static InvalidDocument Break(Application application, int defect)
    {
        Guard.Against.Null(application);
        Guard.Against.OutOfRange(defect, nameof(defect), 0, DefectKinds - 1, "defect must be from 0 to 7 inclusive.");
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, application);
        string json = Encoding.UTF8.GetString(stream.ToArray());
        JsonObject root = JsonNode.Parse(json)!.AsObject();
        JsonObject role = root["roles"]!.AsArray()[0]!.AsObject();
        (string path, string code) = defect switch
        {
            0 => Remove(root, "id", "$.id"),
            1 => Set(root, "assessedOn", "2021-02-30", "$.assessedOn", DocumentProblemCodes.DateInvalid),
            2 => Set(role, "level", "wizard", "$.roles[0].level", DocumentProblemCodes.UnknownValue),
            3 => Set(root, "nickname", "x", "$.nickname", DocumentProblemCodes.UnknownProperty),
            4 => Set(root, "roles", 5, "$.roles", DocumentProblemCodes.TypeMismatch),
            5 => Set(role, "end", LocalDatePattern.Iso.Format(application.Roles[0].Start.PlusDays(-1)), "$.roles[0].end", DocumentProblemCodes.EndBeforeStart),
            6 => Set(role, "partTimeFraction", 1.5m, "$.roles[0].partTimeFraction", DocumentProblemCodes.OutOfRange),
            _ => ("$", DocumentProblemCodes.JsonInvalid),
        };
        string text = root.ToJsonString();
        return new InvalidDocument(defect == DefectKinds - 1 ? text[..(text.Length / 2)] : text, path, code, application, defect);

        static (string, string) Remove(JsonObject node, string name, string path)
        {
            node.Remove(name);
            return (path, DocumentProblemCodes.Required);
        }

        static (string, string) Set(JsonObject node, string name, JsonNode? value, string path, string code)
        {
            node[name] = value;
            return (path, code);
        }
    }
}
