using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Serialization;

/// <summary>
/// The outcome of reading a document: the value read, or every problem found in it. Reading never
/// stops at the first problem, and never throws for bad input.
/// </summary>
/// <typeparam name="T">The type of the value the document describes.</typeparam>
/// <remarks>
/// A result is valid when it has no problems; then <see cref="Value"/> is not null. An invalid
/// result has at least one problem and no value. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class DocumentResult<T>
    where T : class
{
    internal DocumentResult(T? value, ImmutableArray<DocumentProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>Gets the value read, or null when the document has problems.</summary>
    public T? Value { get; }

    /// <summary>Gets every problem found, in document order; empty when the document is valid.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; }

    /// <summary>Gets a value indicating whether the document was read without problems.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>Returns the value, or throws listing the problems when the document was invalid.</summary>
    /// <returns>The value read.</returns>
    /// <exception cref="InvalidOperationException">The document had problems; the message lists them.</exception>
    public T GetValueOrThrow() => Value ?? throw DocumentProblem.NotValid("The document is not valid:", Problems);
}

/// <summary>Creates <see cref="DocumentResult{T}"/> values.</summary>
public static class DocumentResult
{
    /// <summary>Creates a valid result holding <paramref name="value"/>.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value read.</param>
    /// <returns>A valid result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static DocumentResult<T> Success<T>(T value)
        where T : class
    {
        Guard.Against.Null(value);
        return new DocumentResult<T>(value, []);
    }

    /// <summary>Creates an invalid result listing <paramref name="problems"/>.</summary>
    /// <typeparam name="T">The type of the value the document would have described.</typeparam>
    /// <param name="problems">The problems found; at least one.</param>
    /// <returns>An invalid result.</returns>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public static DocumentResult<T> Failure<T>(ImmutableArray<DocumentProblem> problems)
        where T : class
    {
        Guard.Against.Invalid(problems.IsDefaultOrEmpty, "A failed result needs at least one problem.", nameof(problems));

        return new DocumentResult<T>(null, problems);
    }
}
