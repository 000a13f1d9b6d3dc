using System;
using System.IO;
using System.Text;

namespace Upon.Core.Tests.Support;

/// <summary>The text a document type's <c>Write(Stream, …)</c> writes, for tests that put it in a string or a file.</summary>
internal static class DocumentText
{
    /// <summary>Runs <paramref name="write"/> on a fresh stream and returns what it wrote, decoded as UTF-8.</summary>
    public static string Of(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Runs <paramref name="write"/> on a fresh stream and returns the bytes it wrote.</summary>
    public static byte[] Bytes(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return stream.ToArray();
    }
}
