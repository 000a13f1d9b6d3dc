using System.Buffers;
using System.Text.Unicode;

namespace Upon.Core.Eligibility;

/// <summary>
/// Writes the canonical forms of <see cref="DecisionFingerprint"/> as compact UTF-8 JSON into a buffer on the stack
/// that moves to a pooled array when it fills. Text is written as its UTF-8 bytes with only <c>"</c>, <c>\</c> and the
/// control characters below U+0020 escaped (<c>\b \t \n \f \r</c>, others <c>\u00xx</c> in lowercase hex), as
/// RFC 8785 does; a lone surrogate is written as U+FFFD. Dates are <c>yyyy-MM-dd</c>; numbers are invariant decimal
/// text without exponent, trailing zeros or a leading <c>+</c>. The writer does not check that the calls make valid
/// JSON: the callers in <see cref="CanonicalForms"/> do.
/// </summary>
internal ref struct CanonicalJson
{
    /// <summary>The characters a string escapes: <c>"</c>, <c>\</c> and the controls below U+0020.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private Span<byte> buffer;
    private byte[]? rented;
    private int length;
    private bool first;

    /// <summary>Initializes a writer over <paramref name="initial"/>, usually memory on the stack.</summary>
    public CanonicalJson(Span<byte> initial)
    {
        buffer = initial;
        first = true;
    }

    /// <summary>Gets the bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => buffer[..length];

    /// <summary>Returns the pooled array, if one was taken.</summary>
    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
            rented = null;
        }
    }

    /// <summary>Writes <c>{</c>.</summary>
    public void StartObject()
    {
        Separate();
        Raw((byte)'{');
        first = true;
    }

    /// <summary>Writes <c>}</c>.</summary>
    public void EndObject()
    {
        Raw((byte)'}');
        first = false;
    }

    /// <summary>Writes a property name and <c>[</c>.</summary>
    public void StartArray(string name)
    {
        Name(name);
        Raw((byte)'[');
        first = true;
    }

    /// <summary>Writes <c>]</c>.</summary>
    public void EndArray()
    {
        Raw((byte)']');
        first = false;
    }

    /// <summary>Writes a property name and <c>{</c>.</summary>
    public void StartObject(string name)
    {
        Name(name);
        Raw((byte)'{');
        first = true;
    }

    /// <summary>Writes a property with text, or <c>null</c>.</summary>
    public void String(string name, string? value)
    {
        Name(name);
        if (value is null)
        {
            Null();
            return;
        }

        Raw((byte)'"');
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            // Runs of text that need no escape are transcoded at once; a lone surrogate becomes U+FFFD, as the
            // runes of the text would have it. The characters escaped are ASCII, so a run never splits a pair.
            int escape = rest.IndexOfAny(Escaped);
            ReadOnlySpan<char> run = escape < 0 ? rest : rest[..escape];
            if (!run.IsEmpty)
            {
                Ensure(run.Length * 3);
                Utf8.FromUtf16(run, buffer[length..], out _, out int written);
                length += written;
            }

            if (escape < 0)
            {
                break;
            }

            Escape(rest[escape]);
            rest = rest[(escape + 1)..];
        }

        Raw((byte)'"');
    }

    /// <summary>Writes a property with a date, <c>yyyy-MM-dd</c>, or <c>null</c>.</summary>
    public void Date(string name, LocalDate? value)
    {
        if (value is LocalDate date)
        {
            Name(name);
            Ensure(DateText.MaxUtf8Length + 2);
            buffer[length++] = (byte)'"';
            length += DateText.FormatUtf8(date, buffer[length..]);
            buffer[length++] = (byte)'"';
        }
        else
        {
            Name(name);
            Null();
        }
    }

    /// <summary>Writes a property with an integer.</summary>
    public void Number(string name, long value)
    {
        Name(name);
        Ensure(20);
        value.TryFormat(buffer[length..], out int written, provider: CultureInfo.InvariantCulture);
        length += written;
    }

    /// <summary>Writes a property with a decimal without trailing zeros (<c>0.5</c> for 0.50), or <c>null</c>.</summary>
    public void Number(string name, decimal? value)
    {
        Name(name);
        if (value is not decimal number)
        {
            Null();
            return;
        }

        Ensure(64);
        if (!TryFraction(number, buffer[length..], out int written))
        {
            number.TryFormat(buffer[length..], out written, "0.############################", CultureInfo.InvariantCulture);
        }

        length += written;
    }

    /// <summary>
    /// Writes <paramref name="number"/> as the format <c>0.####…</c> does when its digits fit in 64 bits (every fraction
    /// of a role does), from its integer and scale: that format is a tenth of the canonical form's time otherwise.
    /// </summary>
    private static bool TryFraction(decimal number, Span<byte> destination, out int written)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        if (bits[2] != 0)
        {
            written = 0;
            return false;
        }

        ulong digits = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        int scale = number.Scale;
        while (scale > 0 && digits % 10 == 0)
        {
            digits /= 10;
            scale--;
        }

        written = 0;
        if (digits == 0)
        {
            destination[written++] = (byte)'0';
            return true;
        }

        if (number < 0)
        {
            destination[written++] = (byte)'-';
        }

        Span<byte> text = stackalloc byte[20];
        digits.TryFormat(text, out int count, provider: CultureInfo.InvariantCulture);
        if (count <= scale)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, scale - count).Fill((byte)'0');
            written += scale - count;
            text[..count].CopyTo(destination[written..]);
            written += count;
            return true;
        }

        text[..(count - scale)].CopyTo(destination[written..]);
        written += count - scale;
        if (scale > 0)
        {
            destination[written++] = (byte)'.';
            text[(count - scale)..count].CopyTo(destination[written..]);
            written += scale;
        }

        return true;
    }

    /// <summary>Writes a property with <c>true</c> or <c>false</c>.</summary>
    public void Boolean(string name, bool value)
    {
        Name(name);
        Ascii(value ? "true" : "false");
    }

    /// <summary>Writes a property with an enum's document name, or <c>null</c>.</summary>
    public void Enum<TEnum>(string name, TEnum? value)
        where TEnum : struct, System.Enum
    {
        if (value is TEnum known)
        {
            String(name, EnumNames<TEnum>.Name(known));
        }
        else
        {
            Name(name);
            Null();
        }
    }

    private void Escape(char c)
    {
        switch (c)
        {
            case '"':
                Ascii("\\\"");
                break;
            case '\\':
                Ascii("\\\\");
                break;
            case '\b':
                Ascii("\\b");
                break;
            case '\t':
                Ascii("\\t");
                break;
            case '\n':
                Ascii("\\n");
                break;
            case '\f':
                Ascii("\\f");
                break;
            case '\r':
                Ascii("\\r");
                break;
            default:
                Ascii("\\u00");
                Raw((byte)"0123456789abcdef"[c >> 4]);
                Raw((byte)"0123456789abcdef"[c & 0xF]);
                break;
        }
    }

    private void Name(string name)
    {
        Separate();
        Raw((byte)'"');
        Ascii(name);
        Raw((byte)'"');
        Raw((byte)':');
    }

    private void Separate()
    {
        if (!first)
        {
            Raw((byte)',');
        }

        first = false;
    }

    private void Null() => Ascii("null");

    private void Ascii(string text)
    {
        Ensure(text.Length);
        foreach (char c in text)
        {
            buffer[length++] = (byte)c;
        }
    }

    private void Raw(byte value)
    {
        Ensure(1);
        buffer[length++] = value;
    }

    private void Ensure(int count)
    {
        if (length + count <= buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + count));
        buffer[..length].CopyTo(larger);
        Dispose();
        rented = larger;
        buffer = larger;
    }
}
