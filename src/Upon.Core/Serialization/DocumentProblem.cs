using System;
using Ardalis.GuardClauses;

namespace Upon.Core.Serialization;

/// <summary>
/// One problem found in a document the library was given: where it is (a JSON path), what kind of
/// problem it is (a stable code), and a message for people.
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
/// <para>Equality is by value over all three members. <c>default</c> has null members and is not a valid problem.</para>
/// </remarks>
/// <param name="Path">
/// Where the problem is, as a JSON path from the document root (<c>$</c>), for example
/// <c>$['england-and-wales'].events[3].date</c>.
/// </param>
/// <param name="Code">The stable code of the problem, for example <c>date.invalid</c>; see <see cref="DocumentProblemCodes"/>.</param>
/// <param name="Message">A sentence for people, in English, that says what is wrong and what is expected.</param>
public readonly record struct DocumentProblem(string Path, string Code, string Message)
{
    /// <summary>Returns the problem as <c>path: message (code)</c>.</summary>
    /// <returns>A one-line description of the problem.</returns>
    public override string ToString() => $"{Path}: {Message} ({Code})";

    /// <summary>Creates a problem, checking that no member is null or empty.</summary>
    /// <param name="path">The JSON path.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentException">A member is null or empty.</exception>
    public static DocumentProblem Create(string path, string code, string message)
    {
        Guard.Against.NullOrEmpty(path);
        Guard.Against.NullOrEmpty(code);
        Guard.Against.NullOrEmpty(message);
        return new DocumentProblem(path, code, message);
    }
}
