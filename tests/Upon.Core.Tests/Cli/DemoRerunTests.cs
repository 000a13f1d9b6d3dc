using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>Every command <c>upon demo</c> prints runs as printed from docs/examples/ and gives the output the demo shows.</summary>
public sealed partial class DemoRerunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-demo-rerun-").FullName;

    /// <summary>Copies docs/examples/ to a folder of its own: one step writes a file (selected.jsonl) that the next reads.</summary>
    public DemoRerunTests()
    {
        foreach (string file in Directory.GetFiles(Repository.PathOf("docs", "examples")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void EveryPrintedCommand_RunsFromTheExamplesFolder_AndGivesTheDemosOutput()
    {
        (int exitCode, string demo, _) = InProcessCli.Run("demo");
        Assert.Equal(0, exitCode);
        string[] commands = [.. demo.Split('\n').Where(line => line.StartsWith("$ upon ", StringComparison.Ordinal))];
        Assert.Equal(13, commands.Length);

        foreach (string command in commands)
        {
            string[] args = [.. Words().Matches(command["$ upon ".Length..]).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value)];
            Assert.All(args.Where(IsFile).Where(a => !a.StartsWith("selected", StringComparison.Ordinal)), file => Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is not in docs/examples/"));
            (_, string output, string error) = InProcessCli.Run([.. args.Select(a => IsFile(a) ? Path.Combine(folder, a) : a)]);

            Assert.Equal(string.Empty, error);
            Assert.Contains($"{command}\n{output}", demo, StringComparison.Ordinal);
        }
    }

    private static bool IsFile(string argument) =>
        argument.EndsWith(".csv", StringComparison.Ordinal) || argument.EndsWith(".json", StringComparison.Ordinal) || argument.EndsWith(".jsonl", StringComparison.Ordinal);

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|[^ ]+")]
    private static partial Regex Words();
}
