using Upon.Core.Serialization;

namespace Upon.Core.Workforce;

/// <summary>What the workforce JSON readers make of empty input, the same for appointments and registers.</summary>
internal static class JsonInput
{
    /// <summary>
    /// Whether <paramref name="problem"/>, the first thing a <see cref="JsonDocumentStream"/> gives, says the input is
    /// empty: no bytes, or only white space and a byte order mark (an empty array, <c>[]</c>, gives no problem at all).
    /// </summary>
    public static bool IsEmpty(DocumentProblem problem) =>
        problem.Code is DocumentProblemCodes.DocumentEmpty || (problem.Code is DocumentProblemCodes.CollectionEmpty && problem.Path == JsonPath.Root);

    /// <summary>The one problem of empty input, at the root.</summary>
    /// <param name="plural">What the document holds, for example "appointments".</param>
    public static DocumentProblem Empty(string plural) =>
        new(JsonPath.Root, DocumentProblemCodes.DocumentEmpty, $"The document is empty: expected an array of {plural} or JSON Lines.");
}
