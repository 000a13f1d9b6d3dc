using System;
using System.IO;
using System.Text;
using Upon.Cli;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// The files every command reads and writes, run in this process: each reason a file cannot be read or written is
/// one line on standard error and exit 1, never a stack trace; files are replaced whole; paths are escaped.
/// Reading as an unprivileged user, standard input and a full file system are in <see cref="UponProcessTests"/>.
/// </summary>
public sealed class CliFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Every command that reads a document, with <c>{file}</c> where the document goes.</summary>
    public static TheoryData<string> Readers() => ReadingCommand.Names();

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_MissingFile_IsOneLineNamingTheWholePath_ExitOne(string command)
    {
        ReadingCommand reader = ReadingCommand.Find(command);
        string missing = Path.Combine(folder, "no-such-file.json");

        (int exitCode, string output, string error) = Run(reader.With(missing));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: the {reader.Role} '{missing}' does not exist.\n", error);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_Folder_IsOneLineSayingItIsAFolder_ExitOne(string command)
    {
        ReadingCommand reader = ReadingCommand.Find(command);
        string directory = Directory.CreateDirectory(Path.Combine(folder, "a-folder.json")).FullName;

        (int exitCode, string output, string error) = Run(reader.With(directory));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: the {reader.Role} '{directory}' is a folder, not a file.\n", error);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_IOErrorHalfWay_IsOneLineNamingTheFile_ExitOne(string command)
    {
        // Linux answers a read of a process's memory at address 0 with EIO: the file opens, then reading fails.
        ReadingCommand reader = ReadingCommand.Find(command);

        (int exitCode, string output, string error) = Run(reader.With("/proc/self/mem"));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: the {reader.Role} '/proc/self/mem' cannot be read: Input/output error.\n", error);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("progress", "--as-of", "2022-01-10")]
    [InlineData("ics", "-o", "/dev/null")]
    public void Timeline_MissingFile_ExitsOneLikeEveryOtherCommand(string subcommand, params string[] options)
    {
        (int exitCode, _, string error) = Run(["timeline", subcommand, "year2.json", .. options]);

        Assert.Equal(1, exitCode);
        Assert.Equal("upon: the file 'year2.json' does not exist.\n", error);
    }

    [Fact]
    public void EmptyPath_IsOneLine_ExitOne()
    {
        Assert.Equal((1, string.Empty, "upon: the calendar file '' does not exist.\n"), Run("holidays", "2022", "--calendar", string.Empty));
        Assert.Equal((1, string.Empty, "upon: cannot write '': no file name was given.\n"), Run("timeline", "ics", "2021/22", "-o", string.Empty));
    }

    [Fact]
    public void StandardInput_ForTwoDocuments_IsAUsageError()
    {
        (int exitCode, _, string error) = Run("eligibility", "check", "-", "--policies", "-");

        Assert.Equal(2, exitCode);
        Assert.Equal("upon: standard input ('-') can be read once: give FILE or --policies as a file.\nRun 'upon eligibility check --help' for usage.\n", error);
    }

    [Fact]
    public void Read_PathWithControlCharacters_IsEscapedInTheMessage()
    {
        string hostile = Path.Combine(folder, "x\u001b[31m\nrecord 99: FAKE\u202e.json");

        (int exitCode, _, string error) = Run("holidays", "2022", "--calendar", hostile);

        Assert.Equal(1, exitCode);
        Assert.Equal($"upon: the calendar file '{folder}/x\\u001b[31m\\u000arecord 99: FAKE\\u202e.json' does not exist.\n", error);
    }

    [Fact]
    public void Read_ProblemPathWithControlCharacters_ReachesNoTerminalRaw()
    {
        // A JSON escape in a property name puts ESC, a line feed and a bidi override in the name the reader sees.
        string file = Write("candidates.jsonl", """{"x\u001b[31m\nrecord 99: FAKE LINE\u202e":1}""" + "\n");

        (int exitCode, _, string error) = Run("cohort", "select", file, "--capacity", "1");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u202e', error);
        Assert.DoesNotContain("\nrecord 99", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ics_ToDevFull_IsOneLine_ExitOne()
    {
        (int exitCode, string output, string error) = Run("timeline", "ics", "2021/22", "-o", "/dev/full");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: cannot write '/dev/full': No space left on device", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void Ics_ToDevNull_WritesTheDeviceAndMakesNoFileInDev()
    {
        string[] before = Directory.GetFileSystemEntries("/dev", ".null.*");

        (int exitCode, _, string error) = Run("timeline", "ics", "2021/22", "-o", "/dev/null");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal(before, Directory.GetFileSystemEntries("/dev", ".null.*"));
    }

    [Fact]
    public void Ics_ToAFolder_IsOneLine_ExitOne()
    {
        (int exitCode, _, string error) = Run("timeline", "ics", "2021/22", "-o", folder);

        Assert.Equal(1, exitCode);
        Assert.Equal($"upon: cannot write '{folder}': it is a folder, not a file.\n", error);
    }

    [Fact]
    public void Ics_InAFolderThatDoesNotExist_IsOneLine_ExitOne()
    {
        string file = Path.Combine(folder, "no", "such", "year2.ics");

        (int exitCode, _, string error) = Run("timeline", "ics", "2021/22", "-o", file);

        Assert.Equal(1, exitCode);
        Assert.Equal($"upon: cannot write '{file}': the folder '{Path.Combine(folder, "no", "such")}' does not exist.\n", error);
    }

    [Fact]
    public void Ics_OverAnExistingFile_ReplacesItWholeAndLeavesNoTemporaryFile()
    {
        string file = Write("year2.ics", "OLD");

        (int exitCode, _, _) = Run("timeline", "ics", "2021/22", "-o", file, "--stamp", "2026-11-22T09:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("BEGIN:VCALENDAR", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Svg_ToDevFull_IsOneLine_ExitOne()
    {
        string appointments = Repository.PathOf("docs", "examples", "appointments.csv");

        (int exitCode, _, string error) = Run("tenure", appointments, "--as-of", "2025-03-31", "--svg", "/dev/full");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("upon: cannot write '/dev/full': No space left on device", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Fact]
    public void Svg_ToAFolder_IsOneLine_ExitOne()
    {
        string appointments = Repository.PathOf("docs", "examples", "appointments.csv");

        (int exitCode, _, string error) = Run("turnover", appointments, "--as-of", "2025-03-31", "--on-error", "continue", "--svg", folder);

        Assert.Equal(1, exitCode);
        Assert.EndsWith($"upon: cannot write '{folder}': it is a folder, not a file.\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteSelected_ToAFolder_IsOneLine_ExitOne()
    {
        string candidates = Repository.PathOf("docs", "examples", "year2-candidates.jsonl");

        (int exitCode, _, string error) = Run("cohort", "select", candidates, "--capacity", "5", "--write-selected", folder);

        Assert.Equal(1, exitCode);
        Assert.Equal($"upon: cannot write '{folder}': it is a folder, not a file.\n", error);
    }

    [Fact]
    public void Demo_OutIsAFile_IsOneLine_ExitOne()
    {
        string file = Write("results", "not a folder");

        (int exitCode, string output, string error) = Run("demo", "--out", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"upon: --out '{file}' is a file, not a folder.\n", error);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void StandardOutputFailing_IsOneLineOnStandardError_ExitOne()
    {
        using StringWriter error = new() { NewLine = "\n" };

        int exitCode = UponCommandLine.Run(["holidays", "2022"], new FullDevice(), error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("upon: No space left on device", error.ToString(), StringComparison.Ordinal);
        Assert.Single(Lines(error.ToString()));
    }

    [Fact]
    public void ProgrammerError_IsSaidToBeABug_OnStandardErrorOnly_ExitOne()
    {
        using StringWriter error = new() { NewLine = "\n" };

        int exitCode = UponCommandLine.Run(["holidays", "2022"], new BrokenWriter(), error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("upon: internal error (a bug in upon; please report it): System.InvalidOperationException: a bug.\n", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.ToString(), StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string Write(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);

    /// <summary>A writer on a full disk: every write fails as writing to <c>/dev/full</c> does.</summary>
    private sealed class FullDevice : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");
    }

    /// <summary>A writer with a bug: every write throws what no I/O failure throws.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new InvalidOperationException("a bug");
    }
}
