using System.IO;
using Upon.Cli;

namespace Upon.Core.Tests.Support;

/// <summary>Runs the <c>upon</c> command line in this process, with standard output and error captured (LF line ends).</summary>
internal static class InProcessCli
{
    /// <summary>Runs <c>upon ARGS</c> and returns its exit code and what it wrote to each stream.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using StringWriter output = new() { NewLine = "\n" };
        using StringWriter error = new() { NewLine = "\n" };
        int exitCode = UponCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
