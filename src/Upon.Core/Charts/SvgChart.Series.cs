using System.Text;

namespace Upon.Core.Charts;

// Charts of a series by category: bars or a line, with reference series as lines with markers.
public static partial class SvgChart
{
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
        Guard.Against.UndefinedEnum(style, message: "The style must be Bars or Line.");

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
        // Turned category labels take room under the axis, so the plot is that much shorter.
        double width = options.Width - Left - Right;
        Plot plot = new(options, Math.Max(categories.Count, 1), yMax, CategoryLayout.Of(categories, width).Room);
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
}
