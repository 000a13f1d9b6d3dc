using System.Buffers;
using System.Text;

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
        foreach (Rune rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    Raw((byte)'\\');
                    Raw((byte)'"');
                    break;
                case '\\':
                    Raw((byte)'\\');
                    Raw((byte)'\\');
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
                case < 0x20:
                    Ascii("\\u00");
                    Raw((byte)"0123456789abcdef"[rune.Value >> 4]);
                    Raw((byte)"0123456789abcdef"[rune.Value & 0xF]);
                    break;
                default:
                    Ensure(4);
                    length += rune.EncodeToUtf8(buffer[length..]);
                    break;
            }
        }

        Raw((byte)'"');
    }

    /// <summary>Writes a property with a date, <c>yyyy-MM-dd</c>, or <c>null</c>.</summary>
    public void Date(string name, LocalDate? value)
    {
        if (value is LocalDate date)
        {
            String(name, DateText.Format(date));
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
        number.TryFormat(buffer[length..], out int written, "0.############################", CultureInfo.InvariantCulture);
        length += written;
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
