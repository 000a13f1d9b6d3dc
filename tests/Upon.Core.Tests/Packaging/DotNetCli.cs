using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Upon.Core.Tests.Packaging;

/// <summary>Runs the dotnet CLI (or a built program) as a child process and captures what it prints.</summary>
internal static class DotNetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The dotnet executable: the one running the tests' host if known, else dotnet on PATH.</summary>
    public static string DotNetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs dotnet with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        RunProgram(DotNetPath, workingDirectory, arguments);

    /// <summary>Runs <paramref name="program"/> and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, params string[] arguments)
    {
        ProcessStartInfo start = new(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Child builds must not leave MSBuild nodes behind or talk to the build server of the outer run.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Runs dotnet and fails with its output when it exits non-zero.</summary>
    public static string RunOrFail(string workingDirectory, params string[] arguments)
    {
        (int exitCode, string output) = Run(workingDirectory, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {exitCode}:{Environment.NewLine}{output}");
        return output;
    }
}
