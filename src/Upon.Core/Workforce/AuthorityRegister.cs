namespace Upon.Core.Workforce;

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
        Guard.Against.Null(authorities);
        byCode = new Dictionary<string, Authority>(StringComparer.Ordinal);
        ImmutableArray<Authority>.Builder all = ImmutableArray.CreateBuilder<Authority>();
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        foreach (Authority authority in authorities)
        {
            Guard.Against.Null(authority, nameof(authorities));
            Guard.Against.Duplicate(seen, authority.Code, all.Count, static (earlier, again) => $"Authorities {earlier} and {again} have the same code.", nameof(authorities));
            byCode.Add(authority.Code, authority);
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
        Guard.Against.Null(code);
        return byCode.GetValueOrDefault(code);
    }

    /// <summary>Gets the authorities in force on at least one day of <paramref name="period"/> (both ends included), in register order.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The authorities in force during the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    public ImmutableArray<Authority> InForceDuring(DateInterval period)
    {
        Guard.Against.Null(period);
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
        Guard.Against.Null(period);
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
