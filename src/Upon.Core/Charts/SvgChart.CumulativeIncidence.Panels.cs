using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Charts;

// Cumulative incidence side by side: a small panel per exit reason, all on one scale.
public static partial class SvgChart
{
    /// <summary>Room inside a panel's cell: left of its plot for the value labels, right for the last time label, above for its title, below for the time labels.</summary>
    private const double PanelLeft = 40;

    private const double PanelRight = 14;

    private const double PanelTop = 22;

    /// <summary>The room a second line of panel titles takes.</summary>
    private const double PanelTitleLine = 13;

    /// <summary>The width of a character of the panels' bold 12-unit titles, on average, for measuring them.</summary>
    private const double TitleCharWidth = 6.9;

    private const double PanelBottom = 22;

    /// <summary>The least room between two time labels of a panel (three digits of 10-unit text take about 17).</summary>
    private const double PanelTickSpacing = 24;

    private static void Panels(StringBuilder svg, CumulativeIncidenceCurve curve, ChartOptions options)
    {
        ImmutableArray<CumulativeIncidencePoint> points = curve.Points;
        int count = curve.Reasons.Length;
        bool band = options.ShowConfidenceBand;
        double lastTime = LastAxisTime(curve, options);

        // One vertical scale for every panel: to a round number at or above the highest value drawn in any of them.
        double highest = 0;
        foreach (CumulativeIncidencePoint point in points)
        {
            foreach (StateProbability incidence in point.Incidence)
            {
                highest = Math.Max(highest, incidence.Probability);
                if (band && double.IsFinite(incidence.Lower) && double.IsFinite(incidence.Upper))
                {
                    highest = Math.Max(highest, incidence.Upper);
                }
            }
        }

        (double yStep, double yMax) = NiceScale(Math.Min(highest, 1));
        List<double> yTicks = TickValues(yStep, yMax);

        double areaLeft = options.YAxisLabel is null ? 8 : 30;
        double areaRight = options.Width - 8;
        double areaTop = options.Title is null ? 8 : 40;
        double keyRoom = band && count > 0 ? 18 : 0;
        double areaBottom = options.Height - 8 - (options.XAxisLabel is null ? 0 : 18) - keyRoom;
        string[] names = [.. curve.Reasons.Select(ReasonName)];
        (int columns, int rows, double panelTop) = Grid(names, areaRight - areaLeft, areaBottom - areaTop);
        double cellWidth = (areaRight - areaLeft) / columns;
        double cellHeight = (areaBottom - areaTop) / rows;
        double innerWidth = Math.Max(cellWidth - PanelLeft - PanelRight, 10);
        int most = Math.Max(1, (int)(innerWidth / PanelTickSpacing));
        (double xStep, double xMax) = options.XTickInterval is double interval ? IntervalScale(lastTime, interval, most) : NiceScale(lastTime);
        List<double> xTicks = TickValues(xStep, xMax);
        int labelEvery = Math.Max(1, (int)Math.Ceiling(xTicks.Count / (double)(most + 1)));

        string bandWords = band ? $" with its {Label(curve.ConfidenceLevel * 100)}% confidence band" : string.Empty;
        Open(svg, options, count == 0
            ? "No exit reasons to show."
            : $"One panel per exit reason ({string.Join(", ", names)}): its cumulative incidence over time as a step line{bandWords}, every panel on one vertical scale from 0 to {Label(yMax)} and one time scale to {Label(xMax)}.");

        int titleChars = TitleChars(cellWidth);
        for (int r = 0; r < count; r++)
        {
            double cellLeft = areaLeft + (cellWidth * (r % columns));
            double cellTop = areaTop + (cellHeight * (r / columns));
            Panel panel = new(cellLeft + PanelLeft, cellTop + panelTop, cellLeft + cellWidth - PanelRight, Math.Max(cellTop + panelTop + 10, cellTop + cellHeight - PanelBottom), xMax, yMax);
            string colour = ReasonPalette[r % ReasonPalette.Length];
            string name = names[r];
            svg.Append("<g class=\"panel\">\n<title>").Append(Escape(name)).Append("</title>\n");
            string centre = Number(cellLeft + (cellWidth / 2));
            List<string> lines = TitleLines(name, titleChars);
            svg.Append("<text class=\"panel-title\" x=\"").Append(centre).Append("\" y=\"").Append(Number(cellTop + 14))
                .Append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#222222\">");
            if (lines.Count == 1)
            {
                svg.Append(Escape(lines[0]));
            }
            else
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    svg.Append("<tspan x=\"").Append(centre).Append("\" y=\"").Append(Number(cellTop + 14 + (i * PanelTitleLine))).Append("\">").Append(Escape(lines[i])).Append("</tspan>");
                }
            }

