using System.IO;
using System.Text;
using Upon.Core.Eligibility;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Testing;

/// <summary>
/// Generators of conformance cases (<see cref="EligibilityCase"/>): cases of any content, lists of them with unique
/// names as a case file holds them, and cases that pass because they were made from the decision they expect.
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class EligibilityCaseGenerators
{
    private static readonly string[] Reasons =
    [
        ReasonCodes.ExperienceInsufficient, ReasonCodes.ReadinessBeyondWindow, ReasonCodes.ReadinessMissing, ReasonCodes.StatementMissing,
        ReasonCodes.StatementTooShort, ReasonCodes.StatementTooLong, ReasonCodes.AssessorNotMet, ReasonCodes.AssessorPending,
        ReasonCodes.NotFailed, ReasonCodes.NotUndecided,
    ];

    /// <summary>
    /// Expectations of any outcome, with or without an eligible-from date, and zero to three distinct reason codes
    /// (not necessarily ones a decision of that outcome could have).
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityExpectation> Expectations() =>
        from outcome in Gen.Elements(System.Enum.GetValues<EligibilityOutcome>())
        from eligibleFrom in Gen.Frequency((2, Gen.Constant<LocalDate?>(null)), (1, Dates(Earliest, Latest).Select(d => (LocalDate?)d)))
        from count in Gen.Choose(0, 3)
        from reasons in Gen.Shuffle(Reasons)
        select new EligibilityExpectation(outcome, eligibleFrom, reasons.Take(count));

    /// <summary>
    /// Cases of any content: free-text names and descriptions (with characters JSON must escape), applications of
    /// <see cref="EligibilityDocumentGenerators.Applications()"/>, a policy named (with or without a version) or given
    /// whole (<see cref="EligibilityDocumentGenerators.Policies"/>), any as-of date, any expectation.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityCase> Cases() =>
        from name in NonBlankText()
        from description in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, NonBlankText(12).Select(d => (string?)d)))
        from application in Applications()
        from asOf in Dates(Earliest, Latest)
        from expected in Expectations()
        from inline in Gen.Frequency((2, Gen.Constant<EligibilityPolicy?>(null)), (1, Policies().Select(p => (EligibilityPolicy?)p)))
        from id in NonBlankText(4)
        from version in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(1, 5).Select(v => (int?)v)), (1, Gen.Constant<int?>(int.MaxValue)))
        select inline is not null
            ? new EligibilityCase(name, application, inline, asOf, expected, description)
            : new EligibilityCase(name, application, id, version, asOf, expected, description);

    /// <summary>One to <paramref name="max"/> cases of <see cref="Cases"/> with unique names (a number is added to each name), as a case file holds them.</summary>
    /// <param name="max">The most cases in a list; at least 1.</param>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityCase[]> CaseFiles(int max = 5) =>
        from count in Gen.Choose(1, Math.Max(1, max))
        from cases in Gen.ArrayOf(Cases(), count)
        select cases.Select(Numbered).ToArray();

    /// <summary>
    /// Cases that pass against <see cref="PolicyRegistry.BuiltIn"/>: an application (realistic, of
    /// <see cref="EligibilityGenerators.ApplicationGen"/>, or of any content) decided as of a date by a built-in policy
    /// named by identifier, with its version or without (the latest), or by a generated policy given whole; the case
    /// expects that decision (<see cref="EligibilityCase.FromDecision"/>).
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityCase> Passing() =>
        from name in NonBlankText()
        from application in Gen.OneOf(EligibilityGenerators.ApplicationGen(), Applications())
        from asOf in Gen.Frequency((1, Gen.Constant(application.AssessedOn)), (1, Dates(Earliest, Latest)))
        from builtIn in Gen.Elements(BuiltInPolicies.All.ToArray())
        from generated in Policies()
        from mode in Gen.Choose(0, 2)
        select mode switch
        {
            0 => EligibilityCase.FromDecision(name, application, builtIn.Decide(application, asOf)),
            1 => EligibilityCase.FromDecision(name, application, generated.Decide(application, asOf), generated),
            _ => new EligibilityCase(name, application, builtIn.Id, null, asOf, EligibilityExpectation.Of(builtIn.Decide(application, asOf))),
        };

    /// <summary>Writes cases as a compact case file, UTF-8 JSON text.</summary>
    /// <param name="cases">The cases: at least one, their names unique.</param>
    /// <returns>The JSON text.</returns>
    public static string Json(IEnumerable<EligibilityCase> cases)
    {
        using MemoryStream stream = new();
        EligibilityCaseDocument.Write(stream, cases);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EligibilityCase Numbered(EligibilityCase value, int index)
    {
        string name = $"{index + 1}. {value.Name}";
        return value.InlinePolicy is EligibilityPolicy policy
            ? new EligibilityCase(name, value.Application, policy, value.AsOf, value.Expected, value.Description)
            : new EligibilityCase(name, value.Application, value.PolicyId, value.PolicyVersion, value.AsOf, value.Expected, value.Description);
    }
}
