namespace Upon.Cli;

/// <summary>
/// A document the command line names: a file, or standard input for <c>-</c>. Every command that reads a document
/// opens it here, so that each reason it cannot be read (it does not exist, it is a folder, permission is denied,
/// another I/O error) is one line on standard error, naming the path as the user gave it (escaped, see
/// <see cref="CliText.Escape"/>), and never an exception.
/// </summary>
internal static class InputFile
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Whether <paramref name="path"/> means standard input.</summary>
    /// <param name="path">A path as the user gave it.</param>
    /// <returns>True for <c>-</c>.</returns>
    public static bool IsStandardInput(string path) => path == StandardInput;

    /// <summary>
    /// Opens a document for reading: the file at <paramref name="path"/>, or standard input for <c>-</c>. When it
    /// cannot be opened, writes one line on <paramref name="error"/>, such as
    /// <c>upon: the calendar file 'x.json' does not exist.</c>, and returns null.
    /// </summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="role">What the document is, for the message: "file", "calendar file", "register file"…</param>
    /// <param name="error">Where the line goes.</param>
    /// <returns>The open stream, which the caller disposes; or null after the line is written.</returns>
    public static Stream? Open(string path, string role, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (IsStandardInput(path))
            {
                return Console.OpenStandardInput();
            }

            if (path.Length == 0)
            {
                error.WriteLine($"upon: the {role} '' does not exist.");
                return null;
            }

            if (Directory.Exists(path))
            {
                error.WriteLine($"upon: the {role} '{CliText.Escape(path)}' is a folder, not a file.");
                return null;
            }

            return new ReadingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), path, role);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"upon: the {role} '{CliText.Escape(path)}' {Why(exception)}.");
            return null;
        }
    }

    /// <summary>
    /// Reads a whole document (see <see cref="Open"/>). Returns null after writing one line on
    /// <paramref name="error"/> when it cannot be opened or read.
    /// </summary>
    /// <param name="path">The path as the user gave it, or <c>-</c> for standard input.</param>
    /// <param name="role">What the document is, for the message.</param>
    /// <param name="error">Where the line goes.</param>
    /// <returns>Every byte of the document, or null.</returns>
    public static byte[]? ReadAll(string path, string role, TextWriter error)
    {
        using Stream? stream = Open(path, role, error);
        if (stream is null)
        {
            return null;
        }

        try
        {
            using MemoryStream copy = new();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (IOException exception)
        {
            // A failure half way: the stream's exception names the file already.
            error.WriteLine($"upon: {Reason(exception)}.");
            return null;
        }
    }

    /// <summary>Why a file cannot be read, to follow its name: "does not exist", "cannot be read: permission denied"…</summary>
    private static string Why(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "does not exist",
        UnauthorizedAccessException => "cannot be read: permission denied",
        _ => $"cannot be read: {Reason(exception)}",
    };

    /// <summary>
    /// The operating system's reason for an I/O failure, escaped, without the path .NET appends
    /// (<c>No space left on device : '/dev/full'</c>: the caller names the path) and without a final full stop.
    /// </summary>
    internal static string Reason(Exception exception)
    {
        string message = exception.Message.TrimEnd();
        int path = message.LastIndexOf(" : '", StringComparison.Ordinal);
        if (path > 0 && message.EndsWith('\''))
        {
            message = message[..path];
        }

        return CliText.Escape(message.TrimEnd('.'));
    }

    /// <summary>
    /// A file being read: a failure half way (an I/O error of the disk) becomes an <see cref="IOException"/> that
    /// names the file, which <see cref="UponCommandLine.Run"/> writes as one line.
    /// </summary>
    private sealed class ReadingStream(FileStream file, string path, string role) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => file.CanSeek;

        public override bool CanWrite => false;

        public override long Length => file.Length;

        public override long Position
        {
            get => file.Position;
            set => file.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return file.Read(buffer, offset, count);
            }
            catch (IOException exception)
            {
                throw Failed(exception);
            }
        }

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return file.Read(buffer);
            }
            catch (IOException exception)
            {
                throw Failed(exception);
            }
        }

        public override int ReadByte()
        {
            try
            {
                return file.ReadByte();
            }
            catch (IOException exception)
            {
                throw Failed(exception);
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private IOException Failed(IOException exception) =>
            new($"the {role} '{CliText.Escape(path)}' cannot be read: {Reason(exception)}", exception);
    }
}
