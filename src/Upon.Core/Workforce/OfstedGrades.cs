using System.Diagnostics;

namespace Upon.Core.Workforce;

/// <summary>
/// The codes of <see cref="OfstedGrade"/> in files: <c>outstanding</c>, <c>good</c>, <c>requires-improvement</c> and
/// <c>inadequate</c>, read in any case; Ofsted's numeric grades <c>1</c> to <c>4</c>, as its management information
/// spreadsheets give them, are read too, so that those files load without a mapping. The writers write the codes.
/// </summary>
/// <remarks>
/// Other spellings, Ofsted's "Requires improvement to be good" among them, are not grades: map them to a code before
/// reading. The grade "adequate" of the inspections before November 2013 has no code, as it has no place in the four
/// grades since.
/// </remarks>
public static class OfstedGrades
{
    /// <summary>Gets the codes of the grades, from best to worst.</summary>
    public static ImmutableArray<string> Codes { get; } = ["outstanding", "good", "requires-improvement", "inadequate"];

    /// <summary>Gets the code of <paramref name="grade"/>.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>Its code, for example <c>requires-improvement</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not a defined grade.</exception>
    public static string Code(OfstedGrade grade) => Guard.Against.UndefinedEnum(grade, nameof(grade), "Not an Ofsted grade.") switch
    {
        OfstedGrade.Outstanding => Codes[0],
        OfstedGrade.Good => Codes[1],
        OfstedGrade.RequiresImprovement => Codes[2],
        OfstedGrade.Inadequate => Codes[3],
        _ => throw new UnreachableException(),
    };

    /// <summary>Reads a grade: a code in any case, or a numeric grade <c>1</c> to <c>4</c>, with white space around it allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="grade">The grade, when the text names one; otherwise 0, which is no grade.</param>
    /// <returns>Whether the text names a grade.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out OfstedGrade grade)
    {
        ReadOnlySpan<char> name = text.Trim();
        grade = default;
        if (name.Length == 1 && name[0] is >= '1' and <= '4')
        {
            grade = (OfstedGrade)(name[0] - '0');
            return true;
        }

        for (int i = 0; i < Codes.Length; i++)
        {
            if (name.Equals(Codes[i], StringComparison.OrdinalIgnoreCase))
            {
                grade = (OfstedGrade)(i + 1);
                return true;
            }
        }

        return false;
    }
}
