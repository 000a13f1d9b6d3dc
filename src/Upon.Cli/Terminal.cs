namespace Upon.Cli;

/// <summary>
/// What the tool's standard streams are connected to, for how it presents results, never for what they are: the
/// terminal's width for tables to wrap to, whether tables may use colour, and whether a progress display on standard
/// error would be seen. <see cref="None"/> (no terminal at all) is what every redirected run and every test gets.
/// </summary>
/// <param name="Width">The width of the terminal standard output writes to, in columns; null when standard output is not a terminal (tables are never wrapped).</param>
/// <param name="Colour">Whether tables may use colour: standard output is a terminal, <c>NO_COLOR</c> is unset or empty, and <c>TERM</c> is not <c>dumb</c>.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal, where a progress display can be shown.</param>
internal sealed record Terminal(int? Width, bool Colour, bool ErrorIsTerminal)
{
    /// <summary>Gets the streams of a run with no terminal: tables unwrapped and plain, no progress display.</summary>
    public static Terminal None { get; } = new(null, false, false);

    /// <summary>Gets whether standard output is a terminal.</summary>
    public bool OutputIsTerminal => Width is not null;

    /// <summary>Finds what this process's standard output and error are connected to.</summary>
    /// <param name="environment">Reads an environment variable (<c>NO_COLOR</c>, <c>TERM</c>).</param>
    /// <returns>The terminal.</returns>
    public static Terminal Detect(Func<string, string?> environment) =>
        Of(Console.IsOutputRedirected ? null : WindowWidth(), !Console.IsErrorRedirected, environment);

    /// <summary>
    /// The terminal of streams whose state is known: colour only on a terminal, and not when <c>NO_COLOR</c> is set
    /// (to anything but the empty string, as no-color.org asks) or <c>TERM</c> is <c>dumb</c>.
    /// </summary>
    /// <param name="outputWidth">The width of the terminal standard output writes to, or null when it is not one.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The terminal.</returns>
    public static Terminal Of(int? outputWidth, bool errorIsTerminal, Func<string, string?> environment)
    {
        bool colour = outputWidth is not null
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        return new Terminal(outputWidth, colour, errorIsTerminal);
    }

    private static int? WindowWidth()
    {
        try
        {
            // A terminal that does not say its width is taken as the classic 80 columns.
            return Console.WindowWidth is int width and > 0 ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