            svg.Append("</text>\n");

            if (band)
            {
                PanelBand(svg, panel, points, r, options.TimeUnitDivisor, colour);
            }

            PanelAxes(svg, panel, options, xTicks, labelEvery, yTicks);
            if (!points.IsEmpty)
            {
                int reason = r;
                List<(double X, double Y)> line = StepLine(panel.X, panel.Y, points, options.TimeUnitDivisor, 0, point => point.Incidence[reason].Probability);
                svg.Append("<path class=\"incidence\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"");
                for (int i = 0; i < line.Count; i++)
                {
                    Point(svg, i == 0 ? 'M' : 'L', line[i].X, line[i].Y);
                }

                svg.Append("\"/>\n");
            }
            else
            {
                Note(svg, (panel.Left + panel.Right) / 2, (panel.Top + panel.Bottom) / 2, "No records");
            }

            svg.Append("</g>\n");
        }

        if (count == 0)
        {
            Note(svg, (areaLeft + areaRight) / 2, (areaTop + areaBottom) / 2, "No exit reasons");
        }

        svg.Append("<g class=\"axis\" fill=\"#333333\">\n");
        if (options.XAxisLabel is string xLabel)
        {
            svg.Append("<text x=\"").Append(Number((areaLeft + areaRight) / 2)).Append("\" y=\"").Append(Number(areaBottom + 16)).Append("\" text-anchor=\"middle\">")
                .Append(Escape(xLabel)).Append("</text>\n");
        }

