using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Serialization;

/// <summary>
/// The result of reading one record of a document that holds many (applications, candidates, appointments,
/// authorities): its number and either the value read from it or the problems that stopped it. Every batch reader of
/// the library yields these, one for each record in, so that records in always equal values plus records reported.
/// </summary>
/// <typeparam name="T">The type of value a record holds.</typeparam>
/// <remarks>
/// <para>
/// <see cref="RecordNumber"/> is 1-based and says where the record is in the document as a person would look for it:
/// the data row of a CSV file (the header and empty lines not counted), the element of a JSON array, or the line of
/// JSON Lines. 0 stands for the document as a whole (a CSV header that cannot be read, bytes that are no JSON at all).
/// </para>
/// <para>
/// Immutable and safe to share between threads. Two results are equal when they have the same number, an equal
/// value and the same problems in the same order.
/// </para>
/// </remarks>
public sealed class RecordResult<T> : IEquatable<RecordResult<T>>
    where T : class
{
    internal RecordResult(int recordNumber, T? value, ImmutableArray<DocumentProblem> problems)
    {
        RecordNumber = recordNumber;
        Value = value;
        Problems = problems;
    }

    /// <summary>Gets the 1-based number of the record, or 0 for a problem with the document as a whole.</summary>
    public int RecordNumber { get; }

    /// <summary>Gets the value read from the record, or <see langword="null"/> when it had problems.</summary>
    public T? Value { get; }

    /// <summary>Gets the problems that stopped the record; empty when <see cref="IsValid"/>.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; }

    /// <summary>Gets whether the record was read: <see cref="Value"/> is set and there is no problem.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>Gets the value, or throws when the record had problems.</summary>
    /// <returns>The value read from the record.</returns>
    /// <exception cref="InvalidOperationException">The record had problems; the message lists them.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw DocumentProblem.NotValid(string.Create(CultureInfo.InvariantCulture, $"Record {RecordNumber} is not valid:"), Problems);

    /// <inheritdoc/>
    public bool Equals(RecordResult<T>? other) =>
        other is not null &&
        RecordNumber == other.RecordNumber &&
        Equals(Value, other.Value) &&
        Problems.AsSpan().SequenceEqual(other.Problems.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RecordResult<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        HashCode hash = new();
        hash.Add(RecordNumber);
        hash.Add(Value);
        foreach (DocumentProblem problem in Problems)
        {
            hash.Add(problem);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns "record 3: valid", or the record number with its problems, one a line.</summary>
    /// <returns>The record's number and outcome, for a person to read; never a value from the input.</returns>
    public override string ToString() =>
        IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"record {RecordNumber}: valid")
            : string.Create(CultureInfo.InvariantCulture, $"record {RecordNumber}: ") + string.Join("; ", Problems);
}

/// <summary>Creates <see cref="RecordResult{T}"/> values; readers of other formats use these to report in the same shape.</summary>
public static class RecordResult
{
    /// <summary>Creates the result of a record that was read.</summary>
    /// <typeparam name="T">The type of value a record holds.</typeparam>
    /// <param name="recordNumber">The 1-based number of the record (0 is allowed for a single-record document).</param>
    /// <param name="value">The value read.</param>
    /// <returns>A valid result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordNumber"/> is negative.</exception>
    public static RecordResult<T> Success<T>(int recordNumber, T value)
        where T : class
    {
        Guard.Against.LessThan(recordNumber, 0);
        Guard.Against.Null(value);
        return new RecordResult<T>(recordNumber, value, []);
    }

    /// <summary>Creates the result of a record that could not be read.</summary>
    /// <typeparam name="T">The type of value a record holds.</typeparam>
    /// <param name="recordNumber">The 1-based number of the record, or 0 for the document as a whole.</param>
    /// <param name="problems">The problems found; at least one.</param>
    /// <returns>A result with no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordNumber"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public static RecordResult<T> Failure<T>(int recordNumber, ImmutableArray<DocumentProblem> problems)
        where T : class
    {
        Guard.Against.LessThan(recordNumber, 0);
        Guard.Against.Invalid(problems.IsDefaultOrEmpty, "A record that was not read needs at least one problem.", nameof(problems));

        return new RecordResult<T>(recordNumber, null, problems);
    }

    /// <summary>Creates the result of a record that could not be read, with one problem.</summary>
    /// <typeparam name="T">The type of value a record holds.</typeparam>
    /// <param name="recordNumber">The 1-based number of the record, or 0 for the document as a whole.</param>
    /// <param name="problem">The problem found.</param>
    /// <returns>A result with no value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordNumber"/> is negative.</exception>
    public static RecordResult<T> Failure<T>(int recordNumber, DocumentProblem problem)
        where T : class =>
        Failure<T>(recordNumber, [problem]);
}
