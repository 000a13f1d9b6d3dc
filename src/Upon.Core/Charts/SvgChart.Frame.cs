using System.Text;

namespace Upon.Core.Charts;

// What every chart has: the document, the axes with their scales, the legend and the plot area.
public static partial class SvgChart
{
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
