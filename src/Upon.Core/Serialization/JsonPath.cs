using System.Globalization;
using System.Text;

namespace Upon.Core.Serialization;

/// <summary>Builds JSON paths in the form System.Text.Json reports them: <c>$.events[3].date</c>, <c>$['england-and-wales']</c>.</summary>
internal static class JsonPath
{
    /// <summary>The path of the document root.</summary>
    public const string Root = "$";

    /// <summary>Appends a property name, in dot form when it is a plain identifier and bracket form otherwise.</summary>
    public static string Property(string parent, string name)
    {
        if (IsIdentifier(name))
        {
            return parent + "." + name;
        }

        StringBuilder builder = new(parent.Length + name.Length + 4);
        builder.Append(parent).Append("['");
        foreach (char c in name)
        {
            if (c is '\'' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append("']").ToString();
    }

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
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
