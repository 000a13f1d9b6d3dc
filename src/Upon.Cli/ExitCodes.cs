namespace Upon.Cli;

/// <summary>The exit codes of <c>upon</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An input document could not be read or is invalid; its problems are on standard error.</summary>
    public const int InvalidInput = 1;

    /// <summary>
    /// A file could not be read or written (it does not exist, it is a folder, permission is denied, the disk is
    /// full), or standard output failed; one line on standard error says which and why. The same code as
    /// <see cref="InvalidInput"/>: either way the command could not do what was asked with what it was given.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: an unknown command or option, a malformed value, or a value out of range.</summary>
    public const int Usage = 2;
}
