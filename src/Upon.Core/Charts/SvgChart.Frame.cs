using System.Text;

namespace Upon.Core.Charts;

// What every chart has: the document, the axes with their scales, the legend and the plot area.
public static partial class SvgChart
{
    private static void Open(StringBuilder svg, ChartOptions options, string? description = null)
    {
        string width = options.Width.ToString(CultureInfo.InvariantCulture);
        string height = options.Height.ToString(CultureInfo.InvariantCulture);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        if (options.Title is string title)
        {
            svg.Append("<title>").Append(Escape(title)).Append("</title>\n");
        }

        if (description is not null)
        {
            svg.Append("<desc>").Append(Escape(description)).Append("</desc>\n");
        }

        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (options.Title is string heading)
        {
            svg.Append("<text class=\"title\" x=\"").Append(Number(options.Width / 2.0)).Append("\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">")
                .Append(Escape(heading)).Append("</text>\n");
        }
    }

    /// <summary>How far under the plot the x-axis title's baseline is: below the tick labels (and turned category labels).</summary>
    private const double XAxisLabelOffset = Bottom - 12;

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
                .Append(options.PercentValues ? Label(y * 100) + "%" : Label(y)).Append("</text>\n");
        }

        foreach (double x in xTicks)
        {
            double at = plot.X(x);
            Point(ticks, 'M', at, plot.Bottom);
            Point(ticks, 'L', at, plot.Bottom + Tick);
            svg.Append("<text stroke=\"none\" x=\"").Append(Number(at)).Append("\" y=\"").Append(Number(plot.Bottom + 18)).Append("\" text-anchor=\"middle\">")
                .Append(Label(x)).Append("</text>\n");
        }

        CategoryLabels(svg, plot, categories ?? []);

        svg.Append("<path fill=\"none\" d=\"");
        Point(svg, 'M', plot.Left, plot.Top);
        Point(svg, 'L', plot.Left, plot.Bottom);
        Point(svg, 'L', plot.Right, plot.Bottom);
        svg.Append(' ').Append(ticks).Append("\"/>\n");
        if (options.XAxisLabel is string xLabel)
        {
            // Under the tick labels (turned category labels included: the room the plot left for them), and above anything
            // drawn under the axis (a Kaplan–Meier chart's numbers at risk).
            double room = categories is { Count: > 0 } ? CategoryLayout.Of(categories, plot.Width).Room : 0;
            svg.Append("<text stroke=\"none\" x=\"").Append(Number((plot.Left + plot.Right) / 2)).Append("\" y=\"").Append(Number(plot.Bottom + room + XAxisLabelOffset))
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

    /// <summary>
    /// Writes the category labels under the plot: level when each fits its slot; otherwise turned 45 degrees, and, where
    /// even turned labels would overlap, every second, third… label (the first always), so that any number stays legible.
    /// </summary>
    private static void CategoryLabels(StringBuilder svg, Plot plot, List<string> categories)
    {
        if (categories.Count == 0)
        {
            return;
        }

        CategoryLayout layout = CategoryLayout.Of(categories, plot.Width);
        for (int i = 0; i < categories.Count; i += layout.Every)
        {
            string x = Number(plot.X(i + 0.5));
            if (!layout.Turned)
            {
                svg.Append("<text stroke=\"none\" x=\"").Append(x).Append("\" y=\"").Append(Number(plot.Bottom + 18)).Append("\" text-anchor=\"middle\">")
                    .Append(Escape(categories[i])).Append("</text>\n");
                continue;
            }

            string y = Number(plot.Bottom + 14);
            svg.Append("<text class=\"category\" stroke=\"none\" x=\"").Append(x).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" transform=\"rotate(-45 ")
                .Append(x).Append(' ').Append(y).Append(")\">").Append(Escape(categories[i])).Append("</text>\n");
        }
    }

