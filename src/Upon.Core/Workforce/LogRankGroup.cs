namespace Upon.Core.Workforce;

/// <summary>One group of a <see cref="LogRankTest{TGroup}"/>: R's <c>survdiff</c> <c>n</c>, <c>obs</c> and <c>exp</c>.</summary>
/// <remarks>Equality is by value.</remarks>
/// <typeparam name="TGroup">The group key.</typeparam>
/// <param name="Group">The group key.</param>
/// <param name="Count">The number of records in the group.</param>
/// <param name="Observed">The number of events observed in the group.</param>
/// <param name="Expected">The number of events expected in the group if every group had the same survival, at least 0.</param>
public readonly record struct LogRankGroup<TGroup>(TGroup Group, long Count, long Observed, double Expected);
