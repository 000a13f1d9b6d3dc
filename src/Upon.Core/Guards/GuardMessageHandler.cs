using System.Runtime.CompilerServices;

namespace Upon.Core.Guards;

/// <summary>
/// The message of a guard clause written as an interpolated string (<c>$"Share {i} is negative."</c>): built only
/// when the guard's condition holds, so a check inside a loop costs no string until it throws, and formatted in the
/// invariant culture, so the message is the same on every machine. This is the pattern of the BCL's
/// <c>Debug.AssertInterpolatedStringHandler</c>.
/// </summary>
/// <remarks>The compiler creates and fills it; code never uses it directly.</remarks>
[InterpolatedStringHandler]
internal ref struct GuardMessageHandler
{
    private DefaultInterpolatedStringHandler text;

    /// <summary>Initializes a handler that builds the message only when <paramref name="condition"/> is true.</summary>
    /// <param name="literalLength">The number of constant characters; from the compiler.</param>
    /// <param name="formattedCount">The number of interpolated holes; from the compiler.</param>
    /// <param name="condition">The guard's condition: true when the guard throws.</param>
    /// <param name="shouldAppend">Whether the compiler should append the parts: <paramref name="condition"/>.</param>
    public GuardMessageHandler(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        text = condition ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        shouldAppend = condition;
    }

    /// <summary>Appends a constant part of the message.</summary>
    /// <param name="value">The text.</param>
    public void AppendLiteral(string value) => text.AppendLiteral(value);

    /// <summary>Appends a hole of the message, formatted in the invariant culture.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value) => text.AppendFormatted(value);

    /// <summary>Appends a hole of the message with a format, in the invariant culture.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public void AppendFormatted<T>(T value, string? format) => text.AppendFormatted(value, format);

    /// <summary>Gets the message built and releases the handler's buffer.</summary>
    /// <returns>The message.</returns>
    public string ToStringAndClear() => text.ToStringAndClear();
}