    /// <summary>A scale of ticks at multiples of <paramref name="interval"/>: the interval, or a multiple of it that gives at most <paramref name="most"/> ticks (ten by default).</summary>
    private static (double Step, double Max) IntervalScale(double max, double interval, int most = 10)
    {
        double step = interval;
        foreach (int times in (ReadOnlySpan<int>)[1, 2, 3, 4, 5, 10, 20, 50, 100, 1000, 10_000, 100_000])
        {
            step = interval * times;
            if (max / step <= most)
            {
                break;
            }
        }

        double top = Math.Max(Math.Ceiling((max / step) - 1e-9), 1) * step;
        return (step, top);
    }

    /// <summary>The key of a line in <paramref name="colour"/>, for <see cref="KeyedLegend"/>: drawn 20 wide from (0, 0).</summary>
    private static string LineKey(string colour) => $"<path stroke=\"{colour}\" stroke-width=\"2\" d=\"M0,0 L20,0\"/>";

    /// <summary>The key of a confidence band: a shaded square in a neutral colour.</summary>
    private const string BandKey = "<rect fill=\"#5d6d7e\" fill-opacity=\"0.18\" x=\"0\" y=\"-6\" width=\"20\" height=\"12\"/>";

    /// <summary>The key of a censoring tick.</summary>
    private const string CensorKey = "<path stroke=\"#333333\" stroke-width=\"1.5\" d=\"M10,-5 L10,5\"/>";

    /// <summary>A legend of entries, each a key (SVG drawn about (0, 0), 20 wide) and its label, placed as <see cref="Legend"/> places its rows.</summary>
    private static void KeyedLegend(StringBuilder svg, Plot plot, List<(string Label, string Key)> entries)
    {
        svg.Append("<g class=\"legend\">\n");
        for (int i = 0; i < entries.Count; i++)
        {
            double x = plot.Right - 150;
            double y = plot.Top + 8 + (i * 18);
            svg.Append("<g transform=\"translate(").Append(Number(x)).Append(' ').Append(Number(y)).Append(")\">").Append(entries[i].Key).Append("</g>\n");
            svg.Append("<text x=\"").Append(Number(x + 26)).Append("\" y=\"").Append(Number(y + 4)).Append("\">").Append(Escape(entries[i].Label)).Append("</text>\n");
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

    /// <summary>
    /// How category labels are laid out: level, or turned 45 degrees (then the plot leaves room for the longest), and
    /// which of them are written (every one, or every second, third…).
    /// </summary>
    private readonly record struct CategoryLayout(bool Turned, int Every, double Room)
    {
        /// <summary>The width of a character of the 12-unit sans-serif text, on average, for measuring labels.</summary>
        private const double CharWidth = 6.6;

        public static CategoryLayout Of(List<string> categories, double plotWidth)
        {
            double slot = plotWidth / Math.Max(categories.Count, 1);
            double longest = categories.Count == 0 ? 0 : categories.Max(c => c.Length) * CharWidth;
            if (longest + 8 <= slot)
            {
                return new CategoryLayout(false, 1, 0);
            }

            // Turned labels stand 14 units apart at least, as written: positions are written to two decimals, so the
            // gap between two written labels can be 0.01 less than between the positions; their room below the axis is
            // the longest one's height.
            int every = (int)Math.Ceiling((14 + 0.01) / slot);
            return new CategoryLayout(true, every, Math.Min(longest * 0.71, 160));
        }
    }

    /// <summary>The plot area and the scales from data to SVG coordinates.</summary>
    private sealed class Plot(ChartOptions options, double xMax, double yMax, double extraBottom = 0, double extraRight = 0)
    {
        public double Left { get; } = SvgChart.Left;

        public double Right { get; } = Math.Max(SvgChart.Left + 40, options.Width - SvgChart.Right - extraRight);

        public double Top { get; } = SvgChart.Top;

        public double Bottom { get; } = Math.Max(SvgChart.Top + 20, options.Height - SvgChart.Bottom - extraBottom);

        public double Width => Right - Left;

        public double X(double value) => Left + (Math.Clamp(value / xMax, 0, 1) * (Right - Left));

        public double Y(double value) => Bottom - (Math.Clamp(value / yMax, 0, 1) * (Bottom - Top));
    }
}
