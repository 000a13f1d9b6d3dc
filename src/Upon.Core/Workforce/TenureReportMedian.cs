namespace Upon.Core.Workforce;

/// <summary>The Kaplan–Meier median tenure of a <see cref="TenureReport"/> group in months, with its 95% confidence limits; each null where not reached.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Months">The median, or null while more than half are still in post.</param>
/// <param name="Lower">The lower confidence limit, or null.</param>
/// <param name="Upper">The upper confidence limit, or null.</param>
public sealed record TenureReportMedian(double? Months, double? Lower, double? Upper);
