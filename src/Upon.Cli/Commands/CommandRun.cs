namespace Upon.Cli.Commands;

/// <summary>
/// One run of a command's handler: the values on the command line, and the writers for results (standard output)
/// and for errors (standard error) that <see cref="UponCommandLine.Run"/> gave.
/// </summary>
/// <param name="parseResult">The parsed command line.</param>
internal sealed class CommandRun(ParseResult parseResult)
{
    /// <summary>Gets where results go.</summary>
    public TextWriter Output { get; } = parseResult.InvocationConfiguration.Output;

    /// <summary>Gets where errors go.</summary>
    public TextWriter Error { get; } = parseResult.InvocationConfiguration.Error;

    /// <summary>Gets what standard output and error are connected to (<see cref="Terminal.None"/> unless standard output is the process's own).</summary>
    public Terminal Terminal => Output is StandardOutput standard ? standard.Terminal : Terminal.None;

    /// <summary>Gets whether <c>--quiet</c> was given: no notes and no progress display on standard error, only results and errors.</summary>
    public bool IsQuiet => parseResult.GetValue<bool>(UponCommandLine.QuietName);

    /// <summary>Writes <c>upon: NOTE</c> on <see cref="Error"/>, unless <c>--quiet</c>: information about a run, never a problem.</summary>
    public void Note(string note)
    {
        if (!IsQuiet)
        {
            Error.WriteLine($"upon: {note}");
        }
    }

    /// <summary>Gets the value of <paramref name="option"/>: as given, or its default.</summary>
    public T? GetValue<T>(Option<T> option) => parseResult.GetValue(option);

    /// <summary>Gets the value of <paramref name="argument"/>.</summary>
    public T? GetValue<T>(Argument<T> argument) => parseResult.GetValue(argument);

    /// <summary>Whether <paramref name="option"/> was given on the command line (not only its default).</summary>
    public bool IsGiven(Option option) => parseResult.GetResult(option) is { Implicit: false };

    /// <summary>Whether <paramref name="format"/> (see <see cref="CommonOptions.Format"/>) asks for JSON.</summary>
    public bool IsJson(Option<string> format) => GetValue(format) == CommonOptions.Json;

    /// <summary>
    /// Writes a command's result on <see cref="Output"/> in the format <paramref name="format"/> asks for: the JSON
    /// document <paramref name="json"/> makes, the records of that document as CSV (<paramref name="csv"/>, see
    /// <see cref="CsvOutput"/>), or the text <paramref name="table"/> writes.
    /// </summary>
    public void WriteResult(Option<string> format, Func<string> json, Action<TextWriter> table, params CsvTable[] csv)
    {
        switch (GetValue(format))
        {
            case CommonOptions.Json:
                Output.WriteLine(json());
                break;
            case CommonOptions.Csv:
                CsvOutput.Write(Output, json(), csv);
                break;
            default:
                table(Output);
                break;
        }
    }

    /// <summary>
    /// Writes the usage error <c>upon: MESSAGE</c> on <see cref="Error"/>, and where to read the command's usage
    /// (<c>Run 'upon cohort split --help' for usage.</c>), as for an error the parser finds.
    /// </summary>
    /// <returns><see cref="ExitCodes.Usage"/>.</returns>
    public int Usage(string message)
    {
        Error.WriteLine($"upon: {message}");
        Error.WriteLine(UponCommandLine.HelpHint(parseResult.CommandResult));
        return ExitCodes.Usage;
    }
}
