namespace Upon.Core.Cohorts;

/// <summary>The number of people in one category of a breakdown, for example "children's social care: 14".</summary>
/// <remarks>Equality is by value (the category compared ordinally). Instances are immutable.</remarks>
public sealed record CategoryCount
{
    /// <summary>Initializes a count of <paramref name="count"/> people in <paramref name="category"/>.</summary>
    /// <param name="category">The category's name: not empty.</param>
    /// <param name="count">The number of people: zero or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public CategoryCount(string category, int count)
    {
        Guard.Against.NullOrWhiteSpace(category);
        Guard.Against.LessThan(count, 0);
        Category = category;
        Count = count;
    }

    /// <summary>Gets the category's name.</summary>
    public string Category { get; }

    /// <summary>Gets the number of people in the category (zero or more).</summary>
    public int Count { get; }
}
