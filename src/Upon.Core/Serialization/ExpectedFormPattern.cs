using System.Text;
using NodaTime.Text;
using NodaTime.Utility;

namespace Upon.Core.Serialization;

/// <summary>
/// A NodaTime pattern that formats with its first pattern and parses with the first of its patterns that
/// accepts the text. A failure says what was expected and never repeats the text: NodaTime's own parse
/// errors quote the value, and a document may hold personal data that must not reach a log.
/// </summary>
/// <typeparam name="T">The NodaTime type.</typeparam>
/// <remarks>
/// The converters of NodaTime.Serialization.SystemTextJson take any <see cref="IPattern{T}"/>; this is how
/// Upon.Core configures them (<see cref="NodaTimeConverterFactory"/>) instead of writing converters of its own.
/// Immutable and safe to use from many threads.
/// </remarks>
internal sealed class ExpectedFormPattern<T> : IPattern<T>
{
    private readonly ImmutableArray<IPattern<T>> patterns;

    /// <summary>Initializes the pattern.</summary>
    /// <param name="expected">What a valid value looks like, as the end of the sentence "Expected …", for example "a date in ISO 8601 form yyyy-MM-dd".</param>
    /// <param name="writePattern">The pattern that formats values; also the first pattern tried when parsing.</param>
    /// <param name="alsoRead">Further patterns accepted when parsing, tried in order.</param>
    public ExpectedFormPattern(string expected, IPattern<T> writePattern, params IPattern<T>[] alsoRead)
    {
        Expected = expected;
        patterns = [writePattern, .. alsoRead];
    }

    /// <summary>Gets what a valid value looks like, as in the message of a failed parse.</summary>
    public string Expected { get; }

    /// <inheritdoc />
    public ParseResult<T> Parse(string text)
    {
        if (text is not null)
        {
            foreach (IPattern<T> pattern in patterns)
            {
                ParseResult<T> result = pattern.Parse(text);
                if (result.Success)
                {
                    return result;
                }
            }
        }

        return ParseResult<T>.ForException(() => new InvalidNodaDataException($"Expected {Expected}."));
    }

    /// <inheritdoc />
    public string Format(T value) => patterns[0].Format(value);

    /// <inheritdoc />
    public StringBuilder AppendFormat(T value, StringBuilder builder) => patterns[0].AppendFormat(value, builder);
}
