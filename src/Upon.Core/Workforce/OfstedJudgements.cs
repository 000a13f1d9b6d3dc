using System.Collections;
using System.Collections.Frozen;

namespace Upon.Core.Workforce;

/// <summary>
/// Ofsted judgements arranged for the lookups a model of DCS tenure makes day by day: an authority's judgements in date
/// order (<see cref="For"/>), the one in force on a day (<see cref="LatestOn"/>), and those published in a period
/// (<see cref="Between"/>, for a covariate such as "an inadequate judgement in the last 12 months").
/// </summary>
/// <remarks>
/// <para>
/// An authority has at most one judgement a day: two on one date would make "the latest" ambiguous, so
/// <see cref="OfstedJudgementValidation"/> reports both, and the constructor refuses them. Authority codes are compared
/// ordinally, as in the <see cref="AuthorityRegister"/>.
/// </para>
/// <para>
/// Each lookup finds the authority by hash and the dates by binary search: O(log n) in the authority's judgements, with
/// nothing made but the array a range returns. Enumeration gives every judgement by authority code (ordinal order), then
/// date, and the indexer follows that order. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class OfstedJudgements : IReadOnlyList<OfstedJudgement>
{
    private readonly FrozenDictionary<string, ImmutableArray<OfstedJudgement>> byAuthority;
    private readonly ImmutableArray<OfstedJudgement> all;

    /// <summary>Initializes the judgements of <paramref name="judgements"/>, in any order.</summary>
    /// <param name="judgements">The judgements.</param>
    /// <exception cref="ArgumentNullException"><paramref name="judgements"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two judgements are of one authority on one date.</exception>
    public OfstedJudgements(IEnumerable<OfstedJudgement> judgements)
    {
        Guard.Against.Null(judgements);
        Dictionary<string, List<OfstedJudgement>> groups = new(StringComparer.Ordinal);
        foreach (OfstedJudgement judgement in judgements)
        {
            Guard.Against.Null(judgement, nameof(judgements));
            if (!groups.TryGetValue(judgement.AuthorityCode, out List<OfstedJudgement>? group))
            {
                groups.Add(judgement.AuthorityCode, group = []);
            }

            group.Add(judgement);
        }

        Dictionary<string, ImmutableArray<OfstedJudgement>> sorted = new(StringComparer.Ordinal);
        foreach ((string code, List<OfstedJudgement> group) in groups)
        {
            group.Sort((x, y) => x.Date.CompareTo(y.Date));
            for (int i = 1; i < group.Count; i++)
            {
                Guard.Against.Invalid(group[i].Date == group[i - 1].Date, "An authority has at most one judgement a date.", nameof(judgements));
            }

            sorted.Add(code, [.. group]);
        }

        byAuthority = sorted.ToFrozenDictionary(StringComparer.Ordinal);
        AuthorityCodes = [.. groups.Keys.Order(StringComparer.Ordinal)];
        all = [.. AuthorityCodes.SelectMany(code => sorted[code])];
    }

    /// <summary>Gets the empty collection.</summary>
    public static OfstedJudgements Empty { get; } = new([]);

    /// <summary>Gets the number of judgements.</summary>
    public int Count => all.Length;

    /// <summary>Gets the judgement at <paramref name="index"/> in the order of enumeration: by authority code (ordinal order), then date.</summary>
    /// <param name="index">The position, from 0.</param>
    /// <returns>The judgement.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public OfstedJudgement this[int index] => all[Guard.Against.IndexOutOfRange(index, all.Length)];

    /// <summary>Gets the codes of the authorities with at least one judgement, in ordinal order.</summary>
    public ImmutableArray<string> AuthorityCodes { get; }

    /// <summary>Gets the judgements of an authority in date order; empty when it has none.</summary>
    /// <param name="authorityCode">The authority's code (compared ordinally).</param>
    /// <returns>The judgements, earliest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="authorityCode"/> is null.</exception>
    public ImmutableArray<OfstedJudgement> For(string authorityCode)
    {
        Guard.Against.Null(authorityCode);
        return byAuthority.TryGetValue(authorityCode, out ImmutableArray<OfstedJudgement> judgements) ? judgements : [];
    }

    /// <summary>
    /// Gets the authority's latest judgement published on or before <paramref name="date"/>: the one in force that day
    /// (a judgement stands until the next one). Null when it has none by then.
    /// </summary>
    /// <param name="authorityCode">The authority's code (compared ordinally).</param>
    /// <param name="date">The day; a judgement published that day counts.</param>
    /// <returns>The judgement, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="authorityCode"/> is null.</exception>
    public OfstedJudgement? LatestOn(string authorityCode, LocalDate date)
    {
        ImmutableArray<OfstedJudgement> judgements = For(authorityCode);
        int through = After(judgements, date);
        return through == 0 ? null : judgements[through - 1];
    }

    /// <summary>
    /// Gets the authority's judgements published in <paramref name="period"/> (both ends included), in date order. For
    /// "an inadequate judgement in the 12 months to a day": <c>Between(code, new DateInterval(day.PlusYears(-1).PlusDays(1), day)).Any(j =&gt; j.Grade == OfstedGrade.Inadequate)</c>.
    /// </summary>
    /// <param name="authorityCode">The authority's code (compared ordinally).</param>
    /// <param name="period">The days.</param>
    /// <returns>The judgements, earliest first; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="authorityCode"/> or <paramref name="period"/> is null.</exception>
    public ImmutableArray<OfstedJudgement> Between(string authorityCode, DateInterval period)
    {
        Guard.Against.Null(period);
        ImmutableArray<OfstedJudgement> judgements = For(authorityCode);
        int from = period.Start == LocalDate.MinIsoValue ? 0 : After(judgements, period.Start.PlusDays(-1));
        int through = After(judgements, period.End);
        return judgements.Slice(from, through - from);
    }

    /// <summary>Returns the judgements by authority code (ordinal order), then date.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<OfstedJudgement> GetEnumerator() => ((IEnumerable<OfstedJudgement>)all).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The number of <paramref name="judgements"/> (in date order) published on or before <paramref name="date"/>.</summary>
    private static int After(ImmutableArray<OfstedJudgement> judgements, LocalDate date)
    {
        int low = 0;
        int high = judgements.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (judgements[middle].Date <= date)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
