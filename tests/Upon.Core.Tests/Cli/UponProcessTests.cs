using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// <c>upon</c> as a child process (see <see cref="UponTool"/>): standard input <c>-</c> for every command that reads
/// a document, a file the user may not read, standard output on a full device, and a file system that refuses the
/// rest of a file half way (a limit on file size, as a nearly full disk would).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class UponProcessTests : IClassFixture<UponTool>, IDisposable
{
    private readonly UponTool tool;
    private readonly string folder = Directory.CreateTempSubdirectory("upon-process-").FullName;

    public UponProcessTests(UponTool tool)
    {
        this.tool = tool;
        UponTool.MakeReadableByAll(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> Commands() => ReadingCommand.Names();

    [Theory]
    [MemberData(nameof(Commands))]
    public void Read_Dash_ReadsStandardInput(string command)
    {
        ReadingCommand reader = ReadingCommand.Find(command);

        (int exitCode, string output, string error) = tool.Run(With(reader.Args, "-"), reader.Document);

        Assert.True(exitCode == reader.ExitCode, $"exit {exitCode}: {error}");
        Assert.Contains(reader.Shows, output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Read_FileTheUserMayNotRead_IsOneLineNamingTheWholePath_ExitOne(string command)
    {
        ReadingCommand reader = ReadingCommand.Find(command);
        string secret = Path.Combine(folder, "secret.json");
        File.WriteAllText(secret, reader.Document);
        File.SetUnixFileMode(secret, UnixFileMode.None);

        (int exitCode, string output, string error) = tool.Run(With(reader.Args, secret), unprivileged: true);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: the {reader.Role} '{secret}' cannot be read: permission denied.\n", error);
    }

    [Fact]
    public void StandardOutputOnAFullDevice_IsOneLineOnStandardError_ExitOne()
    {
        (int exitCode, _, string error) = tool.RunShell("exec $UPON holidays 2022 > /dev/full");

        Assert.Equal(1, exitCode);
        Assert.Equal("upon: standard output cannot be written: No space left on device.\n", error);
    }

    [Theory]
    [InlineData("timeline", "ics", "2021/22", "-o", "{out}")]
    [InlineData("tenure", "{examples}/appointments.csv", "--as-of", "2025-03-31", "--on-error", "continue", "--svg", "{out}")]
    public void Write_FileSystemRefusesTheRest_LeavesTheOldFileWholeAndNoTemporaryFile(params string[] command)
    {
        // A limit of 1 KiB on the size of any file the tool writes: the new file (over 4 KiB) cannot be written whole,
        // as on a nearly full disk. SIGXFSZ is ignored so that the write fails instead of the process being killed.
        string old = new('x', 100);
        string file = Path.Combine(folder, "keep.out");
        File.WriteAllText(file, old);
        string[] args = [.. With(command, string.Empty).Select(a => a == "{out}" ? file : a)];

        (int exitCode, _, string error) = tool.RunShell("trap '' XFSZ; ulimit -f 1; exec $UPON \"$@\"", args);

        Assert.Equal(old, File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(folder).Where(f => !f.EndsWith("examples", StringComparison.Ordinal)));
        Assert.Equal(1, exitCode);
        Assert.Equal($"upon: cannot write '{file}': the file is larger than the file system or a limit on file size allows.\n", error);
    }

    /// <summary>The command line with the document at <paramref name="file"/>, and a copy of docs/examples that <c>nobody</c> may read.</summary>
    private string[] With(string[] args, string file)
    {
        string examples = Path.Combine(folder, "examples");
        if (!Directory.Exists(examples))
        {
            Directory.CreateDirectory(examples);
            UponTool.MakeReadableByAll(examples);
            foreach (string example in Directory.GetFiles(Repository.PathOf("docs", "examples")))
            {
                File.Copy(example, Path.Combine(examples, Path.GetFileName(example)));
            }
        }

        return ReadingCommand.With(args, file, examples);
    }
}
