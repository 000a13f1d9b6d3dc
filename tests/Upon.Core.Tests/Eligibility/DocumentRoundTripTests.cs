using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Applications, policies and decisions written as JSON and read back are unchanged.</summary>
public sealed class DocumentRoundTripTests
{
    [Property]
    public Property Application_WriteThenParse_GivesAnEqualSubmission() =>
        Prop.ForAll(Arb.From(Submissions()), submission =>
        {
            string json = Json(submission.Application, submission.Monitoring);

            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(json);

            Assert.Empty(read.Problems);
            Assert.Equal(submission, read.Value);
        });

    [Property]
    public Property Application_WriteToStreamThenRead_GivesAnEqualSubmission() =>
        Prop.ForAll(Arb.From(Submissions()), submission =>
        {
            using MemoryStream stream = new();
            ApplicationDocument.Write(stream, submission.Application, submission.Monitoring, indented: true);
            stream.Position = 0;

            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(stream);

            Assert.Empty(read.Problems);
            Assert.Equal(submission.Application, read.Value!.Application);
            Assert.Equal(submission.Monitoring, read.Value.Monitoring);
        });

    [Fact]
    public void Application_Monitoring_IsReturnedBesideTheApplicationNeverInIt()
    {
        Application application = new("A-1", "2021/22", new LocalDate(2021, 6, 1), [], moralPurposeStatement: "Children first.");
        EqualityMonitoring monitoring = new(Ethnicity: "asian-indian", Disability: "preferNotToSay");

        ApplicationSubmission read = ApplicationDocument.Parse(Json(application, monitoring)).GetValueOrThrow();

        Assert.Equal(application, read.Application);
        Assert.Equal(monitoring, read.Monitoring);
        Assert.DoesNotContain("asian-indian", Json(read.Application), System.StringComparison.Ordinal);
    }

    [Property]
    public Property Policy_WriteThenParse_GivesAnEqualPolicy() =>
        Prop.ForAll(Arb.From(Policies()), policy =>
        {
            DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Parse(Json(policy));

            Assert.Empty(read.Problems);
            EligibilityPolicy single = Assert.Single(read.Value!);
            Assert.Equal(policy, single);
            Assert.Equal(policy.Rule, single.Rule);
        });

    [Property]
    public Property Policies_WrittenAsAnArray_ReadBackInOrder() =>
        Prop.ForAll(Arb.From(Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(Policies(), n))), policies =>
        {
            using MemoryStream stream = new();
            PolicyDocument.Write(stream, policies, indented: false);
            stream.Position = 0;

            DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Read(stream);

            Assert.Empty(read.Problems);
            Assert.Equal<EligibilityPolicy>(policies, read.Value!);
        });

    [Fact]
    public void BuiltInPolicies_EachRoundTrip()
    {
        foreach (EligibilityPolicy policy in BuiltInPolicies.All)
        {
            EligibilityPolicy read = Assert.Single(PolicyDocument.Parse(Json(policy)).GetValueOrThrow());

            Assert.Equal(policy, read);
            Assert.Equal<string>(policy.Interpretation, read.Interpretation);
        }

        using MemoryStream all = new();
        PolicyDocument.Write(all, BuiltInPolicies.All);
        Assert.Equal<EligibilityPolicy>(BuiltInPolicies.All, PolicyDocument.Parse(Encoding.UTF8.GetString(all.ToArray())).GetValueOrThrow());
    }

    [Property]
    public Property Decision_UnderBuiltInPolicies_WriteThenParse_GivesAnEqualDecision()
    {
        Gen<EligibilityDecision> decisions =
            from application in Applications()
            from policy in Gen.Elements(BuiltInPolicies.All.ToArray())
            from asOf in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (1, Dates(Earliest, Latest).Select(d => (LocalDate?)d)))
            select asOf is LocalDate date ? policy.Decide(application, date) : policy.Decide(application);

        return Prop.ForAll(Arb.From(decisions), AssertRoundTrips);
    }

    [Property]
    public Property Decision_UnderRandomPolicies_WriteThenParse_GivesAnEqualDecision()
    {
        Gen<EligibilityDecision> decisions =
            from application in Applications()
            from policy in Policies()
            select policy.Decide(application);

        return Prop.ForAll(Arb.From(decisions), AssertRoundTrips);
    }

    [Fact]
    public void Decision_OfTheExampleApplications_RoundTripWithEveryOutcome()
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"));
        HashSet<EligibilityOutcome> outcomes = [];
        foreach (string line in lines.Take(4))
        {
            Application application = ApplicationDocument.Parse(line).GetValueOrThrow().Application;
            Assert.True(PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision));
            AssertRoundTrips(decision);
            outcomes.Add(decision.Outcome);
        }

        Assert.Equal(3, outcomes.Count);
    }

    private static void AssertRoundTrips(EligibilityDecision decision)
    {
        string json = Json(decision);

        DocumentResult<EligibilityDecision> read = DecisionDocument.Parse(json);

        Assert.Empty(read.Problems);
        Assert.Equal(decision, read.Value);
        Assert.Equal(decision.Explanation.Message, read.Value!.Explanation.Message);
        Assert.Equal(json, Json(read.Value));
    }
}
