using System.IO;
using System.Text;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The examples of docs/eligibility.md, "Fingerprints and replay", run.</summary>
public class ReplayDocExamples
{
    [Fact]
    public void DecideWriteReadBackAndReplay()
    {
        Application application = EligibilityDocExamples.ReadWorkedExample().Application;

        // begin-snippet: eligibility-replay
        // Decide, and record the decision with its fingerprint.
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);

        // Months later: read the record back, and make the decision again on the application as it now stands.
        EligibilityDecision recorded = DecisionDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow();
        ReplayResult replay = DecisionReplay.Replay(recorded, application, PolicyRegistry.BuiltIn);

        // replay.Status is ReplayStatus.Identical; replay.PolicyContentChanged and replay.ApplicationChanged are false.
        // end-snippet
        Assert.Equal(decision.Fingerprint, recorded.Fingerprint);
        Assert.Equal(ReplayStatus.Identical, replay.Status);
        Assert.Equal((false, false), (replay.PolicyContentChanged, replay.ApplicationChanged));
        string page = EligibilityDocExamples.Page("eligibility.md");
        Assert.Contains(Tests.Eligibility.DecisionFingerprintTests.GoldenCanonicalForm, page, System.StringComparison.Ordinal);
        Assert.Contains(Tests.Eligibility.DecisionFingerprintTests.GoldenApplicationHash, page, System.StringComparison.Ordinal);
    }
}
