using Upon.Core.Cohorts;

namespace Upon.Core.Testing;

/// <summary>
/// Cohort compositions: breakdowns of a cohort of up to 60 by professional background or ethnicity, with the
/// published categories, small counts (so suppression applies), a stated total that sometimes differs from the sum
/// (as Year 1's 19 against 20) and sometimes a reference share (serving DCSs' 80% white British).
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class CompositionGenerators
{
    private static readonly string[] Backgrounds = ["children's social care", "education", "adult social care", "commissioning", "inclusion", "health", "youth justice"];

    private static readonly string[] Ethnicities = ["British", "Irish", "African", "Caribbean", "Indian", "Pakistani", "Mixed", "Other"];

    /// <summary>Breakdowns of two to seven categories with counts of 0 to 15 (not all zero); shrinks by lowering counts and dropping the stated total.</summary>
    /// <returns>The breakdowns.</returns>
    public static Arbitrary<CompositionBreakdown> Breakdowns()
    {
        Gen<(bool ByEthnicity, int[] Counts, int StatedOffset, bool WithReference)> gen =
            from byEthnicity in Gen.Elements(false, true)
            from size in Gen.Choose(2, 7)
            from counts in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 15))), size)
            from statedOffset in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-2, 2)), (1, Gen.Constant(int.MinValue)))
            from withReference in Gen.Elements(false, true)
            where counts.Any(c => c > 0)
            select (byEthnicity, counts, statedOffset, withReference);
        return Arb.From(gen, Shrink).Convert(Build, Unbuild);

        static IEnumerable<(bool, int[], int, bool)> Shrink((bool ByEthnicity, int[] Counts, int StatedOffset, bool WithReference) c)
        {
            if (c.StatedOffset != 0 && c.StatedOffset != int.MinValue)
            {
                yield return c with { StatedOffset = 0 };
            }

            for (int i = 0; i < c.Counts.Length; i++)
            {
                if (c.Counts[i] > 0 && c.Counts.Where((n, j) => j != i && n > 0).Any())
                {
                    int[] lower = [.. c.Counts];
                    lower[i] /= 2;
                    yield return c with { Counts = lower };
                }
            }
        }
    }

    /// <summary>Builds the breakdown a generated description stands for.</summary>
    private static CompositionBreakdown Build((bool ByEthnicity, int[] Counts, int StatedOffset, bool WithReference) c)
    {
        string[] names = c.ByEthnicity ? Ethnicities : Backgrounds;
        CategoryCount[] counts = [.. c.Counts.Select((n, i) => new CategoryCount(names[i], n))];
        int total = counts.Sum(x => x.Count);
        int? stated = c.StatedOffset == int.MinValue ? null : System.Math.Max(0, total + c.StatedOffset);
        Dictionary<string, decimal>? reference = c.WithReference ? new() { [names[0]] = c.ByEthnicity ? SectorFigures.ServingDcsWhiteBritishShare : 0.7m } : null;
        return CompositionBreakdown.Create(c.ByEthnicity ? ProgrammeFixtures.Ethnicity : ProgrammeFixtures.ProfessionalBackground, counts, stated, reference);
    }

    /// <summary>Recovers the description of a breakdown (for shrinking).</summary>
    private static (bool, int[], int, bool) Unbuild(CompositionBreakdown breakdown) =>
        (breakdown.Dimension == ProgrammeFixtures.Ethnicity,
         [.. breakdown.Cells.Select(cell => cell.Count)],
         breakdown.StatedTotal is int stated ? stated - breakdown.Total : int.MinValue,
         breakdown.Cells[0].ReferenceShare is not null);
    /// <summary>
    /// What a composition document (<see cref="CompositionDocument"/>) holds: an optional title, one to four dimensions
    /// with distinct names, each with one to eight categories with distinct names and counts from 0 to 40 (not all 0),
    /// and a stated total or none; names with quotes, accents and line breaks among them.
    /// </summary>
    /// <returns>The figures.</returns>
    public static Arbitrary<CompositionFigures> Figures()
    {
        string[] names = ["background", "ethnicity", "“quoted” é", "line\nbreak", "a\\b"];
        Gen<CompositionDimension> Dimension(string name) =>
            from size in Gen.Choose(1, 8)
            from counts in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 40))), size)
            from stated in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 200).Select(n => (int?)n)))
            where counts.Any(count => count > 0)
            select new CompositionDimension(name, [.. counts.Select((count, i) => new CategoryCount(i % 2 == 0 ? Backgrounds[i % Backgrounds.Length] + " " + i : Ethnicities[i % Ethnicities.Length] + " " + i, count))], stated);
        Gen<CompositionFigures> gen =
            from title in Gen.Elements<string?>(null, "Year 1", "“cohort” é\n2021")
            from chosen in Gen.SubListOf(names).Where(list => list.Count > 0)
            from dimensions in Gen.CollectToArray(chosen.Select(Dimension))
            select new CompositionFigures(title, [.. dimensions]);
        return Arb.From(gen);
    }

    /// <summary>
    /// What a candidates document (<see cref="CandidateDocument"/>) holds: up to twelve candidates with distinct applicant
    /// ids, any eligibility, decimal scores of several scales (negative ones too), the under-represented flag either way,
    /// and each composition attribute stated or not, with quotes and accents among the values.
    /// </summary>
    /// <returns>The candidates, in document order.</returns>
    public static Arbitrary<CandidateProfile[]> CandidateProfiles()
    {
        Gen<CandidateProfile[]> gen =
            from count in Gen.Choose(0, 12)
            from items in (
                from authority in Gen.Elements("LA1", "LA2", "é-3", "Q\"4")
                from eligibility in Gen.Elements(Upon.Core.Eligibility.EligibilityOutcome.Eligible, Upon.Core.Eligibility.EligibilityOutcome.Ineligible, Upon.Core.Eligibility.EligibilityOutcome.Incomplete)
                from units in Gen.Choose(-100_000, 100_000)
                from scale in Gen.Choose(0, 6)
                from flag in Gen.Elements(true, false)
                from attributes in Gen.ArrayOf(Gen.Elements<string?>(null, "children's social care", "Irish", "North East", "“quoted”"), 5)
                select (authority, eligibility, score: new decimal(System.Math.Abs(units), 0, 0, units < 0, (byte)scale), flag, attributes)).ArrayOf(count)
            select items.Select((c, i) => new CandidateProfile(
                new SelectionCandidate("id-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), c.authority, c.eligibility, c.score, c.flag),
                c.attributes[0],
                c.attributes[1],
                c.attributes[2],
                c.attributes[3],
                c.attributes[4])).ToArray();
        return Arb.From(gen, profiles => Shrinks.RemoveElements(profiles));
    }
}
