namespace Upon.Core.Charts;

/// <summary>How <see cref="SvgChart.CumulativeIncidence"/> lays out the cumulative incidence curves of the exit reasons.</summary>
public enum CumulativeIncidenceLayout
{
    /// <summary>
    /// One plot of stacked bands: from the bottom, each reason's cumulative incidence in the curve's order of reasons,
    /// then the probability of still being in post at the top, so that the bands fill 0 to 1 at every time; with a
    /// legend naming each band.
    /// </summary>
    Stacked,

    /// <summary>
    /// Small multiples: a titled panel per reason, in the curve's order of reasons from left to right and top to bottom,
    /// each with the reason's cumulative incidence as a step curve and its confidence band, all panels on one vertical
    /// scale and one time scale.
    /// </summary>
    SideBySide,
}