        if (options.YAxisLabel is string yLabel)
        {
            string centre = Number((areaTop + areaBottom) / 2);
            svg.Append("<text x=\"16\" y=\"").Append(centre).Append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").Append(centre).Append(")\">")
                .Append(Escape(yLabel)).Append("</text>\n");
        }

        svg.Append("</g>\n");
        if (keyRoom > 0)
        {
            // The panels' titles name the reasons; this line keys what their shading is.
            double y = options.Height - 12;
            svg.Append("<g class=\"legend\">\n<rect fill=\"#5d6d7e\" fill-opacity=\"0.18\" x=\"").Append(Number(areaLeft + 8)).Append("\" y=\"").Append(Number(y - 10))
                .Append("\" width=\"20\" height=\"12\"/>\n<text x=\"").Append(Number(areaLeft + 34)).Append("\" y=\"").Append(Number(y)).Append("\" fill=\"#333333\">")
                .Append(Label(curve.ConfidenceLevel * 100)).Append("% confidence band</text>\n</g>\n");
        }
    }

    /// <summary>
    /// The columns and rows of panels for the reasons <paramref name="names"/> in an area, and the room above each panel's
    /// plot: the grid whose plots are the largest, reading a plot as wide as one and a half times its height, so that time,
    /// the long axis, keeps its room. Titles too long for their panel take two lines in every panel of the grid (so that
    /// the plots stay the same size), which counts against that grid.
    /// </summary>
    private static (int Columns, int Rows, double PanelTop) Grid(string[] names, double width, double height)
    {
        if (names.Length == 0)
        {
            return (1, 1, PanelTop);
        }

        (int Columns, int Rows, double PanelTop) best = (1, names.Length, PanelTop);
        double bestScore = double.NegativeInfinity;
        for (int columns = 1; columns <= names.Length; columns++)
        {
            int rows = (names.Length + columns - 1) / columns;
            int chars = TitleChars(width / columns);
            double top = names.Any(n => n.Length > chars) ? PanelTop + PanelTitleLine : PanelTop;
            double plotWidth = (width / columns) - PanelLeft - PanelRight;
            double plotHeight = (height / rows) - top - PanelBottom;
            double score = Math.Min(plotWidth, 1.5 * plotHeight);
            if (score > bestScore + 1e-9)
            {
                (best, bestScore) = ((columns, rows, top), score);
            }
        }

        return best;
    }

    /// <summary>The characters of a panel's title line in a cell <paramref name="cellWidth"/> wide.</summary>
    private static int TitleChars(double cellWidth) => Math.Max(4, (int)((cellWidth - 8) / TitleCharWidth));

    /// <summary>A panel's title in lines of at most <paramref name="chars"/> characters: one, or two broken at a space, the second shortened with an ellipsis when even two are too few.</summary>
    private static List<string> TitleLines(string name, int chars)
    {
        if (name.Length <= chars)
        {
            return [name];
        }

        int space = name.LastIndexOf(' ', chars);
        return space <= 0 ? [Shorten(name, chars)] : [name[..space], Shorten(name[(space + 1)..], chars)];
    }

    /// <summary>A panel's axes: its value ticks and labels on the left, its time ticks under it, labelled every <paramref name="labelEvery"/>.</summary>
    private static void PanelAxes(StringBuilder svg, Panel panel, ChartOptions options, List<double> xTicks, int labelEvery, List<double> yTicks)
    {
        StringBuilder lines = new();
        svg.Append("<g class=\"panel-axis\" font-size=\"10\" fill=\"#333333\">\n");
        foreach (double y in yTicks)
        {
            double at = panel.Y(y);
            Point(lines, 'M', panel.Left - 4, at);
            Point(lines, 'L', panel.Left, at);
            svg.Append("<text x=\"").Append(Number(panel.Left - 6)).Append("\" y=\"").Append(Number(at + 3.5)).Append("\" text-anchor=\"end\">")
                .Append(options.PercentValues ? Label(y * 100) + "%" : Label(y)).Append("</text>\n");
        }

        for (int i = 0; i < xTicks.Count; i++)
        {
            double at = panel.X(xTicks[i]);
            Point(lines, 'M', at, panel.Bottom);
            Point(lines, 'L', at, panel.Bottom + 4);
            if (i % labelEvery == 0)
            {
                svg.Append("<text x=\"").Append(Number(at)).Append("\" y=\"").Append(Number(panel.Bottom + 14)).Append("\" text-anchor=\"middle\">")
                    .Append(Label(xTicks[i])).Append("</text>\n");
            }
        }

        svg.Append("<path fill=\"none\" stroke=\"#333333\" d=\"");
        Point(svg, 'M', panel.Left, panel.Top);
        Point(svg, 'L', panel.Left, panel.Bottom);
        Point(svg, 'L', panel.Right, panel.Bottom);
        svg.Append(' ').Append(lines).Append("\"/>\n</g>\n");
    }

    /// <summary>A reason's confidence band in a panel: one polygon per run of points whose limits are both defined, the upper steps forward, the lower back.</summary>
    private static void PanelBand(StringBuilder svg, Panel panel, ImmutableArray<CumulativeIncidencePoint> points, int reason, double divisor, string colour)
    {
        StringBuilder path = new();
        int i = 0;
        while (i < points.Length)
        {
            if (!Defined(points[i]))
            {
                i++;
                continue;
            }

            int first = i;
            while (i < points.Length && Defined(points[i]))
            {
                i++;
            }

            double End(int k) => panel.X((k + 1 < points.Length ? points[k + 1].Time : points[k].Time) / divisor);
            List<(double X, double Y)> upper = [];
            List<(double X, double Y)> lower = [];
            for (int k = first; k < i; k++)
            {
                StateProbability incidence = points[k].Incidence[reason];
                double x = panel.X(points[k].Time / divisor);
                AddCorner(upper, x, panel.Y(incidence.Upper));
                AddCorner(upper, End(k), panel.Y(incidence.Upper));
                AddCorner(lower, x, panel.Y(incidence.Lower));
                AddCorner(lower, End(k), panel.Y(incidence.Lower));
            }

            for (int k = 0; k < upper.Count; k++)
            {
                Point(path, k == 0 ? 'M' : 'L', upper[k].X, upper[k].Y);
            }

            for (int k = lower.Count - 1; k >= 0; k--)
            {
                Point(path, 'L', lower[k].X, lower[k].Y);
            }

            path.Append('Z');
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"band\" fill=\"").Append(colour).Append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"").Append(path).Append("\"/>\n");
        }

        bool Defined(CumulativeIncidencePoint point) => double.IsFinite(point.Incidence[reason].Lower) && double.IsFinite(point.Incidence[reason].Upper);
    }

    /// <summary>A panel's plot area and its scales from data to SVG coordinates.</summary>
    private sealed class Panel(double left, double top, double right, double bottom, double xMax, double yMax)
    {
        public double Left { get; } = left;

        public double Top { get; } = top;

        public double Right { get; } = right;

        public double Bottom { get; } = bottom;

        public double X(double value) => Left + (Math.Clamp(value / xMax, 0, 1) * (Right - Left));

        public double Y(double value) => Bottom - (Math.Clamp(value / yMax, 0, 1) * (Bottom - Top));
    }
}
