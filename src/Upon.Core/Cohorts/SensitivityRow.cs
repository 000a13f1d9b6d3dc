namespace Upon.Core.Cohorts;

/// <summary>One row of a sensitivity table: the model with one input changed, the others as in the base model.</summary>
/// <remarks>Equality is by value. Instances are immutable.</remarks>
/// <param name="Input">The input changed.</param>
/// <param name="Value">The value it was given.</param>
/// <param name="PlacesNeeded">The places needed a year with that value, exact (see <see cref="SizingModel.PlacesNeeded"/>).</param>
/// <param name="WholePlacesNeeded">The same, rounded up to whole places.</param>
public sealed record SensitivityRow(SizingInput Input, decimal Value, decimal PlacesNeeded, int WholePlacesNeeded);
