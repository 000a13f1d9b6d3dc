using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Packaging;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// <c>upon serve</c> as a child process on a free loopback port: the curl examples of docs/service.md, run as written
/// against it and compared with the output the page shows; a policy folder that cannot be loaded; usage errors; and a
/// stop by SIGTERM, exit 0.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ServeCommandTests(UponTool tool) : IClassFixture<UponTool>
{
    private const string DocumentedAddress = "http://127.0.0.1:5000";
    private const string Marker = "<!-- serve-example -->";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void DocExamples_RunAgainstUponServe_PrintWhatThePageShows()
    {
        List<(string Command, string Expected, int Line)> examples = Examples();
        Assert.True(examples.Count >= 5, $"docs/service.md has {examples.Count} serve examples.");
        Assert.True(Which("curl"), "the serve examples need curl (.ci/install-curl installs it).");

        using Server server = Server.Start(tool, "--urls", "http://127.0.0.1:0");
        foreach ((string command, string expected, int line) in examples)
        {
            (int exitCode, string output, string error) = Shell(command.Replace(DocumentedAddress, server.Address, StringComparison.Ordinal));
            Assert.True(exitCode == 0, $"docs/service.md:{line}: exit {exitCode}: {error}");
            Assert.True(Matches(expected, output.TrimEnd('\n')), $"docs/service.md:{line}: the page shows{Environment.NewLine}{expected}{Environment.NewLine}but the command printed{Environment.NewLine}{output}");
        }

        Assert.Equal(0, server.Stop());
    }

    [Fact]
    public void PolicyFolder_ServesItsPolicies_BesideTheBuiltInOnes()
    {
        string folder = Directory.CreateTempSubdirectory("upon-serve-").FullName;
        try
        {
            EligibilityPolicy policy = new("aspirant-2030-31", 1, "2030/31", new NodaTime.LocalDate(2030, 9, 1), null, "Year 2030/31", BuiltInPolicies.Year3.Rule, ["A policy of the test's."]);
            using (FileStream file = File.Create(Path.Combine(folder, "2030-31.json")))
            {
                PolicyDocument.Write(file, [policy]);
            }

            using Server server = Server.Start(tool, "--urls", "http://127.0.0.1:0", "--policies", folder);
            (int exitCode, string output, _) = Shell($"curl -s {server.Address}/eligibility/policies | grep -o '\"id\":\"[^\"]*\"' | sort -u");
            Assert.Equal(0, exitCode);
            Assert.Equal("\"id\":\"aspirant-2020-21\"\n\"id\":\"aspirant-2021-22\"\n\"id\":\"aspirant-2022-23\"\n\"id\":\"aspirant-2030-31\"\n", output);
            Assert.Equal(0, server.Stop());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void BadPolicyDocument_ListsEveryProblem_ExitOne()
    {
        string folder = Directory.CreateTempSubdirectory("upon-serve-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{\"id\": \"x\"");
            File.WriteAllText(Path.Combine(folder, "empty.json"), "{}");

            (int exitCode, string output, string error) = tool.Run(["serve", "--urls", "http://127.0.0.1:0", "--policies", folder, "--quiet"]);

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, output);
            string[] lines = [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("upon: ", StringComparison.Ordinal))];
            Assert.Contains(lines, l => l.StartsWith("upon: broken.json: $", StringComparison.Ordinal) && l.EndsWith("(json.invalid)", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("upon: empty.json: $", StringComparison.Ordinal) && l.EndsWith("(value.required)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--urls", "ftp://127.0.0.1:21")]
    [InlineData("--urls", "not a url")]
    [InlineData("--no-built-in")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        (int exitCode, _, string error) = tool.Run(["serve", .. args]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Run 'upon serve --help' for usage.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPolicyFolder_IsOneLine_ExitOne()
    {
        string missing = Path.Combine(Path.GetTempPath(), "upon-serve-missing-" + Guid.NewGuid().ToString("N"));

        (int exitCode, string output, string error) = tool.Run(["serve", "--policies", missing]);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: the policy folder '{missing}' does not exist.\n", error);
    }

    /// <summary>Each example: a <c>sh</c> block after the marker, and the <c>text</c> block after it.</summary>
    private static List<(string Command, string Expected, int Line)> Examples()
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "service.md"));
        List<(string, string, int)> examples = [];
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != Marker)
            {
                continue;
            }

            Assert.True(lines[i + 1] == "```sh", $"docs/service.md:{i + 2}: a serve example starts with a sh block.");
            int end = Array.IndexOf(lines, "```", i + 2);
            string command = string.Join('\n', lines[(i + 2)..end]).Replace("\\\n", string.Empty, StringComparison.Ordinal);
            Assert.True(lines[end + 1] == "```text", $"docs/service.md:{end + 2}: a serve example's output follows as a text block.");
            int outputEnd = Array.IndexOf(lines, "```", end + 2);
            examples.Add((command, string.Join('\n', lines[(end + 2)..outputEnd]), i + 2));
            i = outputEnd;
        }

        return examples;
    }

    /// <summary>Whether <paramref name="actual"/> is <paramref name="expected"/>, each <c>…</c> in it standing for any text.</summary>
    private static bool Matches(string expected, string actual) =>
        Regex.IsMatch(actual, "^" + string.Join(".*?", expected.Split('…').Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    private static (int ExitCode, string Output, string Error) Shell(string command)
    {
        ProcessStartInfo start = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not finish within {Timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static bool Which(string program) => Shell($"command -v {program}").ExitCode == 0;

    /// <summary><c>upon serve</c> running: its address, read from its first line on standard output.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder error = new();

        private Server(Process process, string address)
        {
            this.process = process;
            Address = address;
        }

        public string Address { get; }

        public static Server Start(UponTool tool, params string[] args)
        {
            ProcessStartInfo start = new(DotNetCli.DotNetPath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Repository.Root,
            };
            foreach (string arg in (string[])[Path.Combine(tool.Folder, "upon.dll"), "serve", .. args])
            {
                start.ArgumentList.Add(arg);
            }

            Process process = Process.Start(start)!;
            Task<string?> first = process.StandardOutput.ReadLineAsync();
            if (!first.Wait(Timeout) || first.Result is not string line || !line.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                string error = process.StandardError.ReadToEnd();
                process.Dispose();
                throw new InvalidOperationException($"upon serve did not say where it listens within {Timeout}: {error}");
            }

            Server server = new(process, line["Listening on ".Length..].Trim());
            process.ErrorDataReceived += (_, e) =>
            {
                lock (server.error)
                {
                    server.error.AppendLine(e.Data);
                }
            };
            process.BeginErrorReadLine();
            return server;
        }

        /// <summary>Sends SIGTERM, as a service manager stops a service, and returns the exit code.</summary>
        public int Stop()
        {
            Assert.Equal(0, Shell($"kill -TERM {process.Id}").ExitCode);
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"upon serve did not stop within {Timeout} of SIGTERM.");
            }

            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
