using System.IO;
using System.Text;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// The boundary cases of each built-in policy, word for word, as a reviewed file: names, descriptions, applications,
/// dates and expected outcomes and reasons (tests/Upon.Core.Tests/Eligibility/BoundaryCases/NAME.approved.json). The
/// other tests of the generator check that every case is decided as it expects and that names are stable and unique;
/// this one pins which edges are chosen and how each is put, so that a change to either is seen and reviewed. When a
/// change is intended, copy the NAME.received.json the failing test writes beside the file over it and review the diff.
/// </summary>
public sealed class BoundaryCaseGoldenTests
{
    public static TheoryData<string, string> Policies() => new()
    {
        { "aspirant-2020-21", "2020-09-01" },
        { "aspirant-2021-22", "2021-09-01" },
        { "aspirant-2022-23", "2022-09-01" },

        // After a leap day, so that the edges that fall on or near 29 February are placed by it.
        { "aspirant-2022-23", "2024-03-01" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void BoundaryCases_OfABuiltInPolicy_AreTheApprovedOnes(string policyId, string asOf)
    {
        EligibilityPolicy policy = PolicyRegistry.BuiltIn.FindById(policyId)!;
        LocalDate date = NodaTime.Text.LocalDatePattern.Iso.Parse(asOf).GetValueOrThrow();
        using MemoryStream written = new();
        EligibilityCaseDocument.Write(written, EligibilityBoundaryCases.Generate(policy, date), indented: true);
        string received = Encoding.UTF8.GetString(written.ToArray()).ReplaceLineEndings("\n");

        string name = $"{policyId}.{asOf}";
        string approvedPath = Repository.PathOf("tests", "Upon.Core.Tests", "Eligibility", "BoundaryCases", name + ".approved.json");
        string receivedPath = Repository.PathOf("tests", "Upon.Core.Tests", "Eligibility", "BoundaryCases", name + ".received.json");
        ApprovedFile.AssertMatches(received, approvedPath, receivedPath, text => text.ReplaceLineEndings("\n"), $"The boundary cases of {policyId} as of {asOf} differ from {approvedPath}. If the change is intended, copy {receivedPath} over it and review the diff.");
    }
}
