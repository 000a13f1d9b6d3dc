using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>One selection to run: candidates, capacity, seed, cap and waiting-list length, with a shuffled copy of the candidates.</summary>
public sealed record SelectionCase(
    SelectionCandidate[] Candidates,
    SelectionCandidate[] Shuffled,
    int Capacity,
    long Seed,
    int? AuthorityCap,
    int? WaitingListLength)
{
    /// <summary>Runs the selection over <see cref="Candidates"/>.</summary>
    public Selection Run(bool positiveAction = false) => Run(Candidates, Seed, positiveAction);

    /// <summary>Runs the selection over <paramref name="candidates"/> with <paramref name="seed"/>.</summary>
    public Selection Run(IReadOnlyList<SelectionCandidate> candidates, long seed, bool positiveAction = false) =>
        Selection.Of(candidates, Capacity, seed, AuthorityCap, positiveAction, WaitingListLength);

    /// <summary>A short description for counter-examples.</summary>
    public override string ToString() =>
        $"capacity {Capacity}, cap {AuthorityCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, seed {Seed}, list {WaitingListLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}: "
        + string.Join("; ", Candidates.Select(c => $"{c.ApplicantId} {c.AuthorityCode} {c.Eligibility} {c.Score} {(c.UnderRepresented ? "U" : "-")}"));
}

/// <summary>
/// FsCheck generators for selection: up to 30 candidates over at most four authorities with scores from a few
/// values (so exact ties are frequent, including 3 and 3.0, which are equal), small capacities and caps.
/// </summary>
public static class SelectionGenerators
{
    private static readonly string[] Authorities = ["A", "B", "C", "D"];

    /// <summary>A score from 0 to 5, sometimes written with a trailing zero (3.0 equals 3), sometimes with a half.</summary>
    public static Gen<decimal> Scores() =>
        Gen.Frequency(
            (4, Gen.Choose(0, 5).Select(n => (decimal)n)),
            (1, Gen.Choose(0, 5).Select(n => n + 0.0m)),
            (1, Gen.Choose(0, 10).Select(n => n / 2m)));

    /// <summary>Candidates with distinct ids (an index and a random suffix), one to four authorities, mostly eligible.</summary>
    public static Gen<SelectionCandidate[]> Candidates() =>
        from count in Gen.Choose(0, 30)
        from authorities in Gen.Choose(1, Authorities.Length)
        from items in (
            from suffix in Gen.Choose(0, 999)
            from authority in Gen.Choose(0, authorities - 1)
            from eligibility in Gen.Frequency(
                (6, Gen.Constant(EligibilityOutcome.Eligible)),
                (1, Gen.Constant(EligibilityOutcome.Ineligible)),
                (1, Gen.Constant(EligibilityOutcome.Incomplete)))
            from score in Scores()
            from flag in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (suffix, authority, eligibility, score, flag)).ArrayOf(count)
        select items
            .Select((c, i) => new SelectionCandidate($"p{i}-{c.suffix}", Authorities[c.authority], c.eligibility, c.score, c.flag))
            .ToArray();

    /// <summary>A seed over the whole range of <see cref="long"/>.</summary>
    public static Gen<long> Seeds() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)high << 32) | unchecked((uint)low);

    /// <summary>Selection cases: capacity 1 to 15, cap none or 1 to 4, waiting list unlimited or 0 to 6.</summary>
    public static Arbitrary<SelectionCase> Cases() =>
        Arb.From(
            from candidates in Candidates()
            from shuffled in Gen.Shuffle(candidates)
            from capacity in Gen.Choose(1, 15)
            from seed in Seeds()
            from cap in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 4).Select(k => (int?)k)))
            from length in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 6).Select(k => (int?)k)))
            select new SelectionCase(candidates, shuffled.ToArray(), capacity, seed, cap, length));
}
