namespace Upon.Core.Workforce;

/// <summary>
/// Tells CSV from JSON for the workforce files (appointments and authority registers): by the file's extension when
/// it has a known one, else by the first significant byte of its content.
/// </summary>
/// <remarks>
/// <para>
/// The extensions are <c>.csv</c> for CSV and <c>.json</c>, <c>.jsonl</c> and <c>.ndjson</c> for JSON, in any case.
/// Without one, the content decides: after any white space (space, tab, line feed, carriage return) and UTF-8 byte
/// order mark, <c>[</c> or <c>{</c> is JSON and anything else (an empty file too) is CSV. Only the bytes up to that
/// one are read, and they are given back in front of the rest, so a stream that cannot seek, such as standard
/// input, is never read whole. Stateless and thread-safe.
/// </para>
/// </remarks>
public static class WorkforceFormat
{
    /// <summary>Gets the format a file name's extension gives.</summary>
    /// <param name="fileName">A file name or path.</param>
    /// <returns>The format, or null when the extension is none of <c>.csv</c>, <c>.json</c>, <c>.jsonl</c>, <c>.ndjson</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    public static WorkforceFileFormat? FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string extension = Path.GetExtension(fileName);
        return extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? WorkforceFileFormat.Csv
            : extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase) ? WorkforceFileFormat.Json
            : null;
    }

    /// <summary>
    /// Tells the format of a stream by its first significant byte, and gives the stream to read it from: the bytes
    /// looked at, then the rest of <paramref name="stream"/>.
    /// </summary>
    /// <param name="stream">The stream, at the start of the file; read from its current position.</param>
    /// <param name="format">The format found.</param>
    /// <returns>The stream to read the file from; disposing it disposes <paramref name="stream"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">Reading <paramref name="stream"/> failed.</exception>
    public static Stream Detect(Stream stream, out WorkforceFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        List<byte> head = [];
        int b;
        do
        {
            b = stream.ReadByte();
            if (b >= 0)
            {
                head.Add((byte)b);
            }
        }
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);

        format = b is '[' or '{' ? WorkforceFileFormat.Json : WorkforceFileFormat.Csv;
        byte[] looked = [.. head];
        return new ReplayedStream(looked, stream);
    }

    /// <summary>
    /// Tells the format of a file by its name (<see cref="FromFileName"/>) or, when the name does not tell, by its
    /// content (<see cref="Detect(Stream, out WorkforceFileFormat)"/>).
    /// </summary>
    /// <param name="fileName">The file's name or path, or null when it has none (standard input).</param>
    /// <param name="stream">The file's content, at its start.</param>
    /// <param name="format">The format found.</param>
    /// <returns>The stream to read the file from: <paramref name="stream"/> itself when the name told, else as <see cref="Detect(Stream, out WorkforceFileFormat)"/> returns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="IOException">Reading <paramref name="stream"/> failed.</exception>
    public static Stream Detect(string? fileName, Stream stream, out WorkforceFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (fileName is not null && FromFileName(fileName) is WorkforceFileFormat named)
        {
            format = named;
            return stream;
        }

        return Detect(stream, out format);
    }
}
