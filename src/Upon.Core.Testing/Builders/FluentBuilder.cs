namespace Upon.Core.Testing;

/// <summary>The step every builder's setter takes: store one attribute, return the builder for the next call.</summary>
internal static class FluentBuilder
{
    /// <summary>Stores <paramref name="value"/> in <paramref name="field"/> and returns <paramref name="builder"/>.</summary>
    /// <typeparam name="TBuilder">The builder's type.</typeparam>
    /// <typeparam name="T">The attribute's type.</typeparam>
    /// <param name="builder">The builder that owns <paramref name="field"/>.</param>
    /// <param name="field">The builder's field for the attribute.</param>
    /// <param name="value">The attribute's new value.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static TBuilder Set<TBuilder, T>(this TBuilder builder, ref T field, T value)
        where TBuilder : class
    {
        field = value;
        return builder;
    }
}
