namespace Upon.Core.Workforce;

/// <summary>A local authority with children's services, as it stands in the register for a span of dates.</summary>
/// <remarks>
/// The authority is in force from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>, both
/// included; without <see cref="EffectiveTo"/> it is still in force. Equality is by value.
/// </remarks>
public sealed record Authority
{
    /// <summary>Initializes an authority.</summary>
    /// <param name="code">The authority's code (for example its ONS or DfE code); not empty.</param>
    /// <param name="name">The authority's name; not empty.</param>
    /// <param name="region">The region it belongs to; not empty.</param>
    /// <param name="effectiveFrom">The first day it is in force, in the ISO calendar.</param>
    /// <param name="effectiveTo">The last day it is in force (included), or null while it is in force.</param>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    /// <exception cref="ArgumentException">A text argument is empty, or a date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveTo"/> is before <paramref name="effectiveFrom"/>.</exception>
    public Authority(string code, string name, string region, LocalDate effectiveFrom, LocalDate? effectiveTo = null)
    {
        Guard.Against.NullOrEmpty(code);
        Guard.Against.NullOrEmpty(name);
        Guard.Against.NullOrEmpty(region);
        Guard.Against.NonIsoCalendar(effectiveFrom);
        if (effectiveTo is LocalDate to)
        {
            Guard.Against.NonIsoCalendar(to, nameof(effectiveTo));
            Guard.Against.OutOfRange(to < effectiveFrom, "An authority cannot leave the register before it joins it.", nameof(effectiveTo));
        }

        Code = code;
        Name = name;
        Region = region;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
    }

    /// <summary>Gets the authority's code.</summary>
    public string Code { get; }

    /// <summary>Gets the authority's name.</summary>
    public string Name { get; }

    /// <summary>Gets the region the authority belongs to.</summary>
    public string Region { get; }

    /// <summary>Gets the first day the authority is in force.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last day the authority is in force (included), or null while it is in force.</summary>
    public LocalDate? EffectiveTo { get; }

    /// <summary>Gets a value indicating whether the authority is in force on at least one day of <paramref name="period"/>.</summary>
    /// <param name="period">The period, both ends included.</param>
    /// <returns>True when the authority's span and the period share a day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public bool IsInForceDuring(DateInterval period)
    {
        Guard.Against.Null(period);
        return EffectiveFrom <= period.End && (EffectiveTo is not LocalDate to || to >= period.Start);
    }

    /// <summary>Gets a value indicating whether the authority is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when EffectiveFrom ≤ date ≤ EffectiveTo.</returns>
    public bool IsInForceOn(LocalDate date) => EffectiveFrom <= date && (EffectiveTo is not LocalDate to || date <= to);
}
