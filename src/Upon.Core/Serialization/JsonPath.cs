using System.Text;

namespace Upon.Core.Serialization;

/// <summary>Builds JSON paths in the form System.Text.Json reports them: <c>$.events[3].date</c>, <c>$['england-and-wales']</c>.</summary>
internal static class JsonPath
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>The longest property name a path repeats, in characters; a longer one is cut and marked with an ellipsis.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// Appends a property name, in dot form when it is a plain identifier and bracket form otherwise. A name from
    /// the input is made safe to print: quotes and backslashes are escaped, every character that could break or
    /// forge a line or change how a terminal shows text (C0 and C1 controls, DEL, line and paragraph separators,
    /// bidirectional and zero-width format characters, unpaired surrogates) is written as a <c>\uXXXX</c> escape,
    /// and a name longer than <see cref="MaxNameLength"/> characters is cut, ending in <c>…</c>.
    /// </summary>
    public static string Property(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent + "." + name;
        }

        int length = Math.Min(name.Length, MaxNameLength);
        StringBuilder builder = new(parent.Length + length + 8);
        builder.Append(parent).Append("['");
        for (int i = 0; i < length; i++)
        {
            char c = name[i];
            if (c is '\'' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (IsUnsafe(name, i, length))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (name.Length > MaxNameLength)
        {
            builder.Append('…');
        }

        return builder.Append("']").ToString();
    }

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Gets whether the character at <paramref name="i"/> must be escaped before it is printed, when the name is cut to <paramref name="length"/>.</summary>
    private static bool IsUnsafe(string name, int i, int length)
    {
        char c = name[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= length || !char.IsLowSurrogate(name[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(name[i - 1]);
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
