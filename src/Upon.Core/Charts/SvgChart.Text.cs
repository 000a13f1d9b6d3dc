using System.Text;

namespace Upon.Core.Charts;

// How numbers and text are written into the SVG: coordinates, tick labels and escaped text.
public static partial class SvgChart
{
    private static void Point(StringBuilder path, char command, double x, double y)
    {
        if (path.Length > 0 && path[^1] != '"')
        {
            path.Append(' ');
        }

        path.Append(command).Append(Number(x)).Append(',').Append(Number(y));
    }

    /// <summary>A coordinate with at most two decimals, invariant, never "-0".</summary>
    internal static string Number(double value)
    {
        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string Label(double value)
    {
        double rounded = Math.Round(value, 6);
        return (rounded == 0 ? 0 : rounded).ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD.</summary>
    internal static string Escape(string text)
    {
        StringBuilder escaped = new(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        escaped.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
                    {
                        escaped.Append('\uFFFD');
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }
}
