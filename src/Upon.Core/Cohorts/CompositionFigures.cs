namespace Upon.Core.Cohorts;

/// <summary>
/// A cohort's make-up as published: counts by category for one or more dimensions, each with the total stated
/// alongside it where there is one (read from a composition document by <see cref="CompositionDocument"/>).
/// </summary>
/// <remarks>Equality is by reference. Instances are immutable and safe to share between threads.</remarks>
public sealed class CompositionFigures
{
    /// <summary>Initializes figures.</summary>
    /// <param name="title">What the figures describe, for example "Year 1 cohort"; null for none.</param>
    /// <param name="dimensions">The dimensions: at least one, names distinct (compared ordinally).</param>
    /// <exception cref="ArgumentException"><paramref name="dimensions"/> is empty, holds null or names a dimension twice; or <paramref name="title"/> is empty.</exception>
    public CompositionFigures(string? title, ImmutableArray<CompositionDimension> dimensions)
    {
        if (title is not null)
        {
            Guard.Against.NullOrWhiteSpace(title);
        }

        Guard.Against.Empty(dimensions, "dimension");
        Dictionary<string, int> names = new(dimensions.Length, StringComparer.Ordinal);
        for (int i = 0; i < dimensions.Length; i++)
        {
            CompositionDimension dimension = Guard.Against.NullAt(dimensions[i], i, "Dimension", nameof(dimensions));
            Guard.Against.Duplicate(names, dimension.Dimension, i, static (earlier, again) => $"Dimensions {earlier} and {again} have the same name.", nameof(dimensions));
        }

        Title = title;
        Dimensions = dimensions;
    }

    /// <summary>Gets what the figures describe, or null.</summary>
    public string? Title { get; }

    /// <summary>Gets the dimensions, in the order given.</summary>
    public ImmutableArray<CompositionDimension> Dimensions { get; }
}
