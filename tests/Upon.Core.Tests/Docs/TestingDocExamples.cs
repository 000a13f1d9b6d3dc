using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked examples of docs/testing.md: each snippet is compiled and run here.</summary>
public sealed class TestingDocExamples
{
    [Fact]
    public void PropertyWithGenerators()
    {
        // begin-snippet: testing-property
        // 1,000 eligible applications: the property must hold for each; on failure the exception holds the shrunk one.
        UponProperty.ForAll(
            ApplicationGenerators.Eligible(BuiltInPolicies.Year2),
            application => BuiltInPolicies.Year2.Decide(application).IsEligible);

        // Near misses are one day short of three years, and eligible if assessed a day later.
        UponProperty.ForAll(
            ApplicationGenerators.NearMisses(),
            application => !BuiltInPolicies.Year2.Decide(application).IsEligible
                && BuiltInPolicies.Year2.Decide(application, application.AssessedOn.PlusDays(1)).IsEligible);
        // end-snippet
    }

    // begin-snippet: testing-xunit-property
    // With FsCheck.Xunit the test is a [Property] that returns the property. Upon.Core's own suite sets the
    // number of cases once for all of them: [assembly: Properties(MaxTest = 1000)].
    [Property]
    public Property EligibleApplications_AreEligible() =>
        Prop.ForAll(
            ApplicationGenerators.Eligible(BuiltInPolicies.Year2),
            application => BuiltInPolicies.Year2.Decide(application).IsEligible);
    // end-snippet

    [Fact]
    public void Builders()
    {
        // begin-snippet: testing-builders
        Application application = new ApplicationBuilder()
            .AssessedOn(new LocalDate(2021, 6, 1))
            .WithRole(role => role.AtLevel(RoleLevel.AssistantDirector).From(new LocalDate(2019, 6, 2)))
            .Build();
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Equal(new LocalDate(2022, 6, 2), decision.EligibleFrom);

        ImmutableArray<Appointment> history = new AppointmentHistoryBuilder("A", new LocalDate(2017, 4, 1))
            .Permanent("h1", Period.FromMonths(30))
            .Interim("h2", Period.FromMonths(5))
            .StillInPost("h3")
            .Build();
        Assert.Equal(new LocalDate(2020, 3, 1), history[^1].Start);
        // end-snippet
    }

    [Fact]
    public void Assertions()
    {
        // begin-snippet: testing-assertions
        Application application = new ApplicationBuilder()
            .WithRole(role => role.AtLevel(RoleLevel.AssistantDirector).From(new LocalDate(2019, 6, 2)))
            .Build();

        BuiltInPolicies.Year2.Decide(application)
            .ShouldBeIneligibleBecause(ReasonCodes.ExperienceInsufficient)
            .ShouldBeEligibleFrom(new LocalDate(2022, 6, 2));

        // A failure says what was expected and what the decision is, then its whole explanation, rule by rule.
        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(
            () => BuiltInPolicies.Year2.Decide(application).ShouldBeEligible());
        Assert.StartsWith("Expected A-0001 to be eligible, but it was ineligible (under aspirant-2021-22 v1 as of 2021-06-01).", failure.Message);
        // end-snippet
    }

