using System.IO;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// The conformance case files of the built-in policies (<see cref="BuiltInPolicies"/>), shipped in this package: for
/// each policy, hand-written cases that pin its behaviour (eligible; ineligible for each reason; incomplete; eligible
/// from a later date; three calendar years to the day and a day short, month ends and 29 February; overlapping roles,
/// gaps, part-time, acting, future and non-qualifying roles; the readiness window's edge; the transferable-skills
/// route). Each file is a case file as <see cref="EligibilityCaseDocument"/> reads it; Upon.Core's own tests run them
/// all, and every case passes.
/// </summary>
/// <example>
/// <code>
/// using Stream cases = BuiltInCaseFiles.Open("aspirant-2021-22");
/// EligibilityCaseAssertions.AllPass(cases);
/// </code>
/// </example>
public static class BuiltInCaseFiles
{
    private const string ResourcePrefix = "Upon.Core.Testing.Cases.";

    private const string Extension = ".cases.json";

    /// <summary>Gets the identifiers of the policies that have a case file: every built-in policy, in the order of <see cref="BuiltInPolicies.All"/>.</summary>
    public static ImmutableArray<string> PolicyIds { get; } = [.. BuiltInPolicies.All.Select(p => p.Id)];

    /// <summary>Gets the file name of a policy's case file: the identifier and <c>.cases.json</c>, such as <c>aspirant-2021-22.cases.json</c>.</summary>
    /// <param name="policyId">A built-in policy's identifier (see <see cref="PolicyIds"/>).</param>
    /// <returns>The file name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="ArgumentException">No built-in policy has that identifier.</exception>
    public static string FileName(string policyId)
    {
        ArgumentNullException.ThrowIfNull(policyId);
        if (!PolicyIds.Contains(policyId, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No built-in policy has this identifier; the case files are those of {string.Join(", ", PolicyIds)}.", nameof(policyId));
        }

        return policyId + Extension;
    }

    /// <summary>Opens the case file of a built-in policy.</summary>
    /// <param name="policyId">A built-in policy's identifier (see <see cref="PolicyIds"/>).</param>
    /// <returns>A stream of the file's UTF-8 JSON, which the caller disposes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policyId"/> is null.</exception>
    /// <exception cref="ArgumentException">No built-in policy has that identifier.</exception>
    public static Stream Open(string policyId) =>
        typeof(BuiltInCaseFiles).Assembly.GetManifestResourceStream(ResourcePrefix + FileName(policyId))
        ?? throw new InvalidOperationException("The case file is missing from the assembly: the package is damaged.");
}
