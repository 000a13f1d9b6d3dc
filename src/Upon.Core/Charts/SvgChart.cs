using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Charts;

/// <summary>
/// Draws charts as standalone SVG documents, with no dependency: Kaplan–Meier survival curves with their
/// confidence bands and censoring marks, and series of values by category such as turnover by financial year.
/// </summary>
/// <remarks>
/// <para>
/// The output is well-formed XML (SVG 1.1, UTF-8 text without a declaration), written with the invariant
/// culture whatever the current culture, with LF line ends: the same input always gives the same text.
/// Titles, labels and categories are escaped, and characters XML cannot hold are replaced by U+FFFD.
/// Coordinates are rounded to two decimals. Elements carry classes (<c>survival</c>, <c>band</c>,
/// <c>censor</c>, <c>bar</c>, <c>line</c>, <c>axis</c>, <c>legend</c>, <c>title</c>) for styling and tests.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class SvgChart
{
    private const double Left = 64;
    private const double Right = 24;
    private const double Top = 44;
    private const double Bottom = 56;
    private const double Tick = 5;

    private static readonly string[] Palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#5d6d7e"];

    /// <summary>Draws one Kaplan–Meier curve; see <see cref="WriteKaplanMeier(TextWriter, IReadOnlyList{ChartCurve}, ChartOptions?)"/>.</summary>
    /// <param name="curve">The curve.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static string KaplanMeier(KaplanMeierCurve curve, ChartOptions? options = null)
    {
        Guard.Against.Null(curve);
        return KaplanMeier([new ChartCurve(string.Empty, curve)], options);
    }

    /// <summary>Draws Kaplan–Meier curves; see <see cref="WriteKaplanMeier(TextWriter, IReadOnlyList{ChartCurve}, ChartOptions?)"/>.</summary>
    /// <param name="curves">The curves, at least one.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curves"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="curves"/> is empty.</exception>
    public static string KaplanMeier(IReadOnlyList<ChartCurve> curves, ChartOptions? options = null)
    {
        StringWriter writer = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteKaplanMeier(writer, curves, options);
        return writer.ToString();
    }

    /// <summary>
    /// Writes Kaplan–Meier curves as an SVG document: each curve as a right-continuous step function from
    /// survival 1 at time 0 to its last time; its confidence band shaded between the lower and upper limits'
    /// steps wherever both are defined (when <see cref="ChartOptions.ShowConfidenceBand"/>); a vertical tick at
    /// each time with censoring (when <see cref="ChartOptions.ShowCensoring"/>); axes from 0 to a round number at
    /// or above the last time divided by <see cref="ChartOptions.TimeUnitDivisor"/>, and from 0 to 1; and a legend
    /// when there is more than one curve.
    /// </summary>
    /// <param name="writer">The writer; left open.</param>
    /// <param name="curves">The curves, at least one, drawn in order with a colour each.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="curves"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="curves"/> is empty.</exception>
    public static void WriteKaplanMeier(TextWriter writer, IReadOnlyList<ChartCurve> curves, ChartOptions? options = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one curve.", nameof(curves));
        }

        options ??= ChartOptions.Default;
        double lastTime = 0;
        foreach (ChartCurve curve in curves)
        {
            Guard.Against.Null(curve, nameof(curves));
            if (!curve.Curve.Points.IsEmpty)
            {
                lastTime = Math.Max(lastTime, curve.Curve.Points[^1].Time / options.TimeUnitDivisor);
            }
        }

        (double xStep, double xMax) = NiceScale(lastTime);
        Plot plot = new(options, xMax, 1);
        StringBuilder svg = new();
        Open(svg, options);
        Axes(svg, plot, options, TickValues(xStep, xMax), [0, 0.25, 0.5, 0.75, 1], categories: null);
        for (int c = 0; c < curves.Count; c++)
        {
            string colour = Palette[c % Palette.Length];
            KaplanMeierCurve curve = curves[c].Curve;
            if (options.ShowConfidenceBand)
            {
                Band(svg, plot, curve, options.TimeUnitDivisor, colour);
            }

            svg.Append("<path class=\"survival\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"");
            Point(svg, 'M', plot.X(0), plot.Y(1));
            double level = 1;
            foreach (KaplanMeierPoint point in curve.Points)
            {
                double x = plot.X(point.Time / options.TimeUnitDivisor);
                Point(svg, 'L', x, plot.Y(level));
                level = point.Survival;
                Point(svg, 'L', x, plot.Y(level));
            }

            svg.Append("\"/>\n");
            if (options.ShowCensoring)
            {
                Censoring(svg, plot, curve, options.TimeUnitDivisor, colour);
            }
        }

        if (curves.Count > 1)
        {
            Legend(svg, plot, curves.Count, i => curves[i].Label, line: true);
        }

        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    /// <summary>Draws a series by category; see <see cref="WriteSeries"/>.</summary>
    /// <param name="series">The main series.</param>
    /// <param name="references">Reference series drawn as lines over it (for example published figures), or null for none.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <param name="style">How the main series is drawn.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> or a reference series is null.</exception>
    public static string Series(ChartSeries series, IReadOnlyList<ChartSeries>? references = null, ChartOptions? options = null, SeriesStyle style = SeriesStyle.Bars)
    {
        StringWriter writer = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteSeries(writer, series, references, options, style);
        return writer.ToString();
    }

    /// <summary>
    /// Writes a series of values by category (such as change rates by financial year) as an SVG document: the
    /// main series as bars or a line, each reference series as a line with markers, broken where it has no
    /// value for a category. The categories are the main series' in order, then those only in references, in
    /// their order. The vertical axis runs from 0 to a round number at or above the largest value (1 when all are 0).
    /// A legend names the series when there are references.
    /// </summary>
    /// <param name="writer">The writer; left open.</param>
    /// <param name="series">The main series.</param>
    /// <param name="references">Reference series, or null for none.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null. <see cref="ChartOptions.TimeUnitDivisor"/> is not used.</param>
    /// <param name="style">How the main series is drawn.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="series"/> or a reference series is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="style"/> is undefined.</exception>
    public static void WriteSeries(TextWriter writer, ChartSeries series, IReadOnlyList<ChartSeries>? references = null, ChartOptions? options = null, SeriesStyle style = SeriesStyle.Bars)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(series);
        if (style is not (SeriesStyle.Bars or SeriesStyle.Line))
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "The style must be Bars or Line.");
        }

        options ??= ChartOptions.Default;
        List<ChartSeries> all = [series];
        foreach (ChartSeries reference in references ?? [])
        {
            Guard.Against.Null(reference, nameof(references));
            all.Add(reference);
        }

        List<string> categories = [];
        Dictionary<string, int> indexOf = new(StringComparer.Ordinal);
        double largest = 0;
        foreach (ChartSeries one in all)
        {
            foreach (ChartPoint point in one.Points)
            {
                if (indexOf.TryAdd(point.Category, categories.Count))
                {
                    categories.Add(point.Category);
                }

                largest = Math.Max(largest, point.Value);
            }
        }

        (double yStep, double yMax) = NiceScale(largest);
        Plot plot = new(options, Math.Max(categories.Count, 1), yMax);
        StringBuilder svg = new();
        Open(svg, options);
        Axes(svg, plot, options, [], TickValues(yStep, yMax), categories);
        double slot = plot.Width / Math.Max(categories.Count, 1);
        for (int s = 0; s < all.Count; s++)
        {
            string colour = Palette[s % Palette.Length];
            if (s == 0 && style == SeriesStyle.Bars)
            {
                foreach (ChartPoint point in all[s].Points)
                {
                    double x = plot.X(indexOf[point.Category]) + (slot * 0.15);
                    double y = plot.Y(point.Value);
                    svg.Append("<rect class=\"bar\" fill=\"").Append(colour).Append("\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y))
                        .Append("\" width=\"").Append(Number(slot * 0.7)).Append("\" height=\"").Append(Number(plot.Y(0) - y)).Append("\"/>\n");
                }

                continue;
            }

            SeriesLine(svg, plot, all[s], indexOf, colour);
        }

        if (all.Count > 1)
        {
            Legend(svg, plot, all.Count, i => all[i].Label, line: style == SeriesStyle.Line);
        }

        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    private static void SeriesLine(StringBuilder svg, Plot plot, ChartSeries series, Dictionary<string, int> indexOf, string colour)
    {
        // A segment joins neighbouring categories only: a category without a value breaks the line.
        svg.Append("<path class=\"line\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"");
        int previous = int.MinValue;
        foreach (ChartPoint point in series.Points)
        {
            int index = indexOf[point.Category];
            Point(svg, index == previous + 1 ? 'L' : 'M', plot.X(index + 0.5), plot.Y(point.Value));
            previous = index;
        }

        svg.Append("\"/>\n");
        foreach (ChartPoint point in series.Points)
        {
            svg.Append("<circle class=\"marker\" fill=\"").Append(colour).Append("\" r=\"3\" cx=\"").Append(Number(plot.X(indexOf[point.Category] + 0.5)))
                .Append("\" cy=\"").Append(Number(plot.Y(point.Value))).Append("\"/>\n");
        }
    }

    private static void Band(StringBuilder svg, Plot plot, KaplanMeierCurve curve, double divisor, string colour)
    {
        // One polygon per run of points whose limits are both defined: the upper steps forward, the lower back.
        var points = curve.Points;
        StringBuilder path = new();
        int i = 0;
        while (i < points.Length)
        {
            if (!(double.IsFinite(points[i].Lower) && double.IsFinite(points[i].Upper)))
            {
                i++;
                continue;
            }

            int first = i;
            while (i < points.Length && double.IsFinite(points[i].Lower) && double.IsFinite(points[i].Upper))
            {
                i++;
            }

            double End(int k) => plot.X((k + 1 < points.Length ? points[k + 1].Time : points[k].Time) / divisor);
            for (int k = first; k < i; k++)
            {
                Point(path, k == first ? 'M' : 'L', plot.X(points[k].Time / divisor), plot.Y(points[k].Upper));
                Point(path, 'L', End(k), plot.Y(points[k].Upper));
            }

            for (int k = i - 1; k >= first; k--)
            {
                Point(path, 'L', End(k), plot.Y(points[k].Lower));
                Point(path, 'L', plot.X(points[k].Time / divisor), plot.Y(points[k].Lower));
            }

            path.Append('Z');
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"band\" fill=\"").Append(colour).Append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"").Append(path).Append("\"/>\n");
        }
    }

    private static void Censoring(StringBuilder svg, Plot plot, KaplanMeierCurve curve, double divisor, string colour)
    {
        StringBuilder path = new();
        foreach (KaplanMeierPoint point in curve.Points)
        {
            if (point.Censored > 0)
            {
                double x = plot.X(point.Time / divisor);
                double y = plot.Y(point.Survival);
                Point(path, 'M', x, Math.Max(y - Tick, plot.Top));
                Point(path, 'L', x, Math.Min(y + Tick, plot.Bottom));
            }
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"censor\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" d=\"").Append(path).Append("\"/>\n");
        }
    }

    private static void Open(StringBuilder svg, ChartOptions options)
    {
        string width = options.Width.ToString(CultureInfo.InvariantCulture);
        string height = options.Height.ToString(CultureInfo.InvariantCulture);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        if (options.Title is string title)
        {
            svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        }

        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (options.Title is string heading)
        {
            svg.Append("<text class=\"title\" x=\"").Append(Number(options.Width / 2.0)).Append("\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">")
                .Append(Escape(heading)).Append("</text>\n");
        }
    }

    private static void Axes(StringBuilder svg, Plot plot, ChartOptions options, List<double> xTicks, List<double> yTicks, List<string>? categories)
    {
        StringBuilder ticks = new();
        svg.Append("<g class=\"axis\" stroke=\"#333333\" fill=\"#333333\">\n");
        foreach (double y in yTicks)
        {
            double at = plot.Y(y);
            Point(ticks, 'M', plot.Left - Tick, at);
            Point(ticks, 'L', plot.Left, at);
            svg.Append("<text stroke=\"none\" x=\"").Append(Number(plot.Left - 8)).Append("\" y=\"").Append(Number(at + 4)).Append("\" text-anchor=\"end\">")
                .Append(Label(y)).Append("</text>\n");
        }

        foreach (double x in xTicks)
        {
            double at = plot.X(x);
            Point(ticks, 'M', at, plot.Bottom);
            Point(ticks, 'L', at, plot.Bottom + Tick);
            svg.Append("<text stroke=\"none\" x=\"").Append(Number(at)).Append("\" y=\"").Append(Number(plot.Bottom + 18)).Append("\" text-anchor=\"middle\">")
                .Append(Label(x)).Append("</text>\n");
        }

        for (int i = 0; i < (categories?.Count ?? 0); i++)
        {
            svg.Append("<text stroke=\"none\" x=\"").Append(Number(plot.X(i + 0.5))).Append("\" y=\"").Append(Number(plot.Bottom + 18)).Append("\" text-anchor=\"middle\">")
                .Append(Escape(categories![i])).Append("</text>\n");
        }

        svg.Append("<path fill=\"none\" d=\"");
        Point(svg, 'M', plot.Left, plot.Top);
        Point(svg, 'L', plot.Left, plot.Bottom);
        Point(svg, 'L', plot.Right, plot.Bottom);
        svg.Append(' ').Append(ticks).Append("\"/>\n");
        if (options.XAxisLabel is string xLabel)
        {
            svg.Append("<text stroke=\"none\" x=\"").Append(Number((plot.Left + plot.Right) / 2)).Append("\" y=\"").Append(Number(options.Height - 12.0))
                .Append("\" text-anchor=\"middle\">").Append(Escape(xLabel)).Append("</text>\n");
        }

        if (options.YAxisLabel is string yLabel)
        {
            string centre = Number((plot.Top + plot.Bottom) / 2);
            svg.Append("<text stroke=\"none\" x=\"16\" y=\"").Append(centre).Append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").Append(centre).Append(")\">")
                .Append(Escape(yLabel)).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    private static void Legend(StringBuilder svg, Plot plot, int count, Func<int, string> label, bool line)
    {
        svg.Append("<g class=\"legend\">\n");
        for (int i = 0; i < count; i++)
        {
            string colour = Palette[i % Palette.Length];
            double y = plot.Top + 8 + (i * 18);
            double x = plot.Right - 150;
            if (line || i > 0)
            {
                svg.Append("<path stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"");
                Point(svg, 'M', x, y);
                Point(svg, 'L', x + 20, y);
                svg.Append("\"/>\n");
            }
            else
            {
                svg.Append("<rect fill=\"").Append(colour).Append("\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y - 6)).Append("\" width=\"20\" height=\"12\"/>\n");
            }

            svg.Append("<text x=\"").Append(Number(x + 26)).Append("\" y=\"").Append(Number(y + 4)).Append("\">").Append(Escape(label(i))).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>A round step and the multiple of it at or above <paramref name="max"/> (1 with step 0.25 for 0 or less).</summary>
    private static (double Step, double Max) NiceScale(double max)
    {
        if (!(max > 0) || !double.IsFinite(max))
        {
            return (0.25, 1);
        }

        double raw = max / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = (raw / magnitude) switch
        {
            <= 1 => magnitude,
            <= 2 => 2 * magnitude,
            <= 5 => 5 * magnitude,
            _ => 10 * magnitude,
        };
        double top = Math.Ceiling((max / step) - 1e-9) * step;
        return (step, Math.Max(top, max));
    }

    private static List<double> TickValues(double step, double max)
    {
        List<double> values = [];
        for (int i = 0; (i * step) <= max * (1 + 1e-9); i++)
        {
            values.Add(i * step);
        }

        return values;
    }

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

    /// <summary>The plot area and the scales from data to SVG coordinates.</summary>
    private sealed class Plot(ChartOptions options, double xMax, double yMax)
    {
        public double Left { get; } = SvgChart.Left;

        public double Right { get; } = options.Width - SvgChart.Right;

        public double Top { get; } = SvgChart.Top;

        public double Bottom { get; } = options.Height - SvgChart.Bottom;

        public double Width => Right - Left;

        public double X(double value) => Left + (Math.Clamp(value / xMax, 0, 1) * (Right - Left));

        public double Y(double value) => Bottom - (Math.Clamp(value / yMax, 0, 1) * (Bottom - Top));
    }
}
