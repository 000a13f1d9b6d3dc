namespace Upon.Core.Workforce;

/// <summary>How the workforce types write their figures in <c>ToString</c>: invariant culture, <c>NA</c> (R's word) or <c>-</c> where there is none.</summary>
internal static class SurvivalText
{
    /// <summary>A number to at most four decimal places, or <c>NA</c>.</summary>
    public static string Number(double? value) => value is double v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "NA";

    /// <summary>A share as a percentage to one decimal place (0.377 is <c>37.7%</c>), or <c>-</c>.</summary>
    public static string Percent(double? share) => share is double s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>The name of a confidence-interval type in lower case, as R's <c>conf.type</c> gives it.</summary>
    public static string Name(ConfidenceIntervalType type) => type switch
    {
        ConfidenceIntervalType.Plain => "plain",
        ConfidenceIntervalType.LogLog => "log-log",
        _ => "log",
    };
}
