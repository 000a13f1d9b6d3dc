namespace Upon.Cli.Commands;

/// <summary>
/// The arguments and options of one command: created once with the command (see
/// <see cref="CommandActions.CreateCommand"/>) and passed whole to its handler, which reads their values from the run.
/// </summary>
internal abstract class CommandOptions
{
    /// <summary>Gets the arguments and options, in the order the command's help lists them.</summary>
    public abstract IEnumerable<Symbol> Symbols { get; }
}
