using System;
using System.IO;

namespace Upon.Core.Tests.Workforce.Oracle;

/// <summary>
/// The test oracle: the character reader Upon.Core used before it read bytes (0.2.0), kept unchanged so that a property can
/// compare the byte reader with it on every input. A small RFC 4180 reader. It reads one
/// record at a time into buffers it reuses, so reading allocates nothing per record.
/// </summary>
/// <remarks>
/// <para>
/// Fields are separated by commas. A record ends at a line break outside quotes: CRLF, LF or a lone CR, mixed
/// freely. Lines that are entirely empty are skipped and are not records.
/// </para>
/// <para>
/// A field in double quotes may hold commas, doubled quotes and line breaks (RFC 4180), so that every text the
/// writers quote reads back unchanged. A quote that is never closed therefore takes in the rest of the input:
/// the reader says so (<see cref="Status.UnclosedQuote"/>) and counts the lines the record covers
/// (<see cref="Lines"/>), so that the rows it takes in are never lost without a word.
/// </para>
/// <para>
/// Text is taken as the <see cref="TextReader"/> decodes it; a UTF-8 decoder replaces bytes that are not UTF-8
/// by U+FFFD, which <see cref="HasInvalidText"/> finds (see there).
/// </para>
/// </remarks>
internal sealed class TextCsvRecordReader(TextReader reader)
{
    private readonly char[] input = new char[16 * 1024];
    private int position;
    private int length;
    private bool ended;
    private char[] text = new char[256];
    private int textLength;
    private int[] fieldEnds = new int[8];
    private int fieldCount;

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

    /// <summary>Gets the number of fields of the record last read.</summary>
    public int FieldCount => fieldCount;

    /// <summary>Gets the number of lines the record last read covers: 1, plus one for each line break inside quotes.</summary>
    public int Lines { get; private set; }

    /// <summary>Gets field <paramref name="index"/> of the record last read, quotes removed; valid until the next read.</summary>
    /// <param name="index">The 0-based field index, less than <see cref="FieldCount"/>.</param>
    public ReadOnlySpan<char> this[int index] =>
        text.AsSpan(index == 0 ? 0 : fieldEnds[index - 1], fieldEnds[index] - (index == 0 ? 0 : fieldEnds[index - 1]));

    /// <summary>
    /// Whether <paramref name="field"/> holds text that is not valid Unicode: U+FFFD, which a UTF-8 decoder puts
    /// in place of bytes that are not UTF-8 (so a U+FFFD in a field always counts as damaged text), or half of a
    /// surrogate pair, which only a <see cref="TextReader"/> over a damaged string can give.
    /// </summary>
    public static bool HasInvalidText(ReadOnlySpan<char> field)
    {
        int at = field.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (field.Contains('\uFFFD'))
        {
            return true;
        }

        while (at >= 0)
        {
            if (!char.IsHighSurrogate(field[at]) || at + 1 == field.Length || !char.IsLowSurrogate(field[at + 1]))
            {
                return true;
            }

            at += 2;
            int next = field[at..].IndexOfAnyInRange('\uD800', '\uDFFF');
            at = next < 0 ? -1 : at + next;
        }

        return false;
    }

    /// <summary>Skips white space (and byte order marks) at the current position; false when nothing else is left.</summary>
    public bool SkipWhiteSpace()
    {
        while (true)
        {
            int c = Peek();
            if (c < 0)
            {
                return false;
            }

            if (c is not (' ' or '\t' or '\r' or '\n' or '\uFEFF'))
            {
                return true;
            }

            position++;
        }
    }

    /// <summary>Reads the next record; false at the end of the input.</summary>
    /// <param name="status">How the record was read.</param>
    /// <returns>True when a record was read.</returns>
    public bool TryRead(out Status status)
    {
        status = Status.Ok;
        textLength = 0;
        fieldCount = 0;
        Lines = 1;
        int c = Next();
        while (c is '\r' or '\n')
        {
            c = Next();
        }

        if (c < 0)
        {
            return false;
        }

        while (true)
        {
            if (c == '"')
            {
                while (true)
                {
                    c = Next();
                    if (c < 0)
                    {
                        // A line break that ends the input starts no line.
                        Lines -= textLength > 0 && text[textLength - 1] is '\r' or '\n' ? 1 : 0;
                        status = Status.UnclosedQuote;
                        EndField();
                        return true;
                    }

                    if (c == '"')
                    {
                        c = Next();
                        if (c != '"')
                        {
                            break;
                        }
                    }
                    else if (c == '\n' || (c == '\r' && Peek() != '\n'))
                    {
                        Lines++;
                    }

                    Append((char)c);
                }

                // After the closing quote: a separator, a line break or the end; anything else is malformed.
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    status = Status.StrayQuote;
                    Append((char)c);
                    c = Next();
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

                    Append((char)c);
                    c = Next();
                }
            }

            EndField();
            if (c == ',')
            {
                c = Next();
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                position++;
            }

            return true;
        }
    }

    private int Next()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return input[position++];
    }

    private int Peek() => position < length || Fill() ? input[position] : -1;

    private bool Fill()
    {
        if (ended)
        {
            return false;
        }

        length = reader.Read(input, 0, input.Length);
        position = 0;
        ended = length == 0;
        return !ended;
    }

    private void Append(char c)
    {
        if (textLength == text.Length)
        {
            Array.Resize(ref text, checked(text.Length * 2));
        }

        text[textLength++] = c;
    }

    private void EndField()
    {
        if (fieldCount == fieldEnds.Length)
        {
            Array.Resize(ref fieldEnds, checked(fieldEnds.Length * 2));
        }

        fieldEnds[fieldCount++] = textLength;
    }
}