    // begin-snippet: testing-case-files
    // Another team's suite: the cases its service relies on, in a case file copied to the test output, run in every build.
    [Fact]
    public void OurEligibilityCases_AllPass()
    {
        using Stream cases = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "our-eligibility-cases.json"));
        EligibilityCaseAssertions.AllPass(cases); // against PolicyRegistry.BuiltIn; pass another registry as the second argument
    }

    // The built-in policies' own case files ship in Upon.Core.Testing: run them against the build you deploy.
    [Theory]
    [InlineData("aspirant-2020-21")]
    [InlineData("aspirant-2021-22")]
    [InlineData("aspirant-2022-23")]
    public void TheBuiltInPoliciesCases_AllPass(string policyId)
    {
        using Stream cases = BuiltInCaseFiles.Open(policyId);
        EligibilityCaseAssertions.AllPass(cases);
    }
    // end-snippet

    [Fact]
    public void AFailingCase_SaysWhatDiffers_AndExplains()
    {
        using StreamReader file = new(Path.Combine(AppContext.BaseDirectory, "our-eligibility-cases.json"));
        string edited = file.ReadToEnd().Replace("\"outcome\": \"eligible\"", "\"outcome\": \"incomplete\"", StringComparison.Ordinal);

        DecisionAssertionException failure = Assert.Throws<DecisionAssertionException>(() => EligibilityCaseAssertions.AllPass(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(edited))));

        Assert.StartsWith("Expected every case to pass, but 30 records: 30 cases (", failure.Message, StringComparison.Ordinal);
        Assert.Contains("eligible-head-of-service: failed: outcome expected incomplete, was eligible\n  Y2-01: eligible under aspirant-2021-22 v1, as of 2021-06-01\n    [pass] eligibility (all.passed)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixtures()
    {
        // begin-snippet: testing-fixtures
        CompositionBreakdown backgrounds = ProgrammeFixtures.Year1ByProfessionalBackground;
        Assert.Equal(20, backgrounds.Total);                                   // 14 + 3 + 1 + 1 + 1 as published
        Assert.Equal(19, backgrounds.StatedTotal);                             // "19 took part"
        Assert.False(backgrounds.MatchesStatedTotal);

        Assert.Equal(35, ProgrammeFixtures.Year2Places);
        Assert.Equal(39, SectorFigures.ChangesIn2020To21);
        Assert.Equal(0.80m, SectorFigures.ServingDcsWhiteBritishShare);
        // end-snippet
    }

    [Fact]
    public void Facts()
    {
        // begin-snippet: testing-facts
        ProgrammeFact funding = ProgrammeFacts.Funding;
        Assert.Equal(3_000_000m, funding.Number);
        Assert.Equal("CYP Now, \u201CProgramme prepares the future leaders of children\u2019s services\u201D (Fiona Simpson, 2021-06-29)", funding.Source.ToString());

        // Where the sources disagree, both facts are kept, each with its source.
        Assert.Equal(
            ["year1.participants", "year2.places", "workforce.average-tenure"],
            ProgrammeFacts.Disagreements.Select(facts => facts[0].Topic));
        Assert.Equal(["19", "20"], ProgrammeFacts.About("year1.participants").Select(f => f.Value));
        // end-snippet
    }

    [Fact]
    public void SyntheticRegister()
    {
        // begin-snippet: testing-synthetic
        SyntheticWorkforce synthetic = SyntheticWorkforce.Default;             // seed 236, generated at first use
        ImmutableArray<Turnover> years = Turnover.ByFinancialYear(synthetic.Appointments, synthetic.Register, 2019, 2020);

        Assert.Equal((57, 48, 151), (years[0].Changes, years[0].AuthoritiesWithChange, years[0].AuthorityCount));   // 2019/20
        Assert.Equal((39, 34, 151), (years[1].Changes, years[1].AuthoritiesWithChange, years[1].AuthorityCount));   // 2020/21

        TenureSummary inPost = TenureMeasures.TimeInPost(synthetic.Appointments, new LocalDate(2021, 3, 31));
        Assert.InRange(inPost.MeanMonths!.Value, 29, 31);                     // ADCS: 30 months
        // end-snippet
    }

    [Fact]
    public void Corpora()
    {
        // begin-snippet: testing-corpora
        ImmutableArray<ApplicationSubmission> intake = ApplicationCorpus.Generate(1_000);   // seed 13: the same every run
        byte[] jsonLines = ApplicationCorpus.ToJsonLines(intake);                           // one document a line
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
        Assert.Equal(1_000, batch.Evaluate(new MemoryStream(jsonLines), BatchFormat.JsonLines).Count(r => r.IsValid));

        byte[] csv = AppointmentCorpus.GenerateCsv(5_000);                                  // authority,holder,start,end,kind,shared
        Assert.Equal(5_000, AppointmentDocument.ReadCsv(new MemoryStream(csv)).Count(r => r.IsValid));
        // end-snippet
    }
}
