using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Upon.Core.Fuzz.Documents;

/// <summary>Writes fuzzed trees and tables to bytes, expanding raw chunks verbatim.</summary>
internal static class DocumentWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes a record compactly, or indented with two spaces (so that its first line is only <c>{</c>).</summary>
    public static void Write(MemoryStream output, JsonTree tree, bool indented, string newline = "\n", int depth = 0)
    {
        switch (tree)
        {
            case JsonObject obj:
                output.WriteByte((byte)'{');
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)',');
                    }

                    Indent(output, indented, newline, depth + 1);
                    WriteString(output, obj.Members[i].Key);
                    output.WriteByte((byte)':');
                    if (indented)
                    {
                        output.WriteByte((byte)' ');
                    }

                    Write(output, obj.Members[i].Value, indented, newline, depth + 1);
                }

                if (obj.Members.Count > 0)
                {
                    Indent(output, indented, newline, depth);
                }

                output.WriteByte((byte)'}');
                break;
            case JsonArray array:
                output.WriteByte((byte)'[');
                for (int i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.WriteByte((byte)',');
                    }

                    Indent(output, indented, newline, depth + 1);
                    Write(output, array.Items[i], indented, newline, depth + 1);
                }

                if (array.Items.Count > 0)
                {
                    Indent(output, indented, newline, depth);
                }

                output.WriteByte((byte)']');
                break;
            case JsonString text:
                WriteString(output, text.Value);
                break;
            case JsonRaw raw:
                WriteText(output, raw.Text, escape: false);
                break;
        }
    }

    /// <summary>Writes a JSON string: quotes, escapes as JSON requires, raw chunks verbatim.</summary>
    public static void WriteString(MemoryStream output, string value)
    {
        output.WriteByte((byte)'"');
        WriteText(output, value, escape: true);
        output.WriteByte((byte)'"');
    }

    /// <summary>Writes one CSV field: quoted (quotes doubled) when it holds a comma, quote or line break; raw chunks verbatim.</summary>
    public static void WriteCsvField(MemoryStream output, string field)
    {
        bool quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (quote)
        {
            output.WriteByte((byte)'"');
            WriteText(output, field.Replace("\"", "\"\"", System.StringComparison.Ordinal), escape: false);
            output.WriteByte((byte)'"');
        }
        else
        {
            WriteText(output, field, escape: false);
        }
    }

    /// <summary>Writes a CSV table; <paramref name="lineEnds"/> gives the end of each row (and may be shorter: then LF).</summary>
    public static void WriteCsv(MemoryStream output, IReadOnlyList<List<string>> rows, IReadOnlyList<string> lineEnds)
    {
        for (int r = 0; r < rows.Count; r++)
        {
            for (int f = 0; f < rows[r].Count; f++)
            {
                if (f > 0)
                {
                    output.WriteByte((byte)',');
                }

                WriteCsvField(output, rows[r][f]);
            }

            WriteText(output, r < lineEnds.Count ? lineEnds[r] : "\n", escape: false);
        }
    }

    private static void Indent(MemoryStream output, bool indented, string newline, int depth)
    {
        if (!indented)
        {
            return;
        }

        WriteText(output, newline, escape: false);
        for (int i = 0; i < depth; i++)
        {
            output.WriteByte((byte)' ');
            output.WriteByte((byte)' ');
        }
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static void WriteText(MemoryStream output, string text, bool escape)
    {
        // Most text needs neither escapes nor raw chunks: write it at once.
        if ((!escape || text.AsSpan().IndexOfAny(Special) < 0) && text.AsSpan().IndexOfAnyInRange(RawChunks.FirstMarker, (char)(RawChunks.FirstMarker + 0xFF)) < 0)
        {
            output.Write(Utf8.GetBytes(text));
            return;
        }

        StringBuilder pending = new();
        foreach (char c in text)
        {
            if (RawChunks.IsMarker(c, out int chunk))
            {
                Flush(output, pending);
                output.Write(RawChunks.All[chunk].Bytes);
            }
            else if (escape && c is '"' or '\\')
            {
                pending.Append('\\').Append(c);
            }
            else if (escape && c < 0x20)
            {
                pending.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            else
            {
                pending.Append(c);
            }
        }

        Flush(output, pending);
    }

    private static void Flush(MemoryStream output, StringBuilder pending)
    {
        if (pending.Length > 0)
        {
            output.Write(Utf8.GetBytes(pending.ToString()));
            pending.Clear();
        }
    }
}
