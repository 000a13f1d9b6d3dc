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
public static partial class SvgChart
{
    private const double Left = 64;
    private const double Right = 24;
    private const double Top = 44;
    private const double Bottom = 56;
    private const double Tick = 5;

    private static readonly string[] Palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#5d6d7e"];
}
