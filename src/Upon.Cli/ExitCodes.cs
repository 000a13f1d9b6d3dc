namespace Upon.Cli;

/// <summary>The exit codes of <c>upon</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An input document could not be read or is invalid; its problems are on standard error.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line is wrong: an unknown command or option, a malformed value, or a value out of range.</summary>
    public const int Usage = 2;
}
