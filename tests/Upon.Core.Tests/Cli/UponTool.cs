using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Upon.Core.Tests.Packaging;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// The built <c>upon</c> tool, copied to a folder every user can read, run as a child process: for what only a real
/// process shows (standard input, a user who may not read a file, standard output on a full device, a limit on file
/// size). When the tests run as root, <see cref="Run"/> with <c>unprivileged</c> runs the tool as <c>nobody</c>
/// (uid and gid 65534) through <c>setpriv</c>, so that a file with mode 000 really cannot be read.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class UponTool : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Copies the tool (upon.dll, its runtime configuration and the assemblies its deps.json names) to a fresh folder.</summary>
    public UponTool()
    {
        Folder = Directory.CreateTempSubdirectory("upon-tool-").FullName;
        MakeReadableByAll(Folder);
        string built = AppContext.BaseDirectory;
        foreach (string file in (string[])["upon.dll", "upon.deps.json", "upon.runtimeconfig.json", .. RuntimeAssemblies(Path.Combine(built, "upon.deps.json"))])
        {
            File.Copy(Path.Combine(built, file), Path.Combine(Folder, file));
        }
    }

    /// <summary>Gets the folder the tool was copied to (mode 755).</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Makes a folder readable and searchable by every user (a temporary folder is private by default).</summary>
    public static void MakeReadableByAll(string folder) =>
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    /// <summary>
    /// Runs <c>upon ARGS</c> with <paramref name="input"/> on standard input (empty when null), as <c>nobody</c> when
    /// <paramref name="unprivileged"/> and the tests run as root.
    /// </summary>
    public (int ExitCode, string Output, string Error) Run(string[] args, string? input = null, bool unprivileged = false)
    {
        List<string> command = [DotNetCli.DotNetPath, Path.Combine(Folder, "upon.dll"), .. args];
        if (unprivileged && Environment.IsPrivilegedProcess)
        {
            command.InsertRange(0, ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]);
        }

        return Start(command, input, []);
    }

    /// <summary>
    /// Runs a bash script in which <c>$UPON</c> is the command that runs the tool, with <paramref name="args"/>
    /// as <c>$1</c>…, for redirections and limits (<c>ulimit</c>) that only a shell sets.
    /// </summary>
    public (int ExitCode, string Output, string Error) RunShell(string script, params string[] args) =>
        Start(
            ["bash", "-c", script, "upon", .. args],
            null,
            new Dictionary<string, string>
            {
                ["UPON"] = $"{DotNetCli.DotNetPath} {Path.Combine(Folder, "upon.dll")}",

                // With W^X the runtime maps its code through a file, which a limit on file size stops; this test host does not need it.
                ["DOTNET_EnableWriteXorExecute"] = "0",
            });

    private static (int ExitCode, string Output, string Error) Start(List<string> command, string? input, Dictionary<string, string> environment)
    {
        ProcessStartInfo start = new(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        command.Skip(1).ToList().ForEach(start.ArgumentList.Add);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + command[0]);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using StreamWriter stdin = new(process.StandardInput.BaseStream, new UTF8Encoding(false));
            stdin.Write(input ?? string.Empty);
        }
        catch (IOException)
        {
            // The tool stopped before reading its input (a file it could not open); what it printed says why.
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The file names of the runtime assemblies a deps.json lists (upon's own, Upon.Core, NodaTime, System.CommandLine).</summary>
    private static IEnumerable<string> RuntimeAssemblies(string depsJson)
    {
        using JsonDocument deps = JsonDocument.Parse(File.ReadAllBytes(depsJson));
        return [.. deps.RootElement.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject()
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject().Select(asset => Path.GetFileName(asset.Name)))
            .Where(name => name != "upon.dll")
            .Distinct(StringComparer.Ordinal)];
    }
}
