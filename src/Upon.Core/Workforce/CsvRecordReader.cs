using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// A small RFC 4180 reader, so that Upon.Core keeps NodaTime as its only runtime dependency: fields
/// separated by commas; a field in double quotes may hold commas, line breaks and doubled quotes;
/// records end with CRLF or LF; a leading UTF-8 byte order mark is skipped (by the <see cref="TextReader"/>).
/// Lines that are entirely empty are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder field = new();

    /// <summary>How a record was read.</summary>
    public enum Status
    {
        /// <summary>The record is well-formed.</summary>
        Ok,

        /// <summary>A quote appears inside an unquoted field, or a character follows a closing quote.</summary>
        StrayQuote,

        /// <summary>The input ends inside a quoted field; the record runs to the end of the input.</summary>
        UnclosedQuote,
    }

    /// <summary>A field as RFC 4180 writes it: in double quotes, with quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryRead(List<string> fields, out Status status)
    {
        fields.Clear();
        status = Status.Ok;
        int c = reader.Read();
        while (c is '\r' or '\n')
        {
            c = reader.Read();
        }

        if (c < 0)
        {
            return false;
        }

        while (true)
        {
            field.Clear();
            if (c == '"')
            {
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                    {
                        status = Status.UnclosedQuote;
                        fields.Add(field.ToString());
                        return true;
                    }

                    if (c == '"')
                    {
                        c = reader.Read();
                        if (c != '"')
                        {
                            break;
                        }
                    }

                    field.Append((char)c);
                }

                // After the closing quote: a separator, a line break or the end; anything else is malformed.
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    status = Status.StrayQuote;
                    field.Append((char)c);
                    c = reader.Read();
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    if (c == '"')
                    {
                        status = Status.StrayQuote;
                    }

                    field.Append((char)c);
                    c = reader.Read();
                }
            }

            fields.Add(field.ToString());
            if (c == ',')
            {
                c = reader.Read();
                continue;
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            return true;
        }
    }
}
