using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using Upon.Cli;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// <see cref="OutputFile"/>: a file is replaced whole or not at all, a device or FIFO is written directly, and every
/// failure is one line. The failure half way is made here by the content writer, as a full disk would make it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-output-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_FailsHalfWay_LeavesTheOldFileWholeAndNoTemporaryFile()
    {
        string file = Existing("keep.ics", "OLD");
        using StringWriter error = new() { NewLine = "\n" };

        bool written = OutputFile.Write(
            file,
            stream =>
            {
                stream.Write(new byte[64 * 1024]);
                throw new IOException("No space left on device : '" + file + "'");
            },
            error);

        Assert.False(written);
        Assert.Equal($"upon: cannot write '{file}': No space left on device.\n", error.ToString());
        Assert.Equal("OLD", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Write_ABugInTheWriter_LeavesTheOldFileWholeAndNoTemporaryFile_AndIsNotHidden()
    {
        string file = Existing("keep.svg", "OLD");

        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(
            file,
            stream =>
            {
                stream.WriteByte(1);
                throw new InvalidOperationException("a bug");
            },
            TextWriter.Null));

        Assert.Equal("OLD", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Write_WritesThroughAHiddenTemporaryFileInTheSameFolder()
    {
        string file = Path.Combine(folder, "new.ics");
        string[] during = [];

        bool written = OutputFile.WriteText(file, writer =>
        {
            writer.WriteLine("BEGIN:VCALENDAR");
            during = Directory.GetFileSystemEntries(folder);
        }, TextWriter.Null);

        Assert.True(written);
        Assert.Equal("BEGIN:VCALENDAR\n", File.ReadAllText(file));
        string temporary = Path.GetFileName(Assert.Single(during));
        Assert.Matches(@"^\.new\.ics\.[0-9a-f]{12}\.tmp$", temporary);
        Assert.Equal([file], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Write_KeepsThePermissionsOfTheFileItReplaces()
    {
        string file = Existing("private.jsonl", "OLD");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.True(OutputFile.Write(file, stream => stream.WriteByte((byte)'{'), TextWriter.Null));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("{", File.ReadAllText(file));
    }

    [Fact]
    public void Write_ThroughASymbolicLink_ReplacesTheFileItPointsToAndKeepsTheLink()
    {
        string target = Existing("target.svg", "OLD");
        string link = Path.Combine(folder, "link.svg");
        File.CreateSymbolicLink(link, target);

        Assert.True(OutputFile.Write(link, stream => stream.WriteByte((byte)'<'), TextWriter.Null));

        Assert.Equal(target, File.ResolveLinkTarget(link, returnFinalTarget: true)!.FullName);
        Assert.Equal("<", File.ReadAllText(target));
        Assert.Equal([link, target], Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_ToAFifo_WritesIntoItAndLeavesItAFifo()
    {
        string fifo = Path.Combine(folder, "pipe");
        using (Process mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        Task<string> reader = Task.Run(() => File.ReadAllText(fifo));
        bool written = OutputFile.WriteText(fifo, writer => writer.Write("through the pipe"), TextWriter.Null);

        Assert.True(written);
        Assert.Equal("through the pipe", await reader.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(folder));
        Assert.Equal(0, new FileInfo(fifo).Length);
    }

    [Fact]
    public void Write_ToADevice_WritesItDirectly()
    {
        int before = Directory.GetFileSystemEntries("/dev").Length;

        Assert.True(OutputFile.Write("/dev/null", stream => stream.Write(new byte[10_000]), TextWriter.Null));

        Assert.Equal(before, Directory.GetFileSystemEntries("/dev").Length);
    }

    [Fact]
    public void Write_FolderWithControlCharacters_IsNamedEscaped()
    {
        string file = Path.Combine(folder, "no\u001b]0;x\u0007such", "out.svg");
        using StringWriter error = new() { NewLine = "\n" };

        Assert.False(OutputFile.Write(file, stream => stream.WriteByte(0), error));

        string shown = Path.Combine(folder, "no\\u001b]0;x\\u0007such");
        Assert.Equal($"upon: cannot write '{shown}/out.svg': the folder '{shown}' does not exist.\n", error.ToString());
    }

    private string Existing(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
