using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

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
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(region);
        Preconditions.CheckIso(effectiveFrom);
        if (effectiveTo is LocalDate to)
        {
            Preconditions.CheckIso(to, nameof(effectiveTo));
            if (to < effectiveFrom)
            {
                throw new ArgumentOutOfRangeException(nameof(effectiveTo), "An authority cannot leave the register before it joins it.");
            }
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
        ArgumentNullException.ThrowIfNull(period);
        return EffectiveFrom <= period.End && (EffectiveTo is not LocalDate to || to >= period.Start);
    }

    /// <summary>Gets a value indicating whether the authority is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when EffectiveFrom ≤ date ≤ EffectiveTo.</returns>
    public bool IsInForceOn(LocalDate date) => EffectiveFrom <= date && (EffectiveTo is not LocalDate to || date <= to);
}

/// <summary>
/// The effective-dated register of local authorities with children's services: the denominator of
/// every turnover rate, since authorities merge and split (151 in 2020/21, 153 in 2023/24).
/// </summary>
/// <remarks>Codes are unique in a register. Instances are immutable and thread-safe; equality is by reference.</remarks>
public sealed partial class AuthorityRegister
{
    private readonly Dictionary<string, Authority> byCode;

    /// <summary>Initializes a register.</summary>
    /// <param name="authorities">The authorities; each code at most once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="authorities"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A code appears twice.</exception>
    public AuthorityRegister(IEnumerable<Authority> authorities)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        byCode = new Dictionary<string, Authority>(StringComparer.Ordinal);
        ImmutableArray<Authority>.Builder all = ImmutableArray.CreateBuilder<Authority>();
        foreach (Authority authority in authorities)
        {
            ArgumentNullException.ThrowIfNull(authority, nameof(authorities));
            if (!byCode.TryAdd(authority.Code, authority))
            {
                throw new ArgumentException($"The authority code '{authority.Code}' appears more than once.", nameof(authorities));
            }

            all.Add(authority);
        }

        Authorities = all.ToImmutable();
    }

    /// <summary>Gets the authorities in the order given.</summary>
    public ImmutableArray<Authority> Authorities { get; }

    /// <summary>Gets the authority with <paramref name="code"/>, or null when the register has none.</summary>
    /// <param name="code">The code, compared ordinally.</param>
    /// <returns>The authority or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    public Authority? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return byCode.GetValueOrDefault(code);
    }

    /// <summary>Gets the authorities in force on at least one day of <paramref name="period"/> (both ends included), in register order.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The authorities in force during the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public ImmutableArray<Authority> InForceDuring(DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(period);
        ImmutableArray<Authority>.Builder result = ImmutableArray.CreateBuilder<Authority>();
        foreach (Authority authority in Authorities)
        {
            if (authority.IsInForceDuring(period))
            {
                result.Add(authority);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Gets the number of authorities in force on at least one day of <paramref name="period"/> (both ends included): the denominator of a turnover rate over the period.</summary>
    /// <param name="period">The period, for example <see cref="TurnoverPeriods.FinancialYear(int)"/>.</param>
    /// <returns>The number of authorities in force during the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public int CountInForceDuring(DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(period);
        int count = 0;
        foreach (Authority authority in Authorities)
        {
            count += authority.IsInForceDuring(period) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Gets the number of authorities in force on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The number of authorities with EffectiveFrom ≤ date ≤ EffectiveTo.</returns>
    public int CountInForceOn(LocalDate date)
    {
        int count = 0;
        foreach (Authority authority in Authorities)
        {
            count += authority.IsInForceOn(date) ? 1 : 0;
        }

        return count;
    }
}
