using System.Diagnostics.CodeAnalysis;

namespace Upon.Cli;

/// <summary>
/// Standard output as the commands write it: a writer over another that says, when writing fails (standard output
/// redirected to a full disk or to <c>/dev/full</c>), that it was standard output that failed, so that
/// <see cref="UponCommandLine.Run"/> reports it in one line.
/// </summary>
/// <param name="inner">The writer to write to, such as <see cref="Console.Out"/>.</param>
/// <param name="terminal">What standard output and error are connected to (<see cref="Terminal.None"/> unless given).</param>
internal sealed class StandardOutput(TextWriter inner, Terminal? terminal = null) : TextWriter
{
    /// <summary>Gets what standard output and error are connected to.</summary>
    public Terminal Terminal { get; } = terminal ?? Terminal.None;

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    [AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc/>
    public override void Write(char value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count)
    {
        try
        {
            inner.Write(buffer, index, count);
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        try
        {
            inner.Write(value);
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        try
        {
            inner.WriteLine(value);
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void WriteLine()
    {
        try
        {
            inner.WriteLine();
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException exception)
        {
            throw Failed(exception);
        }
    }

    private static IOException Failed(IOException exception) =>
        new($"standard output cannot be written: {InputFile.Reason(exception)}.", exception);
}
