using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
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
}
