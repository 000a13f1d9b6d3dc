using System.Security.Cryptography;

namespace Upon.Cli;

/// <summary>
/// A file the command line writes (an iCalendar file, a chart, the selected candidates, the demo's results). Every
/// file the CLI writes is written here, so that a file is either replaced whole or left as it was:
/// <list type="bullet">
/// <item>The content goes to a hidden temporary file in the same folder (<c>.NAME.RANDOM.tmp</c>), is flushed to
/// disk, and only then moved over the target; on any failure the temporary file is deleted and the old file is
/// untouched. A symbolic link is followed: the file it points to is replaced, not the link.</item>
/// <item>A target that exists but is not a regular file (a device such as <c>/dev/null</c>, <c>/dev/stdout</c> or
/// <c>/dev/full</c>, a FIFO) is written directly: no temporary file is made beside a device, and no device node is
/// replaced. It is told apart by its place (anything under <c>/dev/</c>) or by not being seekable.</item>
/// <item>Every failure (a folder as target, a folder that does not exist, permission denied, a full disk) is one
/// line on standard error naming the path as the user gave it, escaped (see <see cref="CliText.Escape"/>).</item>
/// </list>
/// </summary>
internal static class OutputFile
{
    /// <summary>The longest part of a target's name kept in its temporary file's name, so that name stays within 255 bytes.</summary>
    private const int MaxNameInTemporary = 160;

    /// <summary>
    /// Writes a file whole (see the type), its content from <paramref name="write"/>. Returns false after one line
    /// on <paramref name="error"/> when the file cannot be written; the caller then exits 1.
    /// </summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="write">Writes the content to the stream it is given, which it must not dispose.</param>
    /// <param name="error">Where the line goes when the file cannot be written.</param>
    /// <returns>True when the whole content is in place.</returns>
    public static bool Write(string path, Action<Stream> write, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(error);
        string shown = CliText.Escape(path);
        if (path.Length == 0)
        {
            error.WriteLine("upon: cannot write '': no file name was given.");
            return false;
        }

        try
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                error.WriteLine($"upon: cannot write '{shown}': it is a folder, not a file.");
                return false;
            }

            string target = File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
            string? folder = Path.GetDirectoryName(target);
            if (folder is null || !Directory.Exists(folder))
            {
                error.WriteLine($"upon: cannot write '{shown}': the folder '{CliText.Escape(folder ?? full)}' does not exist.");
                return false;
            }

            if (File.Exists(target) && WriteDirectly(full, target, write))
            {
                return true;
            }

            Replace(target, folder, write);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException || IsFileTooLarge(exception))
        {
            error.WriteLine($"upon: cannot write '{shown}': {exception switch
            {
                UnauthorizedAccessException => "permission denied",
                IOException => InputFile.Reason(exception),
                _ => "the file is larger than the file system or a limit on file size allows",
            }}.");
            return false;
        }
    }

    /// <summary>
    /// Writes a text file whole (see <see cref="Write(string, Action{Stream}, TextWriter)"/>): UTF-8 without a byte
    /// order mark, lines ended by LF.
    /// </summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="write">Writes the text.</param>
    /// <param name="error">Where the line goes when the file cannot be written.</param>
    /// <returns>True when the whole content is in place.</returns>
    public static bool WriteText(string path, Action<TextWriter> write, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Write(
            path,
            stream =>
            {
                using StreamWriter writer = new(stream, new UTF8Encoding(false), bufferSize: -1, leaveOpen: true) { NewLine = "\n" };
                write(writer);
            },
            error);
    }

    /// <summary>
    /// When the existing <paramref name="target"/> is a device or a FIFO, writes to it and returns true; when it is a
    /// regular file, returns false without changing it. Opening it for writing (without truncating) is what tells a
    /// pipe from a file, and opening a FIFO waits for its reader, as any writer of a FIFO does.
    /// </summary>
    private static bool WriteDirectly(string full, string target, Action<Stream> write)
    {
        bool device = full.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith("/dev/", StringComparison.Ordinal);
        using FileStream stream = new(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        if (!device && stream.CanSeek)
        {
            return false;
        }

        write(stream);
        stream.Flush();
        return true;
    }

    /// <summary>Writes a temporary file beside <paramref name="target"/>, flushes it to disk and moves it over the target; deletes it on any failure.</summary>
    private static void Replace(string target, string folder, Action<Stream> write)
    {
        string name = Path.GetFileName(target);
        string temporary = Path.Combine(folder, $".{(name.Length > MaxNameInTemporary ? name[..MaxNameInTemporary] : name)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        FileStream stream = new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        bool moved = false;
        try
        {
            using (stream)
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // The replacement keeps the permissions of the file it replaces (a private file stays private).
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
            moved = true;
        }
        finally
        {
            if (!moved)
            {
                Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Whether an exception is how .NET reports <c>EFBIG</c> (a write past the largest file the file system or
    /// <c>ulimit -f</c> allows): an <see cref="ArgumentOutOfRangeException"/> for the parameter "value", not an
    /// <see cref="IOException"/>.
    /// </summary>
    private static bool IsFileTooLarge(Exception exception) => exception is ArgumentOutOfRangeException { ParamName: "value" };

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The failure that brought us here is the one to report; a temporary file that cannot be deleted is hidden.
        }
    }
}
