using System.Text.Json.Serialization;

namespace Upon.Core.Serialization;

/// <summary>
/// One problem found in a document the library was given, or in a value it reviewed (a timeline, a schedule
/// request): where it is (a JSON path), what kind of problem it is (a stable code), a message for people, and how
/// serious it is. Readers, validation and scheduling all report with this one type.
/// </summary>
/// <remarks>
/// <para>
/// Codes are stable: they are part of the public contract and never change meaning between versions,
/// so applications may switch on them. Messages may be reworded.
/// </para>
/// <para>
/// Messages never repeat the offending value: a document may carry personal data or
/// equality-monitoring answers, and a message may end up in a log.
/// </para>
/// <para>Equality is by value over all four members. <c>default</c> has null members and is not a valid problem.</para>
/// </remarks>
/// <param name="Path">
/// Where the problem is, as a JSON path from the document root (<c>$</c>), for example
/// <c>$['england-and-wales'].events[3].date</c>.
/// </param>
/// <param name="Code">The stable code of the problem, for example <c>date.invalid</c>; see <see cref="DocumentProblemCodes"/>.</param>
/// <param name="Message">A sentence for people, in English, that says what is wrong and what is expected.</param>
/// <param name="Severity">
/// How serious the problem is: <see cref="ProblemSeverity.Error"/> (the default, and always for readers) or
/// <see cref="ProblemSeverity.Warning"/>. Omitted from JSON when it is an error, so documents of errors read as before.
/// </param>
public readonly record struct DocumentProblem(
    string Path,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>Gets whether the problem is an error (not a warning).</summary>
    [JsonIgnore]
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>Returns the problem as <c>path: message (code)</c>, or <c>path: message (code, warning)</c> for a warning.</summary>
    /// <returns>A one-line description of the problem.</returns>
    public override string ToString() => IsError ? $"{Path}: {Message} ({Code})" : $"{Path}: {Message} ({Code}, warning)";

    /// <summary>Creates a problem, checking that no member is null or empty.</summary>
    /// <param name="path">The JSON path.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The problem.</returns>
    /// <param name="severity">How serious it is; an error unless said otherwise.</param>
    /// <exception cref="ArgumentException">A member is null or empty, or <paramref name="severity"/> is not a defined value.</exception>
    public static DocumentProblem Create(string path, string code, string message, ProblemSeverity severity = ProblemSeverity.Error)
    {
        Guard.Against.NullOrEmpty(path);
        Guard.Against.NullOrEmpty(code);
        Guard.Against.NullOrEmpty(message);
        Guard.Against.UndefinedEnum(severity);
        return new DocumentProblem(path, code, message, severity);
    }

    /// <summary>The exception a result's <c>GetValueOrThrow</c> throws: the heading, then one problem a line.</summary>
    internal static InvalidOperationException NotValid(string heading, ImmutableArray<DocumentProblem> problems) =>
        new(heading + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
}
